"""Formulations, history signals and reasons on the embedded national reports (behaviour, not gold)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from yoy import classify, formulations, lexicon, outline, pipeline, terms
from yoy.corpus import Corpus
from yoy.models import Comparison, Doc, RankedKind, Report
from yoy.pipeline import shipped_indicators

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")
# Internal codes a reader must never see in a reason or basis.
CODES = re.compile(r"G²|G2=|\ba\d+\b|标题用语|lexicon|keyness|debut|gap|slot", re.IGNORECASE)


@cache
def national(old: int, new: int) -> Comparison:
    return pipeline.compare(CORPUS.load("全国", old), CORPUS.load("全国", new), CORPUS.history("全国"))


def _doc(r: Report) -> Doc:
    return terms.doc(r, outline.segment(r))


def test_stance_change_is_one_rewording() -> None:
    # invented stances: a report's fiscal stance written 审慎 one year and 灵活 the next
    base = CORPUS.load("全国", 2008)
    stance = re.compile(r"[\u4e00-\u9fff]{2}的财政政策")
    assert stance.search(base.text)
    old = replace(base, text=stance.sub("审慎的财政政策", base.text))
    new = replace(base, meta=replace(base.meta, year=2009), text=stance.sub("灵活的财政政策", base.text))
    c = pipeline.compare(old, new)
    # one rewording; neither side is listed again as a separate new or dropped priority
    changed = [(p.change, p.old_term, p.term) for p in c.priorities
               if p.change in ("new", "dropped", "reworded")]
    assert changed == [("reworded", "审慎的财政政策", "灵活的财政政策")]
    p = next(p for p in c.priorities if p.change == "reworded")
    assert p.basis == "表述变化：财政政策由“审慎”改为“灵活”"


# An invented formulation said twice in one year and, with one word replaced, twice the next year, in
# sentences of their own (no aligned redline holds the swap).
_SWAP_OLD = "我们将完善湾区港口协同机制。各方共同健全湾区港口协同机制，形成合力。"
_SWAP_NEW = "今后要建立湾区港口协作机制，统筹推进。湾区港口协作机制要落到实处。"


def _swap_pair(old_text: str, new_text: str) -> Comparison:
    base = CORPUS.load("全国", 2008)
    old = replace(base, text=old_text + base.text)
    new = replace(base, meta=replace(base.meta, year=2009), text=base.text + new_text)
    return pipeline.compare(old, new)


def test_one_word_swapped_in_a_kept_frame_is_one_rewording() -> None:
    c = _swap_pair(_SWAP_OLD, _SWAP_NEW)
    reworded = [p for p in c.priorities if p.change == "reworded"]
    assert [(p.old_term, p.term) for p in reworded] == [("湾区港口协同机制", "湾区港口协作机制")]
    assert reworded[0].basis.startswith("表述变化：“湾区港口…机制”中“协同”改为“协作”")
    assert (reworded[0].old_count, reworded[0].new_count) == (2, 2)
    # neither wording is listed again as a separate new or dropped priority
    assert not [p for p in c.priorities if p.change in ("new", "dropped") and "湾区港口协" in p.term
                and len(p.term) <= len("湾区港口协同机制")]


def test_a_frame_shared_by_two_once_said_programmes_is_no_rewording() -> None:
    # each wording said once: two programmes that happen to share a frame, not a renaming
    c = _swap_pair(_SWAP_OLD.split("。")[0] + "。", _SWAP_NEW.split("。")[0] + "。")
    assert not [p for p in c.priorities if p.change == "reworded"]


def test_a_swap_to_a_wording_the_old_report_already_joins_is_no_rewording() -> None:
    # the new slot word already meets the frame on both sides in the old report (港口协作, 协作机制 said
    # there): the new wording joins old phrases, no wording of its own
    said = "推进港口协作。健全区域协作机制。"
    c = _swap_pair(_SWAP_OLD + said, _SWAP_NEW + said)
    assert not [p for p in c.priorities if p.change == "reworded"]


def test_a_numeral_moving_on_in_a_kept_frame_is_no_rewording() -> None:
    # the same invented phrase with the next phase's number: a count, not a renaming
    old = _SWAP_OLD.replace("港口协同机制", "二期港口工程")
    c = _swap_pair(old, _SWAP_NEW.replace("港口协作机制", "三期港口工程"))
    assert not [p for p in c.priorities if p.change == "reworded"]
    c = _swap_pair(old, _SWAP_NEW.replace("港口协作机制", "新区港口工程"))  # a word, not a number
    assert [(p.old_term, p.term) for p in c.priorities if p.change == "reworded"] == [
        ("湾区二期港口工程", "湾区新区港口工程")]


def test_a_set_four_character_frame_is_one_formula_modifier() -> None:
    # an invented A-x-A-y formula (又x又y of two adjectives) written straight before its head
    base = CORPUS.load("全国", 2008)
    r = replace(base, text=base.text + "促进经济又稳又好发展。实现经济又稳又好发展。")
    found = formulations.formulas(_doc(r))["发展"]
    assert ("又稳又好", 2) in [(s.modifier, s.times) for s in found]


def test_reasons_are_plain_chinese() -> None:
    c = national(2008, 2009)
    for r in c.ranked:
        assert not CODES.search(r.reason), r.reason
    for p in c.priorities:
        assert not CODES.search(p.basis), p.basis
    reasons = [r.reason for r in c.ranked if r.kind == "priority"]
    assert any(x.startswith("首次出现：此前 9 份报告均未提及") for x in reasons)  # 2000–2008 are 9 reports
    assert any(re.match(r"\d{4}–2008 每年提及，今年未提", x) for x in reasons)


def test_ranking_puts_changes_before_common_words() -> None:
    c = national(2008, 2009)
    ranked = [r for r in c.ranked if r.kind == "priority"]
    common = [k for k, r in enumerate(ranked) if "常用词" in r.reason]
    debut = [k for k, r in enumerate(ranked) if r.reason.startswith("首次出现")]
    assert common and debut and min(common) > min(debut)
    kinds = [r.kind for r in c.ranked]
    assert kinds.index(RankedKind.TARGET) < kinds.index(RankedKind.PRIORITY)  # target changes first
    assert [r.rank for r in c.ranked] == list(range(1, len(c.ranked) + 1))


def test_deterministic_under_any_string_hash_seed() -> None:
    # two processes hash strings differently (PYTHONHASHSEED): a result that followed set or dict
    # order of strings would differ between them, which a second call in one process cannot show
    script = ("import sys; from yoy import jsonio; from tests.test_formulations import national; "
              "sys.stdout.write(jsonio.dump(national(2008, 2009)))")
    root = Path(__file__).resolve().parents[1]
    outs = [subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outs[0] and outs[0] == outs[1]


def test_classify_reads_no_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(lexicon.LEXICON_ENV, str(tmp_path / "missing.tsv"))
    old, new = CORPUS.load("城阳区", 2022), CORPUS.load("城阳区", 2025)
    do, dn = terms.doc(old, outline.segment(old)), terms.doc(new, outline.segment(new))
    from yoy import align
    c = classify.classify(do, dn, align.align(do, dn), indicators=shipped_indicators())
    assert c.priorities


def test_phrases_extend_cores_to_boundaries() -> None:
    old, new = _doc(CORPUS.load("全国", 2008)), _doc(CORPUS.load("全国", 2009))
    found = formulations.phrases(new, [old.flat])
    assert found and all(len(t) <= (formulations.JOINED_MAX if p.joined else formulations.PHRASE_MAX)
                         for t, p in found.items())
    # a joined phrase is two phrases over a joiner (plain), or a heading piece or a quoted 、-run new
    # as a whole
    units = {**formulations.heading_units(new), **formulations.quoted_lists(new),
             **formulations.quoted_figures(new)}
    assert all((p.plain and any(j in t for j in formulations.JOINERS)) or t in units
               for t, p in found.items() if p.joined)
    # every phrase is absent from the other text, and no phrase lies inside another of the same count
    # (a joined phrase A和B stands beside its parts)
    assert not [t for t in found if t in old.flat]
    for t, p in found.items():
        assert not [u for u, q in found.items()
                    if u != t and t in u and q.count == p.count and not q.quoted and not q.joined]


def test_stance_needs_an_evaluative_modifier() -> None:
    assert formulations._evaluative("更加灵活") and formulations._evaluative("审慎")
    assert not formulations._evaluative("人民群众")


def test_shape_of_a_name() -> None:
    """Numbered names, plain two-word descriptions and stance heads (synthetic examples)."""
    from yoy import formulations as fm

    assert fm.numbered("六个坚持")
    assert not fm.numbered("三年") and not fm.numbered("一批企业")
    assert not fm.plain("六个坚持")
    assert fm.plain("农村经济")  # two everyday words: description
    assert not fm.plain("稳物价")  # a one-character part: a coined slogan shape
    assert fm.stance_head("就业政策") and not fm.stance_head("建设性") and not fm.stance_head("政策")


def _invented(text: str, year: int) -> Doc:
    """A Doc of an invented report text (the 全国 2009 metadata with another year and text)."""
    from dataclasses import replace

    base = CORPUS.load("全国", 2009)
    return _doc(Report(meta=replace(base.meta, year=year), text=text))


def test_composite_of_two_novelties_stays_beside_its_dominant_part() -> None:
    """A phrase joining two novel cores (以 A 带动 B) is a candidate even when B alone is said more
    often; B in familiar words (B 的 context) still merges into B. Invented sentences."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要以云端平台带动乡村物流。发展乡村物流。推进乡村物流。做好乡村物流。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "乡村物流" in found
    assert any("云端平台" in t and "乡村物流" in t for t in found), sorted(found)
    # a once-said phrase of one novel core and familiar words merges into the core said on its own
    new2 = _invented("今年要加快乡村物流工作。发展乡村物流。推进乡村物流。做好乡村物流。\n", 2021)
    found2 = formulations.phrases(new2, [old.flat])
    assert "乡村物流" in found2 and "乡村物流工作" not in found2, sorted(found2)


