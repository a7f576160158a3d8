"""Quality gate: outlines of the 14 national reports of the embedded corpus against the gold
(../shared/gold/national_outlines_2000_2013.json, scored as its README says for outlines.json)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gold_outlines import NATIONAL_GOLD, load_national_gold, score_outline
from yoy.corpus import Corpus
from yoy.outline import segment

CORPUS = Path(__file__).parents[1] / "yoy" / "corpus"
# Gold headings per year. The gate is the goal, reached on every year: every gold heading
# matched, no extra numbered heading.
HEADINGS = {
    2000: 10, 2001: 10, 2002: 8, 2003: 19, 2004: 18, 2005: 26, 2006: 21, 2007: 22, 2008: 14, 2009: 13,
    2010: 14, 2011: 18, 2012: 17, 2013: 7,
}

pytestmark = pytest.mark.skipif(not NATIONAL_GOLD.exists(), reason=f"no gold at {NATIONAL_GOLD}")


@pytest.mark.parametrize("year", sorted(HEADINGS))
def test_national_gold_outline(year: int) -> None:
    gold = next(g for g in load_national_gold() if g["year"] == year)
    report = Corpus(CORPUS).load("全国", year)
    assert report.meta.kind == gold["kind"]
    assert report.meta.source == gold["source_file"]
    score = score_outline(gold, segment(report))
    print(f"全国 {year}: {score.matched}/{score.total} headings, {score.extra} extra")
    assert score.total == HEADINGS[year]
    assert score.matched == score.total, score.misses
    assert score.extra == 0, score.extras


def test_gold_lists_every_gated_year() -> None:
    assert {g["year"] for g in load_national_gold()} == set(HEADINGS)
    assert {g["region"] for g in load_national_gold()} == {"全国"}
