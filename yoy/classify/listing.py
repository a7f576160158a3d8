"""Scored candidates to priority lines: their order, near-duplicates, the pieces of one long name as
one line, the caps, evidence (`_build`), and the phrases one side never says (`_absent_from`)."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from yoy import formulations, vocab
from yoy.classify.past import _Past
from yoy.classify.sides import Signal, _display, _evidence_at, _Found, _places, _Side, _term_evidence
from yoy.classify.weights import (
    DIGEST_FACTOR,
    DUP_FACTOR,
    DUP_MIN_CHARS,
    DUP_SHARE,
    DUP_WINDOW,
    FULL_EVIDENCE,
    MAX_COMMON,
    MAX_EVIDENCE,
    SHORT_MAX,
    UNION_MAX,
)
from yoy.models import (
    Analysis,
    Candidate,
    Change,
    ChangeCount,
    Evidence,
    Kind,
    Priority,
    Report,
    Side,
)
from yoy.terms import key, per10k
from yoy.text import tag, words


def _note(change: Change, so: _Side, sn: _Side) -> str | None:
    side = sn if change is Change.DROPPED else so if change is Change.NEW else None
    if side is None or side.report.meta.kind is Kind.FULL:
        return None
    return vocab.absence_note(side.year, side.report.meta.region, side.report.meta.kind,
                              change is Change.DROPPED)


def _priority(change: Change, term: str, old_term: str | None, so: _Side, sn: _Side, basis: str,
              extra_old: Sequence[Evidence] = (), extra_new: Sequence[Evidence] = (),
              evidence: int = MAX_EVIDENCE, absent: Side | None = None) -> Priority:
    """`absent`: the side known not to contain the term (a found phrase is absent
    from the other text by construction), which needs no search."""
    tk = _key(sn if change is not Change.DROPPED else so, term)
    ok = key(old_term) if old_term is not None else tk
    oc = _count(so, ok) if ok and absent is not Side.OLD else 0
    nc = _count(sn, tk) if tk and absent is not Side.NEW else 0
    ev_o = tuple(extra_old) or (_term_evidence(so, ok, evidence) if oc else ())
    ev_n = tuple(extra_new) or (_term_evidence(sn, tk, evidence) if nc else ())
    shown = _display(sn if change is not Change.DROPPED else so, tk) if tk else term
    shown_old = (_display(so, ok) if ok else old_term) if old_term is not None else None
    return Priority(change=change, term=shown, old_term=shown_old, old_count=oc, new_count=nc,
                    old_per10k=per10k(oc, len(so.report.text)), new_per10k=per10k(nc, len(sn.report.text)),
                    basis=basis, evidence=(*ev_o[:evidence], *ev_n[:evidence]),
                    note=_note(change, so, sn))


def _key(side: _Side, term: str) -> str:
    """`key(term)`, known without folding when `term` is a candidate phrase of `side` that is its own
    matching form (`Candidate.keyed`)."""
    c = side.analysis.candidates.get(term)
    return term if c is not None and c.keyed else key(term)


def _count(side: _Side, t: str) -> int:
    """`side.flat.count(t)`, known for a candidate phrase."""
    places = _places(side, t)
    return len(places) if places is not None else side.flat.count(t)


def _label(side: _Side) -> str:
    """The report of `side` as a two-region comparison's reasons name it (`vocab.peer_label`)."""
    return vocab.peer_label(side.report.meta.region, side.report.meta.year)


def _region_words(*reports: Report) -> set[str]:
    out: set[str] = set()
    for r in reports:
        name = r.meta.region
        out |= {name, re.sub(vocab.REGION_SUFFIX, "", name)}
    return out


def _national_note(past: _Past, first: int) -> str:
    return vocab.national_since(past.national[first].year) if first >= 0 else ""


def _kept(found: dict[str, formulations.Phrase], skip: set[str], regions: set[str]) -> list[str]:
    """Phrases not inside (or around) a rewording's side, and not a region's own name."""
    if not skip:  # no rewording: only the region names to leave out
        return [t for t in found if t not in regions]
    out = []
    for t in found:  # loops, not `any` over a generator per phrase (≈ 4,000 phrases a national pair)
        if t in regions:
            continue
        for r in skip:
            if r in t or t in r:
                break
        else:
            out.append(t)
    return out


