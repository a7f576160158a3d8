"""A news digest's outline: its lead paragraphs are an introduction block, and the paragraph with
the coming year's targets leads the part of its sections (城阳区 2025 of the embedded corpus)."""

from __future__ import annotations

import itertools

from tests.corpus_reports import gold_pair, segment
from yoy import align, figures, terms
from yoy.models import Block, Outline, Period, Report
from yoy.pipeline import shipped_indicators


def _targets_at(report: Report) -> int:
    """Where the report's targets sentence starts: the sentence of its headline one-year targets, as the
    figure extractor finds them (the best-ranked), not a string written out from the report."""
    found = [f for f in figures.report_figures(report, shipped_indicators())
             if f.figure.is_target and f.figure.period is Period.YEAR]
    return min(found, key=lambda f: f.rank).figure.evidence.span.start


def _part_at(outline: Outline, pos: int) -> Block:
    return next(b for b in outline.blocks if b.span.start <= pos < b.span.end)


def test_intro_then_part_of_sections() -> None:
    _, new = gold_pair()
    outline = segment(new)
    intro, part = outline.blocks
    assert (intro.id, intro.n, intro.title, intro.children) == ("intro", None, "", ())
    assert intro.span.start == 0 and intro.span.end == part.span.start
    assert part.id == "p0" and len(part.children) == 5
    # the blocks tile the digest and the sections follow each other without overlap
    assert part.span.end == len(new.text)
    spans = [s.span for s in part.children]
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))
    pos = _targets_at(new)
    assert part.span.start <= pos < part.children[0].span.start  # the part's own lead


def test_targets_paragraphs_aligned() -> None:
    old, new = gold_pair()
    oo, on = segment(old), segment(new)
    old_part = _part_at(oo, _targets_at(old))
    new_part = _part_at(on, _targets_at(new))
    pairs = align.align(terms.doc(old, oo), terms.doc(new, on)).pairs
    assert any(p.old_id == old_part.id and p.new_id == new_part.id for p in pairs)
    # the introduction (last year's review) is not paired with the old plan part
    assert not any(p.old_id == old_part.id and p.new_id == "intro" for p in pairs)
