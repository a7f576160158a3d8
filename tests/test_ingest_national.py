"""Ingest of the 14 national reports 2000–2013 (wiki transcriptions in fixtures/raw/national_*.txt)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from yoy.corpus import Corpus
from yoy.ingest import DATELINE, clean_lines, ingest_file, sha256_hex
from yoy.models import Kind, Level, Report
from yoy.text import fold

ROOT = Path(__file__).resolve().parents[1]
RAW = sorted((ROOT / "fixtures" / "raw").glob("national_*.txt"))
CORPUS = Corpus(ROOT / "yoy" / "corpus")
YEARS = [int(p.stem.rsplit("_", 1)[1]) for p in RAW]
# What the wiki pages put after a report; none of it may reach a stored report.
SITE_TEXT = ("本作品", "公有领域", "Public domain", "维基文库", "著作权法", "false")
CJK = re.compile(r"[\u3400-\u9fff]")
# Folded marks no paragraph starts with, and marks no paragraph ends with.
NO_START = ",、。;:!?》」』)”’"
NO_END = "《「『(“,、"
# The longest line a heading or title fills (gold headings of these reports stay under 60).
HEADING_MAX = 60
# A paragraph of these reports is shorter than this; a longer line means paragraphs were merged.
PARAGRAPH_MAX = 2000


def test_fourteen_years() -> None:
    assert list(range(2000, 2014)) == YEARS


@pytest.fixture(scope="module", params=RAW, ids=[p.stem for p in RAW])
def ingested(request: pytest.FixtureRequest) -> tuple[Path, Report]:
    path: Path = request.param
    (report,) = ingest_file(path).reports
    return path, report


def test_metadata(ingested: tuple[Path, Report]) -> None:
    path, report = ingested
    meta = report.meta
    year = int(path.stem.rsplit("_", 1)[1])
    assert (meta.region, meta.level, meta.year, meta.kind) == ("全国", Level.NATIONAL, year, Kind.FULL)
    assert meta.title == f"{year}年中华人民共和国国务院政府工作报告"
    assert meta.source == path.name
    assert meta.source_sha256 == sha256_hex(path.read_bytes())
    # these transcriptions carry no dateline or speaker line: nothing may be guessed from the body
    assert not DATELINE.search(fold(path.read_text(encoding="utf-8"))[:600])
    assert (meta.date, meta.session, meta.speaker) == (None, None, None)


def test_stored_equals_ingested(ingested: tuple[Path, Report]) -> None:
    _, report = ingested
    assert CORPUS.load("全国", report.meta.year) == report


def test_nothing_lost_nothing_added(ingested: tuple[Path, Report]) -> None:
    """The stored text is the raw text from its title to the closing appeal, only re-broken."""
    path, report = ingested
    raw = "".join(path.read_text(encoding="utf-8").split())
    text = "".join(report.text.split())
    assert raw.startswith(text)
    assert fold(text).endswith("!")
    assert "让我们" in text[-400:] or "各位代表" in text[-400:]


def test_no_site_text_or_invisible_characters(ingested: tuple[Path, Report]) -> None:
    _, report = ingested
    for word in SITE_TEXT:
        assert word not in report.text, word
    assert not any(unicodedata.category(ch) == "Cf" for ch in report.text)
    assert report.appendix == ""


def test_lines_are_paragraphs(ingested: tuple[Path, Report]) -> None:
    """No sentence is split by a stray line break: a line ending in a CJK character is a heading
    or title (short, no sentence end inside), and no line starts or ends with a mark that only
    stands inside a sentence."""
    _, report = ingested
    lines = report.text.split("\n")
    assert len(lines) > 50
    for line, nxt in zip(lines, [*lines[1:], ""], strict=True):
        f = fold(line)
        assert line and len(line) < PARAGRAPH_MAX, line[:40]
        assert f[0] not in NO_START, line[:40]
        assert f[-1] not in NO_END, line[-40:]
        if CJK.match(f[-1]):
            assert len(f) <= HEADING_MAX and not any(c in "。!?;" for c in f), (line, nxt[:20])


def test_repair_keeps_one_paragraph_per_line_pages() -> None:
    """A page that writes one paragraph per line keeps its breaks unless punctuation shows a
    sentence was cut (a line starting with 》 or ending with 《 or a comma)."""
    text = "\n".join(
        ["一、回顾", "过去一年，经济稳定。", "二、安排", "今年要抓好", "三件事：一是稳就业。",
         "《", "规划", "》已经批准，", "全面实施。"]
    )
    assert clean_lines(text) == [
        "一、回顾", "过去一年，经济稳定。", "二、安排", "今年要抓好", "三件事：一是稳就业。",
        "《规划》已经批准，全面实施。",
    ]


def test_repair_joins_wiki_breaks() -> None:
    """A page with blank-line paragraphs: a break without a blank line is inside its paragraph."""
    blocks = [
        "某某年某市人民政府工作报\n告", "各位代表：\n现在，我代表市人民政府向大会报告工作。", "一、回顾",
        "经济稳定。\n一是\n稳就业。二是促改革。", "就业扩大。", "今年要\n办好实事。", "本作品\n公有领域",
    ]
    assert clean_lines("\n\n".join(blocks)) == [
        "某某年某市人民政府工作报告", "各位代表：", "现在，我代表市人民政府向大会报告工作。", "一、回顾",
        "经济稳定。一是稳就业。二是促改革。", "就业扩大。", "今年要办好实事。", "本作品公有领域",
    ]


def test_repair_bold_enumerators_on_one_paragraph_per_line_pages() -> None:
    """A bold 一是/二是 on a line of its own opens the sentence on the next line; a short heading
    such as 附件 after a sentence end stays a line of its own."""
    text = "\n".join(["重点抓好以下方面：", "一是", "稳就业。", "二是", "促改革。", "附件", "名 词 解 释"])
    assert clean_lines(text) == ["重点抓好以下方面：", "一是稳就业。", "二是促改革。", "附件", "名 词 解 释"]