def test_a_joiner_joins_two_phrases_beside_their_parts() -> None:
    """清理和规范X-like shapes: a phrase ended by a joiner takes the phrase on its other side as one
    more candidate (plain: a coordination describes); the parts stay. Invented sentences."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要清理和规范云端平台秩序，做好农业工作。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "清理和规范云端平台秩序" in found, sorted(found)
    assert found["清理和规范云端平台秩序"].plain and found["清理和规范云端平台秩序"].joined
    assert any(t.endswith("云端平台秩序") and "和" not in t for t in found), sorted(found)
    # nothing joins over a clause mark, and the joined phrase stays within JOINED_MAX
    new2 = _invented("今年要清理，和规范云端平台秩序。\n", 2021)
    assert not [t for t in formulations.phrases(new2, [old.flat]) if "清理" in t and "云端" in t]
    assert all(len(t) <= formulations.JOINED_MAX for t in found)


def test_a_frame_of_one_character_words_seeds_a_phrase() -> None:
    """又x又y-shaped slogans, whose characters jieba leaves apart, are cores (invented sentences)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要实现经济又快又省发展。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert any("又快又省" in t for t in found), sorted(found)
    assert formulations._frame(["又", "快", "又", "省"])
    assert not formulations._frame(["的", "人", "的", "事"])
    assert not formulations._frame(["又", "快", "又", "快"])


