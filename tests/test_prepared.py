"""The per-report records (`pipeline.prepare`: Doc + formulations.Analysis) and their copies in the
corpus index: what is stored loads back equal, a stale or torn row is worked out again, and a
comparison made from stored records is the comparison made from scratch."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from tests.corpus_reports import index_pair as _pair
from yoy import figures, formulations, index, jsonio, lexicon, pipeline
from yoy.corpus import Corpus
from yoy.errors import LimitError
from yoy.models import Report

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "yoy" / "corpus"


@pytest.fixture
def corpus(index_pair_corpus: Corpus) -> Corpus:
    return index_pair_corpus


def _computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Region and year of every report `pipeline.prepare` works out from now on."""
    calls: list[str] = []
    real = pipeline.prepare

    def spy(report: Report) -> pipeline.Prepared:
        calls.append(f"{report.meta.region} {report.meta.year}")
        return real(report)

    monkeypatch.setattr(pipeline, "prepare", spy)
    return calls


def test_a_stored_record_loads_back_equal(corpus: Corpus) -> None:
    old, _ = _pair(corpus)
    made = pipeline.prepare(old)
    loaded = pipeline.load_prepared(old, pipeline.dump_prepared(made))
    assert loaded is not None
    assert loaded == made  # Doc (outline, folded and flat text, tokens) and Analysis field by field
    assert loaded[1].candidates and loaded[1].seeds.cores and loaded[1].stances is not None


def test_a_stored_record_holds_each_string_value_once(corpus: Corpus) -> None:
    old, _ = _pair(corpus)
    made = pipeline.prepare(old)
    loaded = pipeline.load_prepared(old, pipeline.dump_prepared(made))
    assert loaded is not None
    d, an = loaded
    # the same value in several fields and places is one object after a load (`_one_object_a_string`)
    strings = [*d.tokens.words, *an.grams, *an.scanned, *an.counts,
               *(x for t, c in an.candidates.items() for x in (t, c.shown, *c.parts, *c.nested))]
    assert len(strings) > len(set(strings))  # values are said more than once …
    assert len({id(x) for x in strings}) == len(set(strings))  # … each by one object
    # a set is kept as it was: it loads iterating as it did when pickled on its own
    assert list(an.grams) == list(pickle.loads(pickle.dumps(made[1].grams, protocol=pickle.HIGHEST_PROTOCOL)))


def test_the_index_round_trips_the_record(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _pair(corpus)
    first = pipeline.prepared_stored(corpus, (old, new))
    calls = _computed(monkeypatch)
    again = pipeline.prepared_stored(corpus, (old, new))
    assert calls == []  # read from the index, not worked out
    assert again == first
    stored = corpus.index.analyses([index.analysis_key(old.text)], index.engine_fingerprint())
    assert list(stored) == [index.analysis_key(old.text)]


def test_a_record_of_another_engine_is_rebuilt(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _pair(corpus)
    first = pipeline.prepared_stored(corpus, (old, new))
    monkeypatch.setattr(index, "engine_fingerprint", lambda: "another-engine")
    calls = _computed(monkeypatch)
    assert pipeline.prepared_stored(corpus, (old, new)) == first
    assert len(calls) == 2  # the old engine's rows are not read …
    rows = corpus.index.db.execute("SELECT DISTINCT engine FROM analyses").fetchall()
    assert rows == [("another-engine",)]  # … and give way to this engine's


@pytest.mark.parametrize("torn", [b"", b"not a record", b"x\x9c\x03\x00"])
def test_a_corrupt_row_is_rebuilt_not_an_error(corpus: Corpus, monkeypatch: pytest.MonkeyPatch,
                                              torn: bytes) -> None:
    old, new = _pair(corpus)
    first = pipeline.prepared_stored(corpus, (old, new))
    engine = index.engine_fingerprint()
    corpus.index.store_analyses({index.analysis_key(old.text): torn}, engine)
    calls = _computed(monkeypatch)
    assert pipeline.prepared_stored(corpus, (old, new)) == first
    assert calls == [f"{old.meta.region} {old.meta.year}"]  # only the torn one is worked out again
    stored = corpus.index.analyses([index.analysis_key(old.text)], engine)
    assert pipeline.load_prepared(old, stored[index.analysis_key(old.text)]) == first[0]  # and replaced


def test_a_record_of_another_text_is_not_taken(corpus: Corpus) -> None:
    old, new = _pair(corpus)
    other = pipeline.dump_prepared(pipeline.prepare(new))
    assert pipeline.load_prepared(old, other) is None  # its folded text does not fit this report


def test_compare_from_stored_records_is_compare_from_scratch(corpus: Corpus) -> None:
    old, new = _pair(corpus)
    history = corpus.history("城阳区")
    scratch = jsonio.dump(pipeline.compare(old, new, history))
    cold = jsonio.dump(pipeline.compare_stored(corpus, old, new))  # works the records out and stores them
    warm = jsonio.dump(pipeline.compare_stored(corpus, old, new))  # reads them
    given = jsonio.dump(pipeline.compare(old, new, history, prepared=(pipeline.prepare(old),
                                                                      pipeline.prepare(new))))
    assert scratch == given
    assert cold == warm
    known = pipeline.history_figures(corpus, history)
    assert cold == jsonio.dump(pipeline.compare(old, new, history, lexicon=lexicon.load(),
                                                history_figures=known))  # nothing stored: the same


def test_phrases_with_and_without_the_analysis_agree(corpus: Corpus) -> None:
    old, new = _pair(corpus)
    (do, ao), (dn, an) = pipeline.prepare(old), pipeline.prepare(new)
    assert formulations.phrases(dn, [do.flat]) == formulations.phrases(dn, [do.flat], known=ao.grams,
                                                                      analysis=an)
    assert formulations.stance_changes(do, dn) == formulations.stance_changes(do, dn, (ao, an))


def test_compare_leaves_the_garbage_collector_as_it_found_it(corpus: Corpus) -> None:
    import gc

    old, new = _pair(corpus)
    assert gc.isenabled()
    pipeline.compare_stored(corpus, old, new)
    assert gc.isenabled()  # paused for the comparison only
    gc.disable()
    try:
        pipeline.compare(old, new)
        assert not gc.isenabled()  # a caller's own pause stays
    finally:
        gc.enable()
    with pytest.raises(LimitError):
        pipeline.compare(old, replace(new, text="一、" * (pipeline.MAX_HEADING_MARKS + 1)))
    assert gc.isenabled()  # also after an error


def test_a_report_over_the_limits_is_refused_before_the_history_is_outlined(
        corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compared reports are checked first: no report of the region is outlined for its figures
    (`history_figures`, which outlines each history report once) before the refusal."""
    old, new = _pair(corpus)
    outlined: list[int] = []
    real = figures.report_figures

    def spy(report: Report, table: figures.Indicators) -> list[figures.Found]:
        outlined.append(report.meta.year)
        return list(real(report, table))

    monkeypatch.setattr(figures, "report_figures", spy)
    over = replace(new, text=new.text + "\n" + "一、" * (pipeline.MAX_HEADING_MARKS + 1))
    with pytest.raises(LimitError, match="too many headings"):
        pipeline.compare_stored(corpus, old, over)
    assert outlined == []
    pipeline.compare_stored(corpus, old, new)  # within the limits: the history's figures are worked out
    assert sorted(outlined) == sorted({r.meta.year for r in corpus.history("城阳区")})
