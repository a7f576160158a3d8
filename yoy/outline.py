"""Segment a report into its outline: parts 一、, sections (一), items, paragraphs and sentences.

Saved pages lose their line breaks, so a heading often runs straight into its body
(`(一)聚焦科技创新抓落实,打造产业高地,让发展动能一季更比一季足把科技创新摆在…`, an invented example).
Where a heading ends is decided in this order:

1. a line break or a sentence end right after a plausible title;
2. an unmistakable body opener (`各位代表`, `2019年,`);
3. parallelism: sibling headings share a template (`…一季更比一季X`, `…实现新X`), so the cut
   that makes the siblings' endings agree is the heading end;
4. the report's own clause statistics: how often the word before a cut ends a clause and the word
   after it starts one, counted over every punctuated clause of the same report.

Numbering must also fit: a part marker only counts at the start of a paragraph or sentence, numbers
run in sequence, and `二、三区` (an enumeration) is not a heading. A news digest has no numbering;
its sections are the parallel lead paragraphs (`2031年,某区将在……上走在前、当标杆`).
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from yoy import vocab
from yoy.models import Block, BlockLevel, Outline, Report, Role, Span
from yoy.text import NUMERALS, SENTENCE_END, chinese_number, chinese_numeral, fold, word_spans

# A title is at least this long (shorter: `一、` followed by a table row, not a heading).
MIN_TITLE = 4
# Longest title accepted without a visible end; past this the heading must be cut. Over the 218
# headings of the embedded reports that stand alone on their line (their end is visible), the longest
# has 47 characters and 99% have at most 38 (scripts/measure_thresholds.py): 60 is that longest plus a
# quarter, a margin for longer headings elsewhere, not a fitted value.
MAX_TITLE = 60
# Characters compared from the end of sibling titles when looking for their shared template.
# `一季更比一季X` needs 7; longer templates are rare and 8 keeps the scan cheap.
TEMPLATE_SPAN = 8
# Share of siblings that must share a template before it overrides a visible sentence end. Measured
# by scripts/measure_thresholds.py over the 62 sibling groups (≥ MIN_TEMPLATE_SIBLINGS headings, ends
# visible) of the embedded reports: the largest share of siblings with one character at one distance
# (≤ ANCHOR_SPAN) from the end is 0.8-1.0 in 6 groups, each written to one pattern, and at most 0.67
# in the others; random groups of as many headings, one per report (chance), reach 0.50 at p95, 0.67 at
# p99 and 0.8 in 0.05% of draws. 0.8 sits in that gap.
PARALLEL_QUORUM = 0.8
# Template anchors are looked for this far from the end of a title (`新X X`: 3; `一季更比一季X`: 2).
ANCHOR_SPAN = 4
# A phrase of at least this many characters that the body repeats right after the heading
# (`…保障X会议重大任务把保障X会议作为…`) marks where the heading must have ended.
REPEAT_MIN = 4
# The repeat's weight on the log-odds scale of the clause statistics: + inside its window, − outside.
# Its own log-odds: of the embedded reports' headings that stand alone on their line, run on into
# their body, 87 show a repeat and its window holds the true end in 63 (ln(63.5/24.5) = 0.95,
# scripts/measure_thresholds.py): a hint worth about one unit, half a clipped word's STAT_CLIP.
REPEAT_BONUS = 1.0
# Weight of template agreement (characters agreeing, averaged over siblings) against the clause
# statistics (log-odds, clipped to ±STAT_CLIP). One agreeing character outweighs a weak hint.
PARALLEL_WEIGHT = 2.0
# Prior for a visible sentence end as the title end: it yields only to a template shared by the
# siblings (a title `…取得新进展` whose body runs on to a sentence end loses to a `…新X X` template
# that a quorum of sibling headings agree on).
NATURAL_BONUS = 2.0
# Cutting through a jieba word needs this much more support (jieba glues `高后`, `足用` across
# the heading end, so it cannot be forbidden outright).
INSIDE_WORD_PENALTY = 1.5
# A word's clause-final statistics count only when it occurs this often in the report; rarer
# words say nothing. Run-on text never puts punctuation after a heading, so only the clause-final
# side is trusted: a template's repeated word that never ends a clause (0 of 14 final in 崂山区 2019)
# cannot end a heading such as `…一季更比一季强`.
MIN_EVIDENCE = 3
# The clip is the log-odds the least counted evidence can show: a word seen MIN_EVIDENCE times, every
# time clause-final, scores ln(3.5/0.5) = 1.95; a frequent word counts no more than that. Over the
# embedded reports 1.7% of the word counts that reach MIN_EVIDENCE score above +2 and 39% below -2
# (scripts/measure_thresholds.py): the clip mostly caps words that never end a clause.
STAT_CLIP = 2.0
# Headings a transcription may have lost between two numbered headings that stand on their own
# lines (the national 2007 text lacks part 3's (三)): the others keep their numbers.
MAX_LOST_HEADINGS = 1
# Items are lead phrases: a paragraph's first sentence when it is at most this long and the
# paragraph goes on (`加快发展X产业。…`). Such first sentences of the embedded reports hold no clause
# mark (a phrase, not a clause chain) in 97% at 8-11 characters, 64% at 16-19, 40% at 20-23, 18% at
# 24-27, 4% at 28-31 and none from 32 on (scripts/measure_thresholds.py): past 24 a phrase is the
# exception.
MAX_ITEM = 24
# A lead phrase names a task (`加快发展X产业`, `X改革取得新进展`); a first sentence that makes a statement is
# body text, however short: one holding a figure (a number that is not a year, outside a quoted name:
# `某项补贴从N元提高到M元`), one opening with a subject pronoun (`这是一项长期任务`, `我们要…`), or one
# holding a clause mark other than 、 (`具体办法是:…`). The first clauses of the 277 numbered headings of
# the embedded reports show none of these marks; 15 of the 725 short comma-free first sentences do,
# and each, read in its paragraph, is a statement (scripts/measure_thresholds.py --only ITEM_STATEMENT).
# A rule from the genre's grammar, not a fitted value.
_ITEM_CLAUSE_MARKS = ",;:"
_NAMES_RE = re.compile("|".join(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}"
                                for o, c in vocab.NAME_MARKS.items()))
_YEAR_RE = re.compile(vocab.YEAR_IN_TITLE + "|(?:19|20)\\d\\d")
# Digest sections: at least this many paragraphs must open with the same words. Three, the least
# group that is not one coincidence (as MIN_TEMPLATE_SIBLINGS). Chance openings are common in full
# reports (in 7 of the 19 embedded reports with numbered headings, 3 to 6 paragraphs share a
# MIN_DIGEST_PREFIX opening: scripts/measure_thresholds.py), so the rule runs only on a text without
# numbered headings.
MIN_DIGEST_SECTIONS = 3
# …and the shared opening must be at least this long (`2031年,某区将在` has 10).
MIN_DIGEST_PREFIX = 6
# Paragraphs before a digest's first section that start with the sections' first clause belong to
# their part (its lead): the clause must be at least this long (`2025年` has 5; 2 would be `我们`).
MIN_OPENING = 4
# Characters segmented past the last candidate cut, so that the word around a cut is segmented whole
# and in context: room for a four-character word straddling the last cut and a four-character word
# after it (the genre's words are rarely longer). Set by that principle, not fitted.
WORD_LOOKAHEAD = 8
# A shared template needs at least this many sibling headings: with two, one chance agreement (a
# common character ends many titles) already meets the quorum; three is the least group in which a
# pattern differs from one coincidence (the same count as MIN_DIGEST_SECTIONS). Principle, not fitted.
MIN_TEMPLATE_SIBLINGS = 3

_PART_RE = re.compile(rf"([{NUMERALS}]{{1,3}})、")
_SECTION_RE = re.compile(rf"[(]([{NUMERALS}]{{1,3}})[)]")
_NUMERAL_RUN = re.compile(rf"[{NUMERALS}]{{1,3}}")
_ITEM_BULLETS = "—-–·•● \t"
_CLOSERS = "”’」』)\"'》"
_NO_START = frozenset(",、。;:!?》」』)”’")  # no paragraph starts with these (folded)
# Enumerations in body text (一是, 二要, 第三,): lead phrases only when their run starts at 一.
_ENUMERATION_RE = re.compile(vocab.ENUMERATION.format(numerals=NUMERALS))
_ITEM_NUM_RE = re.compile(r"(?:\d{1,2}[.、．]|[(]\d{1,2}[)])")
# Body openers that no heading contains: the address to the deputies, a year opening a sentence.
_OPENER_RE = re.compile(vocab.BODY_OPENER)
# A heading may start after a line break or a sentence end (spaces allowed in between).
_BREAK_BEFORE = set(SENTENCE_END) | {":", "\n"}
_TITLE_STRIP = "。,;:!?、，；：！？ \u3000"  # original text keeps full-width marks
_CLAUSE_PUNCT = set(",、:" + SENTENCE_END + "\n")


@dataclass(frozen=True, slots=True)
class _Marker:
    """A numbering marker that may start a heading."""

    level: str  # "part" | "section"
    n: int
    start: int  # of the marker
    body: int  # first character after the marker
    alone: bool = False  # the heading fills its own line (see `_stands_alone`)


# --- numbering --------------------------------------------------------------------------------


def _at_break(f: str, pos: int) -> bool:
    """True if `pos` starts a paragraph or follows a sentence end (spaces between allowed)."""
    i = pos - 1
    while i >= 0 and f[i] in " \t":
        i -= 1
    return i < 0 or f[i] in _BREAK_BEFORE


def _enumerates(f: str, pos: int, n: int) -> bool:
    """True if the numeral at `pos` continues `n` as an enumeration (`二、三区`: n then n+1);
    `一、一年来工作回顾` is a heading whose title starts with a numeral."""
    run = _NUMERAL_RUN.match(f, pos)
    return run is not None and chinese_number(run.group(0)) == n + 1


def _stands_alone(f: str, start: int, body: int) -> bool:
    """True if a marker opens a line that holds nothing but a short heading (`（四）…` alone)."""
    if start > 0 and f[start - 1] != "\n":
        return False
    end = f.find("\n", body)
    line = f[body : len(f) if end < 0 else end].rstrip()
    return MIN_TITLE <= len(line) <= MAX_TITLE and not any(ch in SENTENCE_END for ch in line[:-1])


def _markers(f: str) -> list[_Marker]:
    found: list[_Marker] = []
    for level, pattern in (("part", _PART_RE), ("section", _SECTION_RE)):
        for m in pattern.finditer(f):
            n = chinese_number(m.group(1))
            if n is None or not _at_break(f, m.start()):
                continue
            if level == "part" and _enumerates(f, m.end(), n):  # 二、三区, 一、二、三产业
                continue
            found.append(_Marker(level, n, m.start(), m.end(), _stands_alone(f, m.start(), m.end())))
    return sorted(found, key=lambda mk: mk.start)


def _follows(prev: _Marker, mk: _Marker) -> bool:
    """Whether `mk` may come next after `prev`: the next number, or (a transcription lost a
    heading) up to MAX_LOST_HEADINGS numbers further when both headings stand on their own line."""
    gap = mk.n - prev.n - 1
    return gap == 0 or (0 < gap <= MAX_LOST_HEADINGS and prev.alone and mk.alone)


def _chain(markers: Sequence[_Marker], first: int | None) -> list[_Marker]:
    """Longest run of markers numbered n, n+1, n+2… in text order (n = `first` if given)."""
    best: list[_Marker] = []
    # chains[i] = longest chain ending at markers[i]
    chains: list[list[_Marker]] = []
    for i, mk in enumerate(markers):
        chain = [mk] if first is None or mk.n == first else []
        for j in range(i):
            prev = chains[j]
            if prev and _follows(prev[-1], mk) and len(prev) + 1 > len(chain):
                chain = [*prev, mk]
        chains.append(chain)
        if len(chain) > len(best):
            best = chain
    return best


# --- where a heading's title ends ----------------------------------------------------------------


class _ClauseStats:
    """How often each word ends a clause in this report (punctuation marks clauses)."""

    def __init__(self, f: str) -> None:
        self.total: Counter[str] = Counter()
        self.final: Counter[str] = Counter()
        prev_word = ""
        for word, _, _ in word_spans(f):
            if word in _CLAUSE_PUNCT or word.isspace():
                if prev_word:
                    self.final[prev_word] += 1
                prev_word = ""
                continue
            self.total[word] += 1
            prev_word = word

    def final_log_odds(self, word: str) -> float:
        """Smoothed log-odds that `word` ends a clause."""
        hits, total = self.final[word], self.total[word]
        return math.log((hits + 0.5) / (total - hits + 0.5))


def _word_ends(f: str, start: int, end: int) -> dict[int, str]:
    """Words of f[start:end] by the offset they end at."""
    return {start + e: word for word, _, e in word_spans(f[start:end])}


@dataclass(slots=True)
class _Cuts:
    """Candidate title ends of one heading, with their non-parallel scores."""

    heading: _Marker
    limit: int  # the title cannot run past this (line break, sentence end, next marker)
    natural: int | None  # a visible end: line break or sentence end within MAX_TITLE
    forced: int | None  # a body opener
    scores: dict[int, float]


def _candidates(f: str, mk: _Marker, limit: int, clause_stats: Callable[[], _ClauseStats]) -> _Cuts:
    stop = limit
    for i in range(mk.body, limit):
        if f[i] == "\n" or f[i] in SENTENCE_END:
            stop = i
            break
    natural = stop if stop - mk.body <= MAX_TITLE and (stop < limit or stop == len(f)) else None
    opener = _OPENER_RE.search(f, mk.body + MIN_TITLE, stop)
    if natural is not None and (
        stop == len(f) or f[stop] == "\n" or (opener is None and _ends_line(f, stop + 1))
    ):
        # the title fills its line (`（二）…基础。` then the body on the next line): nothing to cut
        return _Cuts(mk, stop, natural, None, {})
    forced = opener.start() if opener else None
    stats = clause_stats()
    hi = min(stop, mk.body + MAX_TITLE)
    ending = _word_ends(f, mk.body, min(len(f), hi + WORD_LOOKAHEAD))
    scores: dict[int, float] = {}
    for c in range(mk.body + MIN_TITLE, hi + 1):
        if f[c - 1] in _CLAUSE_PUNCT or (c != stop and c < len(f) and f[c] in _CLAUSE_PUNCT):
            continue
        if c not in ending:
            scores[c] = -INSIDE_WORD_PENALTY
        elif stats.total[ending[c]] >= MIN_EVIDENCE:
            odds = stats.final_log_odds(ending[c])
            scores[c] = max(-STAT_CLIP, min(STAT_CLIP, odds))
        else:
            scores[c] = 0.0
    window = _repeat_window(f, mk.body, min(len(f), hi + MAX_TITLE // 2))
    if window is not None:
        lo, up = window
        for c in scores:
            scores[c] += REPEAT_BONUS if lo <= c <= up else -REPEAT_BONUS
    if natural is not None:
        scores[natural] = NATURAL_BONUS
    return _Cuts(mk, stop, natural, forced, scores)


def _ends_line(f: str, pos: int) -> bool:
    """True if only closing marks and spaces stand between `pos` and the end of its line."""
    while pos < len(f) and f[pos] in _CLOSERS + " \t":
        pos += 1
    return pos < len(f) and f[pos] == "\n"


def _repeat_window(f: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a heading ends if its body opens by repeating one of its phrases, else None.

    The heading must end after the phrase's first occurrence and no later than its second.
    """
    region = f[start:end]
    for i in range(len(region) - REPEAT_MIN):
        phrase = region[i : i + REPEAT_MIN]
        if any(ch in _CLAUSE_PUNCT or ch.isdigit() for ch in phrase):
            continue
        j = region.find(phrase, i + REPEAT_MIN)
        if j != -1 and j - (i + REPEAT_MIN) <= MAX_TITLE // 2:
            # extend the first occurrence to the longest repeated phrase
            n = REPEAT_MIN
            while i + n < j and j + n < len(region) and region[i + n] == region[j + n]:
                n += 1
            return start + i + n, start + j
    return None


