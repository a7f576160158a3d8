"""Continued terms: said in both reports, with an intensity that moved (spike, fade)."""

from __future__ import annotations

import math

from yoy import vocab
from yoy.classify.listing import _priority
from yoy.classify.sides import Signal, _Found, _Side
from yoy.classify.weights import (
    CONTINUED_BASE,
    CONTINUED_FULL,
    CONTINUED_RATIO,
    CONTINUED_SMOOTHING,
    CONTINUED_SPAN,
    KEY_MIN_COUNT,
)
from yoy.models import Change
from yoy.terms import G2_MIN, keyness, per10k


def _continued(so: _Side, sn: _Side, skip: set[str]) -> list[_Found]:
    """Terms said in both whose intensity shifted, best first, all of them (`_priorities` keeps the
    first MAX_CONTINUED and counts the rest)."""
    co, cn = so.analysis.counts, sn.analysis.counts
    lo, ln = len(so.report.text), len(sn.report.text)
    out = []
    # said in both (continued) and KEY_MIN_COUNT+ times in one: the others are never kept below
    shared = [t for t in co.keys() & cn.keys() if co[t] >= KEY_MIN_COUNT or cn[t] >= KEY_MIN_COUNT]
    for term, g in sorted(keyness(co, cn, shared).items()):
        a, b = co[term], cn[term]
        if abs(g) < G2_MIN or term in skip:  # `shared`: said in both, KEY_MIN_COUNT+ in one
            continue
        ra, rb = per10k(a, lo), per10k(b, ln)
        ratio = (rb + CONTINUED_SMOOTHING) / (ra + CONTINUED_SMOOTHING)
        if not (ratio >= CONTINUED_RATIO or ratio <= 1 / CONTINUED_RATIO):
            continue
        up = ratio > 1
        p = _priority(Change.CONTINUED, term, None, so, sn, vocab.continued_basis(up))
        score = CONTINUED_BASE + CONTINUED_SPAN * min(1.0, abs(math.log(ratio)) / math.log(CONTINUED_FULL))
        reason = vocab.continued_reason(up, ra, rb)
        out.append(_Found(p, Signal.SPIKE if up else Signal.FADE, score, reason))
    out.sort(key=lambda f: (-f.score, f.priority.term))
    return out
