"""How much a candidate phrase looks like a formulation its report stresses: the marks a writer puts on a
name (a frame, a heading, an attribution, a derived head) and the salience they add up to."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from yoy import formulations, vocab
from yoy.classify.sides import _occurring, _Side, _thanked, _thanked_at, _thanks_spans
from yoy.classify.weights import (
    _ATTRIBUTED,
    _CLAUSE_START,
    _SENTENCE_BREAK,
    ADDRESSEE_MARKS,
    ATTRIBUTION_REACH,
    COMMON_SHARE,
    FRAGMENT_FACTOR,
    FRAME_WORDS,
    NOT_FRAME,
    PLAIN_FACTOR,
    SALIENT_MENTIONS,
    W_COMPACT,
    W_DERIVED,
    W_FRAMED,
    W_GOVERNED,
    W_HEADING,
    W_MENTIONS,
    W_POLICY,
    W_QUOTED,
)
from yoy.models import Analysis, Doc, Marks, Span


def _framed(side: _Side, t: str) -> bool:
    """Some occurrence of `t` follows a framing word (`FRAME_WORDS`: 以…为, 按照…, 围绕…, 把…作为) or
    is attributed to a proposing body (`_attributed`). Known from the record for a candidate phrase
    (`salience_marks`)."""
    marks = side.analysis.marks
    if marks is not None and t in side.analysis.candidates:
        return t in marks.framed
    return _framed_at(side.doc, _occurring(side, t) if t else ())


def _framed_at(d: Doc, places: Iterable[int]) -> bool:
    """Some of the flat offsets `places` of `d` follows a framing word (`_framed`), opens with the
    instrumental frame's 以 (a 以A V B slogan whose frame is its own: `formulations`'s
    `_governed_by_preposition`, a set 以A为B word of the dictionary), or is attributed to a proposing
    body (`_attributed`)."""
    flat = d.flat
    for pos in places:
        before = flat[max(0, pos - 2):pos]
        if before.endswith(FRAME_WORDS) and not before.endswith(NOT_FRAME):
            return True
        if flat.startswith(FRAME_WORDS[0], pos) and flat[max(0, pos - 1):pos + 1] not in NOT_FRAME:
            return True
        if _attributed(d, pos):
            return True
    return False


def _attributed(d: Doc, pos: int) -> bool:
    """Flat offset `pos` of `d` is the object of a proposing verb whose subject is a meeting or a
    document (`_ATTRIBUTED`), in the same sentence and paragraph, the body not an addressee."""
    start = max(0, pos - ATTRIBUTION_REACH)
    window = d.flat[start:pos]
    if not any(v in window for v in vocab.PROPOSING_VERBS):  # most places: no verb, no search
        return False
    at = len(window) - len(_SENTENCE_BREAK.split(window)[-1])
    while (m := _ATTRIBUTED.search(window, at)) is not None:  # each body before the verb, leftmost first
        at = m.start() + 1
        body = start + m.start()
        para = _paragraph(d, d.origin[body])
        if para is None or d.origin[pos] >= para.end:  # a heading sets up nothing below it
            continue
        # the body the subject: no addressee mark in its clause before it, within its paragraph
        opening = max(body - ATTRIBUTION_REACH, bisect_left(d.origin, para.start))
        if not any(w in _CLAUSE_START.split(d.flat[opening:body])[-1] for w in ADDRESSEE_MARKS):
            return True
    return False


def _paragraph(d: Doc, a: int) -> Span | None:
    """The outline paragraph holding `report.text` offset `a` (None in a heading)."""
    paras = d.outline.paragraphs
    k = bisect_right(paras, a, key=lambda p: p.start) - 1
    return paras[k] if k >= 0 and paras[k].start <= a < paras[k].end else None


def _in_heading(side: _Side, t: str) -> bool:
    """`t` is said in a heading or a lead sentence (`heading_text`); known from the record for a
    candidate phrase (`salience_marks`)."""
    marks = side.analysis.marks
    if marks is not None and t in side.analysis.candidates:
        return t in marks.heading
    return t in side.heading_text


def _derived(side: _Side, t: str) -> bool:
    """`formulations.derived(t)`; known from the record for a compact candidate phrase
    (`salience_marks`)."""
    marks = side.analysis.marks
    if marks is not None:
        c = side.analysis.candidates.get(t)
        if c is not None and c.compact:
            return t in marks.derived
    return formulations.derived(t)


def salience_marks(d: Doc, an: Analysis, heading: str) -> Marks:
    """The salience marks (`_salience`) of the candidate phrases of `d` that depend on its report only,
    whatever it is compared with: the framed ones (`_framed`), those said in a heading or lead
    sentence (`_in_heading`) and the compact ones that are derived (`formulations.derived`; a phrase
    is compact in a comparison only when its candidate is) and those said in sentences of thanks only
    (`_thanked`); `heading`: its `heading_text`. The pipeline keeps them in the report's record
    (`Analysis.marks`)."""
    cand = an.candidates
    framed = frozenset(t for t, c in cand.items() if _framed_at(d, c.places))
    thanks = _thanks_spans(d.flat)
    return Marks(framed, frozenset(t for t in cand if t in heading),
                 frozenset(t for t, c in cand.items() if c.compact and formulations.derived(t)),
                 frozenset(t for t, c in cand.items() if _thanked_at(thanks, c.places)))


def _salience(ph: formulations.Phrase, side: _Side) -> float:
    """How much a phrase of `side` looks like a formulation the report stresses (0..1)."""
    if _thanked(side, ph.text):  # the addressees of the thanks (向X…，表示衷心的感谢): no policy
        return _plain_salience(ph, side) * FRAGMENT_FACTOR
    return _plain_salience(ph, side)


def _plain_salience(ph: formulations.Phrase, side: _Side) -> float:
    """`_salience` before the thanks test."""
    mentions = min(1.0, math.log1p(ph.count) / math.log1p(SALIENT_MENTIONS))
    sal = (W_MENTIONS * mentions + W_GOVERNED * ph.governed + W_QUOTED * (ph.quoted or ph.numbered)
           + W_FRAMED * _framed(side, ph.text) + W_HEADING * _in_heading(side, ph.text)
           + W_POLICY * ph.policy_head + W_COMPACT * ph.compact
           + W_DERIVED * (ph.compact and _derived(side, ph.text)))
    if ph.fragment:
        sal *= FRAGMENT_FACTOR
    return sal * PLAIN_FACTOR if ph.plain and not ph.quoted else sal


def _common(share: float, k: int, m: int, everyday: bool) -> str:
    if share >= COMMON_SHARE:
        return vocab.common_reason(k, m)
    return vocab.EVERYDAY if everyday else ""
