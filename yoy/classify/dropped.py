"""Dropped formulations: gaps and fades by the region's history, and the phrases the new report still
says otherwise (its words in one clause, inside a longer phrase, with other numerals)."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence

from yoy import formulations, vocab
from yoy.classify.forms import _counted_on, _figure_wordings, _parts, _reordered
from yoy.classify.listing import _absent_from, _build, _count, _kept_words, _label, _Pending
from yoy.classify.past import _Past
from yoy.classify.salience import _common, _in_heading, _salience
from yoy.classify.sides import Signal, _Found, _Side, _thanked
from yoy.classify.weights import (
    _PREDICATE_TAGS,
    COMMON_FACTOR,
    DROP_MENTIONS_SHARE,
    EPISODE_RUN,
    FLIP_BASE,
    GAP_BASE,
    GAP_RUN,
    GONE_MIN,
    HISTORY_MIN,
    MAX_DROPPED,
    RUN_FULL,
    RUN_RESUMED_FACTOR,
    SALIENCE_SPAN,
    SALIENT_MENTIONS,
    SPLIT_WORD_MIN,
    STANDING_RUN,
    STRESSED_DROP,
    W_DROP_RUN,
    W_FADE,
)
from yoy.history import occurrences, tallies
from yoy.models import Change, ChangeCount
from yoy.terms import content_words
from yoy.terms import tokens as tokenize
from yoy.text import fold_each, tag, words


def _run(hist: tuple[int, ...], last: int) -> int:
    """Consecutive history reports up to the old one (index `last`) that say a phrase; at least one
    (the old report says it, though its text may be missing from the reference)."""
    run = 0
    while run <= last and (last - run) in hist:
        run += 1
    return max(run, 1)


def _run_part(hist: tuple[int, ...], start: int, run: int, episode: bool) -> float:
    """A gap's run part (0..1, `RUN_FULL`): a run of `run` reports from history index `start`
    (`hist`: the history positions that say the phrase), a finished episode (`_episode`) or not."""
    if len(hist) >= STANDING_RUN:  # standing vocabulary: its absence one year is wording
        return 0.0
    length = min(1.0, RUN_FULL / run, run / GAP_RUN) if episode else min(1.0, run / RUN_FULL)
    if start > 0 and any(k < start for k in hist):  # came and went before this run
        length *= RUN_RESUMED_FACTOR
    return length


def _fade(counts: Sequence[int], lengths: Sequence[int], start: int) -> float:
    """How far a phrase had faded by the old report (the last of `counts`) from its peak within its
    run (from `start`): 1 - old rate / peak rate, rates per character. 0 when the old report stressed
    it most."""
    rates = [n / max(1, ln) for n, ln in zip(counts[start:], lengths[start:], strict=True)]
    peak = max(rates, default=0.0)
    return 1.0 - rates[-1] / peak if peak > 0 else 0.0


def _dropped_items(so: _Side, sn: _Side, past: _Past, skip: set[str], regions: set[str]
                   ) -> tuple[list[_Found], ChangeCount]:
    found, terms = _absent_from(so, sn, skip, regions)
    figured = _figure_wordings(so, terms)
    terms = [t for t in terms if t not in figured]
    hist, df, _, tally = past.scan_counted(terms)
    wholes = _wholes(terms, tally)
    absorbed: dict[str, list[str]] = {}  # each whole's parts, in the order of `wholes`
    for part, whole in wholes.items():
        absorbed.setdefault(whole, []).append(part)
    terms = [t for t in terms if t not in wholes]
    m = len(past.other_at)
    last = len(past.years) - 1
    runs = {t: _run(hist[t], last) for t in terms}
    # a gap: a run of GAP_RUN+ reports, an episode, or (a short history) every report of it, two at
    # least — one report saying a phrase is no pattern
    gaps = {t for t in terms if runs[t] >= max(EPISODE_RUN, min(GAP_RUN, last + 1))
            or _episode(hist[t], last - runs[t] + 1, runs[t])}
    # a short history (fewer than HISTORY_MIN reports) has no run to show: a phrase the old report
    # stressed (`STRESSED_DROP` times, or a quoted name in a heading) is the only sign there that it
    # was a programme, not wording
    stressed = ({t for t in terms if runs[t] == 1 and (found[t].count >= STRESSED_DROP
                                                       or (found[t].quoted and _in_heading(so, t)))}
                if last + 1 < HISTORY_MIN else set())
    gaps |= stressed
    lengths = [len(past.pool[k]) for k in past.hist_at]
    # said now with its modifiers in another order (`_reordered`): wording, not a gap, and it sinks in
    # the order as a count moving on does (the same variant's factor, DUP_FACTOR)
    reordered = _reordered(terms, so, sn)
    kept = _said_otherwise(gaps, sn, so) | reordered.keys()
    counted = _counted_on(terms, found, [sn.flat], plans=True)
    kept_by = past.peers_saying(terms)  # the new report's contemporaries that still say the phrase
    # phrases first said in the old report: a coined element of theirs the new report never says
    # (`GONE_MIN`), when the history is long enough for "first said" to mean it
    gone = _gone(terms if last + 1 >= HISTORY_MIN else (), runs, hist, last, so, sn, past)
    out = []
    for t in terms:
        ph = found[t]
        run = runs[t]
        start = last - run + 1
        ys = past.years[start:]
        share = df[t] / m if m else 0.0
        # keyness fits dropped terms: what the old report stressed (said often) is what a reader
        # misses, so mentions count DROP_MENTIONS_SHARE of a dropped phrase's salience
        mentions = min(1.0, math.log1p(ph.count) / math.log1p(SALIENT_MENTIONS))
        marks = _drop_salience(t, found, so, absorbed)
        sal = (1 - DROP_MENTIONS_SHARE) * marks + DROP_MENTIONS_SHARE * mentions
        if t in gaps and t not in kept and not ph.fragment:  # a fragment is no gap (FRAGMENT_FACTOR)
            signal, base = Signal.GAP, GAP_BASE
            episode = _episode(hist[t], start, run)
            reason = (vocab.flip_dropped_reason(vocab.years_span(ys), False, False) if t in stressed
                      else vocab.gap_reason(vocab.years_span(ys), episode, ys[0]))
            if not past.same_region:  # two regions: the old one stresses it, the other lacks it
                reason = vocab.peer_reason(_label(so), _label(sn))
            elif len(past.years) < HISTORY_MIN:
                reason += vocab.FEW_HISTORY
            length = _run_part(hist[t], start, run, episode)
            fade = _fade(tally[t], lengths, start)
            sal = (1 - W_DROP_RUN - W_FADE) * sal + W_DROP_RUN * length + W_FADE * fade
            # being said year after year is the signal of a gap, not genericness: only everyday
            # language is common here — unless the history is short (fewer than HISTORY_MIN
            # reports): being said in one or two earlier reports is no pattern of its own, so such a
            # gap must also pass the genericness test a flip takes (a phrase of COMMON_SHARE+ of the
            # other reports is a common word whose exact string happens to be absent this year)
            short = len(past.years) < HISTORY_MIN
            common = _common(share if short else 0.0, df[t], m, ph.everyday)
        else:
            signal, base = Signal.FLIP, FLIP_BASE
            once = run == 1 and bool(last) and not any(k < last for k in hist[t])  # said first last year
            reason = (vocab.flip_dropped_reason(vocab.years_span(ys), run > 1, once) if past.same_region
                      else vocab.peer_reason(_label(so), _label(sn)))
            if t in kept and t not in reordered:  # (a reordering names its wording itself)
                reason += vocab.WORDS_KEPT
            common = _common(share, df[t], m, ph.everyday)
        # a formulation of one year, its coinage gone (a fragment names none: FRAGMENT_FACTOR)
        if t in gone and t not in kept and not common and not ph.fragment:
            element, n = gone[t]
            signal, base = Signal.GAP, GAP_BASE
            reason = vocab.gone_reason(ys[0], element, n)
            stress = min(1.0, math.log1p(n) / math.log1p(SALIENT_MENTIONS))
            sal = (1 - W_DROP_RUN - W_FADE) * sal + W_DROP_RUN * stress
        score = base + SALIENCE_SPAN * sal
        if common:
            score *= COMMON_FACTOR
        extra = (vocab.counted_on(counted[t], dropped=True) if t in counted
                 else vocab.said_now(reordered[t]) if t in reordered else "")
        # other regions still say it this year: a local drop, not a formulation retired everywhere
        still = vocab.peers_still(kept_by[t], sn.year) if t in kept_by else ""
        basis = "；".join(x for x in (reason, common, extra, still) if x)
        out.append(_Pending(score, t, basis, signal, ph.count, bool(common), t in counted or t in reordered,
                            unit=ph.unit))
    return _build(Change.DROPPED, out, MAX_DROPPED, so, sn, skip)


def _gone(terms: Iterable[str], runs: Mapping[str, int], hist: Mapping[str, tuple[int, ...]], last: int,
          so: _Side, sn: _Side, past: _Past) -> dict[str, tuple[str, int]]:
    """Dropped phrases first said in the old report (history index `last`; `runs`, `hist`: their runs
    and history positions) with an element (`formulations.parts`) that can name a topic
    (`_topic_element`), that no earlier report says, that the old report says GONE_MIN+ times and that
    the new report never says, nor its first word: each with its most said such element and that count
    in the old report. One phrase per topic: a phrase holding the element of one taken before is the
    same topic in another wording."""
    # (`hist` positions are sorted: none before `last` is a test of the first)
    ones = {t: ps if t not in (ps := _parts(so, t)) else tuple(p for p in ps if p != t) for t in terms
            if runs[t] == 1 and (not (h := hist[t]) or h[0] >= last) and not _thanked(so, t)}
    elements = {p for ps in ones.values() for p in ps}
    if not elements:
        return {}
    texts = (*past.texts[:-1], so.flat, sn.flat)
    # one count of every element in the earlier reports, the old one and the new one (the first two
    # read from the counts the corpus index keeps, `_Past.known`, where it holds them); the shape test
    # and the first words only for the few that pass (each segments its element)
    n = tallies(elements, texts, past.known)
    stressed = {p: ns[-2] for p, ns in n.items() if ns[-2] >= GONE_MIN and not any(ns[:-2]) and not ns[-1]
                and _topic_element(p)}
    firsts = {p: words(p)[0] for p in stressed}
    said_first = tallies(set(firsts.values()), (sn.flat,))
    stressed = {p: k for p, k in stressed.items() if not said_first[firsts[p]][0]}
    # one line per topic: phrases by their element's count, then their own count in the old report
    # (longest first on a tie: the fuller name); a phrase holding an element already taken is the same
    # topic in another wording
    ranked = sorted(((max(stressed[p] for p in ps if p in stressed), _count(so, t), len(t), t)
                     for t, ps in ones.items() if not stressed.keys().isdisjoint(ps)), reverse=True)
    out: dict[str, tuple[str, int]] = {}
    taken: list[str] = []
    for _, _, _, t in ranked:
        if any(e in t for e in taken):
            continue
        n_best, p_best = max((stressed[p], p) for p in ones[t] if p in stressed)
        out[t] = (p_best, n_best)
        taken.append(p_best)
    return out


def _topic_element(p: str) -> bool:
    """`p` can name a year's topic: whole words of PHRASE_MIN+ characters each (a one-character word
    is bound to its neighbour: X|性|Y, X|负 are cuts across words), not a clause fragment
    (`formulations.fragment`), and not ending in a predicate (`_PREDICATE_TAGS`: X达到, 过高, 抗击 name
    what is done or how, not what was dropped)."""
    ws = words(p)
    if not all(len(w) >= formulations.PHRASE_MIN for w in ws) or formulations.fragment(p):
        return False
    last = tag(ws[-1])
    return bool(last) and last[-1][1] not in _PREDICATE_TAGS


_CLAUSE_END = re.compile(r"[，,。；;：:！!？?、（）()\n]")


def _content_parts(t: str, words_of_t: Sequence[str] | None = None) -> list[str]:
    """The words a dropped phrase is made of: its content words, or the halves of one long word.
    `words_of_t`: `tokenize(t).words`, when known (`_phrase_words`)."""
    ws = content_words(tokenize(t).words if words_of_t is None else words_of_t)
    if len(ws) == 1 and ws[0] == t and len(t) >= SPLIT_WORD_MIN:
        return [t[:len(t) // 2], t[len(t) // 2:]]
    return ws


def _phrase_words(terms: Sequence[str], side: _Side | None) -> list[Sequence[str] | None]:
    """`tokenize(t).words` of each of `terms` where `side` knows them: a candidate phrase of `side`
    that folding leaves as it is (`text.fold_each`: one conversion for all) is flat, folded text,
    whose words are those its record keeps (`Candidate.sizes`, `formulations.split`); None for the
    others (segmented by `_content_parts`)."""
    if side is None:
        return [None] * len(terms)
    cand = side.analysis.candidates
    return [_kept_words(side, t) if f == t and t in cand else None
            for t, f in zip(terms, fold_each(terms), strict=True)]


def _said_otherwise(terms: Iterable[str], sn: _Side, so: _Side | None = None) -> set[str]:
    """Dropped phrases whose words the new report still says together in one clause (调整X结构 for
    X结构调整, 加快X建设 for X建设加快 with the same words around): the string is gone, the
    idea is kept in another wording, so the drop is wording, not a gap. A phrase of one long word
    is tested by its halves; a phrase of one short word cannot be said otherwise. (Tried: the words
    anywhere in the new report — most words of a phrase are, so real drops became flips and fell
    out of the MAX_DROPPED list; an abbreviation test (the first character of each word before
    the head: 星河月湾工程 → 星月工程) — no change.) `so`: the old side, whose candidate phrases'
    words its record knows."""
    ends = [m.start() for m in _CLAUSE_END.finditer(sn.flat)]
    terms = list(terms)
    parts = {t: ps for t, ws in zip(terms, _phrase_words(terms, so), strict=True)
             if len(ps := _content_parts(t, ws)) >= 2}
    # a part holds no clause end, so its overlapping places lie in the clause of the place they
    # overlap: the non-overlapping places (`occurrences`) name the same clauses
    places = occurrences({p for ps in parts.values() for p in ps}, sn.flat)
    clauses = {p: {bisect_right(ends, pos) for pos in at} for p, at in places.items()}
    return {t for t, ps in parts.items() if set.intersection(*(clauses[p] for p in ps))}


def _wholes(terms: Sequence[str], tally: Mapping[str, tuple[int, ...]]) -> dict[str, str]:
    """Dropped phrases the history never says on their own: each inside a longer candidate with the
    same count in every history report (规范X only ever inside 清理和规范X), mapped to the longest
    such whole. The region said the whole as a unit year after year, so the whole is the formulation
    and the part is one candidate with it, not a second line (a phrase said once inside the whole
    and once alone differs in some year and stays). Only phrases said in EPISODE_RUN+ reports: the
    counts of a phrase of one report match those of any longer phrase around it by construction."""
    by_tally: dict[tuple[int, ...], list[str]] = {}
    for t in terms:
        row = tally[t]
        if len(row) - row.count(0) >= EPISODE_RUN:  # the reports saying it (counts: none below 0)
            by_tally.setdefault(row, []).append(t)
    out: dict[str, str] = {}
    for group in by_tally.values():
        if len(group) < 2:
            continue
        for t in group:
            longer = [u for u in group if len(u) > len(t) and t in u]
            if longer:
                out[t] = max(longer, key=lambda u: (len(u), u))
    return out


def _drop_salience(t: str, found: Mapping[str, formulations.Phrase], so: _Side,
                   absorbed: Mapping[str, Sequence[str]]) -> float:
    """The old report's marks on a dropped phrase: its own, or those of a part it absorbed
    (`_wholes`, `absorbed`: each whole's parts) when better — the whole said as a unit carries its
    part's marks, and a joined whole is not plain description when its part is never said alone."""
    parts = absorbed.get(t, ())
    ph = found[t]
    if not parts:  # (most phrases absorbed none)
        return _salience(ph, so)
    if ph.joined:
        ph = ph._replace(plain=False)
    return max([_salience(ph, so), *(_salience(found[p], so) for p in parts)])


def _episode(hist: tuple[int, ...], start: int, run: int) -> bool:
    """An episode: said in each report of its run of EPISODE_RUN+ and in none of the earlier reports
    of the history (there are some): a campaign that began and ended. A phrase that came and went
    before is wording that fluctuates."""
    return run >= EPISODE_RUN and start > 0 and not any(k < start for k in hist)