class _Pending(NamedTuple):
    """A scored candidate before its priority record is built (only the kept ones are)."""

    score: float
    term: str
    basis: str
    signal: Signal
    mentions: int
    common: bool
    counted: bool = False  # a count moving on (`COUNTED_ON`), a drop said reordered: sunk by DUP_FACTOR
    unit: bool = False  # the phrase is said as a unit somewhere (`formulations.Phrase.unit`)
    # the pieces of one long name this line stands for, best first (term, `unit` of each:
    # `_pieces_merged`), whose union the line shows when it is kept (`_merged_shown`)
    pieces: tuple[tuple[str, bool], ...] = ()


def _by_score(c: _Pending) -> tuple[float, int, str]:
    """The order of candidates: best score first; ties: shorter term first, then by text."""
    return -round(c.score, 6), len(c.term), c.term


def _sort_by_score(items: list[_Pending]) -> None:
    """`items.sort(key=_by_score)`, the keys built in one comprehension instead of a call each (some
    thousands a comparison); whole-key ties keep their order (the index breaks them), as in a stable
    sort."""
    keyed = [(-round(c.score, 6), len(c.term), c.term, k) for k, c in enumerate(items)]
    keyed.sort()
    items[:] = [items[x[3]] for x in keyed]


def _overlap(a: str, b: str) -> bool:
    """`a` and `b` are one formulation said two ways (建设X / X建设): they
    share a run of at least DUP_SHARE of the shorter one's characters (and at least three)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    n = max(DUP_MIN_CHARS, math.ceil(DUP_SHARE * len(short)))
    # a loop, not `any` over a generator (half the time; ~2,500 pairs a national comparison)
    for k in range(len(short) - n + 1):  # noqa: SIM110
        if short[k:k + n] in long:
            return True
    return False


def _trigrams(t: str) -> set[str]:
    """The slices of DUP_MIN_CHARS characters of `t` (`_dedupe`: `_overlap` needs a shared run of as
    many at least)."""
    return {t[k:k + DUP_MIN_CHARS] for k in range(len(t) - DUP_MIN_CHARS + 1)}


def _dedupe(pending: list[_Pending], reworded: Iterable[str] = ()) -> list[_Pending]:
    """Ranked candidates (best first) with each one that repeats a better one of the first DUP_WINDOW
    (a variant of the same formulation) moved down by DUP_FACTOR: one line per formulation at the top.
    A rewording's side (`reworded`) ranks above every candidate (its band is higher): a variant of it
    is a variant of a better line, moved down the same way."""
    # beside the window, not in it: DUP_WINDOW counts candidates; each with its trigrams: two strings
    # sharing no three characters in a row cannot overlap (DUP_MIN_CHARS), a test in C before the loop
    seeds = [(t, _trigrams(t)) for t in reworded if t]
    heads: list[tuple[str, set[str]]] = []
    out: list[_Pending] = []
    for c in pending:
        if len(heads) < DUP_WINDOW:
            grams = _trigrams(c.term)
            if any(not grams.isdisjoint(hg) and _overlap(c.term, h) for h, hg in (*seeds, *heads)):
                c = c._replace(score=c.score * DUP_FACTOR)
            else:
                heads.append((c.term, grams))
        out.append(c)
    _sort_by_score(out)
    return out


def _build(change: Change, pending: list[_Pending], keep: int, so: _Side, sn: _Side,
           reworded: Iterable[str] = ()) -> tuple[list[_Found], ChangeCount]:
    """The `keep` best candidates as priorities (ties: shorter term first, then by text), and how many
    there were before that cap (`_change_count`); `reworded`: the rewordings' sides on this change's
    side, which a variant repeats as it repeats a better candidate (`_dedupe`)."""
    note = _note(change, so, sn)
    factor = DIGEST_FACTOR if note else 1.0
    side = sn if change is Change.NEW else so  # the side that says the phrase; the other lacks it
    _sort_by_score(pending)
    taken = {c.term for c in pending}  # every candidate's own line, before pieces merge
    pending = _pieces_merged(pending, side)
    # which candidates the record keeps is decided on their own scores; the dedupe only orders the
    # kept ones (a variant of a better phrase moves down the brief but stays in the record)
    kept = [c for c in pending if not c.common][:keep] + [c for c in pending if c.common][:MAX_COMMON]
    # a count moving on is kept by its own score too, and sinks in the order only (`COUNTED_ON`)
    kept = [c._replace(score=c.score * DUP_FACTOR) if c.counted else c for c in kept]
    _sort_by_score(kept)
    kept = _dedupe(kept, reworded)
    out = []
    cand = side.analysis.candidates
    chars = len(so.report.text), len(sn.report.text)
    rates: dict[int, float] = {}  # `per10k` of each count on the saying side (a few distinct counts)
    for k, c in enumerate(kept):
        most = MAX_EVIDENCE if k < FULL_EVIDENCE else 1
        known = cand.get(c.term)
        if known is not None and known.keyed:  # a candidate phrase in its matching form: all known
            p = _found_priority(change, c.term, known, side, chars, c.basis, most, note, rates)
        else:
            p = _priority(change, c.term, None, so, sn, c.basis, evidence=most,
                          absent=Side.OLD if change is Change.NEW else Side.NEW)
        if c.pieces and (shown := _merged_shown(c, side, taken)):
            p = replace(p, term=shown)
        out.append(_Found(p, c.signal, c.score * factor, vocab.with_mentions(c.basis, c.mentions), c.common,
                          change is Change.NEW and _short(sn, c.term)))
    return out, _change_count(change, pending, out)


def _pieces_merged(pending: list[_Pending], side: _Side) -> list[_Pending]:
    """`pending` (best first) with the pieces of one long name as one line: candidates of `side` that
    overlap without nesting wherever either is said (windows cut from one run at the length cap,
    甲乙丙丁 | 丙丁戊己 of an invented 甲乙丙丁戊己; `formulations.PHRASE_MAX`) are one candidate, scored as
    its best piece, which keeps the pieces (`_Pending.pieces`) to be shown as what they cover together
    when its line is kept (`_merged_shown`: the text is built for the few kept lines only). Pieces said
    apart somewhere stay apart: each is then a phrase of its own there."""
    pairs = side.analysis.pieces
    if pairs is None:  # not in the record: worked out from the analysis
        pairs = piece_pairs(side.analysis)
    at: dict[str, list[int]] = {}  # each term's places in `pending`
    for k, c in enumerate(pending):
        at.setdefault(c.term, []).append(k)
    root = list(range(len(pending)))

    def find(k: int) -> int:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    linked: set[int] = set()
    for a, b in pairs:  # the record's pairs of pieces, those of two candidates of this change
        ka, kb = at.get(a), at.get(b)
        if ka is not None and kb is not None:
            for x in ka:
                for y in kb:
                    root[find(y)] = find(x)
            linked.update(ka)
            linked.update(kb)
    if not linked:
        return pending
    groups: dict[int, list[int]] = {}
    for k in sorted(linked):
        groups.setdefault(find(k), []).append(k)
    drop: set[int] = set()
    pieces: dict[int, tuple[tuple[str, bool], ...]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        best = min(members)  # `pending` is best first
        drop.update(k for k in members if k != best)
        pieces[best] = tuple((pending[k].term, pending[k].unit) for k in members)
    return [c._replace(pieces=pieces[k]) if k in pieces else c
            for k, c in enumerate(pending) if k not in drop]


def _merged_shown(c: _Pending, side: _Side, taken: set[str]) -> str:
    """What the line of `c`, the best of the pieces of one long name (`_Pending.pieces`,
    `_pieces_merged`), shows: the text the pieces cover together (`_union`), unless that is `c`'s own
    term, or no piece fits, or it is another candidate's line (`taken`: the terms of the change's
    candidates) that is none of the pieces ("" then: the line shows `c`'s term)."""
    union = _union(c.pieces, side)
    if union and union != c.term and (union not in taken or union in {t for t, _ in c.pieces}):
        return union
    return ""


def piece_pairs(an: Analysis) -> tuple[tuple[str, str], ...]:
    """Every two candidate phrases of a report that overlap without nesting at some place (甲乙丙丁 |
    丙丁戊己 of an invented 甲乙丙丁戊己) and are always said together (`_always_overlap`), in candidate
    order: the pieces `_pieces_merged` makes one line of when a change lists both, whatever the other
    report is. The pipeline keeps them in the report's record (`Analysis.pieces`)."""
    cand = an.candidates
    terms = list(cand)
    spans = sorted((p, p + len(t), k) for k, t in enumerate(terms) for p in cand[t].places)
    linked: set[tuple[int, int]] = set()  # the pairs of candidates overlapping without nesting somewhere
    n = len(spans)
    for x, (s, e, k) in enumerate(spans):
        for y in range(x + 1, n):  # (indices, not a slice: no copy of the tail for each span)
            s2, e2, k2 = spans[y]
            if s2 >= e:
                break
            if k2 != k and s < s2 and e < e2:  # overlapping, neither inside the other
                linked.add((k, k2) if k < k2 else (k2, k))
    pairs = ((terms[a], terms[b]) for a, b in sorted(linked))
    return tuple((a, b) for a, b in pairs if _always_overlap(cand[a].places, len(a), cand[b].places, len(b)))


def _always_overlap(a: Sequence[int], la: int, b: Sequence[int], lb: int) -> bool:
    """Every place of a piece of `la` characters at `a` overlaps a place of one of `lb` at `b`, and
    the reverse: the two are always said together, cut from one run."""
    def covered(xs: Sequence[int], lx: int, ys: Sequence[int], ly: int) -> bool:
        # x's piece overlaps y's when x - ly < y < x + lx: the first y past x - ly (by bisection: a
        # text that repeats one sentence thousands of times gives pieces thousands of places)
        return all((i := bisect_right(ys, x - ly)) < len(ys) and ys[i] < x + lx for x in xs)
    sa, sb = sorted(a), sorted(b)
    return covered(sa, la, sb, lb) and covered(sb, lb, sa, la)


def _union(pieces: Sequence[tuple[str, bool]], side: _Side) -> str:
    """The text the `pieces` of one long name cover together where they are first said, as the report
    writes it (`pieces`: each piece's term and `_Pending.unit`): the pieces said as units (a boundary
    on both sides) when some are (a window cut at the cap only adds the clause around them), else
    every piece that is no fragment (a cut clause adds its verb), else all; without a leading verb
    (`formulations.trim`); at most UNION_MAX characters ("" when no piece fits: the best piece
    stands for them)."""
    cand = side.analysis.candidates
    flat = side.doc.flat
    chosen = ([t for t, unit in pieces if unit and not cand[t].fragment]
              or [t for t, _ in pieces if not cand[t].fragment] or [t for t, _ in pieces])
    at = min(cand[t].places[0] for t in chosen)
    s, e = at, at
    grew = True
    spans: set[tuple[int, int]] = set()
    while grew:  # the run the chosen pieces cover from their first place on
        grew = False
        for t in chosen:
            for p in cand[t].places:
                if p <= e and p + len(t) >= s and (p, p + len(t)) not in spans:
                    spans.add((p, p + len(t)))
                    s, e = min(s, p), max(e, p + len(t))
                    grew = True
    # the longest stretch of consecutive pieces within UNION_MAX, the rightmost of equal ones (a name
    # ends in its head, `formulations._extend`): a run longer than that is a clause (a verb and its
    # object, 布置|X网络Y节点-like), whose head part stands for it
    # (a stretch led by a verb, jieba v, is a verb and its object: one without it goes first)
    order = sorted(spans)
    best: tuple[bool, int, int, str] = (False, 0, 0, "")
    for i in range(len(order)):
        end = order[i][1]
        for j in range(i, len(order)):
            if order[j][0] > end:
                break  # not one run
            end = max(end, order[j][1])
            text = formulations.trim(flat[order[i][0]:end])
            if text and len(text) <= UNION_MAX:
                pos = order[i][0] + flat[order[i][0]:end].find(text)
                best = max(best, (tag(text)[0][1] != "v", len(text), pos, text))
    if not best[3]:
        return ""
    pos, text = best[2], best[3]
    return formulations.display(side.doc, text, pos)


def _change_count(change: Change, found: Sequence[_Pending | _Found], listed: Sequence[_Found]
                  ) -> ChangeCount:
    """How many of a change's candidates before its cap (`found`) and of the priorities kept of them
    (`listed`) are common words and how many are not (`ChangeCount`: the record's true counts)."""
    common = sum(1 for c in found if c.common)
    common_listed = sum(1 for f in listed if f.common)
    return ChangeCount(change=change, found=len(found) - common, listed=len(listed) - common_listed,
                       common=common, common_listed=common_listed)


def _found_priority(change: Change, term: str, c: Candidate, side: _Side, chars: tuple[int, int], basis: str,
                    most: int, note: str | None, rates: dict[int, float] | None = None) -> Priority:
    """`_priority` of a new (or dropped) phrase `term` that is a candidate phrase `c` of `side` in its
    matching form (`Candidate.keyed`), absent from the other side: its count, places and display
    read from the candidate (what `_key`, `_count`, `_term_evidence` and `_display` find for it);
    `chars`: the old and the new report's lengths; `note`: `_note` of the change; `rates`: a memo of
    `per10k` by count on `side` for one change's priorities (`_build`)."""
    n = len(c.places)
    ev = _evidence_at(side, c.places, len(term), most) if n else ()
    new = change is Change.NEW
    rate = rates.get(n) if rates is not None else None
    if rate is None:
        rate = per10k(n, chars[1] if new else chars[0])
        if rates is not None:
            rates[n] = rate
    # the other side lacks the phrase: its count is 0 and its rate `per10k(0, …)`, 0.0; positional
    # arguments in field order (≈ 1,400 records a national pair)
    return Priority(change, c.shown, None, 0 if new else n, n if new else 0, 0.0 if new else rate,
                    rate if new else 0.0, basis, ev[:most], note)


def _short(side: _Side, t: str) -> bool:
    """`t` is one word of at most SHORT_MAX characters (its words known for a candidate phrase of
    `side`, `Candidate.sizes`): a word of ordinary language more often than a coined name."""
    return len(t) <= SHORT_MAX and len(_kept_words(side, t)) == 1


def _kept_words(side: _Side, t: str) -> list[str]:
    """The words of `t`: those its record keeps for a candidate phrase of `side` (`Candidate.sizes`,
    `formulations.split`), else `t` segmented (`words`)."""
    c = side.analysis.candidates.get(t)
    return formulations.split(t, c.sizes) if c is not None else words(t)


def _absent_from(side: _Side, other: _Side, skip: set[str], regions: set[str], as_words: bool = False
                 ) -> tuple[dict[str, formulations.Phrase], list[str]]:
    """Phrases (and stance phrases) of `side` that `other` never says, and the terms kept of them.
    `as_words`: `other` says a phrase of several words only where it says it as words, taking no
    single character from a longer word at either edge (`formulations.said_as_words`: a new 甲X is not
    said by an old text's 乙甲|X; invented). Asked for the new side only: on the 13 national development
    pairs (lexicon off) it turns 0-2 phrases a pair into debuts on the new side (both halves, 2000–2007
    and 2007–2013), none in a top 25, no gate figure moved; on the dropped side it adds clause pieces
    to the top 25 (a figure's verb, X取得新-like) of four pairs and no gold term: left off there.
    (Tried: both edges on word boundaries, a compound's head or modifier not taken as said: 2-12
    debuts a pair, among them a compound's head said in the old report, 经济X inside 国民经济|X-like.)"""
    said = side.said.phrases.get(other.flat) if side.said is not None else None
    edges = [formulations.word_edges(other.doc)] if as_words else None
    found = formulations.phrases(side.doc, [other.flat], known=other.analysis.grams, analysis=side.analysis,
                                 said=said, edges=edges)
    found = {**formulations.stance_phrases(side.doc, other.flat, side.analysis), **found}
    return found, _kept(found, skip, regions)