def _ending_index(f: str, cuts: Iterable[int], floor: int) -> dict[tuple[int, str], set[int]]:
    """Characters before each cut by their distance from it, ignoring the siblings' shared opening."""
    index: dict[tuple[int, str], set[int]] = {}
    for c in cuts:
        for k in range(1, TEMPLATE_SPAN + 1):
            if c - k < floor:
                break
            if f[c - k] not in _CLAUSE_PUNCT:
                index.setdefault((k, f[c - k]), set()).add(c)
    return index


def _agreement(f: str, cut: int, floor: int, others: Sequence[dict[tuple[int, str], set[int]]]) -> float:
    """Template agreement of a cut with the siblings: characters agreeing, averaged over siblings."""
    total = 0
    for index in others:
        per_cut: Counter[int] = Counter()
        for k in range(1, TEMPLATE_SPAN + 1):
            if cut - k < floor:
                break
            for other in index.get((k, f[cut - k]), ()):
                per_cut[other] += 1
        total += max(per_cut.values(), default=0)
    return total / max(1, len(others))


def _best(
    f: str, g: _Cuts, floor: int, others: Sequence[dict[tuple[int, str], set[int]]], skip: int | None
) -> int | None:
    """The best cut of one heading given its siblings' ends (never `skip`)."""
    best_cut, best_score = None, -math.inf
    for c, base in sorted(g.scores.items()):
        if c == skip:
            continue
        mean = _agreement(f, c, floor, others) if others else 0.0
        score = base + PARALLEL_WEIGHT * mean
        if score > best_score:
            best_cut, best_score = c, score
    return best_cut


