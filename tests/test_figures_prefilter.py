"""The literal first test of the indicator pattern never changes what the pattern finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

from yoy import figures, outline
from yoy.corpus import Corpus
from yoy.pipeline import shipped_indicators
from yoy.text import fold

COMMITTED = Path(__file__).resolve().parents[1] / "yoy" / "corpus"


def test_every_row_has_literal_tests() -> None:
    table = shipped_indicators()
    tests = table.tests
    assert tests is not None, "the shipped table is read into literal tests"
    assert len(tests.rows) == len(table.rows)
    assert all(row and all(row) for row in tests.rows)


def test_same_answer_as_the_pattern_on_corpus_text() -> None:
    table = shipped_indicators()
    pattern = table.pattern
    rng = random.Random(12)
    checked = hits = 0
    for report in Corpus(COMMITTED).reports():
        folded = fold(report.text)
        o = outline.segment(report)
        texts = [folded[s.start:s.end].replace("\n", "") for s in o.sentences]
        texts += [folded[a:a + rng.randrange(1, 40)] for a in rng.sample(range(len(folded)), 200)]
        for text in texts:
            found = pattern.search(text) is not None
            assert table.named_in(text) == found, text
            checked += 1
            hits += found
    assert hits and hits < checked  # both answers were exercised


def test_needs_reads_branches_groups_and_lookarounds() -> None:
    parse = __import__("importlib").import_module("re._parser").parse
    needs = figures._needs(list(parse(r"(?:甲乙|丙)?丁戊己(?=庚辛)|(?<![A-Z])壬癸")))
    assert needs == [frozenset({"丁戊己", "壬癸"})]
    seq = figures._needs(list(parse(r"(?<=子|丑)寅卯(?:辰巳)+午?")))
    assert set(seq) == {frozenset({"寅卯"}), frozenset({"辰巳"}), frozenset({"子", "丑"})}
    assert seq[0] in (frozenset({"寅卯"}), frozenset({"辰巳"}))
    assert figures._needs(list(parse(r"[甲乙]\d+"))) == [frozenset({"甲", "乙"})]
    assert figures._needs(list(parse(r"[^甲乙]\d+(?!丙)"))) == []  # nothing every match must hold
    for text in ("丁戊己庚辛", "x壬癸", "丁戊己", "A壬癸", "庚辛"):
        if re.search(r"(?:甲乙|丙)?丁戊己(?=庚辛)|(?<![A-Z])壬癸", text):
            assert any(t in text for t in needs[0])
