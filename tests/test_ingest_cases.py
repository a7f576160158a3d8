"""Ingest cases from fixtures/ingest/*.case (format in fixtures/ingest/README.md): invented pages
in the shapes wiki transcriptions and news sites give, each stored as the expected report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_outline_cases import parse_case, render_outline
from yoy.ingest import ingest_bytes
from yoy.models import Report
from yoy.outline import segment
from yoy.text import fold

CASES = sorted((Path(__file__).parents[1] / "fixtures" / "ingest").glob("*.case"))
NO_START = ",、。;:!?》」』)”’"
NO_END = "《「『(“,、"


def ingest_case(case: dict[str, str]) -> Report:
    result = ingest_bytes(case["input"].encode("utf-8"), "case.txt")
    assert len(result.reports) == 1, result.skipped
    return result.reports[0]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case = parse_case(path)
    report = ingest_case(case)
    for line in case["meta"].split("\n"):
        key, _, want = line.partition(":")
        got = getattr(report.meta, key.strip())
        assert str(got if got is not None else "") == want.strip(), key
    outline = segment(report)
    assert render_outline(outline) == case["outline"]
    lines = report.text.split("\n")
    if "lines" in case:
        want_lines = case["lines"].split("\n")
        assert lines[: len(want_lines)] == want_lines
    if "last" in case:
        assert lines[-1] == case["last"]
    for absent in case.get("absent", "").split("\n"):
        assert not absent or absent not in report.text, absent
    if "part_lead" in case:
        part = next(b for b in outline.blocks if b.children)
        assert report.text[part.span.start : part.children[0].span.start].strip() == case["part_lead"]
    for line in lines:
        assert fold(line)[0] not in NO_START and fold(line)[-1] not in NO_END, line


def test_cases_exist() -> None:
    names = {p.stem for p in CASES}
    assert {"title_broken", "dateline_speaker_split", "licence_footer", "bold_lead", "digest_lead"} <= names