def _anchor_cuts(f: str, group: Sequence[_Cuts], floors: Sequence[int]) -> dict[int, int]:
    """Cuts at the template most siblings share: a character at a fixed distance from the end.

    Returns {} unless a quorum of the siblings shares it; then each sharing heading's best cut.
    """
    best: tuple[float, dict[int, int]] = (0.0, {})
    if len(group) < MIN_TEMPLATE_SIBLINGS:
        return {}
    chars = {
        f[c - k]
        for g, fl in zip(group, floors, strict=True)
        for c in g.scores
        for k in range(1, ANCHOR_SPAN + 1)
        if c - k >= fl
    }
    for k in range(1, ANCHOR_SPAN + 1):
        for ch in chars - _CLAUSE_PUNCT:
            total, cuts = 0.0, {}
            for i, (g, fl) in enumerate(zip(group, floors, strict=True)):
                fits = [c for c in g.scores if c - k >= fl and f[c - k] == ch]
                if fits:
                    c = max(fits, key=lambda c: (g.scores[c], -c))
                    cuts[i] = c
                    total += 1.0 + g.scores[c] / (2 * STAT_CLIP)
            if len(cuts) >= PARALLEL_QUORUM * len(group) and total > best[0]:
                best = (total, cuts)
    return best[1]


