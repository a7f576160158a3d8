"""Measure which derivational suffixes only modify: the source of `vocab.ATTRIBUTIVE_SUFFIXES`.

Run: .venv/bin/python scripts/measure_suffixes.py [--check]
For every suffix of `vocab.DERIVING_SUFFIXES` (化, 性, 型, 式, 观), the words of three or more
characters ending in it in the shipped national reports (flat text, segmented and tagged by jieba),
and the share of them followed directly by a nominal word (jieba tags n…, vn, an, i, l, j: a head).
A suffix whose words stand before a head at least ATTRIBUTIVE_SHARE of the time is attributive: a
phrase ending in such a word was cut before its head (`formulations._fragment`). `--check` exits 1
when the suffixes that pass differ from `vocab.ATTRIBUTIVE_SUFFIXES` (a test runs it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yoy import vocab  # noqa: E402
from yoy.formulations import _NOMINAL_TAGS as NOMINAL_TAGS  # noqa: E402
from yoy.formulations import DERIVED_MIN  # noqa: E402
from yoy.history import flat_text  # noqa: E402
from yoy.pipeline import shipped_national  # noqa: E402
from yoy.text import tag  # noqa: E402

# Three in four: a noun-forming suffix heads its own phrase about half the time (X化 said alone, X化
# as a modifier), so a suffix whose words precede a head three times in four is one that only
# classifies. Set from that contrast, not fitted to any list of expected terms.
ATTRIBUTIVE_SHARE = 0.75
# Jieba's tags of words that can head a phrase: the engine's own (`NOMINAL_TAGS`, imported above).


def shares(texts: list[str]) -> dict[str, tuple[int, float]]:
    """For each deriving suffix: how many coined words end in it, and the share followed by a head."""
    suffixes = vocab.DERIVING_SUFFIXES.split()
    seen: Counter[str] = Counter()
    headed: Counter[str] = Counter()
    for text in texts:
        tagged = tag(text)
        for (w, _), (_, nxt) in pairwise(tagged):
            if len(w) >= DERIVED_MIN and w[-1] in suffixes:
                seen[w[-1]] += 1
                headed[w[-1]] += nxt in NOMINAL_TAGS
    return {s: (seen[s], headed[s] / seen[s] if seen[s] else 0.0) for s in suffixes}


def attributive(found: dict[str, tuple[int, float]]) -> list[str]:
    return [s for s, (n, share) in found.items() if n and share >= ATTRIBUTIVE_SHARE]


def measure() -> tuple[dict[str, tuple[int, float]], list[str]]:
    """`shares` on the shipped national reports, and the suffixes that pass (`attributive`)."""
    found = shares([flat_text(r) for r in shipped_national()])
    return found, attributive(found)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if vocab.ATTRIBUTIVE_SUFFIXES differs")
    args = ap.parse_args()
    found, passing = measure()
    for s, (n, share) in found.items():
        print(f"{s}  {n:5d} words  {share:6.1%} followed by a head")
    print("attributive:", " ".join(passing))
    if args.check and passing != vocab.ATTRIBUTIVE_SUFFIXES.split():
        print(f"vocab.ATTRIBUTIVE_SUFFIXES is {vocab.ATTRIBUTIVE_SUFFIXES!r}; the corpus gives "
              f"{' '.join(passing)!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
