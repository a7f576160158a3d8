"""The merge of a long name's pieces (`classify.listing._pieces_merged`, its pairs of pieces read from the
report's record, `Analysis.pieces`, and its union built only for the kept lines, `_merged_shown`) and
the test of a stated figure's wording (`classify.forms._figure_wordings`, places rejected by the characters
the spans cover before the span test) give what their plain forms give."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from yoy import align, classify, pipeline
from yoy.corpus import Corpus
from yoy.models import Side

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")


@cache
def _sides() -> tuple[classify.sides._Side, classify.sides._Side]:
    (do, ao), (dn, an) = (pipeline.prepare(CORPUS.load("全国", y)) for y in (2008, 2009))
    alignment = align.align(do, dn)
    side = classify.sides._side
    return side(do, alignment, Side.OLD, ao), side(dn, alignment, Side.NEW, an)


def _plain_merged(pending: list[classify.listing._Pending], side: classify.sides._Side
                  ) -> list[tuple[str, str]]:
    """The lines of `_pieces_merged` as first written (every overlap of `pending`'s places tested,
    the union built for every group), as (term, shown text or "")."""
    cand = side.analysis.candidates
    spans = sorted((p, p + len(c.term), k) for k, c in enumerate(pending) if c.term in cand
                   for p in cand[c.term].places)
    links: dict[int, set[int]] = {}
    for x, (s, e, k) in enumerate(spans):
        for s2, e2, k2 in spans[x + 1:]:
            if s2 >= e:
                break
            if k2 != k and s < s2 and e < e2:
                links.setdefault(k, set()).add(k2)
                links.setdefault(k2, set()).add(k)
    root = list(range(len(pending)))

    def find(k: int) -> int:
        while root[k] != k:
            k = root[k]
        return k

    for k, others in links.items():
        for k2 in others:
            a, b = pending[k].term, pending[k2].term
            if k < k2 and classify.listing._always_overlap(cand[a].places, len(a), cand[b].places, len(b)):
                root[find(k2)] = find(k)
    groups: dict[int, list[int]] = {}
    for k in links:
        groups.setdefault(find(k), []).append(k)
    taken = {c.term for c in pending}
    drop: set[int] = set()
    shown: dict[int, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        best = min(members)
        drop.update(k for k in members if k != best)
        union = classify.listing._union([(pending[k].term, pending[k].unit) for k in members], side)
        if union and union != pending[best].term and (union not in taken or union in
                                                      {pending[k].term for k in members}):
            shown[best] = union
    return [(c.term, shown.get(k, "")) for k, c in enumerate(pending) if k not in drop]


def test_the_records_pieces_are_the_pairs_worked_out_and_merge_as_the_plain_loop() -> None:
    rng = random.Random(3)
    for side, other in zip(_sides(), reversed(_sides()), strict=True):
        an = side.analysis
        assert an.pieces and an.pieces == classify.piece_pairs(replace(an, pieces=None))
        bare = replace(side, analysis=replace(an, pieces=None))
        absent = [t for t in an.candidates if t not in other.flat]
        for _ in range(3):  # the candidates the other report lacks, in a random order of scores
            pending = [classify.listing._Pending(rng.random(), t, "", classify.Signal.DEBUT, 1, False,
                                         unit=rng.random() < 0.5) for t in absent]
            classify.listing._sort_by_score(pending)
            taken = {c.term for c in pending}
            got = classify.listing._pieces_merged(pending, side)
            assert any(c.pieces for c in got) and len(got) < len(pending)
            assert classify.listing._pieces_merged(pending, bare) == got
            merged_shown = classify.listing._merged_shown
            lines = [(c.term, merged_shown(c, side, taken) if c.pieces else "") for c in got]
            assert any(shown for _, shown in lines)
            assert lines == _plain_merged(pending, side)


def _plain_wording(side: classify.sides._Side, t: str, spans: Sequence[tuple[int, int]]) -> bool:
    """`_figure_wording` with every place tested against the spans next to it only."""
    c = side.analysis.candidates.get(t)
    if c is None or not c.places:
        return False
    starts = [a for a, _ in spans]
    size = len(t)
    for p in c.places:
        k = bisect_right(starts, p + size) - 1
        near = spans[max(0, k - classify.weights.FIGURE_SPAN_LOOKBACK):k + 1]
        edge = classify.weights.FIGURE_EDGE_MAX
        if not any(max(0, a - p) + max(0, p + size - b) <= edge and a < p + size and p < b for a, b in near):
            return False
    return True


def test_figure_wordings_are_those_of_the_span_test_alone() -> None:
    rng = random.Random(9)
    side = _sides()[1]
    terms = list(side.analysis.candidates)
    for _ in range(20):  # invented spans around some candidates' places, some nested or overlapping
        spans: set[tuple[int, int]] = set()
        for t in rng.sample(terms, 40):
            p = side.analysis.candidates[t].places[0]
            spans.add((max(0, p - rng.randrange(0, 4)), p + len(t) + rng.randrange(-3, 4)))
        figured = tuple(sorted(spans))
        s = replace(side, figured=figured)
        got = classify.forms._figure_wordings(s, terms)
        assert got  # a candidate said once inside its span
        assert got == {t for t in terms if _plain_wording(s, t, figured)}
