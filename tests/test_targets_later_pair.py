"""Two synthetic national reports in the layout of 2018-2025 compared end to end, scored like the gold.

The texts are written for this test (invented wording in the style of those years, not copied): a review
part, a part with the 主要预期目标 passage and the fiscal and monetary paragraphs, a part of tasks.
"""

from __future__ import annotations

from dataclasses import replace

from tests.corpus_reports import CORPUS
from tests.targets_gold import score_pair
from yoy import pipeline
from yoy.models import Report

REVIEW = ("一、{prev}年工作回顾\n过去一年，我们顶住压力，经济回升向好。"
          "国内生产总值{gdp_level}，增长{gdp_res}。"
          "城镇新增就业{jobs_res}，城镇调查失业率平均{urate_res}。居民消费价格上涨{cpi_res}。\n")
PLAN = ("二、{year}年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长{gdp}；"
        "城镇新增就业{jobs}，城镇调查失业率{urate}；居民消费价格涨幅{cpi}；居民收入增长和经济增长同步；"
        "进出口{trade}；粮食产量{grain}；单位国内生产总值能耗{energy}。\n"
        "审慎的财政政策要提质增效。赤字率拟按{ratio}安排，赤字规模{deficit}。拟安排地方政府专项债券{bonds}。"
        "{ultra}\n审慎的货币政策要灵活精准。{money}\n"
        "三、{year}年政府工作任务\n（一）扩大国内需求。今年要办好一批大事，城镇新增就业要保持稳定。\n")
OLD = dict(year=2024, prev=2023, gdp_level="超过126万亿元", gdp_res="5.2%", jobs_res="1244万人",
           urate_res="5.2%", cpi_res="0.2%", gdp="5%左右", jobs="1200万人以上", urate="5.5%左右",
           cpi="3%左右",
           trade="稳量提效", grain="1.3万亿斤以上", energy="降低2.5%左右", ratio="3%", deficit="4.06万亿元",
           bonds="3.9万亿元、比上年增加1000亿元",
           ultra="从今年开始拟连续几年发行超长期特别国债，专项用于重大项目建设，今年先发行1万亿元。",
           money="保持社会融资规模、货币供应量同经济增长和价格水平预期目标相匹配。")
NEW = dict(year=2025, prev=2024, gdp_level="达到134.9万亿元", gdp_res="5%", jobs_res="1256万人",
           urate_res="5.1%", cpi_res="0.2%", gdp="5%左右", jobs="1200万人左右", urate="5.5%左右",
           cpi="2%左右",
           trade="稳中提质", grain="1.4万亿斤左右", energy="降低3%左右", ratio="4%左右",
           deficit="5.66万亿元、比上年增加1.6万亿元", bonds="4.4万亿元、比上年增加5000亿元",
           ultra="拟发行超长期特别国债1.3万亿元、比上年增加3000亿元。",
           money="使社会融资规模、货币供应量增长同经济增长、价格总水平预期目标相匹配。")
EXPECTED = [  # indicator, old, new: what a reader of the two plans lists
    ("国内生产总值增长", "5%左右", "5%左右"), ("城镇新增就业", "1200万人以上", "1200万人左右"),
    ("城镇调查失业率", "5.5%左右", "5.5%左右"), ("居民消费价格涨幅", "3%左右", "2%左右"),
    ("进出口", "稳量提效", "稳中提质"), ("粮食产量", "1.3万亿斤以上", "1.4万亿斤左右"),
    ("单位国内生产总值能耗降低", "2.5%左右", "3%左右"), ("赤字率", "3%", "4%左右"),
    ("财政赤字", "4.06万亿元", "5.66万亿元"), ("地方政府专项债券", "3.9万亿元", "4.4万亿元"),
    ("超长期特别国债", "1万亿元", "1.3万亿元"), ("居民收入增长", "和经济增长同步", "和经济增长同步"),
    ("广义货币M2增长", "同经济增长和价格水平预期目标相匹配", "同经济增长、价格总水平预期目标相匹配"),
]


def _report(values: dict[str, object]) -> Report:
    base = CORPUS.load("全国", 2013)
    year = values["year"]
    assert isinstance(year, int)
    return Report(meta=replace(base.meta, year=year), text=(REVIEW + PLAN).format(**values))


def test_later_pair_targets_scored_like_the_gold() -> None:
    c = pipeline.compare(_report(OLD), _report(NEW))
    rows = score_pair(c, [{"indicator": i, "old": o, "new": n} for i, o, n in EXPECTED])
    wrong = [(r.indicator, r.got_old, r.got_new) for r in rows if not r.right]
    assert not wrong
    by_name = {t.canonical: t for t in c.targets}
    assert by_name["赤字率"].direction == "up" and by_name["居民消费价格涨幅"].direction == "down"
    assert by_name["国内生产总值增长"].direction == "unchanged"
    assert by_name["城镇新增就业"].direction == "requalified"
    results = {(f.indicator, f.value) for f in c.results if f.evidence.year == 2025}
    want = {("国内生产总值", "134.9万亿元"), ("国内生产总值增长", "5%"), ("城镇新增就业", "1256万人")}
    assert want <= results
