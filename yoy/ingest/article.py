"""One article of a page read as a work report: where it starts and ends, what kind it is, its
metadata; or why it is not one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from yoy import vocab
from yoy.ingest.chrome import ChromeRule, chrome_rule
from yoy.ingest.lines import TITLE_MAX_CHARS, fold_lines
from yoy.ingest.metadata import NOTHING_STATED, OPENING_WINDOW_CHARS, Stated, read_metadata
from yoy.ingest.patterns import (
    ADDRESS,
    APPENDIX_LINE,
    CLOSING_WORDS,
    COLUMN_TAG,
    DELIVERS,
    HEADER_LINE,
    OPEN_ADDRESS,
    PART_AT_LINE,
    PART_IN_RUN,
    THIRD_PERSON,
    TITLE_LINE,
    TITLE_YEAR,
)
from yoy.models import Kind, Report, ReportMeta, Skipped
from yoy.text import chinese_number, fold

MIN_ARTICLE_CHARS = 200  # a chunk with less text (after chrome) is page furniture, not an article
MIN_REPORT_CHARS = 1500  # a work report, even a digest of one, is longer than this
HEADER_WINDOW_LINES = 6  # how far above the 各位代表 address the title may stand
CLOSING_TAIL_CHARS = 800  # the closing exhortation: 让我们 / 各位代表 this near the final !
SKIPPED_TITLE_CHARS = 60  # how much of an untitled article names it in a skip notice
# Without title or address, the report starts at the first line this long (prose, not a menu item).
PROSE_MIN_CHARS = 20
# A line longer than this is a run-on report (a whole report on a line or two), whose part headings
# stand mid-line. Calibrated on fixtures/raw: the longest real paragraph has under 2,300 characters
# (a seed page's list of figures; the national reports' stay under 900), the run-on seed page's two
# lines over 16,000.
RUN_ON_LINE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class _Article:
    """One article's lines, folded lines and chrome verdicts."""

    lines: list[str]
    flines: list[str]
    chrome: list[ChromeRule | None]

    def content(self, start: int, end: int) -> list[int]:
        return [i for i in range(start, end) if self.chrome[i] is None]


@dataclass(frozen=True, slots=True)
class _Bounds:
    """Where the report stands in its article (line indices)."""

    titles: list[int]  # short lines naming a 工作报告
    address: int | None  # the 各位代表: line
    start: int
    end: int  # exclusive
    closing: int | None  # the closing exhortation's line


@dataclass(frozen=True, slots=True)
class _Body:
    """The report's text (original and folded) and its appendix."""

    text: str
    ftext: str
    flines: list[str]
    appendix: str


def _part_numbers(flines: Sequence[str]) -> list[int]:
    numbers: list[int] = []
    for fl in flines:
        if len(fl) > RUN_ON_LINE_CHARS:  # a run-on report on one line: headings sit mid-line
            numbers += [n for m in PART_IN_RUN.finditer(fl) if (n := chinese_number(m.group(1)))]
        elif (m := PART_AT_LINE.match(fl)) and (n := chinese_number(m.group(1))):
            numbers.append(n)
    return numbers


def _is_closing(fl: str) -> bool:
    if not fl.endswith("!"):
        return False
    tail = fl[-CLOSING_TAIL_CHARS:]
    return any(word in tail for word in CLOSING_WORDS)


def _title_of(line: str) -> str:
    return COLUMN_TAG.sub("", line).strip()


def _find_start(a: _Article, address: int | None, titles: list[int]) -> int:
    content = a.content(0, len(a.lines))
    if address is not None:
        for j in range(address - 1, max(-1, address - 1 - HEADER_WINDOW_LINES), -1):
            if a.chrome[j] is not None:
                continue
            if len(a.flines[j]) > TITLE_MAX_CHARS:
                break
            if j in titles:
                return j
        start = address
        while start - 1 >= 0 and a.chrome[start - 1] is None and HEADER_LINE.search(a.flines[start - 1]) \
                and len(a.flines[start - 1]) <= TITLE_MAX_CHARS:
            start -= 1
        return start
    # no address: the first line that reads like report prose or a heading …
    fl = a.flines
    prose = next((i for i in content if PART_AT_LINE.match(fl[i]) or len(fl[i]) >= PROSE_MIN_CHARS), None)
    if titles:
        # … and the title line nearest above it (a digest's headline: a column of earlier years'
        # reports above it is the page's)
        return next((i for i in reversed(titles) if prose is None or i <= prose), titles[0])
    return content[0] if prose is None else prose


def _title_index(a: _Article, b: _Bounds) -> int:
    """The line the report's title is read from: the title line at the report's start or nearest
    above it (a page's headline above the report's own title, 重磅！…全文来了, and a column of
    earlier years' reports above the article, a government site's side list, are the page's). When
    that line names no year (`TITLE_YEAR`: a bare 政府工作报告, or two titles run together), a line
    above it that names one and holds it, or that it holds, is the fuller title. No title line up to
    the start: the first one."""
    def title(i: int) -> str:
        return _title_of(a.flines[i])

    def names_year(t: str) -> bool:
        return t.count(vocab.REPORT_TITLE) == 1 and any(p.search(t) for p in TITLE_YEAR)

    above = [i for i in b.titles if i <= b.start]
    if not above:
        return b.titles[0]
    own = title(above[-1])
    if names_year(own):
        return above[-1]
    return next((i for i in reversed(above[:-1]) if names_year(t := title(i)) and (own in t or t in own)),
                above[-1])


