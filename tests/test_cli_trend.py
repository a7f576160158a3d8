"""`yoy trend` and the index-backed `yoy list` through click's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from yoy.cli import cli
from yoy.corpus import Corpus
from yoy.terms import count
from yoy.text import fold

CORPUS = Path(__file__).resolve().parents[1] / "yoy" / "corpus"


def yoy(*args: str, corpus: Path = CORPUS) -> Result:
    return CliRunner().invoke(cli, ["--corpus", str(corpus), *args])


def exact_counts(term: str) -> dict[tuple[str, int], int]:
    """Uses of `term` in each report's text (not its appendix), as `yoy.terms.count` counts."""
    out = {}
    for report in Corpus(CORPUS).reports():
        n = count(term, fold(report.text))
        if n:
            out[(report.meta.region, report.meta.year)] = n
    return out


def test_trend_json_counts_a_word_from_the_index() -> None:
    result = yoy("trend", "生产力", "--format", "json")  # a word of the segmenter's own dictionary
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    got = {(r["region"], p["year"]): p["count"] for r in data["regions"] for p in r["points"] if p["count"]}
    assert got == exact_counts("生产力") and got
    assert not data["exact"] and data["regions_total"] == 6
    firsts = [r["first_year"] for r in data["regions"]]
    assert firsts == sorted(firsts)  # first users first


def test_trend_of_a_compound_counts_the_texts() -> None:
    result = yoy("trend", "科技创新", "--format", "json")
    assert result.exit_code == 0
    assert "is not one word in the index; counting it in the texts" in result.stderr
    data = json.loads(result.stdout)
    assert data["exact"]
    got = {(r["region"], p["year"]): p["count"] for r in data["regions"] for p in r["points"] if p["count"]}
    assert got == exact_counts("科技创新")


def test_trend_region_table_has_zero_years() -> None:
    result = yoy("trend", "西部大开发", "--region", "national")
    assert result.exit_code == 0, result.stderr
    exact = {y: n for (r, y), n in exact_counts("西部大开发").items() if r == "全国"}
    assert f"first used in {min(exact)}" in result.stdout
    rows = [line.split()[1:4:2] for line in result.stdout.splitlines() if line.startswith("│ 20")]
    assert rows == [[str(y), str(exact.get(y, 0))] for y in range(2000, 2014)]  # every year, used or not


