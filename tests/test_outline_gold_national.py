"""Quality gate: outlines of the 14 national reports of the embedded corpus against the gold
(../shared/gold/national_outlines_2000_2013.json, scored as its README says for outlines.json)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gold_outlines import NATIONAL_GOLD, load_national_gold, score_outline
from yoy.corpus import Corpus
from yoy.outline import segment

CORPUS = Path(__file__).parents[1] / "yoy" / "corpus"
# Pinned scores per year (matched gold headings / all, extra numbered headings). The gate fails
# below these; raise them when the segmenter improves, never lower them.
PINNED = {
    2000: (10, 10, 0), 2001: (10, 10, 0), 2002: (8, 8, 0), 2003: (19, 19, 0), 2004: (18, 18, 0),
    2005: (26, 26, 0), 2006: (21, 21, 0), 2007: (22, 22, 0), 2008: (14, 14, 0), 2009: (13, 13, 0),
    2010: (14, 14, 0), 2011: (18, 18, 0), 2012: (17, 17, 0), 2013: (7, 7, 0),
}

pytestmark = pytest.mark.skipif(not NATIONAL_GOLD.exists(), reason=f"no gold at {NATIONAL_GOLD}")


@pytest.mark.parametrize("year", sorted(PINNED))
def test_national_gold_outline(year: int) -> None:
    gold = next(g for g in load_national_gold() if g["year"] == year)
    report = Corpus(CORPUS).load("全国", year)
    assert report.meta.kind == gold["kind"]
    assert report.meta.source == gold["source_file"]
    score = score_outline(gold, segment(report))
    matched, total, extra = PINNED[year]
    print(f"全国 {year}: {score.matched}/{score.total} headings, {score.extra} extra")
    assert score.total == total
    assert score.matched >= matched, score.misses
    assert score.extra <= extra, score.extras


def test_gold_lists_every_pinned_year() -> None:
    assert {g["year"] for g in load_national_gold()} == set(PINNED)
    assert {g["region"] for g in load_national_gold()} == {"全国"}


def test_every_pinned_year_is_perfect() -> None:
    # the goal: every gold heading, no extra numbered heading, on every national report
    assert all(m == t and e == 0 for m, t, e in PINNED.values())
