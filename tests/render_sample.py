# ruff: noqa: E501  (data lines of Chinese text)
"""Hand-built `Comparison` records for the render tests, until the comparison engine lands.

`chengyang_2022_2025()` mirrors what the engine should find between 城阳区's full 2022 report and the
2025 news digest (texts are trimmed passages of the seed pages in fixtures/raw). `injected()` is the
same record with hostile strings in every free-text field. `with_history()` adds a four-year term
series (invented numbers, only to exercise the line charts).
"""

from __future__ import annotations

import dataclasses
import difflib

from yoy.models import (
    Comparison,
    DiffChunk,
    Evidence,
    Figure,
    Kind,
    Priority,
    RankedChange,
    ReportRef,
    SectionPair,
    Span,
    TargetChange,
    TermSeries,
)
from yoy.text import words

OLD_YEAR, NEW_YEAR = 2022, 2025
DIGEST_CAVEAT = "2025年文本是新闻摘要（半岛全媒体），不是报告全文：某项未出现，可能只是摘要未提及。"


def diff(old: str, new: str) -> tuple[DiffChunk, ...]:
    """Word-level redline of `old` → `new`, adjacent chunks of one op merged."""
    a, b = words(old), words(new)
    chunks: list[DiffChunk] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if chunks and chunks[-1].op == op:
            chunks[-1] = DiffChunk(op, chunks[-1].text + text)
        else:
            chunks.append(DiffChunk(op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return tuple(chunks)


def pair(pid: str, relation: str, level: str, score: float,
         old: tuple[str, str, str] | None, new: tuple[str, str, str] | None) -> SectionPair:
    """A SectionPair from (block id, path, title, text) of each side; the diff is computed."""
    old_id, old_path, old_title, old_text = (None, None, None, None) if old is None else (
        old[0].split("|")[0], old[0].split("|")[1], old[1], old[2])
    new_id, new_path, new_title, new_text = (None, None, None, None) if new is None else (
        new[0].split("|")[0], new[0].split("|")[1], new[1], new[2])
    chunks: tuple[DiffChunk, ...]
    if old_text is not None and new_text is not None:
        chunks = diff(old_text, new_text)
    elif old_text is not None:
        chunks = (DiffChunk("delete", old_text),)
    else:
        chunks = (DiffChunk("insert", new_text or ""),)
    return SectionPair(pid, old_id, new_id, old_title, new_title, old_path, new_path, level, relation,
                       score, old_text, new_text, chunks)


# --- texts (trimmed passages of the seed pages) ------------------------------------------------

O_REVIEW = (
    "五年来，我们大力实施新旧动能转换重大工程，创新发展实现新突破。经济持续稳步增长。全区生产总值年均增长6.1%，"
    "达到1334.2亿元；一般公共预算收入年均增长7.2%，达到163.6亿元。现代产业体系加快构建。开展工业投资高质量增长"
    "三年行动，累计实施工业技改项目1021个，规上工业企业达到790家。\n"
    "轨道交通、新能源新材料、生物医药健康等产业加快集聚，“四新”经济增加值占比持续提高。"
)
N_REVIEW = (
    "制造强区、项目突破，新质生产力加快培育。重点打造“3+1”产业体系，制造业结构由“一业独大”向“四轮驱动”迈进。"
    "轨道交通跃升能级，时速400公里全球最快高铁列车正式发布，轨道交通领域首个国家级计量测试中心获批。\n"
    "轨道交通、新能源新材料、生物医药健康等产业加快集聚，“四新”经济增加值占比持续提高。"
)
O_LIVELIHOOD_REVIEW = (
    "五年来，我们努力改善人民生活品质，共享发展取得新成效。民生和社会事业稳步发展。新增城镇就业34.7万人。"
    "统筹推进疫情防控和经济社会发展，守住了不发生规模性疫情的底线。"
)
N_LIVELIHOOD_REVIEW = (
    "用情用力、兜牢底线，民生保障水平稳步提升。公共服务更加完善，民生支出占比超过80%；3年新建改扩建中小学、"
    "幼儿园47所，新增学位3.8万个。"
)
O_FIVE_YEAR = (
    "区第七次党代会站在新的历史起点，绘就了城阳未来五年发展的宏伟蓝图。今后五年，在全面完成“十四五”经济社会发展"
    "目标任务基础上，“四区一园”建设取得显著成效，湾区都市活力城阳建设迈出坚实步伐。坚定不移推进新旧动能转换，"
    "事争一流、唯旗是夺。"
)
O_INDUSTRY = (
    "加快发展先进制造业。始终把发展先进制造业和“四新”经济作为经济工作中心，坚持“增量引育和存量壮大”并重，"
    "开展助力企业扩容提质专项行动，支持企业做大做强。加快推进新旧动能转换，实施“倍增工程”，持续落实龙头企业"
    "倍增计划。\n"
    "加快培育壮大产业集群。坚持优势产业引领、重大项目带动、重点企业支撑，推动全链条聚合、集群化扩张。\n"
    "加快发展现代服务业。坚持把生产性服务业作为重点发展方向，推动服务业向专业化、标准化、品牌化发展。"
)
N_NQP = (
    "2025年，城阳区将在因地制宜发展新质生产力上勇争先、作示范，推动先进制造业集聚区建设取得新的更大成效。"
    "以“3+1”产业为重点，以细分赛道为突破口，加快构建创新型产业体系。\n"
    "增量扩容先导和新兴产业。聚焦先进封装等赛道，推动物元半导体投产运营。大力发展低空经济，深化与民航局航科院"
    "合作，争创省级无人机检验检测公共服务平台。\n"
    "加快培育壮大产业集群。坚持优势产业引领、重大项目带动、重点企业支撑，推动全链条聚合、集群化扩张。"
)
N_DEMAND = (
    "2025年，城阳区将在全方位扩大内需上勇争先、作示范，推动胶东经济圈消费中心区建设取得新的更大成效。\n"
    "做强现代服务业。实施生产性服务业发展能力提升行动，加快向专业化和价值链高端延伸，营业收入增长15%以上。"
)
O_SCI = (
    "建设高能级创新载体。完善国际化创客空间，形成“众创空间-孵化器-加速器-产业基地”完整的双创链条，"
    "市级以上技术创新中心、重点实验室等创新平台新增30个、达到180个以上。\n"
    "构建高效能创新生态。深化科技体制改革，围绕产业和企业需求配置科技资源。"
)
N_SCI = (
    "2025年，城阳区将在科技创新和产业创新深度融合上勇争先、作示范，推动创新创意引领区建设取得新的更大成效。\n"
    "育强科创企业“主力军”。强化企业科技创新主体地位，带动上下游企业协同创新，提高全社会研发投入。\n"
    "构建高效能创新生态。深化科技体制改革，围绕产业和企业需求配置科技资源。积极发展耐心资本。"
)
O_REFORM = (
    "坚持以改革破解发展难题。深化财税体制改革，优化财政管理体制，强化统筹调控。稳步推进国企改革三年行动。\n"
    "坚持以开放增创新优势。突出重点产业精准化招商，年内引进重点项目200个以上。"
)
N_REFORM = (
    "深化重点领域改革。建立街道履职事项清单，理顺区街权责关系。纵深推进国企改革，推动资源整合、架构优化。\n"
    "做强开放平台能级。深度融入共建“一带一路”，深化与日韩产业、经贸、科技、人文、资本5大领域合作交流。"
)
O_CITY = (
    "提升国土空间规划水平。坚持城阳与四大功能区在空间规划、产业布局等方面协同发展，高标准统筹编制完善全域、"
    "片区、单元规划和各类专项规划。"
)
O_PEOPLE = (
    "促进更高质量创业就业。实施就业扩容提质工程，突出抓好高校毕业生、农民工、退役军人和就业困难人员等重点群体"
    "就业，新增就业3.8万人以上。促进人的全面发展和共同富裕，打造“全龄友好城市”。"
)
N_PROSPERITY = (
    "2025年，城阳区将在促进共同富裕上勇争先、作示范，推动人文生态幸福家园建设取得新的更大成效。\n"
    "让城市生活更加舒心。按照“五脉五心”总体思路，加快建设白沙河片区。\n"
    "让社会保障更加暖心。加强高校毕业生等重点群体就业帮扶，建设15分钟就业服务圈。"
)
O_DIGITAL = (
    "大力发展数字经济。抓好新型信息基础设施建设，新建5G基站800个以上。\n"
    "加快打造数字政府。全面推进机关数字化转型。完善数字城阳治理监测（应急指挥）中心、城市云脑中枢、"
    "全域视联感知平台功能，增强城市治理的灵敏感知、快速分析、迅捷处置能力。"
)
O_GOV = (
    "强化政治建设。坚持把党的建设贯穿政府工作各领域、全过程。\n"
    "强化法治建设。坚持法治城阳、法治政府、法治社会一体建设，确保各项工作在法治轨道上规范运行。"
)
N_FUTURE = (
    "前瞻布局未来产业。紧盯深海开发、空天信息、类脑智能、量子信息、卫星互联网等新赛道，系统谋划、有序推进，"
    "抢占发展先机。实施未来产业重大科技攻关工程，加快突破关键核心技术。建立未来产业投入增长机制。"
)
SAFETY = (
    "坚持和发展新时代“枫桥经验”，常态化开展扫黑除恶斗争，推动社会治安向事前预防转变。\n"
    "开展药品安全巩固提升行动，强化食品全链条安全监管。"
)

SECTIONS = (
    pair("a1", "matched", "section", 0.44,
         ("p1.s1|一(一)", "五年来，我们大力实施新旧动能转换重大工程，创新发展实现新突破", O_REVIEW),
         ("p0.s1|摘要·1", "制造强区、项目突破，新质生产力加快培育", N_REVIEW)),
    pair("a2", "matched", "section", 0.38,
         ("p1.s5|一(五)", "五年来，我们努力改善人民生活品质，共享发展取得新成效", O_LIVELIHOOD_REVIEW),
         ("p0.s6|摘要·6", "用情用力、兜牢底线，民生保障水平稳步提升", N_LIVELIHOOD_REVIEW)),
    pair("a3", "dropped", "part", 0.0, ("p2|二", "今后五年的目标任务", O_FIVE_YEAR), None),
    pair("a4", "split", "section", 0.41,
         ("p3.s1|三(一)", "聚焦发展实体经济，努力在产业发展迈向“高科技、大规模、强实力”上求突破再提升", O_INDUSTRY),
         ("p0.s8|摘要·8", "因地制宜发展新质生产力", N_NQP)),
    pair("a5", "split", "section", 0.27,
         ("p3.s1|三(一)", "聚焦发展实体经济，努力在产业发展迈向“高科技、大规模、强实力”上求突破再提升", O_INDUSTRY),
         ("p0.s11|摘要·11", "全方位扩大内需", N_DEMAND)),
    pair("a6", "matched", "section", 0.52,
         ("p3.s2|三(二)", "聚焦推进科技创新，努力在实现创新驱动发展上求突破再提升", O_SCI),
         ("p0.s9|摘要·9", "科技创新和产业创新深度融合", N_SCI)),
    pair("a7", "moved", "section", 0.47,
         ("p3.s3|三(三)", "聚焦融入新发展格局，努力在更深层次改革、更高水平开放上求突破再提升", O_REFORM),
         ("p0.s10|摘要·10", "进一步全面深化改革开放", N_REFORM)),
    pair("a8", "merged", "section", 0.22,
         ("p3.s4|三(四)", "聚焦提升城市功能品质，努力在推动城市有机更新上求突破再提升", O_CITY),
         ("p0.s12|摘要·12", "促进共同富裕", N_PROSPERITY)),
    pair("a9", "merged", "section", 0.36,
         ("p3.s6|三(六)", "聚焦促进民生改善和共同富裕，努力在扩大优质公共服务供给上求突破再提升", O_PEOPLE),
         ("p0.s12|摘要·12", "促进共同富裕", N_PROSPERITY)),
    pair("a10", "dropped", "section", 0.0,
         ("p3.s5|三(五)", "聚焦城市数字化转型，努力在建设高水平“数字城阳”上求突破再提升", O_DIGITAL), None),
    pair("a11", "dropped", "section", 0.0,
         ("p3.s7|三(七)", "聚焦加强政府自身建设，努力在治理体系和治理能力现代化上求突破再提升", O_GOV), None),
    pair("a12", "new", "section", 0.0, None, ("p0.s8.i3|摘要·8·3", "前瞻布局未来产业", N_FUTURE)),
    pair("a13", "matched", "section", 1.0,
         ("p3.s6.i5|三(六)5", "保持社会安全稳定", SAFETY), ("p0.s12.i5|摘要·12·5", "让平安城阳深入人心", SAFETY)),
)


def ev(year: int, path: str, sentence: str, pair_id: str | None, start: int = 0) -> Evidence:
    """Evidence with a plausible span (the sample's two reports differ by year, which tells the side)."""
    side = "old" if year == OLD_YEAR else "new"
    return Evidence(year, side, path, sentence, Span(start, start + len(sentence)), pair_id)


PRIORITIES = (
    Priority(
        "reworded", "新质生产力", "新旧动能转换", 4, 2, 1.10, 2.03, "aligned slot 三(一) ↔ 因地制宜发展新质生产力",
        (ev(OLD_YEAR, "三(一)", "加快推进新旧动能转换，实施“倍增工程”，持续落实龙头企业倍增计划。", "a4", 9120),
         ev(NEW_YEAR, "摘要·8", "2025年，城阳区将在因地制宜发展新质生产力上勇争先、作示范，推动先进制造业集聚区建设"
            "取得新的更大成效。", "a4", 5210)),
    ),
    Priority(
        "new", "低空经济", None, 0, 3, 0.0, 3.04, "quoted term",
        (ev(NEW_YEAR, "摘要·8", "大力发展低空经济，深化与民航局航科院合作，争创省级无人机检验检测公共服务平台。", "a4",
            5602),),
    ),
    Priority(
        "new", "未来产业", None, 0, 4, 0.0, 4.05, "heading phrase",
        (ev(NEW_YEAR, "摘要·8·3", "实施未来产业重大科技攻关工程，加快突破关键核心技术。", "a12", 6011),
         ev(NEW_YEAR, "摘要·8·3", "建立未来产业投入增长机制。", "a12", 6040)),
    ),
    Priority(
        "new", "耐心资本", None, 0, 1, 0.0, 1.01, "keyness G2=9.8",
        (ev(NEW_YEAR, "摘要·9", "积极发展耐心资本。", "a6", 6900),),
    ),
    Priority(
        "dropped", "数字城阳", None, 2, 0, 0.55, 0.0, "heading phrase",
        (ev(OLD_YEAR, "三(五)", "完善数字城阳治理监测（应急指挥）中心、城市云脑中枢、全域视联感知平台功能。", "a10",
            23110),),
        note=DIGEST_CAVEAT,
    ),
    Priority(
        "dropped", "疫情防控", None, 4, 0, 1.10, 0.0, "lexicon",
        (ev(OLD_YEAR, "一(五)", "统筹推进疫情防控和经济社会发展，守住了不发生规模性疫情的底线。", "a2", 4410),),
        note=DIGEST_CAVEAT,
    ),
    Priority(
        "continued", "共同富裕", None, 3, 1, 0.83, 1.01, "lexicon",
        (ev(OLD_YEAR, "三(六)", "促进人的全面发展和共同富裕，打造“全龄友好城市”。", "a9", 29500),
         ev(NEW_YEAR, "摘要·12", "2025年，城阳区将在促进共同富裕上勇争先、作示范，推动人文生态幸福家园建设取得新的"
            "更大成效。", "a8", 8100)),
    ),
    Priority(
        "continued", "现代服务业", None, 2, 1, 0.55, 1.01, "lexicon",
        (ev(OLD_YEAR, "三(一)", "加快发展现代服务业。", "a4", 9800),
         ev(NEW_YEAR, "摘要·11", "做强现代服务业。", "a5", 7700)),
    ),
)


def fig(indicator: str, value: str, number: float | None, unit: str | None, qualifier: str | None,
        year: int, sentence: str, pair_id: str | None) -> Figure:
    """A target figure with its evidence sentence."""
    return Figure(indicator, value, number, unit, qualifier, True, ev(year, "", sentence, pair_id))


O_TARGETS = ("主要预期目标是：全区生产总值增长6.5%左右，一般公共预算收入增长6%左右（其中高新区增长8%左右），"
             "固定资产投资增长7.5%左右，社会消费品零售总额增长8%左右。")
N_TARGETS = ("2025年，预计全区生产总值增长5.5%以上，一般公共预算收入增长3%，固定资产投资提质增效，"
             "社会消费品零售总额增长5%以上。")

TARGETS = (
    TargetChange("地区生产总值增长",
                 fig("地区生产总值增长", "6.5%左右", 6.5, "%", "左右", OLD_YEAR, O_TARGETS, None),
                 fig("地区生产总值增长", "5.5%以上", 5.5, "%", "以上", NEW_YEAR, N_TARGETS, None), "down"),
    TargetChange("一般公共预算收入增长",
                 fig("一般公共预算收入增长", "6%左右", 6.0, "%", "左右", OLD_YEAR, O_TARGETS, None),
                 fig("一般公共预算收入增长", "3%", 3.0, "%", None, NEW_YEAR, N_TARGETS, None), "down"),
    TargetChange("社会消费品零售总额增长",
                 fig("社会消费品零售总额增长", "8%左右", 8.0, "%", "左右", OLD_YEAR, O_TARGETS, None),
                 fig("社会消费品零售总额增长", "5%以上", 5.0, "%", "以上", NEW_YEAR, N_TARGETS, None), "down"),
    TargetChange("固定资产投资增长",
                 fig("固定资产投资增长", "7.5%左右", 7.5, "%", "左右", OLD_YEAR, O_TARGETS, None),
                 fig("固定资产投资增长", "提质增效", None, None, None, NEW_YEAR, N_TARGETS, None), "changed"),
    TargetChange("高新区一般公共预算收入增长",
                 fig("高新区一般公共预算收入增长", "8%左右", 8.0, "%", "左右", OLD_YEAR, O_TARGETS, None),
                 None, "no longer set"),
    TargetChange("生产性服务业营业收入增长", None,
                 fig("生产性服务业营业收入增长", "15%以上", 15.0, "%", "以上", NEW_YEAR,
                     "实施生产性服务业发展能力提升行动，加快向专业化和价值链高端延伸，营业收入增长15%以上。", "a5"),
                 "newly set"),
)

RESULTS = (
    Figure("地区生产总值", "1334.2亿元", 1334.2, "亿元", None, False,
           ev(OLD_YEAR, "一(一)", "全区生产总值年均增长6.1%，达到1334.2亿元。", "a1", 812)),
    Figure("规上工业增加值增长", "11%以上", 11.0, "%", "以上", False,
           ev(NEW_YEAR, "", "预计规上工业增加值增长11%以上。", None, 240)),
)

RANKED = (
    RankedChange(1, "priority", "新质生产力", "新旧动能转换 → 新质生产力", 0.94,
                 "the lead phrase of the industrial part changed; same slot 三(一) ↔ 摘要·8"),
    RankedChange(2, "target", "地区生产总值增长", "地区生产总值增长 6.5%左右 → 5.5%以上", 0.88,
                 "headline growth target lowered by 1 point"),
    RankedChange(3, "priority", "低空经济", "新提出：低空经济", 0.81, "new quoted term, 3 mentions in the digest"),
    RankedChange(4, "priority", "未来产业", "新提出：未来产业", 0.78, "new heading phrase with its own item"),
    RankedChange(5, "target", "固定资产投资增长", "固定资产投资增长 7.5%左右 → 提质增效（不再给数）", 0.66,
                 "a numeric target became a qualitative one"),
    RankedChange(6, "section", "a10", "不再单列：城市数字化转型（数字城阳）", 0.61,
                 "a whole section of 2022 has no counterpart; the 2025 text is a digest"),
    RankedChange(7, "target", "一般公共预算收入增长", "一般公共预算收入增长 6%左右 → 3%", 0.57,
                 "revenue target halved"),
    RankedChange(8, "priority", "疫情防控", "不再提及：疫情防控", 0.49, "4 mentions in 2022, none in 2025"),
)

HISTORY = (
    TermSeries("新质生产力", ((2022, 0.0), (2025, 2.03))),
    TermSeries("共同富裕", ((2022, 0.83), (2025, 1.01))),
)


def chengyang_2022_2025() -> Comparison:
    """城阳区 2022 (full report) → 2025 (news digest)."""
    return Comparison(
        old=ReportRef("城阳区", OLD_YEAR, Kind.FULL, "2022年青岛市城阳区政府工作报告", 36215, None),
        new=ReportRef("城阳区", NEW_YEAR, Kind.SUMMARY, "看点十足，诚意满满！2025年城阳区政府工作报告出炉", 9874,
                      "digest: an absence may be the digest's omission"),
        sections=SECTIONS,
        priorities=PRIORITIES,
        targets=TARGETS,
        results=RESULTS,
        ranked=RANKED,
        history=HISTORY,
        caveats=(DIGEST_CAVEAT,),
    )


def with_history() -> Comparison:
    """The sample with four-year series, so the line charts have something to draw (invented numbers)."""
    series = (
        TermSeries("新质生产力", ((2022, 0.0), (2023, 0.0), (2024, 1.2), (2025, 2.03))),
        TermSeries("共同富裕", ((2022, 0.83), (2023, 0.9), (2024, 0.7), (2025, 1.01))),
        TermSeries("新旧动能转换", ((2022, 1.1), (2023, 0.8), (2024, 0.3), (2025, 0.0))),
    )
    return dataclasses.replace(chengyang_2022_2025(), history=series)


SCRIPT = "<script>alert(1)</script>"
ATTR = '"><img src=x onerror=alert(1)>'
EVIL = SCRIPT + ATTR


def injected() -> Comparison:
    """The sample with hostile markup in every free-text field a brief shows."""
    c = chengyang_2022_2025()
    sections = tuple(
        dataclasses.replace(
            p,
            old_title=None if p.old_title is None else p.old_title + EVIL,
            new_title=None if p.new_title is None else EVIL + p.new_title,
            old_path=None if p.old_path is None else p.old_path + ATTR,
            diff=(*p.diff, DiffChunk("insert", EVIL), DiffChunk("equal", "x" + SCRIPT),
                  DiffChunk("delete", ATTR)),
        )
        for p in c.sections
    )
    priorities = tuple(
        dataclasses.replace(
            p, term=p.term + EVIL, old_term=None if p.old_term is None else EVIL,
            basis=ATTR, note=SCRIPT,
            evidence=tuple(dataclasses.replace(e, sentence=e.sentence + EVIL, path=ATTR) for e in p.evidence),
        )
        for p in c.priorities
    )
    targets = tuple(
        dataclasses.replace(
            t, indicator=t.indicator + EVIL,
            new=None if t.new is None else dataclasses.replace(t.new, value=EVIL),
        )
        for t in c.targets
    )
    ranked = tuple(dataclasses.replace(r, summary=r.summary + EVIL, reason=ATTR) for r in c.ranked)
    history = tuple(dataclasses.replace(s, term=s.term + EVIL) for s in with_history().history)
    return dataclasses.replace(
        c,
        old=dataclasses.replace(c.old, region="城阳区" + EVIL, title=EVIL),
        new=dataclasses.replace(c.new, region="城阳区" + EVIL, title=SCRIPT, caveat=ATTR),
        sections=sections, priorities=priorities, targets=targets, ranked=ranked, history=history,
        caveats=(EVIL,),
    )
