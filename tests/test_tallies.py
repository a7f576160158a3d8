"""The counts of each compared report's strings in the texts its history signals scan
(`history.Tally`, `pipeline.tallies_stored`) and their rows in the corpus index: the scans read them
as they would have counted, a stale or torn row is counted again, and a comparison made with them is
the comparison made without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.corpus_reports import index_pair as _pair
from yoy import classify, formulations, history, index, jsonio, lexicon, pipeline
from yoy.corpus import Corpus
from yoy.models import Report

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "yoy" / "corpus"

ALPHABET = "发展改革一带路aA1𠀀，"
texts = st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=4)
patterns = st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(texts, patterns, st.data())
def test_scans_with_a_tally_agree_with_scans_without(ts: list[str], ps: list[str],
                                                      data: st.DataObject) -> None:
    columns = sorted({p for p in ps if p} | {"路路"})
    held = data.draw(st.lists(st.sampled_from(ts), unique=True))  # some texts counted before, some not
    tally = history.Tally({c: k for k, c in enumerate(columns)},
                          dict(zip(held, history.count_rows(columns, held), strict=True)))
    assert history.presence(ps, ts, [tally]) == history.presence(ps, ts)
    assert history.tallies(ps, ts, [tally]) == history.tallies(ps, ts)
    stranger = history.Tally({"别的": 0}, {t: [1] for t in ts})  # lacks the patterns: not read
    assert history.tallies(ps, ts, [stranger, tally]) == history.tallies(ps, ts)


@pytest.fixture
def corpus(index_pair_corpus: Corpus) -> Corpus:
    return index_pair_corpus


def _pool(corpus: Corpus, old: Report, new: Report) -> tuple[list[pipeline.Prepared], tuple[str, ...]]:
    prepared = pipeline.prepared_stored(corpus, (old, new))
    ref = pipeline.reference_for((*corpus.history(new.meta.region), old, new))
    return prepared, classify.past_texts(prepared[0][0], prepared[1][0], ref)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many texts `history.count_rows` counts in, call by call, from now on."""
    calls: list[int] = []
    real = history.count_rows

    def spy(columns: object, texts: list[str]) -> object:
        calls.append(len(texts))
        return real(columns, texts)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "count_rows", spy)
    return calls


def test_a_stored_row_loads_back_equal() -> None:
    (row,) = history.count_rows(["发展", "改革", "开放"], ["发展改革发展"])
    assert list(row) == [2, 1, 0]
    assert pipeline.load_tally(pipeline.dump_tally(row), 3) == row
    assert pipeline.load_tally(pipeline.dump_tally(row), 4) is None  # a row of other strings


