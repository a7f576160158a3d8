"""Records passed between the pipeline stages.

Every record is a frozen, slotted dataclass (or, for the many small parts of a per-report analysis, a
named tuple) holding tuples, never lists, so a stage cannot change what an earlier stage produced.
Offsets (`Span`) always index `Report.text`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any, NamedTuple

from yoy import MAX_YEAR as MAX_YEAR  # re-exported: the years a report can have (defined in `yoy`)
from yoy import MIN_YEAR as MIN_YEAR
from yoy import vocab


class Vocabulary(StrEnum):
    """A closed vocabulary of the records: the members' values are the codes JSON writes, `label` the
    reader-facing word (`vocab.LABELS`, by the vocabulary's class name)."""

    @property
    def label(self) -> str:
        return vocab.LABELS[type(self).__name__][self.value]


class Kind(Vocabulary):
    """How much of the report a text holds."""

    FULL = "full"
    PARTIAL = "partial"  # the scrape misses a part
    SUMMARY = "summary"  # a news digest of the report


class Level(Vocabulary):
    """Administrative level of the government that delivers the report."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    COUNTY = "county"


class Period(Vocabulary):
    """What time a figure covers: one year (a target for the coming year, a result of the past one), or
    several (五年累计, 年均, 到2025年)."""

    YEAR = "year"
    MULTI_YEAR = "multi-year"


class Role(Vocabulary):
    """What a part of the report does: review the past year, plan the coming one, or neither."""

    REVIEW = "review"
    PLAN = "plan"
    OTHER = "other"


class BlockLevel(Vocabulary):
    """How deep a block of the outline sits: a part (一、), a section ((一)) or an item (lead phrase)."""

    PART = "part"
    SECTION = "section"
    ITEM = "item"


class PairLevel(Vocabulary):
    """The level a row of the section map aligns: parts or sections (items are not aligned)."""

    PART = "part"
    SECTION = "section"


class Relation(Vocabulary):
    """How an old block and a new block relate in the section map."""

    MATCHED = "matched"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    NEW = "new"
    DROPPED = "dropped"


class Op(Vocabulary):
    """What an inline redline piece does: stays, is inserted by the new text, or deleted from the old."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class Change(Vocabulary):
    """What happened to a policy term between the two reports."""

    NEW = "new"
    DROPPED = "dropped"
    REWORDED = "reworded"
    CONTINUED = "continued"


class Direction(Vocabulary):
    """Where a target went: in time (same region, old → new) or one region beside the other (peers).

    Members are in the order the schema lists them: the time directions, then the peer-only ones.
    """

    UP = "up"
    DOWN = "down"
    UNCHANGED = "unchanged"
    REQUALIFIED = "requalified"  # the same number, another qualifier (X%左右 → X%以上)
    CHANGED = "changed"  # not comparable as numbers (a figure against words, another unit): both kinds
    NEWLY_SET = "newly set"
    NO_LONGER_SET = "no longer set"
    # one side is a news digest that does not state it: an omission of the digest, not a change
    NOT_STATED = "not stated"
    HIGHER = "higher"
    LOWER = "lower"
    SAME = "same"
    ONLY_OLD = "only old"
    ONLY_NEW = "only new"


# Directions of a same-region pair (old → new in time) and of two regions (old beside new).
TIME_DIRECTIONS = (Direction.UP, Direction.DOWN, Direction.UNCHANGED, Direction.REQUALIFIED,
                   Direction.CHANGED, Direction.NEWLY_SET, Direction.NO_LONGER_SET, Direction.NOT_STATED)
PEER_DIRECTIONS = (Direction.HIGHER, Direction.LOWER, Direction.SAME, Direction.CHANGED,
                   Direction.ONLY_OLD, Direction.ONLY_NEW)


class RankedKind(Vocabulary):
    """What a ranked change is: a priority (term), a target, or a section of the map."""

    PRIORITY = "priority"
    TARGET = "target"
    SECTION = "section"


class Side(Vocabulary):
    """Which of the two compared reports a piece of evidence is from."""

    OLD = "old"
    NEW = "new"


# Every closed vocabulary of the records. tests/test_vocab.py walks it: each member has a label and
# the schema lists each field's members.
VOCABULARIES: tuple[type[Vocabulary], ...] = (Kind, Level, Period, Role, BlockLevel, PairLevel, Relation, Op,
                                           Change, Direction, RankedKind, Side)



# Labels of the codes by code, for stages that look a code's label up in a mapping (render, summary,
# classify); each is derived from its enum, so a new member needs no edit here.
KIND_LABELS: dict[str, str] = {k: k.label for k in Kind}
CHANGE_LABELS: dict[str, str] = {c: c.label for c in Change}
RELATION_LABELS = {r: r.label for r in Relation}
DIRECTION_LABELS: dict[str, str] = {d: d.label for d in Direction}
LEVEL_LABELS: dict[str, str] = {lv: lv.label for lv in PairLevel}
BASIS_LABELS = vocab.BASIS
BRIEF_WORDS = vocab.BRIEF

@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range `[start, end)` into `Report.text`."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def __reduce__(self) -> tuple[type[Span], tuple[int, int]]:
        # pickled as a call: a stored record (`yoy.pipeline.dump_prepared`) holds a thousand spans or
        # so, and a call loads ≈ 3× faster than a slotted dataclass's state set field by field
        return Span, (self.start, self.end)


# --- ingest ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Region:
    """A region as the corpus knows it (崂山区), with what people type for it."""

    name: str  # canonical: 崂山区
    level: Level
    parent: str | None  # 青岛市 for 崂山区; None for national
    aliases: tuple[str, ...]  # 崂山, 崂山区, laoshan, laoshanqu …
    pinyin: str  # "Laoshan"


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What ingest learns about a report besides its text."""

    region: str  # canonical region name
    level: Level
    year: int  # the year the report is delivered (the 2019 report reviews 2018, plans 2019)
    kind: Kind
    title: str
    date: str | None  # ISO date of delivery if stated (2031-01-12)
    session: str | None  # 第二十届人民代表大会第三次会议
    speaker: str | None  # 张三
    source: str  # file name of the raw input
    source_sha256: str  # of the raw input bytes


@dataclass(frozen=True, slots=True)
class Report:
    """One government work report: clean body text plus metadata.

    `text` is the original (display) text, chrome stripped, one paragraph per line.
    `fold(text)` (see `yoy.text`) gives the matching form: Simplified, half-width, same length.
    """

    meta: ReportMeta
    text: str
    appendix: str = ""  # e.g. 名词解释, kept apart from the body


@dataclass(frozen=True, slots=True)
class Skipped:
    """An article ingest found in an input file and did not keep, with the reason."""

    source: str
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one `yoy ingest` run found: the reports and what it skipped."""

    reports: tuple[Report, ...]
    skipped: tuple[Skipped, ...]


# --- outline --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """A part (一、), section ((一)) or item (lead phrase) of the outline.

    `n` is the number as written (None for unnumbered digest sections and items); `title` is the
    heading text without its number and trailing punctuation, taken from `Report.text`.
    """

    id: str  # stable path id: "p2", "p2.s3", "p2.s3.i1"; unnumbered: "p0", "p0.s1" by order
    level: BlockLevel
    n: int | None
    title: str
    title_span: Span
    span: Span  # heading plus body, up to the next sibling
    role: Role
    children: tuple[Block, ...] = ()

    def __reduce__(self) -> tuple[type[Block], tuple[object, ...]]:
        return Block, _BLOCK_FIELDS(self)  # as `Span.__reduce__`: every field, in order


_BLOCK_FIELDS = attrgetter(*(f.name for f in fields(Block)))


@dataclass(frozen=True, slots=True)
class Outline:
    """The segmented report: heading tree plus paragraphs and sentences that tile the body."""

    blocks: tuple[Block, ...]  # top level: parts (a digest has one unnumbered part)
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]  # every character of the body lands in exactly one sentence


# --- the per-report record align and classify share ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Tokens:
    """Words of one text with their offsets, searchable by position."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def within(self, span: Span) -> tuple[str, ...]:
        """Words lying fully inside `span`."""
        lo = bisect_left(self.starts, span.start)
        hi = bisect_right(self.ends, span.end)
        return self.words[lo:hi] if hi > lo else ()

    def bounds(self, span: Span) -> list[int]:
        """Word boundaries inside `span`, relative to `span.start`, always with 0 and len(span)."""
        lo = bisect_left(self.starts, span.start)
        hi = bisect_right(self.ends, span.end)
        inner = {s - span.start for s in self.starts[lo:hi]} | {e - span.start for e in self.ends[lo:hi]}
        return sorted(inner | {0, len(span)})


@dataclass(frozen=True, slots=True)
class Doc:
    """One report as every comparison stage reads it, built once (`yoy.terms.doc`).

    `folded` has the length of `report.text`; `flat` is `folded` without whitespace (transcriptions
    break lines inside words), `origin[i]` the offset in `report.text` of `flat[i]`. `tokens` index
    `report.text`, `flat_tokens` index `flat` (the same words).
    """

    report: Report
    outline: Outline
    folded: str
    flat: str
    origin: tuple[int, ...]
    tokens: Tokens
    flat_tokens: Tokens
    quote_cuts: tuple[int, ...] = ()  # flat offsets where a quote mark was removed: a quoted term's ends

    def span_of(self, start: int, end: int) -> Span:
        """The `report.text` span of `flat[start:end]`."""
        if start >= end or not self.origin:
            pos = self.origin[start] if start < len(self.origin) else len(self.report.text)
            return Span(pos, pos)
        return Span(self.origin[start], self.origin[end - 1] + 1)


# --- the per-report record of the formulation pass (`yoy.formulations.analyse`) ----------------
# Its many small records are named tuples, not dataclasses: the corpus index keeps the record
# pickled, and ten thousand named tuples unpickle about ten times faster than as many slotted
# dataclasses (whose state is restored attribute by attribute in Python). Immutable all the same.


class Stance(NamedTuple):
    """One report's `modifier + 的 + head` phrase for a head (or a formula: modifier + head)."""

    head: str
    modifier: str
    phrase: str
    times: int  # how often the report says it
    # True when jieba's tags alone make it a stance (every modifier word evaluative); False for the
    # readings that also need the head to be a stance head by corpus statistics
    # (`formulations.stance_heads`): an evaluative compound of other tags (审慎弹性-like) and the
    # predicate form `X的H要Y`
    strict: bool = True


@dataclass(frozen=True, slots=True)
class Seeds:
    """The places where a core (a word, a word pair or a frame) seeds a phrase, column by column (row
    k of every column is one place, in reading order: ten thousand places of a national report
    pickle as five tuples, not as ten thousand records): the core, the phrase its extension to the
    boundaries reaches, where that phrase starts (flat offset), whether both ends stopped at a
    boundary, and the phrases joined to it over a joiner (with their flat starts)."""

    cores: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    starts: tuple[int, ...] = ()
    units: tuple[bool, ...] = ()
    joined: tuple[tuple[tuple[str, int], ...], ...] = ()


class Candidate(NamedTuple):
    """What a candidate phrase is in its own report, whatever that report is compared with.

    `places`: flat offsets of its occurrences (non-overlapping, leftmost first: as `str.count` counts
    them); `keyed`: the phrase is its own matching form (`yoy.terms.key`); `shown`: the phrase as the
    report writes it at its first place (`yoy.formulations.display`). The flags are those of
    `yoy.formulations.Phrase` (`compact` before the test that the phrase is said as a unit).
    `nested`: the candidates of the same report inside it, longest first. `parts`:
    `yoy.formulations.parts` of the phrase; `sizes`: the length of each of its words (`yoy.text.words`),
    one byte a word (both kept so that a comparison does not segment the phrase again).
    """

    places: tuple[int, ...]
    keyed: bool
    shown: str
    quoted: bool
    governed: bool
    everyday: bool
    numbered: bool
    policy_head: bool
    compact: bool
    plain: bool
    fragment: bool
    nested: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    sizes: bytes = b""


class Marks(NamedTuple):
    """The salience marks of a report's candidate phrases that depend on the report alone
    (`yoy.classify.salience_marks`), each the set of the phrases that carry it."""

    framed: frozenset[str]  # some place follows a framing word (以…为, 围绕…) or a proposing body
    heading: frozenset[str]  # said in a heading or a lead sentence
    derived: frozenset[str]  # compact and derived (`yoy.formulations.derived`)
    thanked: frozenset[str]  # every place in a sentence of thanks (an addressee: `classify.sides._thanked`)


@dataclass(frozen=True, slots=True)
class Analysis:
    """The per-report work of the formulation pass, done once per report whatever it is compared
    with (`yoy.formulations.analyse` of a `Doc`; the pipeline keeps it in the corpus index): every
    core, where each seeds a phrase, what each candidate phrase is, the stances and formulas, and the
    counts the continued terms compare. Only what depends on the other text (which cores it lacks)
    is left to each comparison. The mappings are built once and never changed.
    """

    cores: tuple[str, ...]  # every distinct core string, in reading order
    seeds: Seeds
    shared: tuple[tuple[str, str], ...]  # core → what its several phrases share (`formulations.shared`)
    units: tuple[tuple[str, int], ...]  # heading pieces with their flat offsets (`heading_units`)
    stance_texts: tuple[str, ...]  # `modifier + 的 + head` phrases on a policy compound head
    candidates: Mapping[str, Candidate]  # every phrase above, by its flat text
    stances: Mapping[str, tuple[Stance, ...]]  # by head (`formulations.stances`)
    formulas: Mapping[str, tuple[Stance, ...]]  # by head (`formulations.formulas`)
    grams: frozenset[str]  # every word and adjacent word pair (`formulations.grams`)
    counts: Mapping[str, int]  # content words and content bigrams with their counts
    # every candidate and every part of one (`Candidate.parts`), sorted: the strings whose counts in
    # other texts a comparison asks for (the columns of a `yoy.history.Tally`)
    scanned: tuple[str, ...] = ()
    # the report's own figures (`yoy.figures.Found` records of `yoy.classify.own_figures`) with the
    # year they were read for, placed in no comparison (evidence without path or pair: a comparison
    # places them); None: not worked out. Typed loosely: the records cannot import a later stage.
    figures: tuple[int, tuple[Any, ...]] | None = None
    # every one-slot split of the report's longer candidate phrases (`yoy.classify.swap_slots`: the
    # words next to the slot, then the phrase's words, the slot's first and end word and the slot), in
    # candidate order: the report's half of a comparison's one-slot rewordings; None: not worked out
    slots: tuple[tuple[tuple[str, str], tuple[tuple[str, ...], int, int, str]], ...] | None = None
    # the salience marks of its candidates that depend on the report alone (`yoy.classify.salience_marks`);
    # None: not worked out
    marks: Marks | None = None
    # the content words of each part and section, by block id (`yoy.align.unit_words`: its body's with
    # their term weights, its heading's); None: not worked out
    unit_words: Mapping[str, tuple[Mapping[str, float], tuple[str, ...]]] | None = None
    # the matching form (`yoy.terms.key`) of every heading and of each part's and section's lead
    # sentence, joined by | (`yoy.classify.heading_text`); None: not worked out
    heading_text: str | None = None
    # the stems of its unquoted candidate phrases said with a trailing generic head (X建设 → X), by
    # phrase, those with some (`yoy.formulations.generic_stems`); None: not worked out
    stems: Mapping[str, tuple[str, ...]] | None = None
    # each candidate phrase said shorter by one inner everyday word (`yoy.classify.shorter_forms`:
    # the shorter form, then the candidate), in candidate order; None: not worked out
    shorter: tuple[tuple[str, str], ...] | None = None
    # the short forms of its names said often enough to be shortened (`yoy.classify.abbreviation_forms`:
    # the short form, then the candidate), in candidate order; None: not worked out
    abbreviations: tuple[tuple[str, str], ...] | None = None
    # the matching form of each part's and section's own text (a section-map row's text), by block id
    # (`yoy.align.unit_keys`); None: not worked out
    unit_keys: Mapping[str, str] | None = None
    # every two candidate phrases said as the pieces of one long name (`yoy.classify.piece_pairs`:
    # overlapping without nesting somewhere, every place of each overlapping the other), in candidate
    # order; None: not worked out
    pieces: tuple[tuple[str, str], ...] | None = None
    # its candidate phrases of `yoy.classify.weights.REORDER_MIN`+ characters by head and sorted characters
    # (`yoy.classify.anagram_index`: the key of a reordering, the phrases in candidate order); None:
    # not worked out
    anagrams: Mapping[tuple[str, str], tuple[str, ...]] | None = None


# --- align / classify -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportRef:
    """A compared report as the briefs name it."""

    region: str
    year: int
    kind: Kind
    title: str
    chars: int
    caveat: str | None  # "新闻摘要，非报告全文", "不完整文本，…"


@dataclass(frozen=True, slots=True)
class DiffChunk:
    """One word-sized piece of an inline redline."""

    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class SectionPair:
    """One row of the section map: an old block, a new block, or both, with how they relate."""

    id: str  # "a1", "a2", … stable anchor for deep links
    old_id: str | None
    new_id: str | None
    old_title: str | None
    new_title: str | None
    old_path: str | None  # human label "三(一)"
    new_path: str | None
    level: PairLevel
    relation: Relation
    score: float  # similarity 0..1 (0 for new/dropped)
    old_text: str | None
    new_text: str | None
    diff: tuple[DiffChunk, ...] = ()


@dataclass(frozen=True, slots=True)
class Alignment:
    """What `yoy.align.align` hands to `classify`: the section map and what it knows about each side.

    `pairs` are the rows in reading order (parts, then sections). `old_paths` / `new_paths` label every
    part, section and item of each outline (`yoy.outline.paths`: 三, 三(一), 三(一)2). `notes` say where
    a budget cut the work short (too many sections to align at once, a redline too long to align by
    sentence): never silently worse.
    """

    pairs: tuple[SectionPair, ...]
    old_paths: dict[str, str]
    new_paths: dict[str, str]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a term or figure stands in one of the two reports."""

    year: int
    side: Side  # which report (peers of one year cannot be told apart by year)
    path: str  # "三(一)" or "" when outside any heading
    sentence: str
    span: Span
    pair_id: str | None = None  # SectionPair it falls in, for links into the diff


@dataclass(frozen=True, slots=True)
class Priority:
    """A policy term and what happened to it between the two reports."""

    change: Change
    term: str  # the term as the newer report says it (old term for "dropped")
    old_term: str | None  # for "reworded": the term it replaced
    old_count: int
    new_count: int
    old_per10k: float
    new_per10k: float
    basis: str  # why: "引号术语", "标题用语", "关键性 G²=…", "政策词表", "对应位置替换 …"
    evidence: tuple[Evidence, ...]
    note: str | None = None  # e.g. the digest caveat on a "dropped"


@dataclass(frozen=True, slots=True)
class Figure:
    """A numeric target or reported result in one report."""

    indicator: str  # canonical: 地区生产总值增长
    value: str  # as written: 4.3%左右, 6%以上, 5%-5.5%, 1380亿元, or "量质并进" when no figure
    number: float | None
    unit: str | None  # "%", "亿元", "万人", "个百分点"
    qualifier: str | None  # 左右 | 以上 | 以内 | 不低于 | 低于 | 控制在 | 约 | range
    is_target: bool  # True: target for the coming year; False: result of the past year
    evidence: Evidence
    canonical: str = ""  # the matching name (国内生产总值增长 = 地区生产总值增长); "" = indicator
    period: Period = Period.YEAR  # multi-year: 五年累计, 年均, 到2025年 (kept apart, never a year's figure)


@dataclass(frozen=True, slots=True)
class TargetChange:
    """One indicator's target, old → new."""

    indicator: str  # as the reports word it (the newer one's wording when both state it)
    old: Figure | None
    new: Figure | None
    # same region: TIME_DIRECTIONS; two regions: PEER_DIRECTIONS
    direction: Direction
    canonical: str = ""  # the matching name (see Figure.canonical)
    note: str | None = None  # e.g. "仅限定词变化：7.5% → 7.5%左右"


@dataclass(frozen=True, slots=True)
class TargetPoint:
    """One year of a target series: the target its report set, and the result the next report states."""

    year: int
    target: Figure | None  # None: that year's report sets no target for the indicator
    result: Figure | None = None  # None: no next report in the corpus, or it states no result


@dataclass(frozen=True, slots=True)
class TargetSeries:
    """An indicator's target across every report of the region in the corpus (same-region pairs)."""

    indicator: str
    canonical: str
    points: tuple[TargetPoint, ...]


@dataclass(frozen=True, slots=True)
class RankedChange:
    """One entry of the significance ranking, with the reason for its rank."""

    rank: int
    kind: RankedKind
    ref: str  # term, indicator, or SectionPair id
    summary: str  # one line a reader understands: "审慎的X政策 → 灵活的X政策"
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class TermSeries:
    """A term's intensity (per 10,000 characters) across every year the corpus has for a region."""

    term: str
    points: tuple[tuple[int, float], ...]  # (year, per10k)


@dataclass(frozen=True, slots=True)
class ChangeCount:
    """How many priorities of one change the engine found, and how many of them the record lists."""

    change: Change
    # candidates found before the listing cap, common words aside: the MAX_NEW / MAX_DROPPED /
    # MAX_CONTINUED caps of `classify` keep the best `listed` of them (a rewording is never capped)
    found: int
    listed: int  # of `found`, the priorities the record keeps (the best by score)
    common: int = 0  # common words (常用词: their presence flipped, not news) found, capped apart
    common_listed: int = 0  # of `common`, those the record keeps (at most `classify.weights.MAX_COMMON`)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The single record every output is made from: JSON is its dump, the briefs render it."""

    old: ReportRef
    new: ReportRef
    sections: tuple[SectionPair, ...]
    priorities: tuple[Priority, ...]
    targets: tuple[TargetChange, ...]
    results: tuple[Figure, ...]  # reported results of the past year, both reports
    ranked: tuple[RankedChange, ...]
    history: tuple[TermSeries, ...] = ()
    caveats: tuple[str, ...] = ()
    degraded: tuple[str, ...] = ()  # where a time/size budget was hit; empty when complete
    multi_year: tuple[Figure, ...] = ()  # five-year, cumulative and average figures, both reports
    target_series: tuple[TargetSeries, ...] = ()  # same region: each target across the corpus's years
    # per change (new, dropped, reworded, continued): how many the engine found and the record lists;
    # empty in a record written before the field was added (its briefs count the listed priorities)
    counts: tuple[ChangeCount, ...] = ()
    schema_version: str = field(default="1")
