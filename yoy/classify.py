"""Classify what changed between two aligned reports and build the one `Comparison` record.

Priorities: candidate policy terms come from the policy lexicon (`yoy/data/policy_terms.txt` and the
successions lexicon), quoted terms, heading phrases and contrastive keyness (G² over jieba words and
bigrams of the two texts). Each is counted in both texts: present in one only → new / dropped, in both →
continued (with its intensity per 10,000 characters). An old term and a new one filling the same slot
→ reworded: either a known succession (lexicon) or a replacement the redline of aligned sentences
shows (slot), which needs no lexicon entry. Targets: `yoy.figures`. Ranking: every change with a score
and a reason. Nothing here knows a region, a year or a seed.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from yoy import align, figures
from yoy.errors import InputError
from yoy.files import TooLarge, read_bounded
from yoy.models import (
    CHANGE_LABELS,
    DIRECTION_LABELS,
    LEVEL_LABELS,
    RELATION_LABELS,
    Block,
    Comparison,
    Evidence,
    Figure,
    Kind,
    Outline,
    Period,
    Priority,
    RankedChange,
    Report,
    ReportRef,
    Role,
    SectionPair,
    Span,
    TargetChange,
    TargetSeries,
    TermSeries,
)
from yoy.terms import (
    G2_MIN,
    TERM_MAX_CHARS,
    bigrams,
    content_words,
    count,
    is_content,
    keyness,
    per10k,
    quoted,
    strip_quotes,
    tokens,
)
from yoy.text import data_path, fold

# Environment variable naming extra successions files (same TSV format as yoy/data/successions.tsv;
# several paths separated by os.pathsep). They add to the shipped lexicon.
LEXICON_ENV = "YOY_LEXICON"
MAX_LEXICON_BYTES = 10 * 2**20  # a successions file is a few KB; this bounds a wrong path
# A keyness term must occur this often in the text it is key for: G² alone rewards a word seen twice
# in one text and never in the other, which is chance in reports of 10-50k characters.
KEY_MIN_COUNT = 3
# Heading phrases: words of headings at least this long. Two-character heading words are the
# headings' verbs and formula (聚焦, 提升, 示范); three and more are what the heading is about.
HEADING_MIN_CHARS = 3
# A slot replacement (old words → new words between equal text in an aligned sentence pair) is a
# rewording when seen this often, or once when one side is already a known policy term. Twice is the
# least that separates "the report renamed X" from one sentence being edited.
SLOT_MIN_SUPPORT = 2
# Evidence sentences kept per report for one term; the brief shows a few, the counts say the rest.
MAX_EVIDENCE = 3
# Continued terms listed (the ones whose intensity moved most); the rest are unremarkable.
MAX_CONTINUED = 40
# A continued term is a ranked change when its intensity per 10k at least doubles or halves.
CONTINUED_RATIO = 2.0
# Terms of the history series: the top-ranked priority terms.
HISTORY_TERMS = 8

_WORDISH = re.compile(r"[\u4e00-\u9fffA-Za-z+]+")
_ORDER = {"reworded": 0, "new": 1, "dropped": 2, "continued": 3}
_SOURCE_RANK = {"lexicon": 0, "quoted": 1, "heading": 2, "keyness": 3}
LEXICON_BASIS = "词表所列接替"  # basis of a rewording the successions lexicon lists
SLOT_BASIS = "对应位置替换"  # basis of a rewording found in aligned slots (not from the lexicon)


# --- lexicon --------------------------------------------------------------------------------


def _read_lexicon(path: Path) -> list[tuple[str, str]]:
    try:  # bounded, regular files only: YOY_LEXICON=/dev/zero or a FIFO is refused, not read forever
        text = read_bounded(path, MAX_LEXICON_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError, TooLarge) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        why = f"over {MAX_LEXICON_BYTES:,} bytes" if isinstance(exc, TooLarge) else why
        raise InputError(f"{path}: cannot read this successions lexicon ({LEXICON_ENV}): {why}") from None
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
            pairs.append((cols[0].strip(), cols[1].strip()))
    return pairs


def lexicon(extra: Iterable[Path] = ()) -> tuple[tuple[str, str], ...]:
    """Successions old → new: the shipped file, then files in $YOY_LEXICON, then `extra`."""
    paths = [data_path("successions.tsv")]
    env = os.environ.get(LEXICON_ENV, "")
    paths += [Path(p) for p in env.split(os.pathsep) if p]
    paths += list(extra)
    seen: dict[tuple[str, str], None] = {}
    for p in paths:
        for pair in _read_lexicon(p):
            seen.setdefault(pair)
    return tuple(seen)


@cache
def _policy_terms() -> tuple[str, ...]:
    lines = data_path("policy_terms.txt").read_text(encoding="utf-8").splitlines()
    return tuple(ln.split()[0] for ln in lines if ln.strip() and not ln.startswith("#"))


# --- where things are -----------------------------------------------------------------------


@dataclass
class _Side:
    report: Report
    outline: Outline
    folded: str
    label: str  # "old" | "new"
    paths: dict[str, str]
    pair_of: dict[str, str]
    blocks: list[Block] = field(default_factory=list)  # parts and sections, by start
    starts: list[int] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.report.meta.year

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
        sents = self.outline.sentences
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
            sent = span
        where = self.locate(sent)
        sentence = self.report.text[sent.start:sent.end].strip()
        return Evidence(year=self.year, side=self.label, path=where.path, sentence=sentence, span=sent,
                        pair_id=where.pair_id)


def _side(report: Report, outline: Outline, pairs: Sequence[SectionPair], label: str) -> _Side:
    pair_of: dict[str, str] = {}
    for p in pairs:  # first row of a block wins: rows are in reading order, core before extra links
        key = p.old_id if label == "old" else p.new_id
        if key is not None:
            pair_of.setdefault(key, p.id)
    blocks = [b for part in outline.blocks for b in (part, *part.children)]
    blocks.sort(key=lambda b: (b.span.start, -b.span.end))
    return _Side(report, outline, fold(report.text), label, align.paths(outline), pair_of, blocks,
                 [b.span.start for b in blocks], [s.start for s in outline.sentences])


def _term_evidence(side: _Side, term: str) -> tuple[Evidence, ...]:
    t = strip_quotes(fold(term))
    out: list[Evidence] = []
    seen: set[int] = set()
    pos = side.folded.find(t) if t else -1
    while pos >= 0 and len(out) < MAX_EVIDENCE:
        ev = side.evidence(Span(pos, pos + len(t)))
        if ev.span.start not in seen:
            seen.add(ev.span.start)
            out.append(ev)
        pos = side.folded.find(t, pos + len(t))
    return tuple(out)


# --- candidate terms ------------------------------------------------------------------------


@dataclass
class _Cand:
    term: str
    sources: dict[str, str] = field(default_factory=dict)  # source → detail for the basis line

    def basis(self) -> str:
        names = {"lexicon": "政策词表", "quoted": "引号术语", "heading": "标题用语"}
        parts = []
        for src in sorted(self.sources, key=_SOURCE_RANK.__getitem__):
            parts.append(self.sources[src] if src == "keyness" else names[src])
        return "、".join(parts)

    def strength(self) -> float:
        """1 for terms a report marks itself (lexicon, quotes, headings), 0.5 for keyness only."""
        return 1.0 if set(self.sources) - {"keyness"} else 0.5


def _heading_words(side: _Side) -> set[str]:
    toks = tokens(side.report.text)
    out: set[str] = set()
    stack = list(side.outline.blocks)
    while stack:
        b = stack.pop()
        stack.extend(b.children)
        for w in content_words(toks.within(b.title_span)):
            if len(w) >= HEADING_MIN_CHARS:
                out.add(w)
    return out


def _region_words(*reports: Report) -> set[str]:
    out: set[str] = set()
    for r in reports:
        name = r.meta.region
        out |= {name, re.sub(r"(区|市|县|省|州|旗|自治区)$", "", name)}
    return out


def _candidates(so: _Side, sn: _Side, successions: Sequence[tuple[str, str]]) -> dict[str, _Cand]:
    cands: dict[str, _Cand] = {}

    def add(term: str, source: str, detail: str = "") -> None:
        term = term.strip()
        if not term or len(strip_quotes(term)) < 2 or len(term) > TERM_MAX_CHARS:
            return
        cands.setdefault(term, _Cand(term)).sources.setdefault(source, detail or source)

    for t in _policy_terms():
        add(fold(t), "lexicon")
    for a, b in successions:
        add(fold(a), "lexicon")
        add(fold(b), "lexicon")
    for side in (so, sn):
        for t in quoted(side.folded):
            add(t, "quoted")
        for t in _heading_words(side):
            add(t, "heading")
    to, tn = tokens(so.report.text), tokens(sn.report.text)
    co = Counter(content_words(to.words)) + Counter(bigrams(to.words))
    cn = Counter(content_words(tn.words)) + Counter(bigrams(tn.words))
    for term, g in keyness(co, cn).items():
        favoured = cn[term] if g > 0 else co[term]
        if abs(g) >= G2_MIN and favoured >= KEY_MIN_COUNT:
            add(term, "keyness", f"关键性 G²={abs(g):.1f}")
    regions = _region_words(so.report, sn.report)
    return {t: c for t, c in cands.items() if strip_quotes(t) not in regions}


# --- rewordings -----------------------------------------------------------------------------


@dataclass
class _Slot:
    old: str
    new: str
    pairs: list[str] = field(default_factory=list)
    old_spans: list[Span] = field(default_factory=list)
    new_spans: list[Span] = field(default_factory=list)


def _slots(pairs: Sequence[SectionPair], so: _Side, sn: _Side) -> dict[tuple[str, str], _Slot]:
    """Word replacements between equal text inside the redlines of aligned units."""
    starts_o = {b.id: b.span.start for b in so.blocks}
    starts_n = {b.id: b.span.start for b in sn.blocks}
    found: dict[tuple[str, str], _Slot] = {}
    for p in pairs:
        if not (p.old_id and p.new_id and p.diff):
            continue
        po, pn = starts_o[p.old_id], starts_n[p.new_id]
        chunks = p.diff
        for k in range(1, len(chunks) - 2):
            before, dele, ins, after = chunks[k - 1], chunks[k], chunks[k + 1], chunks[k + 2]
            if (before.op, dele.op, ins.op, after.op) != ("equal", "delete", "insert", "equal"):
                continue
            a, b = strip_quotes(fold(dele.text)).strip(), strip_quotes(fold(ins.text)).strip()
            if not (is_content(a) and is_content(b) and _WORDISH.fullmatch(a) and _WORDISH.fullmatch(b)):
                continue
            slot = found.setdefault((a, b), _Slot(a, b))
            slot.pairs.append(p.id)
            # offsets of the chunk inside each side's text
            oo = sum(len(c.text) for c in chunks[:k] if c.op != "insert")
            on = sum(len(c.text) for c in chunks[:k + 1] if c.op != "delete")
            slot.old_spans.append(Span(po + oo, po + oo + len(dele.text)))
            slot.new_spans.append(Span(pn + on, pn + on + len(ins.text)))
    return found


def _overlaps(a: str, b: str) -> bool:
    a, b = strip_quotes(a), strip_quotes(b)
    return a in b or b in a


# --- priorities -----------------------------------------------------------------------------


def _note(change: str, so: _Side, sn: _Side) -> str | None:
    side = sn if change == "dropped" else so if change == "new" else None
    if side is None or side.report.meta.kind is Kind.FULL:
        return None
    digest = side.report.meta.kind is Kind.SUMMARY
    what, missing = ("新闻摘要", "摘要省略") if digest else ("不完整文本", "缺失部分")
    real = "删去" if change == "dropped" else "新增"
    return f"{side.year}年{side.report.meta.region}文本为{what}：未出现可能是{missing}，不一定是真正{real}"


def _priority(change: str, term: str, old_term: str | None, so: _Side, sn: _Side, basis: str,
              extra_old: Sequence[Evidence] = (), extra_new: Sequence[Evidence] = ()) -> Priority:
    ot = old_term if old_term is not None else term
    oc, nc = count(ot, so.folded), count(term, sn.folded)
    ev_o = tuple(extra_old) or _term_evidence(so, ot)
    ev_n = tuple(extra_new) or _term_evidence(sn, term)
    return Priority(change=change, term=term, old_term=old_term, old_count=oc, new_count=nc,
                    old_per10k=per10k(oc, len(so.report.text)), new_per10k=per10k(nc, len(sn.report.text)),
                    basis=basis, evidence=(*ev_o[:MAX_EVIDENCE], *ev_n[:MAX_EVIDENCE]),
                    note=_note(change, so, sn))


def _drop_nested(items: list[tuple[str, int]]) -> list[str]:
    """Leave out a term inside a longer one of the same class with the same count (四新 in 四新经济)."""
    keys = [(strip_quotes(t), n) for t, n in items]
    by_count: dict[int, list[str]] = defaultdict(list)
    for k, n in keys:
        by_count[n].append(k)
    return [term for (term, _), (k, n) in zip(items, keys, strict=True)
            if not any(k != o and k in o for o in by_count[n])]


def _priorities(so: _Side, sn: _Side, pairs: Sequence[SectionPair], successions: Sequence[tuple[str, str]]
                ) -> tuple[list[Priority], dict[str, _Cand]]:
    cands = _candidates(so, sn, successions)
    counts = {t: (count(t, so.folded), count(t, sn.folded)) for t in cands}
    reworded: list[Priority] = []
    used: list[tuple[str, str]] = []  # (old term, new term) of every rewording

    for a, b in successions:
        a, b = fold(a), fold(b)
        oa, na = count(a, so.folded), count(a, sn.folded)
        ob, nb = count(b, so.folded), count(b, sn.folded)
        if oa and not na and nb and not ob:
            reworded.append(_priority("reworded", b, a, so, sn, LEXICON_BASIS))
            used.append((a, b))
    for (a, b), slot in sorted(_slots(pairs, so, sn).items()):
        if any(_overlaps(a, x) or _overlaps(b, y) for x, y in used):
            continue
        if count(a, sn.folded) or count(b, so.folded):
            continue  # both wordings live on in one text: an edit, not a renaming
        known = a in cands or b in cands
        if len(slot.pairs) >= SLOT_MIN_SUPPORT or known:
            ev_o = tuple(so.evidence(s) for s in slot.old_spans)
            ev_n = tuple(sn.evidence(s) for s in slot.new_spans)
            basis = f"{SLOT_BASIS} ×{len(slot.pairs)}（{'、'.join(sorted(set(slot.pairs)))}）"
            reworded.append(_priority("reworded", b, a, so, sn, basis, ev_o, ev_n))
            used.append((a, b))

    def taken(term: str, side: int) -> bool:
        return any(_overlaps(term, pair[side]) for pair in used)

    new = _drop_nested([(t, counts[t][1]) for t in cands if not counts[t][0] and counts[t][1]])
    dropped = _drop_nested([(t, counts[t][0]) for t in cands if counts[t][0] and not counts[t][1]])
    out = list(reworded)
    out += [_priority("new", t, None, so, sn, cands[t].basis()) for t in new if not taken(t, 1)]
    out += [_priority("dropped", t, None, so, sn, cands[t].basis()) for t in dropped if not taken(t, 0)]
    both = [t for t in cands if counts[t][0] and counts[t][1]]
    lo, ln = len(so.report.text), len(sn.report.text)

    def moved(t: str) -> float:
        a, b = per10k(counts[t][0], lo), per10k(counts[t][1], ln)
        return abs(math.log((b + 0.5) / (a + 0.5)))

    both.sort(key=lambda t: (-cands[t].strength(), -moved(t), t))
    out += [_priority("continued", t, None, so, sn, cands[t].basis()) for t in both[:MAX_CONTINUED]]
    out.sort(key=lambda p: (_ORDER[p.change], -(p.old_count + p.new_count), p.term))
    return out, cands


# --- targets --------------------------------------------------------------------------------


def figures_of(side: _Side) -> list[figures.Found]:
    """Every figure of one side's report (targets, results, multi-year), with its headline rank."""
    o = side.outline
    return figures.extract_all(side.folded, side.report.text, side.year, o.sentences, o.blocks,
                               o.paragraphs, side.locate)


