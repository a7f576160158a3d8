"""Invented sentences of the genre put into a real pair (全国 2012 → 2013): the candidate boundaries and
stance readings that probing outside the development reports found, checked in a real report's
company (`tests/data/formulation_phrasing.json`, see its `how_made`)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from yoy import pipeline
from yoy.corpus import Corpus
from yoy.models import Comparison

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "formulation_phrasing.json").read_text(encoding="utf-8"))["cases"]
CORPUS = Corpus(None)


def _added(text: str, sentence: str) -> str:
    at = text.index("。", text.index("二、")) + 1
    return text[:at] + sentence + text[at:]


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    old, new = CORPUS.load("全国", 2012), CORPUS.load("全国", 2013)
    old = replace(old, text=_added(old.text, "".join(c["old"] for c in CASES)))
    new = replace(new, text=_added(new.text, "".join(c["new"] for c in CASES)))
    return pipeline.compare(old, new)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_case_reads_as_expected(comparison: Comparison, case: dict[str, Any]) -> None:
    new_terms = {p.term for p in comparison.priorities if p.change == "new"}
    expect = case["expect"]
    if "new" in expect:
        assert expect["new"] in new_terms, sorted(t for t in new_terms if t[:2] in case["new"])
    if "ends_with" in expect:
        assert any(t.endswith(expect["ends_with"]) for t in new_terms), \
            sorted(t for t in new_terms if t[-2:] in case["new"])
    if "reworded" in expect:
        pairs = [(p.old_term, p.term) for p in comparison.priorities if p.change == "reworded"]
        assert tuple(expect["reworded"]) in pairs, pairs
    assert not new_terms.intersection(case["not"])
