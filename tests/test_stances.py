"""Stance changes whose new wording the old report says too: a report that reviews past years recalls
a past stance, and the next year's report may take it up again (invented stances on a real report's
text: 审慎 / 灵活 的财政政策, never a stance of the corpus)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from yoy import classify, formulations, outline, pipeline, terms
from yoy.corpus import Corpus
from yoy.models import Doc, Report
from yoy.text import tag

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")
STANCE = re.compile(r"[\u4e00-\u9fff]{2}的财政政策")
# an invented sentence recalling a past stance, put into the review part of both reports
RECALL = "前几年实施灵活的财政政策，经济平稳运行。"


def _recalled(text: str) -> str:
    """`text` with RECALL after the first sentence of its first part (the review of past years)."""
    at = text.index("。", text.index("一、")) + 1
    return text[:at] + RECALL + text[at:]


def _pair(old_stance: str, new_stance: str, recall_in_new: bool = True) -> tuple[Report, Report]:
    base = CORPUS.load("全国", 2008)
    assert len(STANCE.findall(base.text)) >= 2
    old = replace(base, text=_recalled(STANCE.sub(old_stance, base.text)))
    new_text = STANCE.sub(new_stance, base.text)
    new = replace(base, meta=replace(base.meta, year=2009),
                  text=_recalled(new_text) if recall_in_new else new_text)
    return old, new


def _reworded(old: Report, new: Report) -> list[tuple[str | None, str]]:
    return [(p.old_term, p.term) for p in pipeline.compare(old, new).priorities if p.change == "reworded"]


def test_a_stance_the_old_report_recalls_is_still_a_stance_change() -> None:
    # the old report says 灵活的财政政策 once (a recall) and 审慎 where it states the year's policy; the
    # new one says 灵活 there: a change of stance, though the new wording is not new to the old text
    old, new = _pair("审慎的财政政策", "灵活的财政政策")
    assert "灵活的财政政策" in old.text
    assert _reworded(old, new) == [("审慎的财政政策", "灵活的财政政策")]


def test_a_recall_alone_is_no_stance_change() -> None:
    # both reports state the same stance; only the new one's review recalls another one: no change
    old, new = _pair("审慎的财政政策", "审慎的财政政策", recall_in_new=True)
    old = replace(old, text=old.text.replace(RECALL, ""))
    assert _reworded(old, new) == []
    # and the same stance in both with the recall in both: no change either
    old, new = _pair("审慎的财政政策", "审慎的财政政策")
    assert _reworded(old, new) == []


def test_an_old_stance_that_comes_back_without_a_recall_is_found() -> None:
    # the recall only in the old report: the new stance is said there once, the strict test of
    # absence fails, and the change is still one rewording
    old, new = _pair("审慎的财政政策", "灵活的财政政策", recall_in_new=False)
    assert _reworded(old, new) == [("审慎的财政政策", "灵活的财政政策")]


def test_a_lead_that_moved_only_outside_aligned_places_is_no_change() -> None:
    # counts alone: 审慎 leads the old report, 灵活 the new one; the change is reported only where an
    # aligned pair of texts says the old wording in the old text and the new one in its place
    from yoy.formulations import _dominance
    from yoy.models import Stance

    head = "财政政策"
    olds = [Stance(head, "审慎", "审慎的财政政策", 3), Stance(head, "灵活", "灵活的财政政策", 1)]
    news = [Stance(head, "审慎", "审慎的财政政策", 1), Stance(head, "灵活", "灵活的财政政策", 3)]
    old_flat = "实施审慎的财政政策。" * 3 + "回顾灵活的财政政策。"
    new_flat = "实施审慎的财政政策。" + "回顾灵活的财政政策。" * 3
    placed = [("今年实施审慎的财政政策。", "今年实施灵活的财政政策。")]
    apart = [("今年实施审慎的财政政策。", "今年实施审慎的财政政策。回顾灵活的财政政策。")]
    assert _dominance(olds, news, old_flat, new_flat, lambda: placed) == (olds[0], news[1])
    assert _dominance(olds, news, old_flat, new_flat, lambda: apart) is None
    # a tie in the new report: no leading modifier, no change by this route
    tied = [Stance(head, "审慎", "审慎的财政政策", 2), Stance(head, "灵活", "灵活的财政政策", 2)]
    assert _dominance(olds, tied, old_flat, new_flat, lambda: placed) is None


def _invented(text: str, year: int) -> Doc:
    base = CORPUS.load("全国", 2009)
    r = Report(meta=replace(base.meta, year=year), text=text)
    return terms.doc(r, outline.segment(r))


def test_a_phrase_whose_edge_is_a_character_of_a_longer_word_is_not_said() -> None:
    # invented: the old text holds 新技术 only as the end of 创新|技术 (新 the last character of 创新)
    old = _invented("今年要发展新产品，推广创新技术路线。\n", 2020)
    new = _invented("今年要发展新技术路线，推广创新技术。\n", 2021)
    assert "新技术路线" in old.flat
    ao, an = formulations.analyse(old), formulations.analyse(new)
    plain = formulations.phrases(new, [old.flat], known=ao.grams, analysis=an)
    as_words = formulations.phrases(new, [old.flat], known=ao.grams, analysis=an,
                                    edges=[formulations.word_edges(old)])
    assert not any("新技术" in t for t in plain), sorted(plain)
    assert any("新技术路线" in t for t in as_words), sorted(as_words)


def test_a_word_inside_a_compound_is_said() -> None:
    # invented: two or more characters of a longer word at an edge are a word of their own (the head
    # of 国民经济), so the text says 经济路线; one character cut from 创新 is not a word of 新技术
    d = _invented("推广国民经济路线，推广创新技术。\n", 2020)
    edges = formulations.word_edges(d)
    assert formulations.said_as_words("经济路线", d.flat, edges)
    assert not formulations.said_as_words("新技术", d.flat, edges)
    assert formulations.said_as_words("创新技术", d.flat, edges)


def _lengthened(old_name: str, new_name: str) -> tuple[Report, Report]:
    """全国 2008 with an invented sentence naming a programme in its first section, the next year
    the same sentence with the name lengthened."""
    base = CORPUS.load("全国", 2008)
    at = base.text.index("。", base.text.index("一、")) + 1
    sentence = "今年要实施{}，推动各地协同发展。"
    old = replace(base, text=base.text[:at] + sentence.format(old_name) + base.text[at:])
    new = replace(base, meta=replace(base.meta, year=2009),
                  text=base.text[:at] + sentence.format(new_name) + base.text[at:])
    return old, new


def test_a_name_lengthened_in_place_is_one_rewording() -> None:
    # invented: 星河协同战略 → 星河协同发展战略, said once in the same place of aligned sections
    old, new = _lengthened("星河协同战略", "星河协同发展战略")
    c = pipeline.compare(old, new)
    lines = [(p.change, p.old_term, p.term) for p in c.priorities
             if "星河" in p.term or "星河" in (p.old_term or "")]
    assert lines[:1] == [("reworded", "星河协同战略", "星河协同发展战略")], lines
    assert not [x for x in lines[1:] if x[0] in ("new", "dropped")], lines
    p = next(p for p in c.priorities if p.change == "reworded" and "星河" in p.term)
    assert "加入“发展”" in p.basis


def test_an_adverb_put_into_a_name_is_no_rewording() -> None:
    # invented: 逐步 (an adverb) put before the head describes the programme, it does not rename it
    old, new = _lengthened("星河协同建设", "星河协同逐步建设")
    assert not [p for p in pipeline.compare(old, new).priorities
                if p.change == "reworded" and "星河" in p.term]


def _renamed(old_sentence: str, new_sentence: str) -> tuple[Report, Report]:
    """全国 2008 with an invented sentence in its first section, the next year another one there."""
    base = CORPUS.load("全国", 2008)
    at = base.text.index("。", base.text.index("一、")) + 1
    old = replace(base, text=base.text[:at] + old_sentence + base.text[at:])
    new = replace(base, meta=replace(base.meta, year=2009),
                  text=base.text[:at] + new_sentence + base.text[at:])
    return old, new


def test_a_name_said_by_its_short_form_is_continued() -> None:
    # invented: 星河港口企业 (星河|港口|企业) said twice, the next year its short form 星港企业 in its place:
    # the same name continued, neither dropped nor new
    old, new = _renamed("今年要支持星河港口企业发展，帮助星河港口企业融资。",
                        "今年要支持星港企业发展，帮助星港企业融资。")
    c = pipeline.compare(old, new)
    listed = {(p.change, p.term) for p in c.priorities}
    assert ("dropped", "星河港口企业") not in listed and ("new", "星港企业") not in listed, sorted(listed)
    # without the short form in the new report the name is dropped: the test above can fail
    gone, other = _renamed("今年要支持星河港口企业发展，帮助星河港口企业融资。", "今年要支持企业发展。")
    dropped = {p.term for p in pipeline.compare(gone, other).priorities if p.change == "dropped"}
    assert "星河港口企业" in dropped


def test_a_short_form_the_old_report_says_too_is_no_shortening() -> None:
    # the old report says 星港企业 already: the short form is no new wording, and the old name is dropped
    old, new = _renamed("今年要支持星河港口企业发展，帮助星河港口企业融资，星港企业也要发展。",
                        "今年要支持星港企业发展，帮助星港企业融资。")
    assert ("dropped", "星河港口企业") in {(p.change, p.term) for p in pipeline.compare(old, new).priorities}
    assert classify.short_forms(("星河", "港口", "企业")) == ("星港企业",)
    assert classify.short_forms(("星河", "港口")) == ("星港口", "星河口")
    assert classify.short_forms(("星", "港口")) == ()  # a one-character word is no word to shorten


def _restated(old_sentence: str, new_sentence: str, stance: str = "审慎的财政政策") -> tuple[Report, Report]:
    """全国 2008 with its fiscal stance said as `stance` in both years and an invented sentence put
    after the first sentence of its first part: `old_sentence` in the old year, `new_sentence` in
    the new one (the stances are invented, never a stance of the corpus)."""
    base = CORPUS.load("全国", 2008)
    text = STANCE.sub(stance, base.text)
    at = text.index("。", text.index("一、")) + 1
    old = replace(base, text=text[:at] + old_sentence + text[at:])
    new = replace(base, meta=replace(base.meta, year=2009), text=text[:at] + new_sentence + text[at:])
    return old, new


def test_a_compound_modifier_with_a_noun_tagged_word_is_a_stance() -> None:
    # invented: 审慎弹性 (jieba: 审慎 a, 弹性 n) fills the place between a policy verb and 的 + head; the
    # old report says 审慎: one rewording of the whole phrases, no bare modifier as a debut
    old, new = _pair("审慎的财政政策", "审慎弹性的财政政策")
    c = pipeline.compare(old, new)
    assert [(p.old_term, p.term) for p in c.priorities if p.change == "reworded"] == \
        [("审慎的财政政策", "审慎弹性的财政政策")]
    assert not [p for p in c.priorities if p.change == "new" and "审慎弹性" in p.term]


def test_a_predicate_stance_changed_is_one_rewording() -> None:
    # invented: X的H要Y with Y changed (a two-word predicate, then a degree adverb and a longer one)
    old, new = _restated("审慎的财政政策要松弛有度。", "审慎的财政政策要更加张弛有序。")
    c = pipeline.compare(old, new)
    lines = [(p.old_term, p.term, p.basis) for p in c.priorities if p.change == "reworded"]
    assert [(a, b) for a, b, _ in lines] == [("审慎的财政政策要松弛有度", "审慎的财政政策要更加张弛有序")]
    assert "由“松弛有度”改为“更加张弛有序”" in lines[0][2]
    bare = {p.term for p in c.priorities if p.change in ("new", "dropped")}
    assert not {t for t in bare if "松弛有度" in t or "张弛有序" in t}, sorted(bare)


def test_a_listed_predicate_stance_is_one_rewording() -> None:
    # invented: X的H要Y、Z (the predicate lists its stance) changed to one predicate; a list of more
    # items than PREDICATE_ITEMS is a sentence's enumeration, no stance
    old, new = _restated("审慎的财政政策要松弛有度、张弛有序。", "审慎的财政政策要更加松弛有度。")
    lines = [(p.old_term, p.term, p.basis) for p in pipeline.compare(old, new).priorities
             if p.change == "reworded"]
    assert [(a, b) for a, b, _ in lines] == [
        ("审慎的财政政策要松弛有度、张弛有序", "审慎的财政政策要更加松弛有度")]
    assert "由“松弛有度、张弛有序”改为“更加松弛有度”" in lines[0][2]
    # a leading verb before the stance is no part of its length (要保持Y, as 要更加Y)
    old, new = _restated("审慎的财政政策要松弛有度。", "审慎的财政政策要保持张弛有序。")
    assert [(p.old_term, p.term) for p in pipeline.compare(old, new).priorities if p.change == "reworded"] \
        == [("审慎的财政政策要松弛有度", "审慎的财政政策要保持张弛有序")]
    w = ["财政政策", "要", "松弛", "、", "有序", "、", "张弛", "、", "适度", "。"]
    assert formulations._stance_predicate(w, 1) is None
    assert formulations._stance_predicate([*w[:5], "。"], 1) == "松弛、有序"


def test_a_predicate_without_a_modifier_is_read_at_a_clause_start() -> None:
    # invented: H要Y at the start of a clause (no X的 before the head)
    old, new = _restated("财政政策要松弛有度。", "财政政策要张弛有序。")
    assert [(p.old_term, p.term) for p in pipeline.compare(old, new).priorities if p.change == "reworded"] \
        == [("财政政策要松弛有度", "财政政策要张弛有序")]


def test_the_loose_readings_need_a_head_the_corpus_shows_as_a_stance_head() -> None:
    # invented head 星河政策: no report says it with two stance modifiers, so its predicate form and
    # its compound modifier are no stance (the same sentences on a stance head are: tests above)
    old, new = _restated("审慎的星河政策要松弛有度。实施审慎的星河政策。",
                         "审慎的星河政策要张弛有序。实施审慎弹性的星河政策。")
    lines = pipeline.compare(old, new).priorities
    assert not [p for p in lines if p.change == "reworded" and "星河" in p.term]
    said = ["今年实施审慎的星河政策。", "去年实施灵活的星河政策，审慎的月湾政策。"]
    assert formulations.stance_heads(["星河政策", "月湾政策"], said) == {"星河政策"}
    assert formulations.stance_heads(["星河政策"], said[:1]) == frozenset()


def test_a_new_name_in_an_old_slot_is_a_rewording_when_the_old_text_says_it_only_across_words() -> None:
    # invented: 星河观 replaced by 新月湾理念 in two aligned places; the old text holds 新月湾理念 only
    # as characters of 创新|月湾|理念 (新 the end of 创新): not said there, so the slot is a renaming
    kept = "今年要按照{0}的要求，推动各地协同发展。各地要按照{0}的要求，{1}月湾理念，做好各项工作。"
    old, new = _renamed(kept.format("星河观", "创新"), kept.format("新月湾理念", "创新"))
    lines = [(p.change, p.old_term, p.term) for p in pipeline.compare(old, new).priorities
             if "月湾" in p.term or "星河" in p.term]
    assert lines[:1] == [("reworded", "星河观", "新月湾理念")], lines
    # the old text saying it on word edges (坚持|新月|湾|理念): the wording was there already, no renaming
    old, new = _renamed(kept.format("星河观", "坚持新"), kept.format("新月湾理念", "坚持新"))
    found = pipeline.compare(old, new).priorities
    assert not [p for p in found if p.change == "reworded" and "月湾" in p.term]


def test_a_stance_raised_by_a_degree_over_two_words_is_one_rewording() -> None:
    # a degree adverb before two stance words, the second a bound word jieba leaves in characters
    # (更加|审慎|有|为: six characters, longer than MODIFIER_MAX): the raised stance is one rewording,
    # not a drop of the old phrase beside a cut (X政策和Y-like) of the new one. Invented stances.
    old, new = _pair("审慎的财政政策", "更加审慎有为的财政政策", recall_in_new=False)
    old = replace(old, text=old.text.replace(RECALL, ""))
    assert len("更加审慎有为") > formulations.MODIFIER_MAX
    assert _reworded(old, new) == [("审慎的财政政策", "更加审慎有为的财政政策")]
    # the same with a stance word that is a leading adverb elsewhere (积极推进-like: `LEAD_WORDS`)
    lead = next(w for w in sorted(formulations.LEAD_WORDS) if tag(w) == [(w, "ad")])
    old, new = _pair(f"{lead}的财政政策", f"更加{lead}有为的财政政策", recall_in_new=False)
    old = replace(old, text=old.text.replace(RECALL, ""))
    assert _reworded(old, new) == [(f"{lead}的财政政策", f"更加{lead}有为的财政政策")]


def test_a_bound_pair_alone_is_no_stance() -> None:
    # two one-character words before 的 with no stance word before them carry no stance (invented)
    r = replace(CORPUS.load("全国", 2008), text="今年要实施有为的星河政策。\n")
    d = terms.doc(r, outline.segment(r))
    assert "星河政策" not in formulations.stances(d)


def test_a_predicate_of_keeping_may_go_without_the_modal() -> None:
    # invented: X的H要保持Y → X的H保持Z (the verb of keeping states the predicate bare): one rewording
    old, new = _restated("审慎的财政政策要保持松弛有度。", "审慎的财政政策保持张弛有序。")
    lines = [(p.old_term, p.term, p.basis) for p in pipeline.compare(old, new).priorities
             if p.change == "reworded"]
    assert [(a, b) for a, b, _ in lines] == [("审慎的财政政策要保持松弛有度", "审慎的财政政策保持张弛有序")]
    assert "由“保持松弛有度”改为“保持张弛有序”" in lines[0][2]