def test_a_latin_code_is_a_word_of_a_phrase() -> None:
    """A code of letters and digits (QX3.5-like) is a name, not a figure (invented sentences)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年开展细颗粒物(QX3.5)监测。\n", 2021)
    assert any("QX3.5" in t for t in formulations.phrases(new, [old.flat]))


def test_a_heading_new_as_a_whole_is_a_candidate() -> None:
    """A heading piece of familiar words, new as a whole, is a candidate, and a heading ends a phrase
    though the flat text runs it into the body (invented reports)."""
    body = "一、今年的工作\n（一）{}\n当前形势复杂，云端价格总体稳定。\n（二）做好农业工作\n要稳定就业。\n"
    old = _invented(body.format("推动云端价格总体稳定"), 2020)
    new = _invented(body.format("保持云端价格总体平稳有序"), 2021)
    assert [b.title for p in new.outline.blocks for b in p.children][:1] == ["保持云端价格总体平稳有序"]
    assert "云端价格总体平稳有序" in formulations.heading_units(new)
    found = formulations.phrases(new, [old.flat])
    assert "云端价格总体平稳有序" in found, sorted(found)
    assert not [t for t in found if "有序当前" in t]  # the heading's end is a boundary


def test_a_clause_fragment_is_not_a_name() -> None:
    """Phrases cut before their head or led by a fused leading verb are fragments; names are not
    (invented phrases)."""
    assert formulations.fragment("云端平台非常")  # ends in an adverb: its head was cut off
    assert formulations.fragment("云端平台各项")  # ends in a determiner
    assert formulations.fragment("云端三个")  # ends in a numeral
    assert formulations.fragment("不断加强云端平台")  # two leading words jieba keeps as one
    assert formulations.fragment("构建星河节约型")  # X型 only modifies: its head was cut off
    assert formulations.fragment("建设云端友好型")  # the suffix 型 as a word of its own
    assert formulations.fragment("这是一项云端指标")  # a sentence pointing back, not a name
    assert formulations.fragment("认真研读")  # an adverbial and a verb: how to act, not what
    assert formulations.fragment("严格审阅")
    assert formulations.fragment("星河重点推进云端平台")  # a topic and its policy verb: a clause
    assert formulations.fragment("云端投资过快")  # a degree adverb fused into a guessed word
    assert formulations.fragment("云端建设上勇创")  # a localizer fused into a guessed word
    assert formulations.fragment("星河工程放在优先位置")  # a placement verb inside: 把X放在Y
    assert formulations.fragment("云端开放各项事务")  # a determiner inside: two noun phrases
    assert formulations.fragment("关乎星河居民福祉")  # a verb of relation: a clause's predicate
    assert formulations.fragment("取得星河工程进展")  # a verb of attainment: a result reported
    assert formulations.fragment("好星河养老补贴")  # a result complement: its verb (落实|好X) cut off
    assert formulations.fragment("得云端工程")
    assert formulations.fragment("星河工程建设取得")  # a verb that takes an object, last
    assert formulations.fragment("星河集市”“云端书屋")  # runs out of one quotation into the next
    assert formulations.fragment("一园独秀”向“多园联动")
    # names: a one-character verb of a slogan is no adverbial, a policy verb after an adverb no clause,
    # a preposition fused into a guessed word the frame of a slogan
    for name in ("星河惠民工程", "云端平台建设", "月湾共享理念", "云端平台", "云端友好型社会",
                 "星河现代化", "稳外资", "保畅通", "同步推进云端平台", "寓云于民", "以星为伴",
                 "“星河”“云端”行动", "“云端”平台"):
        assert not formulations.fragment(name), name


def test_a_phrase_does_not_start_with_a_pronoun() -> None:
    """A phrase extended to its boundaries loses a leading pronoun, determiner or preposition, as it
    loses a leading verb (invented sentences)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要稳定就业，今年我国星河工程全面启动。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert any(t.startswith("星河") for t in found), sorted(found)
    assert not any(t.startswith("我国") for t in found), sorted(found)
    framed = _invented("今年要稳定就业，针对星河工程全面启动。\n", 2021)  # a preposition opens a frame
    assert "星河工程全面启动" in formulations.phrases(framed, [old.flat])


