"""The hand-kept tables and word lists pass their provenance checks: scripts/data_provenance.py --check
(yoy/data/indicators.tsv, yoy/data/region_aliases.tsv) and scripts/vocab_provenance.py --check (the
word lists of yoy/vocab.py). Each check is also shown to fail on an invented bad entry, so the passing
tests can fail."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests import scripts


@pytest.fixture(scope="module")
def data() -> ModuleType:
    return scripts.load("scripts/data_provenance.py")


@pytest.fixture(scope="module")
def vocab_prov() -> ModuleType:
    return scripts.load("scripts/vocab_provenance.py")


def _indicators(data: ModuleType, rows: list[tuple[str, str, str, str]],
                exceptions: dict[str, str] | None = None) -> list[str]:
    tsv = "# invented table\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    problems: list[str] = data.indicator_problems(data.indicator_rows(tsv), lambda _: None, exceptions or {})
    return problems


def test_shipped_tables_pass_the_check(data: ModuleType) -> None:
    lines: list[str] = []
    assert data.main(["--check"], lines.append) == 0
    assert lines[-1] == "-- 0 problems"
    shown = [ln for ln in lines if ln.startswith("  ")]
    assert len(shown) == len(data.indicator_rows()) + len(data.alias_rows())
    assert not any(ln.endswith("\tNONE") for ln in shown)


def test_an_indicator_row_no_text_shows_fails(data: ModuleType) -> None:
    assert _indicators(data, [("国内生产总值", "国内生产总值", "growth", "国内生产总值")]) == []
    problems = _indicators(data, [("潜水艇保有量", "潜水艇保有量", "amount", "潜水艇保有量")])
    assert len(problems) == 1 and "matches no embedded report" in problems[0]


def test_an_indicator_row_cut_by_an_earlier_one_fails(data: ModuleType) -> None:
    """A shorter name tried first cuts every mention of a longer one (invented names, both in the corpus)."""
    cut = _indicators(data, [("进出口", "进出口", "growth", "进出口"),
                             ("进出口总额", "进出口总额", "growth", "进出口总额")])
    assert any("cut by earlier row 1" in p for p in cut)
    assert not _indicators(data, [("进出口总额", "进出口总额", "growth", "进出口总额"),
                                  ("进出口", "进出口", "growth", "进出口")])


def test_malformed_indicator_rows_fail(data: ModuleType) -> None:
    bad_measure = _indicators(data, [("进出口", "进出口", "volume", "进出口")])
    assert any("unknown measure" in p for p in bad_measure)
    bad_pattern = _indicators(data, [("进出口", "进出口", "growth", "进出(口")])
    assert any("does not compile" in p for p in bad_pattern)
    mixed = _indicators(data, [("进出口", "进出口", "growth", "进出口"),
                               ("进出口", "外贸", "amount", "外贸")])
    assert any("differs" in p for p in mixed)


def test_a_local_form_needs_its_national_row(data: ModuleType) -> None:
    local = ("人均国内生产总值", "人均地区生产总值", "growth", "人均地区生产总值")
    national = ("人均国内生产总值", "人均国内生产总值", "growth", "人均国内生产总值")
    assert _indicators(data, [national, local]) == []
    assert len(_indicators(data, [local])) == 1


def test_exceptions_are_rows_that_need_one(data: ModuleType) -> None:
    """An exception lets an unsupported row pass; one for a supported row or for no row is stale."""
    row = ("潜水艇保有量", "潜水艇保有量", "amount", "潜水艇保有量")
    assert _indicators(data, [row], {"潜水艇保有量": "an invented reason"}) == []
    supported = ("国内生产总值", "国内生产总值", "growth", "国内生产总值")
    stale = _indicators(data, [supported], {"国内生产总值": "an invented reason", "潜水艇": "another"})
    assert sorted(p.split(":")[0] for p in stale) == ["stale exception 国内生产总值",
                                                       "stale exception 潜水艇"]
    assert _indicators(data, [row], {"潜水艇保有量": " "}) == ["exception 潜水艇保有量 without a reason"]


def test_bad_region_aliases_fail(data: ModuleType) -> None:
    rows = data.alias_rows("# invented\n北京市\t沪\n潜水艇区\t潜水\n即墨区\t即墨市\n黄岛区\t西海岸新区\n")
    problems = data.alias_problems(rows, lambda _: None)
    assert any("沪 finds ['上海市']" in p for p in problems)  # another region's abbreviation
    assert any("潜水艇区 is no key" in p for p in problems)
    assert any("即墨市 is already a form" in p for p in problems)  # a former name of the table
    assert not any("黄岛区" in p for p in problems)
    assert len(problems) == 3


def test_vocab_lists_pass_their_check(vocab_prov: ModuleType) -> None:
    assert vocab_prov.main(["--check"]) == 0


def test_vocab_check_fails_on_an_entry_outside_its_class(vocab_prov: ModuleType,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocab_prov.vocab, "LEAD_WORDS", vocab_prov.vocab.LEAD_WORDS + " 桌子")
    assert vocab_prov.problems("LEAD_WORDS") == ["LEAD_WORDS: 桌子 meets no criterion and has no exception"]
    assert vocab_prov.main(["--check", "--list", "LEAD_WORDS"]) == 1
