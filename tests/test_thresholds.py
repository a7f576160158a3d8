"""The corpus statistics that the outline's and the aligner's thresholds are stated from
(scripts/measure_thresholds.py) still support them: each test fails when the embedded reports no longer
bear out what the constant's comment says (a corpus added that breaks it), not when a figure moves."""

from __future__ import annotations

from statistics import median
from types import ModuleType

import pytest

from tests import scripts
from yoy import align, outline


@pytest.fixture(scope="module")
def measure() -> ModuleType:
    return scripts.load("scripts/measure_thresholds.py")


def test_every_heading_that_stands_alone_fits_max_title(measure: ModuleType) -> None:
    titles = measure.alone_titles()
    assert len(titles) >= 100  # the statistic is over the corpus, not a handful of headings
    assert max(len(t) for _, t in titles) < outline.MAX_TITLE


def test_the_quorum_is_above_chance_agreement(measure: ModuleType) -> None:
    """Random groups of headings (one per report) reach the quorum in under 1% of draws, and some
    real sibling groups reach it (the template rule has something to find)."""
    shares, chance = measure.quorum_stats(500)
    assert len(chance) >= 400
    assert measure.quantile(chance, measure.TOP) < outline.PARALLEL_QUORUM
    assert any(s >= outline.PARALLEL_QUORUM for s in shares)


def test_the_null_ratio_keeps_most_mutual_best_counterparts(measure: ModuleType) -> None:
    best, rest = measure.null_ratios()
    share = sum(x >= align.NULL_RATIO for x in best["all"]) / len(best["all"])
    assert share >= measure.HIGH  # at least 95% of the mutual best clear the gate …
    assert median(rest["all"]) < align.NULL_RATIO  # … and the typical unrelated score does not


def test_no_numbered_heading_reads_as_a_statement(measure: ModuleType) -> None:
    """The item rule's marks of a statement (`outline.statement`) never open a numbered heading of the
    corpus, and the short first sentences it looks at do show them (the rule has something to find)."""
    openings = measure.heading_openings()
    assert len(openings) >= 100
    assert [t for t in openings if outline.statement(t)] == []
    assert any(outline.statement(t) for t in measure.lead_phrases())


def test_quantile_is_nearest_rank(measure: ModuleType) -> None:
    assert measure.quantile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert measure.quantile([1.0, 2.0, 3.0, 4.0, 100.0], 0.99) == 100.0
    assert measure.quantile([5.0], 0.95) == 5.0