def test_a_phrase_ends_before_a_verb_with_an_aspect_complement() -> None:
    """A phrase extended over a verb and its aspect complement (…结合起来) ends before the verb
    (invented sentences)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要稳定就业，把星河惠民工程结合起来。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "星河惠民工程" in found, sorted(found)
    assert not any(t.endswith("起来") for t in found), sorted(found)


def test_a_known_name_with_a_generic_head_is_description() -> None:
    """A name the compared text says, extended by a generic head (X建设, X进程), is plain description;
    the same phrase on a name the compared text lacks is not (invented sentences)."""
    new = _invented("今年要稳定就业，加快星河惠民工程建设。\n", 2021)
    said = _invented("今年要稳定就业，实施星河惠民工程。\n", 2020)
    unsaid = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    assert formulations.phrases(new, [said.flat])["星河惠民工程建设"].plain
    assert not formulations.phrases(new, [unsaid.flat])["星河惠民工程建设"].plain


def test_attributive_suffixes_are_what_the_corpus_shows() -> None:
    """vocab.ATTRIBUTIVE_SUFFIXES is what scripts/measure_suffixes.py measures on the shipped reports."""
    from tests import scripts
    from yoy import vocab

    _, passing = scripts.load("scripts/measure_suffixes.py").measure()
    assert passing == vocab.ATTRIBUTIVE_SUFFIXES.split(), "run scripts/measure_suffixes.py"


def test_an_ordinary_noun_is_not_a_name() -> None:
    assert formulations.ordinary_noun("蛋糕")  # a plain noun of running general text
    assert not formulations.ordinary_noun("云端平台")  # not one dictionary word
    assert not formulations.ordinary_noun("星河")  # a name-like word the dictionary rarely counts


def test_a_word_coined_with_a_derivational_suffix_is_derived() -> None:
    # invented phrases: a three-character X化/X型/X式 word, or the suffix as a word of its own
    for name in ("智能化车间", "集约型园区", "粗放式增长", "平台型企业"):
        assert formulations.derived(name), name
    # two-character words ending in a suffix character are lexical words, not coinages
    for plain_words in ("个性需求", "农业文化", "云端平台"):
        assert not formulations.derived(plain_words), plain_words


def test_variants_are_the_same_words_said_another_way() -> None:
    v = formulations.variants("云端平台建设")
    assert v.get("建设云端平台") == "云端平台建设" and v.get("云端平台的建设") == "云端平台建设"
    assert "云端建设平台" not in v and not formulations.variants("平台")


def test_a_phrase_cut_mid_word_or_after_its_quoted_name_is_cut_off() -> None:
    """A phrase that starts or ends inside a word, or starts with the head of a short quoted name, is
    cut mid-constituent; one between word boundaries is not (invented sentence)."""
    d = _invented("今年要明确“星河”时期云端发展的目标。\n", 2021)
    head = d.flat.index("时期")
    assert formulations._after_short_quote(d, head)
    assert formulations._cut_off(d, [head], len("时期云端发展"))
    cloud = d.flat.index("云端")
    assert not formulations._after_short_quote(d, cloud)
    assert not formulations._cut_off(d, [cloud], len("云端发展"))
    assert formulations._cut_off(d, [cloud], len("云端发"))  # ends inside 发展
    assert formulations._cut_off(d, [cloud + 1], len("端发展"))  # starts inside 云端
    assert not formulations._cut_off(d, [], 2)


def test_the_object_of_a_verb_of_attainment_is_a_result() -> None:
    """A phrase said after 取得 (获得) at half its occurrences or more is a result reported, not a
    programme; one said after another verb is not (invented sentences)."""
    d = _invented("今年要取得星河突破。明年推进星河突破。各地推进星河工程。\n", 2021)
    first = d.flat.index("星河突破")
    second = d.flat.index("星河突破", first + 1)
    other = d.flat.index("星河工程")
    assert formulations._attained(d, [first])
    assert formulations._attained(d, [first, second])  # half of them
    assert not formulations._attained(d, [second])
    assert not formulations._attained(d, [other])
    assert not formulations._attained(d, [])


def test_a_phrase_opening_with_the_unit_of_a_date_is_a_date_tail() -> None:
    """A phrase that starts with 年 (月, 日) or another unit word right after a figure at every
    occurrence is a figure cut from its number; the same words after a word, after an ordinary word
    ending in a numeral character (统一), or one occurrence not after a figure, are not (invented)."""
    d = _invented("2031年星河计划启动。明年星河计划完成。三年星河计划完成。统一年度星河计划。\n", 2021)
    flat = d.flat
    after_figure, after_word = flat.index("年星河"), flat.index("年星河", 6)
    after_numeral = flat.index("三年星河") + 1
    after_unify = flat.index("统一年度") + 2
    assert formulations._date_tail(d, "年星河计划", [after_figure])
    assert formulations._date_tail(d, "年星河计划", [after_figure, after_numeral])
    assert not formulations._date_tail(d, "年星河计划", [after_figure, after_word])
    assert not formulations._date_tail(d, "年度星河计划", [after_unify])
    assert not formulations._date_tail(d, "星河计划", [after_figure + 1])
    assert not formulations._date_tail(d, "年星河计划", [])
    # another unit word after a figure: a classifier (个) or a unit jieba tags as a numeral (号)
    u = _invented("新建12个星河驿站。3号云端专线开通。中央代星河发债。\n", 2021)
    assert formulations._date_tail(u, "个星河驿站", [u.flat.index("个星河")])
    assert formulations._date_tail(u, "号云端专线", [u.flat.index("号云端")])
    assert not formulations._date_tail(u, "代星河发债", [u.flat.index("代星河")])  # no figure before


def test_a_coordination_cut_inside_its_second_modifier_is_a_fragment() -> None:
    """A phrase A和B whose B is a modifier that 的 follows at every occurrence runs into the next noun
    phrase's modifier (invented); the same words not before 的, or without a conjunction, are not."""
    d = _invented("实施星河计划和稳妥的云端政策。星河计划和稳妥。坚持稳妥的云端政策。\n", 2021)
    flat = d.flat
    cut, whole = flat.index("星河计划和稳妥"), flat.index("星河计划和稳妥", 10)
    assert formulations._modifier_cut(d, "星河计划和稳妥", [cut])
    assert not formulations._modifier_cut(d, "星河计划和稳妥", [cut, whole])
    assert not formulations._modifier_cut(d, "坚持稳妥", [flat.index("坚持稳妥")])


def test_parts_of_a_phrase_are_its_words_and_word_pairs() -> None:
    """Invented phrases: the words of two or more characters and the adjacent pairs short of the
    whole; a pair led by a verb is left out; a one-character word stands only in its pair."""
    assert formulations.parts("星河惠民工程") == ("星河", "惠民", "工程", "星河惠民", "惠民工程")
    assert formulations.parts("推进星河平台") == ("推进", "星河", "平台", "星河平台")  # no 推进星河
    assert formulations.parts("稳星河") == ("星河", "稳星河")  # the pair of 稳 is the whole phrase
    assert formulations.parts("星河") == ("星河",)


def test_the_frame_copula_fused_with_its_complement_ends_a_phrase() -> None:
    # invented: a programme set up in a 以…为主线 frame, which jieba cuts 为主|线
    base = CORPUS.load("全国", 2008)
    text = base.text + "\n今年要以海岸带修复为主线，统筹推进各项工作。"
    an = formulations.analyse(_doc(replace(base, text=text)))
    assert "海岸带修复" in an.candidates
    assert not any(("为主" in t and "海岸带" in t) or t.endswith("为主线") for t in an.candidates)
    assert formulations._fused_copula("为主") and not formulations._fused_copula("为民服务")


