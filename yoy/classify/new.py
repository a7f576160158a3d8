"""New formulations: debuts, returns and surges of the new report, and the tests that a new phrase is an
older one said another way (reordered, listed, shortened, around a known name, continuing work)."""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from itertools import accumulate

from yoy import formulations, vocab
from yoy.classify.forms import (
    _across_marks,
    _automaton,
    _counted_on,
    _figure_wordings,
    _parts,
    _reordered,
    _variants,
)
from yoy.classify.listing import _absent_from, _build, _kept_words, _label, _national_note, _Pending
from yoy.classify.past import _Past
from yoy.classify.salience import _common, _salience
from yoy.classify.sides import Signal, _Found, _occurring, _Side
from yoy.classify.weights import (
    _CLAUSE_BREAK,
    COMMON_FACTOR,
    CORE_CONTEXT,
    CORE_SAID_FACTOR,
    DEBUT_BASE,
    DUP_FACTOR,
    FLIP_BASE,
    HISTORY_MIN,
    MAX_NEW,
    PLAN_LEAD,
    RETURN_BASE,
    RETURN_GAP,
    SALIENCE_SPAN,
    SURGE_BASE,
    SURGE_MIN_COUNT,
    SURGE_RATIO,
    W_COIN,
    W_PEER,
)
from yoy.history import found_rare, presence, tallies
from yoy.models import Analysis, Change, ChangeCount
from yoy.terms import quoted
from yoy.text import dictionary_count


def _new_items(so: _Side, sn: _Side, past: _Past, skip: set[str], regions: set[str]
               ) -> tuple[list[_Found], ChangeCount]:
    found, terms = _absent_from(sn, so, skip, regions, as_words=True)
    figured = _figure_wordings(sn, terms)
    terms = [t for t in terms if t not in figured]
    parts = {t: _parts(sn, t) for t in terms}
    hist, df, nat, said = past.scan_parts(terms, (p for ps in parts.values() for p in ps))
    hist, nat = past.as_words(hist, nat, frozenset(sn.doc.flat_tokens.words))
    m = len(past.other_at)
    reworded = _said_another_way(terms, so, sn)
    for t, q in _said_shorter(terms, so).items():
        reworded.setdefault(t, q)
    coin = _coinage(parts, said, len(past.pool))
    surges = _surges(found, terms, hist, past)
    counted = _counted_on([t for t in terms if not hist[t]], found, past.texts[::-1])  # latest wording first
    # a phrase the old report says with other numbers in the same places (a heading 过去X年Y-like, a
    # tally) continues the old one, debut or not: sunk as the dropped side's count moving on is
    # (`COUNTED_ON`)
    moved_on = _counted_on(terms, found, [so.flat])
    for t, was in moved_on.items():
        counted.setdefault(t, was)
    cores = _said_cores([t for t in terms if not hist[t] and found[t].quoted], sn, past)
    listed = _said_listed([t for t in terms if not hist[t] and t not in reworded], sn, past)
    going = _continuing([t for t in terms if not hist[t]], sn)
    peered = past.peers_saying([t for t in terms if not hist[t]])
    out = []
    for t in terms:
        ph = found[t]
        seen = sorted(past.years[k] for k in hist[t])
        share = df[t] / m if m else 0.0
        sal = _salience(ph, sn)
        n_hist = len(past.years)
        if not seen:
            sal *= 1 - W_COIN * (1 - coin[t])
            signal, base = Signal.DEBUT, DEBUT_BASE
            rewrapped = t in cores or t in listed
            if not past.same_region:  # two regions: no history between them, one says it, one not
                reason = vocab.peer_reason(_label(sn), _label(so))
            else:
                reason = vocab.rewrapped_reason(n_hist) if rewrapped else vocab.debut_reason(n_hist)
                if n_hist < HISTORY_MIN:
                    reason += vocab.few_history_others(m)
            if t in going:  # the report says it goes on (继续X): a new wording of a known programme
                reason += "；" + vocab.continuing_note(going[t])
            if t in peered:  # other regions say it this year too: the year's shared policy language
                reason += "；" + vocab.peers_said(peered[t], sn.year)
                sal = min(1.0, sal + W_PEER)
            if t in cores:  # its quoted name was said before: a new wrapping of a known name
                reason += "；" + vocab.core_said(*cores[t])
                if not (t.endswith(vocab.PLAN_HEADS) and sn.year - cores[t][1] <= PLAN_LEAD):
                    sal *= CORE_SAID_FACTOR
        elif t in surges:
            signal, base = Signal.SURGE, SURGE_BASE
            reason = vocab.surge_reason(seen, surges[t])
        elif seen[-1] < past.years[-1] and len(past.years) - 1 - past.years.index(seen[-1]) >= RETURN_GAP:
            signal, base = Signal.RETURN, RETURN_BASE
            reason = vocab.return_reason(seen[-1])
        else:
            signal, base = Signal.FLIP, FLIP_BASE
            reason = vocab.flip_new_reason(vocab.years_span(seen))
        common = _common(share, df[t], m, ph.everyday)
        score = base + SALIENCE_SPAN * sal
        extras = [common, _national_note(past, nat[t])]
        if t in reworded:
            score *= DUP_FACTOR
            extras.append(vocab.said_before(reworded[t]))
        elif t in listed:  # said before as a list: the same formulation said another way
            extras.append(vocab.listed_before(*listed[t]))
        elif t in counted:
            extras.append(vocab.counted_on(counted[t]))
        if common:
            score *= COMMON_FACTOR
        basis = "；".join(x for x in (reason, *extras) if x)
        # a count moving on (`COUNTED_ON`) sinks in the order, as on the dropped side
        out.append(_Pending(score, t, basis, signal, ph.count, bool(common),
                            t in counted and t not in reworded and t not in listed, unit=ph.unit))
    return _build(Change.NEW, out, MAX_NEW, so, sn, skip)


