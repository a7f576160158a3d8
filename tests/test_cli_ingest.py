"""`yoy ingest`, `yoy list`, `yoy show` through click's CliRunner, including every error path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from yoy import ingest
from yoy.cli import cli
from yoy.corpus import Corpus

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "fixtures" / "raw").glob("0*.txt"))  # the five seed pages


@pytest.fixture(autouse=True)
def ingest_isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user corpus."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("YOY_CORPUS", raising=False)


def ingest_run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def ingest_snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_one_line_error(result: Result, code: int, *words: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("yoy: "), result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    result = ingest_run("--corpus", root, "ingest", *SEEDS)
    assert result.exit_code == 0, result.output + result.stderr
    return root


def test_ingest_seeds(corpus_dir: Path) -> None:
    result = ingest_run("--corpus", corpus_dir, "ingest", *SEEDS)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert sum(line.startswith("unchanged: ") for line in lines) == 6
    assert sum(line.startswith("skipped: ") for line in lines) == 8
    assert any(line.startswith("unchanged: 崂山区 2019 full ") and "chars" in line for line in lines)
    assert len(ingest_snapshot(corpus_dir)) == 6


def test_ingest_first_time_output(tmp_path: Path) -> None:
    result = ingest_run("--corpus", tmp_path / "c", "ingest", SEEDS[3])
    assert result.exit_code == 0
    added = [line for line in result.stdout.splitlines() if line.startswith("added: ")]
    assert len(added) == 2 and all(str(tmp_path / "c") in line for line in added)
    assert "not a work report" in result.stdout


def test_env_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YOY_CORPUS", str(tmp_path / "env"))
    assert ingest_run("ingest", SEEDS[4]).exit_code == 0
    assert (tmp_path / "env" / "城阳区" / "2022.md").is_file()


def ingest_edited_seed(path: Path) -> Path:
    """Seed 004 with a few words changed: a different text for 城阳区 2022."""
    text = SEEDS[4].read_text(encoding="utf-8").replace("攻坚克难", "攻坚克难、奋进")
    path.write_text(text, encoding="utf-8")
    return path


def test_default_writes_user_corpus(tmp_path: Path) -> None:
    page = ingest_edited_seed(tmp_path / "page.txt")
    assert ingest_run("ingest", page).exit_code == 6  # differs from the embedded 城阳区 2022
    result = ingest_run("ingest", "--replace", page)
    assert result.exit_code == 0 and "replaced: 城阳区 2022" in result.stdout
    assert (tmp_path / "xdg" / "yoy" / "corpus" / "城阳区" / "2022.md").is_file()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    result = ingest_run("--corpus", tmp_path / "c", "ingest", "--dry-run", *SEEDS)
    assert result.exit_code == 0
    assert result.stdout.count("would add: ") == 6
    assert not (tmp_path / "c").exists()


def test_refused_without_replace(corpus_dir: Path, tmp_path: Path) -> None:
    page = ingest_edited_seed(tmp_path / "other.txt")
    before = ingest_snapshot(corpus_dir)
    result = ingest_run("--corpus", corpus_dir, "ingest", page)
    assert_one_line_error(result, 6, "城阳区", "2022.md", "--replace")
    assert ingest_snapshot(corpus_dir) == before
    result = ingest_run("--corpus", corpus_dir, "ingest", "--replace", page)
    assert result.exit_code == 0 and "replaced: 城阳区 2022" in result.stdout


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    news = tmp_path / "news.txt"
    news.write_text("本地新闻\n" + "今天天气很好,市民纷纷外出游玩,公园里人来人往。" * 30, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    return {"empty": empty, "binary": binary, "no report": news, "directory": folder,
            "no such file": tmp_path / "missing.txt"}


@pytest.mark.parametrize("case", ["empty", "binary", "no report", "directory", "no such file"])
def test_bad_input_one_line_and_nothing_written(corpus_dir: Path, tmp_path: Path, case: str) -> None:
    bad = _bad_inputs(tmp_path)[case]
    before = ingest_snapshot(corpus_dir)
    changed_good = ingest_edited_seed(tmp_path / "good.txt")
    result = ingest_run("--corpus", corpus_dir, "ingest", "--replace", changed_good, bad)
    word = {"no report": "no government work report"}.get(case, case)
    assert_one_line_error(result, 3, word, bad.name)
    assert ingest_snapshot(corpus_dir) == before


def test_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest.reading, "MAX_INPUT_BYTES", 1000)
    result = ingest_run("--corpus", tmp_path / "c", "ingest", SEEDS[0])
    assert_one_line_error(result, 3, "too large", "limit for a saved page")
    assert not (tmp_path / "c").exists()


def test_list_table_and_json(corpus_dir: Path) -> None:
    result = ingest_run("--corpus", corpus_dir, "list")
    assert result.exit_code == 0
    for word in ("region", "year", "kind", "characters", "parts", "崂山区", "summary", "partial"):
        assert word in result.stdout
    data = json.loads(ingest_run("--corpus", corpus_dir, "list", "--format", "json").stdout)
    assert [(d["region"], d["year"]) for d in data] == sorted((d["region"], d["year"]) for d in data)
    assert len(data) == 6 and all(d["chars"] > 1000 for d in data)
    assert all(d["parts"] is None or d["parts"] >= 1 for d in data)


def test_list_empty(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = ingest_run("--corpus", tmp_path / "empty", "list")
    assert result.exit_code == 0 and "empty" in result.stdout
    assert json.loads(ingest_run("--corpus", tmp_path / "empty", "list", "--format", "json").stdout) == []


def test_missing_corpus_directory_is_not_empty(tmp_path: Path) -> None:
    result = ingest_run("--corpus", tmp_path / "none", "list")
    assert_one_line_error(result, 4, "does not exist", "ingest")


def test_list_default_corpus_shows_embedded() -> None:
    result = ingest_run("list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) == 20 and sum(d["region"] == "全国" for d in data) == 14


def test_show_text_and_json(corpus_dir: Path) -> None:
    result = ingest_run("--corpus", corpus_dir, "show", "laoshan", "2019")
    assert result.exit_code == 0
    assert "speaker:        赵燕" in result.stdout and "各位代表:现在" in result.stdout
    shinan = ingest_run("--corpus", corpus_dir, "show", "市南", "2025").stdout
    assert "--- appendix ---" in shinan
    data = json.loads(ingest_run("--corpus", corpus_dir, "show", "jimo", "2019", "--format", "json").stdout)
    assert data["region"] == "即墨区" and data["date"] == "2019-01-31" and "outline" not in data


def test_show_json_has_the_text_as_the_text_view_does(corpus_dir: Path) -> None:
    # "its metadata and text (or outline)": the JSON holds what the text view prints
    for region, year in (("laoshan", 2019), ("市南", 2025)):
        report = Corpus(corpus_dir).load(region, year)
        data = json.loads(ingest_run("--corpus", corpus_dir, "show", region, str(year), "--format",
                                     "json").stdout)
        assert data["text"] == report.text and data["chars"] == len(report.text)
        assert data.get("appendix", "") == report.appendix
    assert Corpus(corpus_dir).load("市南", 2025).appendix  # the case with an appendix is covered
    outline = json.loads(ingest_run("--corpus", corpus_dir, "show", "城阳", "2022", "--outline",
                                    "--format", "json").stdout)
    assert "outline" in outline and "text" not in outline  # the outline instead of the text


def test_show_outline(corpus_dir: Path) -> None:
    result = ingest_run("--corpus", corpus_dir, "show", "城阳", "2022", "--outline", "--format", "json")
    assert result.exit_code == 0, result.stderr
    outline = json.loads(result.stdout)["outline"]
    assert outline and {"n", "title", "level", "span", "children"} <= set(outline[0])
    text = ingest_run("--corpus", corpus_dir, "show", "城阳", "2022", "--outline")
    assert text.exit_code == 0 and "一、" in text.stdout


def test_show_unknown_region_and_year(corpus_dir: Path) -> None:
    def show(region: str, year: str) -> Result:
        return ingest_run("--corpus", corpus_dir, "show", region, year)

    assert_one_line_error(show("laoshn", "2019"), 4, "did you mean 崂山区")
    assert_one_line_error(show("xyzzy", "2019"), 4, "unknown region")
    assert_one_line_error(show("崂山", "2025"), 4,
                          "no 2025 report for 崂山区", "(it has 2019)", "ingest PATH-TO-SAVED-PAGE")


@pytest.mark.parametrize(("query", "suggestion"), [
    ("火星", None),  # one character in common with many names (星), not close in sound to any
    ("火星区", None),  # the suffix 区 does not count as a kept character
    ("咖啡", None),
    ("劳山", "崂山区"),  # one character kept, and a homophone: suggested by its sound
    ("市难", "市南区"),
    ("城阳去", "城阳区"),  # two of three characters kept
    ("laoshn", "崂山区"),
])
def test_a_suggestion_keeps_most_of_a_short_query(query: str, suggestion: str | None) -> None:
    result = ingest_run("show", query, "2019")
    assert result.exit_code == 4 and "unknown region" in result.stderr, result.stderr
    if suggestion is None:
        assert "did you mean" not in result.stderr and "the corpus has" in result.stderr
    else:
        assert f"did you mean {suggestion}?" in result.stderr


def test_default_missing_year_message() -> None:
    result = ingest_run("show", "崂山", "2025")
    assert result.exit_code == 4
    assert result.stderr.strip() == (
        "yoy: no 2025 report for 崂山区 in the corpus (it has 2019); "
        "add one with: yoy ingest PATH-TO-SAVED-PAGE"
    )


@pytest.mark.parametrize("command", ["ingest", "list", "show"])
def test_help_has_example(command: str) -> None:
    result = ingest_run(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout and f"yoy {command}" in result.stdout


NATIONAL_DIGEST = REPO / "fixtures" / "ingest" / "national_digest.txt"  # invented news digest


def test_ingest_reads_a_national_digest(tmp_path: Path) -> None:
    """A news digest of the national report: the premier delivers it 代表国务院 (not 代表…政府), and its
    plan names the year as 2031年发展主要预期目标."""
    result = ingest_run("--corpus", tmp_path / "c", "ingest", NATIONAL_DIGEST)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("added: 全国 2031 summary ")


def test_ingest_region_and_year_given_by_the_user(tmp_path: Path) -> None:
    """`--year`/`--region` stand in for what a page does not tell, and win over what it tells."""
    page = tmp_path / "digest.txt"
    text = NATIONAL_DIGEST.read_text(encoding="utf-8").replace("2031年", "今年")
    page.write_text(text, encoding="utf-8")
    root = tmp_path / "c"
    assert_one_line_error(ingest_run("--corpus", root, "ingest", page), 3, "--year")
    assert not root.exists() or not ingest_snapshot(root)
    ok = ingest_run("--corpus", root, "ingest", "--year", "2032", "--region", "shandong", page)
    assert ok.exit_code == 0, ok.stderr
    assert ok.stdout.startswith("added: 山东省 2032 summary ")
    assert Corpus(root).load("山东省", 2032).meta.year == 2032
    assert_one_line_error(ingest_run("--corpus", root, "ingest", "--region", "无此地方", page), 4,
                          "unknown region")


SIDE_LIST_CASE = REPO / "fixtures" / "ingest" / "side_list_page.case"  # an invented city report
SPLIT_PAGES = sorted((REPO / "fixtures" / "ingest" / "split").glob("p*.html"))  # that report over 3 pages


def test_ingest_pages_reads_a_split_report_as_one(tmp_path: Path) -> None:
    """`--pages`: the three pages a site split the report of `side_list_page.case` over store the report
    its whole text gives, the sentence a page break cut whole again, the site's head and page links
    dropped; a later page alone is refused with a hint at `--pages`, and stores nothing."""
    text = SIDE_LIST_CASE.read_text(encoding="utf-8").split("=== input\n")[1].split("=== meta")[0]
    lines = text.splitlines()
    whole = tmp_path / "whole.txt"
    whole.write_text("\n".join(lines[lines.index("2036年青禾市政府工作报告"):-1]) + "\n", encoding="utf-8")
    one, split = tmp_path / "one", tmp_path / "split"
    assert ingest_run("--corpus", one, "ingest", whole).exit_code == 0
    assert len(SPLIT_PAGES) == 3
    result = ingest_run("--corpus", split, "ingest", "--pages", *SPLIT_PAGES)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("added: 青禾市 2036 full ")
    stored, want = Corpus(split).load("青禾市", 2036), Corpus(one).load("青禾市", 2036)
    assert stored.text == want.text and stored.meta.title == want.meta.title
    assert stored.meta.source == "p1.html（共3页）"
    assert "下一页" not in stored.text and "发布时间" not in stored.text
    assert_one_line_error(ingest_run("--corpus", tmp_path / "c", "ingest", SPLIT_PAGES[1]), 3, "--pages")
    assert not (tmp_path / "c").exists() or not ingest_snapshot(tmp_path / "c")


def test_ingest_pages_reads_numbered_pages_in_page_order(tmp_path: Path) -> None:
    """`--pages` given the pages as a shell's glob lists them (p10 before p9) reads them in page order,
    says so on stderr, and stores what the pages in order give; a page given twice is read once."""
    ordered = tmp_path / "ordered"
    want = ingest_run("--corpus", ordered, "ingest", "--pages", *SPLIT_PAGES)
    assert want.exit_code == 0, want.stderr
    pages = tmp_path / "pages"
    pages.mkdir()
    named = []
    for n, page in zip((9, 10, 11), SPLIT_PAGES, strict=True):
        named.append(pages / f"p{n}.html")
        named[-1].write_bytes(page.read_bytes())
    globbed = sorted(named)  # p10.html, p11.html, p9.html
    assert [p.name for p in globbed] == ["p10.html", "p11.html", "p9.html"]
    root = tmp_path / "c"
    result = ingest_run("--corpus", root, "ingest", "--pages", *globbed, named[0])
    assert result.exit_code == 0, result.stderr
    assert "pages read in page order: p9.html, p10.html, p11.html" in result.stderr
    stored = Corpus(root).load("青禾市", 2036)
    assert stored.text == Corpus(ordered).load("青禾市", 2036).text
    assert stored.meta.source == "p9.html（共3页）"


def test_ingest_pages_drops_a_foot_no_rule_knows(tmp_path: Path) -> None:
    """A foot line under every page that no chrome rule knows (a site's own slogan), on two pages (too
    few for the running-head rule): a page break inside a sentence still joins it, without the foot."""
    ordered = tmp_path / "ordered"
    assert ingest_run("--corpus", ordered, "ingest", "--pages", *SPLIT_PAGES).exit_code == 0
    first, second, third = (p.read_text(encoding="utf-8") for p in SPLIT_PAGES)

    def body(page: str) -> str:
        return page.split("<div class='content'>")[1].split("</div>")[0]

    foot = "<div class='foot'>"
    pages = [first.replace(body(first), body(first) + body(second)), third]
    paths = []
    for k, page in enumerate(pages, 1):
        paths.append(tmp_path / f"two{k}.html")
        paths[-1].write_text(page.replace(foot, f"{foot}青禾之窗 看青禾</div>{foot}", 1), encoding="utf-8")
    root = tmp_path / "c"
    result = ingest_run("--corpus", root, "ingest", "--pages", *paths)
    assert result.exit_code == 0, result.stderr
    stored = Corpus(root).load("青禾市", 2036).text
    assert "青禾之窗" not in stored
    assert stored == Corpus(ordered).load("青禾市", 2036).text


def test_ingest_prepares_what_comparisons_read(tmp_path: Path) -> None:
    """`yoy ingest` stores each new report's record and figures in the corpus index (what the first
    comparison would work out), equal to a fresh one; a dry run stores none."""
    from yoy import index, pipeline

    root = tmp_path / "c"
    page = REPO / "fixtures" / "raw" / "national_2009.txt"
    text = ingest.ingest_file(page).reports[0].text
    engine = index.engine_fingerprint()
    key = index.analysis_key(text)
    assert ingest_run("--corpus", root, "ingest", "--dry-run", page).exit_code == 0
    assert not Corpus(root).index.analyses([key], engine)
    assert ingest_run("--corpus", root, "ingest", page).exit_code == 0
    corpus = Corpus(root)
    report = corpus.load("全国", 2009)
    assert report.text == text and key in corpus.index.analyses([key], engine)
    assert corpus.index.figures([index.figures_key(text, 2009)], engine)
    stored = pipeline.prepared_stored(corpus, (report,))[0]
    assert stored == pipeline.prepare(report)


PDF_CASE = REPO / "fixtures" / "ingest" / "pdf_copy_indented.case"  # the invented report, its stored lines


def _pdf(tmp_path: Path, paragraphs: list[str], name: str = "report.pdf") -> Path:
    """The paragraphs typeset as a gazette prints them (A6, first-line indent, running head, page
    numbers), by weasyprint: a PDF as a site publishes it."""
    import html

    import weasyprint

    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    css = ("@page { size: A6; margin: 1.2cm; @top-center { content: '青禾市人民政府公报'; font-size: 7pt }"
           " @bottom-center { content: counter(page); font-size: 7pt } }"
           " body { font-family: 'Noto Serif CJK SC'; font-size: 12pt; line-height: 1.5 }"
           " p { text-indent: 2em; margin: 0 }")
    path = tmp_path / name
    weasyprint.HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(path)
    return path


def test_ingest_reads_a_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PDF is read through pdftotext and stores each paragraph whole, as the PDF-copy case does; a
    file that only starts like a PDF, a PDF without Chinese text (a scan's stand-in) and a machine
    without pdftotext each fail with one line and exit 3, storing nothing."""
    lines = PDF_CASE.read_text(encoding="utf-8").split("=== lines\n")[1].split("\n=== absent")[0].splitlines()
    root = tmp_path / "c"
    result = ingest_run("--corpus", root, "ingest", _pdf(tmp_path, lines))
    assert result.exit_code == 0, result.stderr
    stored = Corpus(root).load("青禾市", 2036)
    assert [x for x in stored.text.splitlines() if x] == lines
    assert "人民政府公报" not in stored.text
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    assert_one_line_error(ingest_run("--corpus", tmp_path / "b", "ingest", broken), 3, "not a readable PDF")
    latin = _pdf(tmp_path, ["Scanned page"] * 3, "scan.pdf")
    assert_one_line_error(ingest_run("--corpus", tmp_path / "b", "ingest", latin), 3, "without a text layer")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert_one_line_error(ingest_run("--corpus", tmp_path / "b", "ingest", _pdf(tmp_path, lines)), 3,
                          "pdftotext", "poppler-utils")
    assert not (tmp_path / "b").exists() or not ingest_snapshot(tmp_path / "b")
