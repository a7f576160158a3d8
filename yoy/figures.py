"""Numeric targets and reported results: 国内生产总值增长6.5%左右, 城镇新增就业不低于870万人, ….

Works on the folded text, clause by clause (a clause ends at `;` or `。`).

- Zones: a report reviews the past year first and plans the coming one after. The plan zone starts at the
  earliest of: the first part the outline marks as a plan, the first unmarked part after a review part,
  and the first sentence that announces this year's work (今年经济社会发展的主要预期目标, 今年工作的总体
  要求, 2022年主要工作安排). Figures before it are results, after it targets — except a sentence that
  itself speaks of the past year (去年…, 2008年…) in the plan zone, or of this year (今年拟…) in the
  review zone.
- Multi-year figures (五年累计, 年均, 到2025年, 十二五期间, two years named in one clause, every figure of
  a part titled 过去五年… / 本届政府… / 今后五年…) are kept apart with `Period.MULTI_YEAR`.
- A value is qualifier + number + unit + qualifier as written (不低于870万人, 4.3%以内, 5.5%-6%,
  3万亿元以上); a measuring verb or a short gap may stand between the indicator and it (中央财政赤字预算
  拟安排2150亿元, 居民消费价格总水平涨幅控制在2.5%); for sums the value may stand before the name
  (今年拟发行1250亿元长期建设国债); for a change the value is where it ends (赤字率从2.6%提高到2.9%).
  (All examples in this module are invented unless they name their source.)
- Indicators and their wording variants come from `yoy/data/indicators.tsv`, read at the edge into an
  `Indicators` record (`indicator_table`) that every extracting function takes.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

import ahocorasick

from yoy import outline, vocab
from yoy.models import (
    Block,
    Direction,
    Evidence,
    Figure,
    Period,
    Report,
    Role,
    Side,
    Span,
    TargetPoint,
    TargetSeries,
)
from yoy.text import fold
from yoy.vocab import CUT, FALL, GROWTH, INCREASE

# --- the indicator table --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Indicator:
    """One row of `indicators.tsv`: a way of writing one indicator."""

    canonical: str
    display: str
    measure: str  # "growth" | "rate" | "amount"
    pattern: str


def _rows(tsv: str) -> tuple[Indicator, ...]:
    """The rows of an indicator table written as `indicators.tsv` is (tab-separated, `#` comments)."""
    rows = []
    for line in tsv.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, display, measure, pattern = line.split("\t")
        rows.append(Indicator(canonical, display, measure, pattern))
    return tuple(rows)


# --- a fast first test for the indicator pattern -----------------------------------------------
# Most sentences name no indicator (27 of 877 in a national report), and the alternation of every
# row, with its look-behinds, is slow to search. Each row's pattern has literal strings one of which
# every match contains (国内生产总值 in 国内生产总值(?![的]?比重), 单位 or 万元 in (?:单位|万元)…能耗);
# a text holding none of them cannot match, so only texts that hold one are searched. The literals are
# read from the compiled table (the regex parser), so a new row needs nothing here; a row where none
# can be found turns the test off (every text is searched, as before).


# Requirements kept per row (the most selective first): two already leave few false candidates.
ROW_TESTS = 2


def _needs(items: Sequence[tuple[Any, Any]]) -> list[frozenset[str]]:
    """What every text matched by the parsed sequence `items` holds: each entry is a set of strings one
    of which it contains (a run of literals, a required group, a branch's alternatives, a look-around's
    literals: a search only looks inside the text), most selective first (longest shortest string)."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset({"".join(run)}))
        run = []
        if name == "SUBPATTERN":
            _, add_flags, _, body = av
            if add_flags & re.IGNORECASE:
                raise ValueError("case-insensitive group")
            out += _needs(body)
        elif name == "ASSERT":  # (?=…) and (?<=…): their text is in the searched text too
            out += _needs(av[1])
        elif name == "IN" and av and all(str(o) == "LITERAL" for o, _ in av):  # 子|丑 parses as [子丑]
            out.append(frozenset(chr(c) for _, c in av))
        elif name == "BRANCH":
            parts = [_needs(b) for b in av[1]]
            if all(parts):
                out.append(frozenset().union(*(p[0] for p in parts)))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            out += _needs(av[2])
    if run:
        out.append(frozenset({"".join(run)}))
    return sorted(out, key=lambda c: (-min(map(len, c)), len(c), sorted(c)))


@dataclass(frozen=True, slots=True)
class _Tests:
    """The literal tests of the indicator table: an automaton of every literal, and per row its sets."""

    literals: ahocorasick.Automaton
    rows: tuple[tuple[frozenset[str], ...], ...]


def _literal_tests(rows: Sequence[Indicator], pattern: re.Pattern[str]) -> _Tests | None:
    """Per row, up to ROW_TESTS sets of strings (each: one of them is in every text the row matches);
    None when a row has none (or the table is case-insensitive)."""
    import importlib

    sre_parse = importlib.import_module("re._parser")  # the stdlib's own parser (`sre_parse` before 3.11)

    if pattern.flags & re.IGNORECASE:
        return None
    tests = []
    try:
        for row in rows:
            needs = _needs(list(sre_parse.parse(row.pattern)))
            if not needs:
                return None
            tests.append(tuple(needs[:ROW_TESTS]))
    except ValueError:
        return None
    auto = ahocorasick.Automaton()
    for lit in {t for row in tests for c in row for t in c}:
        auto.add_word(lit, lit)
    auto.make_automaton()
    return _Tests(auto, tuple(tests))


