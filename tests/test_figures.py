"""Figures on synthetic national-style reports: zones, cues, values with qualifier and unit, periods.

Every report text here is invented (wording and figures), in the layout of national reports.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.corpus_reports import CORPUS
from yoy import figures, pipeline
from yoy.models import Block, Figure, Period, Report, Side, Span
from yoy.pipeline import shipped_indicators

TABLE = shipped_indicators()  # the shipped indicator table, as the edge passes it

REVIEW = ("一、{prev}年工作回顾\n"
          "过去一年，经济运行稳中有进。国内生产总值超过142万亿元，增长4.8%。财政收入增长3.9%，达到23.4万亿元。"
          "城镇新增就业1178万人，"
          "城镇调查失业率平均5.3%。居民消费价格上涨0.9%。粮食产量1.41万亿斤。\n"
          "五年来，国内生产总值年均增长5.1%，累计城镇新增就业5800万人。\n")


def report(text: str, year: int = 2024) -> Report:
    base = CORPUS.load("全国", 2013)
    return Report(meta=replace(base.meta, year=year), text=text.format(prev=year - 1, year=year))


def found(text: str, year: int = 2024) -> list[Figure]:
    return [f.figure for f in figures.report_figures(report(text, year), TABLE)]


def targets(text: str, year: int = 2024) -> dict[str, str]:
    heads = figures.headline_targets(figures.report_figures(report(text, year), TABLE))
    return {f.indicator: f.value for f in heads.values()}


def results(text: str, year: int = 2024) -> list[tuple[str, str]]:
    return [(f.indicator, f.value) for f in found(text, year) if not f.is_target and f.period is Period.YEAR]


PLAN_LATER = REVIEW + (
    "二、{year}年经济社会发展总体要求和政策取向\n"
    "今年发展主要预期目标是：城镇新增就业1150万人以上，城镇调查失业率5.4%左右；国内生产总值增长4.5%左右；"
    "粮食产量1.35万亿斤以上；居民消费价格涨幅2.5%左右；单位国内生产总值能耗降低2.2%左右；居民收入增长和经济增长同步。\n"
    "拟安排地方政府专项债券4.2万亿元、比上年增加1500亿元。赤字率拟按3.3%安排，赤字规模4.7万亿元，"
    "比上年年初预算增加2600亿元。广义货币M2和社会融资规模余额预期增长均为7.5%左右。\n")


def test_targets_of_a_later_style_plan() -> None:
    assert targets(PLAN_LATER) == {
        "国内生产总值增长": "4.5%左右", "城镇新增就业": "1150万人以上", "城镇调查失业率": "5.4%左右",
        "居民消费价格涨幅": "2.5%左右", "居民收入增长": "和经济增长同步", "粮食产量": "1.35万亿斤以上",
        "单位国内生产总值能耗降低": "2.2%左右",
        "赤字率": "3.3%", "财政赤字": "4.7万亿元", "地方政府专项债券": "4.2万亿元",
        "广义货币M2增长": "7.5%左右", "社会融资规模增长": "7.5%左右"}


def test_results_keep_units_and_leave_targets_and_multi_year_out() -> None:
    got = results(PLAN_LATER)
    assert got == [("国内生产总值", "超过142万亿元"), ("国内生产总值增长", "4.8%"),
                   ("财政收入增长", "3.9%"), ("财政收入", "23.4万亿元"), ("城镇新增就业", "1178万人"),
                   ("城镇调查失业率", "5.3%"), ("居民消费价格涨幅", "0.9%"), ("粮食产量", "1.41万亿斤")]
    multi = [(f.indicator, f.value) for f in found(PLAN_LATER) if f.period is Period.MULTI_YEAR]
    assert multi == [("国内生产总值增长", "5.1%"), ("城镇新增就业", "5800万人")]


def test_cue_in_a_paragraph_of_its_own() -> None:
    text = REVIEW + ("二、{year}年主要任务\n今年经济社会发展的主要预期目标是：\n"
                     "城镇新增就业870万人以上；国内生产总值增长6.5%左右。\n")
    assert targets(text) == {"国内生产总值增长": "6.5%左右", "城镇新增就业": "870万人以上"}


def test_cue_without_parts_and_change_to_and_range() -> None:
    text = ("过去一年，国内生产总值增长5.8%。\n\n今年工作的总体要求是稳中求进。城镇新增就业不低于950万人；"
            "国内生产总值增长5.5%-6%；城镇登记失业率控制在4.3%以内；赤字率从去年的2.6%提高到2.9%。\n")
    got = targets("x" * figures.REVIEW_MIN_CHARS + "\n" + text)
    assert got == {"国内生产总值增长": "5.5%-6%", "赤字率": "2.9%", "城镇登记失业率": "4.3%以内",
                   "城镇新增就业": "不低于950万人"}


def test_value_before_the_name_and_full_width_digits() -> None:
    text = REVIEW + "二、今年的工作\n为保持投资力度，今年拟发行１２５０亿元长期建设国债。\n"
    assert targets(text) == {"长期建设国债发行": "1250亿元"}


def test_a_delta_is_not_the_target() -> None:
    text = REVIEW + "二、今年的工作\n今年拟安排中央财政赤字2650亿元，比上年预算减少90亿元。\n"
    assert targets(text) == {"中央财政赤字": "2650亿元"}
    only_delta = REVIEW + "二、今年的工作\n今年中央财政赤字比上年预算减少90亿元。\n"
    assert targets(only_delta) == {}


def test_five_year_plan_is_multi_year() -> None:
    text = REVIEW + ("二、“十七五”时期的主要目标\n"
                     "今后五年，国内生产总值年均增长5.5%，到2040年城镇新增就业4800万人。\n三、{year}年的工作\n今年主要预期目标是：国内生产总值增长5%以上。\n")
    assert targets(text) == {"国内生产总值增长": "5%以上"}
    multi = {f.value for f in found(text) if f.period is Period.MULTI_YEAR}
    assert {"5.5%", "4800万人"} <= multi


@pytest.mark.parametrize(("old", "new", "same_region", "peers"), [
    ("7.5%", "7.5%左右", "requalified", "changed"),
    ("8%左右", "7.5%", "down", "lower"),
    ("8000亿元", "1.2万亿元", "up", "higher"),
    ("4%左右", "4%左右", "unchanged", "same"),
    ("6.5%以内", "不超过6.5%", "unchanged", "same"),  # the same bound in other words (vocab.SAME_BOUNDS)
    ("6.5%以上", "不低于6.5%", "unchanged", "same"),
    ("6.5%以上", "6.5%以内", "requalified", "changed"),
    ("6.5%以内", "低于6.5%", "requalified", "changed"),  # a strict bound is another bound
])
def test_direction(old: str, new: str, same_region: str, peers: str) -> None:
    text = REVIEW + "二、今年的工作\n今年主要预期目标是：国内生产总值增长{v}；财政赤字{v}。\n"
    ind = "财政赤字" if "亿" in old else "国内生产总值增长"
    fo = figures.headline_targets(figures.report_figures(report(text.replace("{v}", old)), TABLE))
    fn = figures.headline_targets(figures.report_figures(report(text.replace("{v}", new)), TABLE))
    o = next(f for f in fo.values() if f.indicator == ind)
    n = next(f for f in fn.values() if f.indicator == ind)
    assert figures.direction(o, n) == same_region
    assert figures.direction(o, n, peers=True) == peers
    assert figures.direction(None, n) == "newly set" and figures.direction(o, None, peers=True) == "only old"
    if same_region == "requalified":
        assert figures.note(o, n, same_region) == f"数值未变，仅限定词变化：{old} → {new}"
    elif same_region == "unchanged" and old != new:
        assert figures.note(o, n, same_region) == f"数值与限定含义未变，仅写法不同：{old} → {new}"
    elif same_region == "unchanged":
        assert figures.note(o, n, same_region) is None


@pytest.mark.parametrize(("old", "new", "same_region"), [
    ("和投资增长保持同步", "与投资增长同步", "unchanged"),  # only the relation's filler words differ
    ("同投资增长相匹配", "和投资增长相匹配", "unchanged"),
    ("与投资增长同步", "与投资增长基本同步", "changed"),  # 基本 softens the target: a change
    ("与投资增长同步", "与投资增长相适应", "changed"),
])
def test_words_only_targets_compare_without_filler(old: str, new: str, same_region: str) -> None:
    text = REVIEW + "二、今年的工作\n今年主要预期目标是：国内生产总值增长6%左右；居民收入增长{v}。\n"
    fo = figures.headline_targets(figures.report_figures(report(text.replace("{v}", old)), TABLE))
    fn = figures.headline_targets(figures.report_figures(report(text.replace("{v}", new)), TABLE))
    o = next(f for f in fo.values() if f.indicator.startswith("居民"))
    n = next(f for f in fn.values() if f.indicator.startswith("居民"))
    assert (o.value, n.value) == (old, new)
    assert figures.direction(o, n) == same_region


@pytest.mark.parametrize(("old", "new", "size", "unit"), [
    ("8000亿元", "1.2万亿元", 4000, "亿元"),  # across units: in the finer one, not 1.2 - 8000
    ("1.2万亿元", "1.5万亿元", 0.3, "万亿元"),
    ("8%左右", "7.5%", 0.5, "个百分点"),
])
def test_the_size_of_a_change_is_read_in_one_unit(old: str, new: str, size: float, unit: str) -> None:
    text = REVIEW + "二、今年的工作\n今年主要预期目标是：国内生产总值增长{v}；财政赤字{v}。\n"
    ind = "财政赤字" if "亿" in old else "国内生产总值增长"

    def target(v: str) -> Figure:
        heads = figures.headline_targets(figures.report_figures(report(text.replace("{v}", v)), TABLE))
        return next(f for f in heads.values() if f.indicator == ind)

    step = figures.change(target(old), target(new))
    assert step is not None
    assert step[0] == pytest.approx(size) and step[2] == unit


def test_range_with_full_width_dash_raised_ratio_and_delta_only_deficit() -> None:
    text = REVIEW + ("二、{year}年重点工作\n今年经济社会发展的主要预期目标是："
                     "城镇调查失业率全年控制在5.3%以内；国内生产总值增长5.5％－6％。\n"
                     "财政赤字规模比去年增加8000亿元，同时发行应急特别国债8000亿元，今年赤字率拟按3.4%以上安排。\n")
    got = targets(text)
    assert got == {"国内生产总值增长": "5.5%-6%", "城镇调查失业率": "5.3%以内", "赤字率": "3.4%以上",
                   "特别国债": "8000亿元"}  # 比去年增加8000亿元 is a change, not the deficit
    heads = figures.headline_targets(figures.report_figures(report(text), TABLE))
    gdp = heads["国内生产总值增长"]
    assert gdp.qualifier == "range" and gdp.number == 5.75 and gdp.unit == "%"


def test_plan_restating_last_year_is_no_target() -> None:
    text = REVIEW + ("二、{year}年工作总体部署\n去年国内生产总值增长4.8%。\n"
                     "今年发展主要预期目标是：国内生产总值增长4.5%左右。\n")
    assert targets(text) == {"国内生产总值增长": "4.5%左右"}
    assert ("国内生产总值增长", "4.8%") in results(text)  # from the review, once
    assert results(text).count(("国内生产总值增长", "4.8%")) == 1


def test_a_change_verb_before_a_sum_is_no_level() -> None:
    text = REVIEW + "二、今年的工作\n今年拟安排中央财政赤字1800亿元。同时，压减财政赤字120亿元。\n"
    assert targets(text) == {"中央财政赤字": "1800亿元"}


@pytest.mark.parametrize("year", range(2000, 2014))
def test_targets_do_not_need_the_outline_roles(year: int) -> None:
    """The plan zone comes from cue sentences too: without any part (no roles) the targets are the same."""
    from yoy import outline
    from yoy.models import Role
    from yoy.text import fold

    rep = CORPUS.load("全国", year)
    o = outline.segment(rep)
    folded = fold(rep.text)

    def locate(span: Span) -> figures.Located:
        return figures.Located(Side.NEW, span, "", None, Role.OTHER)

    def heads(parts: tuple[Block, ...]) -> dict[str, str]:
        found = figures.extract_all(TABLE, folded, rep.text, year, o.sentences, parts, o.paragraphs, locate)
        return {k: f.value for k, f in figures.headline_targets(found).items()}

    with_parts = heads(o.blocks)
    assert with_parts and heads(()) == with_parts


def test_a_table_passed_in_is_the_one_figures_are_read_by() -> None:
    """An invented one-row table: only its indicator is read, and a comparison built with it (no
    stored records) reports that indicator's target and none of the shipped table's."""
    table = figures.indicator_table("# one invented row\n星河指数\t星河指数\tgrowth\t星河指数\n")
    text = "二、今年工作安排\n今年主要预期目标是：星河指数增长6.3%左右，城镇新增就业110万人以上。\n"
    got = [f.figure.indicator for f in figures.report_figures(report(text), table)]
    assert got and set(got) == {"星河指数增长"}
    shipped = {f.figure.indicator for f in figures.report_figures(report(text), TABLE)}
    assert "星河指数增长" not in shipped and shipped
    old, new = report(text.replace("6.3%", "5.8%"), 2023), report(text)
    c = pipeline.compare(old, new, indicators=table)
    assert {t.indicator for t in c.targets} == {"星河指数增长"}


def test_a_plan_part_whose_title_runs_into_its_body_is_not_multi_year() -> None:
    """A text saved as one line: the plan part's heading runs into a body that looks back on past
    years (…过去五年…); a title that opens on this year still heads this year's plan."""
    text = REVIEW.replace("\n", "") + (
        "二、今年经济社会发展的总体要求、主要预期目标和宏观政策党的代表大会总结了过去五年的经验，提出了新的要求。"
        "今年发展主要预期目标是：国内生产总值增长4.5%左右；城镇新增就业1150万人以上。")
    assert targets(text) == {"国内生产总值增长": "4.5%左右", "城镇新增就业": "1150万人以上"}
    assert not [f for f in found(text) if f.period is Period.MULTI_YEAR and f.is_target]


