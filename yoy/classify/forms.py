"""A phrase said another way, which the new and the dropped passes both ask about: a stated figure's
wording, a phrase's parts and variants, its reorderings, list marks, and numeral-masked forms."""

from __future__ import annotations

import functools
import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence, Set
from itertools import accumulate, compress
from typing import NamedTuple

import ahocorasick

from yoy import figures, formulations, vocab
from yoy.classify.listing import _kept_words
from yoy.classify.sides import _Side
from yoy.classify.weights import (
    COUNT_MARK,
    COUNTED_ON,
    FIGURE_EDGE_MAX,
    FIGURE_REACH,
    FIGURE_SPAN_LOOKBACK,
    REORDER_HEAD,
    REORDER_MIN,
)
from yoy.models import Analysis


def _figure_spans(side: _Side, found: Sequence[figures.Found], table: figures.Indicators,
                  both: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """The flat spans of the figures `side` states (`figures_of`) of the indicators both reports state
    (`both`, canonical names: an indicator only one report states is news of its own, a new measure
    named, and stays a formulation): from the indicator's wording (`table`'s pattern) to the end of
    the value as written (地区生产总值|增长|6.5%左右-like), or from the value to the wording for an amount
    written first; the wording nearest the value within FIGURE_REACH characters, in its sentence."""
    d = side.doc
    shared = frozenset(both)
    out: set[tuple[int, int]] = set()
    for f in found:
        if (f.figure.canonical or f.figure.indicator) not in shared:
            continue
        span = f.figure.evidence.span
        sentence = d.folded[span.start:span.end]
        value = f.figure.value
        at = sentence.find(value)
        if at < 0 or not value:
            continue
        names = [m.span() for m in table.pattern.finditer(sentence)]
        before = [(a, b) for a, b in names if b <= at and at - b <= FIGURE_REACH]
        after = [(a, b) for a, b in names if a >= at + len(value) and a - at - len(value) <= FIGURE_REACH]
        if before:
            a, b = before[-1][0], at + len(value)
        elif after:
            a, b = at, after[0][1]
        else:
            continue
        out.add((bisect_left(d.origin, span.start + a), bisect_left(d.origin, span.start + b)))
    return tuple(sorted(out))


def _figure_wordings(side: _Side, terms: Iterable[str]) -> set[str]:
    """The `terms` that are a stated figure's wording on `side` (`_figure_wording`)."""
    spans = side.figured
    if not spans:
        return set()
    starts = [a for a, _ in spans]
    # characters inside some span before each offset: a place with fewer than all but FIGURE_EDGE_MAX
    # of its characters inside the spans together lies in no one span (most phrases: no span test)
    inside = bytearray(max(len(side.flat), spans[-1][1]) + 1)
    for a, b in spans:
        inside[a:b] = b"\x01" * (b - a)
    covered = [0, *accumulate(inside)]
    return {t for t in terms if _figure_wording(side, t, starts, covered)}


def _figure_wording(side: _Side, t: str, starts: Sequence[int], covered: Sequence[int]) -> bool:
    """Every place of `t` on `side` lies in a stated figure's span (`_Side.figured`, whose starts are
    `starts`) but for at most FIGURE_EDGE_MAX characters (完成|X总值-like: the verb that states it): the
    indicator's wording, which the target lines show, not a formulation. `covered[i]`: how many
    characters before offset `i` lie inside some span (`_figure_wordings`)."""
    spans = side.figured
    c = side.analysis.candidates.get(t)
    if c is None or not c.places:
        return False
    size = len(t)
    least = size - FIGURE_EDGE_MAX  # the characters one span holds of a place that lies in it
    for p in c.places:
        if covered[p + size] - covered[p] < least:
            return False
        k = bisect_right(starts, p + size) - 1  # spans starting before the phrase ends
        if not any(max(0, a - p) + max(0, p + size - b) <= FIGURE_EDGE_MAX and a < p + size and p < b
                   for a, b in spans[max(0, k - FIGURE_SPAN_LOOKBACK):k + 1]):
            return False
    return True


def _parts(side: _Side, t: str) -> tuple[str, ...]:
    """`formulations.parts` of `t`, known for a candidate phrase of `side` (`Candidate.parts`)."""
    c = side.analysis.candidates.get(t)
    return c.parts if c is not None else formulations.parts(t)


def _variants(side: _Side, t: str) -> Iterable[str]:
    """`formulations.variants` of `t` (its words known for a candidate phrase of `side`)."""
    return formulations.variants_in(t, _kept_words(side, t))


def _reordered(terms: Iterable[str], own: _Side, other: _Side) -> dict[str, str]:
    """Phrases of `own` (new ones, or dropped ones) that a candidate of the `other` report says with
    the same characters in another order before the same head — the same last word in each one's
    segmentation (甲乙丙丁X ↔ 丙丁甲乙X, invented; not 减|甲乙X ↔ 甲乙|减|X, where the head 甲乙X of the
    one is split in the other) — each with that wording: the same modifiers reordered, the
    formulation said another way. The candidates of both reports meet by their `anagram_index` keys
    (a set intersection); a phrase of `own` that is no candidate is keyed on its own."""
    wanted = {t for t in terms if len(t) >= REORDER_MIN}
    if not wanted:
        return {}
    mine, theirs = _anagrams(own), _anagrams(other)
    found = [(t, theirs[k][0]) for k in mine.keys() & theirs.keys() for t in mine[k] if t in wanted]
    cand = own.analysis.candidates
    found += [(t, theirs[k][0]) for t in wanted if t not in cand and (k := _anagram_key(t)) in theirs]
    return {t: was for t, was in found
            if was != t and _kept_words(own, t)[-1] == _kept_words(other, was)[-1]}


def _anagram_key(t: str) -> tuple[str, str]:
    """What a phrase and its reorderings share (`_reordered`): the head, the sorted characters."""
    return t[-REORDER_HEAD:], "".join(sorted(t))


def anagram_index(an: Analysis) -> dict[tuple[str, str], tuple[str, ...]]:
    """The candidate phrases of REORDER_MIN+ characters of a report by `_anagram_key`, in candidate
    order: one report's half of a comparison's reorderings (`_reordered`). The pipeline keeps it in the
    report's record (`Analysis.anagrams`)."""
    out: dict[tuple[str, str], list[str]] = {}
    for t in an.candidates:
        if len(t) >= REORDER_MIN:
            out.setdefault(_anagram_key(t), []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def _anagrams(side: _Side) -> Mapping[tuple[str, str], tuple[str, ...]]:
    """`anagram_index` of `side`, as its record keeps it (worked out when it does not)."""
    an = side.analysis
    return an.anagrams if an.anagrams is not None else anagram_index(an)


# the list mark and the joiners, the longer joiner first (以及 before 及)
_LIST_MARKS = re.compile("|".join(map(re.escape, (vocab.LIST_MARK,
                                                  *sorted(vocab.LIST_JOINERS, key=len, reverse=True)))))


# Texts whose list marks (`_list_marks`) and count marks (`_mark_windows`) a process keeps: a region's
# history texts are asked again by each of its later pairs (a batch's consecutive pairs, a comparison
# run again), ≈ 10 history texts and the pair a comparison; 32 hold a long national history (13 texts)
# twice, at ≈ 250 kB a national text (both memos: masked text, pairs and offsets; tracemalloc): 8 MB
# at most
MARK_WINDOW_TEXTS = 32


def _across_marks(texts: Sequence[str], wanted: Set[str]) -> dict[str, list[tuple[int, int, bool]]]:
    """The character pairs of `wanted` that stand on the two sides of a list mark or a joiner
    (`_said_listed`) in `texts`, each with (text index, offset of the mark, whether it is a joiner) of
    its places. Each text's marks and their pairs are worked out once (`_list_marks`) and tested in C
    (`compress`): of a national pair's ≈ 6,300 marks in its past texts ≈ 500 stand between a pair of
    its debuts (measured), and only those are filed in Python."""
    out: dict[str, list[tuple[int, int, bool]]] = {}
    for k, text in enumerate(texts):
        pairs, places = _list_marks(text)
        for pair, (a, joiner) in compress(zip(pairs, places, strict=True), map(wanted.__contains__, pairs)):
            out.setdefault(pair, []).append((k, a, joiner))
    return out


@functools.lru_cache(maxsize=MARK_WINDOW_TEXTS)  # (the texts `_mark_windows` keeps: a region's history)
def _list_marks(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, bool], ...]]:
    """The list marks and joiners of `text` (`_LIST_MARKS`) with a character either side: the pair of
    those two characters of each, and its offset and whether it is a joiner (what `_across_marks`
    files), in reading order. The pair about every mark is built in C (`map`); a pure function's
    bounded memo, worked out once per text."""
    end = len(text)
    places = list(_LIST_MARKS.finditer(text))
    starts = list(map(re.Match.start, places))
    ends = list(map(re.Match.end, places))
    # a mark at either end has no pair (left out below): the padding keeps its look-up in range
    padded = text + "\0"
    pairs = list(map(operator.add, map(padded.__getitem__, map(_BEFORE, starts)),
                     map(padded.__getitem__, ends)))
    kept = [(pair, (a, text[a] != vocab.LIST_MARK)) for pair, a, b in zip(pairs, starts, ends, strict=True)
            if a and b < end]
    return tuple(x for x, _ in kept), tuple(y for _, y in kept)


