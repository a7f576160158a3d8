"""Mechanics of a comparison built for speed give what their plain forms give: the order of scored
candidates (`classify.listing._sort_by_score` against a sort by `classify.listing._by_score`) and their dedupe
(`classify.listing._dedupe`, its overlap test behind a trigram test, against the plain loop), the phrases of
`formulations._phrase` (built field by field in order), the sentence anchors of
`align._sentence_pairs` (scored against the sentences of a length that can match only) and the
overlap test of `classify.listing._always_overlap` (by bisection, against every pair)."""

from __future__ import annotations

import random
from pathlib import Path

from rapidfuzz import fuzz, process

from yoy import align, classify, formulations, pipeline
from yoy.corpus import Corpus

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")


def test_sorting_by_score_is_the_stable_sort_by_the_score_key() -> None:
    rng = random.Random(7)
    terms = ["甲乙", "甲乙丙", "丙丁", "戊己庚", "辛", "壬癸"]  # invented strings
    for _ in range(200):
        items = [classify.listing._Pending(rng.choice([0.5, 0.25, 1 / 3, rng.random()]), rng.choice(terms),
                                           str(k), classify.Signal.DEBUT, k, rng.random() < 0.2)
                 for k in range(rng.randrange(0, 30))]  # whole-key ties: same score and term
        expected = sorted(items, key=classify.listing._by_score)
        got = list(items)
        classify.listing._sort_by_score(got)
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


def _all_pairs(fa: list[str], fb: list[str]) -> list[tuple[int, int]]:
    """`align._sentence_pairs` with every old sentence scored against every new one."""
    edges = [(-s, i, j) for i, q in enumerate(fa) if q
             for _, s, j in process.extract(q, fb, scorer=fuzz.ratio, limit=None, score_cutoff=align.SENT_MIN)
             if fb[j]]
    return align.anchors(edges)


def test_sentence_anchors_are_those_of_scoring_every_pair() -> None:
    rng = random.Random(11)
    alphabet = "甲乙丙丁戊己庚辛"  # invented sentences of a few characters, lengths near the bound
    for _ in range(300):
        def sentence() -> str:
            return "".join(rng.choice(alphabet[:rng.randrange(2, 9)]) for _ in range(rng.randrange(0, 25)))
        fa = [sentence() for _ in range(rng.randrange(0, 12))]
        fb = [sentence() for _ in range(rng.randrange(0, 12))]
        fb += [q[: max(0, len(q) * 3 // 7)] for q in fa[:3]]  # shorter new sentences at the length bound
        assert align._sentence_pairs(fa, fb) == _all_pairs(fa, fb)


def _plain_dedupe(pending: list[classify.listing._Pending], reworded: list[str]
                  ) -> list[classify.listing._Pending]:
    """`classify.listing._dedupe` with every overlap tested directly."""
    seeds = [t for t in reworded if t]
    heads: list[str] = []
    out = []
    for c in pending:
        near = any(classify.listing._overlap(c.term, h) for h in (*seeds, *heads))
        if len(heads) < classify.weights.DUP_WINDOW and near:
            c = c._replace(score=c.score * classify.weights.DUP_FACTOR)
        elif len(heads) < classify.weights.DUP_WINDOW:
            heads.append(c.term)
        out.append(c)
    out.sort(key=classify.listing._by_score)
    return out


def test_the_dedupe_is_the_plain_loop() -> None:
    rng = random.Random(5)
    alphabet = "甲乙丙丁戊己"  # invented terms of a small alphabet: many share runs of characters
    for _ in range(200):
        def term() -> str:
            return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9)))
        pending = [classify.listing._Pending(rng.random(), term(), "", classify.Signal.DEBUT, 1, False)
                   for _ in range(rng.randrange(0, 80))]
        pending.sort(key=classify.listing._by_score)
        reworded = [term() for _ in range(rng.randrange(0, 3))] + [""]
        assert classify.listing._dedupe(list(pending), reworded) == _plain_dedupe(list(pending), reworded)


def test_always_overlap_by_bisection_is_the_pairwise_test() -> None:
    """`classify.listing._always_overlap` (each place's overlap found by bisection) against every pair."""
    def plain(a: list[int], la: int, b: list[int], lb: int) -> bool:
        def covered(xs: list[int], lx: int, ys: list[int], ly: int) -> bool:
            return all(any(y < x + lx and x < y + ly for y in ys) for x in xs)
        return covered(a, la, b, lb) and covered(b, lb, a, la)

    rng = random.Random(11)
    for _ in range(5000):
        a, b = rng.sample(range(60), rng.randint(0, 6)), rng.sample(range(60), rng.randint(0, 6))
        la, lb = rng.randint(1, 8), rng.randint(1, 8)
        assert classify.listing._always_overlap(a, la, b, lb) == plain(a, la, b, lb)
