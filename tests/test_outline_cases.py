"""Segmentation cases from fixtures/outline/*.case (format in fixtures/outline/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yoy.models import Block, Kind, Level, Outline, Report, ReportMeta
from yoy.outline import segment
from yoy.text import chinese_numeral

CASES = sorted((Path(__file__).parents[1] / "fixtures" / "outline").glob("*.case"))


def parse_case(path: Path) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("=== "):
            current = line[4:].strip()
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
        elif not line.startswith("#") and line.strip():
            raise ValueError(f"{path.name}: text outside a section: {line!r}")
    return {k: "\n".join(v).strip("\n") for k, v in sections.items()}


def report(text: str) -> Report:
    meta = ReportMeta("测试区", Level.DISTRICT, 2025, Kind.FULL, "", None, None, None, "case", "")
    return Report(meta, text)


def render_outline(outline: Outline) -> str:
    lines = []
    for part in outline.blocks:
        if part.id == "intro":  # a digest's lead paragraphs before its first section
            lines.append("(introduction)")
            continue
        lines.append(f"{chinese_numeral(part.n)}、{part.title}" if part.n is not None else "—")
        for sec in part.children:
            if sec.level != "section":
                continue
            number = f"({chinese_numeral(sec.n)})" if sec.n is not None else "· "
            lines.append(f"  {number}{sec.title}")
    return "\n".join(lines)


def items(blocks: tuple[Block, ...]) -> list[str]:
    out = []
    for b in blocks:
        if b.level == "item":
            out.append(b.title)
        out += items(b.children)
    return out


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case = parse_case(path)
    outline = segment(report(case["text"]))
    assert render_outline(outline) == case["outline"]
    if "items" in case:
        assert items(outline.blocks) == case["items"].split("\n")


def test_cases_exist() -> None:
    assert len(CASES) >= 8