@dataclass(frozen=True, slots=True)
class Indicators:
    """An indicator table as the extraction reads it: the rows in matching order, their alternation
    (one named group `i<k>` per row) and its literal first tests. Built once at the edge from the text
    of `indicators.tsv` (`indicator_table`; `pipeline.shipped_indicators` keeps the shipped one for the
    process) and passed in: the extraction reads no file."""

    rows: tuple[Indicator, ...]
    pattern: re.Pattern[str]
    tests: _Tests | None

    def named_in(self, text: str) -> bool:
        """`self.pattern.search(text)` finds something: the literal tests first (a text without every
        literal set of some row cannot match), then the pattern."""
        tests = self.tests
        if tests is not None:
            found = {t for _, t in tests.literals.iter(text)}
            if not found or not any(all(not found.isdisjoint(c) for c in row) for row in tests.rows):
                return False
        return self.pattern.search(text) is not None

    def which(self, m: re.Match[str]) -> Indicator:
        """The row a match of `self.pattern` matched."""
        return self.rows[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]


def indicator_table(tsv: str) -> Indicators:
    """The `Indicators` of a table written as `indicators.tsv` is (its text, read by the caller)."""
    rows = _rows(tsv)
    pattern = re.compile("|".join(f"(?P<i{k}>{row.pattern})" for k, row in enumerate(rows)))
    return Indicators(rows, pattern, _literal_tests(rows, pattern))


# --- the value grammar ----------------------------------------------------------------------

_NUM = r"\d+(?:\.\d+)?"
# The grammar's words and patterns are in yoy/vocab.py (units longest first, qualifiers, verbs).
_UNIT = vocab.UNITS
_PRE = vocab.PRE_QUALIFIERS
_POST = vocab.POST_QUALIFIERS
_VALUE_CORE = (rf"(?P<pre>{_PRE})?(?P<a>{_NUM})(?P<many>{vocab.MORE_THAN})?(?P<ua>{_UNIT})?"
               rf"(?:(?P<dash>{vocab.RANGE_MARKS})(?P<b>{_NUM})(?P<ub>{_UNIT}))?(?P<post>{_POST})?")
_VALUE_RE = re.compile(_VALUE_CORE)
# A measuring verb right before the value (longest first).
_VERB = vocab.MEASURING_VERBS
# Between the indicator and its verb: a few characters of wording, no figure and no clause break.
# Calibrated on the embedded corpus and tests/test_figures.py: 8 misses the shared value of
# 广义货币M2和社会融资总量余额预期增长均为7.5%左右 (invented); 12, 16 and 20 give the same figures on all
# 20 reports; the shortest that works is kept: a longer gap reaches further into words that are not
# the indicator's.
GAP_MAX_CHARS = 12
_GAP = rf"[^\d,;。:、()\"“”%]{{0,{GAP_MAX_CHARS}}}?"
# A base year the change is measured from: 单位产值水耗比2020年降低13.5% (a five-year plan figure).
_BASE_YEAR = vocab.BASE_YEAR
_AFTER = re.compile(rf"^(?P<gap>{_GAP})(?P<base>{_BASE_YEAR})?(?P<verb>(?:{_VERB}){{0,2}})"
                    rf"(?P<value>{_VALUE_CORE})")
# A change from earlier years to the past one (invented): 由前两年分别上升3.1%、2.6%,转为下降0.8% → 下降0.8%.
_TURNED = re.compile(vocab.TURNED.format(value=_VALUE_CORE))
# A value that ends a change: 从2.1%提高到2.3% → 2.3%.
_CHANGE_TO = re.compile(vocab.CHANGE_TO.format(gap=_GAP, value=_VALUE_CORE))
# 突破 / 超过 stay in the value (总量突破88万亿元 → 突破88万亿元, as a level after its name is kept).
_FOLLOW_LEVEL = re.compile(vocab.FOLLOW_LEVEL.format(value=_VALUE_CORE))
_FOLLOW_GROWTH = re.compile(vocab.FOLLOW_GROWTH.format(value=_VALUE_CORE))
# Respective values: 分别实际增长7.7%和6.8% (the two indicators before it, in order).
_RESPECTIVE = re.compile(vocab.RESPECTIVE.format(num=_NUM))
# The review naming a target set earlier, before the indicator (invented: 没有实现年初确定的…降低3%左右…) or
# after its value (顺利实现国内生产总值增长4.5%左右的年度目标): no result. Within one comma-run only, so
# 基本完成年初确定的各项任务,地区生产总值增长6.3% keeps the result.
_RESTATED_BEFORE = re.compile(vocab.RESTATED_BEFORE)
_RESTATED_AFTER = re.compile(vocab.RESTATED_AFTER)
# A sum named as what is issued, its amount in a later phrase of the clause that issues one instalment
# (the instalment words: vocab.LATER_AMOUNT): 今年起分两批发行特别国债,用于补充银行资本,首批发行2500亿元.
_ISSUED = re.compile(vocab.ISSUED)
_LATER_AMOUNT = re.compile(vocab.LATER_AMOUNT.format(value=_VALUE_CORE))
# The indicator as the object of 将/把: the figure that follows is set as something else.
_OBJECT_OF = re.compile(vocab.OBJECT_OF)
# A change verb right before a sum or rate: what follows is the change (压减财政赤字120亿元, invented).
_CHANGE_BEFORE = re.compile(vocab.CHANGE_BEFORE)
_BEFORE_AMOUNT = re.compile(vocab.BEFORE_AMOUNT.format(value=_VALUE_CORE))
# Gap words that mean the figure is not the indicator's own (a share, a part, a per-head figure).
# (资金: 安排特别国债资金1200亿元支持老旧设备改造 is a share of the bonds, not their total)
_GAP_REJECT = re.compile(vocab.GAP_REJECT)
# Gap or verb words of a change against last year (比上年预算减少75亿元, invented): a delta, not the target.
_DELTA = re.compile(vocab.DELTA)
_GROWTH_WORD = re.compile(vocab.GROWTH_WORDS)
_DECLINE_WORD = re.compile(vocab.DECLINE_WORDS)
# A figure in words only (X投资量质并进): at most this many Han characters, in a clause with figures.
# 12 takes 实际增长与经济增长同步 (10) and leaves prose clauses (mostly longer) out.
QUALITATIVE_MAX_CHARS = 12
# … and at least this many: 量质并进, 稳中提效 (4); a 2-character rest (规模) is the noun's own tail.
QUALITATIVE_MIN_CHARS = 3
# A target stated as a relation to another figure (居民收入增长和经济增长同步, 广义货币M2和社会融资总量增速
# 同名义经济增速基本匹配, 增速明显高于去年) or as the quota a higher level sets (单位地区生产总值能耗降低
# 完成省下达任务). Such a target counts wherever the plan states it (the monetary paragraph has no figure
# and no cue).
_COMPARED = re.compile(vocab.COMPARISON)  # … of two figures: of their growth
_BARE_RELATION = re.compile(vocab.BARE_RELATION)
_RELATED_TO = re.compile(vocab.RELATED_TO)
_RELATION = re.compile(vocab.TARGET_RELATION)
# … and may be longer than other words: 同经济增长、价格总水平预期目标相匹配 (18), 要与国内生产总值名义
# 增速相匹配 (15); 20 takes them and stops short of two relations run together.
RELATION_MAX_CHARS = 20
_RELATION_RUN = re.compile(r"^[^\d,;。()%]*")
_RELATION_FILLER = re.compile(vocab.RELATION_FILLER)
# The measure a words-only target starts with (居民收入增长和…, 能耗降低完成…): the name says it.
_MEASURE_LEAD = re.compile(vocab.MEASURE_LEAD)
# A rate that is itself a change (涨幅): a fall is shown as such, with a negative number.
_SIGNED_RATE = vocab.SIGNED_RATE
# Between two names that share the next one's words: 广义货币和社会融资总量增速…, 社会融资总量、货币供应量同….
# (与 is no joiner: 居民人均可支配收入与GDP增长同步 relates the two.)
_JOINER = re.compile(vocab.JOINER)
_QUAL = re.compile(rf"^[\u4e00-\u9fffA-Z]{{{QUALITATIVE_MIN_CHARS},{QUALITATIVE_MAX_CHARS}}}(?=[,;。、)]|$)")
_QUAL_BAD_START = re.compile(vocab.QUAL_BAD_START)
# … nor a verb: 增长保持在合理区间 is a clause of prose (the relation words above are the exception).
_QUAL_BAD_VERB = re.compile(vocab.QUAL_BAD_VERB)