def _said_cores(terms: Iterable[str], sn: _Side, past: _Past) -> dict[str, tuple[str, int]]:
    """Debuts of `sn` whose quoted core (`_core`) an earlier report of the region says, each with
    that core and the first year that says it."""
    quotes = {"".join(q.split()) for q in quoted(sn.doc.folded)}
    core = {t: c for t in terms if (c := _core(t, quotes))}
    if not core or not past.texts:
        return {}
    hits = presence(set(core.values()), past.texts)
    first = {c: next((past.years[k] for k in sorted(ks) if _said_as_word(c, past.texts[k])), 0)
             for c, ks in hits.items()}
    return {t: (c, first[c]) for t, c in core.items() if first[c]}


def _said_as_word(core: str, text: str) -> bool:
    """Some occurrence of `core` in `text` starts and ends on word boundaries of its segmented
    context (CORE_CONTEXT characters each side): the name itself, not the piece of a longer word
    that holds its characters (X五 inside X五大-like)."""
    at = text.find(core)
    while at >= 0:
        if _on_word_edges(text, at, at + len(core)):
            return True
        at = text.find(core, at + 1)
    return False


def _on_word_edges(text: str, start: int, end: int) -> bool:
    """`text[start:end]` starts and ends on word boundaries of its context segmented CORE_CONTEXT
    characters each side."""
    starts, ends = formulations.window_edges(text, start, end, CORE_CONTEXT)
    return start in starts and end in ends


def _core(t: str, quotes: Iterable[str]) -> str:
    """The longest quoted name of its report inside phrase `t` short of `t` itself (“X五”规划 → X五:
    the quoted core with the head that the phrase adds, `formulations.SHORT_QUOTE`), or ""."""
    inside = [q for q in quotes if q != t and len(q) >= formulations.PHRASE_MIN and q in t
              and len(t) - len(q) <= formulations.SHORT_QUOTE]
    return max(inside, key=lambda q: (len(q), q), default="")


def _surges(found: Mapping[str, formulations.Phrase], terms: Iterable[str],
            hist: Mapping[str, tuple[int, ...]], past: _Past) -> dict[str, int]:
    """New-side phrases said before (not debuts) that the new report says SURGE_MIN_COUNT+ times and
    more than SURGE_RATIO times as often as all the region's earlier reports together, each with that
    earlier total. Only the few repeated phrases are counted in the history texts (read from the
    counts worked out before, `_Past.known`, where they hold them)."""
    repeated = [t for t in terms if hist[t] and found[t].count >= SURGE_MIN_COUNT]
    before = tallies(repeated, past.texts, past.known)
    return {t: sum(before[t]) for t in repeated if found[t].count > SURGE_RATIO * sum(before[t])}