def _title_ends(f: str, group: Sequence[_Cuts]) -> list[int]:
    """Choose the title end of each sibling heading in `group`.

    Each heading starts at its visible end (or its best-scored cut) and is then re-scored against
    the ends its siblings chose, until nothing changes: siblings converge on the same place of
    their shared template. The shared opening of the siblings (`聚焦`, `五年来,我们`) is not
    evidence of where they end, so agreement is only counted after it.
    """
    opening = _common_prefix([f[g.heading.body : g.limit] for g in group]) if len(group) > 1 else ""
    floors = [g.heading.body + len(opening) for g in group]
    anchored = _anchor_cuts(f, group, floors)
    ends: list[int] = []
    free: list[int] = []
    for i, g in enumerate(group):
        if g.forced is not None or not g.scores:
            ends.append(g.forced if g.forced is not None else (g.natural or g.limit))
        elif i in anchored and anchored[i] != g.natural:
            ends.append(anchored[i])
            free.append(i)
        elif g.natural is not None:
            ends.append(g.natural)
        else:
            ends.append(max(g.scores, key=lambda c: (g.scores[c], -c)))
            free.append(i)
    for _ in range(2 * len(group)):
        changed = False
        for i in free:
            chosen = [
                _ending_index(f, [e], fl)
                for j, (e, fl) in enumerate(zip(ends, floors, strict=True))
                if j != i
            ]
            # a heading the shared template cut does not fall back to its sentence end
            cut = _best(f, group[i], floors[i], chosen, group[i].natural)
            if cut is not None and cut != ends[i]:
                ends[i], changed = cut, True
        if not changed:
            break
    return ends