# Targets in words stated as a relation, in invented sentences of a plan: (sentence, the targets it sets).
RELATION_PLAN = REVIEW + "二、{year}年重点工作\n今年发展主要预期目标是：城镇新增就业1120万人以上；"


@pytest.mark.parametrize(("sentence", "expected"), [
    # 和 between two names, the second's own words a bare relation: the two sides of it, as with 与
    ("居民人均可支配收入和GDP增长保持同步。", {"居民人均可支配收入增长": "和GDP增长保持同步"}),
    ("居民人均可支配收入与GDP增长保持同步。", {"居民人均可支配收入增长": "与GDP增长保持同步"}),
    ("广义货币M2和社会融资规模增速相匹配。", {"广义货币M2增长": "和社会融资规模增速相匹配"}),
    # a preposition before a modifier of the other side's name (名义, 全省): still the other side
    ("居民人均可支配收入增长同全省地区生产总值增长基本同步。",
     {"居民人均可支配收入增长": "同全省地区生产总值增长基本同步"}),
    # 和 between two names, the second's words naming the other side: one subject, the relation whole
    ("广义货币M2和社会融资规模增速同名义国内生产总值增速大体匹配。",
     {"广义货币M2增长": "同名义国内生产总值增速大体匹配",
      "社会融资规模增长": "同名义国内生产总值增速大体匹配"}),
    # a comparison that takes an object: the value runs past the other side's name
    ("居民人均可支配收入增速要略高于GDP增速。", {"居民人均可支配收入增长": "要略高于GDP增速"}),
])
def test_a_relation_in_words_belongs_to_its_subject_whole(sentence: str, expected: dict[str, str]) -> None:
    """The subject of a relation gets it as its target, whole (up to a word edge, past the other side's
    name); the other side gets none: a relation of two names is not a target of each."""
    assert targets(RELATION_PLAN + sentence + "\n") == {"城镇新增就业": "1120万人以上", **expected}


