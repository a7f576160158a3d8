"""Mechanics of a comparison built for speed give what their plain forms give: the order of scored
candidates (`classify._sort_by_score` against a sort by `classify._by_score`) and the phrases of
`formulations._phrase` (built field by field in order)."""

from __future__ import annotations

import random
from pathlib import Path

from yoy import classify, formulations, pipeline
from yoy.corpus import Corpus

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")


def test_sorting_by_score_is_the_stable_sort_by_the_score_key() -> None:
    rng = random.Random(7)
    terms = ["甲乙", "甲乙丙", "丙丁", "戊己庚", "辛", "壬癸"]  # invented strings
    for _ in range(200):
        items = [classify._Pending(rng.choice([0.5, 0.25, 1 / 3, rng.random()]), rng.choice(terms), str(k),
                                   classify.Signal.DEBUT, k, rng.random() < 0.2)
                 for k in range(rng.randrange(0, 30))]  # whole-key ties: same score and term
        expected = sorted(items, key=classify._by_score)
        got = list(items)
        classify._sort_by_score(got)
        assert got == expected


def test_a_phrase_has_its_candidate_s_fields_by_name() -> None:
    _, an = pipeline.prepare(CORPUS.load("城阳区", 2025))
    for t, c in list(an.candidates.items())[:300]:
        for unit, plain, joined in ((True, None, False), (False, True, True), (True, False, True)):
            got = formulations._phrase(t, c, c.places[0], unit, plain, joined)
            assert got == formulations.Phrase(
                text=t, count=len(c.places), first=c.places[0], quoted=c.quoted, unit=unit,
                governed=c.governed, everyday=c.everyday, numbered=c.numbered, policy_head=c.policy_head,
                compact=unit and c.compact, plain=c.plain if plain is None else plain, joined=joined,
                fragment=c.fragment)
            assert type(got) is formulations.Phrase and got.text == t
