"""Two synthetic national reports in the layout of later ones compared end to end, scored like the gold.

The texts are written for this test: invented wording and invented figures (for two years after 2025, so
that they read as no published pair) in the layout of those reports: a review part, a part with the
主要预期目标 passage and the fiscal and monetary paragraphs, a part of tasks.
"""

from __future__ import annotations

from dataclasses import replace

from tests.corpus_reports import CORPUS
from tests.targets_gold import score_pair
from yoy import pipeline
from yoy.models import Report

REVIEW = ("一、{prev}年工作回顾\n过去一年，我们迎难而上，经济运行总体平稳。"
          "国内生产总值{gdp_level}，增长{gdp_res}。"
          "城镇新增就业{jobs_res}，城镇调查失业率平均{urate_res}。居民消费价格上涨{cpi_res}。\n")
PLAN = ("二、{year}年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长{gdp}；"
        "城镇新增就业{jobs}，城镇调查失业率{urate}；居民消费价格涨幅{cpi}；居民收入增长和经济增长同步；"
        "进出口{trade}；粮食产量{grain}；单位国内生产总值能耗{energy}。\n"
        "审慎的财政政策要提质增效。赤字率拟按{ratio}安排，赤字规模{deficit}。拟安排地方政府专项债券{bonds}。"
        "{ultra}\n审慎的货币政策要灵活精准。{money}\n"
        "三、{year}年政府工作任务\n（一）扩大国内需求。今年要办好一批大事，城镇新增就业要保持稳定。\n")
# The old year's ultra-long bonds are a first tranche (首批发行…) of a programme named earlier in the clause.
OLD = dict(year=2031, prev=2030, gdp_level="超过151万亿元", gdp_res="4.7%", jobs_res="1163万人",
           urate_res="5.3%", cpi_res="0.8%", gdp="4.5%左右", jobs="1100万人以上", urate="5.5%左右",
           cpi="2.5%左右",
           trade="稳规模优结构", grain="1.35万亿斤以上", energy="降低2.2%左右", ratio="3.2%",
           deficit="4.9万亿元", bonds="4.3万亿元、比上年增加2000亿元",
           ultra="今年起拟分期发行超长期特别国债，集中支持重大工程建设，今年首批发行9000亿元。",
           money="推动社会融资规模、货币供应量同经济增长目标和物价预期目标相协调。")
NEW = dict(year=2032, prev=2031, gdp_level="达到158.6万亿元", gdp_res="4.5%", jobs_res="1178万人",
           urate_res="5.2%", cpi_res="1.1%", gdp="4.5%左右", jobs="1100万人左右", urate="5.4%左右",
           cpi="2%左右",
           trade="质升量稳", grain="1.38万亿斤左右", energy="降低2.5%左右", ratio="3.8%左右",
           deficit="5.9万亿元、比上年增加1万亿元", bonds="4.6万亿元、比上年增加3000亿元",
           ultra="拟发行超长期特别国债1.2万亿元、比上年增加3000亿元。",
           money="使社会融资规模、货币供应量增长同经济增长、物价预期目标相适应。")
EXPECTED = [  # indicator, old, new: what a reader of the two plans lists
    ("国内生产总值增长", "4.5%左右", "4.5%左右"), ("城镇新增就业", "1100万人以上", "1100万人左右"),
    ("城镇调查失业率", "5.5%左右", "5.4%左右"), ("居民消费价格涨幅", "2.5%左右", "2%左右"),
    ("进出口", "稳规模优结构", "质升量稳"), ("粮食产量", "1.35万亿斤以上", "1.38万亿斤左右"),
    ("单位国内生产总值能耗降低", "2.2%左右", "2.5%左右"), ("赤字率", "3.2%", "3.8%左右"),
    ("财政赤字", "4.9万亿元", "5.9万亿元"), ("地方政府专项债券", "4.3万亿元", "4.6万亿元"),
    ("超长期特别国债", "9000亿元", "1.2万亿元"), ("居民收入增长", "和经济增长同步", "和经济增长同步"),
    ("广义货币M2增长", "同经济增长目标和物价预期目标相协调", "同经济增长、物价预期目标相适应"),
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
    results = {(f.indicator, f.value) for f in c.results if f.evidence.year == NEW["year"]}
    want = {("国内生产总值", "158.6万亿元"), ("国内生产总值增长", "4.5%"), ("城镇新增就业", "1178万人")}
    assert want <= results