def test_the_object_of_a_preposition_ends_before_the_clause_verb() -> None:
    """A phrase right after a preposition is its object: a verb after a nominal word, with an object
    of its own, is the clause's predicate and ends the phrase (对X群体|给予Y); the last such verb, since
    the object may hold a verb phrase (为|建成X社会|奠定Y); a verb that ends the phrase, or follows an
    adverb, stays (invented sentences)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要稳定就业，对星河惠民群体给予专项补贴。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "星河惠民群体" in found, sorted(found)
    # no phrase spans object and predicate, not even a window cut at the length cap inside them
    assert not any("群体给予" in t for t in found), sorted(found)
    nested = _invented("今年要稳定就业，为建成星河社会奠定基础。\n", 2021)
    found = formulations.phrases(nested, [old.flat])
    assert "建成星河社会" in found, sorted(found)
    assert not any("奠定" in t for t in found), sorted(found)
    # a new name in the predicate is the verb's object, not lost with the preposition's object
    predicate = _invented("今年要稳定就业，为渔业发展提供星河动能。\n", 2021)
    found = formulations.phrases(predicate, [old.flat])
    assert "星河动能" in found and not any("提供" in t for t in found), sorted(found)
    framed = _invented("今年要稳定就业，针对星河工程全面启动。\n", 2021)  # an adverb before the verb
    assert "星河工程全面启动" in formulations.phrases(framed, [old.flat])


def test_an_instrumental_frame_that_is_a_clause_keeps_its_preposition() -> None:
    """以A V B said as a clause of its own is the formulation, its 以 included; 以A before an
    enumeration comma (以A、B为C) is only the object, without 以; before the frame's copula (以A为B)
    a compound A is only the object, a plain one the frame (`copula_frames`). Invented sentences."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要稳定就业，以星河科技带动渔业。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "以星河科技带动渔业" in found, sorted(found)
    assert "星河科技带动渔业" not in found and "星河科技" not in found, sorted(found)
    listed = _invented("今年要稳定就业，以星河科技、渔港经济为重点。\n", 2021)
    found = formulations.phrases(listed, [old.flat])
    assert "星河科技" in found and not any(t.startswith("以") for t in found), sorted(found)
    copula = _invented("今年要稳定就业，以星河海洋科技为重点。\n", 2021)
    found = formulations.phrases(copula, [old.flat])
    assert "星河海洋科技" in found and not any(t.startswith("以") for t in found), sorted(found)


def test_a_phrase_opening_with_the_instrumental_frame_is_framed() -> None:
    """A phrase whose own first character is the frame's 以 is framed, as one after it is; the 以 of
    a word that is no frame (可以) is not (invented strings)."""
    framed, plain, word = (_invented(t + "\n", 2021) for t in ("今年以星河带动渔村。", "今年星河带动渔村。",
                                                                 "我们可以星河。"))
    assert framed.flat.startswith("今年以星河") and word.flat.startswith("我们可以星河")
    assert classify.salience._framed_at(framed, [2])
    assert classify.salience._framed_at(framed, [3])
    assert not classify.salience._framed_at(word, [3])
    assert not classify.salience._framed_at(plain, [2])


def test_a_stance_modifier_holds_no_preposition_and_its_head_is_the_whole_compound() -> None:
    """`modifier + 的 + head`: a preposition written as a word before the modifier governs the whole
    noun phrase (向|灵活的X政策|转变) and stays out of the modifier; a head followed by a noun of its
    compound is that compound (审慎的X政策|框架 is said of X政策框架, X|政策 of X政策). Invented
    sentences."""
    d = _invented("今年要稳定就业，向灵活的产业政策转变。实施审慎的产业政策框架。"
                  "向灵活的星河政策转变。\n", 2021)
    found = {s.phrase for v in formulations.stances(d).values() for s in v}
    assert {"灵活的产业政策", "灵活的星河政策", "审慎的产业政策框架"} <= found, sorted(found)
    assert "审慎的产业政策" not in found, sorted(found)
    assert not any(t.startswith("向") for t in found), sorted(found)


@pytest.mark.parametrize("now", ["扩容提效", "更加给力"])
def test_a_stance_of_words_tagged_nouns_or_verbs_is_a_stance_change(now: str) -> None:
    # invented stances whose words jieba tags a noun or a verb (扩容 v, 提效 v, 给力 n): a
    # four-character formula of two words, and a word under a degree adverb (review7 item 1)
    base = CORPUS.load("全国", 2008)
    stance = re.compile(r"[\u4e00-\u9fff]{2}的财政政策")
    old = replace(base, text=stance.sub("审慎的财政政策", base.text))
    new = replace(base, meta=replace(base.meta, year=2009), text=stance.sub(f"{now}的财政政策", base.text))
    reworded = [(p.old_term, p.term) for p in pipeline.compare(old, new).priorities if p.change == "reworded"]
    assert ("审慎的财政政策", f"{now}的财政政策") in reworded


def test_a_stance_raised_by_a_degree_adverb_is_a_stance_change() -> None:
    # invented stances: 审慎的财政政策 one year, 更加审慎的财政政策 the next (the old phrase is inside the
    # new one, but the report no longer says it on its own)
    base = CORPUS.load("全国", 2008)
    stance = re.compile(r"[\u4e00-\u9fff]{2}的财政政策")
    old = replace(base, text=stance.sub("审慎的财政政策", base.text))
    new = replace(base, meta=replace(base.meta, year=2009), text=stance.sub("更加审慎的财政政策", base.text))
    c = pipeline.compare(old, new)
    reworded = [(p.old_term, p.term) for p in c.priorities if p.change == "reworded"]
    assert reworded == [("审慎的财政政策", "更加审慎的财政政策")]
    # said on its own beside the raised stance as often as before: no change of stance
    both = replace(new, text=new.text + "\n" + "继续实施审慎的财政政策。" * stance.subn("", base.text)[1])
    assert not [p for p in pipeline.compare(old, both).priorities if p.change == "reworded"]


def test_one_dictionary_word_that_is_a_predicate_is_no_candidate() -> None:
    """A word jieba's dictionary lists whole (and tags as an idiom or a name) whose halves are an
    adverbial and a leading verb, or two leading verbs, is a predicate without its object: no
    candidate of its own, no content of a rewording; a dictionary noun of the same size whose second
    half is no leading verb is kept (invented sentences around dictionary words)."""
    from yoy.text import words

    for word in ("切实加强", "逐步完善", "建立健全"):
        assert len(words(word)) == 1, word  # one word for jieba
        assert formulations.predicate_word(word), word
        assert not formulations.has_content(word), word
    assert not formulations.predicate_word("共同愿望") and formulations.has_content("共同愿望")
    assert not formulations.predicate_word("星河工程")
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要稳定就业，逐步完善，切实加强，实现共同愿望。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "共同愿望" in found, sorted(found)
    assert not {"逐步完善", "切实加强"} & found.keys(), sorted(found)


