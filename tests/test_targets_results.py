"""Last year's results of national reviews against hand-written expectations (data/national_results.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.targets_gold import CORPUS, norm
from yoy import figures
from yoy.models import Period
from yoy.pipeline import shipped_indicators

EXPECTED = Path(__file__).parent / "data" / "national_results.json"
# Share of result figures right (found with value, unit and qualifier; extra ones count as wrong).
# Reached: 55 of 55 listed, no extra (54 before the 由…转为下降1.2% rule). Never lower this.
RESULTS_RIGHT = 0.98


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED.read_text(encoding="utf-8"))["years"]
    return data


def _results(year: int) -> list[tuple[str, str]]:
    found = figures.report_figures(CORPUS.load("全国", year), shipped_indicators())
    return [(f.figure.indicator, norm(f.figure.value)) for f in found
            if not f.figure.is_target and f.figure.period is Period.YEAR]


def test_results_right(expected: dict[str, Any]) -> None:
    right = total = 0
    for year, want in expected.items():
        got = _results(int(year))
        wanted = [(i, norm(v)) for i, v in want["results"]]
        hits = [w for w in wanted if w in got]
        extra = [g for g in got if g not in wanted]
        print(f"\n全国 {year}: {len(hits)}/{len(wanted)} right, extra {extra}, missed "
              f"{[w for w in wanted if w not in got]}")
        right += len(hits)
        total += len(wanted) + len(extra)
    assert right / total >= RESULTS_RIGHT


def test_no_target_or_multi_year_figure_as_result(expected: dict[str, Any]) -> None:
    for year, want in expected.items():
        got = _results(int(year))
        for i, v in want["not_results"]:
            assert (i, norm(v)) not in got, (year, i, v)
        report = CORPUS.load("全国", int(year))
        found = figures.report_figures(report, shipped_indicators())
        heads = figures.headline_targets(found)
        target_sentences = {f.evidence.span for f in heads.values()}
        results = [f.figure for f in found if not f.figure.is_target]
        assert heads and not [f for f in results if f.evidence.span in target_sentences]


def test_review_of_five_years_is_multi_year() -> None:
    found = figures.report_figures(CORPUS.load("全国", 2008), shipped_indicators())
    one_year = [f.figure for f in found if not f.figure.is_target and f.figure.period is Period.YEAR]
    # the 2008 report reviews 2003-2007: only figures that name the past year itself are one year's
    assert all("去年" in f.evidence.sentence or "2007" in f.evidence.sentence for f in one_year), one_year[:3]
