"""Briefs rendered from a Comparison: HTML structure and escaping, Markdown, JSON, files on disk."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from tests import render_sample as sample
from yoy import render
from yoy.errors import RenderError
from yoy.models import Comparison, DiffChunk, SectionPair

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def golden(name: str, text: str) -> None:
    """Compare `text` with tests/golden/`name`; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote missing golden {path}; check it and rerun")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden (UPDATE_GOLDEN=1 rewrites)"


def markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


# --- HTML -----------------------------------------------------------------------------------------


def test_templates_are_found() -> None:
    assert (render.templates_dir() / "base.html.j2").is_file()


def test_html_is_self_contained(render_sample: Comparison) -> None:
    html = render.render_html(render_sample)
    assert html.startswith("<!doctype html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert render.HTML_MARKER in html[:4096]
    assert not re.search(r"<link\b|<img\b|<iframe\b|@import|url\(", html)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_html_has_every_part(render_sample: Comparison) -> None:
    html = render.render_html(render_sample)
    for anchor in ("summary", "top-changes", "priorities", "targets", "map", "diff"):
        assert f'id="{anchor}"' in html
    for pair in render_sample.sections:
        assert f'id="{pair.id}"' in html and f'href="#{pair.id}"' in html
    assert "新旧动能转换" in html and "新质生产力" in html
    assert "6.5%左右" in html and "5.5%以上" in html and "提质增效" in html
    assert "新闻摘要" in html and sample.DIGEST_CAVEAT in html
    assert html.count("<ins>") > 5 and html.count("<del>") > 5
    assert 'id="only-changes"' in html


def test_evidence_links_point_into_the_diff(render_sample: Comparison) -> None:
    html = render.render_html(render_sample)
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    hrefs = set(re.findall(r'href="#([^"]+)"', html))
    assert hrefs <= ids, hrefs - ids
    # priorities and targets link to sentences (not whole sections), which link back
    sentence_links = {h for h in hrefs if re.fullmatch(r"a\d+-[on]\d+-\d+", h)}
    assert len(sentence_links) >= 5, hrefs
    backs = set(re.findall(r'class="back" href="#([^"]+)"', html))
    assert any(b.startswith("p") for b in backs) and any(b.startswith("t") for b in backs), backs


def _pair_view(old: str, new: str) -> str:
    pair = SectionPair("a1", "p1", "p1", "甲", "甲", "一", "一", "part", "matched", 0.9, old, new)
    base = sample.chengyang_2022_2025()
    bare = dataclasses.replace(base, sections=(pair,), priorities=(), targets=(), ranked=())
    return render.render_html(bare)


def test_equal_sentences_share_a_row_and_changed_ones_get_a_redline() -> None:
    html = _pair_view("开头一句话。我们大力实施新旧动能转换重大工程。结尾相同。",
                      "开头一句话。我们大力培育新质生产力重大工程。结尾相同。")
    rows = re.findall(r'<div class="row op-(\w+)[^"]*" id="a1-r\d+"[^>]*>(.*?)\n</div>', html, re.S)
    assert [op for op, _ in rows] == ["equal", "changed", "equal"]
    old_cell, new_cell = re.findall(r'<div class="cell (?:old|new)[^>]*>(.*?)</div>', rows[1][1], re.S)
    assert "<del>实施新旧动能转换</del>" in old_cell and "<ins>" not in old_cell
    assert "<ins>培育新质生产力</ins>" in new_cell and "<del>" not in new_cell
    assert old_cell.count("重大工程") == 1 and "我们大力" in new_cell  # the equal words stay plain
    equal = rows[0][1]
    assert equal.count("开头一句话。") == 2  # the same sentence, opposite itself


def test_long_equal_runs_are_folded() -> None:
    same = "".join(f"相同的第{i}句话。" for i in range(8))
    html = _pair_view(same + "旧的结尾。", same + "新的结尾，完全不同的说法。")
    assert html.count('<details class="same-run">') == 1
    assert "相同 8 句" in html


def test_only_changes_counts_sections_changed_beyond_the_threshold() -> None:
    text = "".join(f"这是第{i}句比较长的相同的话，用来凑够字数。" for i in range(20))
    few = render.brief_context(dataclasses.replace(
        sample.chengyang_2022_2025(), sections=(SectionPair(
            "a1", "p1", "p1", "甲", "甲", "一", "一", "part", "matched", 0.9, text + "旧。", text + "新。",
            (DiffChunk("equal", text), DiffChunk("delete", "旧"),
             DiffChunk("insert", "新"), DiffChunk("equal", "。"))),)))
    assert few["pairs"][0]["edited"] and not few["pairs"][0]["changed"]
    assert few["changed_pairs"] == 0


def test_reader_facing_text_has_no_internal_codes() -> None:
    from yoy import pipeline
    from yoy.corpus import Corpus

    corpus = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")
    c = pipeline.compare(corpus.load("全国", 2008), corpus.load("全国", 2009), corpus.history("全国"))
    for html in (render.render_html(c), render.render_pdf_html(c, appendix=True)):
        text = re.sub(r"<script>.*?</script>|<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)
        for code in (r"\ba\d+\b", "G²", "标题用语", "相似 ?0\\.", r"\bp0\b", "§", "对应位置替换", "关键性"):
            assert not re.search(code, text), code
    md = render.render_markdown(c)
    assert "相似度" not in md and "G²" not in md


@pytest.mark.parametrize(("raw", "shown"), [
    ("表述变化（对应位置替换 ×1（a9））；提及 1 → 1 次", "表述变化（对应位置换了说法）；提及 1 → 1 次"),
    ("不再提及（关键性 G²=14.6）；提及 6 次", "不再提及（用词频率明显变化）；提及 6 次"),
    ("新提出（标题用语）；提及 3 次", "新提出（出现在标题中）；提及 3 次"),
    ("移动章节：§1(二) → 三(一)", "移动章节：第1节(二) → 三(一)"),
    ("相似 0.37 · +12 字", "· +12 字"),
])
def test_plain_words_replace_internal_codes(raw: str, shown: str) -> None:
    assert render.plain(raw) == shown


def test_charts_are_inline_svg(render_sample: Comparison) -> None:
    html = render.render_html(render_sample)
    assert html.count("<svg") == 0  # history has only two years: no line charts, and no word bars
    c = sample.with_history()
    shown = [p["term"] for p in render.brief_context(c)["brief_top"]]
    html = render.render_html(c)
    charted = [s.term for s in c.history if len(s.points) > 2 and s.term in shown]
    assert charted and html.count("<svg") == len(charted)  # only formulations the brief shows
    assert "<polyline" in html


def test_peers_are_labelled_by_region(render_sample: Comparison) -> None:
    peers = dataclasses.replace(
        render_sample,
        old=dataclasses.replace(render_sample.old, region="即墨区", year=2019),
        new=dataclasses.replace(render_sample.new, region="崂山区", year=2019))
    assert render.brief_stem(peers) == "即墨区_2019-崂山区_2019"
    assert "即墨区 2019 ↔ 崂山区 2019" in render.render_html(peers)
    assert render.brief_stem(render_sample) == "城阳区_2022-2025"


# --- injection --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [render.render_html, render.render_pdf_html])
def test_hostile_text_is_escaped_in_html(fn: object) -> None:
    html = fn(sample.injected())  # type: ignore[operator]
    assert "<script>alert" not in html
    assert "<img" not in html and "onerror=alert(1)>" not in html.replace("&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == (1 if fn is render.render_html else 0)  # only the brief's own


def test_hostile_text_is_inert_in_markdown() -> None:
    text = render.render_markdown(sample.injected())
    out = markdown().render(text)
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    html_tokens = [t for t in markdown().parse(text) if t.type == "html_block"]
    assert [t.content.strip() for t in html_tokens] == [render.MD_MARKER]


def test_hostile_region_gives_a_safe_file_name() -> None:
    stem = render.brief_stem(sample.injected())
    assert "/" not in stem and "<" not in stem and not stem.startswith(".")


# --- Markdown -------------------------------------------------------------------------------------


def test_markdown_is_commonmark_with_tables(render_sample: Comparison) -> None:
    text = render.render_markdown(render_sample)
    tokens = markdown().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("城阳区 2022 → 2025")
    for h in ("摘要", "最重要的变化", "政策重点", "主要预期目标", "章节对照"):
        assert h in headings
    for h in ("新提出（3）", "不再提及（2）", "表述变化（1）", "延续（2）"):
        assert h in headings
    assert sum(t.type == "table_open" for t in tokens) >= 6
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "新旧动能转换 → 新质生产力" in cells
    assert "▼ 下调" in cells


def test_markdown_golden(render_sample: Comparison) -> None:
    golden("chengyang_2022_2025.md", render.render_markdown(render_sample))


def test_json_golden(render_sample: Comparison) -> None:
    text = render.render_json(render_sample)
    data = json.loads(text)
    assert data["old"]["year"] == 2022 and data["new"]["kind"] == "summary"
    golden("chengyang_2022_2025.json", text)


def test_json_is_the_plain_record(render_sample: Comparison) -> None:
    data = json.loads(render.render_json(render_sample))
    assert data == json.loads(json.dumps(dataclasses.asdict(render_sample), ensure_ascii=False))
    assert "新质生产力" in render.render_json(render_sample)  # not \u-escaped


# --- files ----------------------------------------------------------------------------------------


def test_write_briefs(tmp_path: Path, render_sample: Comparison) -> None:
    seen: list[str] = []
    paths = render.write_briefs(render_sample, ("html", "md", "json"), tmp_path, progress=seen.append)
    assert [p.name for p in paths] == [f"城阳区_2022-2025.{x}" for x in ("html", "md", "json")]
    assert seen == ["html", "md", "json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temp files
    assert all(render.is_yoy_output(p) for p in paths)
    again = render.write_briefs(render_sample, "html,md,json", tmp_path)  # its own files: overwritten
    assert again == paths


def test_nothing_requested_writes_nothing(tmp_path: Path, render_sample: Comparison) -> None:
    assert render.write_briefs(render_sample, (), tmp_path / "new") == ()
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("suffix", ["html", "md", "json", "pdf"])
def test_refuses_to_overwrite_a_foreign_file(tmp_path: Path, render_sample: Comparison, suffix: str) -> None:
    foreign = tmp_path / f"城阳区_2022-2025.{suffix}"
    foreign.write_text('{"mine": true}' if suffix == "json" else "my own notes\n", encoding="utf-8")
    with pytest.raises(RenderError, match="not written by yoy") as info:
        render.write_briefs(render_sample, ("md", "json", "html", "pdf"), tmp_path)
    assert "\n" not in info.value.message
    assert foreign.read_text(encoding="utf-8").startswith(("my own", '{"mine"'))
    assert sorted(p.name for p in tmp_path.iterdir()) == [foreign.name]  # checked before any write


def test_bad_format_is_one_line() -> None:
    with pytest.raises(RenderError, match="unknown format docx; choose from html,pdf,md,json"):
        render.parse_formats("html,docx")
    assert render.parse_formats("MD, json,md") == ("md", "json")


def test_index_links_every_brief(tmp_path: Path, render_sample: Comparison) -> None:
    paths = render.write_briefs(render_sample, ("html", "md"), tmp_path)
    index = render.write_index([(render_sample, paths)], tmp_path)
    html = index.read_text(encoding="utf-8")
    assert 'href="城阳区_2022-2025.html"' in html and 'href="城阳区_2022-2025.md"' in html
    assert render.is_yoy_output(index)


def test_pdf_has_no_weasyprint_warnings(render_sample: Comparison, caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("weasyprint")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render.render_pdf(render_sample)
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")], caplog.text


def test_peer_brief_puts_each_sentence_under_its_own_report() -> None:
    from yoy import pipeline
    from yoy.corpus import Corpus

    corpus = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")
    c = pipeline.compare(corpus.load("即墨", 2019), corpus.load("崂山", 2019))
    by_change: dict[str, dict[str, Any]] = {}
    for p in render.brief_context(c)["priorities"]:
        by_change.setdefault(p["change"], p)
    assert by_change["new"]["new_evidence"] and not by_change["new"]["old_evidence"]
    assert by_change["dropped"]["old_evidence"] and not by_change["dropped"]["new_evidence"]


# --- speed helpers: same output ----------------------------------------------------------------


def _marked_by_regex(sentence: str, terms: list[str]) -> list[tuple[str, bool]]:
    """What `_marked` did before it used str.find: one regex alternation, longest term first."""
    wanted = sorted({t for t in terms if t}, key=len, reverse=True)
    if not wanted:
        return [(sentence, False)]
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for m in re.finditer("|".join(re.escape(t) for t in wanted), sentence):
        if m.start() > pos:
            pieces.append((sentence[pos:m.start()], False))
        pieces.append((m.group(), True))
        pos = m.end()
    if pos < len(sentence):
        pieces.append((sentence[pos:], False))
    return pieces


def test_marked_cuts_as_a_regex_alternation_would() -> None:
    import random

    rng = random.Random(7)
    for _ in range(20_000):  # overlapping, nested and repeated terms over a tiny alphabet
        sentence = "".join(rng.choice("ab.c") for _ in range(rng.randint(0, 14)))
        terms = ["".join(rng.choice("abc") for _ in range(rng.randint(0, 3)))
                 for _ in range(rng.randint(0, 3))]
        assert render._marked(sentence, terms) == _marked_by_regex(sentence, terms), (sentence, terms)
    assert render._marked("新质生产力和生产力", ["生产力", "新质生产力"]) == [
        ("新质生产力", True), ("和", False), ("生产力", True)]


def test_context_is_built_once_per_comparison(render_sample: Comparison,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = render._build_context

    def spy(c: Comparison) -> dict[str, object]:
        calls.append(c)
        return real(c)

    monkeypatch.setattr(render, "_build_context", spy)
    c = dataclasses.replace(render_sample)  # a record no earlier test has rendered
    html, md = render.render_html(c), render.render_markdown(c)
    pdf_html = render.render_pdf_html(c, appendix=True)
    assert len(calls) == 1
    assert 'id="diff"' in pdf_html  # the PDF's appendix …
    assert render.brief_context(c)["appendix"] is False  # … is a key of that call's context only
    assert len(calls) == 1
    other = dataclasses.replace(render_sample)
    assert render.render_html(other) == html and render.render_markdown(other) == md and len(calls) == 2


def test_template_cache_is_optional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    render_sample: Comparison) -> None:
    expected = render.render_markdown(render_sample)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    for where in (blocker / "yoy", tmp_path / "cache"):  # unwritable, then a fresh one (written, reread)
        monkeypatch.setenv("YOY_CACHE_DIR", str(where))
        for _ in range(2):
            render.environment.cache_clear()
            render._CONTEXTS.clear()
            assert render.render_markdown(render_sample) == expected
    folder = next((tmp_path / "cache").glob("templates-*"))
    for cached in folder.iterdir():
        cached.write_bytes(b"garbage")  # a torn or foreign file: compiled again from the source
    render.environment.cache_clear()
    render._CONTEXTS.clear()
    assert render.render_markdown(render_sample) == expected
    render.environment.cache_clear()