# --- time ------------------------------------------------------------------------------------

_MULTI_YEAR = re.compile(vocab.MULTI_YEAR)
# A paragraph opens on several years when its first this many characters hold a multi-year cue: the
# longest cue (到2031年, 7) or a short one after an opening word (过去五年, 近三年来,). Set from the
# cue list's lengths, not fitted.
MULTI_YEAR_LEAD_CHARS = 8
# Titles of parts whose figures span several years: 过去五年…, 本届政府工作回顾, “十二五”时期….
_MULTI_YEAR_TITLE = re.compile(vocab.MULTI_YEAR_TITLE)
_YEAR = re.compile(vocab.YEAR)
_THIS_YEAR_START = re.compile(vocab.THIS_YEAR_START)
_PAST_START = re.compile(vocab.PAST_START)
_FUTURE_CUE = re.compile(vocab.FUTURE_CUE)
# A bound a report sets rather than measures (`vocab.SAME_BOUNDS`: X以上, 不低于X, X左右…): with the
# report's own year as the only year a sentence names, a figure so bounded is that year's target
# wherever it stands, for a report is given at the start of its year, before any of its results are
# known (review7 item 3: a digest's 报告指出，2024年全县X增长6.5%以上 read as a result). Exact figures
# of the own year without a cue stay results (a date of this year's first weeks may be a fact). The
# qualifier must stand at a number (before it, or after it and its unit), not as a word of its own
# (节约, 以下工作).
_BOUND_WORDS = [q for group in vocab.SAME_BOUNDS for q in group]
_BOUND_SET = re.compile(
    rf"(?:{'|'.join(_BOUND_WORDS)})\d|\d(?:{vocab.UNITS})?(?:{'|'.join(_BOUND_WORDS)})")
# A sentence announcing this year's work: where the plan zone starts at the latest.
_PLAN_CUE = vocab.PLAN_CUE
# Cue of the expected-targets passage: its clauses rank first for an indicator's headline target.
_TARGET_CUE = re.compile(vocab.TARGET_CUE)
# A review zone shorter than this is a preamble, not a review: its report has none (青岛市 2025, a text
# that lacks its review part, has 181 characters before its plan; the shortest review here is 2559).
REVIEW_MIN_CHARS = 500
# A paragraph at most this long that carries the cue introduces the next one (主要预期目标是:). In the
# corpus such lone cue lines are 17-29 characters; the shortest cue paragraph holding targets has 67.
CUE_PARAGRAPH_MAX_CHARS = 40


@dataclass(frozen=True, slots=True)
class Located:
    """Where a sentence stands: its report, span, path label, pair id, part role."""

    side: Side
    span: Span
    path: str
    pair_id: str | None
    role: Role


@dataclass(frozen=True, slots=True)
class Found:
    """A figure and how strongly it is the headline statement of its indicator (0 = the targets passage)."""

    figure: Figure
    rank: int


def _paren_mask(text: str) -> list[bool]:
    depth, mask = 0, []
    for ch in text:
        if ch in "((":
            depth += 1
        mask.append(depth > 0)
        if ch in "))" and depth:
            depth -= 1
    return mask


