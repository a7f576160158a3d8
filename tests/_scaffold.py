"""Test scaffolding for align/classify: reports cut from the raw seeds and a minimal outline.

Only for tests and benchmarks until `yoy.corpus` and `yoy.outline` land; nothing in `yoy/` uses it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from yoy.models import Block, Kind, Level, Outline, Report, ReportMeta, Role, Span
from yoy.text import fold

RAW = Path(__file__).resolve().parents[1] / "fixtures" / "raw"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
NUMERALS = "一二三四五六七八九十"


def _meta(region: str, year: int, kind: Kind, source: str, text: str) -> ReportMeta:
    return ReportMeta(region=region, level=Level.DISTRICT, year=year, kind=kind,
                      title=f"{year}年{region}政府工作报告", date=None, session=None, speaker=None,
                      source=source, source_sha256=hashlib.sha256(text.encode()).hexdigest())


def _raw(prefix: str) -> list[str]:
    path = next(RAW.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8").splitlines()


def chengyang_2022() -> Report:
    lines = _raw("004")
    start = next(i for i, ln in enumerate(lines) if ln.strip() == "各位代表:")
    end = next(i for i, ln in enumerate(lines) if "您需要登录" in ln)
    text = "\n".join(ln.strip() for ln in lines[start:end] if ln.strip())
    return Report(meta=_meta("城阳区", 2022, Kind.FULL, "004", text), text=text)


def chengyang_2025() -> Report:
    lines = _raw("002")
    body = [ln.strip() for ln in lines[1:] if ln.strip() and not ln.startswith("(半岛")]
    text = "\n".join(body)
    return Report(meta=_meta("城阳区", 2025, Kind.SUMMARY, "002", text), text=text)


def _one_line(line_no: int, region: str) -> Report:
    text = _raw("003")[line_no].strip()
    return Report(meta=_meta(region, 2019, Kind.FULL, "003", text), text=text)


def jimo_2019() -> Report:
    return _one_line(2, "即墨区")


def laoshan_2019() -> Report:
    return _one_line(6, "崂山区")


# --- minimal outline --------------------------------------------------------------------------

_END = "。!?;\n"


def _sentences(text: str) -> tuple[Span, ...]:
    folded, out, start = fold(text), [], 0
    for i, ch in enumerate(folded):
        if ch in _END:
            out.append(Span(start, i + 1))
            start = i + 1
    if start < len(text):
        out.append(Span(start, len(text)))
    return tuple(out)


def _paragraphs(text: str) -> tuple[Span, ...]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append(Span(start, start + len(line)))
        start += len(line) + 1
    return tuple(out)


def _role(title: str) -> Role:
    if "回顾" in title:
        return Role.REVIEW
    if re.search(r"安排|重点|目标|工作", title):
        return Role.PLAN
    return Role.OTHER


def _title_end(text: str, start: int, limit: int = 40) -> int:
    nl = text.find("\n", start, start + 2 * limit)
    if nl >= 0:  # a heading on its own line: the whole line
        return nl
    folded = fold(text)
    m = re.compile(r"[。,:\n]").search(folded, start, min(len(text), start + limit + 1))
    return m.start() if m else min(len(text), start + limit)


def _numbered(text: str) -> Outline:
    folded = fold(text)
    part_re = re.compile(r"(?:^|(?<=[\s。]))([一二三四五六七八九十])、")
    heads: list[tuple[int, int, int]] = []  # start, n, title start
    expect = 1
    for m in part_re.finditer(folded):
        n = NUMERALS.index(m.group(1)) + 1
        if n == expect:
            heads.append((m.start(1), n, m.end()))
            expect += 1
    parts: list[Block] = []
    for k, (start, n, tstart) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        tend = _title_end(text, tstart)
        title = text[tstart:tend].strip()
        role = _role(title)
        sec_re = re.compile(r"\(([一二三四五六七八九十])\)")
        secs: list[tuple[int, int, int]] = []
        sexpect = 1
        for m in sec_re.finditer(folded, start, end):
            sn = NUMERALS.index(m.group(1)) + 1
            if sn == sexpect:
                secs.append((m.start(), sn, m.end()))
                sexpect += 1
        children = []
        for j, (s_start, sn, s_tstart) in enumerate(secs):
            s_end = secs[j + 1][0] if j + 1 < len(secs) else end
            s_tend = _title_end(text, s_tstart, 60)
            children.append(Block(id=f"p{n}.s{sn}", level="section", n=sn,
                                  title=text[s_tstart:s_tend].strip(), title_span=Span(s_tstart, s_tend),
                                  span=Span(s_start, s_end), role=role))
        parts.append(Block(id=f"p{n}", level="part", n=n, title=title, title_span=Span(tstart, tend),
                           span=Span(start, end), role=role, children=tuple(children)))
    return Outline(blocks=tuple(parts), paragraphs=_paragraphs(text), sentences=_sentences(text))


def _digest(report: Report) -> Outline:
    text = report.text
    paras = _paragraphs(text)
    lead = re.compile(rf"^{report.meta.year}年,\S{{2,8}}?将(在.+?上[^,。]+)")
    leads = [(k, m) for k, p in enumerate(paras) if (m := lead.match(fold(text[p.start:p.end])))]
    children = []
    for j, (k, m) in enumerate(leads):
        p = paras[k]
        end = paras[leads[j + 1][0]].start if j + 1 < len(leads) else len(text)
        ts = p.start + m.start(1)
        te = p.start + m.end(1)
        children.append(Block(id=f"p0.s{j + 1}", level="section", n=None, title=text[ts:te],
                              title_span=Span(ts, te), span=Span(p.start, end), role=Role.PLAN))
    part = Block(id="p0", level="part", n=None, title="", title_span=Span(0, 0), span=Span(0, len(text)),
                 role=Role.OTHER, children=tuple(children))
    return Outline(blocks=(part,), paragraphs=paras, sentences=_sentences(text))


def mini_outline(report: Report) -> Outline:
    """Parts 一、 and sections (一) when numbered; else the digest's 'YYYY年,X将在…上…' lead paragraphs."""
    if report.meta.kind is Kind.SUMMARY:
        return _digest(report)
    return _numbered(report.text)


def segment(report: Report) -> Outline:
    """The real segmenter when it works, else the minimal one above."""
    try:
        from yoy import outline

        return outline.segment(report)
    except NotImplementedError:
        return mini_outline(report)


CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def from_corpus(region: str, year: int) -> Report | None:
    """The report from the real corpus (fixtures/corpus) once `yoy.corpus` works, else None."""
    try:
        from yoy.corpus import Corpus

        return Corpus(CORPUS).load(region, year) if CORPUS.exists() else None
    except NotImplementedError:
        return None


def gold_pair() -> tuple[Report, Report]:
    """城阳区 2022 → 2025: from the corpus if it loads, else cut from the raw seeds."""
    old, new = from_corpus("城阳区", 2022), from_corpus("城阳区", 2025)
    if old is None or new is None:
        return chengyang_2022(), chengyang_2025()
    return old, new
