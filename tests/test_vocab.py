"""The closed vocabularies and the Chinese vocabulary each live in one place."""

from __future__ import annotations

import ast
import dataclasses
import re
import typing
from enum import StrEnum
from pathlib import Path

from yoy import jsonio, models, vocab
from yoy.pipeline import shipped_indicators


def _closed_fields() -> list[tuple[str, str, type[StrEnum]]]:
    """(record, field, vocabulary) of every record field holding a closed vocabulary."""
    out = []
    for name in dir(models):
        tp = getattr(models, name)
        if not (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
            continue
        hints = typing.get_type_hints(tp)
        for f in dataclasses.fields(tp):
            vocabulary = hints[f.name]
            if isinstance(vocabulary, type) and issubclass(vocabulary, StrEnum):
                out.append((tp.__name__, f.name, vocabulary))
    return out


def test_every_enum_of_the_records_is_listed() -> None:
    enums = {v for name in dir(models) if isinstance(v := getattr(models, name), type)
             and issubclass(v, StrEnum) and v not in (StrEnum, models.Vocabulary)}
    assert all(issubclass(v, models.Vocabulary) for v in enums)
    assert enums == set(models.VOCABULARIES)
    assert set(vocab.LABELS) == {v.__name__ for v in enums}  # no label table without its enum


def test_every_member_has_a_label() -> None:
    for vocabulary in models.VOCABULARIES:
        labels = [m.label for m in vocabulary]
        assert set(vocab.LABELS[vocabulary.__name__]) == {m.value for m in vocabulary}, vocabulary
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


def _records(x: object) -> typing.Iterator[object]:
    """Every record inside `x` (a record, or a tuple of them), `x` included."""
    if isinstance(x, tuple):
        for item in x:
            yield from _records(item)
    elif dataclasses.is_dataclass(x) and not isinstance(x, type):
        yield x
        for f in dataclasses.fields(x):
            yield from _records(getattr(x, f.name))


def test_the_engine_fills_every_closed_field_with_a_member(render_chengyang: models.Comparison) -> None:
    """A bare string equals its member, so only the type tells a producer that forgot the enum."""
    closed = {(r, f): v for r, f, v in _closed_fields()}
    seen = set()
    for record in _records(render_chengyang):
        for f in dataclasses.fields(record):  # type: ignore[arg-type]
            vocabulary = closed.get((type(record).__name__, f.name))
            value = getattr(record, f.name)
            if vocabulary is not None and value is not None:
                assert type(value) is vocabulary, (type(record).__name__, f.name, value)
                seen.add((type(record).__name__, f.name))
    assert {("DiffChunk", "op"), ("Evidence", "side"), ("Priority", "change"), ("TargetChange", "direction"),
            ("RankedChange", "kind")} <= seen


def test_figures_read_back_from_the_index_hold_members() -> None:
    from tests.corpus_reports import CORPUS
    from yoy import figures

    found = figures.report_figures(CORPUS.load("城阳区", 2022), shipped_indicators())
    back = figures.load_found(figures.dump_found(found))
    assert back == tuple(found) and back
    assert all(type(f.figure.evidence.side) is models.Side for f in back)


def test_time_and_peer_directions_cover_the_directions() -> None:
    assert set(models.TIME_DIRECTIONS) | set(models.PEER_DIRECTIONS) == set(models.Direction)
    assert not set(models.TIME_DIRECTIONS) & set(models.PEER_DIRECTIONS) - {models.Direction.CHANGED}


# --- no Chinese literal outside yoy/vocab.py ---------------------------------------------------------

PACKAGE = Path(__file__).resolve().parents[1] / "yoy"
# CJK ideographs (Unified, Extension A, Compatibility). Full-width punctuation alone is not vocabulary.
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def chinese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant with a CJK ideograph, docstrings excluded (comments are
    not in the syntax tree)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in skip and _IDEOGRAPH.search(node.value))


def test_chinese_literals_live_in_vocab() -> None:
    found = {p.relative_to(PACKAGE).as_posix(): chinese_literals(p) for p in sorted(PACKAGE.rglob("*.py"))}
    assert found["vocab.py"], "the scan finds the vocabulary module's own literals"
    stray = {name: hits for name, hits in found.items() if hits and name != "vocab.py"}
    assert not stray, "Chinese literals outside yoy/vocab.py:\n" + "\n".join(
        f"  yoy/{name}:{line}: {text[:60]!r}" for name, hits in stray.items() for line, text in hits)


def test_the_scan_sees_literals_and_skips_docstrings(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""模块说明"""\n# 注释\nA = "示例"\nB = f"{A}之后"\nC = "ascii"\n\n\n'
                      'def f() -> None:\n    """函数说明"""\n', encoding="utf-8")
    assert [line for line, _ in chinese_literals(sample)] == [3, 4]


def test_every_text_that_is_not_full_has_its_caveats() -> None:
    for kind in models.Kind:
        full = kind is models.Kind.FULL
        assert (vocab.ref_caveat(kind) is None) == full, kind
        sentence = vocab.text_caveat(2030, "某市", kind)
        assert (sentence is None) == full, kind
        if sentence is not None:  # the caveat names the report it is about
            assert "2030" in sentence and "某市" in sentence


def test_a_suffix_that_ends_another_is_tried_first() -> None:
    """`regions.level_for_name` takes the first suffix a name ends with: 某某自治区 must not read as a
    district through 区 (the suffixes are the vocabulary's one table)."""
    from yoy import regions

    suffixes = [s for s, _, _ in vocab.DIVISION_SUFFIXES]
    assert len(set(suffixes)) == len(suffixes)
    assert set(vocab.SELF_SUFFIXES) <= set(suffixes)  # how a government names itself: by its suffix
    for i, short in enumerate(suffixes):
        for longer in suffixes[i + 1:]:
            assert not longer.endswith(short), (longer, short)
    for suffix, level, _ in vocab.DIVISION_SUFFIXES:
        assert regions.level_for_name("某某" + suffix) is models.Level(level), suffix
