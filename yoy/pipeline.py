"""The whole job in one place: from two stored reports to change briefs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from yoy import align, classify, outline, render
from yoy.corpus import Corpus
from yoy.models import Comparison, Report


def compare(old: Report, new: Report, history: Sequence[Report] = ()) -> Comparison:
    """Compare two reports; pure: no files are read or written.

    1. segment: outline each report into parts, sections, items, paragraphs, sentences
       (`outline.segment`).
    2. align: map old blocks onto new ones, hierarchically, with moves, splits and merges
       (`align.align`).
    3. classify: priorities new / dropped / reworded / continued with evidence, targets old → new,
       significance ranking, term history over `history` (`classify.classify`).
    """
    old_outline, new_outline = outline.segment(old), outline.segment(new)
    pairs = align.align(old, old_outline, new, new_outline)
    return classify.classify(old, old_outline, new, new_outline, pairs, history)


def run(corpus: Corpus, old_key: tuple[str, int], new_key: tuple[str, int],
        formats: Sequence[str], out_dir: Path,
        progress: Callable[[str], None] | None = None) -> tuple[Comparison, tuple[Path, ...]]:
    """`yoy compare`, end to end.

    1. ingest: load both reports from the corpus, which `yoy ingest` built from saved pages
       (`corpus.Corpus.load`; a missing region or year is a `NotFoundError` that says how to add it).
    2. segment, 3. align, 4. classify: `compare` above, one `Comparison` record.
    5. render: JSON, HTML, PDF and Markdown, all from that record (`render.write_briefs`;
       `progress` hears each format before it is written).
    """
    old, new = corpus.load(*old_key), corpus.load(*new_key)
    history = corpus.history(new.meta.region) if old.meta.region == new.meta.region else ()
    comparison = compare(old, new, history)
    return comparison, render.write_briefs(comparison, formats, out_dir, progress)