def _article_name(a: _Article) -> str:
    for i in a.content(0, len(a.lines)):
        line = a.lines[i]
        return line if len(line) <= TITLE_MAX_CHARS else line[:SKIPPED_TITLE_CHARS] + "…"
    return ""


def _bounds(a: _Article) -> _Bounds:
    """Title lines, address, and the report's first and last line: it ends at its closing
    exhortation, else at the first chrome line that only follows articles, else with the article."""
    content = a.content(0, len(a.lines))
    titles = [i for i in content if len(a.flines[i]) <= TITLE_MAX_CHARS and TITLE_LINE.search(a.flines[i])]
    address = next((i for i in content if OPEN_ADDRESS.search(a.flines[i])), None)
    start = _find_start(a, address, titles)
    # The closing exhortation stands in the last part: an earlier one (各位代表,…建功新时代!) ends a part.
    last_part = max((i for i in content if PART_AT_LINE.match(a.flines[i])), default=start)
    after = max(start, last_part)
    closing = next((i for i in reversed(content) if i >= after and _is_closing(a.flines[i])), None)
    if closing is not None:
        end = closing + 1
    else:
        end = next((i for i in range(start, len(a.lines)) if (r := a.chrome[i]) and r.ends), len(a.lines))
    return _Bounds(titles, address, start, end, closing)


def _appendix(a: _Article, end: int) -> list[int]:
    """Lines of an appendix (附件, 名词解释) right after the closing, up to the first chrome line."""
    first = next((i for i in range(end, len(a.lines)) if a.chrome[i] is None), None)
    if first is None or not APPENDIX_LINE.match(a.flines[first]):
        return []
    out = []
    for i in range(first, len(a.lines)):
        if a.chrome[i] is not None:
            break
        out.append(i)
    return out


def _body(a: _Article, b: _Bounds) -> _Body:
    """The report's lines without chrome (a column tag dropped from its title), and its appendix."""
    body_idx = a.content(b.start, b.end)
    body_lines = [a.lines[i] for i in body_idx]
    fbody_lines = [a.flines[i] for i in body_idx]
    if body_idx and body_idx[0] in b.titles:
        tag = COLUMN_TAG.match(body_lines[0])
        if tag:
            body_lines[0], fbody_lines[0] = body_lines[0][tag.end():], fbody_lines[0][tag.end():]
    appendix_idx = _appendix(a, b.end) if b.closing is not None else []
    appendix = "\n".join(a.lines[i] for i in appendix_idx)
    return _Body("\n".join(body_lines), "\n".join(fbody_lines), fbody_lines, appendix)


def _kind(body: _Body, b: _Bounds) -> Kind | str:
    """Full speech, partial speech or news digest; or the reason the article is not a work report.

    A speech addresses the deputies and opens (address line, or the 向大会报告工作 formula), closes
    or numbers at least two parts; a digest has no address but a title and a third-person account of
    the leader delivering the report."""
    has_address = ADDRESS.search(body.ftext) is not None
    opened = b.address is not None or bool(DELIVERS.search(body.ftext[:OPENING_WINDOW_CHARS]) and has_address)
    parts = _part_numbers(body.flines)
    titled = bool(b.titles)
    speech = has_address and (opened or b.closing is not None or len(set(parts)) >= 2)
    digest = not has_address and titled and bool(THIRD_PERSON.search(body.ftext))
    if not (speech or digest):
        if titled:
            return vocab.NOT_A_REPORT["titled"]
        if has_address:
            return vocab.NOT_A_REPORT["address"]
        return vocab.NOT_A_REPORT["none"]
    if len(body.text) < MIN_REPORT_CHARS:
        return (f"too short for a work report: {len(body.text):,} characters, a report has "
                f"{MIN_REPORT_CHARS:,}+")
    if digest:
        return Kind.SUMMARY
    if not opened or b.closing is None or (parts and parts[0] != 1):
        return Kind.PARTIAL
    return Kind.FULL


def read_article(lines: Sequence[str], source: str, sha256: str, stated: Stated = NOTHING_STATED
                 ) -> Report | Skipped | None:
    """One article as a `Report`, a `Skipped` with the reason, or None for page furniture."""
    flines = fold_lines(lines)
    a = _Article(list(lines), flines, [chrome_rule(fl) for fl in flines])
    if sum(len(lines[i]) for i in a.content(0, len(lines))) < MIN_ARTICLE_CHARS:
        return None
    name = _article_name(a)
    bounds = _bounds(a)
    body = _body(a, bounds)
    kind = _kind(body, bounds)
    if not isinstance(kind, Kind):  # Kind is a StrEnum: test for it, not for str
        return Skipped(source=source, title=name, reason=kind)
    title_line = _title_of(lines[_title_index(a, bounds)]) if bounds.titles else ""
    ftitle = _title_of(fold(title_line)) if title_line else ""
    meta = read_metadata(body.text, body.ftext, ftitle, kind, stated)
    if isinstance(meta, str):
        return Skipped(source=source, title=name, reason=meta)
    title = title_line or vocab.DEFAULT_TITLE.format(region=meta.region, year=meta.year)
    return Report(
        meta=ReportMeta(region=meta.region, level=meta.level, year=meta.year, kind=kind, title=title,
                        date=meta.date, session=meta.session, speaker=meta.speaker, source=source,
                        source_sha256=sha256),
        text=body.text,
        appendix=body.appendix,
    )
