"""Align two outlines: parts, then sections, then sentences inside matched pairs, with a redline.

Units (parts, sections) are compared by a similarity of their bodies and of their headings: tf-idf
cosine over jieba content words, idf taken over the units being aligned, so the boilerplate every
section shares (and each year's heading formula) weighs little. Sentences are compared with
rapidfuzz over folded text. A global assignment (Hungarian) picks the one-to-one core, so
reordered sections are found as *moved*; units left over attach to their best core partner as a
*split* (one old → several new) or a *merge* (several old → one new); the rest are *new* /
*dropped*. Review parts align only with review parts, plan with plan (OTHER goes with anything).
Nothing here knows about a region or a year: two regions of the same year align the same way.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from yoy import formulations, vocab
from yoy.models import (
    Alignment,
    Block,
    BlockLevel,
    DiffChunk,
    Doc,
    Op,
    Outline,
    PairLevel,
    Relation,
    Report,
    Role,
    SectionPair,
    Span,
)
from yoy.outline import paths
from yoy.terms import Tokens, is_content, key
from yoy.text import fold, words

# Heading agreement is a bonus on top of the body similarity: score = body + W_TITLE·title·(1 − body).
# Headings are reworded every year, so disagreeing headings are no evidence against a match, while
# shared heading words (the same X振兴 or X行动 in both) are; 0.2 lets them reorder close candidates,
# never more.
W_TITLE = 0.2
# The block id of the one part a text with no headings is aligned as (`_whole`): an unnumbered part's
# id (`Block.id`), which no real block of such a text has.
WHOLE_ID = "p0"
# A one-to-one match must clear a gate. Absolute floor: two unrelated sections of one report (same
# author, same year, same boilerplate) have a median similarity of 0.05-0.07 (measured over every
# pair of distinct sections in each seed report); twice that is the least a real counterpart shows.
MATCH_FLOOR = 0.10
# Relative gate: most pairs in a group are unrelated, so the median of the group's matrix is the
# "unrelated" level of that comparison (it moves with style: a digest against a full report sits
# lower than two full reports). A match must reach NULL_RATIO times it. Measured over the 18
# consecutive and same-year pairs of the embedded reports (scripts/measure_thresholds.py): a unit's
# mutual best counterpart stands at a median 5.0x its group's median, 95% of them at >= 1.68x; a
# score that is neither its row's nor its column's best stands at a median 0.92x, and at 1.53x at p95
# in the peer pairs (in consecutive pairs 2.35x: the neighbours of one topic, left to the assignment
# and LINK_REL). 1.5 keeps 95% of the mutual best and gates 94% of the peers' unrelated scores.
NULL_RATIO = 1.5
# The median is used only when the group has this many compatible pairs; fewer (e.g. 3 parts
# against 1) say nothing about the unrelated level, and the floor alone applies.
MIN_NULL_PAIRS = 6
# A leftover unit attaches to a core partner (split/merge) if it clears the gate and scores at least
# this share of that partner's own core score: a merge is a second, comparably strong counterpart,
# not a faint echo of a strong match.
LINK_REL = 0.6
# A part whose sections went, more than this share of them, to the sections of one part on the other
# side is that part's counterpart, whatever the two parts' own score (a five-year review against a
# one-year review shares its sections' topics, not their weight): the sections are the finer evidence.
# A majority: the least share that points to one part and not to two. Principle, not fitted.
MOSTLY = 0.5
# Two sentences align if rapidfuzz's ratio (0-100, over folded text) reaches this: below 60 a
# "match" shares less than the diff would show as changed, so a whole-sentence delete/insert reads
# better than a redline (checked by eye on the seed diffs and on synthetic one-word edits, which
# score above 90).
SENT_MIN = 60.0
# Budgets. Units per alignment group beyond this are aligned inside their aligned parents only
# (a report has ≤ 40 sections in practice; 80 keeps the assignment under ~10 ms). Sentence pairs
# compared inside one unit pair: beyond this the pair's redline is whole-text delete/insert.
MAX_GROUP_UNITS = 80
MAX_SENTENCE_PAIRS = 250 * 250
# difflib's matcher is quadratic in the lengths of the two sentences it diffs: a pair of more than this
# many character pairs (1,000 × 1,000: the longest sentence of the shipped reports has 370 characters)
# is diffed clause by clause (`_clause_opcodes`), so a text of long unpunctuated sentences costs
# seconds, not minutes (the hostile `sentence` case, one sentence of ~100,000 characters: 105 s → 3 s).
DIFF_CELLS_MAX = 1_000_000
# The characters a clause ends after, for that coarser diff: the clause punctuation of the formulation
# pass and the enumeration comma (a list's items are units of a diff too).
_CLAUSE_ENDS = re.compile(
    f"[{re.escape(''.join(sorted(formulations.CLAUSE_END_CHARS | {vocab.LIST_MARK})))}]")



@dataclass(frozen=True, slots=True)
class _Unit:
    block: Block
    index: int  # reading order within its level
    parent: str | None
    path: str
    own: Span  # the text this row shows and diffs: a part with sections shows only its lead


# The content words of each part and section of a report (by block id): those of its body with their
# term weights (in the order of first use), and those of its heading (`unit_words`).
UnitWords = Mapping[str, tuple[Mapping[str, float], tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class _Text:
    """One report as align reads it: its `Doc`, sentence ends, block labels and units' words."""

    report: Report
    outline: Outline
    folded: str
    tokens: Tokens
    cuts: tuple[int, ...]  # sentence ends, sorted
    labels: dict[str, str]  # `outline.paths`
    words: UnitWords


