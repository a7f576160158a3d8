"""Quality gate: outlines of the embedded corpus (ingested from the seed pages) against the gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gold_outlines import GOLD_DIR, load_gold, score_outline
from yoy.corpus import Corpus
from yoy.outline import segment

CORPUS = Path(__file__).parents[1] / "yoy" / "corpus"
# Pinned scores (matched gold headings / all, extra numbered headings), per report. The gate fails
# below these; raise them when the segmenter improves, never lower them.
PINNED = {
    ("市南区", 2025): (6, 6, 0),
    ("青岛市", 2025): (12, 12, 0),
    ("城阳区", 2025): (5, 5, 0),
    ("即墨区", 2019): (9, 9, 0),
    ("崂山区", 2019): (17, 17, 0),
    ("城阳区", 2022): (16, 16, 0),
}

pytestmark = pytest.mark.skipif(not (GOLD_DIR / "outlines.json").exists(), reason=f"no gold at {GOLD_DIR}")


@pytest.mark.parametrize("key", sorted(PINNED), ids=[f"{r}{y}" for r, y in sorted(PINNED)])
def test_gold_outline(key: tuple[str, int]) -> None:
    gold = next(g for g in load_gold() if (g["region"], g["year"]) == key)
    report = Corpus(CORPUS).load(*key)
    assert report.meta.kind == gold["kind"]
    score = score_outline(gold, segment(report))
    matched, total, extra = PINNED[key]
    print(f"{key[0]} {key[1]}: {score.matched}/{score.total} headings, {score.extra} extra")
    assert score.total == total
    assert score.matched >= matched, score.misses
    assert score.extra <= extra, score.extras


def test_gold_lists_every_pinned_report() -> None:
    assert {(g["region"], g["year"]) for g in load_gold()} == set(PINNED)