# --- digest sections -----------------------------------------------------------------------------


def _lines(f: str) -> list[Span]:
    spans, start = [], 0
    for i, ch in enumerate(f):
        if ch == "\n":
            spans.append(Span(start, i + 1))
            start = i + 1
    if start < len(f):
        spans.append(Span(start, len(f)))
    return spans


def _digest_heads(f: str, paragraphs: Sequence[Span]) -> list[tuple[int, int]]:
    """Title spans of parallel lead paragraphs (`2031年,某区将在……上走在前、当标杆`)."""
    texts = [f[p.start : p.end].strip() for p in paragraphs]
    starts = [p.start + (len(f[p.start : p.end]) - len(f[p.start : p.end].lstrip())) for p in paragraphs]
    best: list[int] = []
    for length in range(max(map(len, texts), default=0), MIN_DIGEST_PREFIX - 1, -1):
        groups: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            if len(t) > length:
                groups.setdefault(t[:length], []).append(i)
        best = max(groups.values(), key=len, default=[])
        if len(best) >= MIN_DIGEST_SECTIONS:
            break
    if len(best) < MIN_DIGEST_SECTIONS:
        return []
    prefix = _common_prefix([texts[i] for i in best])
    heads = []
    for i in best:
        t, base = texts[i], starts[i]
        clause_start = max(prefix.rfind(","), prefix.rfind(",")) + 1
        lead = prefix[clause_start:]
        # `某区将在…`: the subject and its modal are not part of the title
        for modal in vocab.SUBJECT_MODALS:
            if modal in lead:
                clause_start += lead.index(modal) + 1
                break
        end = clause_start
        while end < len(t) and t[end] not in ",;。!?":
            end += 1
        heads.append((base + clause_start, base + end))
    return heads


