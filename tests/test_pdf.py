"""The A4 PDF briefing, read back with real PDF tools (poppler: pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from yoy import render
from yoy.models import Comparison
from yoy.render import pdf

pytestmark = pytest.mark.pdf

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdftoppm) not installed")


def test_harfbuzz_subset_is_available() -> None:
    assert render.hb_subset_available(), (
        "install libharfbuzz-subset0: weasyprint falls back to fontTools, ~20× slower")
    ffi = pdf._weasyprint().text.ffi  # imported as yoy imports it, without the library search

    assert ffi.harfbuzz_subset is not None, (
        "install libharfbuzz-subset0: weasyprint falls back to fontTools, ~20× slower")


def test_library_search_is_off_only_inside_the_block() -> None:
    import ctypes.util
    import sys

    real = ctypes.util.find_library
    with pdf._no_library_search():
        if sys.platform.startswith("linux"):
            assert ctypes.util.find_library("c") is None
    assert ctypes.util.find_library is real


@pytest.fixture(scope="module")
def render_pdf_file(render_chengyang: Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    (path,) = render.write_briefs(render_chengyang, ("pdf",), out)
    return path


def run(*cmd: str | Path) -> str:
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True).stdout


@needs_poppler
def test_pdf_text(render_pdf_file: Path, render_chengyang: Comparison) -> None:
    text = run("pdftotext", "-layout", render_pdf_file, "-")
    c = render_chengyang
    assert c.new.region in text and str(c.old.year) in text and str(c.new.year) in text
    new = {p.term for p in c.priorities if p.change == "new"}
    new_terms = [r.ref for r in c.ranked if r.kind == "priority" and r.ref in new][:2]  # the best two
    assert new_terms and all(t in text for t in new_terms), new_terms
    assert "附录" not in text and "--appendix" in text  # the redline appendix only when asked


@needs_poppler
def test_pdf_embeds_a_cjk_font(render_pdf_file: Path) -> None:
    fonts = run("pdffonts", render_pdf_file).splitlines()[2:]
    cjk = [line for line in fonts if re.search(r"Noto.*CJK", line)]
    assert cjk, fonts
    assert all(line.split()[-5] == "yes" for line in cjk), cjk  # the "emb" column


@needs_poppler
def test_pdf_pages_header_and_footer(render_pdf_file: Path, render_chengyang: Comparison) -> None:
    info = run("pdfinfo", render_pdf_file) if shutil.which("pdfinfo") else ""
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1)) if info else 2  # type: ignore[union-attr]
    assert pages > 1
    page2 = run("pdftotext", "-f", "2", "-l", "2", "-layout", render_pdf_file, "-")
    lines = [line.strip() for line in page2.splitlines() if line.strip()]
    assert render_chengyang.new.region in lines[0] and str(render_chengyang.new.year) in lines[0]  # header
    assert re.fullmatch(rf"第\s*2\s*/\s*{pages}\s*页", lines[-1]), lines[-1]  # footer


@needs_poppler
def test_pdf_is_marked_as_yoy_output(render_pdf_file: Path) -> None:
    assert render.is_yoy_output(render_pdf_file)
    if shutil.which("pdfinfo"):
        assert re.search(r"Creator:\s+yoy ", run("pdfinfo", render_pdf_file))


@needs_poppler
def test_pdf_first_page_as_png(render_pdf_file: Path, render_output_dir: Path) -> None:
    stem = render_output_dir / "brief-chengyang-2022-2025-page1"
    run("pdftoppm", "-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", render_pdf_file, stem)
    png = stem.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


@pytest.fixture(scope="module")
def render_national_pdfs(tmp_path_factory: pytest.TempPathFactory,
                         render_national: Comparison) -> tuple[Path, Path, Comparison]:
    """全国 2008 → 2009 as the default brief and with --appendix."""
    c = render_national
    short = tmp_path_factory.mktemp("pdf-short")
    (default,) = render.write_briefs(c, ("pdf",), short)
    (full,) = render.write_briefs(c, ("pdf",), tmp_path_factory.mktemp("pdf-full"), appendix=True)
    return default, full, c


def pages_of(path: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", path)).group(1))  # type: ignore[union-attr]


@needs_poppler
def test_national_brief_page_one_is_the_briefing(render_national_pdfs: tuple[Path, Path, Comparison]) -> None:
    default, _, c = render_national_pdfs
    page1 = run("pdftotext", "-f", "1", "-l", "1", "-layout", default, "-")
    assert "全国 2008 → 2009" in page1 and "提法变化要点" in page1 and "主要预期目标" in page1
    ctx = render.brief_context(c)
    shown = ctx["brief_top"]
    assert {p["change"] for p in shown} >= {"new", "dropped", "reworded"}
    flat = re.sub(r"\s+", "", page1)
    for p in shown:  # each formulation with its label and one quoted sentence
        assert p["term"] in flat and p["label"] in flat
    assert flat.count("“") >= len(shown)
    for t in c.targets[:render.BRIEF_CARDS]:  # a card per target: old → new
        new = t.new.value if t.new else "未设"
        old = t.old.value if t.old else "未设"
        assert f"{old}→{new}" in flat, (old, new)
    if len(c.targets) > render.BRIEF_CARDS:  # the rest are counted and left to the target table
        assert f"另有{len(c.targets) - render.BRIEF_CARDS}项目标" in flat
    for code in ("标题用语", "G²", "相似", "对应位置替换", "§"):
        assert code not in page1


@needs_poppler
def test_national_brief_is_short_without_the_appendix(
        render_national_pdfs: tuple[Path, Path, Comparison], render_output_dir: Path) -> None:
    default, full, _ = render_national_pdfs
    assert pages_of(default) <= 6
    assert pages_of(full) > pages_of(default)
    assert "附录" in run("pdftotext", full, "-") and "附录" not in run("pdftotext", default, "-")
    stem = render_output_dir / "brief-national-2008-2009-page1"
    run("pdftoppm", "-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", default, stem)


@needs_poppler
@pytest.mark.parametrize("flag", [[], ["--appendix"]])
def test_cli_appendix_flag(tmp_path: Path, flag: list[str]) -> None:
    from click.testing import CliRunner

    from yoy.cli import cli

    corpus = Path(__file__).resolve().parents[1] / "yoy" / "corpus"
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "compare", "城阳", "2022", "2025",
                                      "--format", "pdf", "-o", str(tmp_path), *flag])
    assert result.exit_code == 0, result.stderr
    text = run("pdftotext", tmp_path / "城阳区_2022-2025.pdf", "-")
    assert ("附录" in text) == bool(flag)


@pytest.mark.parametrize("enabled_before", [True, False])
def test_cyclic_gc_is_paused_only_inside_the_block(enabled_before: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled_before else gc.disable)()
        with pdf._no_cyclic_gc():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled_before
    finally:
        (gc.enable if was else gc.disable)()


def test_a_rewording_on_page_one_quotes_both_years(render_national: Comparison) -> None:
    """A stance change on page 1 shows the old year's sentence and the new one's, not the new alone."""
    html = render.render_pdf_html(render_national)
    lead = html[html.index('<ol class="btop">'):html.index("</ol>")]
    items = re.findall(r'<li><span class="badge ch-reworded">.*?</li>', lead, re.S)
    assert items
    for item in items:
        years = re.findall(r'<span class="yr">(\d{4})', item)
        assert years == [str(render_national.old.year), str(render_national.new.year)], item


def _group_heads(html: str) -> dict[str, list[str]]:
    """Each priority group's table heads (of its first table), by the group's change."""
    out = {}
    for change, body in re.findall(r'<div class="pgroup group-(\w+)"(.*?)</table>', html, re.S):
        out[change] = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', body)
    return out


def test_new_and_dropped_rows_quote_one_year_in_the_pdf(render_chengyang: Comparison) -> None:
    # a new phrase has no sentence of the old year (nor a dropped one of the new): the PDF (and the
    # HTML view) give the year that says it the whole width, not an empty column of dashes
    import dataclasses

    from yoy.models import Change, Side

    c = render_chengyang
    old, new = (f"{y} 原句" for y in (c.old.year, c.new.year))
    heads = _group_heads(render.render_pdf_html(c))
    assert [h for h in heads["new"] if "原句" in h] == [new]
    assert [h for h in heads["dropped"] if "原句" in h] == [old]
    assert [h for h in heads["continued"] if "原句" in h] == [old, new]  # both years quoted
    screen = _group_heads(render.render_html(c))
    assert [h for h in screen["new"] if "原句" in h] == [new]
    assert [h for h in screen["continued"] if "原句" in h] == [old, new]
    # a table where a new phrase does quote the old year keeps both columns (the best one: on the PDF)
    best = next(r.ref for r in c.ranked if any(p.term == r.ref and p.change == Change.NEW
                                               for p in c.priorities))
    first = next(i for i, p in enumerate(c.priorities) if p.term == best)
    other = next(e for p in c.priorities for e in p.evidence if e.side == Side.OLD)
    p = c.priorities[first]
    quoting = dataclasses.replace(p, evidence=(other, *p.evidence))
    both = dataclasses.replace(c, priorities=(*c.priorities[:first], quoting, *c.priorities[first + 1:]))
    assert [h for h in _group_heads(render.render_pdf_html(both))["new"] if "原句" in h] == [old, new]
