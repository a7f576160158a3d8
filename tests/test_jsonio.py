"""JSON of the Comparison record: round trip, byte-identical dumps, documented schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.corpus_reports import chengyang_2022, chengyang_2025, jimo_2019, laoshan_2019, segment
from yoy import align, classify, jsonio, terms
from yoy.models import Change, Comparison, Direction, Op, PairLevel, RankedKind, Relation, Report, Side
from yoy.pipeline import shipped_indicators

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "comparison.schema.json"


def compare(old: Report, new: Report, history: tuple[Report, ...] = ()) -> Comparison:
    do, dn = terms.doc(old, segment(old)), terms.doc(new, segment(new))
    return classify.classify(do, dn, align.align(do, dn), history, indicators=shipped_indicators())


@pytest.fixture(scope="module")
def records() -> list[Comparison]:
    old, new = chengyang_2022(), chengyang_2025()
    return [compare(old, new, (old, new)), compare(jimo_2019(), laoshan_2019())]


def test_round_trip(records: list[Comparison]) -> None:
    for c in records:
        text = jsonio.dump(c)
        back = jsonio.load(text)
        assert back == c
        assert jsonio.dump(back) == text


def test_dump_is_byte_identical_across_runs(records: list[Comparison]) -> None:
    again = compare(chengyang_2022(), chengyang_2025(), (chengyang_2022(), chengyang_2025()))
    assert jsonio.dump(again).encode() == jsonio.dump(records[0]).encode()


def test_dump_form(records: list[Comparison]) -> None:
    text = jsonio.dump(records[0])
    assert "城阳区" in text and "\\u" not in text
    assert text.startswith('{\n  "old": {') and text.endswith("}\n")
    assert list(json.loads(text)) == [
        "old", "new", "sections", "priorities", "targets", "results", "ranked", "history", "caveats",
        "degraded", "multi_year", "target_series", "counts", "schema_version"]


def test_schema_file_is_current() -> None:
    regenerate = "the committed schema is stale: run `make schema`"
    assert SCHEMA.read_text(encoding="utf-8") == jsonio.schema_text(), regenerate


def test_dumps_validate_against_schema(records: list[Comparison]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for c in records:
        jsonschema.validate(json.loads(jsonio.dump(c)), schema, cls=jsonschema.Draft202012Validator)
    bad = json.loads(jsonio.dump(records[0]))
    bad["sections"][0]["relation"] = "teleported"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)


def test_history_is_filled(records: list[Comparison]) -> None:
    c = records[0]
    assert c.history and all([y for y, _ in s.points] == [2022, 2025] for s in c.history)
    new_terms = {p.term for p in c.priorities if p.change in ("new", "reworded")}
    top = next(s for s in c.history if s.term in new_terms)  # a new term's series starts at zero
    assert top.points[0][1] == 0.0 and top.points[1][1] > 0


def test_load_gives_closed_vocabularies_as_members(records: list[Comparison]) -> None:
    back = jsonio.load(jsonio.dump(records[1]))
    assert back.sections and all(isinstance(p.relation, Relation) and isinstance(p.level, PairLevel)
                                 for p in back.sections)
    assert all(isinstance(ch.op, Op) for p in back.sections for ch in p.diff)
    assert back.priorities and all(isinstance(p.change, Change) for p in back.priorities)
    assert all(isinstance(e.side, Side) for p in back.priorities for e in p.evidence)
    assert back.targets and all(isinstance(t.direction, Direction) for t in back.targets)
    assert back.ranked and all(isinstance(r.kind, RankedKind) for r in back.ranked)
    bad = jsonio.dump(records[1]).replace('"relation": "matched"', '"relation": "teleported"', 1)
    with pytest.raises(ValueError):
        jsonio.load(bad)