def test_trend_html_chart(tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    result = yoy("trend", "高质量发展", "--html", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "<polyline" in html and "城阳区" in html and 'name="generator"' in html
    assert result.stdout.strip().splitlines()[-1] == str(out)
    again = yoy("trend", "高质量发展", "--html", str(out))
    assert again.exit_code == 0  # its own page is overwritten


@pytest.mark.parametrize("where", ["missing/t.html", "file/t.html", "/proc/yoy-trend.html"])
def test_trend_checks_its_html_path_before_the_work(tmp_path: Path, where: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # as compare's -o: a page that cannot be written is refused (5) before any counting
    from yoy import corpus as corpus_mod

    (tmp_path / "file").write_text("x", encoding="utf-8")
    counted: list[str] = []
    real = corpus_mod.Corpus.term_counts

    def spy(self: Corpus, term: str, *args: Any, **kwargs: Any) -> Any:
        counted.append(term)
        return real(self, term, *args, **kwargs)

    monkeypatch.setattr(corpus_mod.Corpus, "term_counts", spy)
    target = where if where.startswith("/") else str(tmp_path / where)
    result = yoy("trend", "高质量发展", "--html", target)
    assert result.exit_code == 5, (result.exit_code, result.stderr)
    assert result.stderr.startswith("yoy: cannot write") and result.stderr.count("\n") == 1
    assert counted == [] and result.stdout == ""


def test_trend_refuses_a_foreign_html(tmp_path: Path) -> None:
    out = tmp_path / "notes.html"
    out.write_text("<p>mine</p>", encoding="utf-8")
    result = yoy("trend", "高质量发展", "--html", str(out))
    assert result.exit_code == 5 and result.stderr.startswith("yoy: ")
    assert "not written by yoy" in result.stderr
    assert out.read_text(encoding="utf-8") == "<p>mine</p>"


def test_trend_unused_term_and_bad_input(tmp_path: Path) -> None:
    # nothing found is "not found" (4) in one line, as for an indicator no report sets, in every format
    for fmt in ("table", "json"):
        result = yoy("trend", "没有人这样写", "--format", fmt)
        assert result.exit_code == 4 and result.stdout == "", (result.exit_code, result.stdout)
        lines = [x for x in result.stderr.splitlines() if x.startswith("yoy: ")]
        assert len(lines) == 1 and "no report of the corpus uses “没有人这样写”" in lines[0]
    page = tmp_path / "t.html"
    assert yoy("trend", "没有人这样写", "--html", str(page)).exit_code == 4 and not page.exists()
    one = yoy("trend", "没有人这样写", "--region", "全国")
    assert one.exit_code == 4 and "no report of 全国 uses" in one.stderr
    indicator = yoy("targets", "全国", "-i", "没有人这样写")
    assert indicator.exit_code == one.exit_code  # the same rule
    for empty in ("", "  "):  # no term to look for: a usage error (2), not "not found" (4)
        blank = yoy("trend", empty)
        assert blank.exit_code == 2 and blank.stderr.count("\n") == 1 and blank.stderr.startswith("yoy: ")
    unknown = yoy("trend", "科技", "--region", "xyzzy")
    assert unknown.exit_code == 4 and unknown.stderr.startswith("yoy: unknown region")


def test_trend_warns_of_a_broken_file_as_list_does(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "城阳区", corpus / "城阳区")
    path = sorted((corpus / "城阳区").glob("*.md"))[-1]
    path.write_text(path.read_text(encoding="utf-8").replace("kind: ", "kind: whole", 1), encoding="utf-8")
    listed = yoy("list", corpus=corpus)
    warned = [line for line in listed.stderr.splitlines() if line.startswith("yoy: warning: ")]
    assert listed.exit_code == 0 and len(warned) == 1 and path.name in warned[0]
    for args in (("trend", "发展"), ("trend", "发展", "--format", "json"), ("trend", "发展", "-r", "城阳")):
        result = yoy(*args, corpus=corpus)
        assert result.exit_code == 0, result.stderr
        assert [line for line in result.stderr.splitlines() if line.startswith("yoy: warning: ")] == warned


def test_list_is_grouped_by_region(tmp_path: Path) -> None:
    result = yoy("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert sum("全国" in line for line in lines) == 1  # the name once for its 14 years
    assert sum(line.startswith("├") for line in lines) == 5  # a rule between the six regions


def test_list_follows_a_hand_edit(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "城阳区", corpus / "城阳区")
    before = json.loads(yoy("list", "--format", "json", corpus=corpus).stdout)
    path = corpus / "城阳区" / "2025.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kind: summary", "kind: partial"), encoding="utf-8")
    after = json.loads(yoy("list", "--format", "json", corpus=corpus).stdout)
    assert [d["kind"] for d in before] == ["full", "summary"]
    assert [d["kind"] for d in after] == ["full", "partial"]


@pytest.mark.parametrize("command", ["trend"])
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "yoy " + command in result.output


def test_trend_exact_finds_a_word_inside_longer_words() -> None:
    indexed = json.loads(yoy("trend", "科技", "--format", "json").stdout)
    exact = json.loads(yoy("trend", "科技", "--exact", "--format", "json").stdout)
    assert not indexed["exact"] and exact["exact"]

    def uses(data: dict[str, Any]) -> dict[tuple[str, int], int]:  # data: parsed JSON (json.loads: Any)
        return {(r["region"], p["year"]): p["count"] for r in data["regions"]
                for p in r["points"] if p["count"]}

    assert uses(exact) == exact_counts("科技")
    assert all(exact_counts("科技")[k] == n for k, n in uses(indexed).items())  # where indexed, exact
