"""Ingest: turn pages saved from the web into clean government work reports.

Steps, each in its own module of this package:

1. `reading.read_source`: refuse what is not a readable regular file (missing, directory, device,
   FIFO, socket, empty, over `MAX_INPUT_BYTES`: the read stops there).
2. `reading.decode`: BOMs (UTF-8, UTF-16), BOM-less UTF-16, then strict UTF-8, then
   charset-normalizer (GB18030/GBK …); other NUL bytes or control characters mean a binary file;
   over `MAX_TEXT_CHARS` or HTML deeper than `MAX_HTML_DEPTH` is refused.
3. `markup.html_to_text`: HTML through selectolax, block elements as line breaks, page furniture
   dropped.
4. `lines.clean_lines`: lines stripped, invisible characters dropped, and lines broken inside a
   sentence joined again (wiki transcriptions break at every link and bold phrase, PDF copies at a
   fixed width); real paragraph and heading breaks are kept. `lines.split_articles` cuts a page at
   separator lines (`-`).
5. `article.read_article`, per article: site chrome dropped by the `chrome.CHROME` table, the
   report's start (title / 各位代表 address) and end (its closing exhortation …!) found, an appendix
   (附件 名词解释) kept apart, then the article is classified (speech → `full`/`partial`, news digest
   → `summary`, anything else skipped with a reason) and `metadata.read_metadata` reads its region,
   year, date, session, speaker.

The Chinese words and patterns all steps match are in `patterns`. All matching runs on
`yoy.text.fold` of the text (same length, so offsets index the original); what is kept is the
original text, never reworded. Regions come from `yoy.regions` (every Chinese division).

This module joins the steps for whole inputs (`extract`, `ingest_bytes`, `ingest_file`,
`ingest_files`; `ingest_pages` for the pages of one article a site split over several, joined by
`pages.joined`) and re-exports the names callers use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from yoy import vocab
from yoy.errors import NoReportError
from yoy.ingest import pages, reading
from yoy.ingest.article import read_article as read_article
from yoy.ingest.chrome import CHROME as CHROME
from yoy.ingest.chrome import ChromeRule as ChromeRule
from yoy.ingest.chrome import chrome_rule as chrome_rule
from yoy.ingest.lines import clean_lines as clean_lines
from yoy.ingest.lines import split_articles as split_articles
from yoy.ingest.markup import HTML_SUFFIXES as HTML_SUFFIXES
from yoy.ingest.markup import html_to_text as html_to_text
from yoy.ingest.markup import looks_like_html as looks_like_html
from yoy.ingest.metadata import NOTHING_STATED as NOTHING_STATED
from yoy.ingest.metadata import Stated as Stated
from yoy.ingest.patterns import DATELINE as DATELINE
from yoy.ingest.reading import check_html_depth as check_html_depth
from yoy.ingest.reading import decode as decode
from yoy.ingest.reading import read_source as read_source
from yoy.models import IngestResult, Report, Skipped
from yoy.regions import detect_region as detect_region  # re-exported: callers take them from here
from yoy.regions import level_for_name as level_for_name
from yoy.regions import make_region as make_region
from yoy.regions import regions as regions
from yoy.regions import short_name as short_name


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of the raw input."""
    return hashlib.sha256(data).hexdigest()


def extract(text: str, source: str, sha256: str, stated: Stated = NOTHING_STATED) -> IngestResult:
    """Every report in a decoded page, and every article skipped with its reason (`stated`: the
    region and year the user gave for it)."""
    if looks_like_html(text):
        text = html_to_text(text)
    reports: list[Report] = []
    skipped: list[Skipped] = []
    for chunk in split_articles(clean_lines(text)):
        found = read_article(chunk, source, sha256, stated)
        if isinstance(found, Report):
            reports.append(found)
        elif isinstance(found, Skipped):
            skipped.append(found)
    return IngestResult(reports=tuple(reports), skipped=tuple(skipped))


def _page_text(data: bytes, name: str) -> str:
    """The decoded text of a saved page, its markup read as text."""
    reading.check_size(len(data), name)
    if data.startswith(reading.PDF_MAGIC):
        return reading.pdf_text(data, name)
    text = decode(data, name)
    if Path(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
    return text


def ingest_bytes(data: bytes, name: str, stated: Stated = NOTHING_STATED) -> IngestResult:
    """Reports in the raw bytes of a saved page named `name`; `InputError` if it cannot be read."""
    return extract(_page_text(data, name), name, sha256_hex(data), stated)


def _no_report(path: Path, result: IngestResult, text: str) -> NoReportError:
    why = "; ".join(dict.fromkeys(s.reason for s in result.skipped[:2]))  # reasons only: no file text
    hint = vocab.PAGES_HINT if pages.paginated(text) else ""
    return NoReportError(f"{path}: no government work report found" + (f" ({why})" if why else "") + hint)


def ingest_file(path: Path, stated: Stated = NOTHING_STATED) -> IngestResult:
    """Reports in one saved page; `NoReportError` when it holds none (with a hint when the page is one
    of several a site split an article over: `ingest_pages` reads them together)."""
    data = read_source(path)
    text = _page_text(data, path.name)
    result = extract(text, path.name, sha256_hex(data), stated)
    if not result.reports:
        raise _no_report(path, result, text)
    return result


def page_sequence(paths: Sequence[Path]) -> list[Path]:
    """The pages `paths` of one article in page order (`pages.page_order` of their names), a page
    given twice once (`p1.html p*.html`)."""
    once = list({p.resolve(): p for p in paths}.values())  # (where each file first stands)
    return [once[i] for i in pages.page_order([p.name for p in once])]


def ingest_pages(paths: Sequence[Path], stated: Stated = NOTHING_STATED) -> IngestResult:
    """The pages of one article a site split over several (`yoy ingest --pages`), in page order
    (`page_sequence`), read as one page (`pages.joined`); `NoReportError` when they hold no report.
    Its source names the first page and the count, its digest is of the pages' bytes one after
    another."""
    if not paths:
        raise NoReportError("no pages given")
    paths = page_sequence(paths)
    datas = [read_source(p) for p in paths]
    text = pages.joined([_page_text(d, p.name) for d, p in zip(datas, paths, strict=True)])
    first = paths[0].name
    source = first if len(paths) == 1 else vocab.PAGES_SOURCE.format(first=first, n=len(paths))
    result = extract(text, source, sha256_hex(b"".join(datas)), stated)
    if not result.reports:
        raise _no_report(paths[0], result, "")
    return result


def ingest_files(paths: Iterable[Path], progress: Callable[[Path], None] | None = None,
                 stated: Stated = NOTHING_STATED) -> IngestResult:
    """Reports in every file; any unreadable file or file without a report fails the whole run
    (`stated`: the region and year the user gave for them)."""
    reports: list[Report] = []
    skipped: list[Skipped] = []
    for path in paths:
        result = ingest_file(path, stated)
        reports += result.reports
        skipped += result.skipped
        if progress:
            progress(path)
    return IngestResult(reports=tuple(reports), skipped=tuple(skipped))
