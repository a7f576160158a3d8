"""Every entry of the open-class word lists of yoy/vocab.py meets the tested part of its list's
criterion (scripts/vocab_provenance.py: a jieba POS class, a document frequency, a figure lift or a
heading count in the embedded corpus, a rule matching no report line), or is one of the script's
commented exceptions. A word added to a list without meeting the criterion, and without an exception
that says why it is kept, fails here."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests import scripts

LISTS = ["STOPWORDS_TEXT", "LEAD_WORDS", "POLICY_HEADS", "GENERIC_HEADS", "PLACEMENT_VERBS", "RELATION_VERBS",
         "ATTAINMENT_VERBS", "ATTRIBUTIVE_SUFFIXES", "GAP_REJECT", "PLAN_WORDS", "REVIEW_WORDS",
         "ATTRIBUTING_BODIES", "PROPOSING_VERBS", "CHROME"]


@pytest.fixture(scope="module")
def prov() -> ModuleType:
    return scripts.load("scripts/vocab_provenance.py")


def _exceptions(prov: ModuleType, name: str) -> dict[str, str]:
    exceptions: dict[str, str] = prov.LISTS[name][2]
    return exceptions


def test_every_list_is_measured(prov: ModuleType) -> None:
    assert sorted(prov.LISTS) == sorted(LISTS) == sorted(prov.CHECKS)


@pytest.mark.parametrize("name", LISTS)
def test_every_entry_meets_its_criterion_or_is_an_exception(prov: ModuleType, name: str) -> None:
    ok, exceptions = prov.CHECKS[name], _exceptions(prov, name)
    unchecked = [w for w in prov.entries(name) if not ok(w) and w not in exceptions]
    assert not unchecked, f"{name}: {unchecked} meet no criterion of scripts/vocab_provenance.py; " \
        "add an exception there with the reason the word is kept, or drop it"


@pytest.mark.parametrize("name", LISTS)
def test_exceptions_are_entries_that_need_one(prov: ModuleType, name: str) -> None:
    """No stale exception: each is an entry of its list and fails the criterion, with a reason."""
    ok, exceptions = prov.CHECKS[name], _exceptions(prov, name)
    entries = set(prov.entries(name))
    assert not [w for w in exceptions if w not in entries], "exception for a word not in the list"
    assert not [w for w in exceptions if ok(w)], "exception for a word that meets the criterion"
    assert all(why.strip() for why in exceptions.values())


def test_chrome_rules_are_seed_page_furniture_or_generic(prov: ModuleType) -> None:
    """Each CHROME rule matches a line of the seed pages, or is listed as generic site furniture with
    its kind (and a listed one matches no seed line: the list stays minimal)."""
    seen = {name: prov.chrome_seen(name) for name in prov.entries("CHROME")}
    assert not [n for n, k in seen.items() if not k and n not in prov.CHROME_GENERIC]
    assert not [n for n in prov.CHROME_GENERIC if n not in seen or seen[n]]
    assert all(why.strip() for why in prov.CHROME_GENERIC.values())


def test_the_criteria_reject_words_outside_their_class(prov: ModuleType) -> None:
    """Invented words of the wrong class fail each check (so the tests above can fail)."""
    assert not prov.stopword_ok("潜水艇")  # a rare noun: in no report, not a function word
    assert not prov.lead_ok("桌子")  # a noun, not a verb or adverb
    assert not prov.head_ok("迅速")  # an adverb/adjective, not a noun
    assert not prov.verb_ok("桌子")  # a noun, not a verb
    assert not prov.suffix_ok("者")  # a suffix of persons, not of concepts
    assert not prov.gap_ok("潜水艇")  # in no clause: no figure lift
    assert not prov.heading_ok("潜水艇")  # in no heading
    assert not prov.attribution_ok("潜水艇")  # never a body before a verb of proposing
    assert not prov.attribution_ok("经济")  # frequent in such sentences, not part of the construction
    assert not prov.attribution_ok("推进", verb_side=True)  # a verb of doing, not of proposing
    assert prov.stopword_ok("我们") and prov.lead_ok("推动") and prov.head_ok("桌子")
    assert prov.verb_ok("推动") and prov.suffix_ok("化")


def test_a_chrome_rule_that_hits_report_prose_fails(prov: ModuleType,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule matching a line of a report's text is no chrome (an invented rule on a report's address)."""
    monkeypatch.setitem(prov.vocab.CHROME, "invented", "^" + prov.vocab.ADDRESS)
    assert not prov.chrome_ok("invented")


def test_the_report_has_a_row_per_entry(prov: ModuleType) -> None:
    for name in LISTS:
        lines: list[str] = []
        prov.show(name, 5, lines.append)
        rows = [ln for ln in lines if ln.startswith("  ") and not ln.startswith(("  --", "  +"))]
        assert [r.split("\t")[0].strip() for r in rows] == prov.entries(name)
        assert sum(ln.startswith("  +") for ln in lines) <= 5
        assert not any("none listed" in ln for ln in lines)
