"""The whole job in one place: from two stored reports to change briefs."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from yoy import align, classify, outline, render
from yoy.corpus import Corpus
from yoy.errors import LimitError
from yoy.models import Comparison, Outline, Report
from yoy.text import fold

MAX_REPORT_CHARS = 150_000  # 7× the longest report in the embedded corpus (全国 2006, 21,072): align and
#                            classify grow faster than linearly, 200,000 repetitive characters take ~10 s
MAX_HEADINGS = 300  # 3× the most headings of any embedded report (全国 2009, 97): 1,000 sections take ~2 min


MAX_HEADING_MARKS = 2 * MAX_HEADINGS  # 一、 and (一) anywhere in the text, counted before segmenting
_MARK = re.compile(rf"[{outline.NUMERALS}]{{1,3}}、|[(][{outline.NUMERALS}]{{1,3}}[)]")


def precheck(report: Report) -> None:
    """`LimitError` before segmenting, which is slow on thousands of sections: length and heading marks."""
    where = f"{report.meta.region} {report.meta.year}"
    if len(report.text) > MAX_REPORT_CHARS:
        raise LimitError(f"{where}: too long to compare ({len(report.text):,} characters; the limit is "
                         f"{MAX_REPORT_CHARS:,})")
    marks = sum(1 for _ in _MARK.finditer(fold(report.text)))
    if marks > MAX_HEADING_MARKS:
        raise LimitError(f"{where}: too many headings to compare ({marks:,} heading numbers; the limit is "
                         f"{MAX_HEADINGS:,} headings)")


def check_limits(report: Report, tree: Outline) -> None:
    """`LimitError` for a report too long or with too many headings to compare in seconds."""
    where = f"{report.meta.region} {report.meta.year}"
    stack, count = list(tree.blocks), 0
    while stack:
        count += 1
        stack.extend(stack.pop().children)
    if count > MAX_HEADINGS:
        raise LimitError(f"{where}: too many headings to compare ({count:,}; the limit is {MAX_HEADINGS:,})")


def compare(old: Report, new: Report, history: Sequence[Report] = ()) -> Comparison:
    """Compare two reports; pure: no files are read or written.

    1. segment: outline each report into parts, sections, items, paragraphs, sentences
       (`outline.segment`).
    2. align: map old blocks onto new ones, hierarchically, with moves, splits and merges
       (`align.align`).
    3. classify: priorities new / dropped / reworded / continued with evidence, targets old → new,
       significance ranking, term history over `history` (`classify.classify`).
    """
    precheck(old)
    precheck(new)
    old_outline, new_outline = outline.segment(old), outline.segment(new)
    check_limits(old, old_outline)
    check_limits(new, new_outline)
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
