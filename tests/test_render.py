"""Briefs rendered from the real engine's records: HTML structure and escaping, Markdown, JSON, files.

The records are the engine's on the embedded corpus (`conftest.RENDER_PAIRS`: 城阳区 2022 → 2025 and
全国 2008 → 2009, no successions lexicon). Their Markdown and JSON briefs are checked against the files
in tests/golden/. When the engine's output changes on purpose, regenerate every golden with one command
and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_render.py -k golden

Unit tests of the view (redline rows, folds, the "only changes" threshold) use invented texts.
"""

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

from tests.conftest import RENDER_ATTR, RENDER_PAIRS, RENDER_SCRIPT, render_record
from yoy import formulations, jsonio, render
from yoy.errors import RenderError
from yoy.models import BRIEF_WORDS, Comparison, DiffChunk, Op, PairLevel, Relation, SectionPair
from yoy.render import context, env

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"  # rewrite the goldens instead of comparing


def golden(name: str, text: str) -> None:
    """Compare `text` with tests/golden/`name`; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote missing golden {path}; check it and rerun")
    expected = path.read_text(encoding="utf-8")
    if text != expected:  # name the first differing line: the files are large, a full diff is not read
        got, want = text.splitlines(), expected.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
                    min(len(got), len(want)))
        pytest.fail(f"{name} differs from its golden at line {line + 1} (UPDATE_GOLDEN=1 rewrites):\n"
                    f"  golden: {want[line][:200] if line < len(want) else '<end>'}\n"
                    f"  now:    {got[line][:200] if line < len(got) else '<end>'}")


def markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


# --- HTML -----------------------------------------------------------------------------------------


def test_templates_are_package_data() -> None:
    folder = render.templates_dir()
    assert folder == Path(render.__file__).parent / "templates"
    assert (folder / "base.html.j2").is_file()


def test_html_is_self_contained(render_chengyang: Comparison) -> None:
    html = render.render_html(render_chengyang)
    assert html.startswith("<!doctype html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert render.HTML_MARKER in html[:4096]
    assert not re.search(r"<link\b|<img\b|<iframe\b|@import|url\(", html)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_html_has_every_part(render_chengyang: Comparison) -> None:
    c = render_chengyang
    html = render.render_html(c)
    for anchor in ("summary", "top-changes", "priorities", "targets", "map", "diff"):
        assert f'id="{anchor}"' in html
    for pair in c.sections:
        assert f'id="{pair.id}"' in html and f'href="#{pair.id}"' in html
    for t in c.targets:  # every target with both values
        assert t.indicator in html
        assert all(f.value in html for f in (t.old, t.new) if f is not None)
    top_terms = [r.ref for r in c.ranked if r.kind == "priority"][:5]
    assert top_terms and all(t in html for t in top_terms)
    assert c.caveats and all(x in html for x in c.caveats)  # the 2025 text is a digest
    assert html.count("<ins>") > 5 and html.count("<del>") > 5
    assert 'id="only-changes"' in html


@pytest.mark.parametrize("name", sorted(RENDER_PAIRS))
def test_evidence_links_point_into_the_diff(name: str) -> None:
    html = render.render_html(render_record(name))
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    hrefs = set(re.findall(r'href="#([^"]+)"', html))
    assert hrefs <= ids, hrefs - ids
    # priorities and targets link to sentences (not whole sections), which link back
    sentence_links = {h for h in hrefs if re.fullmatch(r"a\d+-[on]\d+-\d+", h)}
    assert len(sentence_links) >= 5, hrefs
    backs = set(re.findall(r'class="back" href="#([^"]+)"', html))
    assert any(b.startswith("p") for b in backs) and any(b.startswith("t") for b in backs), backs


def _pair_view(base: Comparison, old: str, new: str) -> str:
    pair = SectionPair("a1", "p1", "p1", "甲", "甲", "一", "一", PairLevel.PART, Relation.MATCHED, 0.9,
                       old, new)
    bare = dataclasses.replace(base, sections=(pair,), priorities=(), targets=(), ranked=())
    return render.render_html(bare)


def test_equal_sentences_share_a_row_and_changed_ones_get_a_redline(render_chengyang: Comparison) -> None:
    html = _pair_view(render_chengyang,
                      "开头一句话。我们大力推进老旧码头改造和港口物流提升重大工程。结尾相同。",
                      "开头一句话。我们大力推进海上风电建设和港口物流提升重大工程。结尾相同。")
    rows = re.findall(r'<div class="row op-(\w+)[^"]*" id="a1-r\d+"[^>]*>(.*?)\n</div>', html, re.S)
    assert [op for op, _ in rows] == ["equal", "changed", "equal"]
    old_cell, new_cell = re.findall(r'<div class="cell (?:old|new)[^>]*>(.*?)</div>', rows[1][1], re.S)
    deleted = "".join(re.findall(r"<del>(.*?)</del>", old_cell))
    inserted = "".join(re.findall(r"<ins>(.*?)</ins>", new_cell))
    assert "老旧码头" in deleted and "<ins>" not in old_cell
    assert "海上风电" in inserted and "<del>" not in new_cell
    for same in ("我们大力推进", "港口物流提升重大工程"):  # the equal words stay plain, once a side
        assert same not in deleted + inserted and old_cell.count(same) == new_cell.count(same) == 1
    equal = rows[0][1]
    assert equal.count("开头一句话。") == 2  # the same sentence, opposite itself


def test_long_equal_runs_are_folded(render_chengyang: Comparison) -> None:
    same = "".join(f"相同的第{i}句话。" for i in range(8))
    html = _pair_view(render_chengyang, same + "旧的结尾。", same + "新的结尾，完全不同的说法。")
    assert html.count('<details class="same-run">') == 1
    assert "相同 8 句" in html


def test_only_changes_counts_sections_changed_beyond_the_threshold(render_chengyang: Comparison) -> None:
    text = "".join(f"这是第{i}句比较长的相同的话，用来凑够字数。" for i in range(20))
    few = render.brief_context(dataclasses.replace(
        render_chengyang, sections=(SectionPair(
            "a1", "p1", "p1", "甲", "甲", "一", "一", PairLevel.PART, Relation.MATCHED, 0.9,
            text + "旧。", text + "新。",
            (DiffChunk(Op.EQUAL, text), DiffChunk(Op.DELETE, "旧"),
             DiffChunk(Op.INSERT, "新"), DiffChunk(Op.EQUAL, "。"))),)))
    assert few["pairs"][0]["edited"] and not few["pairs"][0]["changed"]
    assert few["changed_pairs"] == 0


def test_reader_facing_text_has_no_internal_codes(render_national: Comparison) -> None:
    c = render_national
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
    ("移动章节：§1(二) → 三(一)", "移动章节：一(二) → 三(一)"),  # an unnumbered part: its place
    ("合并章节：二§2 → §2§2", "合并章节：二·2 → 二·2"),  # an unnumbered section after its part
    ("§12§3 §1", "十二·3 一"),
    ("相似 0.37 · +12 字", "· +12 字"),
])
def test_plain_words_replace_internal_codes(raw: str, shown: str) -> None:
    assert render.plain(raw) == shown


def test_charts_are_inline_svg(render_chengyang: Comparison, render_national: Comparison) -> None:
    assert all(len(s.points) <= 2 for s in render_chengyang.history)  # two reports: nothing to draw
    assert render.render_html(render_chengyang).count("<svg") == 0
    c = render_national
    ctx = render.brief_context(c)
    shown = [p["term"] for p in ctx["brief_top"]]
    long = {s.term for s in c.history if len(s.points) > 2}
    html = render.render_html(c)
    charted = [x["term"] for x in ctx["lines"]]
    assert charted and set(charted) <= long & set(shown)  # only formulations the brief shows
    assert charted == [t for t in shown if t in long][:len(charted)]  # in the order the brief shows them
    assert ctx["target_charts"]
    assert html.count("<svg") == len(charted) + len(ctx["target_charts"])
    assert html.count("<polyline") >= len(charted)


def test_peers_are_labelled_by_region(render_chengyang: Comparison) -> None:
    peers = dataclasses.replace(
        render_chengyang,
        old=dataclasses.replace(render_chengyang.old, region="甲区", year=2019),
        new=dataclasses.replace(render_chengyang.new, region="乙区", year=2019))
    assert render.brief_stem(peers) == "甲区_2019-乙区_2019"
    assert "甲区 2019 ↔ 乙区 2019" in render.render_html(peers)
    c = render_chengyang
    assert render.brief_stem(c) == f"{c.old.region}_{c.old.year}-{c.new.year}"


# --- injection --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [render.render_html, render.render_pdf_html])
def test_hostile_text_is_escaped_in_html(fn: object, render_injected: Comparison) -> None:
    html = fn(render_injected)  # type: ignore[operator]
    assert "<script>alert" not in html
    assert "<img" not in html and "onerror=alert(1)>" not in html.replace("&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == (1 if fn is render.render_html else 0)  # only the brief's own


def test_hostile_text_is_inert_in_markdown(render_injected: Comparison) -> None:
    text = render.render_markdown(render_injected)
    out = markdown().render(text)
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    html_tokens = [t for t in markdown().parse(text) if t.type == "html_block"]
    assert [t.content.strip() for t in html_tokens] == [render.MD_MARKER]


def test_hostile_region_gives_a_safe_file_name(render_injected: Comparison) -> None:
    stem = render.brief_stem(render_injected)
    assert "/" not in stem and "<" not in stem and not stem.startswith(".")
    assert RENDER_SCRIPT not in stem and RENDER_ATTR not in stem


# --- Markdown -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RENDER_PAIRS))
def test_markdown_is_commonmark_with_tables(name: str) -> None:
    c = render_record(name)
    text = render.render_markdown(c)
    tokens = markdown().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith(render.headline(c))
    for h in ("摘要", "最重要的变化", "政策重点", "主要预期目标", "章节对照"):
        assert h in headings
    ctx = render.brief_context(c)
    for g in ctx["groups"]:  # one heading per change listed, with how many were found and listed
        if g["items"]:
            assert f"{g['label']} {g['count_text']}" in headings
    assert sum(t.type == "table_open" for t in tokens) >= 6
    cells = [t.content for t in tokens if t.type == "inline"]
    for p in c.priorities:
        if p.change == "reworded" and p.old_term:
            assert f"{p.old_term} → {p.term}" in cells
    for t in ctx["targets"]:
        assert f"{t['mark']} {t['label']}" in cells


@pytest.mark.parametrize(("title", "shown"), [
    ("某地发布,亮点多!", "某地发布，亮点多！"),
    ("某区报告 : 全文 ; 附表", "某区报告：全文；附表"),
    ("某项(试行)办法", "某项（试行）办法"),
    ("某地区生产总值(GDP)增长", "某地区生产总值（GDP）增长"),
    ("投入 1,000 万元, 10:30 开会", "投入 1,000 万元，10:30 开会"),  # digits keep theirs
    ("Report (draft), v2: final", "Report (draft), v2: final"),  # no Chinese: as read
    ("某地报告", "某地报告"),
    ("某区报告(全文)!!", "某区报告（全文）！！"),  # a run of marks: each one, not only the first
    ("某地发布,,亮点多?!", "某地发布，，亮点多？！"),
    ("某((试行))办法", "某（（试行））办法"),  # nested pairs: the outer one too
    ("某办法(附(试行)细则)", "某办法（附（试行）细则）"),
    ("Report ((draft)) v2!!", "Report ((draft)) v2!!"),  # no Chinese: as read
])
def test_titles_are_shown_with_full_width_punctuation(title: str, shown: str) -> None:
    assert context.display_title(title) == shown


def test_a_title_is_folded_in_every_brief_and_kept_in_the_record(render_chengyang: Comparison) -> None:
    title = "某区发布,亮点多!某区政府工作报告(全文)"
    c = dataclasses.replace(render_chengyang, new=dataclasses.replace(render_chengyang.new, title=title))
    shown = "某区发布，亮点多！某区政府工作报告（全文）"
    md = render.render_markdown(c)
    cells = [t.content for t in markdown().parse(md) if t.type == "inline"]
    assert shown in cells and title not in md  # a cell of its own, no half-width mark or escape left
    assert f'<div class="report-title">{shown}</div>' in render.render_html(c)  # the PDF shows no titles
    assert json.loads(render.render_json(c))["new"]["title"] == title


@pytest.mark.parametrize("name", sorted(RENDER_PAIRS))
def test_markdown_golden(name: str) -> None:
    golden(f"{name}.md", render.render_markdown(render_record(name)))


@pytest.mark.parametrize("name", sorted(RENDER_PAIRS))
def test_json_golden(name: str) -> None:
    c = render_record(name)
    text = render.render_json(c)
    data = json.loads(text)
    assert (data["old"]["region"], data["old"]["year"], data["new"]["year"]) == RENDER_PAIRS[name]
    golden(f"{name}.json", text)


def test_json_reads_back_as_the_record(render_chengyang: Comparison) -> None:
    text = render.render_json(render_chengyang)
    assert jsonio.load(text) == render_chengyang
    assert render_chengyang.old.title in text  # Chinese as itself, not \u-escaped


def test_a_tail_names_the_first_terms_that_are_not_fragments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Invented items in rank order; a stand-in for the engine's shape test (a term ending in 的)."""
    monkeypatch.setattr(context, "fragment", lambda term: term.endswith("的"))
    items = [{"term": t} for t in ("甲工程", "乙的", "丙行动", "丁机制", "戊的", "己计划")]
    shown, more = context._tail(items, 3)
    assert [p["term"] for p in shown] == ["甲工程", "丙行动", "丁机制"] and more == 3
    shown, more = context._tail(items, 10)
    assert [p["term"] for p in shown] == ["甲工程", "丙行动", "丁机制", "己计划"] and more == 2
    assert context._tail([], 3) == ([], 0)