def test_the_index_round_trips_the_rows(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _pair(corpus)
    prepared, pool = _pool(corpus, old, new)
    assert pool  # the old report at least
    first = pipeline.tallies_stored(corpus, prepared, pool)
    assert [set(t.rows) for t in first] == [set(pool)] * 2
    calls = _counted(monkeypatch)
    again = pipeline.tallies_stored(corpus, prepared, pool)
    assert calls == []  # read from the index, not counted
    assert again == first
    for (_, an), tally in zip(prepared, again, strict=True):
        for text, row in tally.rows.items():
            want = history.tallies(an.scanned, [text])
            assert {c: (row[k],) for c, k in tally.columns.items()} == want


@pytest.mark.parametrize("torn", [b"", b"not a row", b"x\x9c\x03\x00"])
def test_a_torn_or_stale_row_is_counted_again(corpus: Corpus, monkeypatch: pytest.MonkeyPatch,
                                               torn: bytes) -> None:
    old, new = _pair(corpus)
    prepared, pool = _pool(corpus, old, new)
    first = pipeline.tallies_stored(corpus, prepared, pool)
    engine = index.engine_fingerprint()
    key = index.tally_key(index.analysis_key(old.text), index.text_key(pool[0]))
    corpus.index.store_tallies({key: torn}, engine)
    calls = _counted(monkeypatch)
    assert pipeline.tallies_stored(corpus, prepared, pool) == first
    assert calls == [1]  # only the torn row is counted again …
    stored = corpus.index.tallies([key], engine)
    width = len(prepared[0][1].scanned)
    assert pipeline.load_tally(stored[key], width) == first[0].rows[pool[0]]  # … and replaced
    monkeypatch.setattr(index, "engine_fingerprint", lambda: "another-engine")
    assert pipeline.tallies_stored(corpus, prepared, pool) == first
    assert calls == [1, len(pool), len(pool)]  # another engine's rows are not read
    assert corpus.index.db.execute("SELECT DISTINCT engine FROM tallies").fetchall() == [("another-engine",)]


def test_compare_with_the_tallies_is_compare_without(corpus: Corpus) -> None:
    old, new = _pair(corpus)
    history_reports = corpus.history("城阳区")
    cold = jsonio.dump(pipeline.compare_stored(corpus, old, new))  # counts and stores the rows
    assert corpus.index.db.execute("SELECT COUNT(*) FROM tallies").fetchone()[0] > 0
    warm = jsonio.dump(pipeline.compare_stored(corpus, old, new))  # reads them
    known = pipeline.history_figures(corpus, history_reports)
    without = jsonio.dump(pipeline.compare(old, new, history_reports, lexicon=lexicon.load(),
                                           history_figures=known))
    assert cold == warm == without


def test_said_rows_round_trip_and_a_torn_one_is_scanned_again(corpus: Corpus,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _pair(corpus)
    prepared = pipeline.prepared_stored(corpus, (old, new))
    (do, ao), (dn, an) = prepared
    ref = pipeline.reference_for((*corpus.history("城阳区"), old, new))
    counted = pipeline.tallies_stored(corpus, prepared, classify.past_texts(do, dn, ref))
    so, sn = pipeline.said_stored(corpus, (prepared[0], prepared[1]), counted)
    # what a scan finds, per kind: the old report's strings in the new text and the new one's in the
    # old, less the other's own words and word pairs; the variants of the new one's phrases the old
    # lacks (every variant a comparison asks)
    assert so.phrases == {dn.flat: frozenset(s for s in formulations.said_strings(ao)
                                             if s in dn.flat and s not in an.grams)}
    assert sn.phrases == {do.flat: frozenset(s for s in formulations.said_strings(an)
                                             if s in do.flat and s not in ao.grams)}
    absent = {t for t in an.candidates if t not in do.flat}
    assert sn.variants == {do.flat: frozenset(v for t in absent for v in formulations.variants(t)
                                              if v in do.flat)}
    scans: list[int] = []
    real = history.found_rare  # the variants' scan

    def spy(patterns: object, text: str) -> set[str]:
        scans.append(1)
        return real(patterns, text)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "found_rare", spy)
    assert pipeline.said_stored(corpus, (prepared[0], prepared[1]), counted) == (so, sn)
    assert scans == []  # read from the index
    key = index.tally_key(index.analysis_key(new.text), index.text_key(do.flat), "variants")
    for torn in (b"", b"said 3\nx", b"said 1\n\n", b"\xff\xfe"):
        corpus.index.store_tallies({key: torn}, index.engine_fingerprint())
        assert pipeline.said_stored(corpus, (prepared[0], prepared[1]), counted) == (so, sn)
    assert scans == [1, 1, 1, 1]  # each torn row scanned again, the others read
    both = frozenset({"一带一路", "𠀀发展"})
    assert pipeline.load_said(pipeline.dump_said(both)) == both
    assert pipeline.load_said(pipeline.dump_said(frozenset())) == frozenset()


def test_what_the_other_report_says_is_read_from_the_counts_in_it(corpus: Corpus) -> None:
    old, new = _pair(corpus)
    prepared, pool = _pool(corpus, old, new)
    (do, ao), (dn, an) = prepared
    counted = pipeline.tallies_stored(corpus, prepared, pool, ((dn.flat,),))
    assert dn.flat in counted[0].rows and dn.flat not in counted[1].rows  # the old report, in the new text
    assert do.flat in counted[1].rows  # the new report in the old text: one of the past texts
    for strings, text, tally in ((formulations.said_strings(ao), dn.flat, counted[0]),
                                 (formulations.said_strings(an), do.flat, counted[1])):
        assert strings - tally.columns.keys() and strings & tally.columns.keys()  # some read, some scanned
        assert pipeline._said_in(strings, text, tally) == frozenset(s for s in strings if s in text)
        assert pipeline._said_in(strings, text, None) == frozenset(s for s in strings if s in text)