def _common_prefix(texts: Sequence[str]) -> str:
    first, last = min(texts), max(texts)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


# --- paragraphs, sentences, items ----------------------------------------------------------------


def _tile(length: int, cuts: Iterable[int]) -> tuple[Span, ...]:
    """Spans that tile [0, length) at the given cut points."""
    points = sorted({c for c in cuts if 0 < c < length} | {0, length})
    return tuple(Span(a, b) for a, b in itertools.pairwise(points) if b > a)


def _sentence_cuts(f: str) -> list[int]:
    cuts = []
    closers = "”’」』)\"'"
    for i, ch in enumerate(f):
        if ch in SENTENCE_END or ch == "\n":
            j = i + 1
            while j < len(f) and (f[j] in closers or f[j] in " \t\u3000"):
                j += 1
            cuts.append(j)
    return cuts


def _complete_enumerations(
    f: str, items: Sequence[tuple[str | None, Span, int]]
) -> list[tuple[str | None, Span, int]]:
    """Items without the enumerated lead phrases (二是…) whose run does not start at 一."""
    kept, expected = [], None
    for item in items:
        e = _ENUMERATION_RE.match(f, item[1].start)
        if e is None:
            kept.append(item)
            continue
        k = chinese_number(e.group(1))
        if k == 1 or (expected is not None and k == expected):
            kept.append(item)
            expected = (k or 0) + 1
    return kept


def statement(phrase: str) -> str | None:
    """Why a paragraph's first sentence (folded, without its full stop) states something rather than
    names a task (`_ITEM_CLAUSE_MARKS`): "clause", "figure" or "pronoun"; None
    for a lead phrase."""
    if any(ch in _ITEM_CLAUSE_MARKS for ch in phrase):
        return "clause"
    if any(ch.isdigit() for ch in _YEAR_RE.sub("", _NAMES_RE.sub("", phrase))):
        return "figure"
    if phrase.startswith(vocab.STATEMENT_PRONOUNS):
        return "pronoun"
    return None