def plan_start(folded: str, year: int, parts: Sequence[Block]) -> int:
    """Offset where the plan zone begins (len(folded) when the report has none)."""
    cands = [len(folded)]
    seen_review = False
    for b in parts:
        if b.role is Role.PLAN:
            cands.append(b.span.start)
            break
        if b.role is Role.REVIEW:
            seen_review = True
        elif seen_review:
            cands.append(b.span.start)
            break
    cue = re.compile(vocab.THIS_YEAR_PLAN.format(year=year))
    m = cue.search(folded)
    if m:
        cands.append(max(folded.rfind("\n", 0, m.start()), folded.rfind("。", 0, m.start())) + 1)
    # a paragraph that opens the coming year: 2031年是…之年 / 今年是…的一年
    opening = re.compile(vocab.YEAR_OPENING.format(year=year), re.M)
    m = opening.search(folded)
    if m:
        cands.append(m.start())
    return min(cands)


def _multi_year_parts(folded: str, parts: Sequence[Block], year: int) -> list[Span]:
    """Spans of the parts whose title speaks of several years (`_MULTI_YEAR_TITLE`). A title that
    opens on this year (今年…, 本年…, the report's own year) heads this year's plan whatever it says
    further on: a heading the outline could not cut, in a text saved as one line, runs into its
    body, which may look back on past years (…过去五年…)."""
    out = []
    for b in parts:
        title = folded[b.title_span.start:b.title_span.end]
        if _THIS_YEAR_START.match(title) or title.startswith(f"{year}{vocab.YEAR_MARK}"):
            continue
        if _MULTI_YEAR_TITLE.search(title):
            out.append(b.span)
    return out


def _value_parts(m: re.Match[str]) -> tuple[str, float, str | None, str | None]:
    """(value as written, number, unit, qualifier) of a `_VALUE_CORE` match."""
    g = m.groupdict()
    a = float(g["a"])
    unit = g["ua"] or g["ub"]
    qual: str | None
    if g["b"] is not None:
        qual, a = "range", (a + float(g["b"])) / 2
    else:
        qual = g["post"] or g["pre"] or None
    return m.group(0), a, unit, qual


def _is_multi(head: str, year: int) -> bool:
    """Whether a clause up to a figure speaks of several years (五年累计, 年均, 2003年到2007年)."""
    years = {int(y) for y in _YEAR.findall(head)}
    return bool(_MULTI_YEAR.search(head)) or len(years) >= 2 or any(y > year for y in years)


