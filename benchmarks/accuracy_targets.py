"""Targets right against the national gold (../shared/gold/national_2000_2013.json), pair by pair.

Run: .venv/bin/python benchmarks/accuracy_targets.py [-v]
A row is right when the brief has that indicator with both values equal to the gold's (NFKC, ％ = %).
Then the phrasing cases of later national and local reports (tests/data/target_phrasing.json): expectations
found (indicator, value, qualifier, unit, kind) and cases wholly right.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.targets_gold import Row, score_national
from tests.targets_phrasing import cases, check


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every wrong row")
    args = ap.parse_args()
    by_pair: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for row in score_national():
        by_pair[(row.old_year, row.new_year)].append(row)
    right = total = 0
    for (a, b), rows in by_pair.items():
        ok = sum(r.right for r in rows)
        right, total = right + ok, total + len(rows)
        print(f"全国 {a}→{b}: {ok}/{len(rows)}")
        for r in rows:
            if not r.right and args.verbose:
                print(f"    {r.indicator}: gold {r.gold_old} → {r.gold_new}; got {r.got_old} → {r.got_new}"
                      f"{'' if r.found else ' (no line)'}")
    print(f"targets right: {right}/{total} = {right / total:.1%}")
    outcomes = [check(c) for c in cases()]
    for o in outcomes:
        if (o.missed or o.unwanted) and args.verbose:
            print(f"    {o.id}: missed {list(o.missed)}, unwanted {list(o.unwanted)}\n        got {o.got}")
    found = sum(o.right for o in outcomes)
    expected = sum(o.expected for o in outcomes)
    whole = sum(not o.missed and not o.unwanted for o in outcomes)
    print(f"phrasing cases: {found}/{expected} expectations, {whole}/{len(outcomes)} cases right")


if __name__ == "__main__":
    main()