def test_a_copula_frame_of_a_plain_noun_is_the_formulation() -> None:
    """以A为B with A one or two words (at most COPULA_OBJECT_MAX characters) is a phrase as a whole, and
    with 的 and a noun phrase after it 以A为B的C, which the nested merge keeps for both when each is
    said once; the copula fused by jieba into A's last word (人|为 as 人为) or into B's first (为主|线)
    is still the copula; a compound A is the phrase on its own. Invented sentences."""
    from yoy.text import words

    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    alone = _invented("今年要稳定就业，以渔港为中心，推进工作。\n", 2021)
    found = formulations.phrases(alone, [old.flat])
    assert "以渔港为中心" in found and "渔港" not in found, sorted(found)
    headed = _invented("今年要稳定就业，坚持以渔港为中心的星河思想。\n", 2021)
    found = formulations.phrases(headed, [old.flat])
    assert "以渔港为中心的星河思想" in found, sorted(found)
    assert not {"渔港", "星河思想", "以渔港为中心"} & found.keys(), sorted(found)
    assert "人为" in words("推进以人为核心的星河渔港")  # jieba's word swallows the copula
    fused = _invented("今年要稳定就业，推进以人为核心的星河渔港。\n", 2021)
    found = formulations.phrases(fused, [old.flat])
    assert "以人为核心的星河渔港" in found, sorted(found)
    assert not any(t.startswith("人为") for t in found), sorted(found)
    assert words("以渔港为主线")[-2:] == ["为主", "线"]
    forward = _invented("今年要稳定就业，以渔港为主线，推进工作。\n", 2021)
    assert "以渔港为主线" in formulations.phrases(forward, [old.flat])
    compound = _invented("今年要稳定就业，以星河渔港结构性改革为主线，推进工作。\n", 2021)
    found = formulations.phrases(compound, [old.flat])
    assert "星河渔港结构性改革" in found and not any(t.startswith("以") for t in found), sorted(found)


def test_a_window_capped_inside_a_clause_gives_its_subject() -> None:
    """A run longer than PHRASE_MAX whose predicate (an adverbial and a verb, or one dictionary word
    that is one) ends it gives the subject noun phrase, not a window across subject and predicate; a
    subject and predicate said whole within the cap stay (invented sentences)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要稳定就业，推动星河港口渔业园区相互支持。星河港口渔业园区明显改善。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "星河港口渔业园区" in found, sorted(found)
    assert not any("支持" in t or "改善" in t for t in found), sorted(found)
    short = _invented("今年要稳定就业，推动渔业园区相互支持。\n", 2021)
    assert "渔业园区相互支持" in formulations.phrases(short, [old.flat])


def test_a_phrase_does_not_start_with_a_predicate_jieba_keeps_whole() -> None:
    """A dictionary word of an adverbial and a leading verb (切实加强) before a phrase is dropped from
    it, as a leading verb is (invented sentences)."""
    from yoy.text import words

    assert words("切实加强星河港口管理")[0] == "切实加强"
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("今年要稳定就业，切实加强星河港口管理。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "星河港口管理" in found, sorted(found)
    assert not any(t.startswith("切实") for t in found), sorted(found)


def _new_terms(old_text_of: Callable[[str], str], new_text_of: Callable[[str], str]) -> list[str]:
    """The new priorities of the 全国 2008 text edited two ways (old, new: invented additions)."""
    base = CORPUS.load("全国", 2008)
    old = replace(base, text=old_text_of(base.text))
    new = replace(base, meta=replace(base.meta, year=2009), text=new_text_of(base.text))
    return [p.term for p in pipeline.compare(old, new).priorities if p.change == "new"]


def _added(sentence: str) -> Callable[[str], str]:
    """A text edit: `sentence` after the first sentence of part 二 (invented)."""
    def edit(text: str) -> str:
        at = text.index("。", text.index("二、")) + 1
        return text[:at] + sentence + text[at:]
    return edit


def test_overlapping_cuts_of_one_long_name_are_one_line() -> None:
    """A name longer than PHRASE_MAX said once is cut into windows that overlap without nesting; they
    are one line, shown as the name they cover together (invented name)."""
    run = "星河全域一体化云端算力网络枢纽节点"
    assert len(run) > formulations.PHRASE_MAX
    found = [t for t in _new_terms(lambda t: t, _added(f"部署{run}。")) if t in run or run in t
             or any(t[k:k + 3] in run for k in range(len(t) - 2))]
    assert len(found) == 1, found
    assert len(found[0]) > formulations.PHRASE_MAX and found[0] in run, found


def test_a_stated_figures_wording_is_no_formulation() -> None:
    """An indicator's wording with its value (a target the target lines show) is not a new
    formulation, and neither is the verb before it; a name beside it still is (invented sentence)."""
    sentence = "实现全省生产总值增长6%左右，推进星河云端走廊。"
    new = _new_terms(lambda t: t, _added(sentence))
    assert any("星河云端走廊" in t for t in new), new
    assert not [t for t in new if "生产总值" in t], new



def test_a_phrase_the_old_report_says_with_other_numbers_continues_it() -> None:
    """A new phrase that the old report says with another number in the same place (a heading or a
    tally counted on: 星河三轮评估 → 星河四轮评估, invented) says so and sinks below a debut, as the
    dropped side's 数字顺延 does, also when an earlier report said it (a return, not a debut)."""
    base = CORPUS.load("全国", 2008)
    earlier = replace(base, meta=replace(base.meta, year=2006), text=_added("完成星河四轮评估。")(base.text))
    old = replace(base, text=_added("完成星河三轮评估。")(base.text))
    new = replace(base, meta=replace(base.meta, year=2009),
                  text=_added("完成星河四轮评估。推进云端走廊。")(base.text))
    c = pipeline.compare(old, new, [earlier, old])
    line = next(p for p in c.priorities if p.change == "new" and "星河四轮评估" in p.term)
    assert "星河三轮评估" in line.basis, line.basis
    rank = {r.ref: r.rank for r in c.ranked}
    debut = next(p.term for p in c.priorities if p.change == "new" and "云端走廊" in p.term)
    assert rank[debut] < rank[line.term]  # the debut said once ranks above the count moving on


