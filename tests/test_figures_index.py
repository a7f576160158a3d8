"""Figures of history reports kept in the corpus index: same records back, recomputed when a text or
the engine changes, and the same comparison whether they come from the index or are worked out."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from yoy import figures, index, jsonio, pipeline
from yoy.corpus import Corpus
from yoy.lexicon import Lexicon
from yoy.models import Report, Side
from yoy.pipeline import shipped_indicators

TABLE = shipped_indicators()  # the shipped indicator table, as the edge passes it

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "yoy" / "corpus"


@pytest.fixture
def national(tmp_path: Path) -> Path:
    """A corpus of three consecutive national years."""
    root = tmp_path / "corpus"
    (root / "全国").mkdir(parents=True)
    for year in (2007, 2008, 2009):
        shutil.copy(COMMITTED / "全国" / f"{year}.md", root / "全国" / f"{year}.md")
    return root


def test_found_round_trips_through_json() -> None:
    corpus = Corpus(COMMITTED)
    for report in (corpus.load("全国", 2009), corpus.load("城阳区", 2025)):
        found = figures.report_figures(report, TABLE)
        assert found, "a report with targets"
        assert figures.load_found(figures.dump_found(found)) == tuple(found)


def test_history_figures_are_stored_once_and_read_back(national: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = Corpus(national)
    history = corpus.history("全国")
    first = pipeline.history_figures(corpus, history)
    assert sorted(first) == [2007, 2008, 2009]
    assert first == {r.meta.year: tuple(figures.report_figures(r, TABLE)) for r in history}
    calls: list[int] = []
    real = figures.report_figures

    def spy(report: Report, table: figures.Indicators, side: Side = Side.NEW) -> list[figures.Found]:
        calls.append(1)
        return real(report, table, side)

    monkeypatch.setattr(figures, "report_figures", spy)
    again = pipeline.history_figures(Corpus(national), Corpus(national).history("全国"))
    assert again == first
    assert calls == [], "read from the index, not worked out again"


def test_an_edited_report_gets_fresh_figures(national: Path) -> None:
    corpus = Corpus(national)
    before = pipeline.history_figures(corpus, corpus.history("全国"))[2009]
    path = national / "全国" / "2009.md"
    text = path.read_text(encoding="utf-8")
    numbers = [f.figure.value for f in before if f.figure.is_target and f.figure.number is not None]
    assert numbers
    old_value = numbers[0]
    m = re.match(r"\D*(\d+)", old_value)
    assert m is not None and old_value in text
    new_value = old_value.replace(m.group(1), str(int(m.group(1)) + 1), 1)
    path.write_text(text.replace(old_value, new_value, 1), encoding="utf-8")
    fresh = Corpus(national)
    after = pipeline.history_figures(fresh, fresh.history("全国"))[2009]
    assert after == tuple(figures.report_figures(fresh.load("全国", 2009), TABLE))
    assert new_value in [f.figure.value for f in after]


def test_rows_of_another_engine_are_not_used(national: Path) -> None:
    corpus = Corpus(national)
    report = corpus.load("全国", 2008)
    key = index.figures_key(report.text, 2008)
    corpus.index.store_figures({key: "[]"}, "another-engine")
    assert corpus.index.figures([key], index.engine_fingerprint()) == {}
    got = pipeline.history_figures(corpus, (report,))
    assert got[2008] == tuple(figures.report_figures(report, TABLE))
    assert corpus.index.figures([key], "another-engine") == {}, "a new engine's rows replace old ones"


def test_comparison_is_the_same_with_stored_figures(national: Path) -> None:
    corpus = Corpus(national)
    old, new = corpus.load("全国", 2008), corpus.load("全国", 2009)
    history = corpus.history("全国")
    computed = pipeline.compare(old, new, history, lexicon=Lexicon())
    pipeline.history_figures(corpus, history)  # fills the index
    stored = pipeline.compare_stored(Corpus(national), old, new, Lexicon())
    assert computed.target_series, "a national pair has target series"
    assert jsonio.dump(stored) == jsonio.dump(computed)