@pytest.mark.parametrize("sentence", [
    "固定资产投资用于民生的比重高于上年。",  # a share of the indicator, in a relation
    "固定资产投资中民生投入占比稳中有升。",  # … in words
])
def test_a_share_of_an_indicator_is_not_its_target(sentence: str) -> None:
    """A measure word after the name (比重, 占比: `vocab.GAP_REJECT`) makes the words another
    indicator's, as it makes a figure another's."""
    assert targets(RELATION_PLAN + sentence + "\n") == {"城镇新增就业": "1120万人以上"}


def test_words_cut_at_the_next_name_are_no_target() -> None:
    """A value in words ends on a word edge: the run of words up to the next name, when that name does
    is no other side of a relation, is a cut, not a target (invented: two targets without a mark between)."""
    got = targets(RELATION_PLAN + "固定资产投资稳中有进社会消费品零售总额增长5%左右。\n")
    assert got == {"城镇新增就业": "1120万人以上", "社会消费品零售总额增长": "5%左右"}


def test_a_bound_figure_of_the_reports_own_year_is_a_target_outside_the_plan_part() -> None:
    # invented digest lines: the own year's figures with a bound qualifier, said before any plan cue,
    # are its targets (review7 item 3); an exact own-year figure without a cue, and a bound figure of
    # the year before, stay results
    digest = ("县长作政府工作报告。报告指出，{year}年全县地区生产总值增长5.5%以上，"
              "固定资产投资增长8%左右。\n"
              "报告回顾说，{prev}年全县地区生产总值增长4.9%，社会消费品零售总额增长6%以上。\n")
    assert targets(digest) == {"地区生产总值增长": "5.5%以上", "固定资产投资增长": "8%左右"}
    assert ("社会消费品零售总额增长", "6%以上") in results(digest)
    # a qualifier word that stands at no number (以下, the 约 of 节约) sets no bound
    exact = "县长作政府工作报告。报告指出，{year}年1月全县节约用地，进出口增长12%，详见以下各项。\n"
    assert targets(exact) == {} and ("进出口增长", "12%") in results(exact)
