"""Contemporaries: other regions' reports of the new report's year (`pipeline.peer_reports`,
`classify.past._Past.peers`). They say which debuts are the year's shared language and which dropped
phrases other regions keep (notes in the reasons; a shared debut takes a mark), and are no part of
the past a debut or a common word is judged by. Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from yoy import classify, pipeline
from yoy.corpus import Corpus
from yoy.history import flat_text, reference
from yoy.models import Kind, Level, Report, ReportMeta

OLD = ("一、过去一年工作回顾\n过去一年，我们扎实推进星河港口建设，月湾片区面貌一新。\n"
       "二、今年工作安排\n今年要继续推进星河港口建设，提升月湾片区品质。\n")
NEW = ("一、过去一年工作回顾\n过去一年，星河港口建设取得新进展。\n"
       "二、今年工作安排\n今年要大力培育云帆算力产业，打造“雁栖青禾”品牌，继续推进星河港口建设。\n")
PEER = ("一、过去一年工作回顾\n过去一年，各项工作稳步推进。\n"
        "二、今年工作安排\n今年要加快培育云帆算力产业，提升月湾片区品质，推动高质量发展。\n")


def _report(region: str, year: int, text: str, level: Level = Level.DISTRICT) -> Report:
    return Report(ReportMeta(region, level, year, Kind.FULL, "", None, None, None, "case", ""), text)


def test_a_peer_is_no_part_of_the_past() -> None:
    old, new = _report("测试甲区", 2024, OLD), _report("测试甲区", 2025, NEW)
    peer = _report("测试乙区", 2025, PEER)
    earlier = _report("测试乙区", 2024, PEER.replace("加快", "着力"))
    nation = _report("全国", 2025, PEER.replace("加快", "坚持"), Level.NATIONAL)
    ref = reference((old, new, peer, earlier, nation))
    past = classify.past._past(old, new, ref, flat_text(old))
    assert [(t.region, t.year) for t in past.peers] == [("测试乙区", 2025)]
    # genericness counts the other region's earlier report and the nation's, not the contemporary
    assert {past.pool[k] for k in past.other_at} == {flat_text(earlier), flat_text(nation)}
    assert flat_text(peer) not in past.pool
    said = past.peers_saying(["云帆算力产业", "雁栖青禾", "星河港口"])
    assert said == {"云帆算力产业": ("测试乙区",)}


def test_what_a_peer_says_is_noted_and_lifts_the_shared_debut() -> None:
    old, new = _report("测试甲区", 2024, OLD), _report("测试甲区", 2025, NEW)
    peer = _report("测试乙区", 2025, PEER)
    alone = pipeline.compare(old, new, reference=pipeline.reference_for((old, new)))
    with_peer = pipeline.compare(old, new, reference=pipeline.reference_for((old, new, peer)))
    basis = {p.term: p.basis for p in with_peer.priorities}
    shared = [t for t in basis if "云帆算力产业" in t]
    assert shared and all("2025年测试乙区报告也提及" in basis[t] for t in shared)
    assert not any("报告也提及" in b for t, b in basis.items() if "云帆" not in t)
    # a dropped phrase the peer still says says so too
    dropped = {p.term: p.basis for p in with_peer.priorities if p.change == "dropped"}
    assert dropped["月湾片区"].endswith("；2025年测试乙区报告仍提及")
    assert "仍提及" not in dropped["月湾片区面貌一新"]  # the peer says the place, not this phrase
    assert not any("仍提及" in p.basis for p in alone.priorities)
    # a debut the year's other regions say takes their mark (`W_PEER`) and rises; the other lines
    # keep their order
    ranked, before = [r.ref for r in with_peer.ranked], [r.ref for r in alone.ranked]
    assert sorted(ranked) == sorted(before)
    assert all(ranked.index(t) < before.index(t) for t in shared)
    assert [t for t in ranked if t not in shared] == [t for t in before if t not in shared]


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    reports = (
        _report("测试甲区", 2024, OLD), _report("测试甲区", 2025, NEW),
        _report("测试乙区", 2025, PEER), _report("测试丙区", 2024, PEER),
        _report("测试丁市", 2025, PEER, Level.CITY), _report("全国", 2025, PEER, Level.NATIONAL),
    )
    c = Corpus(tmp_path / "corpus")
    c.write(c.plan_all(reports))
    return Corpus(tmp_path / "corpus")


def test_peer_reports_of_the_year_higher_levels_first(corpus: Corpus,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = corpus.load("测试甲区", 2024), corpus.load("测试甲区", 2025)
    # other years, the compared region and the nation's report are left out; the city comes first
    assert [r.meta.region for r in pipeline.peer_reports(corpus, old, new)] == ["测试丁市", "测试乙区"]
    monkeypatch.setattr(pipeline, "PEER_MAX", 1)
    assert [r.meta.region for r in pipeline.peer_reports(corpus, old, new)] == ["测试丁市"]


def test_compare_stored_reads_the_peers(corpus: Corpus) -> None:
    c = pipeline.compare_stored(corpus, corpus.load("测试甲区", 2024), corpus.load("测试甲区", 2025))
    notes = [p.basis for p in c.priorities if "云帆算力产业" in p.term]
    assert notes and all("2025年测试丁市、测试乙区报告也提及" in b for b in notes)


def test_peer_reports_nearest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """By the division table: the governments above the region, its neighbours under one parent,
    its province, then the rest; each ring higher levels first (invented texts, real names)."""
    reports = (_report("城阳区", 2024, OLD), _report("城阳区", 2025, NEW), *(
        _report(region, 2025, PEER, level) for region, level in (
            ("北京市朝阳区", Level.DISTRICT), ("北京市", Level.PROVINCE), ("历下区", Level.DISTRICT),
            ("济南市", Level.CITY), ("市南区", Level.DISTRICT), ("青岛市", Level.CITY))))
    c = Corpus(tmp_path / "corpus")
    c.write(c.plan_all(reports))
    c = Corpus(tmp_path / "corpus")
    old, new = c.load("城阳区", 2024), c.load("城阳区", 2025)
    assert [r.meta.region for r in pipeline.peer_reports(c, old, new)] == [
        "青岛市", "市南区", "济南市", "历下区", "北京市", "北京市朝阳区"]
    monkeypatch.setattr(pipeline, "PEER_MAX", 2)
    assert [r.meta.region for r in pipeline.peer_reports(c, old, new)] == ["青岛市", "市南区"]