def test_a_quoted_list_is_one_formulation_and_its_parts_fragments() -> None:
    """A quoted 、-run (“星河吹哨、云端报到”, invented) is one candidate, ranked above its parts, which
    the report says only inside it (fragments); a longer run of many parts is a slogan, left as parts."""
    sentence = "建立“星河吹哨、云端报到”机制，推行“甲乙丙丁、戊己庚辛、壬癸子丑、寅卯辰巳”。"
    base = CORPUS.load("全国", 2008)
    old = replace(base, text=base.text)
    new = replace(base, meta=replace(base.meta, year=2009), text=_added(sentence)(base.text))
    c = pipeline.compare(old, new)
    rank = {r.ref: r.rank for r in c.ranked}
    new_terms = [p.term for p in c.priorities if p.change == "new"]
    whole = next((t for t in new_terms if "星河吹哨、云端报到" in t), None)
    assert whole is not None, new_terms
    assert all(rank[whole] < rank[t] for t in new_terms if t in ("星河吹哨", "云端报到")), new_terms
    assert not any("甲乙丙丁、戊己庚辛" in t for t in new_terms), new_terms


def test_a_quoted_name_with_a_digit_or_plus_is_one_formulation() -> None:
    """A quoted name holding a digit or `+` is one candidate (invented names); a bare quoted figure
    and a quoted span longer than QUOTED_FIGURE_MAX are not."""
    long = "星河" * 6 + "9"
    assert len(long) > formulations.QUOTED_FIGURE_MAX
    found = _new_terms(lambda t: t, _added(f"推进“银河+”行动，落实“三个9星河”工程，构建“2+X”体系，"
                                           f"力争“7.5%”，推进“{long}”。"))
    assert {"银河+", "三个9星河", "2+X"} <= set(found), found
    assert not [t for t in found if "7.5%" in t or long in t], found


def test_a_quoted_name_with_a_function_word_is_one_formulation() -> None:
    """A quoted name that starts with a word jieba reads as a conjunction (“和美星河”: 和|美|星河) or
    holds a particle (“云帆之都”) is one candidate, whole (invented names); a bracketed aside is not."""
    found = _new_terms(lambda t: t, _added("深入实施“和美星河”行动，打造“云帆之都”，建设“月湾(港)城”。"))
    assert {"和美星河", "云帆之都"} <= set(found), found
    assert "美星河" not in found and not [t for t in found if "(" in t], found


def test_a_quoted_name_is_whole_however_jieba_tags_its_end() -> None:
    """A quoted name whose last word jieba tags an adverb (“星河特新”, 特新 as d: invented) is a
    candidate and no fragment; unquoted, the same string waits for a head (no candidate)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    quoted = _invented("今年要稳定就业，培育一批“星河特新”企业。\n", 2021)
    found = formulations.phrases(quoted, [old.flat])
    assert "星河特新" in found and not found["星河特新"].fragment, sorted(found)
    bare = _invented("今年要稳定就业，培育一批星河特新。\n", 2021)
    assert "星河特新" not in formulations.phrases(bare, [old.flat])


def test_no_phrase_runs_over_a_paragraph_break() -> None:
    """A paragraph without closing punctuation (a headline) ends every phrase: its last words and the
    next paragraph's first ones are no phrase (invented text)."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    new = _invented("星河港口速览：云端物流增长\n\n银河社港口报道称，发展乡村物流。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "云端物流增长" in found or "云端物流" in found, sorted(found)
    assert not [t for t in found if "增长银河" in t or "物流银河" in t], sorted(found)


def test_a_digests_reporting_frame_is_no_formulation() -> None:
    """In a news digest (Kind.SUMMARY) the headline, the dateline's lede and the reporting clauses
    (报告指出，-like) are the digest's words, not the report's; the same text as a full report keeps
    them (invented digest)."""
    from yoy.models import Kind

    base = CORPUS.load("全国", 2009)
    title = "星河市报告要点速览：云端港口领跑"
    text = (f"{title}\n\n银河社星河3月5日电 星河市人民代表大会5日上午在星河会堂开幕。\n\n"
            "报告指出，要建设云端物流枢纽。报告说，推进湾区航运走廊。\n")
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    digest = _doc(Report(meta=replace(base.meta, year=2021, kind=Kind.SUMMARY, title=title), text=text))
    found = formulations.phrases(digest, [old.flat])
    assert [t for t in found if "云端物流枢纽" in t] and "湾区航运走廊" in found, sorted(found)
    framing = ("报告", "速览", "会堂", "开幕", "银河社", "领跑")
    assert not [t for t in found if any(w in t for w in framing)], sorted(found)
    full = _doc(Report(meta=replace(base.meta, year=2021, kind=Kind.FULL, title=title), text=text))
    assert [t for t in formulations.phrases(full, [old.flat]) if any(w in t for w in framing)]


