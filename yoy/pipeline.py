"""The whole job in one place: from two stored reports to change briefs.

The edge: the lexicon (`yoy.lexicon.load`, which reads files and the environment) and the reference
corpus (every national report yoy ships, the user's corpus, the region's own reports) are loaded
here and passed into the pure stages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

from yoy import align, classify, figures, index, lexicon, outline
from yoy.corpus import Corpus, embedded_root
from yoy.errors import LimitError
from yoy.history import Reference, reference
from yoy.lexicon import Lexicon
from yoy.models import Comparison, Level, Outline, Report
from yoy.terms import doc
from yoy.text import NUMERALS, fold

MAX_REPORT_CHARS = 150_000  # 7× the longest report in the embedded corpus (全国 2006, 21,072): align and
#                            classify grow faster than linearly, 200,000 repetitive characters take ~10 s
MAX_HEADINGS = 300  # 3× the most headings of any embedded report (全国 2009, 97): 1,000 sections take ~2 min


MAX_HEADING_MARKS = 2 * MAX_HEADINGS  # 一、 and (一) anywhere in the text, counted before segmenting
_MARK = re.compile(rf"[{NUMERALS}]{{1,3}}、|[(][{NUMERALS}]{{1,3}}[)]")


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


@cache  # the shipped reports never change within a process: fold and squeeze them once
def shipped_national() -> tuple[Report, ...]:
    """Every national report of the embedded corpus (used whatever `--corpus` says)."""
    root = embedded_root()
    if root is None:
        return ()
    return tuple(r for r in Corpus(root).reports() if r.meta.level is Level.NATIONAL)


@cache
def _shipped_reference() -> Reference:
    return reference(shipped_national())


def reference_for(reports: Iterable[Report]) -> Reference:
    """The reference corpus: the shipped national reports plus `reports` (user corpus, history)."""
    extra = tuple(reports)
    if not extra:
        return _shipped_reference()
    base = _shipped_reference()
    more = reference(r for r in extra if (r.meta.region, r.meta.year) not in
                     {(t.region, t.year) for t in base.texts})
    return Reference(tuple(sorted((*base.texts, *more.texts), key=lambda t: (t.region, t.year))))


def compare(old: Report, new: Report, history: Sequence[Report] = (), *, lexicon: Lexicon | None = None,
            reference: Reference | None = None,
            history_figures: Mapping[int, Sequence[figures.Found]] | None = None) -> Comparison:
    """Compare two reports; no file is written (the shipped corpus is read once per process).

    1. segment: outline each report into parts, sections, items, paragraphs, sentences
       (`outline.segment`), and build the per-report record (fold, squeeze, segment once: `terms.doc`).
    2. align: map old blocks onto new ones, hierarchically, with moves, splits and merges, into one
       `Alignment` record (pairs, labels, budget notes: `align.align`).
    3. classify (the two records and the alignment): priorities new / dropped / reworded / continued
       with evidence and history signals, targets old → new, significance ranking, term history
       (`classify.classify`).
    `lexicon`: known successions (default: none — the engine works from the texts). `reference`: what
    novelty and genericness are measured against (default: shipped national reports + `history`).
    `history_figures`: `figures.report_figures` of history reports by year, when the edge has them
    (`history_figures` below reads them from the corpus index); the others are worked out.
    """
    precheck(old)
    precheck(new)
    old_outline, new_outline = outline.segment(old), outline.segment(new)
    check_limits(old, old_outline)
    check_limits(new, new_outline)
    old_doc, new_doc = doc(old, old_outline), doc(new, new_outline)
    alignment = align.align(old_doc, new_doc)
    ref = reference if reference is not None else reference_for((*history, old, new))
    return classify.classify(old_doc, new_doc, alignment, history, lexicon=lexicon or Lexicon(),
                             reference=ref, history_figures=history_figures)


def history_figures(corpus: Corpus, history: Sequence[Report]) -> dict[int, tuple[figures.Found, ...]]:
    """`figures.report_figures` of each history report by year, from the corpus index (keyed by the
    report's text and year and by the engine that made them): worked out and stored once per text,
    so a comparison reads a region's target series instead of re-outlining every year."""
    engine = index.engine_fingerprint()
    years: dict[int, Report] = {}
    for rep in history:
        years.setdefault(rep.meta.year, rep)
    keys = {y: index.figures_key(r.text, y) for y, r in years.items()}
    db = corpus.index
    stored = db.figures(keys.values(), engine)
    out: dict[int, tuple[figures.Found, ...]] = {}
    fresh: dict[str, str] = {}
    for y, k in keys.items():
        if k in stored:
            out[y] = figures.load_found(stored[k])
        else:
            out[y] = tuple(figures.report_figures(years[y]))
            fresh[k] = figures.dump_found(out[y])
    db.store_figures(fresh, engine)
    return out


def compare_stored(corpus: Corpus, old: Report, new: Report, lex: Lexicon | None = None) -> Comparison:
    """`compare` with what the edge loads: the region's history (same-region pairs), the successions
    lexicon (`lexicon.load`: shipped, $YOY_LEXICON; none when $YOY_NO_LEXICON=1) and the reference
    corpus (shipped national reports + the region's own, as `compare` builds it)."""
    history = corpus.history(new.meta.region) if old.meta.region == new.meta.region else ()
    return compare(old, new, history, lexicon=lexicon.load() if lex is None else lex,
                   history_figures=history_figures(corpus, history) if history else None)


def run(corpus: Corpus, old_key: tuple[str, int], new_key: tuple[str, int],
        formats: Sequence[str], out_dir: Path,
        progress: Callable[[str], None] | None = None) -> tuple[Comparison, tuple[Path, ...]]:
    """`yoy compare`, end to end.

    1. ingest: load both reports from the corpus, which `yoy ingest` built from saved pages
       (`corpus.Corpus.load`; a missing region or year is a `NotFoundError` that says how to add it),
       with the lexicon, history and reference corpus (`compare_stored`).
    2. segment, 3. align, 4. classify: `compare` above, one `Comparison` record.
    5. render: JSON, HTML, PDF and Markdown, all from that record (`render.write_briefs`;
       `progress` hears each format before it is written).
    """
    from yoy import render  # jinja2 and the templates: not for callers that only compare

    old, new = corpus.load(*old_key), corpus.load(*new_key)
    comparison = compare_stored(corpus, old, new)
    return comparison, render.write_briefs(comparison, formats, out_dir, progress)
