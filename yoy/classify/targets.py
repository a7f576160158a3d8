"""Targets: every figure of a report, each indicator's target old → new, and its series across the
region's reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from yoy import figures
from yoy.classify.sides import _Side
from yoy.models import (
    Direction,
    Doc,
    Figure,
    Report,
    Role,
    Side,
    Span,
    TargetChange,
    TargetSeries,
)


def own_figures(d: Doc, table: figures.Indicators) -> list[figures.Found]:
    """Every figure of a report (targets, results, multi-year; the indicators of `table`) with its
    headline rank, placed in no comparison (evidence on the new side, without path or pair): what a
    comparison places (`figures_of`; the pipeline keeps them in the report's record,
    `Analysis.figures`)."""
    o = d.outline

    def nowhere(span: Span) -> figures.Located:
        return figures.Located(Side.NEW, span, "", None, Role.OTHER)

    return figures.extract_all(table, d.folded, d.report.text, d.report.meta.year, o.sentences, o.blocks,
                               o.paragraphs, nowhere)


def figures_of(side: _Side, table: figures.Indicators) -> list[figures.Found]:
    """Every figure of one side's report (targets, results, multi-year), with its headline rank: the
    record's own figures (`own_figures`) placed in this comparison when it has them, else read here
    (by `table`). Reading a sentence depends on its place only for the evidence's side, path and pair."""
    kept = side.analysis.figures
    if kept is not None and kept[0] == side.year:
        out = []
        for f in kept[1]:
            ev = f.figure.evidence
            where = side.locate(ev.span)
            ev = replace(ev, side=where.side, path=where.path, pair_id=where.pair_id)
            out.append(figures.Found(replace(f.figure, evidence=ev), f.rank))
        return out
    o = side.doc.outline
    return figures.extract_all(table, side.doc.folded, side.report.text, side.year, o.sentences, o.blocks,
                               o.paragraphs, side.locate)


def _targets(fo: Sequence[figures.Found], fn: Sequence[figures.Found], peers: bool = False,
             digests: tuple[bool, bool] = (False, False)) -> list[TargetChange]:
    """Each indicator's target old → new, in the reports' order (`digests`: which side is a news
    digest, whose silence on a target is an omission, not a change)."""
    old, new = figures.headline_targets(fo), figures.headline_targets(fn)
    rows: list[tuple[str, Figure | None, Figure | None]] = []
    for ind in old.keys() & new.keys():
        rows.append((ind, old[ind], new[ind]))
    # one side states a figure, the other only words (X投资增长6.3%左右 → X投资量质并进)
    left_old = {figures.base_of(i): i for i in old if i not in new}
    left_new = {figures.base_of(i): i for i in new if i not in old}
    for base in sorted(left_old.keys() & left_new.keys()):
        rows.append((base, old[left_old.pop(base)], new[left_new.pop(base)]))
    rows += [(i, old[i], None) for i in left_old.values()]
    rows += [(i, None, new[i]) for i in left_new.values()]

    # the report's own order: figures come in reading order, clause by clause, so one sentence's
    # comma-run of targets keeps its order (a sentence start alone would tie them all)
    read = {id(f.figure): k for found in (fo, fn) for k, f in enumerate(found)}

    def pos(r: tuple[str, Figure | None, Figure | None]) -> tuple[int, int, int, str]:
        f = r[1] or r[2]
        assert f is not None
        return (0 if r[1] else 1, f.evidence.span.start, read.get(id(f), len(read)), r[0])

    rows.sort(key=pos)
    out = []
    for canonical, o, n in rows:
        shown = n or o
        assert shown is not None
        name = shown.indicator if figures.key(shown) == canonical else figures.base_of(shown.indicator)
        d = figures.direction(o, n, peers)
        if (d is Direction.NO_LONGER_SET and digests[1]) or (d is Direction.NEWLY_SET and digests[0]):
            d = Direction.NOT_STATED
        out.append(TargetChange(name, o, n, d, canonical=canonical, note=figures.note(o, n, d)))
    return out


def target_series(history: Sequence[Report], canonicals: Sequence[str], table: figures.Indicators,
                  known: Mapping[int, Sequence[figures.Found]] | None = None) -> tuple[TargetSeries, ...]:
    """Each indicator's target across the region's reports, with the result the next report states
    (`known`: figures of history reports by year, already worked out at the edge)."""
    return figures.series(history, table, canonicals, known)