def test_what_phrases_share_is_no_candidate_when_it_stops_before_an_object_or_a_head() -> None:
    """What several phrases of one core share is a candidate only as a whole formulation: not when
    its last word (a verb, an adjective) is followed at every place by the object or head the text
    gives it (X拟投放|资金, X平稳较快|增长), nor when it cuts a word of the text (X监|管). Invented."""
    old = _invented("今年要稳定就业，做好农业工作。\n", 2020)
    for text, cut in (("今年星河拟投放资金30亿元，明年星河拟投放经费20亿元。", "星河拟投放"),
                      ("今年星河产业平稳较快增长，明年星河产业平稳较快回升。", "星河产业平稳较快"),
                      ("今年加强星河银行业监管，明年加强星河银行业监督。", "星河银行业监")):
        new = _invented(text + "\n", 2021)
        an = formulations.analyse(new)
        assert cut not in an.candidates, sorted(an.candidates)
        found = formulations.phrases(new, [old.flat])
        assert cut not in found and found, sorted(found)
        assert all(len(t) > len(cut) for t in found if cut in t), sorted(found)
    # a subject and its predicate said once before a boundary is whole (X崛起-like): no cut
    d = _invented("今年星河地区崛起，明年星河地区崛起了。\n", 2021)
    where = {"星河地区崛起": [d.flat.find("星河地区崛起")]}
    assert not formulations._open_cuts(d, where, formulations._Extensible(), (frozenset(), frozenset()))


def test_a_phrase_ending_in_a_word_that_waits_is_no_candidate() -> None:
    """A phrase whose last word waits for a figure (a verb of measure: X增加到|30亿元), for the
    predicate a leading verb opens (an adverb: X改革不断|深化) or for anything (an adverb before a
    function word) is no candidate; the names around stay (invented sentences)."""
    text = "星河补贴资金由12亿元增加到30亿元。星河体制改革不断深化。云端书屋目标一定要完成。\n"
    an = formulations.analyse(_invented(text, 2021))
    assert not [t for t in an.candidates if t.endswith(("增加到", "不断", "一定"))], sorted(an.candidates)
    assert any(t.startswith("星河补贴") for t in an.candidates), sorted(an.candidates)
    assert formulations._waiting_end("星河改革进一步")
    assert not formulations._waiting_end("星河改革") and not formulations._waiting_end("进一步")


def test_a_clause_around_a_new_object_gives_the_object() -> None:
    """A subject, a predicate verb and a new object (X经济|进入|新Y, invented): the object is the
    candidate, not the clause that says it; a new verb between known words keeps the whole
    (A税|改征|B税-like slogans, where the verb is what is new)."""
    old = _invented("今年要稳定就业，做好农业工作，渔业经济进入新阶段。\n", 2020)
    new = _invented("今年要稳定就业，渔业经济进入星河时代。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert "星河时代" in found and not any("进入" in t for t in found), sorted(found)
    slogan = _invented("今年要稳定就业，农业工作改征渔业经济。\n", 2021)
    assert "农业工作改征渔业经济" in formulations.phrases(slogan, [old.flat])
    # a pair across the subject and its verb is new as any clause is: the object still stands
    known = _invented("今年要稳定就业，促进渔业发展，经济进入新阶段。\n", 2020)
    across = _invented("今年要稳定就业，渔业发展进入星河时代。\n", 2021)
    found = formulations.phrases(across, [known.flat])
    assert "星河时代" in found and not any("进入" in t for t in found), sorted(found)


def test_a_one_character_adjective_binds_to_the_next_two_words() -> None:
    """新|X|Y whose words and word pairs the old text all says (新X, XY) is still a new phrase: the
    adjective is a prefix of X, so 新XY is one of the cores (invented)."""
    old = _invented("今年要稳定就业，取得新发展，优化渔业发展格局。\n", 2020)
    new = _invented("今年要稳定就业，加快构建新发展格局。\n", 2021)
    found = formulations.phrases(new, [old.flat])
    assert any(t.endswith("新发展格局") for t in found), sorted(found)


def test_a_phrase_is_shown_with_its_quote_marks_balanced() -> None:
    """A phrase over two quoted names side by side (invented: 甲乙”“丙丁 as the flat text cuts it) is
    shown with both names' marks; one name and its head keeps its opening mark (“星河”行动)."""
    d = _invented("一、总体要求\n今年要统筹推进“甲乙”“丙丁”，深入实施“星河”行动。\n", 2021)
    assert formulations.display(d, "甲乙丙丁", d.flat.index("甲乙丙丁")) == "“甲乙”“丙丁”"
    assert formulations.display(d, "星河行动", d.flat.index("星河行动")) == "“星河”行动"
    assert formulations.display(d, "深入实施", d.flat.index("深入实施")) == "深入实施"


def test_a_clause_final_conjunction_joins_the_word_it_ends() -> None:
    """jieba cuts X中和 as X|中|和 (invented X); 和 ends no clause, so before a clause mark or the end it
    is one word with the character before it, alike in `words`, `tag` and `word_spans`; a 和 between
    two conjuncts is left alone."""
    from yoy import text

    s = "积极推进云岭中和，加快转型"
    ws = text.words(s)
    assert "中和" in ws and "和" not in ws
    assert [w for w, _ in text.tag(s)] == ws and dict(text.tag(s))["中和"] == "vn"
    spans = text.word_spans(s)
    assert [w for w, _, _ in spans] == ws and all(s[a:b] == w for w, a, b in spans)
    assert "和" in text.words("稳就业和稳物价")  # a conjunction between two clauses' parts
    # mid-clause, after a piece the segmenter made up (氢中|和|目标: 氢中 is no dictionary word)
    assert text.words("实现星峰、氢中和目标")[-3:] == ["氢", "中和", "目标"]
    assert dict(text.tag("实现星峰、氢中和目标"))["氢"] != "f"  # the rest is tagged on its own
    assert text.words("集中和统一") == ["集中", "和", "统一"]  # after a dictionary word: a conjunction


def test_a_phrase_ending_with_a_leading_verb_is_a_fragment() -> None:
    """A phrase that ends with a leading verb (统筹|做好 before a quoted object, X步伐|加快: invented) is
    a predicate without its object, or a clause: a fragment; a numbered name ending so is not
    (两个|确保-like: the count makes it one)."""
    d = _invented("一、总体要求\n今年要统筹做好“云帆”“星链”工作，星河改革步伐加快，落实“三个确保”。\n", 2021)
    cand = formulations.analyse(d).candidates
    assert cand["统筹做好"].fragment and cand["星河改革步伐加快"].fragment
    assert not cand["三个确保"].fragment