@pytest.mark.parametrize("name", sorted(RENDER_PAIRS))
def test_markdown_tail_is_short_and_points_to_the_full_lists(name: str) -> None:
    """After each group's table the Markdown names at most PRINT_REST more terms, none the engine takes
    for a clause fragment, and counts the rest, which the HTML view and the JSON record keep."""
    c = render_record(name)
    ctx = render.brief_context(c)
    md = render.render_markdown(c, ctx)
    html = render.render_html(c, ctx)
    lines = {line for line in md.splitlines() if line.startswith(("其后", "另有"))}
    for g in ctx["groups"]:
        rest = g["rest"]
        if not rest:
            continue
        shown = g["md_rest"]
        assert len(shown) <= context.PRINT_REST and not any(formulations.fragment(p["term"]) for p in shown)
        assert [p["term"] for p in shown] == [p["term"] for p in rest if p in shown]  # rank order kept
        assert g["md_more"] == len(rest) - len(shown)
        line = next(x for x in lines if all(env.md_escape(p["term"]) in x for p in shown[:3]))
        assert line.startswith(f"其后 {len(shown)} 项：")
        assert (f"另有 {g['md_more']} 项未列出" in line) == (g["md_more"] > 0)
        hidden = [p for p in rest if p not in shown]
        assert all(f'<span class="new-term">{p["term"]}</span>' in html for p in hidden[:50])
    assert len(md.encode("utf-8")) < 40_000  # a few pages, not every clause the engine met


