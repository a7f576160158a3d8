"""The one context builder: everything a template shows, from one `Comparison` record.

`brief_context` feeds every template; the HTML view's sentence rows are recomputed from each pair's
texts (`align.sentence_rows`); the record keeps its flat redline. Record codes (basis, paths, scores)
are mapped to plain words here (`plain`, `basis_label`).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from yoy.align import SentenceRow, sentence_rows
from yoy.formulations import fragment
from yoy.models import (
    BASIS_LABELS,
    BRIEF_WORDS,
    CHANGE_LABELS,
    DIRECTION_LABELS,
    KIND_LABELS,
    RELATION_LABELS,
    Change,
    Comparison,
    DiffChunk,
    Direction,
    Evidence,
    Figure,
    Kind,
    Op,
    Priority,
    RankedChange,
    RankedKind,
    Relation,
    ReportRef,
    SectionPair,
    Side,
    TargetChange,
)
from yoy.render.charts import target_charts, term_charts
from yoy.render.env import generator
from yoy.text import NUMERALS, chinese_numeral, fold
from yoy.vocab import (
    FEW_HISTORY_IN_REASON,
    SIMILARITY_CODE,
    change_count,
    change_count_parts,
    change_counts_line,
    few_history_note,
)

CHANGE_ORDER = tuple(Change)
RELATIONS = tuple(RELATION_LABELS)
DIRECTION = {  # direction → (mark, label, css class)
    Direction(d): (mark, DIRECTION_LABELS[d], css)
    for d, mark, css in (("up", "▲", "up"), ("down", "▼", "down"), ("unchanged", "=", "same"),
                         ("newly set", "＋", "newly"), ("no longer set", "－", "gone"),
                         ("not stated", "…", "same"),
                         ("changed", "≠", "changed"), ("requalified", "≈", "changed"),
                         ("higher", "＞", "up"), ("lower", "＜", "down"), ("same", "=", "same"),
                         ("only old", "◧", "gone"), ("only new", "◨", "newly"))
}
FOLD_AT = 160  # equal runs longer than this are collapsed …
FOLD_KEEP = 48  # … keeping this many characters on each side
# "最重要的变化" lists this many ranked changes, of which at most TOP_TARGETS are target changes: the
# ranking puts every target change first, and a consecutive pair of the embedded reports moves a median
# 5 targets (up to 8: scripts/measure_thresholds.py), which left no place for a stance change or a new
# formulation; the targets table right below lists them all, so four headline figures (a third of
# TOP_N, under the median) lead and the rest are counted in one line.
TOP_N = 12
TOP_TARGETS = 4
CLIP = 64  # characters of an evidence sentence the PDF shows, around the term
PAIR_CLIP = CLIP // 2  # each of a rewording's two quotes on PDF page 1 (one line each)
EXCERPT = 120  # characters of a whole new, dropped or rewritten block the PDF appendix shows
# rows shown before "more"
GROUP_TOP = {Change.NEW: 12, Change.DROPPED: 12, Change.REWORDED: 30, Change.CONTINUED: 8}
# "只看改动" keeps a section when it is not a plain match, or when at least this share of its
# characters (both sides) lies in sentences that are not the same in both years: a stray comma or
# one replaced word does not make a section "changed".
CHANGED_SHARE = 0.05
FOLD_ROWS = 3  # runs of at least this many equal sentence rows are collapsed
BRIEF_TOP = 8  # formulations on the PDF's first page
BRIEF_CARDS = 8  # target cards on the PDF's first page
# Page 1 keeps this many of its BRIEF_TOP places for the best dropped formulations (when there are
# any): new formulations outrank drops, and a briefing that names only additions misses half the news.
BRIEF_DROPPED = 2
# Beyond a group's table, the PDF and the Markdown brief name this many more terms of each change in
# one line, in rank order; the rest are counted and left to the HTML view (its "显示其余" table) and the
# JSON record, which keep every item. A pair can have hundreds of one-off new phrases, most of them
# incidental wording or pieces of a clause: the brief must stay a few pages (30 terms are a few lines,
# and the national 2008→2009 Markdown brief falls from 66 KB to a third of that).
PRINT_REST = 30


@dataclasses.dataclass(frozen=True, slots=True)
class Seg:
    """A piece of a rendered redline: kind is eq, ins, del or fold (head … hidden … tail)."""

    kind: str
    text: str
    hidden: str = ""
    tail: str = ""


def _fold(text: str, first: bool, last: bool) -> Seg:
    if len(text) <= FOLD_AT:
        return Seg("eq", text)
    head = "" if first else text[:FOLD_KEEP]
    tail = "" if last else text[-FOLD_KEEP:]
    return Seg("fold", head, text[len(head):len(text) - len(tail)], tail)


def _segments(chunks: Sequence[DiffChunk], drop: str) -> tuple[Seg, ...]:
    """One column of a redline: chunks other than `drop`, long equal runs folded."""
    kept = [c for c in chunks if c.op != drop]
    out: list[Seg] = []
    for i, chunk in enumerate(kept):
        if chunk.op == Op.EQUAL:
            out.append(_fold(chunk.text, i == 0, i == len(kept) - 1))
        else:
            out.append(Seg("ins" if chunk.op == Op.INSERT else "del", chunk.text))
    return tuple(out)


# Half-width punctuation a Chinese title may carry from its web page (某地发布,亮点多!), and the full-width
# form a Chinese line takes. Only these: a full stop or a hyphen is a decimal point, a date or a range.
_FULL_WIDTH = str.maketrans(",!?;:()", "，！？；：（）")
# CJK ideographs, CJK punctuation (、。「」《》…) and full-width forms (，（）…): a Chinese neighbour
# (regex escapes: no literal here).
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# A half-width mark with a Chinese character on one side (spaces between them are taken with it).
_HALF_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s*([,!?;:])\s*|\s*([,!?;:])\s*(?=[{_CJK}])")
# A pair of half-width parentheses, with the characters on either side (a pair folds as one).
_HALF_PARENS = re.compile(r"(?<=(.))?\(([^()]*)\)(\s*)(?=(.))?", re.S)
_CJK_CHAR = re.compile(f"[{_CJK}]")


def _parens(m: re.Match[str]) -> str:
    before, inside, space, after = m[1] or "", m[2], m[3], m[4] or ""
    if not _CJK_CHAR.search(before + inside + after):
        return m[0]
    return f"（{inside}）" + ("" if _CJK_CHAR.match(after) else space)


def display_title(text: str | None) -> str:
    """A title as the briefs show it: half-width punctuation next to a Chinese character in its
    full-width form (某地发布,亮点多! → 某地发布，亮点多！), spaces around it dropped, and a pair of
    parentheses that holds or touches Chinese as a full-width pair (某项(试行)办法 → 某项（试行）办法).
    Display only: the record keeps the title as read, and a mark among Latin letters or digits
    (1,000 · 10:30 · A(B)) stays as it is. Applied until nothing changes: a mark whose neighbour is a
    mark just made full-width (亮点多!! → 亮点多！！), and the outer pair of nested parentheses
    (某((试行))办法 → 某（（试行））办法), are folded on the next pass. Each pass only turns half-width
    marks into full-width ones (or drops a space), so it ends."""
    if not text:
        return ""
    while True:
        shown = _HALF_PARENS.sub(_parens, text)
        shown = _HALF_IN_CJK.sub(lambda m: (m[1] or m[2]).translate(_FULL_WIDTH), shown)
        if shown == text:
            return shown
        text = shown


def _ref(ref: ReportRef) -> dict[str, Any]:
    return {"region": ref.region, "year": ref.year, "kind": str(ref.kind),
            "kind_label": KIND_LABELS.get(ref.kind, str(ref.kind)), "title": display_title(ref.title),
            "chars": ref.chars, "caveat": ref.caveat, "partial": ref.kind != Kind.FULL}


def headline(c: Comparison) -> str:
    """One line naming a comparison: 城阳区 2022 → 2025, or 即墨区 2019 ↔ 崂山区 2019 for peers."""
    if c.old.region == c.new.region:
        return f"{c.old.region} {c.old.year} → {c.new.year}"
    return f"{c.old.region} {c.old.year} ↔ {c.new.region} {c.new.year}"


def side_labels(c: Comparison) -> tuple[str, str]:
    """How the briefs name the two reports: by year, or by region and year for peers."""
    if c.old.region == c.new.region:
        return str(c.old.year), str(c.new.year)
    return f"{c.old.region} {c.old.year}", f"{c.new.region} {c.new.year}"


def _marked(sentence: str, terms: Iterable[str]) -> list[tuple[str, bool]]:
    """`sentence` split into (text, is_term) pieces so a template can highlight the terms: leftmost
    occurrences first, the longest term where several start at one place (as a regex alternation of
    the terms, longest first, would cut; found with `str.find`, no pattern to compile per term set)."""
    wanted = sorted({t for t in terms if t}, key=len, reverse=True)
    if not wanted:
        return [(sentence, False)]
    pieces: list[tuple[str, bool]] = []
    pos = 0
    ahead = [sentence.find(t) for t in wanted]  # each term's next occurrence at or after pos (or -1)
    while True:
        best, term = -1, ""
        for k, t in enumerate(wanted):
            at = ahead[k]
            if 0 <= at < pos:
                at = ahead[k] = sentence.find(t, pos)
            if at >= 0 and (best < 0 or at < best):  # ties keep the longer (earlier) term
                best, term = at, t
        if best < 0:
            break
        if best > pos:
            pieces.append((sentence[pos:best], False))
        pieces.append((term, True))
        pos = best + len(term)
    if pos < len(sentence):
        pieces.append((sentence[pos:], False))
    return pieces


def _clip(sentence: str, terms: Iterable[str], width: int = CLIP) -> str:
    """About `width` characters of `sentence` around the first term it holds, with ellipses."""
    if len(sentence) <= width:
        return sentence
    at = min((i for t in terms if t and (i := sentence.find(t)) >= 0), default=0)
    start = max(0, min(at - width // 3, len(sentence) - width))
    out = sentence[start:start + width]
    return ("…" if start else "") + out + ("…" if start + width < len(sentence) else "")


# An unnumbered part or section in a record's path is its place, §k (outline.paths: §2§2 is the
# second section of the second part, 二§1 the first unnumbered section of part 二). A reader sees a
# leading slot as a part numeral and an inner one after a dot: §2§2 → 二·2, 二§1 → 二·1, §1(二) → 一(二).
_SLOT = re.compile(r"§(\d+)")
_AFTER_PART = frozenset(f"0123456789{NUMERALS})）")  # what ends a part's label, before an inner slot


def _slot(m: re.Match[str]) -> str:
    before = m.string[m.start() - 1] if m.start() else ""
    return f"·{m[1]}" if before in _AFTER_PART else chinese_numeral(int(m[1]))


# internal codes that must not reach a reader, with what replaces them
_CODES: tuple[tuple[re.Pattern[str], Any], ...] = (
    (_SLOT, _slot),
    (re.compile(r"[（(]\s*a\d+(?:[、,，]\s*a\d+)*\s*[）)]"), ""),
    (re.compile(r"\s*×\s*\d+(?=[（）)；;，,]|$)"), ""),
    (re.compile(r"G²\s*=\s*[\d.]+"), ""),
    (re.compile(SIMILARITY_CODE), ""),
)


_SPACE_BEFORE = re.compile(r"\s+([）)；，])")
_EMPTY_PARENS = re.compile(r"（\s*）|\(\s*\)")


@lru_cache(maxsize=8192)  # a pure function's bounded memo: a brief asks for the same labels many times
def plain(text: str | None) -> str:
    """`text` without internal codes (a9, G²=14.4, §1, ×2, 相似 0.37): what a reader may see."""
    out = text or ""
    for pattern, repl in _CODES:
        out = pattern.sub(repl, out)
    for code, label in BASIS_LABELS.items():  # basis codes inside a free-text reason
        out = out.replace(code, BRIEF_WORDS["slot"] if "{" in label else label)
    out = _SPACE_BEFORE.sub(r"\1", out)
    return _EMPTY_PARENS.sub("", out).strip()


_FEW_HISTORY = re.compile(FEW_HISTORY_IN_REASON)


def unrepeated(text: str) -> str:
    """A reason without the few-history caveat the engine adds to each one (`vocab.few_history_others`):
    a brief says it once (`history_note`), not on every line. The record keeps it in every reason."""
    return _FEW_HISTORY.sub("", text) if "（" in text else text


def history_note(c: Comparison) -> str:
    """The few-history caveat of a comparison's reasons, said once (`vocab.few_history_note`), or ""
    when no reason carries it. The reports of others read (`m`) are the same for every phrase of a
    pair; were they not, the largest is named."""
    found = [m for text in (*(p.basis or "" for p in c.priorities), *(r.reason for r in c.ranked))
             if "（" in text for m in _FEW_HISTORY.finditer(text)]
    if not found:
        return ""
    return few_history_note(max((int(m[1]) for m in found if m[1]), default=None))


def basis_label(p: Priority) -> str:
    """Why a priority counts, in plain words (the record's basis codes mapped, then scrubbed)."""
    return _basis_label(p.basis or "", p.old_term or "", p.term)


_BASIS_SPLIT = re.compile(r"[、，]")


@lru_cache(maxsize=4096)  # a pure function's bounded memo (basis codes and terms → label)
def _basis_label(basis: str, old_term: str, term: str) -> str:
    basis = unrepeated(basis)
    pieces = _BASIS_SPLIT.split(basis)
    if not any(p.strip().startswith(k) for p in pieces for k in BASIS_LABELS):
        return plain(basis)  # a reason in words: its own commas stay (上年未提，今年提及增多)
    parts = []
    for piece in pieces:
        piece = piece.strip()
        key = next((k for k in BASIS_LABELS if piece.startswith(k)), None)
        if key is None:
            parts.append(plain(piece))
        elif "{old}" in BASIS_LABELS[key]:
            parts.append(BASIS_LABELS[key].format(old=old_term, new=term))
        else:
            parts.append(BASIS_LABELS[key])
    return "、".join(dict.fromkeys(x for x in parts if x))


def priority_reason(p: Priority, old_label: str, new_label: str) -> str:
    """One plain sentence: why this priority is listed and how often each report says it."""
    why = basis_label(p)
    if p.change == Change.NEW:
        count = BRIEF_WORDS["mentions_one"].format(side=new_label, n=p.new_count)
    elif p.change == Change.DROPPED:
        count = BRIEF_WORDS["mentions_one"].format(side=old_label, n=p.old_count)
    else:
        count = BRIEF_WORDS["mentions_both"].format(old=p.old_count, new=p.new_count)
    return "；".join(x for x in (why, count) if x)


@dataclasses.dataclass
class _Locator:
    """Finds the sentence of the side-by-side view that holds an evidence sentence."""

    sentences: dict[tuple[str, str], list[tuple[str, str, str]]]  # (pair, side) → (sid, rid, folded)
    # answers so far: one sentence is the evidence of many priorities (a brief has thousands of them)
    found: dict[tuple[str, str, str], tuple[str, str] | None] = dataclasses.field(default_factory=dict)

    def find(self, e: Evidence) -> tuple[str, str] | None:
        """(sentence id, row id) of `e` in its pair, or None."""
        key = (e.pair_id or "", e.side, e.sentence)
        if key not in self.found:
            self.found[key] = self._find(key)
        return self.found[key]

    def _find(self, key: tuple[str, str, str]) -> tuple[str, str] | None:
        pair, side, sentence = key
        cands = self.sentences.get((pair, side), [])
        want = fold(sentence).strip()
        if not want:
            return None
        best, best_len = None, 0
        for sid, rid, text in cands:
            if want == text:
                return sid, rid
            overlap = len(want) if want in text else len(text) if text and text in want else 0
            if overlap > best_len:
                best, best_len = (sid, rid), overlap
        return best


_BARE_PART = re.compile(f"[{NUMERALS}]+")


def _where(path: str | None) -> str:
    """Where an evidence sentence stands, as its quote is headed: the path in plain words, a part
    alone written out (一 → 第一部分: a lone 一 before a quote reads as a dash)."""
    shown = plain(path)
    return BRIEF_WORDS["part_n"].format(n=shown) if _BARE_PART.fullmatch(shown) else shown


def _evidence(e: Evidence, terms: tuple[str, ...], loc: _Locator) -> dict[str, Any]:
    hit = loc.find(e)
    pieces = _marked(_clip(e.sentence, terms, CLIP * 2), terms)
    return {"year": e.year, "side": e.side, "path": _where(e.path), "sentence": e.sentence,
            "pieces": pieces, "clipped": sum(len(text) for text, _ in pieces) < len(e.sentence),
            "short_pieces": _marked(_clip(e.sentence, terms), terms),
            "href": f"#{hit[0]}" if hit else None, "sid": hit[0] if hit else None,
            "term": next((t for t in terms if t and t in e.sentence), terms[0])}


def _partner(sid: str | None, others: Sequence[str]) -> str | None:
    """Of `others` (sentence ids of the other year), the one to highlight with `sid`: same row, then
    same section, else none."""
    if not sid or not others:
        return None
    pair, _, row = sid.split("-")
    same_pair = [o for o in others if o.split("-")[0] == pair]
    return next((o for o in same_pair if o.split("-")[2] == row), same_pair[0] if same_pair else None)


def _priority(i: int, p: Priority, loc: _Locator, caveats: Sequence[str],
              labels: tuple[str, str]) -> dict[str, Any]:
    terms = (p.term, p.old_term or "")
    old_ev = [_evidence(e, terms, loc) for e in p.evidence if e.side == Side.OLD]
    new_ev = [_evidence(e, terms, loc) for e in p.evidence if e.side == Side.NEW]
    for mine, other in ((old_ev, new_ev), (new_ev, old_ev)):  # the other year's sentence, same section first
        for ev in mine:
            ev["also"] = _partner(ev["sid"], [e["sid"] for e in other if e["sid"]])
    first = next((e for e in (*new_ev, *old_ev) if e["href"]), None)
    if p.change == Change.DROPPED:
        first = next((e for e in (*old_ev, *new_ev) if e["href"]), None)
    return {
        "anchor": f"p{i + 1}", "change": p.change, "label": CHANGE_LABELS.get(p.change, p.change),
        "term": p.term, "old_term": p.old_term, "old_count": p.old_count, "new_count": p.new_count,
        "old_per10k": p.old_per10k, "new_per10k": p.new_per10k,
        "delta": p.new_per10k - p.old_per10k, "basis": basis_label(p),
        "reason": priority_reason(p, *labels),
        "note": None if p.note in caveats else p.note, "caveat_note": bool(p.note) and p.note in caveats,
        "old_evidence": old_ev, "new_evidence": new_ev,
        "jump": first["href"] if first else None, "jump_term": first["term"] if first else p.term,
        "jump_also": first["also"] if first else None,
        # a rewording is a pair: one sentence of each year (the new one alone hides the old wording),
        # each clipped to half a quote, so page 1 holds as many lines as with one quote an entry
        "quote": ([{**ev, "short_pieces": _marked(_clip(ev["sentence"], terms, PAIR_CLIP), terms)}
                   for ev in (*old_ev[:1], *new_ev[:1])] if p.change == Change.REWORDED
                  else (old_ev if p.change == Change.DROPPED else new_ev or old_ev)[:1]),
    }


def _figure(f: Figure | None, loc: _Locator) -> dict[str, Any] | None:
    if f is None:
        return None
    hit = loc.find(f.evidence)
    return {"value": f.value, "number": f.number, "sentence": f.evidence.sentence,
            "path": _where(f.evidence.path), "href": f"#{hit[0]}" if hit else None,
            "sid": hit[0] if hit else None,
            "pieces": _marked(_clip(f.evidence.sentence, (f.value,), CLIP * 2), (f.value,))}


def _excerpt(text: str | None) -> str:
    """The start of a block's text for the PDF appendix (the HTML view shows all of it)."""
    if not text:
        return ""
    return text if len(text) <= EXCERPT else text[:EXCERPT].rstrip() + "……"


def _chunks(p: SectionPair) -> tuple[DiffChunk, ...]:
    """The pair's redline; when the record has none, one built from its texts (whole-block delete/insert)."""
    if p.diff:
        return p.diff
    old, new = p.old_text or "", p.new_text or ""
    if old == new:
        return (DiffChunk(Op.EQUAL, old),) if old else ()
    return tuple(c for c in (DiffChunk(Op.DELETE, old), DiffChunk(Op.INSERT, new)) if c.text)


ROW_TYPES = {"changed": ("reworded",), "replace": ("reworded",), "delete": ("dropped",),
             "insert": ("new",), "equal": ()}
MOVED = (Relation.MOVED, Relation.SPLIT, Relation.MERGED)


def _rows_of(p: SectionPair) -> tuple[SentenceRow, ...]:
    """The pair's sentence rows (one side only for new and dropped sections)."""
    return sentence_rows(p.old_text or "", p.new_text or "")


def _path(path: str | None) -> str:
    return plain(path)


def _title(title: str | None, present: bool) -> str:
    """A block's title as the section map and the redline heads show it; an untitled block that is
    there reads BRIEF_WORDS["untitled"], an absent side stays empty."""
    return display_title(title) or (BRIEF_WORDS["untitled"] if present else "")


def _pair(p: SectionPair, rows: tuple[SentenceRow, ...]) -> dict[str, Any]:
    chunks = _chunks(p)
    ins = sum(len(d.text) for d in chunks if d.op == Op.INSERT)
    dels = sum(len(d.text) for d in chunks if d.op == Op.DELETE)
    edited = p.relation in (Relation.NEW, Relation.DROPPED) or ins > 0 or dels > 0
    total = sum(len(s.text) for r in rows for s in (*r.old, *r.new)) or 1
    moved = sum(len(s.text) for r in rows if r.op != "equal" for s in (*r.old, *r.new))
    share = moved / total
    changed = p.relation != Relation.MATCHED or (edited and share >= CHANGED_SHARE)
    # nothing in common word for word: a redline would only paint both texts; show them plain
    rewritten = edited and not any(d.op == Op.EQUAL and d.text.strip() for d in chunks)
    has_old = p.old_text is not None or p.old_id is not None
    has_new = p.new_text is not None or p.new_id is not None
    whole = p.relation in (Relation.NEW, Relation.DROPPED)
    types = ("new",) if p.relation == Relation.NEW else ("dropped",) if p.relation == Relation.DROPPED else (
        ("moved",) if p.relation in MOVED else ())
    return {
        "id": p.id, "relation": p.relation, "label": RELATION_LABELS.get(p.relation, p.relation),
        "level": p.level, "changed": changed, "edited": edited, "rewritten": rewritten,
        "share": share, "ins": ins, "dels": dels, "whole": whole, "types": " ".join(types),
        # a side without a heading (a digest's part) says so: a lone 一 reads as a dash
        "old_path": _path(p.old_path), "old_title": _title(p.old_title, has_old),
        "new_path": _path(p.new_path), "new_title": _title(p.new_title, has_new),
        "has_old": has_old, "has_new": has_new,
        "inline_segs": _segments(chunks, ""),
        "old_excerpt": _excerpt(p.old_text), "new_excerpt": _excerpt(p.new_text),
        "old_chars": len(p.old_text or ""), "new_chars": len(p.new_text or ""),
        "short": display_title(p.new_title or p.old_title) or _path(p.new_path or p.old_path)
        or BRIEF_WORDS["untitled"],
        "rows": [],
    }


def _term_pieces(chunks: Sequence[DiffChunk], terms: Sequence[str]) -> list[tuple[str, str, bool]]:
    """(op, text, is_term) pieces of a sentence's chunks, with `terms` cut out for marking."""
    out: list[tuple[str, str, bool]] = []
    for c in chunks:
        out += [(c.op, text, is_term) for text, is_term in _marked(c.text, terms)]
    return out


def _view(pairs: list[dict[str, Any]], rows_of: dict[str, tuple[SentenceRow, ...]],
          marks: dict[str, list[dict[str, Any]]], target_sids: set[str]) -> None:
    """Fill each pair's `rows` for the template: sentence ids, types, term marks, back links, folds."""
    for pair in pairs:
        out: list[dict[str, Any]] = []
        run: list[dict[str, Any]] = []

        def flush(run: list[dict[str, Any]] = run, out: list[dict[str, Any]] = out) -> None:
            if len(run) >= FOLD_ROWS:
                out.append({"fold": True, "rows": list(run)})
            else:
                out.extend(run)
            run.clear()

        for k, r in enumerate(rows_of[pair["id"]], 1):
            rid = f"{pair['id']}-r{k}"
            cells: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
            hot = False
            for side, sents, tag in (("old", r.old, "o"), ("new", r.new, "n")):
                for sent in sents:
                    sid = f"{pair['id']}-{tag}{len(cells[side]) + 1}-{k}"
                    backs = marks.get(sid, [])
                    terms = [b["term"] for b in backs if b.get("term")]
                    hot = hot or bool(backs)
                    cells[side].append({"id": sid, "pieces": _term_pieces(sent.chunks, terms),
                                        "para": sent.para, "backs": backs})
            types = list(ROW_TYPES[r.op]) if not pair["whole"] else []
            if types and pair["relation"] in MOVED:
                types.append("moved")
            if any(c["id"] in target_sids for side in cells.values() for c in side):
                types.append("target")
            row = {"fold": False, "id": rid, "op": r.op, "old": cells["old"], "new": cells["new"],
                   "types": " ".join(dict.fromkeys(types)), "chg": bool(types)}
            if r.op == "equal" and not hot and not types:
                run.append(row)
                continue
            flush()
            out.append(row)
        flush()
        pair["rows"] = out
        pair["folds"] = sum(1 for x in out if x["fold"])


def _toc(pairs: Sequence[dict[str, Any]], sections: Sequence[SectionPair]) -> list[dict[str, Any]]:
    """The HTML sidebar's entries: each unit of the new report once (a unit that several old sections
    merge into heads one entry, its old sections linked under it), then a dropped one by its old path,
    in the order of the pairs."""
    out: list[dict[str, Any]] = []
    by_unit: dict[str, dict[str, Any]] = {}
    for pair, sp in zip(pairs, sections, strict=True):
        unit = sp.new_id
        if unit is not None and unit in by_unit:
            entry = by_unit[unit]
            entry["sources"].append(pair)
            entry["changed"] = entry["changed"] or pair["changed"]
            continue
        entry = {"id": pair["id"], "relation": pair["relation"], "changed": pair["changed"],
                 "path": pair["new_path"] or pair["old_path"], "short": pair["short"], "sources": [pair]}
        out.append(entry)
        if unit is not None:
            by_unit[unit] = entry
    return out


def _locator(pairs: Sequence[SectionPair], rows_of: dict[str, tuple[SentenceRow, ...]]) -> _Locator:
    sentences: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for p in pairs:
        for k, r in enumerate(rows_of[p.id], 1):
            for side, sents, tag in (("old", r.old, "o"), ("new", r.new, "n")):
                for n, sent in enumerate(sents, 1):
                    sentences.setdefault((p.id, side), []).append(
                        (f"{p.id}-{tag}{n}-{k}", f"{p.id}-r{k}", fold(sent.text).strip()))
    return _Locator(sentences)


def _target(i: int, t: TargetChange, loc: _Locator) -> dict[str, Any]:
    mark, label, cls = DIRECTION.get(t.direction, ("·", t.direction, "changed"))
    old, new = _figure(t.old, loc), _figure(t.new, loc)
    jump = next((f for f in (new, old) if f and f["href"]), None)
    return {"anchor": f"t{i + 1}", "indicator": t.indicator, "old": old, "new": new,
            "direction": t.direction, "mark": mark, "label": label, "cls": cls,
            "jump": jump["href"] if jump else None, "jump_term": jump["value"] if jump else ""}



def figure_groups(c: Comparison) -> list[dict[str, Any]]:
    """Results of the past year and multi-year figures, per report, for the briefs' target section."""
    old_label, new_label = side_labels(c)
    groups = []
    for kind, title, figs in (("results", BRIEF_WORDS["results"], c.results),
                              ("multi", BRIEF_WORDS["multi_year"], c.multi_year)):
        for side, label in (("old", old_label), ("new", new_label)):
            rows = [{"indicator": f.indicator, "value": f.value, "sentence": f.evidence.sentence,
                     "href": f"#{f.evidence.pair_id}" if f.evidence.pair_id else None}
                    for f in figs if f.evidence.side == side]
            if rows:
                title_of = BRIEF_WORDS["report_group"].format(side=label, title=title)
                groups.append({"kind": kind, "title": title_of, "rows": rows})
    return groups


def _tail(items: Sequence[dict[str, Any]], n: int = PRINT_REST) -> tuple[list[dict[str, Any]], int]:
    """What a brief's one-line tail names of `items` (priorities in rank order, after its table): the
    first `n` whose term the engine's shape test does not take for a clause fragment
    (`formulations.fragment`: cut before its head, or a predicate; such a phrase is kept in the record
    with half its salience, and a reader takes a list of terms for a list of names), and how many of
    `items` it leaves to the HTML view and the JSON record."""
    shown: list[dict[str, Any]] = []
    for p in items:
        if len(shown) == n:
            break
        if not fragment(p["term"]):
            shown.append(p)
    return shown, len(items) - len(shown)


def lead_changes(c: Comparison) -> tuple[list[RankedChange], int]:
    """The "最重要的变化" list every view shows (the briefs and the terminal summary alike): the first
    TOP_N ranked changes, of which at most TOP_TARGETS are target changes, in rank order; and how many
    target changes it leaves to the targets table."""
    targets = [r for r in c.ranked if r.kind == RankedKind.TARGET]
    kept = {id(r) for r in targets[:TOP_TARGETS]}
    lead = [r for r in c.ranked if r.kind != RankedKind.TARGET or id(r) in kept][:TOP_N]
    return lead, len(targets) - len(kept)


def change_counts(c: Comparison) -> dict[str, tuple[int, str, str, str]]:
    """Each change the record lists a priority of, in `Change` order: the engine's count of it (common
    words aside: `ChangeCount.found`) and what follows its label in every view, whole
    (`vocab.change_count`) and in its two parts, the figure found and what is listed of it
    (`vocab.change_count_parts`). A record without counts (written before they were kept) gives the
    number it lists, said as such."""
    listed = Counter(p.change for p in c.priorities)
    kept = {k.change: k for k in c.counts}
    out: dict[str, tuple[int, str, str, str]] = {}
    for ch in CHANGE_ORDER:
        if not listed[ch]:
            continue
        k = kept.get(ch)
        args = (k.found, k.listed, k.common, k.common_listed) if k is not None else (None, listed[ch], 0, 0)
        out[ch] = (listed[ch] if k is None else k.found, change_count(*args), *change_count_parts(*args))
    return out


def change_counts_text(c: Comparison) -> str:
    """The summary line of the changes' counts (`change_counts`, `vocab.change_counts_line`); "" when
    the record lists no priority."""
    counted = change_counts(c)
    if not counted:
        return ""
    return change_counts_line([(CHANGE_LABELS.get(ch, ch), text) for ch, (_, text, _, _) in counted.items()])


def caveats_of(c: Comparison) -> list[str]:
    """What the reader must be told before the changes, each once.

    The record's caveats already speak of each digest or partial text (one sentence per report,
    built once by `vocab.text_caveat`); the per-report line is the fallback for records that carry
    none. Budget notes (`degraded`) come last. Nothing repeats: the sentences name their report (the
    same report twice is refused) and the budget notes their pair.
    """
    per_report = [x for x in (c.old.caveat, c.new.caveat) if x]
    return [*(c.caveats or per_report), *c.degraded]


def brief_context(c: Comparison) -> dict[str, Any]:
    """Everything a template shows, computed from the record on each call: the formats of one brief
    share one (`render_all` builds it once and passes it to each renderer as `ctx`; a batch passes
    it on to the brief's index row). Nothing is kept between calls. A renderer that sets a key (the
    PDF's `appendix`) sets it on its own copy; what the context holds is read-only.
    """
    caveats = caveats_of(c)
    old_label, new_label = side_labels(c)
    rows_of = {p.id: _rows_of(p) for p in c.sections}
    loc = _locator(c.sections, rows_of)
    priorities = [_priority(i, p, loc, caveats, (old_label, new_label))
                  for i, p in enumerate(c.priorities)]
    by_term = {p["term"]: p for p in priorities}
    rank_of = {r.ref: r.rank for r in c.ranked if r.kind == RankedKind.PRIORITY}
    priorities.sort(key=lambda p: (rank_of.get(p["term"], len(c.ranked) + 1), -abs(p["delta"])))
    groups = []
    counted = change_counts(c)
    for ch in (*CHANGE_ORDER, *sorted({p["change"] for p in priorities} - set(CHANGE_ORDER))):
        items = [p for p in priorities if p["change"] == ch]
        found, text, head, note = counted.get(ch, (len(items), change_count(None, len(items)),
                                                   *change_count_parts(None, len(items))))
        keep = GROUP_TOP.get(ch, 10)
        notes = Counter(p["note"] for p in items if p["note"])
        common = next((n for n, k in notes.most_common(1) if k >= 3), None)
        for p in items:
            if common and p["note"] == common:
                p["note"], p["caveat_note"] = None, True
        md_rest, md_more = _tail(items[keep:])
        print_rest, print_more = _tail(items[keep // 2:])
        groups.append({"change": ch, "label": CHANGE_LABELS.get(ch, ch), "items": items, "note": common,
                       "found": found, "count_text": text, "count_head": head,
                       "count_note": note,
                       "top": items[:keep], "rest": items[keep:], "md_rest": md_rest, "md_more": md_more,
                       "print_top": items[:keep // 2], "print_rest": print_rest, "print_more": print_more})
    targets = [_target(i, t, loc) for i, t in enumerate(c.targets)]
    for t in targets:  # two regions: name the one that sets it
        if t["direction"] in (Direction.ONLY_OLD, Direction.ONLY_NEW):
            region = (c.old if t["direction"] == Direction.ONLY_OLD else c.new).region
            t["label"] = BRIEF_WORDS["only_one_sets"].format(region=region)
    by_indicator = {t["indicator"]: t for t in targets}
    pair_ids = {p.id for p in c.sections}
    top = []
    lead, more_targets = lead_changes(c)
    for r in lead:
        item: dict[str, Any] = {"rank": r.rank, "kind": r.kind, "summary": plain(r.summary),
                                "reason": plain(unrepeated(r.reason)), "href": None, "term": "",
                                "types": r.kind, "also": None,
                                "anchor": f"top{r.rank}"}
        if r.kind == RankedKind.SECTION and r.ref in pair_ids:
            item["href"] = f"#{r.ref}"
            rel = next(p.relation for p in c.sections if p.id == r.ref)
            item["types"] = rel if rel in (Relation.NEW, Relation.DROPPED) else "moved"
        elif r.kind == RankedKind.TARGET and r.ref in by_indicator:
            t = by_indicator[r.ref]
            item.update(href=t["jump"] or f"#{t['anchor']}", term=t["jump_term"], types="target")
        elif r.ref in by_term:
            p = by_term[r.ref]
            item.update(href=p["jump"] or f"#{p['anchor']}", term=p["jump_term"], types=p["change"],
                        reason=p["reason"], also=p["jump_also"])
        top.append(item)
    # back links: every evidence sentence names the changes it supports
    marks: dict[str, list[dict[str, Any]]] = {}
    for p in priorities:
        summary = f"{p['old_term']} → {p['term']}" if p["old_term"] else p["term"]
        for ev in (*p["old_evidence"], *p["new_evidence"]):
            if ev["sid"]:
                marks.setdefault(ev["sid"], []).append(
                    {"href": f"#{p['anchor']}", "label": f"{p['label']}：{summary}", "term": ev["term"]})
    target_sids = set()
    for t in targets:
        for f in (t["old"], t["new"]):
            if f and f["sid"]:
                target_sids.add(f["sid"])
                marks.setdefault(f["sid"], []).append(
                    {"href": f"#{t['anchor']}", "term": f["value"],
                     "label": BRIEF_WORDS["target"].format(indicator=t["indicator"])})
    pairs = [_pair(p, rows_of[p.id]) for p in c.sections]
    _view(pairs, rows_of, marks, target_sids)
    rel_counts = Counter(p.relation for p in c.sections)
    dir_counts = Counter(t.direction for t in c.targets)
    ranked_terms = [by_term[r.ref] for r in c.ranked if r.kind == RankedKind.PRIORITY and r.ref in by_term]
    drops = [p for p in ranked_terms if p["change"] == Change.DROPPED][:BRIEF_DROPPED]
    leads = (Change.NEW, Change.REWORDED)
    firsts = [p for p in ranked_terms if p["change"] in leads][:BRIEF_TOP - len(drops)]
    brief_top = [p for p in ranked_terms if p in firsts or p in drops]  # in rank order
    shown = [p["term"] for p in brief_top]
    changes = sum(1 for p in pairs for r in p["rows"] for x in (r["rows"] if r["fold"] else [r])
                  if x["chg"]) + sum(1 for p in pairs if p["types"])
    return {
        "title": headline(c), "generator": generator(), "same_region": c.old.region == c.new.region,
        "old": _ref(c.old), "new": _ref(c.new), "caveats": caveats, "degraded": list(c.degraded),
        "history_note": history_note(c),  # said once under the lead and in the reasons' legend
        "old_label": old_label, "new_label": new_label,
        "top": top, "top_more_targets": more_targets,
        "groups": groups, "priorities": priorities, "brief_top": brief_top,
        # the engine's count of each change listed (common words aside), and the summary's line of
        # what it found and lists (`vocab.change_count`)
        "priority_counts": [(g["label"], g["found"]) for g in groups if g["items"]],
        "change_counts": change_counts_text(c),
        "targets": targets, "cards": targets[:BRIEF_CARDS],
        "target_counts": [(DIRECTION[d][1], dir_counts[d]) for d in DIRECTION if dir_counts[d]],
        "pairs": pairs, "toc": _toc(pairs, c.sections), "changed_pairs": sum(p["changed"] for p in pairs),
        "changed_share": CHANGED_SHARE, "changes": changes,
        "folds": sum(p["folds"] for p in pairs),
        "relations": [(r, RELATION_LABELS[r], rel_counts[r]) for r in RELATIONS if rel_counts[r]],
        "lines": term_charts(c.history, shown), "appendix": False,
        "target_charts": target_charts(c.target_series), "figure_groups": figure_groups(c),
    }

