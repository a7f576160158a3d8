"""The closed vocabularies and the Chinese vocabulary each live in one place."""

from __future__ import annotations

import dataclasses
import typing
from enum import StrEnum

from yoy import jsonio, models


def _closed_fields() -> list[tuple[str, str, type[StrEnum]]]:
    """(record, field, vocabulary) of every record field holding a closed vocabulary."""
    out = []
    for name in dir(models):
        tp = getattr(models, name)
        if not (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
            continue
        hints = typing.get_type_hints(tp)
        for f in dataclasses.fields(tp):
            vocabulary = f.metadata.get(models.VOCABULARY, hints[f.name])
            if isinstance(vocabulary, type) and issubclass(vocabulary, StrEnum):
                out.append((tp.__name__, f.name, vocabulary))
    return out


def test_every_enum_of_the_records_is_listed() -> None:
    enums = {v for name in dir(models) if isinstance(v := getattr(models, name), type)
             and issubclass(v, StrEnum) and v is not StrEnum}
    assert enums == set(models.VOCABULARIES)


def test_every_member_has_a_label() -> None:
    for vocabulary in models.VOCABULARIES:
        labels = [m.label for m in vocabulary]  # type: ignore[attr-defined]
        assert all(isinstance(x, str) and x.strip() for x in labels), vocabulary
        assert len(set(labels)) == len(labels), f"{vocabulary.__name__}: two members read the same"


def test_the_schema_lists_every_member_of_every_closed_field() -> None:
    defs = jsonio.schema()["$defs"]
    found = _closed_fields()
    # the record's fields that hold a closed vocabulary, the one the schema documents included
    assert {(r, f) for r, f, _ in found} >= {("DiffChunk", "op"), ("SectionPair", "level"),
                                              ("SectionPair", "relation"), ("Priority", "change"),
                                              ("TargetChange", "direction"), ("RankedChange", "kind")}
    for record, name, vocabulary in found:
        if record not in defs:  # a record outside the Comparison (Block, Region …)
            continue
        prop = defs[record]["properties"][name]
        prop = next((p for p in prop.get("anyOf", [prop]) if "enum" in p), prop)
        assert prop.get("enum") == [m.value for m in vocabulary], (record, name)


def test_time_and_peer_directions_cover_the_directions() -> None:
    assert set(models.TIME_DIRECTIONS) | set(models.PEER_DIRECTIONS) == set(models.Direction)
    assert not set(models.TIME_DIRECTIONS) & set(models.PEER_DIRECTIONS) - {models.Direction.CHANGED}