def _coinage(parts: Mapping[str, tuple[str, ...]], said: Mapping[str, int], n: int) -> dict[str, float]:
    """How new the newest element of each phrase is (0..1, `W_COIN`): 1 - the share of the `n` past
    texts (history and reference) that say its rarest part (`parts`: `formulations.parts` of each
    phrase; `said`: how many past texts say each part); 1 for a phrase with no part short of itself."""
    out: dict[str, float] = {}
    texts = max(1, n)
    for t in sorted(parts, key=len):  # a part that is a shorter candidate is scored before
        # a part that is itself a candidate phrase lends its own coinage, not a never-said 1: the
        # wrapper of a new phrase (推进|X, X|工作) is no more a coinage than X
        low = 0.0  # the rarest part's share (none: 0)
        for k, p in enumerate(parts[t]):  # a loop, not `min` over a generator (≈ 1,700 phrases a side)
            own = out.get(p)
            share = said[p] / texts if own is None else 1.0 - own
            if not k or share < low:
                low = share
        out[t] = 1.0 - low
    return out


def _said_another_way(terms: Iterable[str], so: _Side, sn: _Side) -> dict[str, str]:
    """New phrases whose words the old report says in another order or with 的 between them
    (`formulations.variants`, `_reordered`), each with the old report's wording: the same
    formulation said another way ranks as a variant (DUP_FACTOR), below every plain debut."""
    terms = list(terms)
    reordered = _reordered(terms, sn, so)
    kept = sn.said.variants.get(so.flat) if sn.said is not None else None  # worked out before
    if kept is not None:
        # a variant has its phrase's characters (perhaps with 的): only the phrases whose characters
        # are those of a variant said can have one among them, and only theirs are worked out
        chars = {frozenset(v) for v in kept}
        chars |= {c - {vocab.ATTRIBUTIVE} for c in chars}
        terms = [t for t in terms if frozenset(t) in chars]
    wanted: dict[str, str] = {}
    for t in terms:
        for v in _variants(sn, t):
            wanted.setdefault(v, t)
    # few variants are said: no automaton over them all
    found = kept if kept is not None else found_rare(wanted, so.flat)
    said = {v: v in found for v in wanted}
    out: dict[str, str] = {}
    for v, src in wanted.items():
        if said[v]:
            out.setdefault(src, v)
    out.update((t, o) for t, o in reordered.items() if t not in out)
    return out


def _continuing(terms: Iterable[str], side: _Side) -> dict[str, str]:
    """Phrases of `side` every occurrence of which stands in a clause that a continuation adverb
    (`vocab.CONTINUATION_ADVERBS`) opens before it, each with the adverb of its first occurrence."""
    flat = side.flat
    if not any(a in flat for a in vocab.CONTINUATION_ADVERBS):
        return {}
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(flat)]
    out: dict[str, str] = {}
    for t in terms:
        first = ""
        for pos in _occurring(side, t):
            k = bisect_right(breaks, pos) - 1
            clause = flat[breaks[k] if k >= 0 else 0:pos]
            adverb = next((a for a in vocab.CONTINUATION_ADVERBS if a in clause), "")
            if not adverb:
                first = ""
                break
            first = first or adverb
        if first:
            out[t] = first
    return out


