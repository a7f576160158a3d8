"""Whatever is thrown at ingest, it either yields reports or raises a `YoyError`, never anything else."""

from __future__ import annotations

import contextlib
from pathlib import Path
from random import Random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from yoy.corpus import parse, render
from yoy.errors import YoyError
from yoy.ingest import extract, ingest_bytes
from yoy.models import IngestResult, Kind

HTML_BITS = ["<div>", "</div>", "<p>", "<br>", "<script>", "</script>", "<nav>", "<!--", "-->",
             "<table><tr><td>", "&nbsp;", "&#x4e00;", "<"]
RAW = Path(__file__).resolve().parents[1] / "fixtures" / "raw"
SEED_LINES = {p.name: p.read_text(encoding="utf-8").splitlines() for p in sorted(RAW.glob("*.txt"))}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CJK_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.sampled_from(list("各位代表:,。!、一二三()——年月日政府工作报告区市县长\n \u3000-【】<>/")),
        st.characters(codec="utf-8"),
    ),
    max_size=3000,
)


def ingest_check(result: IngestResult) -> None:
    for report in result.reports:
        assert report.text and report.meta.region and 1949 <= report.meta.year <= 2100
        assert report.meta.kind in tuple(Kind)
        assert all(line == line.strip() and line for line in report.text.split("\n"))
        assert parse(render(report), "x") == report  # whatever ingest keeps, the corpus can store


def _safe(data: bytes, name: str) -> None:
    with contextlib.suppress(YoyError):
        ingest_check(ingest_bytes(data, name))


@SETTINGS
@given(data=st.binary(max_size=4000), name=st.sampled_from(["a.txt", "a.html", "a"]))
def test_random_bytes(data: bytes, name: str) -> None:
    _safe(data, name)


@SETTINGS
@given(data=st.binary(max_size=4000), version=st.sampled_from([b"1.4", b"1.7", b""]))
def test_random_pdf_bytes(data: bytes, version: bytes) -> None:
    """Bytes that start like a PDF go to pdftotext: reports or a `YoyError`, never a crash or a hang."""
    _safe(b"%PDF-" + version + b"\n" + data, "a.pdf")


@SETTINGS
@given(text=CJK_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_random_text(text: str, encoding: str) -> None:
    _safe(text.encode(encoding, errors="replace"), "t.txt")


@SETTINGS
@given(
    seed=st.sampled_from(sorted(SEED_LINES)),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=4),
    junk=st.lists(st.tuples(st.floats(0, 1), CJK_TEXT), max_size=3),
)
def test_mutated_seeds(seed: str, cuts: list[tuple[float, float]], junk: list[tuple[float, str]]) -> None:
    lines = list(SEED_LINES[seed])
    for a, b in cuts:  # drop a run of lines
        i, j = sorted((int(a * len(lines)), int(b * len(lines))))
        del lines[i:j]
    for pos, text in junk:  # insert garbage lines
        lines.insert(int(pos * len(lines)), text)
    with contextlib.suppress(YoyError):
        ingest_check(extract("\n".join(lines), seed, "0" * 64))


@SETTINGS
@given(
    seed=st.sampled_from(sorted(SEED_LINES)),
    tags=st.lists(st.sampled_from(HTML_BITS), max_size=30),
)
def test_html_garbage(seed: str, tags: list[str]) -> None:
    lines = SEED_LINES[seed]
    step = max(1, len(lines) // (len(tags) + 1))
    out: list[str] = ["<html><body>"]
    for i, line in enumerate(lines):
        out.append(line)
        if i % step == 0 and tags:
            out.append(tags[(i // step) % len(tags)])
    _safe("\n".join(out).encode("utf-8"), "page.html")


@SETTINGS
@given(pages=st.lists(CJK_TEXT, min_size=1, max_size=4))
def test_random_pages(pages: list[str]) -> None:
    """The pages of a split report (`ingest_pages`), whatever they hold: reports or a `YoyError`."""
    import tempfile

    from yoy.ingest import ingest_pages

    with tempfile.TemporaryDirectory() as d:
        paths = []
        for k, text in enumerate(pages):
            path = Path(d) / f"p{k}.txt"
            path.write_text(text + "\n上一页 1 2 下一页\n", encoding="utf-8", errors="replace")
            paths.append(path)
        with contextlib.suppress(YoyError):
            ingest_check(ingest_pages(paths))


@given(numbers=st.lists(st.integers(0, 10_000), min_size=1, max_size=12, unique=True),
       stem=st.sampled_from(["p", "index_", "报告 (", "t20360110_5_"]), first=st.booleans(),
       seed=st.randoms())
def test_numbered_page_names_come_in_page_order(numbers: list[int], stem: str, first: bool,
                                                seed: Random) -> None:
    """`page_order`: one article's page names in any order come back by page number, the page without
    a number first; names of different articles keep the order given."""
    from yoy.ingest.pages import page_order

    close = ")" if stem.endswith("(") else ""
    names = [f"{stem}{n}{close}.html" for n in numbers] + ([stem.rstrip("_ (") + ".html"] if first else [])
    seed.shuffle(names)
    got = [names[i] for i in page_order(names)]
    key = sorted(numbers)
    assert got == ([stem.rstrip("_ (") + ".html"] if first else []) + [f"{stem}{n}{close}.html" for n in key]
    mixed = [*names, "other.htm"]
    assert page_order(mixed) == list(range(len(mixed)))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.floats(0, 1), min_size=1, max_size=3))
@example(cuts=[0.328125])  # a page that ends with a heading (（三）X), the next with a list's lead-in
def test_a_page_split_at_paragraphs_reads_as_the_page(cuts: list[float]) -> None:
    """A national transcription cut into pages at blank lines, each later page under a site's head
    (breadcrumb, headline, article line) and every page above its page links: `ingest_pages` stores
    the report the whole page gives."""
    import tempfile

    from yoy.ingest import ingest_pages

    lines = SEED_LINES["national_2009.txt"]
    blanks = [k for k, line in enumerate(lines) if not line.strip() and k > 10]
    at = sorted({blanks[int(c * (len(blanks) - 1))] for c in cuts})
    parts = [lines[a:b] for a, b in zip([0, *at], [*at, len(lines)], strict=True)]
    head = ["首页 > 要闻", "2009年政府工作报告", "发布时间：2009-03-14", ""]
    whole = extract("\n".join(lines), "whole.txt", "0").reports
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for k, part in enumerate(parts):
            path = Path(d) / f"p{k}.txt"
            page = (head if k else []) + part + ["", f"共{len(parts)}页: 上一页 1 2 下一页"]
            path.write_text("\n".join(page) + "\n", encoding="utf-8")
            paths.append(path)
        joined = ingest_pages(paths).reports
    assert [r.text for r in joined] == [r.text for r in whole]
