"""What a report's record keeps for its comparisons, the salience marks (`Analysis.marks`,
`classify.salience_marks`) and its units' words (`Analysis.unit_words`, `align.unit_words`): what a
comparison reads from them is what it works out without them."""

from __future__ import annotations

import pickle
from dataclasses import fields, replace
from pathlib import Path

from yoy import align, classify, formulations, jsonio, outline, pipeline
from yoy.corpus import Corpus
from yoy.history import Said, found_rare
from yoy.models import Side
from yoy.terms import key
from yoy.text import dictionary_count

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")


def test_the_marks_are_those_of_the_plain_tests() -> None:
    d, an = pipeline.prepare(CORPUS.load("全国", 2009))
    text = classify.sides._heading_text(d, outline.by_start(d.outline))
    assert an.heading_text == text and "|" in text
    assert an.marks is not None and an.marks == classify.salience_marks(d, an, text)
    framed, heading, derived = an.marks.framed, an.marks.heading, an.marks.derived
    assert framed and heading and len(heading) < len(an.candidates)
    thanks = classify.sides._thanks_spans(d.flat)
    assert thanks and an.marks.thanked  # the national report thanks its addressees
    for t, c in an.candidates.items():
        assert (t in an.marks.thanked) == (bool(c.places) and all(any(a <= p < b for a, b in thanks)
                                                                  for p in c.places)), t
        assert (t in framed) == classify.salience._framed_at(d, c.places), t
        assert (t in heading) == (t in text), t
        assert (t in derived) == (c.compact and formulations.derived(t)), t


def test_a_comparison_is_the_same_with_and_without_the_records_marks() -> None:
    old, new = CORPUS.load("城阳区", 2022), CORPUS.load("城阳区", 2025)
    prepared = pipeline.prepare(old), pipeline.prepare(new)
    bare = tuple((d, replace(an, marks=None, heading_text=None)) for d, an in prepared)
    with_marks = pipeline.compare(old, new, prepared=(prepared[0], prepared[1]))
    assert jsonio.dump(pipeline.compare(old, new, prepared=(bare[0], bare[1]))) == jsonio.dump(with_marks)


def test_an_alignment_is_the_same_with_and_without_the_records_unit_words() -> None:
    (do, ao), (dn, an) = (pipeline.prepare(CORPUS.load("全国", y)) for y in (2008, 2009))
    assert ao.unit_words == align.unit_words(do) and ao.unit_words
    blocks = {b.id for part in do.outline.blocks for b in (part, *part.children)}
    assert set(ao.unit_words) == blocks
    assert align.align(do, dn, (ao.unit_words, an.unit_words)) == align.align(do, dn)


def test_spans_and_blocks_pickle_back_equal_with_every_field() -> None:
    d, _ = pipeline.prepare(CORPUS.load("城阳区", 2025))
    assert pickle.loads(pickle.dumps(d.outline, protocol=pickle.HIGHEST_PROTOCOL)) == d.outline
    block = d.outline.blocks[0]
    for record in (block, block.span):
        cls, args = record.__reduce__()
        assert cls is type(record) and args == tuple(getattr(record, f.name) for f in fields(record))


def test_a_dropped_phrase_s_parts_read_from_the_record_are_those_segmented() -> None:
    old, new = CORPUS.load("全国", 2008), CORPUS.load("全国", 2009)
    (do, ao), (dn, an) = pipeline.prepare(old), pipeline.prepare(new)
    alignment = align.align(do, dn)
    so = classify.sides._side(do, alignment, Side.OLD, ao)
    terms = [*ao.candidates, "不是候选的短语", "一个 含空格的短语"]  # invented: no candidate of the record
    known = classify.dropped._phrase_words(terms, so)
    assert sum(w is not None for w in known) == len(ao.candidates)
    for t, ws in zip(terms, known, strict=True):
        assert classify.dropped._content_parts(t, ws) == classify.dropped._content_parts(t), t
    sn = classify.sides._side(dn, alignment, Side.NEW, an)
    assert classify.dropped._said_otherwise(terms, sn, so) == classify.dropped._said_otherwise(terms, sn)