def _text(d: Doc, words: UnitWords | None = None) -> _Text:
    cuts = sorted({s.end for s in d.outline.sentences} | {len(d.report.text)})
    outline = d.outline if d.outline.blocks else _whole(d.outline, len(d.report.text))
    if outline is not d.outline:
        words = unit_words(d, outline)  # (the record's are of the real outline: none)
    return _Text(d.report, outline, d.folded, d.tokens, tuple(cuts), paths(outline),
                 words if words is not None else unit_words(d))


def _whole(o: Outline, size: int) -> Outline:
    """An outline of one untitled part over the whole body, for a text with no headings (a news digest
    told in running paragraphs, a pasted text): its two years still align as one unit, with a
    redline, and what one slot of it renames is a rewording. Only align reads it."""
    start = o.sentences[0].start if o.sentences else 0
    part = Block(WHOLE_ID, BlockLevel.PART, None, vocab.WHOLE_TITLE, Span(start, start), Span(start, size),
                 Role.OTHER)
    return Outline((part,), o.paragraphs, o.sentences)


def unit_words(d: Doc, outline: Outline | None = None) -> dict[str, tuple[dict[str, float], tuple[str, ...]]]:
    """The content words (`yoy.terms.is_content`) of every part and section of `d`, by block id: its
    body's in the order of first use, each with its term weight (1 + log of its count there: the tf
    of `_similarity`'s tf-idf), and its heading's. What `_similarity` compares, the same whatever `d`
    is aligned with: the pipeline keeps it in the report's record (`Analysis.unit_words`)."""
    ok = {w: is_content(w) for w in set(d.tokens.words)}  # each word judged once
    out: dict[str, tuple[dict[str, float], tuple[str, ...]]] = {}
    for part in (outline or d.outline).blocks:
        for b in (part, *part.children):
            body = Counter([w for w in d.tokens.within(b.span) if ok[w]])
            out[b.id] = ({w: 1.0 + math.log(c) for w, c in body.items()},
                         tuple(w for w in d.tokens.within(b.title_span) if ok[w]))
    return out


def unit_keys(d: Doc) -> dict[str, str]:
    """The matching form (`yoy.terms.key`) of the own text of every part and section of `d` (what a
    section-map row holds: `SectionPair.old_text`, `new_text`), by block id: the same whatever `d` is
    aligned with, so the pipeline keeps them in the report's record (`Analysis.unit_keys`) and a
    comparison that reads its aligned texts in matching form does not fold them again (≈ 45,000
    characters a national pair, ≈ 5 ms: measured)."""
    text = d.report.text
    out: dict[str, str] = {}
    for part in d.outline.blocks:
        own = _own(part)
        out[part.id] = key(text[own.start:own.end])
        for sec in part.children:
            out[sec.id] = key(text[sec.span.start:sec.span.end])
    return out


def _own(part: Block) -> Span:
    """A part's own text: its heading and what comes before its first section."""
    if part.children:
        return Span(part.span.start, max(part.span.start, part.children[0].span.start))
    return part.span


def _units(side: _Text, level: str) -> list[_Unit]:
    labels = side.labels
    out: list[_Unit] = []
    for part in side.outline.blocks:
        if level == "part":
            out.append(_Unit(part, len(out), None, labels[part.id], _own(part)))
        else:
            for sec in part.children:
                out.append(_Unit(sec, len(out), part.id, labels[sec.id], sec.span))
    return out


def _compatible(a: Role, b: Role) -> bool:
    return a == b or Role.OTHER in (a, b)


def _cosine(a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]) -> float:
    small, large = (a[0], b[0]) if len(a[0]) <= len(b[0]) else (b[0], a[0])
    return sum(x * large.get(k, 0.0) for k, x in small.items()) / (a[1] * b[1])