def _clause_figures(table: Indicators, clause: str, year: int, target: bool, forced_multi: bool,
                    evidence: Evidence, rank: int, mask: list[bool]) -> list[Found]:
    out: list[Found] = []

    def period(end: int) -> Period:
        multi = forced_multi or _is_multi(clause[:end], year)  # a cue after the figure is the next one's
        return Period.MULTI_YEAR if multi else Period.YEAR

    which = table.which
    matches = [m for m in table.pattern.finditer(clause) if not mask[m.start()]]
    paired = _RESPECTIVE.search(clause)
    pair_of: dict[int, re.Match[str]] = {}
    words_of: dict[int, Found] = {}  # targets in words, by match
    joined: list[int] = []  # matches joined to the next by 和 / 、, with no words of their own
    sides = [_two_sides(clause, matches, k) for k in range(len(matches))]
    if paired:  # 城镇居民…9422元,农村居民…2936元,分别实际增长7.7%和6.8%: one value each, in order
        before = [k for k, m in enumerate(matches) if m.end() <= paired.start()]
        if len(before) >= 2:
            for k, val in zip(before[-2:], ("v1", "v2"), strict=True):
                vm = _VALUE_RE.match(paired.group(val))
                assert vm is not None
                pair_of[k] = vm
    for k, m in enumerate(matches):
        row = which(m)
        if k in pair_of and row.measure == "growth":
            value, number, unit, qual = _value_parts(pair_of[k])
            decline = bool(_DECLINE_WORD.search(paired.group("verb") if paired else ""))
            shown, matched = (FALL, CUT) if decline else (GROWTH, GROWTH)
            out.append(Found(Figure(indicator=row.display + shown, value=value,
                                    number=number, unit=unit, qualifier=qual, is_target=target,
                                    evidence=evidence, canonical=row.canonical + matched,
                                    period=period(paired.end() if paired else m.end())), rank))
        if _OBJECT_OF.search(clause[:m.start()]):
            continue  # 将X人均收入5600元作为Y标准 (invented): the figure is set as something else
        if row.measure != "growth" and _CHANGE_BEFORE.search(clause[:m.start()]):
            continue  # 压减财政赤字120亿元 (invented): the change, not the level
        if not target and _RESTATED_BEFORE.search(clause[:m.start()]):
            continue  # the review naming last year's target (年初确定的…4%左右…的目标): not a result
        rest = clause[m.end():]
        nxt = matches[k + 1].start() - m.end() if k + 1 < len(matches) else len(rest)
        turned = _TURNED.match(rest)
        v = turned if turned and turned.end() <= nxt else _AFTER.match(rest)
        value_m: re.Match[str] | None = None
        gap = verb = ""
        shared = False
        if v:
            gap = "" if v is turned else v.group("gap") + (v.group("base") or "")
            verb = v.group("verb")
            shared = len(gap) > nxt  # another indicator stands between: M2和社会融资总量…均为12%
            if paired and paired.start() <= m.end() + v.end() <= paired.end():
                v = None  # that value belongs to the respective pair
            lone = shared and not re.search(vocab.SHARED_VALUE, gap + verb)  # the value is the other one's
            delta = _DELTA.search(gap + verb) and not _GROWTH_WORD.search(verb)
            if _GAP_REJECT.search(gap) or lone or delta:
                v = None
        if v:
            value_m = _VALUE_RE.match(v.group("value"))
            end = m.end() + v.end()
            to = _CHANGE_TO.match(clause[end:])
            if to:
                value_m = _VALUE_RE.match(to.group("value"))
        elif row.measure == "amount":
            b = _BEFORE_AMOUNT.search(clause[:m.start()])
            later = _LATER_AMOUNT.search(rest[:nxt]) if _ISSUED.search(clause[:m.start()]) else None
            if b:
                value_m = _VALUE_RE.match(b.group("value"))
            elif later:  # 发行特别国债,用于…,首批发行2500亿元
                value_m = _VALUE_RE.match(later.group("value"))
        if value_m is None:
            if target and not re.match(r"[\d,]", rest):
                # up to the next name, or past it when that name is the other side of a relation
                # (…增速要与国内生产总值名义增速相匹配)
                # (…增速要与国内生产总值名义增速相匹配, 收入和GDP增长同步: `_two_sides`)
                other_side = sides[k] or (not _JOINER.match(rest[:nxt]) and _RELATED_TO.search(rest[:nxt]))
                w = _words_target(rest, len(rest) if other_side else nxt, row)
                # 收入与GDP增长同步: GDP is the other side of the relation, not a target of its own
                # (unless the name before is joined to it: 广义货币和社会融资总量增速同…匹配)
                inside = (k > 0 and sides[k - 1]) or (_RELATED_TO.search(clause[:m.start()]) and not (
                    k > 0 and _JOINER.match(clause[matches[k - 1].end():m.start()])))
                if w and not inside:
                    value, suffix = w
                    words_of[k] = Found(Figure(indicator=row.display + suffix[0], value=value, number=None,
                                               unit=None, qualifier=None, is_target=True, evidence=evidence,
                                               canonical=row.canonical + suffix[1], period=period(m.end())),
                                        rank)
                    out.append(words_of[k])
                elif not inside and _JOINER.match(rest[:nxt]) and not sides[k]:
                    joined.append(k)  # 广义货币和社会融资总量增速…: the next name's words are this one's too
            continue
        value, number, unit, qual = _value_parts(value_m)
        if unit is None:
            continue  # a bare number (a year, a count without unit) is not a figure
        if qual is None and verb in vocab.HOLD_VERBS:
            qual = verb
        words = gap + verb
        display, canonical = row.display, row.canonical
        if row.measure == "growth" and unit in ("%", vocab.POINTS):
            if not _GROWTH_WORD.search(words):
                continue  # 国内生产总值的3%: a share, not growth
            decline = bool(_DECLINE_WORD.search(words))
            display += (CUT if CUT in words else FALL) if decline else GROWTH
            canonical += CUT if decline else GROWTH
        elif row.measure == "growth" and _GROWTH_WORD.search(verb):
            display += INCREASE  # 增加2787亿元: an amount of growth
            canonical += INCREASE
        elif row.measure in ("rate", "amount") and _DELTA.search(words):
            continue
        elif row.measure == "rate" and display.endswith(_SIGNED_RATE) and _DECLINE_WORD.search(verb):
            display = display[: -len(_SIGNED_RATE)] + FALL  # 居民消费价格下降0.7%: a fall, not a rise
            number = -number
        end = m.end() + (v.end() if v else 0)
        if not target and _RESTATED_AFTER.match(clause[end:]):
            continue  # 完成国内生产总值增长5%左右的预期目标: last year's target, not its result
        out.append(Found(Figure(indicator=display, value=value, number=number, unit=unit, qualifier=qual,
                                is_target=target, evidence=evidence, canonical=canonical, period=period(end)),
                         rank))
        g = _FOLLOW_GROWTH.match(clause[end:]) if v and display == row.display and not pair_of else None
        if g and row.measure == "growth":  # 地区生产总值超过800亿元,比上年增长6% (invented)
            gv = _VALUE_RE.match(g.group("value"))
            assert gv is not None
            value, number, unit, qual = _value_parts(gv)
            out.append(Found(Figure(indicator=row.display + GROWTH, value=value, number=number, unit=unit,
                                    qualifier=qual, is_target=target, evidence=evidence,
                                    canonical=row.canonical + GROWTH, period=period(end + g.end())), rank))
        lv = _FOLLOW_LEVEL.match(clause[end:]) if v and display != row.display else None
        if lv and row.measure == "growth":  # 国内生产总值增长5.3%,达到96.4万亿元
            gv = _VALUE_RE.match(lv.group("value"))
            assert gv is not None
            value, number, unit, qual = _value_parts(gv)
            if unit not in (None, "%", vocab.POINTS, vocab.TIMES):
                out.append(Found(Figure(indicator=row.display, value=value, number=number, unit=unit,
                                        qualifier=qual, is_target=target, evidence=evidence,
                                        canonical=row.canonical, period=period(end + lv.end())), rank))
    for k in reversed(joined):  # from the last, so 社会融资总量、货币供应量同… reaches every name of the list
        nxt_words = words_of.get(k + 1)
        if nxt_words is None or not _RELATION.search(nxt_words.figure.value) or _BARE_RELATION.match(
                nxt_words.figure.value):
            continue  # 城乡居民收入和GDP增长同步: the two are the sides of the relation, not its subject
        row, f = which(matches[k]), nxt_words.figure
        shown, matched = f.indicator[len(which(matches[k + 1]).display):], f.canonical[len(which(
            matches[k + 1]).canonical):]
        words_of[k] = Found(replace(f, indicator=row.display + shown, canonical=row.canonical + matched),
                            rank)
        out.append(words_of[k])
    return out