class _Paragraphs:
    """A text's paragraphs (tiled: consecutive, by start) with their starts, to pick the paragraphs of
    a block by bisection: a scan of every paragraph for each block is quadratic (a text of 10,000
    headings took about ten seconds to outline that way, 0.3 s so: benchmarks/hostile.py)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = spans
        self.starts = [p.start for p in spans]

    def starting_in(self, span: Span) -> Sequence[Span]:
        """The paragraphs that start inside `span`."""
        return self.spans[bisect_left(self.starts, span.start):bisect_left(self.starts, span.end)]

    def index_at(self, pos: int) -> int:
        """The index of the paragraph that holds offset `pos`."""
        return bisect_right(self.starts, pos) - 1


def _items(
    text: str, f: str, span: Span, paragraphs: _Paragraphs, parent_id: str, role: Role
) -> tuple[Block, ...]:
    """Lead-phrase and numbered items of the paragraphs that start inside `span`."""
    items: list[tuple[str | None, Span, int]] = []
    inside = paragraphs.starting_in(span)
    for p in inside:
        para = f[p.start : p.end]
        start = p.start + len(para) - len(para.lstrip())
        m = _ITEM_NUM_RE.match(f, start)
        title_start = m.end() if m else start
        while title_start < p.end and f[title_start] in _ITEM_BULLETS:  # ——建设…区。
            title_start += 1
        end = title_start
        while end < p.end and f[end] not in SENTENCE_END and f[end] != "\n":
            end += 1
        lead_phrase = f[title_start:end]
        is_lead = (
            end - title_start <= MAX_ITEM
            and f[end : end + 1] == "。"
            and statement(lead_phrase) is None
            and not lead_phrase.startswith(vocab.ADDRESS)
        )
        if f[title_start : title_start + 1] in _NO_START:  # `》等22部行政法规`: a broken line's tail
            continue
        if (m or is_lead) and f[end + 1 : p.end].strip() and end > title_start:
            items.append((m.group(0) if m else None, Span(title_start, end), start))
    items = _complete_enumerations(f, items)
    # an item runs to the next item or the end of its parent
    out = []
    for i, (number, tspan, start) in enumerate(items):
        stop = items[i + 1][2] if i + 1 < len(items) else span.end
        n = int(number.strip("().、．")) if number else None
        out.append(
            Block(
                f"{parent_id}.i{i + 1}",
                BlockLevel.ITEM,
                n,
                text[tspan.start : tspan.end],
                tspan,
                Span(start, stop),
                role,
            )
        )
    return tuple(out)


def _role(title: str, inherited: Role = Role.OTHER) -> Role:
    if any(w in title for w in vocab.PLAN_WORDS):
        return Role.PLAN
    if any(w in title for w in vocab.REVIEW_WORDS):
        return Role.REVIEW
    if re.search(vocab.YEAR_IN_TITLE, title):
        return Role.PLAN if vocab.WORK in title and vocab.REVIEW not in title else inherited
    return inherited


# --- the segmenter -------------------------------------------------------------------------------


def segment(report: Report) -> Outline:
    """Outline of `report`: parts, sections, items, paragraphs and sentences with their spans."""
    text = report.text
    f = fold(text)
    markers = _markers(f)
    parts = _chain([m for m in markers if m.level == "part"], None)
    sections: list[_Marker] = []
    bounds = [*(p.start for p in parts), len(f)]
    # sections before the first part belong to an unseen part of a partial text: number from any n
    region_starts = [0, *(p.start for p in parts)]
    for k, lo in enumerate(region_starts):
        hi = bounds[k]
        inside = [m for m in markers if m.level == "section" and lo <= m.start < hi]
        sections += _chain(inside, 1 if k > 0 else None)
    heads = sorted([*parts, *sections], key=lambda m: m.start)
    titles = _find_titles(f, heads)

    line_spans = _lines(f)
    para_cuts = (
        {s.start for s in line_spans}
        | {h.start for h in heads}
        | {_after_title(f, e) for e in titles.values()}
    )
    paragraphs = _tile(len(f), para_cuts)

    digest: list[tuple[int, int]] = []
    if not heads:
        digest = _digest_heads(f, line_spans)
    sentence_cuts = set(_sentence_cuts(f)) | para_cuts
    for start, end in digest:
        sentence_cuts |= {start, end}
    sentences = _tile(len(f), sentence_cuts)

    blocks = _build_blocks(text, f, parts, sections, titles, _Paragraphs(paragraphs), digest)
    return Outline(blocks=blocks, paragraphs=paragraphs, sentences=sentences)


def _after_title(f: str, end: int) -> int:
    """Where the body starts after a title ending at `end`: past its full stop and spaces."""
    if end < len(f) and f[end] in SENTENCE_END:
        end += 1
    while end < len(f) and f[end] in " \t":
        end += 1
    return end


def _find_titles(f: str, heads: Sequence[_Marker]) -> dict[int, int]:
    """Title end of every heading, keyed by marker start."""
    # segmenting the whole report for its clause statistics is most of the segmenter's time: only
    # when a heading's end is not plain to see (a heading running into its body)
    stats = cache(lambda: _ClauseStats(f))
    cuts: list[_Cuts] = []
    for i, mk in enumerate(heads):
        limit = heads[i + 1].start if i + 1 < len(heads) else len(f)
        cuts.append(_candidates(f, mk, limit, stats))
    ends: dict[int, int] = {}
    # siblings: same level, same parent part
    groups: dict[tuple[str, int], list[_Cuts]] = {}
    parent = -1
    for c in cuts:
        if c.heading.level == "part":
            parent = c.heading.start
            groups.setdefault(("part", -1), []).append(c)
        else:
            groups.setdefault(("section", parent), []).append(c)
    for group in groups.values():
        for c, end in zip(group, _title_ends(f, group), strict=True):
            ends[c.heading.start] = end
    return ends


def _title(text: str, start: int, end: int) -> tuple[str, Span]:
    raw = text[start:end]
    stripped = raw.lstrip(_TITLE_STRIP).lstrip()
    lead = len(raw) - len(stripped)
    stripped = stripped.rstrip().rstrip(_TITLE_STRIP).rstrip()
    return stripped, Span(start + lead, start + lead + len(stripped))


def _build_blocks(
    text: str,
    f: str,
    parts: Sequence[_Marker],
    sections: Sequence[_Marker],
    titles: dict[int, int],
    paragraphs: _Paragraphs,
    digest: Sequence[tuple[int, int]],
) -> tuple[Block, ...]:
    if digest:
        return _digest_blocks(text, f, paragraphs, digest)

    blocks: list[Block] = []
    orphan = [s for s in sections if not parts or s.start < parts[0].start]
    if orphan:
        blocks.append(
            _part_block(text, f, None, orphan, titles, paragraphs, parts[0].start if parts else len(f))
        )
    for i, p in enumerate(parts):
        stop = parts[i + 1].start if i + 1 < len(parts) else len(f)
        own = [s for s in sections if p.start < s.start < stop]
        blocks.append(_part_block(text, f, p, own, titles, paragraphs, stop))
    return tuple(blocks)


def _digest_blocks(
    text: str, f: str, tiled: _Paragraphs, digest: Sequence[tuple[int, int]]
) -> tuple[Block, ...]:
    """A digest's introduction (its lead paragraphs), then its unnumbered part of sections.

    The part opens with the paragraphs right before the first section that start like the sections
    do (`2031年,预计…` before `2031年,某区将在…`): the plan's own lead, where its targets stand.
    """
    paragraphs = tiled.spans
    firsts = [tiled.index_at(s) for s, _ in digest]
    opening = _opening(f, paragraphs, firsts)
    lead = firsts[0]
    while lead > 0 and opening and _paragraph(f, paragraphs[lead - 1]).startswith(opening):
        lead -= 1
    kids = []
    for i, (s, e) in enumerate(digest):
        # a section runs from its lead paragraph's start to the next one's
        para_start = paragraphs[firsts[i]].start
        stop = paragraphs[firsts[i + 1]].start if i + 1 < len(digest) else len(f)
        title, tspan = _title(text, s, e)
        sid = f"p0.s{i + 1}"
        span = Span(para_start, stop)
        kids.append(
            Block(
                sid,
                BlockLevel.SECTION,
                None,
                title,
                tspan,
                span,
                Role.PLAN,
                _items(text, f, span, tiled, sid, Role.PLAN),
            )
        )
    start = paragraphs[lead].start
    part = Block("p0", BlockLevel.PART, None, "", Span(start, start), Span(start, len(f)), Role.PLAN,
                 tuple(kids))
    if start == 0:
        return (part,)
    intro = Block("intro", BlockLevel.PART, None, "", Span(0, 0), Span(0, start), Role.OTHER)
    return intro, part


def _paragraph(f: str, p: Span) -> str:
    return f[p.start : p.end].strip()


def _opening(f: str, paragraphs: Sequence[Span], firsts: Sequence[int]) -> str:
    """The first clause the digest's section paragraphs share (`2025年`), or ''."""
    shared = _common_prefix([_paragraph(f, paragraphs[k]) for k in firsts])
    cut = next((i for i, ch in enumerate(shared) if ch in _CLAUSE_PUNCT), len(shared))
    return shared[:cut] if cut >= MIN_OPENING else ""