def _similarity(old: Sequence[_Unit], new: Sequence[_Unit], so: _Text, sn: _Text) -> list[list[float]]:
    """Score matrix old × new in [0, 1]; 0 where roles are incompatible."""
    bags_o = [so.words[u.block.id][0] for u in old]
    bags_n = [sn.words[u.block.id][0] for u in new]
    df: Counter[str] = Counter()
    for bag in (*bags_o, *bags_n):
        df.update(bag.keys())
    total = len(bags_o) + len(bags_n)
    idf = {w: math.log((1 + total) / (1 + d)) + 1.0 for w, d in df.items()}


    def vec(tf: Mapping[str, float]) -> tuple[dict[str, float], float]:
        v = {w: x * idf[w] for w, x in tf.items()}
        return v, math.sqrt(sum(x * x for x in v.values())) or 1.0

    vo, vn = [vec(b) for b in bags_o], [vec(b) for b in bags_n]
    # a heading's words count once each: tf 1 + log 1
    ho = [vec(dict.fromkeys(set(so.words[u.block.id][1]), 1.0)) for u in old]
    hn = [vec(dict.fromkeys(set(sn.words[u.block.id][1]), 1.0)) for u in new]
    matrix: list[list[float]] = []
    for i, u in enumerate(old):
        row = []
        for j, w in enumerate(new):
            if not _compatible(u.block.role, w.block.role):
                row.append(0.0)
                continue
            body = _cosine(vo[i], vn[j])
            # an unnumbered digest part has no heading: judge it by the body alone
            heading = _cosine(ho[i], hn[j]) if ho[i][0] and hn[j][0] else 0.0
            score = body + W_TITLE * heading * (1.0 - body)
            row.append(round(min(1.0, score), 4))
        matrix.append(row)
    return matrix