def _said_listed(terms: Iterable[str], sn: _Side, past: _Past) -> dict[str, tuple[str, int, bool]]:
    """Debuts of `sn` that an earlier report of the region says as a list (`vocab.LIST_MARK` between
    its words, or one of `vocab.LIST_JOINERS` between two of them), each with that wording as the
    latest such report says it, its year and whether it is the old report. A debut is said in no
    history text, so a list that says it has a mark between two of its adjacent characters: only the
    places of such pairs (`_across_marks`) are looked at (a national pair: ≈ 0.2 of its debuts have
    one; an automaton over every debut and its joined forms and the whole texts cost ≈ 0.3 s)."""
    texts = past.texts
    if not texts:
        return {}
    terms = list(terms)
    # the debuts one string apart (NUL: in no phrase): their pairs of adjacent characters are its
    # pairs without NUL, the only ones ever looked up, and one automaton pass over it finds where
    # each debut has a pair that stands across a mark (≈ 10,000 pairs of ≈ 1,300 debuts, ≈ 170 of
    # them across a mark, on a national pair: measured)
    line = "\0".join(terms)
    across = _across_marks(texts, set(map(operator.add, line, line[1:])))
    if not across:
        return {}
    firsts = list(accumulate((len(t) + 1 for t in terms[:-1]), initial=0))  # each debut's offset
    hit: dict[int, list[str]] = {}  # debut index → its pairs across a mark, in reading order
    for last, pair in _automaton(across).iter(line):
        hit.setdefault(bisect_right(firsts, last) - 1, []).append(pair)
    out: dict[str, tuple[str, int, bool]] = {}
    for x, pairs in hit.items():
        t = terms[x]
        at: dict[int, set[int]] = {}
        joined = False  # some place has a joiner: the joined forms are asked for too
        for pair in pairs:
            for k, pos, joiner in across[pair]:
                at.setdefault(k, set()).add(pos)
                joined = joined or joiner
        forms = [t]
        ws = _kept_words(sn, t) if joined else ()
        for n in range(1, len(ws)):
            a, b = "".join(ws[:n]), "".join(ws[n:])
            if len(a) >= formulations.PHRASE_MIN and len(b) >= formulations.PHRASE_MIN:
                forms += [a + j + b for j in vocab.LIST_JOINERS]
        # a wording of `t` over a mark at `pos` lies within twice its length of it (a mark after each
        # character at most), and its word boundaries are read CORE_CONTEXT characters further
        reach = 2 * len(t) + CORE_CONTEXT
        for k in sorted(at, reverse=True):  # the latest wording first
            text = texts[k]
            q = ""
            for pos in sorted(at[k]):
                window = text[max(0, pos - reach):pos + reach]
                flat = window.replace(vocab.LIST_MARK, "")
                # the forms the window says, in order, before the test of their edges (≈ 10 of a
                # national pair's ≈ 1,300 windows say one: measured)
                said = [v for v in forms if v in flat]
                q = next((q for v in said if (q := _listed_wording(v, window))), "")
                if q:
                    break
            if q:
                out[t] = q, past.years[k], k == len(texts) - 1
                break
    return out


def _listed_wording(v: str, text: str) -> str:
    """The wording of `text` that is `v` with enumeration commas between some of its characters
    (`vocab.LIST_MARK`), starting and ending on word boundaries of its segmented context
    (`_on_word_edges`, as `_said_as_word`), or ""."""
    mark = re.escape(vocab.LIST_MARK)
    rx = re.compile(f"{mark}?".join(map(re.escape, v)))
    for m in rx.finditer(text):
        if _on_word_edges(text, m.start(), m.end()):
            return m.group(0)
    return ""


def _said_shorter(terms: Iterable[str], so: _Side) -> dict[str, str]:
    """New phrases that a phrase of the old report says with one everyday word more inside
    (X地区Y → XY, A现代化B → AB-like: the word `EVERYDAY_COUNT` says is ordinary language), each with
    the old wording: the old name said shorter, a variant as a phrase said another way. Only an inner
    word: the first and the last word of a name carry what it names and its head. The old report's
    shorter forms are known from its record (`Analysis.shorter`)."""
    wanted = set(terms)
    forms = so.analysis.shorter
    out: dict[str, str] = {}
    for f, q in shorter_forms(so.analysis) if forms is None else forms:
        if f in wanted:
            out.setdefault(f, q)
    return out


def shorter_forms(an: Analysis) -> tuple[tuple[str, str], ...]:
    """Every candidate phrase of a report said shorter by one inner everyday word (`_said_shorter`),
    as (the shorter form, the candidate), in candidate order and word order: what a comparison looks
    up when the report is the old one, whatever the new is. The pipeline keeps them in the report's
    record (`Analysis.shorter`)."""
    out: list[tuple[str, str]] = []
    for q, c in an.candidates.items():
        if len(c.sizes) < 3:
            continue
        ws = formulations.split(q, c.sizes)
        for k in range(1, len(ws) - 1):
            if dictionary_count(ws[k]) >= formulations.EVERYDAY_COUNT:
                out.append(("".join(ws[:k]) + "".join(ws[k + 1:]), q))
    return tuple(out)
