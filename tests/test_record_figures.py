"""A report's own figures kept in its record (`Analysis.figures`, `classify.own_figures`): a comparison
that places them gives what reading the figures inside the comparison gives, and figures read for
another year are not taken."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.corpus_reports import index_pair as _pair
from yoy import classify, jsonio, pipeline
from yoy.corpus import Corpus
from yoy.pipeline import shipped_indicators

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "yoy" / "corpus"


@pytest.fixture
def corpus(index_pair_corpus: Corpus) -> Corpus:
    return index_pair_corpus


def test_the_record_holds_the_reports_own_figures(corpus: Corpus) -> None:
    old, _ = _pair(corpus)
    d, an = pipeline.prepare(old)
    assert an.figures is not None
    year, found = an.figures
    assert year == old.meta.year and found  # a work report states targets
    assert list(found) == classify.own_figures(d, shipped_indicators())
    assert all(f.figure.evidence.path == "" and f.figure.evidence.pair_id is None for f in found)


def test_compare_with_kept_figures_is_compare_without(corpus: Corpus) -> None:
    old, new = _pair(corpus)
    history = corpus.history("城阳区")
    (do, ao), (dn, an) = pipeline.prepare(old), pipeline.prepare(new)
    kept = jsonio.dump(pipeline.compare(old, new, history, prepared=((do, ao), (dn, an))))
    bare = ((do, replace(ao, figures=None)), (dn, replace(an, figures=None)))
    assert kept == jsonio.dump(pipeline.compare(old, new, history, prepared=bare))
    # figures read for another year (a record of the same text filed under another year) are not taken
    assert an.figures is not None
    wrong = ((do, replace(ao, figures=(old.meta.year + 1, ()))),
             (dn, replace(an, figures=(0, an.figures[1]))))
    assert kept == jsonio.dump(pipeline.compare(old, new, history, prepared=wrong))