def _targets(fo: Sequence[figures.Found], fn: Sequence[figures.Found], peers: bool = False
             ) -> list[TargetChange]:
    old, new = figures.headline_targets(fo), figures.headline_targets(fn)
    rows: list[tuple[str, Figure | None, Figure | None]] = []
    for ind in old.keys() & new.keys():
        rows.append((ind, old[ind], new[ind]))
    # one side states a figure, the other only words (固定资产投资增长7.5%左右 → 固定资产投资提质增效)
    left_old = {figures.base_of(i): i for i in old if i not in new}
    left_new = {figures.base_of(i): i for i in new if i not in old}
    for base in sorted(left_old.keys() & left_new.keys()):
        rows.append((base, old[left_old.pop(base)], new[left_new.pop(base)]))
    rows += [(i, old[i], None) for i in left_old.values()]
    rows += [(i, None, new[i]) for i in left_new.values()]

    def pos(r: tuple[str, Figure | None, Figure | None]) -> tuple[int, int, str]:
        f = r[1] or r[2]
        assert f is not None
        return (0 if r[1] else 1, f.evidence.span.start, r[0])

    rows.sort(key=pos)
    out = []
    for canonical, o, n in rows:
        shown = n or o
        assert shown is not None
        name = shown.indicator if figures.key(shown) == canonical else figures.base_of(shown.indicator)
        d = figures.direction(o, n, peers)
        out.append(TargetChange(name, o, n, d, canonical=canonical, note=figures.note(o, n, d)))
    return out


