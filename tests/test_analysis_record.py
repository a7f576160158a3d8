"""The per-report record (`formulations.analyse`) is worked out with per-call memos and sets (each
string tagged once, the word boundaries as sets): what it says of every candidate is what the plain
helpers say of it one by one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yoy import classify, formulations, jsonio, outline, pipeline, terms
from yoy.corpus import Corpus
from yoy.models import Doc
from yoy.text import fold, fold_each, tag, words

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")


def _doc(region: str, year: int) -> Doc:
    r = CORPUS.load(region, year)
    return terms.doc(r, outline.segment(r))


@pytest.mark.parametrize(("region", "year"), [("城阳区", 2025), ("全国", 2009)])
def test_candidates_are_judged_as_the_plain_helpers_judge_them(region: str, year: int) -> None:
    d = _doc(region, year)
    an = formulations.analyse(d)
    assert len(an.candidates) > 500
    runs = formulations.quoted_lists(d)
    # a quoted 、-run and a quoted name the phrase rules would cut hold fragments
    cut = {t for t in formulations.quoted_figures(d) if not formulations._FIGURE_MARK.search(t)}
    whole = runs.keys() | cut
    spans = formulations.quoted_list_spans(d, whole)
    said_quoted = {"".join(q.split()) for q in terms.quoted(d.folded)}  # a quoted name is no fragment
    for t, c in an.candidates.items():
        ws = words(t)
        assert [w for w, _ in tag(t)] == ws, t  # the memo takes a string's words from its tags
        assert c.sizes == formulations.sizes(ws), t
        assert c.parts == formulations.parts(t), t
        assert c.governed == formulations._governed(d, c.places), t
        assert c.compact == formulations._compact(t, ws), t
        assert c.fragment == ((formulations.fragment(t) and t not in said_quoted)
                              or formulations._cut_across_quotes(formulations._as_written(d, t, c.places[0]))
                              or formulations.ordinary_noun(t)
                              or formulations._cut_off(d, c.places, len(t))
                              or formulations._date_tail(d, t, c.places)
                              or formulations._attained(d, c.places)
                              or formulations._modifier_cut(d, t, c.places)
                              or formulations._lead_end(t, ws, said_quoted)
                              or (t not in whole
                                  and formulations.inside_spans(c.places, len(t), spans))), t



# An invented passage in Traditional characters, with the full-width forms, signs and quotes that
# folding changes (phrases whose conversion depends on the characters around them among them).
_MIXED = ("乾隆年間的理髮店裡，頭髮與發展並舉；著力於「一帶一路」倡議，鬆綁審批、後續乾燥處理。"
          "ＧＤＰ增長６．５％，面積１２０㎡，①擴大內需②穩定就業 ab\tc 臺灣、台灣、乾淨、幹部、干涉")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_MIXED)), st.integers(0, 12)), min_size=1, max_size=40))
def test_folding_many_texts_at_once_folds_each_as_alone(cuts: list[tuple[int, int]]) -> None:
    texts = [_MIXED[a:a + n] for a, n in cuts]
    assert fold_each(texts) == [fold(t) for t in texts]


def test_folding_many_texts_at_once_folds_a_report_s_phrases_as_alone() -> None:
    d = _doc("全国", 2009)
    phrases = sorted(formulations.analyse(d).candidates)
    sentences = [s for s in d.folded.split("。") if "\n" not in s]
    assert fold_each(phrases) == [fold(t) for t in phrases]
    assert fold_each(sentences) == [fold(t) for t in sentences]
    assert fold_each(["一\n二", "三"]) == [fold("一\n二"), fold("三")]  # a text with a line break of its own


def test_a_comparison_finds_the_same_swaps_with_and_without_the_records_slots() -> None:
    # invented: one word of a kept frame swapped, each wording said twice
    base = CORPUS.load("全国", 2008)
    old = replace(base, text="推进山海联动协同机制。完善山海联动协同机制。" + base.text)
    new = replace(base, meta=replace(base.meta, year=2009),
                  text=base.text + "推进山海联动协作机制。完善山海联动协作机制。")
    prepared = pipeline.prepare(old), pipeline.prepare(new)
    for d, an in prepared:
        assert an.slots == classify.swap_slots(d, an) and an.slots
    bare = tuple((d, replace(an, slots=None)) for d, an in prepared)
    with_slots = pipeline.compare(old, new, prepared=(prepared[0], prepared[1]))
    assert [(p.old_term, p.term) for p in with_slots.priorities if p.change == "reworded"] == \
        [("山海联动协同机制", "山海联动协作机制")]
    assert jsonio.dump(pipeline.compare(old, new, prepared=(bare[0], bare[1]))) == jsonio.dump(with_slots)
