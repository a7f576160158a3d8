"""Mine the successions lexicon (yoy/data/successions.tsv) from the embedded corpus.

Run: .venv/bin/python scripts/mine_lexicon.py [--check]
For every region of the embedded corpus, each pair of consecutive reports is compared for stance
changes (same head, new modifier: `yoy.formulations.stance_changes`), and every change found is one
line: old wording, new wording, where it was seen. Nothing is typed in by hand, so the file holds no
answer of any gold list; `--check` exits 1 when the committed file differs from what the corpus gives
(a test runs it). The engine never needs the file: YOY_NO_LEXICON=1 switches it off.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yoy import formulations, outline, terms  # noqa: E402
from yoy.corpus import Corpus  # noqa: E402
from yoy.models import Report  # noqa: E402

OUT = ROOT / "yoy" / "data" / "successions.tsv"
HEADER = (
    "# Successions of policy wording: the old wording, a tab, the wording that took its place, a note.\n"
    "# Mined from the embedded corpus by scripts/mine_lexicon.py (stance changes of consecutive reports\n"
    "# of one region); do not edit by hand: rerun the script. Add your own in a file of the same format\n"
    "# and point YOY_LEXICON at it; YOY_NO_LEXICON=1 switches every lexicon off.\n"
)


def mine(reports: Iterable[Report]) -> list[tuple[str, str, str]]:
    """(old, new, note) for every stance change between consecutive reports of a region."""
    by_region: dict[str, list[Report]] = {}
    for r in reports:
        by_region.setdefault(r.meta.region, []).append(r)
    seen: dict[tuple[str, str], str] = {}
    for region in sorted(by_region):
        reps = sorted(by_region[region], key=lambda r: r.meta.year)
        docs = [terms.doc(r, outline.segment(r)) for r in reps]
        for a, b in pairwise(docs):
            for old, new in formulations.stance_changes(a, b):
                note = f"{region} {a.report.meta.year}→{b.report.meta.year}"
                seen.setdefault((old.phrase, new.phrase), note)
    return [(o, n, note) for (o, n), note in seen.items()]


def render(rows: Iterable[tuple[str, str, str]]) -> str:
    return HEADER + "".join(f"{o}\t{n}\t{note}\n" for o, n, note in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file is out of date")
    args = ap.parse_args()
    root = ROOT / "yoy" / "corpus"
    text = render(mine(Corpus(root).reports()))
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run scripts/mine_lexicon.py", file=sys.stderr)
            sys.exit(1)
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - HEADER.count(chr(10))} successions)")


if __name__ == "__main__":
    main()