# --- files ----------------------------------------------------------------------------------------


def test_write_briefs(tmp_path: Path, render_chengyang: Comparison) -> None:
    seen: list[str] = []
    paths = render.write_briefs(render_chengyang, ("html", "md", "json"), tmp_path, progress=seen.append)
    stem = render.brief_stem(render_chengyang)
    assert [p.name for p in paths] == [f"{stem}.{x}" for x in ("html", "md", "json")]
    assert seen == ["html", "md", "json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temp files
    assert all(render.is_yoy_output(p) for p in paths)
    assert paths[1].read_text(encoding="utf-8") == render.render_markdown(render_chengyang)
    again = render.write_briefs(render_chengyang, "html,md,json", tmp_path)  # its own files: overwritten
    assert again == paths


def test_nothing_requested_writes_nothing(tmp_path: Path, render_chengyang: Comparison) -> None:
    assert render.write_briefs(render_chengyang, (), tmp_path / "new") == ()
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("suffix", ["html", "md", "json", "pdf"])
def test_refuses_to_overwrite_a_foreign_file(tmp_path: Path, render_chengyang: Comparison,
                                             suffix: str) -> None:
    foreign = tmp_path / f"{render.brief_stem(render_chengyang)}.{suffix}"
    foreign.write_text('{"mine": true}' if suffix == "json" else "my own notes\n", encoding="utf-8")
    with pytest.raises(RenderError, match="not written by yoy") as info:
        render.write_briefs(render_chengyang, ("md", "json", "html", "pdf"), tmp_path)
    assert "\n" not in info.value.message
    assert foreign.read_text(encoding="utf-8").startswith(("my own", '{"mine"'))
    assert sorted(p.name for p in tmp_path.iterdir()) == [foreign.name]  # checked before any write


def test_bad_format_is_one_line() -> None:
    from yoy.errors import UsageError

    with pytest.raises(UsageError, match="unknown format docx; choose from html,pdf,md,json"):
        render.parse_formats("html,docx")
    assert render.parse_formats("MD, json,md") == ("md", "json")


def test_index_links_every_brief(tmp_path: Path, render_chengyang: Comparison) -> None:
    paths = render.write_briefs(render_chengyang, ("html", "md"), tmp_path)
    index = render.write_index([(render_chengyang, paths)], tmp_path)
    html = index.read_text(encoding="utf-8")
    assert all(f'href="{p.name}"' in html for p in paths)
    assert render.is_yoy_output(index)


def test_pdf_has_no_weasyprint_warnings(render_chengyang: Comparison,
                                        caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("weasyprint")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render.render_pdf(render_chengyang)
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")], caplog.text


def test_peer_brief_puts_each_sentence_under_its_own_report() -> None:
    from tests.corpus_reports import CORPUS
    from yoy import pipeline

    c = pipeline.compare(CORPUS.load("即墨", 2019), CORPUS.load("崂山", 2019))
    by_change: dict[str, Any] = {}
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
        assert context._marked(sentence, terms) == _marked_by_regex(sentence, terms), (sentence, terms)
    assert context._marked("智慧城市和城市", ["城市", "智慧城市"]) == [
        ("智慧城市", True), ("和", False), ("城市", True)]


def test_the_formats_of_a_brief_share_one_context(render_chengyang: Comparison,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`render_all` builds the context once for all formats (none for JSON alone), a renderer given
    one builds none, and nothing is kept between calls (a record rendered again is built again)."""
    from yoy.render import formats

    calls = []
    real = context.brief_context

    def spy(c: Comparison) -> dict[str, object]:
        calls.append(c)
        return real(c)

    monkeypatch.setattr(formats, "brief_context", spy)
    c = render_chengyang
    html, md, js = render.render_all(c, ("html", "md", "json"))
    assert len(calls) == 1
    assert render.render_all(c, ("json",)) == [js] and len(calls) == 1
    assert (render.render_html(c).encode(), render.render_markdown(c).encode()) == (html, md)
    assert len(calls) == 3  # one each: no context is kept for the record
    ctx = real(c)
    pdf_html = render.render_pdf_html(c, appendix=True, ctx=ctx)
    assert len(calls) == 3
    assert 'id="diff"' in pdf_html  # the PDF's appendix …
    assert ctx["appendix"] is False  # … is a key of that page's copy only


def test_template_cache_is_optional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    render_chengyang: Comparison) -> None:
    expected = render.render_markdown(render_chengyang)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    for where in (blocker / "yoy", tmp_path / "cache"):  # unwritable, then a fresh one (written, reread)
        monkeypatch.setenv("YOY_CACHE_DIR", str(where))
        for _ in range(2):
            env.environment.cache_clear()
            assert render.render_markdown(render_chengyang) == expected
    folder = next((tmp_path / "cache").glob("templates-*"))
    for cached in folder.iterdir():
        cached.write_bytes(b"garbage")  # a torn or foreign file: compiled again from the source
    env.environment.cache_clear()
    assert render.render_markdown(render_chengyang) == expected
    env.environment.cache_clear()


def test_top_changes_leave_room_for_formulations(render_national: Comparison) -> None:
    # the ranking puts every target change first; the brief's top list keeps a few of them and
    # counts the rest, so the stance changes and new formulations of a plan-heavy year still show
    ctx = render.brief_context(render_national)
    kinds = [t["kind"] for t in ctx["top"]]
    targets = sum(r.kind == "target" for r in render_national.ranked)
    assert targets > context.TOP_TARGETS  # the case this guards
    assert kinds.count("target") == context.TOP_TARGETS
    assert ctx["top_more_targets"] == targets - context.TOP_TARGETS
    assert any(t["types"] == "reworded" for t in ctx["top"]) and len(kinds) == context.TOP_N
    md = render.render_markdown(render_national)
    assert f"另有 {targets - context.TOP_TARGETS} 项目标变化" in md


def test_terminal_summary_lists_the_briefs_top_changes(render_national: Comparison) -> None:
    # one "most important" list: the terminal's table is the Markdown's, target cap and count included
    import io

    from rich.console import Console

    from yoy import terminal

    buf = io.StringIO()
    terminal.print_summary(render_national, Console(file=buf, width=400, color_system=None))
    out = buf.getvalue()
    top = out[out.index(BRIEF_WORDS["top"]):out.index(BRIEF_WORDS["targets"])]
    rows = re.findall(r"^\s*(\d+) │ (.*?)\s*│", top, re.M)  # number, change
    ctx = render.brief_context(render_national)
    assert rows == [(str(n), t["summary"]) for n, t in enumerate(ctx["top"], 1)]
    assert sum(r.kind == "target" for r in render_national.ranked) > context.TOP_TARGETS
    note = BRIEF_WORDS["more_targets"].format(n=ctx["top_more_targets"])
    assert note in buf.getvalue()


def test_the_few_history_caveat_matches_what_the_engine_writes() -> None:
    # the briefs cut the caveat out of each reason by this pattern: it must match both builders' text
    from yoy import vocab

    for caveat, m in ((vocab.few_history_others(7), "7"), (vocab.FEW_HISTORY, None)):
        reason = vocab.debut_reason(1) + caveat + "；提及 2 次"
        assert context.unrepeated(reason) == vocab.debut_reason(1) + "；提及 2 次"
        assert re.search(vocab.FEW_HISTORY_IN_REASON, reason)[1] == m  # type: ignore[index]


def test_a_thin_history_is_said_once_not_on_every_line(render_chengyang: Comparison,
                                                        render_national: Comparison) -> None:
    # 城阳区 has one earlier report: every reason of a new phrase rests on it and on the others read;
    # the record keeps that in each reason, the briefs and the terminal say it once under the lead and
    # once in the reasons' legend
    import io

    from rich.console import Console

    from yoy import terminal, vocab

    c = render_chengyang
    pattern = re.compile(vocab.FEW_HISTORY_IN_REASON)
    carried = [p for p in c.priorities if pattern.search(p.basis or "")]
    assert len(carried) > 10 and any(pattern.search(r.reason) for r in c.ranked)  # the case this guards
    note = context.history_note(c)
    assert note and not pattern.search(note)
    md = render.render_markdown(c)
    html = render.render_html(c)
    pdf = render.render_pdf_html(c)
    for text in (md, html, pdf):
        assert not pattern.search(text)
        assert text.count(note) == 2, text.count(note)
    lead = md[md.index("## 最重要的变化"):md.index("## 政策重点")]
    assert note in lead
    buf = io.StringIO()
    terminal.print_summary(c, Console(file=buf, width=400, color_system=None))
    assert buf.getvalue().count(note) == 1 and not pattern.search(buf.getvalue())
    assert pattern.search(render.render_json(c))  # the record's reasons keep it (no field changes)
    national = render_national  # fourteen national reports: no caveat to say
    assert context.history_note(national) == "" and "（各条依据" not in render.render_markdown(national)


def test_the_sidebar_lists_each_new_unit_once_with_readable_paths(render_chengyang: Comparison) -> None:
    # the 2025 digest merges several 2022 sections into one: the sidebar names that unit once, its old
    # sections linked under it, and no path reads as a code (§2§2) or a doubled 第N节第N节
    c = render_chengyang
    merged = [p.new_id for p in c.sections if p.new_id]
    assert len(merged) > len(set(merged))  # the case this guards: a new unit in several pairs
    html = render.render_html(c)
    toc = html[html.index('class="toc-pairs"'):html.index("</nav>")]
    entries = re.findall(r'<li class="rel-[^"]*"><a href="#(a\d+)">', toc)
    units = [p.new_id or p.id for p in c.sections]
    assert len(entries) == len(set(units)) == len(dict.fromkeys(units))
    heads = {p.id for p in c.sections if p.new_id is None or units.index(p.new_id) == c.sections.index(p)}
    assert set(entries) == heads
    linked = set(re.findall(r'href="#(a\d+)"', toc))
    assert linked == {p.id for p in c.sections}  # every pair is still one click away
    paths = re.findall(r'<span class="path">([^<]*)</span>', html)
    assert paths and not any("§" in x or re.search(r"第\d+节", x) for x in paths)
    assert any(re.fullmatch(r"[一二三四五六七八九十]+·\d+", x) for x in paths)  # an unnumbered section


def test_a_reason_in_words_keeps_its_commas() -> None:
    # basis codes (引号术语、标题用语) are mapped piece by piece; a reason written in words is shown as it
    # is, its clauses still split by commas, not turned into an enumeration (、)
    from yoy import vocab

    words = vocab.flip_new_reason("2016年") + "，今年提及增多"
    assert context._basis_label(words, "", "") == words
    assert context._basis_label("引号术语、标题用语", "", "") == "、".join(
        (vocab.BASIS["引号术语"], vocab.BASIS["标题用语"]))