def test_new_phrases_said_another_way_are_the_same_from_the_said_variants() -> None:
    old, new = CORPUS.load("全国", 2008), CORPUS.load("全国", 2009)
    (do, ao), (dn, an) = pipeline.prepare(old), pipeline.prepare(new)
    alignment = align.align(do, dn)
    so = classify.sides._side(do, alignment, Side.OLD, ao)
    terms = [t for t in an.candidates if t not in do.flat]
    said = Said({}, {do.flat: frozenset(found_rare(formulations.variant_strings(an), do.flat))})
    bare = classify.new._said_another_way(terms, so, classify.sides._side(dn, alignment, Side.NEW, an))
    assert bare  # some new phrase is an old one said another way
    read = classify.new._said_another_way(terms, so, classify.sides._side(dn, alignment, Side.NEW, an, said))
    assert list(read.items()) == list(bare.items())


def test_the_records_generic_stems_are_its_candidates_and_give_the_same_phrases() -> None:
    (do, ao), (dn, an) = (pipeline.prepare(CORPUS.load("全国", y)) for y in (2008, 2009))
    assert an.stems is not None and an.stems == formulations.generic_stems(an)
    assert all(not an.candidates[t].quoted and all(t.startswith(x) for x in xs) for t, xs in an.stems.items())
    kept = formulations.phrases(dn, [do.flat], known=ao.grams, analysis=an)
    bare = formulations.phrases(dn, [do.flat], known=ao.grams, analysis=replace(an, stems=None))
    assert list(kept.items()) == list(bare.items())
    # some phrase is plain only through a stem the old report says
    assert any(ph.plain and not ph.joined and not an.candidates[t].plain and t in an.stems
               for t, ph in kept.items())


def test_the_records_shorter_forms_find_what_a_search_of_the_old_candidates_finds() -> None:
    (do, ao), (dn, an) = (pipeline.prepare(CORPUS.load("全国", y)) for y in (2008, 2009))
    assert ao.shorter is not None and ao.shorter == classify.shorter_forms(ao)
    alignment = align.align(do, dn)
    so = classify.sides._side(do, alignment, Side.OLD, ao)
    terms = [t for t in an.candidates if t not in do.flat]
    # the definition, searched directly: an old candidate of three words or more less one inner word
    # of ordinary language (`EVERYDAY_COUNT`), the first such candidate in record order for each
    expected: dict[str, str] = {}
    wanted = set(terms)
    for q, c in ao.candidates.items():
        ws = formulations.split(q, c.sizes) if len(c.sizes) >= 3 else []
        for k in range(1, len(ws) - 1):
            f = "".join(ws[:k] + ws[k + 1:])
            if f in wanted and dictionary_count(ws[k]) >= formulations.EVERYDAY_COUNT:
                expected.setdefault(f, q)
    read = classify.new._said_shorter(terms, so)
    assert read and list(read.items()) == list(expected.items())
    bare_side = classify.sides._side(do, alignment, Side.OLD, replace(ao, shorter=None))
    bare = classify.new._said_shorter(terms, bare_side)
    assert list(bare.items()) == list(read.items())


def test_the_records_short_forms_shorten_the_names_the_old_candidates_shorten_to() -> None:
    (do, ao), (dn, an) = (pipeline.prepare(CORPUS.load("全国", y)) for y in (2008, 2009))
    assert ao.abbreviations
    assert ao.abbreviations == classify.abbreviation_forms(do, replace(ao, abbreviations=None))
    alignment = align.align(do, dn)
    so = classify.sides._side(do, alignment, Side.OLD, ao)
    sn = classify.sides._side(dn, alignment, Side.NEW, an)
    bare_so = classify.sides._side(do, alignment, Side.OLD, replace(ao, abbreviations=None))

    def whole() -> list[tuple[str, str]]:  # the two texts as one aligned pair: every name is asked
        return [(do.flat, dn.flat)]

    read = classify.reworded._abbreviated(so, sn, whole)
    assert read  # some old name is said shorter in the new text
    assert classify.reworded._abbreviated(bare_so, sn, whole) == read


def test_the_records_unit_keys_are_the_matching_forms_of_the_section_maps_texts() -> None:
    (do, ao), (dn, an) = (pipeline.prepare(CORPUS.load("全国", y)) for y in (2008, 2009))
    assert ao.unit_keys and an.unit_keys
    rows = align.align(do, dn).pairs
    assert any(p.old_text and p.new_text for p in rows)
    for p in rows:  # every row's text, parts (their own text before their sections) and sections
        if p.old_id is not None and p.old_text is not None:
            assert ao.unit_keys[p.old_id] == key(p.old_text)
        if p.new_id is not None and p.new_text is not None:
            assert an.unit_keys[p.new_id] == key(p.new_text)