def _two_sides(clause: str, matches: Sequence[re.Match[str]], k: int) -> bool:
    """Whether name `k` and the next are the two sides of one relation: joined by 和, 与 or 同 (A和B增长同步,
    A增长与全省B增长同步, invented), B's own words, up to the name after it or the clause end, are a
    relation with no other side; not one subject of two names (A和B增速同C相匹配: B's words name the
    other side)."""
    if k + 1 >= len(matches):
        return False
    between = clause[matches[k].end():matches[k + 1].start()]
    if between != vocab.RELATION_AND and not re.search(vocab.RELATION_PREPOSITIONS, between):
        return False
    after = clause[matches[k + 1].end():matches[k + 2].start() if k + 2 < len(matches) else len(clause)]
    lead = _MEASURE_LEAD.match(after)
    run = _RELATION_RUN.match(after[lead.end():] if lead else after)
    assert run is not None
    return bool(_BARE_RELATION.match(run.group(0)))


def _at_edge(rest: str, end: int) -> bool:
    """Whether a words-only value ending at `end` of `rest` ends on a word edge: the clause ends, or a
    mark follows (not a character of the next word: 增速同名义|国内生产总值… is a cut, not a value)."""
    return end >= len(rest) or not re.match(r"[\u4e00-\u9fffA-Za-z\d]", rest[end])


def _words_target(rest: str, limit: int, row: Indicator) -> tuple[str, tuple[str, str]] | None:
    """(value, (shown, matched) name suffix) of a target stated in words right after an indicator, in the
    first `limit` characters of the clause's `rest` (up to the next name, or past it when that name is
    the other side of a relation): 进出口稳中提效 (invented), 居民收入增长和经济增长同步, 广义货币M2…增速
    同名义经济增速基本匹配. The value ends on a word edge (`_at_edge`), so a relation is held whole; the
    words that make a figure another indicator's (`vocab.GAP_REJECT`: 用于X的比重, invented) make a
    value in words another's too."""
    seg = rest[:limit]
    lead = _MEASURE_LEAD.match(seg)
    start = lead.end() if lead else 0
    run = _RELATION_RUN.match(seg[start:])
    assert run is not None
    words = run.group(0)
    if (_RELATION.search(words) and len(words) <= RELATION_MAX_CHARS and re.search(r"[\u4e00-\u9fff]$", words)
            and _at_edge(rest, start + len(words))
            and not re.match(vocab.ONE_OF_SEVERAL, words)  # 能耗等X指标… (invented): one of several
            and not _GAP_REJECT.search(words)):  # 投资用于X的增量要高于上年 (invented): not its own
        if row.measure != "growth" or (lead is None and not _COMPARED.search(words)):
            return words, ("", "")  # 完成省下达任务: a quota, no measure
        m = lead.group("m") if lead else GROWTH  # a relation of two figures is one of their growth
        decline = m in (CUT, FALL)
        return words, ((m, CUT) if decline else (GROWTH, GROWTH))
    q = _QUAL.match(seg)
    if (q is None or _QUAL_BAD_START.match(seg) or _QUAL_BAD_VERB.match(seg) or not _at_edge(rest, q.end())
            or _GAP_REJECT.search(q.group(0))):
        return None
    return q.group(0), ("", "")


