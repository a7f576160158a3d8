"""The per-report record (`formulations.analyse`) is worked out with per-call memos and sets (each
string tagged once, the word boundaries as sets): what it says of every candidate is what the plain
helpers say of it one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from yoy import formulations, outline, terms
from yoy.corpus import Corpus
from yoy.models import Doc
from yoy.text import tag, words

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")


def _doc(region: str, year: int) -> Doc:
    r = CORPUS.load(region, year)
    return terms.doc(r, outline.segment(r))


@pytest.mark.parametrize(("region", "year"), [("城阳区", 2025), ("全国", 2009)])
def test_candidates_are_judged_as_the_plain_helpers_judge_them(region: str, year: int) -> None:
    d = _doc(region, year)
    an = formulations.analyse(d)
    assert len(an.candidates) > 500
    for t, c in an.candidates.items():
        ws = words(t)
        assert [w for w, _ in tag(t)] == ws, t  # the memo takes a string's words from its tags
        assert c.sizes == formulations.sizes(ws), t
        assert c.parts == formulations.parts(t), t
        assert c.governed == formulations._governed(d, c.places), t
        assert c.compact == formulations._compact(t, ws), t
        assert c.fragment == (formulations.fragment(t) or formulations.ordinary_noun(t)
                              or formulations._cut_off(d, c.places, len(t))), t

