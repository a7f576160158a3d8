"""Every entry of the open-class word lists of yoy/vocab.py meets the word-alone part of its list's
criterion (scripts/vocab_provenance.py: a jieba POS class, a document frequency in the embedded
corpus), or is one of the script's commented exceptions. A word added to a list without meeting the
criterion, and without an exception that says why it is kept, fails here."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

from tests import scripts


@pytest.fixture(scope="module")
def prov() -> ModuleType:
    return scripts.load("scripts/vocab_provenance.py")


def _lists(prov: ModuleType) -> dict[str, tuple[Callable[[str], bool], dict[str, str]]]:
    return {"STOPWORDS_TEXT": (prov.stopword_ok, prov.STOPWORD_EXCEPTIONS),
            "LEAD_WORDS": (prov.lead_ok, prov.LEAD_EXCEPTIONS),
            "POLICY_HEADS": (prov.head_ok, prov.HEAD_EXCEPTIONS)}


@pytest.mark.parametrize("name", ["STOPWORDS_TEXT", "LEAD_WORDS", "POLICY_HEADS"])
def test_every_entry_meets_its_criterion_or_is_an_exception(prov: ModuleType, name: str) -> None:
    ok, exceptions = _lists(prov)[name]
    unchecked = [w for w in prov.entries(name) if not ok(w) and w not in exceptions]
    assert not unchecked, f"{name}: {unchecked} meet no criterion of scripts/vocab_provenance.py; " \
        "add an exception there with the reason the word is kept, or drop it"


@pytest.mark.parametrize("name", ["STOPWORDS_TEXT", "LEAD_WORDS", "POLICY_HEADS"])
def test_exceptions_are_entries_that_need_one(prov: ModuleType, name: str) -> None:
    """No stale exception: each is an entry of its list and fails the criterion, with a reason."""
    ok, exceptions = _lists(prov)[name]
    entries = set(prov.entries(name))
    assert not [w for w in exceptions if w not in entries], "exception for a word not in the list"
    assert not [w for w in exceptions if ok(w)], "exception for a word that meets the criterion"
    assert all(why.strip() for why in exceptions.values())


def test_the_criteria_reject_words_outside_their_class(prov: ModuleType) -> None:
    """Invented words of the wrong class fail each check (so the tests above can fail)."""
    assert not prov.stopword_ok("潜水艇")  # a rare noun: in no report, not a function word
    assert not prov.lead_ok("桌子")  # a noun, not a verb or adverb
    assert not prov.head_ok("迅速")  # an adverb/adjective, not a noun
    assert prov.stopword_ok("我们") and prov.lead_ok("推动") and prov.head_ok("桌子")


def test_the_report_has_a_row_per_entry(prov: ModuleType) -> None:
    for name in ("STOPWORDS_TEXT", "LEAD_WORDS", "POLICY_HEADS"):
        lines: list[str] = []
        prov.show(name, 5, lines.append)
        rows = [ln for ln in lines if ln.startswith("  ") and not ln.startswith(("  --", "  +"))]
        assert [r.split("\t")[0].strip() for r in rows] == prov.entries(name)
        assert sum(ln.startswith("  +") for ln in lines) <= 5
        assert not any("none listed" in ln for ln in lines)