def _clauses(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"[;。]", text):
        out.append((start, text[start:m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


def extract_all(table: Indicators, folded_text: str, text: str, year: int, sentences: Sequence[Span],
                parts: Sequence[Block], paragraphs: Sequence[Span], locate: Callable[[Span], Located]
                ) -> list[Found]:
    """Every target, result and multi-year figure of one report, in reading order, with its rank
    (`table`: the indicators to look for)."""
    start = plan_start(folded_text, year, parts)
    has_review = start >= REVIEW_MIN_CHARS or any(b.role is Role.REVIEW for b in parts)
    multi_parts = _multi_year_parts(folded_text, parts, year)
    cue_spans: list[Span] = []
    paras = list(paragraphs)
    for k, p in enumerate(paras):
        body = folded_text[p.start:p.end]
        if _TARGET_CUE.search(body) and p.start >= start:
            cue_spans.append(p)
            if len(body.strip()) <= CUE_PARAGRAPH_MAX_CHARS and k + 1 < len(paras):
                cue_spans.append(paras[k + 1])
    lead_multi: list[Span] = [
        p for p in paras if _MULTI_YEAR.search(folded_text[p.start:p.start + MULTI_YEAR_LEAD_CHARS])]
    # a paragraph that opens on the past year, in a part of several (过去一年和五年工作回顾): one year's
    lead_past: list[Span] = [p for p in paras if _PAST_START.search(folded_text[p.start:p.end].lstrip())]
    starts = [p.start for p in paras]
    by_sentence: dict[int, list[Found]] = {}  # by the 。 that ends the previous full sentence
    for span in sentences:
        raw = folded_text[span.start:span.end]
        fs = raw.replace("\n", "")
        if not table.named_in(fs):
            continue
        where = locate(span)
        in_plan = span.start >= start
        evidence = Evidence(year=year, side=where.side, path=where.path,
                            sentence=text[span.start:span.end].strip(), span=span, pair_id=where.pair_id)
        years = {int(y) for y in _YEAR.findall(fs)}
        this_year = bool(_THIS_YEAR_START.search(fs)) or (year in years and bool(_FUTURE_CUE.search(fs)))
        past = bool(_PAST_START.search(fs)) or (bool(years) and max(years) < year)
        # plan zone: a target unless the sentence reports the past; review zone: a result unless it
        # plans this year (今年拟…)
        cued = this_year and bool(_FUTURE_CUE.search(fs))
        set_bound = years == {year} and bool(_BOUND_SET.search(fs))
        target = (not past or this_year) if in_plan else (cued or set_bound)
        if not target and in_plan and has_review:
            continue  # the plan part restating a past figure: the review part has it
        part_multi = any(p.start <= span.start < p.end for p in multi_parts) and not any(
            p.start <= span.start < p.end for p in lead_past)
        para_multi = any(p.start <= span.start < p.end for p in lead_multi)
        in_cue = any(p.start <= span.start < p.end for p in cue_spans)
        base_rank = 0 if in_cue else 1 if (_FUTURE_CUE.search(fs) or this_year) else 2
        mask = _paren_mask(fs)
        found: list[Found] = []
        for offset, clause in _clauses(fs):
            cyears = {int(y) for y in _YEAR.findall(clause)}
            forced = (part_multi or para_multi) and not (this_year or _PAST_START.search(clause)
                                                         or (not target and year - 1 in cyears))
            found += _clause_figures(table, clause, year, target, forced, evidence, base_rank,
                                     mask[offset:offset + len(clause)])
        # the full sentence: up to 。, so the ;-separated targets of one passage are read together
        para_start = starts[bisect.bisect_right(starts, span.start) - 1] if starts else 0
        by_sentence.setdefault(max(para_start, folded_text.rfind("。", 0, span.start)), []).extend(found)
    # A target in words counts in the targets passage, in a full sentence with numeric targets of the year
    # (城镇新增就业870万人以上,…;进出口稳中提效,…), or as a relation (同名义经济增速基本匹配:
    # the monetary paragraph has no figure): elsewhere "进出口企业拓展市场" is prose, not a target.
    out: list[Found] = []
    for _, found in sorted(by_sentence.items()):
        numeric = any(f.figure.number is not None and f.figure.period is Period.YEAR for f in found)
        out += [f for f in found if f.figure.number is not None or f.rank == 0 or numeric
                or _RELATION.search(f.figure.value)]
    return out


def key(f: Figure) -> str:
    """The name a figure is matched on."""
    return f.canonical or f.indicator


def base_of(indicator: str) -> str:
    """The indicator without its measure: 固定资产投资增长 → 固定资产投资."""
    for suffix in vocab.MEASURE_SUFFIXES:
        if indicator.endswith(suffix):
            return indicator[: -len(suffix)]
    return indicator


def headline_targets(found: Sequence[Found]) -> dict[str, Figure]:
    """The headline target of each indicator: in the targets passage if it is there, else its first
    statement in the plan."""
    best: dict[str, Found] = {}
    for f in found:
        if not f.figure.is_target or f.figure.period is not Period.YEAR:
            continue
        k = key(f.figure)
        cur = best.get(k)
        # a figure beats words (长期建设国债规模 → 500亿元), then the targets passage beats the rest
        if cur is None or (f.figure.number is None, f.rank) < (cur.figure.number is None, cur.rank):
            best[k] = f
    return {k: f.figure for k, f in sorted(best.items(), key=lambda kv: kv[1].figure.evidence.span.start)}


# Magnitude of a unit against its base (亿元 = 1, 万亿元 = 10000), to compare 8000亿元 with 1.2万亿元.
_SCALE = vocab.SCALE


def magnitude(f: Figure) -> tuple[str | None, float | None]:
    """(base unit, number in it) of a figure."""
    if f.number is None:
        return f.unit, None
    base, factor = _SCALE.get(f.unit or "", (f.unit, 1.0))
    return base, f.number * factor


def change(old: Figure, new: Figure) -> tuple[float, float, str] | None:
    """How far a figure moved, for a reader: (size of the change, its share of the old value, its unit),
    the size in the finer of the two units (8000亿元 → 1.2万亿元 moved 4000 亿元, not 1.2 - 8000);
    None when the two are not numbers of one base unit. A rate's change is in points (6% → 3%: 3
    points, not 3%)."""
    (uo, no), (un, nn) = magnitude(old), magnitude(new)
    if no is None or nn is None or uo != un or not no:
        return None
    factor, unit = min((_SCALE.get(f.unit or "", ("", 1.0))[1], f.unit or "") for f in (old, new))
    size = round(abs(nn - no) / factor, 9)
    return size, abs(nn - no) / abs(no), vocab.POINTS if unit == "%" else unit


def direction(old: Figure | None, new: Figure | None, peers: bool = False) -> Direction:
    """Same region: one of `TIME_DIRECTIONS`. Two regions (`peers`): one of `PEER_DIRECTIONS` (new
    against old)."""
    D = Direction
    if old is None:
        return D.ONLY_NEW if peers else D.NEWLY_SET
    if new is None:
        return D.ONLY_OLD if peers else D.NO_LONGER_SET
    (uo, no), (un, nn) = magnitude(old), magnitude(new)
    if no is not None and nn is not None and uo == un:
        if round(nn - no, 9) > 0:
            return D.HIGHER if peers else D.UP
        if round(nn - no, 9) < 0:
            return D.LOWER if peers else D.DOWN
        if _bound(old.qualifier) == _bound(new.qualifier):
            return D.SAME if peers else D.UNCHANGED
        return D.CHANGED if peers else D.REQUALIFIED
    if old.indicator == new.indicator and (old.value == new.value or _same_words(old, new)):
        return D.SAME if peers else D.UNCHANGED
    return D.CHANGED


_BOUNDS = {q: group[0] for group in vocab.SAME_BOUNDS for q in group}


def _bound(qualifier: str | None) -> str | None:
    """The bound a qualifier sets: one name for each group of `vocab.SAME_BOUNDS` (不低于 = 以上)."""
    return _BOUNDS.get(qualifier or "", qualifier)


def _same_words(old: Figure, new: Figure) -> bool:
    """Two words-only targets that differ only in a relation's filler words (`vocab.RELATION_FILLER`:
    和经济增长保持同步 / 与经济增长同步)."""
    if old.number is not None or new.number is not None:
        return False
    return _RELATION_FILLER.sub("", old.value) == _RELATION_FILLER.sub("", new.value)


def note(old: Figure | None, new: Figure | None, dir_: str) -> str | None:
    """A reader's note for a change the direction word does not say: only the qualifier moved, or
    only its wording (the same bound: `vocab.SAME_BOUNDS`)."""
    if dir_ == Direction.REQUALIFIED and old and new:
        return vocab.requalified_note(old.value, new.value)
    if (dir_ == Direction.UNCHANGED and old and new and old.number is not None
            and old.qualifier != new.qualifier):
        return vocab.same_bound_note(old.value, new.value)
    return None


# --- one report on its own, and the series over a region's reports ----------------------------


def report_figures(report: Report, table: Indicators, side: Side = Side.NEW) -> list[Found]:
    """Every figure of a report outside any comparison (paths label parts and sections, no pair links),
    by the indicators of `table`."""
    o = outline.segment(report)
    folded = fold(report.text)
    labels = outline.paths(o)
    blocks = outline.by_start(o)

    def locate(span: Span) -> Located:
        inner = [b for b in blocks if b.span.start <= span.start < b.span.end]
        if not inner:
            return Located(side, span, "", None, Role.OTHER)
        b = inner[-1]
        return Located(side, span, labels.get(b.id, ""), None, b.role)

    return extract_all(table, folded, report.text, report.meta.year, o.sentences, o.blocks, o.paragraphs,
                       locate)


def dump_found(found: Sequence[Found]) -> str:
    """`report_figures` as JSON (for the derived index): `load_found` gives the same records back."""
    return json.dumps([asdict(f) for f in found], ensure_ascii=False, separators=(",", ":"))


def load_found(text: str) -> tuple[Found, ...]:
    """The records `dump_found` wrote (floats round-trip exactly through JSON's shortest repr)."""
    out = []
    for row in json.loads(text):
        fig = dict(row["figure"])
        ev = dict(fig.pop("evidence"))
        ev["span"] = Span(**ev["span"])
        ev["side"] = Side(ev["side"])
        fig["period"] = Period(fig["period"])
        out.append(Found(Figure(**fig, evidence=Evidence(**ev)), row["rank"]))
    return tuple(out)


def _first_result(found: Sequence[Found], canonical: str) -> Figure | None:
    for f in found:
        g = f.figure
        if not g.is_target and g.period is Period.YEAR and key(g) == canonical and g.number is not None:
            return g
    return None


def series(history: Sequence[Report], table: Indicators, canonicals: Sequence[str] = (),
           known: Mapping[int, Sequence[Found]] | None = None) -> tuple[TargetSeries, ...]:
    """Targets of every report in `history` (one region), per indicator, with the result the next
    year's report states beside each; `canonicals` chooses and orders the indicators (default: all,
    the most often set first). `known`: `report_figures` of some of those reports by year, as the
    edge keeps them in the corpus index (the others are worked out here, by `table`)."""
    years: dict[int, Report] = {}
    for rep in history:
        years.setdefault(rep.meta.year, rep)
    have = known or {}
    found = {y: have[y] if y in have else report_figures(years[y], table) for y in sorted(years)}
    heads = {y: headline_targets(f) for y, f in found.items()}
    if not canonicals:
        seen: dict[str, int] = {}
        for y in sorted(heads):
            for k in heads[y]:
                seen[k] = seen.get(k, 0) + 1
        canonicals = sorted(seen, key=lambda k: -seen[k])  # stable: first seen first among equals
        # a target in words (X投资量质并进) joins its indicator's numeric series (X投资增长)
        canonicals = [k for k in canonicals if base_of(k) != k or not any(
            o != k and base_of(o) == k for o in canonicals)]
    out = []
    for c in canonicals:
        points = []
        name = c
        for y in sorted(years):
            target = heads[y].get(c)
            if target is None:  # X投资增长 ↔ X投资 (words only), unless that is a series itself
                target = next((f for k, f in heads[y].items()
                               if base_of(k) == base_of(c) and k not in canonicals), None)
            if target is not None:
                name = target.indicator
            result = _first_result(found[y + 1], key(target) if target else c) if y + 1 in found else None
            points.append(TargetPoint(year=y, target=target, result=result))
        if any(p.target for p in points):
            out.append(TargetSeries(indicator=name, canonical=c, points=tuple(points)))
    return tuple(out)


# Indicator `yoy targets` shows when none is asked for: GDP growth, the headline target.
DEFAULT_SERIES = vocab.DEFAULT_SERIES


def pick_series(all_series: Sequence[TargetSeries], queries: Sequence[str]) -> list[TargetSeries]:
    """Series named by `queries` (display or matching name, or a part of one); GDP growth by default."""
    if not queries:
        queries = (DEFAULT_SERIES,)
    out: list[TargetSeries] = []
    for q in queries:
        qf = fold(q).strip()
        hits = [s for s in all_series if qf in (s.indicator, s.canonical)]
        hits = hits or [s for s in all_series if qf in s.indicator or qf in s.canonical]
        out += [s for s in hits[:1] if s not in out]
    return out


def series_rows(region: str, chosen: Sequence[TargetSeries], years: Sequence[int]) -> list[dict[str, object]]:
    """One row per indicator and year, for `yoy targets` (every year of the region, set or not)."""
    rows: list[dict[str, object]] = []
    for s in chosen:
        by_year = {p.year: p for p in s.points}
        for y in years:
            p = by_year.get(y)
            t, r = (p.target, p.result) if p else (None, None)
            rows.append({"region": region, "year": y, "indicator": t.indicator if t else s.indicator,
                         "target": t.value if t else None, "qualifier": t.qualifier if t else None,
                         "unit": t.unit if t else None, "result": r.value if r else None,
                         "target_sentence": t.evidence.sentence if t else None,
                         "result_sentence": r.evidence.sentence if r else None})
    return rows