def _part_block(
    text: str,
    f: str,
    p: _Marker | None,
    kids: Sequence[_Marker],
    titles: dict[int, int],
    paragraphs: _Paragraphs,
    stop: int,
) -> Block:
    if p is None:
        pid, title, tspan, start, role = (
            "p0",
            "",
            Span(kids[0].start, kids[0].start),
            kids[0].start,
            Role.OTHER,
        )
    else:
        pid = f"p{p.n}"
        title, tspan = _title(text, p.body, titles[p.start])
        start, role = p.start, _role(title)
    children = []
    for j, s in enumerate(kids):
        s_stop = kids[j + 1].start if j + 1 < len(kids) else stop
        s_title, s_span = _title(text, s.body, titles[s.start])
        sid = f"{pid}.s{s.n}"
        span = Span(s.start, s_stop)
        s_role = _role(s_title, role)
        children.append(
            Block(
                sid,
                BlockLevel.SECTION,
                s.n,
                s_title,
                s_span,
                span,
                s_role,
                _items(text, f, Span(titles[s.start], s_stop), paragraphs, sid, s_role),
            )
        )
    span = Span(start, stop)
    items = () if children else _items(text, f, Span(tspan.end, stop), paragraphs, pid, role)
    return Block(pid, BlockLevel.PART, p.n if p else None, title, tspan, span, role, tuple(children) or items)


def by_start(outline: Outline) -> list[Block]:
    """Every part and section, by start (an outer block before the blocks it holds)."""
    return sorted((b for part in outline.blocks for b in (part, *part.children)),
                  key=lambda b: (b.span.start, -b.span.end))


def paths(outline: Outline) -> dict[str, str]:
    """Human labels of every part and section: 三, 三(一); unnumbered ones by order: §2."""
    out: dict[str, str] = {}
    for k, part in enumerate(outline.blocks, 1):
        plabel = chinese_numeral(part.n) if part.n else ("" if len(outline.blocks) == 1 else f"§{k}")
        out[part.id] = plabel
        for j, sec in enumerate(part.children, 1):
            slabel = f"({chinese_numeral(sec.n)})" if sec.n else f"§{j}"
            out[sec.id] = plabel + slabel
            for i, item in enumerate(sec.children, 1):
                out[item.id] = out[sec.id] + f"{i}"
    return out
