"""Mine `vocab.FREE_MODIFIERS` (the nouns the reports use freely as modifiers) from the embedded corpus.

Run: .venv/bin/python scripts/mine_modifiers.py [--check]
A pair of two everyday words (`formulations.plain`: 农村经济, 政府投资) is a free description when its
first word is a noun the reports put before many different words: such a noun combines freely, and
the pair says what it says word by word. A noun the reports seldom put before another word (实体|经济,
invented X|产业 pairs alike) makes, with an everyday head, a compound that names a thing: a coined term.
This script lists every noun of jieba's dictionary (tags n, nz, t, s, nt, ns, ng), counted
`formulations.EVERYDAY_COUNT`+ times there, that some word follows in at least FREE_MODIFIER_MIN
distinct ways across the embedded national reports, segmented as the engine segments them. Nothing
is typed in by hand; `--check` exits 1 when vocab.py's list differs from what the corpus gives (a test
runs it).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yoy import formulations, text, vocab  # noqa: E402
from yoy.corpus import Corpus  # noqa: E402
from yoy.models import Level, Report  # noqa: E402

# Ten distinct following words: the same productivity POLICY_HEADS asks of a head's modifiers
# (scripts/vocab_provenance.py, HEAD_MIN_MODIFIERS). Set by that criterion, not fitted.
FREE_MODIFIER_MIN = 10
NOUN_TAGS = formulations.MODIFIER_NOUN_TAGS


def mine(reports: Iterable[Report]) -> list[str]:
    """The nouns of the criterion above, sorted."""
    followers: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        if r.meta.level is Level.NATIONAL:
            for a, b in pairwise(text.words(r.text)):
                followers[a].add(b)
    return sorted(w for w, after in followers.items()
                  if len(after) >= FREE_MODIFIER_MIN and formulations.modifier_noun(w)
                  and text.dictionary_count(w) >= formulations.EVERYDAY_COUNT)


def render(words: Iterable[str]) -> str:
    """The words as vocab.py holds them: one string, eight words a line."""
    ws = list(words)
    return "\n".join(" ".join(ws[k:k + 8]) for k in range(0, len(ws), 8))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if vocab.FREE_MODIFIERS is out of date")
    args = parser.parse_args()
    words = mine(Corpus(ROOT / "yoy" / "corpus").reports())
    if args.check:
        ok = set(vocab.FREE_MODIFIERS.split()) == set(words)
        print("vocab.FREE_MODIFIERS is " + ("up to date" if ok else "out of date: rerun the script"))
        return 0 if ok else 1
    print(render(words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
