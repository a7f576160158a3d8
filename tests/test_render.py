"""Briefs rendered from a Comparison: HTML structure and escaping, Markdown, JSON, files on disk."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests import render_sample as sample
from yoy import render
from yoy.errors import RenderError
from yoy.models import Comparison

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
    for anchor in ("summary", "top-changes", "priorities", "targets", "charts", "map", "diff"):
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
    assert {"a4", "a10", "a12"} <= hrefs


def test_long_equal_runs_are_folded(render_sample: Comparison) -> None:
    text = "相同的文字。" * 60
    pair = dataclasses.replace(render_sample.sections[0], diff=(
        render.DiffChunk("equal", text), render.DiffChunk("insert", "新增"), render.DiffChunk("equal", text)))
    html = render.render_html(dataclasses.replace(render_sample, sections=(pair,)))
    assert html.count('<details class="fold">') == 4  # two runs in each column
    assert f"相同内容 {len(text) - render.FOLD_KEEP} 字" in html


def test_charts_are_inline_svg(render_sample: Comparison) -> None:
    html = render.render_html(render_sample)
    assert html.count("<svg") == 1  # paired bars; history has only two years: no line charts
    html = render.render_html(sample.with_history())
    assert html.count("<svg") == 1 + 3
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

    corpus = Corpus(Path(__file__).resolve().parents[1] / "fixtures" / "corpus")
    c = pipeline.compare(corpus.load("即墨", 2019), corpus.load("崂山", 2019))
    by_change = {}
    for p in render.brief_context(c)["priorities"]:
        by_change.setdefault(p["change"], p)
    assert by_change["new"]["new_evidence"] and not by_change["new"]["old_evidence"]
    assert by_change["dropped"]["old_evidence"] and not by_change["dropped"]["new_evidence"]