_BEFORE = (-1).__add__  # an offset's predecessor, as a C call for `map`


def _automaton(strings: Iterable[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of `strings` (some at least), each its own value."""
    auto = ahocorasick.Automaton()
    for p in strings:
        auto.add_word(p, p)
    auto.make_automaton()
    return auto


def _counted(t: str) -> str:
    """`t` with each run of numerals as one `#` (`COUNTED_ON`)."""
    return COUNTED_ON.sub(COUNT_MARK, t)


class _CountedForms(NamedTuple):
    """Numeral-masked forms (`_counted`), each filed under the three characters about one of its
    marks (`_counted_in`): `inner` under a mark with a character either side (统#制定 under 统#制),
    `head` under the first three characters when the only marks are at its ends and it starts with
    one (#年大计 under #年大), `tail` under the last three otherwise (全国新增# under 新增#), each
    with that mark's offset in the form; `short` holds forms of fewer than three characters."""

    inner: dict[str, list[tuple[str, int]]]
    head: dict[str, list[tuple[str, int]]]
    tail: dict[str, list[tuple[str, int]]]
    short: list[str]


def _counted_forms(forms: Iterable[str]) -> _CountedForms:
    """`forms` (each holding a `COUNT_MARK`) filed for `_counted_in`."""
    out = _CountedForms({}, {}, {}, [])
    for c in forms:
        n = len(c)
        a = next((k for k in range(1, n - 1) if c[k] == COUNT_MARK), -1)
        if a > 0:
            out.inner.setdefault(c[a - 1:a + 2], []).append((c, a))
        elif n < 3:
            out.short.append(c)
        elif c[0] == COUNT_MARK:
            out.head.setdefault(c[:3], []).append((c, 0))
        else:
            out.tail.setdefault(c[-3:], []).append((c, n - 1))
    return out


class _MarkWindows(NamedTuple):
    """A text masked (`_counted`) with the offsets of its marks by the three characters about each, as
    `_CountedForms` files its forms: `inner` by the mark and a character either side, `head` by the
    mark and the two after it, `tail` by the two before it and the mark."""

    shifted: str
    inner: dict[str, list[int]]
    head: dict[str, list[int]]
    tail: dict[str, list[int]]


@functools.lru_cache(maxsize=MARK_WINDOW_TEXTS)
def _mark_windows(text: str) -> _MarkWindows:
    """`text` masked (`_counted`) and its marks filed by their windows (`_MarkWindows`): what depends
    on the text alone in `_counted_in`, worked out once per text (a pure function's bounded memo)."""
    shifted = _counted(text)
    out = _MarkWindows(shifted, {}, {}, {})
    inner, head, tail = out.inner.setdefault, out.head.setdefault, out.tail.setdefault
    p = -1
    for piece in shifted.split(COUNT_MARK)[:-1]:
        p += len(piece) + 1  # the next mark
        if p:
            inner(shifted[p - 1:p + 2], []).append(p)
        head(shifted[p:p + 3], []).append(p)
        if p > 1:
            tail(shifted[p - 2:p + 1], []).append(p)
    return out


def _counted_in(forms: _CountedForms, text: str) -> set[str]:
    """The forms that `text` masked (`_counted`) contains: each form is compared in place at the marks
    of the text filed under its own window (`_mark_windows`, worked out once per text): the same set
    as a substring search of every form in it, which costs ≈ 7 µs a form in a national report's
    ≈ 20,000 characters (≈ 100 forms of its new phrases, ≈ 10 history texts), where a walk over its
    ≈ 350 marks cost ≈ 0.25 ms a text and a comparison (measured on this machine)."""
    shifted, inner, head, tail = _mark_windows(text)
    said = {c for c in forms.short if c in shifted}
    for filed_by, at in ((forms.inner, inner), (forms.head, head), (forms.tail, tail)):
        for window, filed in filed_by.items():
            for p in at.get(window, ()):
                for c, a in filed:
                    if p >= a and shifted.startswith(c, p - a):
                        said.add(c)
    return said


def _counted_on(terms: Iterable[str], found: Mapping[str, formulations.Phrase], texts: Sequence[str],
                plans: bool = False) -> dict[str, str]:
    """Phrases holding a number (not ending in a policy noun, unless `plans`) that one of `texts` says
    with other numbers in the same places, each with that other wording as the first such text says
    it (`COUNTED_ON`)."""
    wanted = {t: _counted(t) for t in terms if (plans or not found[t].policy_head) and COUNTED_ON.search(t)}
    if not wanted:
        return {}
    forms = _counted_forms(set(wanted.values()))
    out: dict[str, str] = {}
    for text in texts:
        said = _counted_in(forms, text)  # a form the text lacks cannot match there
        for t, c in wanted.items():
            if t in out or c not in said:
                continue
            rx = re.compile(COUNTED_ON.sub(lambda _m: COUNTED_ON.pattern, re.escape(t)))
            other = next((m.group(0) for m in rx.finditer(text) if m.group(0) != t), None)
            if other is not None:
                out[t] = other
    return out