def target_series(history: Sequence[Report], canonicals: Sequence[str]) -> tuple[TargetSeries, ...]:
    """Each indicator's target across the region's reports, with the result the next report states."""
    return figures.series(history, canonicals)


# --- ranking --------------------------------------------------------------------------------


def _rank(priorities: Sequence[Priority], cands: dict[str, _Cand], targets: Sequence[TargetChange],
          pairs: Sequence[SectionPair], old: Report, new: Report) -> list[RankedChange]:
    items: list[tuple[float, str, str, str, str]] = []  # score, kind, ref, summary, reason
    for p in priorities:
        mentions = p.old_count + p.new_count
        if p.change == "reworded":
            score = 0.9 + 0.1 * min(1.0, mentions / 20)
            items.append((score, "priority", p.term, f"{p.old_term} → {p.term}",
                          f"表述变化（{p.basis}）；提及 {p.old_count} → {p.new_count} 次"))
        elif p.change in ("new", "dropped"):
            strength = cands[p.term].strength() if p.term in cands else 0.5
            n = p.new_count if p.change == "new" else p.old_count
            score = 0.4 + 0.3 * strength + 0.2 * min(1.0, n / 10)
            label = CHANGE_LABELS[p.change]
            reason = f"{label}（{p.basis}）；提及 {n} 次"
            if p.note:
                score *= 0.8
                side = new if p.change == "dropped" else old
                reason += "；可能是摘要省略" if side.meta.kind is Kind.SUMMARY else "；文本不完整"
            items.append((score, "priority", p.term, f"{label}：{p.term}", reason))
        else:
            a, b = p.old_per10k, p.new_per10k
            ratio = (b + 0.01) / (a + 0.01)
            if ratio >= CONTINUED_RATIO or ratio <= 1 / CONTINUED_RATIO:
                score = 0.2 + 0.3 * min(1.0, abs(math.log(ratio)) / math.log(4))
                way = "上升" if ratio > 1 else "下降"
                items.append((score, "priority", p.term, f"{p.term}：每万字 {a:g} → {b:g}",
                              f"延续，强度{way} ×{max(ratio, 1 / ratio):.1f}"))
    for t in targets:
        if t.direction == "unchanged":
            continue
        ov = t.old.value if t.old else "—"
        nv = t.new.value if t.new else "—"
        if t.direction in ("up", "down") and t.old and t.new and t.old.number and t.new.number is not None:
            rel = abs(t.new.number - t.old.number) / abs(t.old.number)
            score = 0.75 + 0.15 * min(1.0, rel)
            delta = abs(t.new.number - t.old.number)
            unit = "个百分点" if t.new.unit == "%" else (t.new.unit or "")  # 6% → 3% is 3 points, not 3%
            reason = f"目标{DIRECTION_LABELS[t.direction]} {delta:g} {unit}".rstrip()
        else:
            score = 0.7
            reason = f"目标{DIRECTION_LABELS[t.direction]}"
        items.append((score, "target", t.indicator, f"{t.indicator}：{ov} → {nv}", reason))
    total_o, total_n = max(1, len(old.text)), max(1, len(new.text))
    for s in pairs:
        if s.relation == "matched":
            continue
        size = len(s.old_text or "") / total_o if s.old_text else len(s.new_text or "") / total_n
        label = f"{s.old_path or s.old_title or ''} → {s.new_path or s.new_title or ''}"
        if s.relation in ("new", "dropped"):
            score = 0.3 + 0.5 * min(1.0, size * 5)
            title = s.new_title if s.relation == "new" else s.old_title
            summary = f"{RELATION_LABELS[s.relation]}{LEVEL_LABELS[s.level]}：{title or ''}"
        else:
            score = (0.2 if s.relation == "moved" else 0.25) + 0.3 * min(1.0, size * 5)
            summary = f"{RELATION_LABELS[s.relation]}{LEVEL_LABELS[s.level]}：{label}"
        share = "新" if s.relation == "new" else "旧"
        reason = f"{LEVEL_LABELS[s.level]}{RELATION_LABELS[s.relation]}，占{share}报告 {size:.0%}"
        items.append((score, "section", s.id, summary, reason))
    kind_order = {"priority": 0, "target": 1, "section": 2}
    items.sort(key=lambda x: (-round(x[0], 6), kind_order[x[1]], x[2], x[3]))
    return [RankedChange(rank=k, kind=kind, ref=ref, summary=summary, score=round(score, 4), reason=reason)
            for k, (score, kind, ref, summary, reason) in enumerate(items, 1)]