def assign(score: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment (Hungarian, O(n²m)); rows and columns may differ in number."""
    n = len(score)
    m = len(score[0]) if n else 0
    if not n or not m:
        return []
    transpose = n > m
    mat = [list(col) for col in zip(*score, strict=True)] if transpose else [list(r) for r in score]
    if transpose:
        n, m = m, n
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            row = mat[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]]
    return sorted((b, a) for a, b in pairs) if transpose else sorted(pairs)


def _lis(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of `pairs` (sorted by old index) whose new indexes increase: the in-order ones."""
    if not pairs:
        return set()
    tails: list[int] = []
    tail_at: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = j, k
        prev[k] = tail_at[pos - 1] if pos else -1
    keep, k = set(), tail_at[-1]
    while k >= 0:
        keep.add(pairs[k])
        k = prev[k]
    return keep


@dataclass(frozen=True, slots=True)
class _Link:
    old: _Unit | None
    new: _Unit | None
    relation: Relation
    score: float


def _gate(matrix: list[list[float]], compatible: list[list[bool]]) -> float:
    """The score a pair of this group must reach to count as a counterpart."""
    values = sorted(x for row, ok in zip(matrix, compatible, strict=True)
                    for x, c in zip(row, ok, strict=True) if c)
    if len(values) < MIN_NULL_PAIRS:
        return MATCH_FLOOR
    mid = len(values) // 2
    median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
    return max(MATCH_FLOOR, NULL_RATIO * median)


def _named(so: _Text, sn: _Text, u: _Unit, w: _Unit) -> bool:
    """Whether two units' headings speak of each other's text: a content word of one heading in the
    other unit's text (as a string: `贸易` is said in `对外贸易`, a word of its own to jieba); True when
    either has no heading words (nothing to judge by)."""
    head_u, head_w = so.words[u.block.id][1], sn.words[w.block.id][1]
    if not head_u or not head_w:
        return True
    text_u = so.folded[u.block.span.start:u.block.span.end]
    text_w = sn.folded[w.block.span.start:w.block.span.end]
    return any(x in text_w for x in head_u) or any(x in text_u for x in head_w)


def _supported(links: list[tuple[int, int]], old: list[_Unit], new: list[_Unit], so: _Text, sn: _Text
               ) -> list[tuple[int, int]]:
    """`links` without the members of a merge or split that the headings do not support (`_named`):
    two old sections sharing one counterpart (or one shared by two new ones) both need it, the core
    match as much as the leftover; a group where no member has it keeps all (nothing to tell them
    apart by). One-to-one links are kept as they are. What it removes: a second counterpart found
    through text neither heading names, such as the closing passages (民族, 国防, 外交-like topics
    after the numbered sections) that the last section of a part runs into on both sides; over the
    13 national pairs and the seed pair it removes 5 of the 104 merge and split links (part and
    section rows)."""
    olds: Counter[int] = Counter(i for i, _ in links)
    news: Counter[int] = Counter(j for _, j in links)
    grouped = [(i, j) for i, j in links if olds[i] > 1 or news[j] > 1]
    named = {(i, j) for i, j in grouped if _named(so, sn, old[i], new[j])}
    if not named:
        return links
    drop = set()
    for i, j in grouped:
        if (i, j) in named:
            continue
        # its group: the links sharing its old or its new unit
        mates = [(a, b) for a, b in grouped if (a == i or b == j) and (a, b) != (i, j)]
        if any(m in named for m in mates):
            drop.add((i, j))
    return [ln for ln in links if ln not in drop]


def _match(old: list[_Unit], new: list[_Unit], so: _Text, sn: _Text) -> list[_Link]:
    """Core assignment, split/merge links, new/dropped units of one group."""
    matrix = _similarity(old, new, so, sn)
    gate = _gate(matrix, [[_compatible(u.block.role, w.block.role) for w in new] for u in old])
    gated = [[s if s >= gate else 0.0 for s in row] for row in matrix]
    core = [(i, j) for i, j in assign(gated) if gated[i][j] > 0]
    core_of_old = {i: j for i, j in core}
    core_of_new = {j: i for i, j in core}
    extra: list[tuple[int, int]] = []
    for i in range(len(old)):
        if i in core_of_old:
            continue
        cands = [(matrix[i][j], -j) for j in core_of_new]
        if cands:
            s, neg_j = max(cands)
            j = -neg_j
            if s >= gate and s >= LINK_REL * matrix[core_of_new[j]][j]:
                extra.append((i, j))
    taken_old = set(core_of_old) | {i for i, _ in extra}
    for j in range(len(new)):
        if j in core_of_new:
            continue
        cands = [(matrix[i][j], -i) for i in core_of_old]
        if cands:
            s, neg_i = max(cands)
            i = -neg_i
            if s >= gate and s >= LINK_REL * matrix[i][core_of_old[i]]:
                extra.append((i, j))
    kept = _supported([*core, *extra], old, new, so, sn)
    if len(kept) < len(core) + len(extra):  # a merge or split lost a member: the rest may be one-to-one
        core = [ln for ln in kept if ln in core] + [ln for ln in kept if ln not in core
                                                    and sum(a == ln[0] or b == ln[1] for a, b in kept) == 1]
        extra = [ln for ln in kept if ln not in core]
        taken_old = {i for i, _ in kept}
    in_order = _lis(sorted(core))
    olds: Counter[int] = Counter(i for i, _ in (*core, *extra))
    news: Counter[int] = Counter(j for _, j in (*core, *extra))
    links: list[_Link] = []
    for i, j in sorted((*core, *extra)):
        links.append(_Link(old[i], new[j], _relation(olds[i], news[j], (i, j) in in_order), matrix[i][j]))
    linked_new = set(news)
    links += [_Link(old[i], None, Relation.DROPPED, 0.0) for i in range(len(old)) if i not in taken_old]
    links += [_Link(None, new[j], Relation.NEW, 0.0) for j in range(len(new)) if j not in linked_new]
    return links


def _relation(partners_of_old: int, partners_of_new: int, in_order: bool) -> Relation:
    """A link's relation from how many counterparts its two units have and whether it keeps the
    order of the one-to-one links: merged (the new unit has several), split (the old one has), else
    matched or moved."""
    if partners_of_new > 1:
        return Relation.MERGED
    if partners_of_old > 1:
        return Relation.SPLIT
    return Relation.MATCHED if in_order else Relation.MOVED


def _by_children(part_links: list[_Link], sec_links: Sequence[_Link]) -> list[_Link]:
    """`part_links` with a link for every dropped or new part whose sections mostly (`MOSTLY`) align
    with the sections of one part on the other side: the part is not gone, its lead was reworded. The
    new link's score is the mean of the section links that carry it; it is a merge or a split when its
    partner has another counterpart, else matched (moved when it breaks the order of the others)."""
    olds = {ln.old.block.id: ln.old for ln in part_links if ln.old}
    news = {ln.new.block.id: ln.new for ln in part_links if ln.new}
    carried: dict[tuple[str, str], list[_Link]] = {}  # (old part, new part) → their sections' links
    for ln in sec_links:
        if ln.old and ln.new and ln.old.parent and ln.new.parent:
            carried.setdefault((ln.old.parent, ln.new.parent), []).append(ln)
    # how many distinct sections of each part the links carry to each part of the other side
    reach: dict[tuple[int, str], Counter[str]] = {}
    for (a, b), links in carried.items():
        reach.setdefault((0, a), Counter())[b] = len({x.old.block.id for x in links if x.old})
        reach.setdefault((1, b), Counter())[a] = len({x.new.block.id for x in links if x.new})
    adopted: set[tuple[str, str]] = set()
    for ln in part_links:
        side, unit = (0, ln.old) if ln.relation is Relation.DROPPED else (1, ln.new)
        if ln.relation not in (Relation.DROPPED, Relation.NEW) or unit is None:
            continue
        shares = reach.get((side, unit.block.id))
        if not shares or not unit.block.children:
            continue
        partner, n = max(shares.items(), key=lambda kv: (kv[1], kv[0]))
        if n > MOSTLY * len(unit.block.children):
            adopted.add((unit.block.id, partner) if side == 0 else (partner, unit.block.id))
    if not adopted:
        return part_links
    gone_old = {a for a, _ in adopted}
    gone_new = {b for _, b in adopted}
    links = [ln for ln in part_links
             if not (ln.relation is Relation.DROPPED and ln.old and ln.old.block.id in gone_old)
             and not (ln.relation is Relation.NEW and ln.new and ln.new.block.id in gone_new)]
    pairs = [(ln.old.block.id, ln.new.block.id) for ln in links if ln.old and ln.new] + sorted(adopted)
    n_old: Counter[str] = Counter(a for a, _ in pairs)
    n_new: Counter[str] = Counter(b for _, b in pairs)
    in_order = _lis(sorted((olds[a].index, news[b].index) for a, b in pairs if n_old[a] == n_new[b] == 1))

    def relation(a: str, b: str, was: Relation) -> Relation:
        if n_new[b] > 1 or n_old[a] > 1 or (a, b) in adopted:
            return _relation(n_old[a], n_new[b], (olds[a].index, news[b].index) in in_order)
        return was

    out = [_Link(ln.old, ln.new, relation(ln.old.block.id, ln.new.block.id, ln.relation), ln.score)
           if ln.old and ln.new else ln for ln in links]
    for a, b in sorted(adopted):
        scores = [x.score for x in carried[(a, b)]]
        out.append(_Link(olds[a], news[b], relation(a, b, Relation.MATCHED),
                         round(sum(scores) / len(scores), 4)))
    return out


def _groups(old: list[_Unit], new: list[_Unit], parent_map: dict[str, set[str]]
            ) -> list[tuple[list[_Unit], list[_Unit]]]:
    """Units to align together: all of a level, or, past the budget, children of aligned parents."""
    if len(old) <= MAX_GROUP_UNITS and len(new) <= MAX_GROUP_UNITS:
        return [(old, new)]
    groups: list[tuple[list[_Unit], list[_Unit]]] = []
    for po, pns in sorted(parent_map.items()):
        groups.append(([u for u in old if u.parent == po], [u for u in new if u.parent in pns]))
    paired_old = set(parent_map)
    paired_new = set().union(*parent_map.values()) if parent_map else set()
    groups.append(([u for u in old if u.parent not in paired_old], []))
    groups.append(([], [u for u in new if u.parent not in paired_new]))
    return groups


# --- redline --------------------------------------------------------------------------------


def _pieces(side: _Text, span: Span) -> list[Span]:
    """`span` cut at sentence ends: sentences that tile it exactly."""
    lo, hi = bisect_right(side.cuts, span.start), bisect_left(side.cuts, span.end)
    out: list[Span] = []
    start = span.start
    for cut in [*side.cuts[lo:hi], span.end]:
        if cut <= start:
            continue
        if out and not side.folded[start:cut].strip():  # line breaks join the sentence before them
            out[-1] = Span(out[-1].start, cut)
        else:
            out.append(Span(start, cut))
        start = cut
    return out


def _floor(bounds: list[int], x: int) -> int:
    return bounds[bisect_right(bounds, x) - 1]


def _ceil(bounds: list[int], x: int) -> int:
    return bounds[bisect_left(bounds, x)]


_Opcode = tuple[str, int, int, int, int]


def _char_opcodes(fa: str, fb: str) -> Sequence[_Opcode]:
    """difflib's opcodes of a character diff of `fa` and `fb`; past DIFF_CELLS_MAX, `_clause_opcodes`."""
    if len(fa) * len(fb) <= DIFF_CELLS_MAX:
        return SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes()
    return _clause_opcodes(fa, fb)


def _clause_cuts(f: str) -> list[int]:
    """0, the offset after each clause end of `f`, and its length."""
    return sorted({0, *(m.end() for m in _CLAUSE_ENDS.finditer(f)), len(f)})


def _clause_opcodes(fa: str, fb: str) -> list[_Opcode]:
    """A diff of two long texts by their clauses: rapidfuzz's Indel over the two clause lists (clauses
    compared whole), each run of differing clauses diffed character by character when it is within
    DIFF_CELLS_MAX again, else changed whole."""
    ca, cb = _clause_cuts(fa), _clause_cuts(fb)
    ta = [fa[x:y] for x, y in itertools.pairwise(ca)]
    tb = [fb[x:y] for x, y in itertools.pairwise(cb)]
    out: list[_Opcode] = []
    for op in Indel.opcodes(ta, tb):
        i1, i2, j1, j2 = ca[op.src_start], ca[op.src_end], cb[op.dest_start], cb[op.dest_end]
        if op.tag == "equal":
            out.append(("equal", i1, i2, j1, j2))
        elif out and out[-1][0] != "equal":  # a run of deletes and inserts is one changed stretch
            _, a1, _, b1, _ = out[-1]
            out[-1] = ("replace", a1, i2, b1, j2)
        else:
            out.append(("replace", i1, i2, j1, j2))
    refined: list[_Opcode] = []
    for tag, i1, i2, j1, j2 in out:
        if tag != "equal" and (i2 - i1) * (j2 - j1) <= DIFF_CELLS_MAX:
            inner = SequenceMatcher(None, fa[i1:i2], fb[j1:j2], autojunk=False).get_opcodes()
            refined += [(t, a + i1, b + i1, c + j1, d + j1) for t, a, b, c, d in inner]
        else:
            refined.append((tag, i1, i2, j1, j2))
    return refined


def word_regions(fa: str, fb: str, ba: list[int], bb: list[int]) -> list[tuple[int, int, int, int]]:
    """Changed regions (i1, i2, j1, j2) of a character diff, widened to whole words on both sides.

    `ba`/`bb` are the word boundaries of `fa`/`fb` (with 0 and the length). A changed character
    widens to its word; the same widening is mirrored onto the other side so that the equal text in
    between stays equal.
    """
    regions = [[i1, i2, j1, j2] for tag, i1, i2, j1, j2 in _char_opcodes(fa, fb) if tag != "equal"]
    changed = True
    while changed:
        changed = False
        out: list[list[int]] = []
        for i1, i2, j1, j2 in regions:
            while True:
                left = max(i1 - _floor(ba, i1), j1 - _floor(bb, j1))
                right = max(_ceil(ba, i2) - i2, _ceil(bb, j2) - j2)
                if not left and not right:
                    break
                i1, j1 = max(0, i1 - left), max(0, j1 - left)
                i2, j2 = min(len(fa), i2 + right), min(len(fb), j2 + right)
            if out and (i1 <= out[-1][1] or j1 <= out[-1][3]):
                prev = out[-1]
                out[-1] = [min(prev[0], i1), max(prev[1], i2), min(prev[2], j1), max(prev[3], j2)]
                changed = True
            else:
                out.append([i1, i2, j1, j2])
        regions = out
    return [(r[0], r[1], r[2], r[3]) for r in regions]


def _sentence_diff(so: _Text, a: Span, sn: _Text, b: Span) -> list[tuple[Op, str]]:
    ta, tb = so.report.text[a.start:a.end], sn.report.text[b.start:b.end]
    fa, fb = so.folded[a.start:a.end], sn.folded[b.start:b.end]
    if fa == fb:
        return [(Op.EQUAL, tb)]
    regions = word_regions(fa, fb, so.tokens.bounds(a), sn.tokens.bounds(b))
    out: list[tuple[Op, str]] = []
    pa = pb = 0
    for i1, i2, j1, j2 in regions:
        if fa[pa:i1] == fb[pb:j1]:
            out.append((Op.EQUAL, tb[pb:j1]))
        else:
            out += [(Op.DELETE, ta[pa:i1]), (Op.INSERT, tb[pb:j1])]
        out += [(Op.DELETE, ta[i1:i2]), (Op.INSERT, tb[j1:j2])]
        pa, pb = i2, j2
    if fa[pa:] == fb[pb:]:
        out.append((Op.EQUAL, tb[pb:]))
    else:
        out += [(Op.DELETE, ta[pa:]), (Op.INSERT, tb[pb:])]
    return out


# The lengths a sentence of n characters can reach SENT_MIN against: the ratio is at most
# 100 · 2·min / (sum of the lengths) (the Indel distance is at least the length difference), so the
# other length lies within n · c / (2 − c) … n · (2 − c) / c for c = SENT_MIN / 100; one character of
# slack either side keeps float rounding out of it (what falls outside cannot score SENT_MIN).
_SENT_SHORTEST = (SENT_MIN / 100) / (2 - SENT_MIN / 100)
_SENT_LONGEST = (2 - SENT_MIN / 100) / (SENT_MIN / 100)


def _sentence_pairs(fa: list[str], fb: list[str]) -> list[tuple[int, int]]:
    """In-order sentence anchors: best-first one-to-one matching above SENT_MIN, then the LIS. Each
    old sentence is scored against the new ones of a length that can reach SENT_MIN only (`fb` by
    length, a slice found by bisection: about two thirds of the pairs of a national report)."""
    edges: list[tuple[float, int, int]] = []
    order = sorted(range(len(fb)), key=lambda j: len(fb[j]))
    lengths = [len(fb[j]) for j in order]
    by_length = [fb[j] for j in order]
    for i, q in enumerate(fa):
        if not q:
            continue
        lo = bisect_left(lengths, len(q) * _SENT_SHORTEST - 1)
        hi = bisect_right(lengths, len(q) * _SENT_LONGEST + 1)
        for _, s, k in process.extract(q, by_length[lo:hi], scorer=fuzz.ratio, limit=None,
                                       score_cutoff=SENT_MIN):
            j = order[lo + k]
            if fb[j]:
                edges.append((-s, i, j))
    return anchors(edges)


def anchors(edges: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """The anchor pairs of scored sentence pairs (-score, old, new): best first, each sentence used
    once, then the longest run that keeps both orders (`_lis`)."""
    edges.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for _, i, j in edges:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((i, j))
    return sorted(_lis(sorted(chosen)))


def _over_budget(pa: Sequence[Span], pb: Sequence[Span]) -> bool:
    """Whether aligning these sentences costs more than MAX_SENTENCE_PAIRS comparisons."""
    return len(pa) * len(pb) > MAX_SENTENCE_PAIRS


def _redline(so: _Text, a: Span, pa: Sequence[Span], sn: _Text, b: Span, pb: Sequence[Span]
             ) -> tuple[DiffChunk, ...]:
    """Word-sized redline of two spans cut into sentences (`_pieces`): sentences aligned first,
    characters diffed inside each pair."""
    raw: list[tuple[Op, str]] = []
    if _over_budget(pa, pb):
        raw = [(Op.DELETE, so.report.text[a.start:a.end]), (Op.INSERT, sn.report.text[b.start:b.end])]
    else:
        fa = [so.folded[s.start:s.end].strip() for s in pa]
        fb = [sn.folded[s.start:s.end].strip() for s in pb]
        i0 = j0 = 0
        for i, j in [*_sentence_pairs(fa, fb), (len(pa), len(pb))]:
            raw += [(Op.DELETE, so.report.text[s.start:s.end]) for s in pa[i0:i]]
            raw += [(Op.INSERT, sn.report.text[s.start:s.end]) for s in pb[j0:j]]
            if i < len(pa):
                raw += _sentence_diff(so, pa[i], sn, pb[j])
            i0, j0 = i + 1, j + 1
    return merge_chunks(raw)


def merge_chunks(raw: Sequence[tuple[Op, str]]) -> tuple[DiffChunk, ...]:
    """Drop empty chunks, join runs of one op, put a delete before its insert."""
    ops: list[Op] = []
    texts: list[str] = []
    for op, text in raw:
        if not text:
            continue
        if ops and ops[-1] is op:
            texts[-1] += text
        elif op is Op.DELETE and len(ops) >= 2 and ops[-1] is Op.INSERT and ops[-2] is Op.DELETE:
            texts[-2] += text
        else:
            ops.append(op)
            texts.append(text)
    return tuple(DiffChunk(op, text) for op, text in zip(ops, texts, strict=True))


# --- the stage ------------------------------------------------------------------------------


def _rows(links: list[_Link], level: str) -> list[tuple[tuple[float, int, int], _Link]]:
    """Rows in old reading order; a new-only row follows the row of its nearest earlier new sibling."""
    anchor: dict[int, float] = {}
    for ln in links:
        if ln.old and ln.new:
            anchor.setdefault(ln.new.index, ln.old.index)
    keyed = []
    for ln in links:
        if ln.old:
            key = (float(ln.old.index), 0, ln.new.index if ln.new else -1)
        else:
            assert ln.new is not None
            earlier = [anchor[k] for k in anchor if k < ln.new.index]
            key = ((max(earlier) if earlier else -1.0) + 0.5, 1, ln.new.index)
        keyed.append((key, ln))
    return sorted(keyed, key=lambda kv: (kv[0], kv[1].old.block.id if kv[1].old else ""))


def align(old: Doc, new: Doc, words: tuple[UnitWords | None, UnitWords | None] = (None, None)) -> Alignment:
    """Section map old → new: part rows, then section rows, each with its relation, score and redline;
    with both outlines' labels and a note wherever a budget cut the work short. `words`: `unit_words`
    of the old and the new report, when the caller has them (else worked out here)."""
    so, sn = _text(old, words[0]), _text(new, words[1])
    notes: list[str] = []
    n_old = sum(len(p.children) for p in old.outline.blocks)
    n_new = sum(len(p.children) for p in new.outline.blocks)
    if max(n_old, n_new) > MAX_GROUP_UNITS:
        notes.append(vocab.budget_sections(n_old, n_new, MAX_GROUP_UNITS))
    part_links = _match(_units(so, "part"), _units(sn, "part"), so, sn)
    parent_map: dict[str, set[str]] = {}
    for ln in part_links:
        if ln.old and ln.new:
            parent_map.setdefault(ln.old.block.id, set()).add(ln.new.block.id)
    sec_links: list[_Link] = []
    for go, gn in _groups(_units(so, "section"), _units(sn, "section"), parent_map):
        sec_links += _match(go, gn, so, sn)
    part_links = _by_children(part_links, sec_links)
    ordered = [(lvl, ln) for lvl, links in ((PairLevel.PART, part_links), (PairLevel.SECTION, sec_links))
               for _, ln in _rows(links, lvl)]
    pairs = []
    for k, (lvl, ln) in enumerate(ordered, 1):
        o, n = ln.old, ln.new
        diff: tuple[DiffChunk, ...] = ()
        if o and n:
            pa, pb = _pieces(so, o.own), _pieces(sn, n.own)
            diff = _redline(so, o.own, pa, sn, n.own, pb)
            if _over_budget(pa, pb):
                notes.append(vocab.budget_redline(f"a{k}", len(pa), len(pb)))
        pairs.append(SectionPair(
            id=f"a{k}", old_id=o.block.id if o else None, new_id=n.block.id if n else None,
            old_title=o.block.title if o else None, new_title=n.block.title if n else None,
            old_path=o.path if o else None, new_path=n.path if n else None, level=lvl,
            relation=ln.relation, score=ln.score,
            old_text=so.report.text[o.own.start:o.own.end] if o else None,
            new_text=sn.report.text[n.own.start:n.own.end] if n else None, diff=diff))
    return Alignment(tuple(pairs), so.labels, sn.labels, tuple(notes))


# --- sentence rows (the reviewer's side-by-side view) ------------------------------------------

# A sentence ends after 。！？!? (and any closing quotes or brackets) or at a line break.
_SENT_END = re.compile(r"[。！？!?][”’」』）)】]*|\n+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a row: its redline chunks (equal/delete old, equal/insert new)."""

    chunks: tuple[DiffChunk, ...]
    para: bool = False  # a paragraph ends after it

    @property
    def text(self) -> str:
        """The sentence as written."""
        return "".join(c.text for c in self.chunks)


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One row of the side-by-side view: old sentences opposite new ones.

    `op` is "equal" (one sentence, the same on both sides), "changed" (one aligned pair, reworded:
    the chunks hold the word redline), "delete" / "insert" (sentences of one side only, with no
    counterpart between two anchors) or "replace" (the unaligned sentences of both sides between
    two anchors, set opposite each other as blocks).
    """

    op: str
    old: tuple[Sentence, ...]
    new: tuple[Sentence, ...]


def split_sentences(text: str) -> list[tuple[str, bool]]:
    """`text` cut into sentences: (sentence without its line break, ends a paragraph)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        piece = text[pos:m.end()]
        pos = m.end()
        para = "\n" in piece
        body = piece.rstrip("\n")
        if body.strip():
            out.append((body, para))
        elif out and para:
            out[-1] = (out[-1][0], True)
    if text[pos:].strip():
        out.append((text[pos:], False))
    return out


def _word_pieces(text: str) -> list[str]:
    """`text` as jieba words (segmented on the folded form, cut from the original: same length)."""
    out, pos = [], 0
    for w in words(fold(text)):
        out.append(text[pos:pos + len(w)])
        pos += len(w)
    if pos < len(text):
        out.append(text[pos:])
    return out


def word_diff(old: str, new: str) -> tuple[tuple[DiffChunk, ...], tuple[DiffChunk, ...]]:
    """Word-level redline of two aligned sentences: (old side: equal/delete, new side: equal/insert)."""
    wa, wb = _word_pieces(old), _word_pieces(new)
    fa, fb = [fold(w) for w in wa], [fold(w) for w in wb]
    side_a: list[tuple[Op, str]] = []
    side_b: list[tuple[Op, str]] = []
    for op in Indel.opcodes(fa, fb):
        a, b = "".join(wa[op.src_start:op.src_end]), "".join(wb[op.dest_start:op.dest_end])
        if op.tag == "equal":
            side_a.append((Op.EQUAL, a))
            side_b.append((Op.EQUAL, b))
        else:
            side_a.append((Op.DELETE, a))
            side_b.append((Op.INSERT, b))
    return merge_chunks(side_a), merge_chunks(side_b)


def sentence_rows(old: str, new: str) -> tuple[SentenceRow, ...]:
    """Two texts as rows of aligned sentences: in-order anchors (rapidfuzz ratio ≥ SENT_MIN), the
    unaligned sentences between two anchors as one row, a word redline inside every aligned pair
    that differs."""
    sa, sb = split_sentences(old), split_sentences(new)
    fa = [fold(s).strip() for s, _ in sa]
    fb = [fold(s).strip() for s, _ in sb]
    anchors = [] if len(sa) * len(sb) > MAX_SENTENCE_PAIRS else _sentence_pairs(fa, fb)
    rows: list[SentenceRow] = []
    i0 = j0 = 0
    for i, j in [*anchors, (len(sa), len(sb))]:
        gap_a = tuple(Sentence((DiffChunk(Op.DELETE, t),), p) for t, p in sa[i0:i])
        gap_b = tuple(Sentence((DiffChunk(Op.INSERT, t),), p) for t, p in sb[j0:j])
        if gap_a or gap_b:
            rows.append(SentenceRow("replace" if gap_a and gap_b else "delete" if gap_a else "insert",
                                    gap_a, gap_b))
        if i < len(sa):
            (ta, pa), (tb, pb) = sa[i], sb[j]
            if fa[i] == fb[j]:
                rows.append(SentenceRow(Op.EQUAL, (Sentence((DiffChunk(Op.EQUAL, ta),), pa),),
                                        (Sentence((DiffChunk(Op.EQUAL, tb),), pb),)))
            else:
                ca, cb = word_diff(ta, tb)
                rows.append(SentenceRow("changed", (Sentence(ca, pa),), (Sentence(cb, pb),)))
        i0, j0 = i + 1, j + 1
    return tuple(rows)
