"""The two reports of a comparison as classify reads them (`_Side`): where a phrase is, the sentences that
prove it, headings and sentences of thanks; the `Signal` of a change and the `_Found` record."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from yoy import figures, formulations, outline, vocab
from yoy.classify.weights import _SENTENCE_BREAK, _THANKS, THANKS_REACH
from yoy.history import Said, occurrences
from yoy.models import (
    Alignment,
    Analysis,
    Block,
    Doc,
    Evidence,
    Priority,
    Report,
    Role,
    Side,
    Span,
)
from yoy.terms import key


class Signal(StrEnum):
    """Why a priority is a change: its history signal or how a rewording was found."""

    DEBUT = "debut"  # never said in the region's earlier reports
    RETURN = "return"  # said before, absent from the latest RETURN_GAP reports, said again
    FLIP = "flip"  # present/absent in the last report only: wording that comes and goes
    GAP = "gap"  # said GAP_RUN+ reports running, now absent
    STANCE = "stance"  # same head, new modifier
    SLOT = "slot"  # replacement in aligned sentences
    LEXICON = "lexicon"  # a succession the lexicon lists
    SWAP = "swap"  # one word of a formulation replaced, the rest of it kept (`_swaps`)
    SURGE = "surge"  # absent from the old report, said now more than twice all earlier reports together
    SPIKE = "spike"  # continued, intensity up
    FADE = "fade"  # continued, intensity down


@dataclass(frozen=True, slots=True)
class _Side:
    doc: Doc
    label: Side
    paths: dict[str, str]
    pair_of: dict[str, str]
    blocks: tuple[Block, ...]  # parts and sections, by start
    starts: tuple[int, ...]
    sent_starts: tuple[int, ...]
    heading_text: str  # the headings and lead sentences in `key` form, joined by | (`heading_text`)
    analysis: Analysis  # the formulation pass's per-report record (`formulations.analyse`)
    said: Said | None = None  # which of its strings other texts say, when worked out before
    thanks: tuple[tuple[int, int], ...] = ()  # flat spans of its sentences of thanks (`_thanks_spans`)
    figured: tuple[tuple[int, int], ...] = ()  # flat spans of its stated figures (`_figure_spans`)
    # the evidence of each sentence asked for, by its start: many priorities quote the same sentence
    # (a memo of this one comparison, dropped with it)
    quoted: dict[int, Evidence] = field(default_factory=dict, compare=False, repr=False)

    @property
    def report(self) -> Report:
        return self.doc.report

    @property
    def flat(self) -> str:
        return self.doc.flat

    @property
    def year(self) -> int:
        return self.doc.report.meta.year

    def block_at(self, pos: int) -> Block | None:
        """The innermost part or section containing `pos`."""
        k = bisect_right(self.starts, pos) - 1
        while k >= 0:
            b = self.blocks[k]
            if b.span.start <= pos < b.span.end:
                return b
            k -= 1
        return None

    def sentence_at(self, pos: int) -> Span:
        k = max(0, bisect_right(self.sent_starts, pos) - 1)
        sents = self.doc.outline.sentences
        if sents and sents[k].start <= pos < sents[k].end:
            return sents[k]
        return Span(pos, pos)

    def locate(self, span: Span) -> figures.Located:
        b = self.block_at(span.start)
        if b is None:
            return figures.Located(self.label, span, "", None, Role.OTHER)
        return figures.Located(self.label, span, self.paths.get(b.id, ""), self.pair_of.get(b.id), b.role)

    def evidence(self, span: Span) -> Evidence:
        sent = self.sentence_at(span.start)
        if len(sent) == 0:
            return self._evidence(span)
        ev = self.quoted.get(sent.start)
        if ev is None:
            ev = self.quoted[sent.start] = self._evidence(sent)
        return ev

    def evidence_of(self, pos: int, n: int) -> Evidence:
        """`evidence` of the `report.text` span of `flat[pos:pos + n]` (`Doc.span_of`), the span built
        only when no sentence holds it (a comparison asks some thousands of these)."""
        origin = self.doc.origin
        if n > 0 and origin:
            start = origin[pos]
            k = max(0, bisect_right(self.sent_starts, start) - 1)
            sents = self.doc.outline.sentences
            if sents and sents[k].start <= start < sents[k].end:  # `sentence_at`: a sentence, not empty
                sent = sents[k]
                ev = self.quoted.get(sent.start)
                if ev is None:
                    ev = self.quoted[sent.start] = self._evidence(sent)
                return ev
        return self.evidence(self.doc.span_of(pos, pos + n))

    def _evidence(self, sent: Span) -> Evidence:
        b = self.block_at(sent.start)  # as `locate` places it, without its record
        path, pair_id = (self.paths.get(b.id, ""), self.pair_of.get(b.id)) if b is not None else ("", None)
        sentence = self.report.text[sent.start:sent.end].strip()
        return Evidence(self.year, self.label, path, sentence, sent, pair_id)  # (field order: some thousands)


def _side(d: Doc, alignment: Alignment, label: Side, analysis: Analysis | None = None,
          said: Said | None = None) -> _Side:
    pairs = alignment.pairs
    pair_of: dict[str, str] = {}
    for p in pairs:  # first row of a block wins: rows are in reading order, core before extra links
        k = p.old_id if label is Side.OLD else p.new_id
        if k is not None:
            pair_of.setdefault(k, p.id)
    blocks = outline.by_start(d.outline)
    labels = alignment.old_paths if label is Side.OLD else alignment.new_paths
    an = analysis if analysis is not None else formulations.analyse(d)
    return _Side(d, label, labels, pair_of, tuple(blocks),
                 tuple(b.span.start for b in blocks), tuple(s.start for s in d.outline.sentences),
                 an.heading_text if an.heading_text is not None else _heading_text(d, blocks), an, said,
                 _thanks_spans(d.flat) if an.marks is None else ())  # the marks know the thanked phrases


def _thanks_spans(flat: str) -> tuple[tuple[int, int], ...]:
    """The flat spans of the sentences of `flat` that hold a formula of thanks (`vocab.THANKS`)."""
    out = []
    for m in _THANKS.finditer(flat):
        head = flat[max(0, m.start() - THANKS_REACH):m.start()]
        start = m.start() - len(_SENTENCE_BREAK.split(head)[-1])
        end = _SENTENCE_BREAK.search(flat, m.end())
        out.append((start, end.end() if end else len(flat)))
    return tuple(out)


def _thanked(side: _Side, t: str) -> bool:
    """Every place of the candidate phrase `t` is in a sentence of thanks: an addressee. Known from
    the record (`salience_marks`); never so for a string that is no candidate phrase."""
    marks = side.analysis.marks
    if marks is not None:
        return t in marks.thanked
    places = _places(side, t) if side.thanks else None
    return _thanked_at(side.thanks, places or ())


def _thanked_at(thanks: Sequence[tuple[int, int]], places: Sequence[int]) -> bool:
    """Some of `places` and every one of them inside one of the spans `thanks` (`_thanks_spans`)."""
    if not places or not thanks:
        return False
    return all(any(a <= p < b for a, b in thanks) for p in places)


def heading_text(d: Doc) -> str:
    """The matching form (`key`) of every heading of `d` and of the lead sentence of each part and
    section (the 主要任务 lead sentences name the year's formulations: 坚持…, 加快…), joined by |:
    what `_in_heading` searches. The pipeline keeps it in the report's record (`Analysis.heading_text`)."""
    return _heading_text(d, outline.by_start(d.outline))


# A lead sentence's clauses (`_heading_text`): a clause that points forward (`vocab.POINTING`: 提出以下
# 建议) frames its part and names nothing, so its phrases take no heading mark (review5 item 14: a part's
# framing 对今年X工作提出以下建议 led a brief as 新提出); the other clauses of the sentence keep theirs
# (以X为重点，抓好以下工作). By that principle, not fitted. Round 16, selected on pairs 2000→2001 …
# 2006→2007 and checked on held-out pairs 2007→2008 … 2012→2013 (lexicon off): top 25 32/54 and 27/50,
# top-10 common 16/70 and 6/60 unchanged; of the 14 pairs' first 40 lines one moves (the 2012→2013
# framing phrase, #11 → #35).
_LEAD_CLAUSE = re.compile("[，,；;：:]")
_POINTING = re.compile("|".join(vocab.POINTING))


def _heading_text(d: Doc, blocks: Sequence[Block]) -> str:
    """`heading_text` of `d`, its parts and sections by start `blocks`."""
    sents = d.outline.sentences
    sent_starts = [x.start for x in sents]
    leads = []
    for b in blocks:
        n = bisect_right(sent_starts, b.title_span.end)
        if n < len(sents) and sents[n].start < b.span.end:
            lead = d.report.text[sents[n].start:sents[n].end]
            # the clause that announces what follows (…提出以下建议) frames the part and names nothing
            leads.append(key("|".join(c for c in _LEAD_CLAUSE.split(lead) if not _POINTING.search(c))))
    return "|".join([*(key(d.report.text[b.title_span.start:b.title_span.end]) for b in blocks), *leads])


def _places(side: _Side, t: str) -> Sequence[int] | None:
    """Flat offsets of `t` in `side` (non-overlapping, as `str.count` counts) when `t` is one of the
    report's candidate phrases (`Analysis.candidates`); None when it must be searched for."""
    c = side.analysis.candidates.get(t)
    return c.places if c is not None else None


def _term_evidence(side: _Side, t: str, most: int = 3) -> tuple[Evidence, ...]:
    """Sentences of `side` holding the term whose matching form (`key`) is `t`."""
    return _evidence_at(side, _occurring(side, t), len(t), most)


def _evidence_at(side: _Side, places: Sequence[int], n: int, most: int) -> tuple[Evidence, ...]:
    """The first `most` distinct sentences of `side` holding a term of `n` characters at the flat
    offsets `places` (`_term_evidence`)."""
    out: list[Evidence] = []
    seen: set[int] = set()
    for pos in places:
        if len(out) >= most:
            break
        ev = side.evidence_of(pos, n)
        if ev.span.start not in seen:
            seen.add(ev.span.start)
            out.append(ev)
    return tuple(out)


def _occurring(side: _Side, t: str) -> Sequence[int]:
    """Flat offsets of `t` in `side`, non-overlapping, leftmost first (the candidates' known places,
    else a search)."""
    places = _places(side, t) if t else ()
    return places if places is not None else occurrences([t], side.flat)[t]


def _display(side: _Side, t: str) -> str:
    """The term (matching form `t`) as the report writes it (folded, no whitespace; inner quotes kept:
    “一带一路”倡议)."""
    c = side.analysis.candidates.get(t) if t else None
    if c is not None:
        return c.shown  # `formulations.display` at its first place, worked out with the analysis
    found = _occurring(side, t) if t else ()
    return formulations.display(side.doc, t, found[0]) if found else t


class _Found(NamedTuple):
    """A priority with what ranks it (a named tuple: a comparison makes some thousands of these and
    of `_Pending`, and a tuple is built several times faster than a frozen dataclass)."""

    priority: Priority
    signal: Signal
    score: float
    reason: str
    common: bool = False
    short: bool = False  # a new phrase of one short word (`_short`): kept out of the brief's head