# --- history, caveats, record ---------------------------------------------------------------


def _history(ranked: Sequence[RankedChange], priorities: Sequence[Priority], history: Sequence[Report]
             ) -> tuple[TermSeries, ...]:
    if not history:
        return ()
    by_term = {p.term: p for p in priorities}
    terms: list[str] = []
    for r in ranked:
        if r.kind != "priority" or r.ref not in by_term:
            continue
        p = by_term[r.ref]
        for t in (p.old_term, p.term):
            if t and t not in terms:
                terms.append(t)
        if len(terms) >= HISTORY_TERMS:
            break
    years: dict[int, Report] = {}
    for rep in history:
        years.setdefault(rep.meta.year, rep)
    out = []
    for t in terms[:HISTORY_TERMS]:
        pts = tuple((y, per10k(count(t, fold(years[y].text)), len(years[y].text))) for y in sorted(years))
        out.append(TermSeries(term=t, points=pts))
    return tuple(out)


def _ref(r: Report) -> ReportRef:
    caveat = None
    if r.meta.kind is Kind.SUMMARY:
        caveat = "新闻摘要，非报告全文"
    elif r.meta.kind is Kind.PARTIAL:
        caveat = "不完整文本，缺少报告的一部分"
    return ReportRef(region=r.meta.region, year=r.meta.year, kind=r.meta.kind, title=r.meta.title,
                     chars=len(r.text), caveat=caveat)


