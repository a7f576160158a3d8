"""Target and result phrasing cases (tests/data/target_phrasing.json): each sentence in a synthetic report.

Shared by tests/test_targets_phrasing.py and benchmarks/accuracy_targets.py (which prints the pass rate).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tests.corpus_reports import CORPUS
from tests.targets_gold import norm
from yoy import figures
from yoy.models import Figure, Period, Report
from yoy.pipeline import shipped_indicators

CASES = Path(__file__).parent / "data" / "target_phrasing.json"
# Neutral review and plan prose: no indicator of yoy/data/indicators.tsv, no figure.
_FILLER_REVIEW = ("过去一年，面对复杂严峻的外部环境，我们坚持稳中求进工作总基调，扎实推进各项工作，"
                  "经济社会发展取得新的成效，人民生活持续改善，社会大局保持稳定。\n")
_FILLER_PLAN = "做好今年工作，要坚持稳中求进，统筹发展和安全，扎实推进高质量发展。\n"
_PLAN_HEADING = {"national": "二、{year}年经济社会发展总体要求和政策取向",
                 "province": "二、{year}年主要目标任务", "city": "二、{year}年重点工作",
                 "district": "二、{year}年工作安排"}
_BASE = {"national": ("全国", 2013), "province": ("青岛市", 2025), "city": ("青岛市", 2025),
         "district": ("城阳区", 2022)}


KINDS = {"target", "result", "multi-year"}


def cases() -> list[dict[str, Any]]:
    """The cases; the file must name each case once and cover every kind and every level."""
    data: dict[str, Any] = json.loads(CASES.read_text(encoding="utf-8"))
    out: list[dict[str, Any]] = data["cases"]
    ids = [c["id"] for c in out]
    kinds = {row[0] for c in out for row in c["expect"]}
    levels = {c["level"] for c in out}
    if len(set(ids)) != len(ids) or kinds != KINDS or levels != set(_PLAN_HEADING):
        raise ValueError(f"{CASES}: ids repeat, or kinds {sorted(kinds)} / levels {sorted(levels)} "
                         f"are not {sorted(KINDS)} / {sorted(_PLAN_HEADING)}")
    return out


def report_of(case: dict[str, Any]) -> Report:
    """The case's text in the zone it names, inside a review part and a plan part."""
    year, level = case["year"], case["level"]
    review = case.get("heading") or f"一、{year - 1}年工作回顾"
    body = case["text"] + "\n"
    in_review, in_plan = (body, "") if case["zone"] == "review" else ("", body)
    text = (f"{review}\n{_FILLER_REVIEW * 3}{in_review}"
            f"{_PLAN_HEADING[level].format(year=year)}\n{_FILLER_PLAN}{in_plan}{_FILLER_PLAN}")
    region, base_year = _BASE[level]
    base = CORPUS.load(region, base_year)
    return Report(meta=replace(base.meta, year=year), text=text)


def _as(f: Figure) -> str:
    if f.period is Period.MULTI_YEAR:
        return "multi-year"
    return "target" if f.is_target else "result"


@dataclass(frozen=True)
class Outcome:
    """One case: the expectations it missed and the forbidden figures it found."""

    id: str
    expected: int
    missed: tuple[str, ...]
    unwanted: tuple[str, ...]
    got: str  # every figure found, for the failure message

    @property
    def right(self) -> int:
        return self.expected - len(self.missed)


def _show(f: Figure) -> str:
    return f"{_as(f)} {f.indicator} {f.value} ({f.qualifier}, {f.unit}, {f.canonical})"


def check(case: dict[str, Any]) -> Outcome:
    found = figures.report_figures(report_of(case), shipped_indicators())
    every = [f.figure for f in found]
    heads = figures.headline_targets(found)
    missed = []
    for row in case["expect"]:
        as_, indicator, value, qualifier, unit = row[:5]
        canonical = row[5] if len(row) > 5 else None
        pool: Sequence[Figure] = list(heads.values()) if as_ == "target" else every
        hit = [f for f in pool if _as(f) == as_ and f.indicator == indicator and norm(f.value) == norm(value)
               and f.qualifier == qualifier and f.unit == unit
               and (canonical is None or figures.key(f) == canonical)]
        if not hit:
            missed.append(f"{as_} {indicator} {value} ({qualifier}, {unit}"
                          f"{', ' + canonical if canonical else ''})")
    unwanted = []
    for row in case.get("absent", []):
        indicator, value = row[0], row[1]
        as_ = row[2] if len(row) > 2 else None
        unwanted += [_show(f) for f in every if f.indicator == indicator
                     and (value is None or norm(f.value) == norm(value)) and (as_ is None or _as(f) == as_)]
    return Outcome(case["id"], len(case["expect"]), tuple(missed), tuple(unwanted),
                   "; ".join(_show(f) for f in every))
