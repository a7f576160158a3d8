"""The significance ranking: a score for each kind of change and the brief's order of news (`_merge`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from yoy import figures, vocab
from yoy.classify.sides import Signal, _Found
from yoy.classify.weights import (
    LEAD_HEAD,
    LEAD_PER_GAP,
    SECTION_BASE,
    SECTION_MOVED_SPAN,
    SECTION_NEW_SPAN,
    SECTION_SIZE_SCALE,
    TARGET_BASE,
    TARGET_SPAN,
)
from yoy.models import (
    CHANGE_LABELS,
    DIRECTION_LABELS,
    LEVEL_LABELS,
    RELATION_LABELS,
    Change,
    Direction,
    Kind,
    RankedChange,
    RankedKind,
    Relation,
    Report,
    SectionPair,
    TargetChange,
)


def _rank(found: Sequence[_Found], targets: Sequence[TargetChange], pairs: Sequence[SectionPair],
          old: Report, new: Report) -> list[RankedChange]:
    items: list[tuple[float, RankedKind, str, str, str]] = []  # score, kind, ref, summary, reason
    stream_of: dict[int, int] = {}  # item index → _stream of a priority
    short: set[int] = set()  # item indices of new phrases of one short word (`_Found.short`)
    for f in found:
        p = f.priority
        if p.change is Change.REWORDED:
            summary = f"{p.old_term} → {p.term}"
        elif p.change is Change.CONTINUED:
            summary = vocab.per10k_summary(p.term, p.old_per10k, p.new_per10k)
        else:
            summary = f"{CHANGE_LABELS[p.change]}：{p.term}"
        reason = f.reason
        if p.note:
            side = new if p.change is Change.DROPPED else old
            reason += vocab.absence_reason(side.meta.kind)
        stream_of[len(items)] = _stream(f)
        if f.short:
            short.add(len(items))
        items.append((f.score, RankedKind.PRIORITY, p.term, summary, reason))
    # equal in both, or a digest's omission: no change to rank
    changed = [t for t in targets if t.direction not in (Direction.UNCHANGED, Direction.SAME,
                                                         Direction.NOT_STATED)]
    for k, t in enumerate(changed):
        ov = t.old.value if t.old else "—"
        nv = t.new.value if t.new else "—"
        moved = t.direction in (Direction.UP, Direction.DOWN)
        step = figures.change(t.old, t.new) if moved and t.old and t.new else None
        if step is not None:
            delta, _, unit = step
            reason = vocab.target_reason(DIRECTION_LABELS[t.direction], delta, unit)
        else:
            reason = vocab.target_reason(DIRECTION_LABELS[t.direction])
        score = TARGET_BASE + TARGET_SPAN * (1 - k / len(changed))
        items.append((score, RankedKind.TARGET, t.indicator, f"{t.indicator}：{ov} → {nv}", reason))
    total_o, total_n = max(1, len(old.text)), max(1, len(new.text))
    for s in pairs:
        if s.relation is Relation.MATCHED:
            continue
        size = len(s.old_text or "") / total_o if s.old_text else len(s.new_text or "") / total_n
        label = f"{s.old_path or s.old_title or ''} → {s.new_path or s.new_title or ''}"
        if s.relation in (Relation.NEW, Relation.DROPPED):
            score = SECTION_BASE + SECTION_NEW_SPAN * min(1.0, size * SECTION_SIZE_SCALE)
            title = s.new_title if s.relation is Relation.NEW else s.old_title
            summary = f"{RELATION_LABELS[s.relation]}{LEVEL_LABELS[s.level]}：{title or ''}"
        else:
            score = SECTION_BASE + SECTION_MOVED_SPAN * min(1.0, size * SECTION_SIZE_SCALE)
            summary = f"{RELATION_LABELS[s.relation]}{LEVEL_LABELS[s.level]}：{label}"
        share = vocab.NEW_SIDE if s.relation is Relation.NEW else vocab.OLD_SIDE
        reason = vocab.section_reason(LEVEL_LABELS[s.level], RELATION_LABELS[s.relation], share, size)
        # a section the other text lacks, where that text is a digest or a part: maybe only left out
        lacking = new if s.relation is Relation.DROPPED else old if s.relation is Relation.NEW else None
        if lacking is not None and lacking.meta.kind is not Kind.FULL:
            reason += vocab.absence_reason(lacking.meta.kind)
        items.append((score, RankedKind.SECTION, s.id, summary, reason))
    kind_order = {RankedKind.TARGET: 0, RankedKind.PRIORITY: 1, RankedKind.SECTION: 2}

    def order(k: int) -> tuple[float, int, str, str]:
        x = items[k]
        return (-round(x[0], 6), kind_order[x[1]], x[2], x[3])

    by_score = sorted(range(len(items)), key=order)
    lead = [k for k in by_score if stream_of.get(k) == LEAD]
    gaps = [k for k in by_score if stream_of.get(k) == GAPS]
    heads = set(lead) | set(gaps)
    top = [k for k in by_score if items[k][1] is RankedKind.TARGET]
    rest = [k for k in by_score if k not in heads and items[k][1] is not RankedKind.TARGET]
    ordered = [*top, *_merge(lead, gaps, short), *rest]
    # (positional, in field order: ≈ 1,500 records a national pair)
    return [RankedChange(n, kind, ref, summary, round(score, 4), reason)
            for n, (score, kind, ref, summary, reason) in enumerate((items[k] for k in ordered), 1)]


# Streams of priorities in the ranking: stance changes, debuts and returns (LEAD); gaps (GAPS); the
# rest — flips of wording, continued intensity shifts, common words — ranked by score with the section
# moves below both.
LEAD, GAPS, REST = 0, 1, 2
_LEAD_SIGNALS = (Signal.STANCE, Signal.SLOT, Signal.SWAP, Signal.LEXICON, Signal.DEBUT, Signal.RETURN,
                 Signal.SURGE)


def _stream(f: _Found) -> int:
    if f.common:
        return REST
    if f.signal in _LEAD_SIGNALS:
        return LEAD
    return GAPS if f.signal is Signal.GAP else REST


def _merge(lead: Sequence[int], gaps: Sequence[int], short: Iterable[int] = ()) -> list[int]:
    """The brief's order of news: the first LEAD_HEAD are the strongest new formulations and stance
    changes, then dropped formulations and new ones alternate, each kind in its own score order (a
    press analysis lists both; neither starves the other). When one kind runs out the other goes on.
    New phrases of one short word (`short`, `SHORT_MAX`) take no place in the head: they lead the
    rest of the new stream, in their order."""
    skip = set(short)
    head = [k for k in lead if k not in skip][:LEAD_HEAD]
    taken = set(head)
    lead = [*head, *(k for k in lead if k not in taken)]
    out = list(lead[:LEAD_HEAD])
    a, b = LEAD_HEAD, 0
    while a < len(lead) or b < len(gaps):
        if b < len(gaps):
            out.append(gaps[b])
            b += 1
        out.extend(lead[a:a + LEAD_PER_GAP])
        a += LEAD_PER_GAP
    return out