def _caveats(old: Report, new: Report) -> tuple[str, ...]:
    out = []
    for r in (old, new):
        if r.meta.kind is Kind.SUMMARY:
            out.append(f"{r.meta.year}年{r.meta.region}文本为新闻摘要，并非报告全文：某项重点、章节或目标"
                       "未出现，可能是摘要省略，不一定是真正的变化。")
        elif r.meta.kind is Kind.PARTIAL:
            out.append(f"{r.meta.year}年{r.meta.region}文本不完整：缺失部分的内容无法比较。")
    if old.meta.region != new.meta.region:
        out.append(f"跨地区对比：{old.meta.region}{old.meta.year}年与{new.meta.region}{new.meta.year}年是不同地区，"
                   "“新提出”“不再提及”指一份报告提到而另一份没有，并非时间上的变化。")
    return tuple(out)


def classify(old: Report, old_outline: Outline, new: Report, new_outline: Outline,
             pairs: tuple[SectionPair, ...], history: Sequence[Report] = (), *,
             lexicon_files: Sequence[Path] = ()) -> Comparison:
    """Priorities, targets, ranking → the Comparison record.

    `lexicon_files` add successions to the shipped lexicon and to those named in $YOY_LEXICON.
    """
    successions = lexicon(lexicon_files)
    so, sn = _side(old, old_outline, pairs, "old"), _side(new, new_outline, pairs, "new")
    priorities, cands = _priorities(so, sn, pairs, successions)
    fo, fn = figures_of(so), figures_of(sn)
    targets = _targets(fo, fn, peers=old.meta.region != new.meta.region)
    every = [f.figure for f in (*fo, *fn)]
    results = tuple(f for f in every if not f.is_target and f.period is Period.YEAR)
    multi_year = tuple(f for f in every if f.period is Period.MULTI_YEAR)
    series = target_series(history, [t.canonical or t.indicator for t in targets]) if history else ()
    ranked = _rank(priorities, cands, targets, pairs, old, new)
    return Comparison(
        old=_ref(old), new=_ref(new), sections=tuple(pairs), priorities=tuple(priorities),
        targets=tuple(targets), results=results, ranked=tuple(ranked),
        history=_history(ranked, priorities, history), caveats=_caveats(old, new),
        degraded=align.budget_notes(old, old_outline, new, new_outline, pairs),
        multi_year=multi_year, target_series=series)
