"""Every reader-facing Chinese word of yoy, and the domain word lists the stages match against.

One home for the Chinese vocabulary: labels of the record's closed vocabularies (the `StrEnum`s of
`yoy.models` read their `label` here), the briefs' own phrases, caveat sentences (one builder each),
budget notes, and the word lists of the genre (stop words, heading words, units, verbs of change).
Templates hold the briefs' remaining prose. `tests/test_vocab.py` fails on a Chinese string constant
in any other module of yoy.

Sources. Unless a list says otherwise it is hand-written from the genre (政府工作报告 as published by
governments: national, provincial, city, district and county reports) and not mined, so there is no
script to rebuild it: edit it here, and the tests of the stage that reads it say whether it still
works. Mined lists live in `yoy/data/` with the script that rebuilds them (`make lexicon`).

Language: what a brief (HTML, PDF, Markdown, the JSON's reader-facing strings) says is Chinese and
lives here; the command line speaks English (help, progress, `yoy.errors` messages), so its messages
stay beside the code that raises them, except those holding a Chinese example or word (`CLI`,
`NOT_A_REPORT`, `AMBIGUOUS_HINT`), which live here. Regex sources are here too, with `{slots}` the
stage fills (numerals, leader titles, suffixes) before it compiles them.

This module imports nothing from yoy, so every stage (and `models`) can read it.
"""

from __future__ import annotations

from collections.abc import Sequence

# --- labels of the record's closed vocabularies (yoy.models), keyed by the code --------------------
# Hand-written: the words the briefs show for each code. A code without a label fails
# tests/test_vocab.py, so a new member of an enum cannot ship without its reader-facing word.

KIND = {"full": "全文", "partial": "部分文本", "summary": "新闻摘要"}
# The conjunction that ends some words jieba cuts (X中和 as X|中|和) and the marks that end a clause
# after it (`text._CLAUSE_FINAL_AND`).
AND_WORD = "和"
CLAUSE_FINAL_MARKS = "，。；：！？、,;:!?)）”」』\n"
# The title of the one unit a text with no headings aligns as (`align._whole`): its body.
WHOLE_TITLE = "正文"
CHANGE = {"new": "新提出", "dropped": "不再提及", "reworded": "表述变化", "continued": "延续"}
RELATION = {"matched": "对应", "moved": "移动", "split": "拆分", "merged": "合并", "new": "新增",
            "dropped": "删去"}
DIRECTION = {
    # same region, old → new in time
    "up": "上调", "down": "下调", "unchanged": "持平", "requalified": "限定词变化", "changed": "改变",
    "newly set": "新设", "no longer set": "不再设定", "not stated": "摘要未提及",
    # two regions: no time, only one against the other (render names the region)
    "higher": "高于", "lower": "低于", "same": "相同", "only old": "仅前者设定", "only new": "仅后者设定",
}
PAIR_LEVEL = {"part": "部分", "section": "章节"}
BLOCK_LEVEL = {"part": "部分", "section": "章节", "item": "条目"}
OP = {"equal": "未变", "insert": "新增", "delete": "删去"}
RANKED_KIND = {"priority": "重点", "target": "目标", "section": "章节"}
SIDE = {"old": "前者", "new": "后者"}
PERIOD = {"year": "年度", "multi-year": "多年"}
ROLE = {"review": "回顾", "plan": "部署", "other": "其他"}
LEVEL = {"national": "全国", "province": "省级", "city": "市级", "district": "区级", "county": "县级"}
# Each vocabulary's labels by the name of its enum in yoy.models (`Vocabulary.label` reads this).
LABELS = {"Kind": KIND, "Level": LEVEL, "Period": PERIOD, "Role": ROLE, "BlockLevel": BLOCK_LEVEL,
          "PairLevel": PAIR_LEVEL, "Relation": RELATION, "Op": OP, "Change": CHANGE, "Direction": DIRECTION,
          "RankedKind": RANKED_KIND, "Side": SIDE}

# Plain words for the record's `Priority.basis` codes (the briefs show these; JSON keeps the codes).
BASIS = {"引号术语": "报告中加引号的提法", "标题用语": "出现在标题中", "政策词表": "常用政策词语",
         "关键性": "用词频率明显变化", "词表所列接替": "已知的前后接替提法",
         "对应位置替换": "对应位置由“{old}”改为“{new}”"}
# The briefs' and the terminal's own reader-facing phrases (templates hold the rest).
BRIEF = {
    "mentions_one": "{side} 提及 {n} 次", "mentions_both": "提及 {old} → {new} 次",
    "untitled": "（无标题）", "part_n": "第{n}部分", "target": "目标：{indicator}", "unset": "未设",
    "caveat": "注意：{text}", "note": "注：{text}", "top": "最重要的变化", "targets": "主要预期目标",
    "change": "变化",
    "why": "依据", "indicator": "指标", "index_title": "yoy 简报索引", "slot": "对应位置换了说法",
    # the target section: a chart point's tooltip, the figure groups, a target only one region sets
    "chart_point": "{year}：目标 {target}", "chart_result": " / 实际 {result}", "results": "上年实际",
    "multi_year": "多年数据（五年、累计、年均）", "report_group": "{side}报告 · {title}",
    "only_one_sets": "仅{region}设定",
    # the terminal summary, under its "最重要的变化" table (the briefs say it in their templates)
    "more_targets": "另有 {n} 项目标变化，见“主要预期目标”。",
}
# Internal codes in the record's reasons that must not reach a reader (regex sources; render drops
# them): a similarity score (相似度 0.82).
SIMILARITY_CODE = r"相似度?\s*[\d.]+"
# Characters the PDF worker renders once at start, to load the CJK faces (regular, bold, serif).
FONT_WARMUP = ("报告", "区")


# --- caveats: what a reader must be told about a text before its changes --------------------------
# One builder per sentence; classify (the record's caveats and notes) and render (the fallback line)
# read them here. `kind` is a `models.Kind` value ("summary", "partial", "full").


def ref_caveat(kind: str) -> str | None:
    """The short line beside a compared report's name (`ReportRef.caveat`); None for a full text."""
    return {"summary": "新闻摘要，非报告全文", "partial": "不完整文本，缺少报告的一部分"}.get(kind)


def text_caveat(year: int, region: str, kind: str) -> str | None:
    """The comparison's caveat about one report that is not a full text; None for a full text."""
    if kind == "summary":
        return (f"{year}年{region}文本为新闻摘要，并非报告全文：某项重点、章节或目标"
                "未出现，可能是摘要省略，不一定是真正的变化。")
    if kind == "partial":
        return f"{year}年{region}文本不完整：缺失部分的内容无法比较。"
    return None


def peer_caveat(old_region: str, old_year: int, new_region: str, new_year: int) -> str:
    """The caveat of a two-region comparison: new and dropped mean one says it, not a change in time."""
    return (f"跨地区对比：{old_region}{old_year}年与{new_region}{new_year}年是不同地区，"
            "“新提出”“不再提及”指一份报告提到而另一份没有，并非时间上的变化。")


def absence_note(year: int, region: str, kind: str, dropped: bool) -> str:
    """A priority's note when the report it is missing from is a digest or a partial text."""
    what, missing = ("新闻摘要", "摘要省略") if kind == "summary" else ("不完整文本", "缺失部分")
    real = "删去" if dropped else "新增"
    return f"{year}年{region}文本为{what}：未出现可能是{missing}，不一定是真正{real}"


def absence_reason(kind: str) -> str:
    """What the ranking's reason adds for a priority whose absence a digest or partial text explains."""
    return "；可能是摘要省略" if kind == "summary" else "；文本不完整"


# --- budget notes (`Comparison.degraded`): where a time or size budget was hit --------------------


def budget_sections(n_old: int, n_new: int, limit: int) -> str:
    """Too many sections to align all against all."""
    return f"章节对齐：{n_old}×{n_new} 个章节超过上限 {limit}，仅在已对应的部分内对齐章节"


def budget_redline(pair_id: str, n_old: int, n_new: int) -> str:
    """A block pair with too many sentences for a sentence-level redline."""
    return f"逐句对照 {pair_id}：{n_old}×{n_new} 句超过上限，以整段删去/新增显示"


# --- targets ----------------------------------------------------------------------------------


def requalified_note(old_value: str, new_value: str) -> str:
    """A target whose number stayed and whose qualifier moved (X%左右 → X%以上)."""
    return f"数值未变，仅限定词变化：{old_value} → {new_value}"


def same_bound_note(old_value: str, new_value: str) -> str:
    """A target whose number stayed and whose qualifier is reworded to the same bound (X%以内 → 不超过X%)."""
    return f"数值与限定含义未变，仅写法不同：{old_value} → {new_value}"


# --- batch index and trend page --------------------------------------------------------------------

TREND = {
    "per10k_axis": "{top} / 万字", "title": "“{term}”的使用", "regions_using": "{n} / {total} 个地区使用",
    "inexact": "（按索引中各报告的词汇计数）",
}
TREND_COLUMNS = ("地区", "首次使用", "使用年份", "次数", "最近每万字")


# --- terms (yoy.terms) ------------------------------------------------------------------------------

# Function words and the boilerplate verbs/adverbs of work reports (hand-written from the genre).
# They carry no topic, so they are left out of similarity bags and never become priorities. (A stop
# list, not an IDF table: which words are generic is a property of the genre, not of any one report.)
# Criterion: a genre word, i.e. document frequency in the embedded corpus ≥ GENRE_DF_SHARE (4 in 5)
# of the reports, or a jieba function-word / closed-class tag. scripts/vocab_provenance.py measures
# each entry and lists the candidates; tests/test_vocab_provenance.py checks every entry (the ones
# kept although they fail are the script's commented STOPWORD_EXCEPTIONS).
STOPWORDS_TEXT = """
我们 你们 他们 全区 全市 全省 全县 全国 各位 代表 今年 去年 明年 以上 左右 以内 其中 同比 比上年 累计
进一步 加快 推动 推进 坚持 加强 实施 建设 发展 工作 提升 完善 深化 强化 着力 积极 全面 持续 不断 更加
努力 一批 重点 突出 加大 扎实 大力 深入 有效 切实 不断 力争 确保 实现 完成 开展 打造 构建 培育 提高
促进 做好 抓好 支持 鼓励 落实 聚焦 围绕 健全 优化 做强 做优 做大 主要 以及 通过 进行 成为 作为
没有 已经 正在 一个 一些 这些 那些 这个 各类 各项 各级 相关 有关 方面 领域 水平 能力 体系 机制 工作
全年 年度 目标 任务 成效 成果 新的 更大 更好 更高 一流 重要 一年 五年 两年 三年 同时 继续 还要 要求
"""
# Chinese numeral digits as headings and enumerations write them (一、, (十二), 第三); TEN is 十.
# Script data rather than vocabulary, kept here all the same so that the scan of tests/test_vocab.py
# needs no exemption: yoy.text (chinese_number, chinese_numeral) and the heading patterns read it.
NUMERALS = "零一二三四五六七八九十"
TEN = NUMERALS[10]
# Characters of a number written in Chinese (digits and magnitudes): a term holding one is a figure.
NUMBER_CHARS = "〇零一二三四五六七八九十百千万亿"


# --- outline (yoy.outline) -------------------------------------------------------------------------
# Hand-written from the headings and openings of the genre.

# How a report addresses the deputies: a body opener, never part of a heading.
ADDRESS = "各位代表"
# Body openers that no heading contains: the address, a year opening a sentence (a regex).
BODY_OPENER = ADDRESS + r"|(?:19|20)\d\d年(?:[,是]|以来)"
# Enumerations in body text (一是, 二要, 第三,); `{numerals}` is the numeral class (a regex template).
ENUMERATION = r"(?:第)?([{numerals}]{{1,3}})(?:是|要|[,、])"
# A subject's modal in a digest's shared opening (`某区将在…`): the title starts after it.
SUBJECT_MODALS = ("将", "要")
# Marks of a statement, never of a lead phrase that names a task (yoy.outline `statement`): a subject
# pronoun opening it (这, 这是, 这次…; 我们). Hand-written from the grammar of the genre;
# scripts/measure_thresholds.py (ITEM_STATEMENT) counts it over the corpus's numbered headings (none
# opens with one) and its lead phrases.
STATEMENT_PRONOUNS = ("这", "我们")
# Names inside a phrase (quoted terms, document titles): a figure there is part of a name (`“2+3”体系`).
NAME_MARKS = {"“": "”", "《": "》", "「": "」", "『": "』", '"': '"'}
# Words of a heading that plans the coming year, and of one that reviews the past.
# Criterion: written in a part or section heading of ≥ HEADING_MIN_REPORTS (2) embedded reports;
# scripts/vocab_provenance.py also shows where those headings stand (a review opens a report), and
# tests/test_vocab_provenance.py checks every entry (exceptions, with their reasons: PLAN_EXCEPTIONS,
# REVIEW_EXCEPTIONS of the script).
PLAN_WORDS = ("工作安排", "目标任务", "重点工作", "工作重点", "工作的重点", "主要目标", "总体要求",
              "今后五年")
REVIEW = "回顾"
REVIEW_WORDS = (REVIEW, "一年来", "五年来", "过去")
# A year in a heading (2024年…): the part plans when it speaks of work (WORK) and is no review.
YEAR_IN_TITLE = r"(?:19|20)\d\d年"
WORK = "工作"


# --- figures (yoy.figures): the value grammar ------------------------------------------------------
# Hand-written from the targets and results passages of the genre; the calibrated lengths and the
# tests are in yoy/figures.py and tests/test_figures.py. Regex sources: yoy.figures compiles them,
# filling `{value}` (a whole value), `{gap}` (wording between a name and its verb) and `{num}`.

# Units of a value, longest first (万亿元 before 亿元 before 元); no counts (家, 个, 项): no indicator
# of the table is counted so.
POINTS = "个百分点"  # percentage points: the unit of a change of a rate
TIMES = "倍"
UNITS = (POINTS + r"|万亿美元|亿美元|万美元|美元|万亿元|亿元|万元|元|万亿斤|亿斤|万斤|斤|亿吨|万吨|吨|公斤|"
         r"万人次|万人|人次|人|万亩|亩|万公顷|公顷|万平方公里|平方公里|万平方米|平方米|万公里|公里|万千瓦|"
         r"千瓦|" + TIMES + "|%")
# Qualifiers before and after a number, a "more than" after it, and the marks of a range.
PRE_QUALIFIERS = r"不低于|不少于|不高于|不超过|不到|低于|高于|超过|突破|约|近|逾|超"
POST_QUALIFIERS = r"左右|以上|以内|以下|上下|之间"
# Qualifiers that set the same bound in other words: by the drafting convention of Chinese statutes
# (刑法第九十九条: 以上、以下、以内 include the number itself), X以上 = 不低于X = 不少于X and X以内 = X以下 =
# 不超过X = 不高于X; X左右 = X上下 = 约X (about). A target that only swaps one for another of its group is
# unchanged (review7: 5.5%以内 → 不超过5.5% led a brief as a qualifier change). The strict bounds
# (低于, 超过, 高于…) exclude the number and stay apart.
SAME_BOUNDS = (("以上", "不低于", "不少于"), ("以内", "以下", "不超过", "不高于"), ("左右", "上下", "约"))
MORE_THAN = r"多|余"
RANGE_MARKS = r"-|~|—|–|至|到"
# A measuring verb right before the value (longest first).
MEASURING_VERBS = (r"同比增长|比上年增长|比去年增长|比上年下降|比去年下降|实际增长|名义增长|预期增长|"
                   r"预计增长|增长|增速|增幅|提高|上涨|涨幅|下降|降低|减少|增加|达到|达|实现|完成|控制在|"
                   r"保持在|稳定在|拟按|按|拟安排|安排|拟发行|发行|拟定为|目标为|均为|分别为|为|是|在")
# Verbs that hold a value at a level: the verb is the value's qualifier when it has none.
HOLD_VERBS = ("控制在", "保持在", "稳定在")
# A base year the change is measured from (比2020年降低13.5%: a five-year plan figure).
BASE_YEAR = r"比(?:19|20)\d\d年(?:末|底)?"
# A change from earlier years to the past one (invented: 由上年上升0.6%转为下降0.9% → 下降0.9%).
TURNED = r"^由[^;。]*?转为(?P<verb>下降|降低|增长|上涨|上升)(?P<value>{value})"
# A value that ends a change (从2.1%提高到2.3% → 2.3%).
CHANGE_TO = (r"^(?:提高|增加|上升|上调|下降|降低|减少|扩大|调整|降|升|增|减)?(?:到|至)"
             r"(?:{gap}的)?(?P<value>{value})")
# A level or a growth right after a value (invented: 总量突破88万亿元; ,比上年增长7%).
FOLLOW_LEVEL = r"^[,、](?:总量|总额|规模)?(?:达到|达|为|(?=突破|超过))(?P<value>{value})"
FOLLOW_GROWTH = r"^[,、](?:比上年|比去年|同比)?(?:实际)?增长(?P<value>{value})"
# Respective values (分别实际增长7.7%和6.8%: the two indicators before it, in order).
RESPECTIVE = (r"(?:分别)?(?:比上年|比去年|同比)?(?:实际)?(?P<verb>增长|下降|提高)"
              r"(?P<v1>{num}%)和(?P<v2>{num}%)")
# Words of one value two indicators share (均为, 分别为).
SHARED_VALUE = r"均|分别"
# The review naming a target set earlier, before the indicator or after its value.
RESTATED_BEFORE = r"(?:年初|原定|确定的|提出的|预期的)[^,;。]*$"
RESTATED_AFTER = r"^[^,;。]*?的[^,;。]{0,8}目标"
# A sum named as what is issued, its amount in a later phrase of the clause that issues an instalment
# (invented: 今年起分两批发行特别国债,用于补充银行资本,首批发行2500亿元). The later phrase may name the
# year (今年, 本年, 当年) and say which instalment it is. Its words are the general ones for ordering the
# parts of a sum spread over time, not the words of one sentence: 拟 (planned) and 再 (again) before
# 发行/安排 and an amount are forms of the embedded national reports (拟: 9 clauses in 8 reports, 再: 2
# in 2; `grep -oP "(?:先|首批|再|拟)(?:发行|安排)[0-9.０-９]" yoy/corpus/*/*.md`), 先 (first) and 首批
# (first batch) are their counterparts for the first part (none in the embedded corpus, which has no
# sum issued in parts; tests/data/target_phrasing.json and tests/test_targets_later_pair.py hold one
# invented case of each).
ISSUED = r"(?:发行|安排|增发)$"
LATER_AMOUNT = r",(?:今年|本年|当年)?(?:先|拟|首批|再)*(?:发行|安排)(?P<value>{value})"
# The indicator as the object of 将/把: the figure that follows is set as something else.
OBJECT_OF = r"(?:将|把)$"
# A change verb right before a sum or rate: what follows is the change.
CHANGE_BEFORE = r"(?:削减|减少|增加|压减|扩大|降低|提高|调减|调增)$"
BEFORE_AMOUNT = r"(?:发行|安排|增发|新增)(?P<value>{value})的?$"
# Gap words that mean the figure is not the indicator's own (a share, a part, a per-head figure).
# Criterion: a word of figures, i.e. a clause holding it holds a figure ≥ GAP_FIGURE_LIFT (2) times as
# often as a clause of the embedded corpus; scripts/vocab_provenance.py measures each alternative and
# tests/test_vocab_provenance.py checks it (exceptions, with their reasons: GAP_EXCEPTIONS).
GAP_REJECT = r"占|比重|其中|人均|以来|相当于|带动|用于|资金|企业|项目|能源|能耗|消耗|用水|排放"
# Gap or verb words of a change against last year: a delta, not the target.
DELTA = r"比(?:上年|去年|(?:19|20)\d\d年)"
GROWTH_WORDS = r"增长|增速|增幅|提高|上涨|涨幅|下降|降低|减少"
DECLINE_WORDS = r"下降|降低|减少"
# A target stated as a relation to another figure, or as the quota a higher level sets (下达).
COMPARISON = r"同步|匹配|相适应|相协调|高于|低于"  # … of two figures: of their growth
# A relation with no other side of its own (同步, 基本同步, 保持同步, 相匹配): the adverbs and verbs that
# stand right before a relation word in the embedded corpus (`grep -ohP "[^,;。、]{0,14}(?:同步|匹配|相适应|
# 相协调)" yoy/corpus/*/*.md`: 保持, 基本, 大体, 相, and 要 before 与/同) — a closed class of the genre.
RELATION_ADVERBS = r"要|保持|基本|大体|相"
BARE_RELATION = r"^(?:" + RELATION_ADVERBS + r")*(?:" + COMPARISON + r")$"
TARGET_RELATION = COMPARISON + r"|下达"
# The other side of a relation joined before a name: 与, 同, 和 or a comparison that takes an object (高于,
# 低于) at the end of the words before it, perhaps with the word that says how the other side's growth
# is measured (同名义X增速相匹配, 与实际X增长同步): 名义 and 实际 are the two ways a growth is stated.
RELATED_TO = r"(?:[与同和]|高于|低于)(?:名义|实际)?$"
# The one joiner that also relates two names (A和B增长同步, B's own words the bare relation: the two
# sides of it, as with 与), where A和B增速同C相匹配 (B's words name the other side) makes A和B one subject.
RELATION_AND = "和"
# … and the prepositions that relate two names wherever they stand between them (与全省X增长同步).
RELATION_PREPOSITIONS = r"[与同]"
# Words of a words-only target that say nothing of its level: the three interchangeable prepositions
# of a relation (与/同/和 X 同步 read the same) and the verbs that introduce it (保持, 要: 和X保持同步 is
# 与X同步). Two such targets differing only in them are one target (unchanged), not a new wording.
RELATION_FILLER = r"[与同和]|保持|要"
# The measure a words-only target starts with: the name says it.
MEASURE_LEAD = r"^(?:实际)?(?P<m>增长|增速|降低|下降)"
# A rate that is itself a change (涨幅): a fall is shown as such, with a negative number.
SIGNED_RATE = "涨幅"
# Between two names that share the next one's words (与 is no joiner: it relates the two).
JOINER = r"^(?:和|及|、)$"
# Words-only targets do not start with a particle, nor with a verb (a clause of prose).
QUAL_BAD_START = r"^[的和与及等同]"
QUAL_BAD_VERB = r"(?:增长|下降|降低|达到|实现|完成|控制|保持)"
# An indicator followed by 的/等 is one of several (能耗等X指标, invented).
ONE_OF_SEVERAL = r"[的等]"
# The measures an indicator's name ends with, as the figures name them: growth, fall, cut, amount of
# growth. `base_of` strips them.
GROWTH, FALL, CUT, INCREASE = "增长", "下降", "降低", "增加"
MEASURE_SUFFIXES = (GROWTH, FALL, CUT, INCREASE)
# Magnitude of a unit against its base (亿元 = 1, 万亿元 = 10000): a sum in 亿元 compares with one in 万亿元.
SCALE = {"万亿元": ("亿元", 1e4), "亿元": ("亿元", 1.0), "万元": ("亿元", 1e-4), "元": ("亿元", 1e-8),
         "万亿美元": ("亿美元", 1e4), "亿美元": ("亿美元", 1.0), "万人": ("人", 1e4), "人": ("人", 1.0),
         "万亿斤": ("亿斤", 1e4), "亿斤": ("亿斤", 1.0), "万吨": ("吨", 1e4), "亿吨": ("吨", 1e8),
         "吨": ("吨", 1.0)}
# Indicator `yoy targets` shows when none is asked for: GDP growth, the headline target (a name of
# yoy/data/indicators.tsv).
DEFAULT_SERIES = "国内生产总值增长"

# --- figures: time ---------------------------------------------------------------------------------

# Words of a clause speaking of several years (年均, 五年, 累计, “十二五”, 到2025年).
MULTI_YEAR = (r"年均|五年|累计|[两三四五六七八九十几]年来|近几年|这几年|历年|"
              r"十[一二三四五六七八九]?五|[八九]五(?:时期|期间|计划)|今后[一二三四五]年|期间|"
              r"到20\d\d年|至20\d\d年|20\d\d年(?:前|底前)")
# Titles of parts whose figures span several years (the past five years, the government's term, a
# five-year plan period).
MULTI_YEAR_TITLE = r"五年|本届|十[一二三四五六七八九]?五|[八九]五"
YEAR = r"(?<!\d)((?:19|20)\d\d)年"
THIS_YEAR_START = r"^(?:同时,|此外,|另外,)?(?:今年|本年)"
PAST_START = r"^(?:去年|上年|过去一年|一年来|前一年)"
FUTURE_CUE = r"拟|预期|预计|目标|力争|计划|安排"
# A sentence announcing this year's work: where the plan zone starts at the latest.
PLAN_CUE = (r"(?:经济社会发展|国民经济和社会发展|政府工作|工作|发展)?的?"
            r"(?:总体要求|主要任务|总体部署|主要预期目标|预期目标|主要目标|工作的?建议|"
            r"主要工作安排|工作安排)")
THIS_YEAR_PLAN = r"(?:今年|本年|{year}年)" + PLAN_CUE  # `{year}`: the report's year
# A paragraph that opens the coming year (2031年是…之年 / 今年是…的一年).
YEAR_OPENING = r"^(?:今年|{year}年)是"
# Cue of the expected-targets passage: its clauses rank first for an indicator's headline target.
TARGET_CUE = r"主要预期目标|预期目标|主要目标|目标是|目标为"


# --- ingest (yoy.ingest): what a work report's page says -----------------------------------------
# Hand-written from the saved pages of the corpus (government sites, news sites, forums, Wikisource)
# and the genre's openings and closings. Regex sources, matched on folded text; yoy.ingest.patterns
# compiles them, filling `{numerals}` (the numeral digits, `NUMERALS`) and `{leader}` (`LEADER_TITLE`).

# Titles of the head of a government who delivers the report (区长 of a district, 县长 of a county,
# 旗长 of a banner … 总理 for the State Council, 主席 of an autonomous region): spelled once here for
# the speaker line and the third-person "delivered by" sentence. A regex alternation.
LEADER_TITLES = ("区长", "市长", "县长", "省长", "州长", "旗长", "总理", "主席")
LEADER_TITLE = "(?:" + "|".join(LEADER_TITLES) + ")"
# The words of a closing exhortation near the report's last `!` (the address is one of them).
CLOSING_WORDS = ("让我们", ADDRESS, "奋斗!")
# The name of the genre a page's title carries, and the title yoy gives a report whose page has none.
REPORT_TITLE = "工作报告"
DEFAULT_TITLE = "{region}{year}年政府工作报告"
# The pages of one article a site split over several, read together (`yoy ingest --pages`): the
# stored report's source, and the hint an error gives when a page holds the page links.
PAGES_SOURCE = "{first}（共{n}页）"
PAGES_HINT = ("; it looks like one page of a report split over several: give all its pages, in order, "
              "with --pages")

# Report structure.
OPEN_ADDRESS = ADDRESS + r"\s*[:：]"
DELIVERS = r"向大会报告(?:政府)?工作|代表.{0,12}(?:政府|国务院),?(?:向大会)?作.{0,8}报告"
# (the State Council delivers the national report: 代表国务院向大会作…报告)
THIRD_PERSON = ("{leader}" + r"[\u4e00-\u9fff·]{{2,4}}代表.{{0,12}}?(?:政府|国务院)"
                r"[^。]{{0,6}}?向大会作.{{0,10}}?报告")
APPENDIX_LINE = r"^(?:附件|附录)(?:\s*\d+)?\s*[:：]?\s*|^名\s*词\s*解\s*释"
HEADER_LINE = r"人民代表大会|会议上|人民政府.{0,6}长|^[—―-]{1,2}\s*\d{4}年"
# Metadata: the delivery date, the session of the congress, the speaker, the year of a title or plan.
DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
DATELINE = DATE + r"\s*在"
# The unit words of a date or a period (2031年, 3月, 5日): after a figure they belong to it.
DATE_UNITS = "年月日"
SESSION = (r"第[〇零一二三四五六七八九十百]+届(?:全国)?人民代表大会(?:常务委员会)?"
           r"第[〇零一二三四五六七八九十百]+次(?:全体)?会议")
SPEAKER = "{leader}" + r"[\s]*([\u4e00-\u9fff·]{{2,4}}?)(?=\s*(?:$|" + ADDRESS + r"|代表|\n))"
TITLE_YEAR = (r"(\d{4})年[^\d]{0,24}?" + REPORT_TITLE, REPORT_TITLE + r"\s*[(（]\s*(\d{4})\s*年?\s*[)）]")
# (the year may name the area first, 2031年全县…的主要预期目标: a digest's retelling of the plan)
PLAN_YEAR = (r"(\d{4})年(?:全[国省市县区州盟旗]|我[省市县区州盟旗])?"
             r"(?:政府工作的?总体要求|工作总体要求|工作的总体要求|主要工作安排|重点工作安排|工作安排"
             r"|(?:经济社会)?(?:发展)?的?主要预期目标|主要目标任务)")
# Line repair: 一是, 二要, 第三 open a clause; the address is a paragraph of its own; a title or a
# dateline ends a header line; a dateline (or a —— list item) or the address starts one.
ENUMERATOR_LINE = r"^(?:[{numerals}][是要]|第[{numerals}])$"
SALUTATION = "^" + ADDRESS + r"\s*[:!]$"
HEADER_ENDS = REPORT_TITLE + r"(?:\s*\(\d{4}年?\))?$|会议上$"
HEADER_STARTS = r"^(?:[—―]{1,3}|" + ADDRESS + ")"

# Site chrome (yoy.ingest.chrome): the page furniture a short line may be, by rule name. Anchored or
# specific enough not to hit report prose; the rule table (which rules end an article) is in chrome.
# Provenance: the furniture of the seed pages (fixtures/raw: the web pages the local reports were read
# from) and generic site furniture. Criterion: a rule matches no line of any embedded report and
# matches a seed-page line, or is generic furniture of another kind of page (the script's
# CHROME_GENERIC, with its kind); scripts/vocab_provenance.py counts both, tests/test_vocab_provenance.py
# checks every rule.
CHROME = {
    "navigation": r"^(?:[•·*>-]\s*)?(?:wap手机版|手机版|设为首页|收藏本站|网站首页|返回首页)",
    "breadcrumb": r"^(?:当前(?:所在)?位置|(?:您|你)(?:当前|现在)?(?:所在)?的?位置)|^首页\s*(?:>|›|»|→|/)",
    "timestamp": r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
    "teaser": r"^(?:内容摘要|内容提要|摘要)\s*[:：]",
    "article info": r"^(?:发布日期|发布时间|发文日期|信息来源|文章来源)\s*[:：]"
                    r"|^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:来源|作者|编辑|发布)"
                    r"|(?:浏览次数|访问次数|阅读次数|点击数|浏览量)\s*[:：]?\s*\d+\s*(?:次)?$",
    # a page of a report split over several (上一页 1 2 3 下一页, 共3页: … 尾页): below its part of the text
    "pagination": r"^(?:共\s*\d{1,3}\s*页\s*[:：]?\s*)?(?:首页\s*)?(?:上一页\s*)?(?:\d{1,3}\s*)*"
                  r"(?:下一页|尾页)(?:\s*尾页)?\s*$"
                  r"|^(?:共\s*\d{1,3}\s*页\s*[:：]?\s*)?(?:首页\s*)?上一页(?:\s*\d{1,3})*\s*(?:尾页)?$",
    "font size": r"^(?:字号|字体)\s*[:：]?\s*[【\[(（]?\s*[大中小]",
    "page number": r"^[—–―\-－]{1,2}\s*\d{1,3}\s*[—–―\-－]{1,2}$"
                   r"|^第\s*\d{1,3}\s*页\s*(?:[/,，]?\s*共\s*\d{1,3}\s*页)?$",
    "forum stats": r"^查看\s*[:：]\s*\d+\s*\|\s*回复\s*[:：]\s*\d+$",
    "forum links": r"^\[?(?:复制链接|只看该作者|电梯直达|打印|上一主题|下一主题)\]?$",
    "forum user panel": r"^(?:[•·]\s*)?(?:ta的每日心情|签到天数|\[lv\.\d+\]|rank\s*:|在线时间\s*[:：]?$)",
    "forum user stats": r"^(?:主题|帖子|积分|版主|精华|好友|金钱|威望|贡献|听众|收听)$",
    "forum counter": r"^\d+(?:\.\d+)?[万千]?$|^\d+\s*(?:秒|分钟|小时|天)前$",
    "forum post header": r"^发表于\s*\d{4}-\d{1,2}-\d{1,2}|显示全部楼层|阅读模式$",
    "login prompt": r"您需要登录后才可以|^登录\s*\|\s*(?:立即)?注册|立即注册$",
    "reply box": r"^本版积分规则$|快速回复|返回顶部|返回列表",
    "service desk": r"^客服中心$|^联系电话\s*[:：]?$|^在线咨询$|^周一\s*[~～至-]\s*周[五六日]$",
    "disclaimer": r"^(?:免责申明|免责声明|版权声明|特别声明)|^本站为非营利性网站",
    "icp": r"icp[备证]\s*\d+|公网安备\s*\d+|网站标识码\s*[:：]?\s*[0-9a-z]+",
    "tags": r"^(?:标签|tags?|关键词|关键字)\s*[:：]",
    "related": r"^相关(?:评论|阅读|文章|推荐|新闻|链接)$",
    "site owner": r"^(?:主办单位|承办单位|运行维护单位|版权所有|copyright\b|©)|^(?:主办|承办)\s*[:：]",
    "powered by": r"^powered by\b",
    "contribute": r"有想补充的信息|点我投稿",
    "site links": r"^(?:[•·-]\s*)?(?:联系我们|关于我们|企业入驻|网站地图|意见反馈|广告服务|友情链接)$",
    "byline": r"^[(（][^()（）]{0,16}(?:记者|通讯员|编辑|供稿)[^()（）]{0,24}[)）]$",
    "editor": r"^(?:责任编辑|编辑|来源|作者|审核|校对|监制|排版|统筹)\s*[:：丨|｜][^。]{0,30}$",
    "share": r"^(?:分享到|打印本页|关闭窗口|【打印|【关闭)",
    # a public account's article (the channel most local reports are read in): the follow prompt
    # above it, the buttons and the end mark below it
    "follow prompt": r"^(?:点击|点)?(?:上方|上面)?\S{0,4}蓝字\S{0,4}关注"
                     r"|^(?:长按|扫描|扫码)(?:识别)?(?:二维码|关注)",
    "account footer": r"^(?:往期推荐|往期回顾|推荐阅读|精彩推荐|阅读原文|在看|点赞|赞赏|收藏)$"
                      r"|^[-—\s]*end[-—\s]*$",
    # Wikisource's licence box and what its page template leaves after it.
    "licence": r"^本作品.{0,80}(?:公有领域|著作权|许可协议|授权)|^public domain$|^注\s*:\s*中文维基文库"
               r"|^(?:true|false)$",
}

# Why a page is skipped (`Skipped.reason`, shown by `yoy ingest`): English, naming the Chinese words
# looked for.
NOT_A_REPORT = {
    "titled": ("mentions 工作报告 but is neither the speech (no 各位代表 address) nor a digest of it "
               "(no '…代表…政府向大会作工作报告')"),
    "address": "not a work report: 各位代表 appears, but no 报告工作 address, closing or part numbering",
    "none": "not a work report: no 政府工作报告 title, no 各位代表 address, no 向大会报告工作",
}


# --- administrative divisions (yoy.regions) --------------------------------------------------------
# Hand-written from the naming of GB/T 2260 divisions (the table itself is mined: yoy/data/divisions.tsv,
# `scripts/build_regions.py`). The one spelling of the suffixes of a division's name:
# (suffix, the level code of `models.Level` a name so ending implies, whether a report's title may name
# an unlisted division with it). A suffix that ends another comes after it (自治区 before 区): the
# level of a name is the first suffix it ends with. The …区 of special areas (新区, 林区, 矿区, 特区)
# read as districts, as 区 does.
DIVISION_SUFFIXES = (
    ("自治区", "province", True), ("自治州", "city", True), ("特别行政区", "province", False),
    ("新区", "district", False), ("林区", "district", False), ("矿区", "district", False),
    ("特区", "district", False), ("地区", "city", False), ("省", "province", True), ("市", "city", True),
    ("区", "district", True), ("县", "county", True), ("旗", "county", True), ("盟", "city", False),
)
# The word autonomous divisions' suffixes start with, and the short-name pattern of such a name (the
# nationalities before 自治 go with the suffix: 延边朝鲜族自治州 → 延边). `{suffixes}`: the others.
AUTONOMOUS = "自治"
SHORT_NAME = (r"^(.{{2,}}?)(维吾尔自治区|(?:[\u4e00-\u9fff]{{1,6}}?族)*" + AUTONOMOUS + r"(?:区|州|县|旗)"
              r"|{suffixes})$")
# How a government speaks of itself (全市, 市委, 市政府), by the suffix of its name; ties go to the
# first suffix.
SELF_SUFFIXES = ("市", "区", "县", "省")
SELF_WORDS = ("全{suffix}", "{suffix}委", "{suffix}政府")
# Words that mark the national government's report, and a title naming its region before the genre.
NATIONAL_MARKS = r"全国人民代表大会|国务院"
ADHOC_TITLE = r"([\u4e00-\u9fff]{{2,12}}?(?:{suffixes}))(?:人民)?政府工作报告"
# A name of two divisions (青岛市即墨区): parent and child, by one-character suffixes.
NESTED_NAME = r"^([\u4e00-\u9fff]{{2,8}}?(?:{parents}))([\u4e00-\u9fff]{{2,}}(?:{children}))$"
YEAR_MARK = "年"
# What yoy says when a typed name may mean several divisions (English; the example is Chinese).
AMBIGUOUS_HINT = "type its Chinese name, with its city or province if need be (e.g. 北京市朝阳区)"


# --- the command line (yoy.cli): examples in its English help, and its Chinese tables ---------------
# Hand-written: the examples name regions and indicators of the embedded corpus.
CLI = {
    "compare_usage": ("give REGION OLD_YEAR NEW_YEAR (yoy compare 城阳 2022 2025) "
                      "or OLD_REGION OLD_YEAR NEW_REGION NEW_YEAR (yoy compare 即墨 2019 崂山 2019)"),
    "pair_spec": "'{spec}' is not REGION:OLD_YEAR:NEW_YEAR (e.g. 城阳:2022:2025)",
    "trend_usage": "give a term to look for, e.g. yoy trend 科技创新",
    "indicator_help": ("An indicator to show (国内生产总值增长, 城镇新增就业, 赤字率 …); repeat for more. "
                       "Default: GDP growth."),
}
# `yoy targets`: the Markdown table's head, and the words of the terminal table.
TARGETS_MD_HEAD = "# {name} 历年目标\n\n| 年份 | 指标 | 目标 | 实际 |\n|---|---|---:|---:|"
TARGET_WORD, RESULT_WORD = "目标", "实际"


# --- formulations (yoy.formulations): the genre's closed word lists ------------------------------
# Hand-written from the genre (its grammar words and its leading verbs), not mined and not from any
# list of expected terms; yoy.formulations splits the space-separated runs into its sets.

# The attributive particle (`modifier + 的 + head`), and the structural particles, never the frame of
# a set phrase.
ATTRIBUTIVE = "的"
PARTICLES = "的地得之"
# Function words: grammar, never inside a formulation (的 only inside `modifier + 的 + head`): the
# genre's particles, prepositions, conjunctions and pronouns, one run of words per line.
FUNCTION_WORDS = """
的 地 得 之 和 与 及 以及 并 并且 同 跟 或 或者 而 而且 等 等等 在 对 对于 于
关于 把 将 为 为了 是 了 着 过 要 从 向 由 使 让 给 被 所 其 也 都 又 还 就 更
很 最 这 那 此 该 各 每 我 我们 你 他 她 它 他们 其中 之一 以 用 按 通过 根据
按照 围绕 依靠 同时 以及 不 没有 上 下 中 里 内 外 后 前 以来 以上 以下 以后 方面
问题
"""
# Words a formulation does not start with: the policy verbs, modals and adverbs that introduce one
# (加快|建设现代化产业体系, 实施|乡村振兴战略). The genre's leading verbs.
# Criterion: a verb or adverb (jieba POS) that opens a noun phrase, directly or past further verbs and
# adverbs, in ≥ LEAD_NP_SHARE (half) of its corpus occurrences. scripts/vocab_provenance.py measures
# each entry and lists the candidates; tests/test_vocab_provenance.py checks the POS of every entry
# (exceptions, each with its reason: the script's LEAD_EXCEPTIONS). The last two lines, added in round
# 18 from probes of sentences of later years: the budget's modal and verbs (拟安排X, 拟发行X: NP 0.92,
# 0.79, 0.92; a bond's name came out as 拟发行X), and four verbs of building (构建|X格局, 打造|X高地,
# 强化|X支撑, 营造|X环境: NP 0.79, 0.83, 0.85, 0.85). Not 培育 (NP 0.81): it is part of names the
# press lists (培育|X: a gold term of the national pairs was lost when it led, as a verb and object
# that the dictionary does not list as one word).
LEAD_WORDS = """
实施 推进 加快 坚持 加强 推动 落实 促进 实行 执行 继续 进一步 大力 着力 深化 深入 切实
努力 认真 抓好 做好 搞好 完善 健全 实现 提高 提升 扩大 保持 加大 支持 鼓励 开展 建立
形成 解决 发挥 把握 坚决 不断 必须 应当 需要 能够 可以 已经 正在 开始 积极 稳步 加紧
抓紧 注重 重视 强调 提出 确保 力争 争取 基本 全力 更加 逐步 继续 着重 加以 予以 进行
做到 采取 采用 运用 利用 依法 认真 全面贯彻 贯彻 贯彻落实 认真贯彻 今年 去年 明年
拟 安排 发行
构建 打造 强化 营造
"""
# Joiners a formulation may hold between its two parts (清理|和|规范X): the coordinating conjunctions
# of FUNCTION_WORDS.
JOINERS = "和 与 及 以及 等"
# Nouns that head a policy formulation (实施|…战略, 推进|…改革): the kinds of thing a government
# programme announces.
# Criterion: a noun (jieba POS) that ends phrases with ≥ HEAD_MIN_MODIFIERS (10) distinct modifiers
# across the embedded corpus (a productive head). scripts/vocab_provenance.py measures each entry and
# lists the candidates; tests/test_vocab_provenance.py checks the POS of every entry (exceptions,
# each with its reason: the script's HEAD_EXCEPTIONS).
POLICY_HEADS = """
政策 战略 体制 机制 制度 体系 工程 行动 计划 规划 改革 建设 发展 道路 方针 模式 方式 格局 社会
文明 经济 产业 思想 理念 工作 试点 示范区 战略性 一体化 现代化 保障 攻坚战 攻坚 理论
"""
# The genre's formulas of thanks and salute (向X，表示衷心的感谢 / 致以崇高的敬意): every report has a
# sentence or two of them, naming addressees, not policies. Closed: the verbs 表示, 致以 and the four
# objects of the formula, with a short modifier between (衷心的, 崇高的, 诚挚的).
THANKS = r"(?:表示|致以)[^。！？!?；;，,]{0,6}(?:感谢|谢意|敬意|问候)"
# The comparative degree adverbs (更加, 更为, 更): before a stance modifier they raise the stance by a
# degree (更加审慎的X政策 is a stronger stance than 审慎的X政策), so they belong to the modifier. The
# closed class of Chinese comparative degree adverbs (a grammar's list, not the corpus's).
DEGREE_ADVERBS = "更加 更为 更"
# The modal of a policy's predicate form (X的H要Y: the policy H is to be Y, a stance stated as the
# policy's own predicate): one word of the grammar (`formulations.stances`).
PREDICATE_MODAL = "要"
# The verb of keeping that may state such a predicate without the modal (X的H保持Y, as X的H要保持Y):
# the leading verb of a stance predicate the genre writes bare (`formulations._predicate_at`).
PREDICATE_VERB = "保持"
# Words that never belong to a stance modifier: 的 itself and the conjunctions that join two phrases.
MODIFIER_STOP = """
的 和 与 及 并 或 等 是 了 在 对 把 将 为 要 就 也 都 更
"""
# Regex sources. Count words a numbered name starts with (two up: 一 forms ordinary words, 一批), and
# a numeral with the classifiers of enumerated tasks (两个…, 三项…, 五大…, 八条…).
NUMBERED = r"^[二两三四五六七八九十]+[\u4e00-\u9fff]"
COUNTED = r"^[二两三四五六七八九十]+[个项大条]$"
# Enumerators (一是, 第三) and numeral-led words (万套 after a figure); `{numerals}`: the digits 一…十.
ENUMERATOR_WORD = r"^(第[{numerals}]+[\u4e00-\u9fff]?|[{numerals}]+[是要]|[万亿][\u4e00-\u9fff]?)$"


# --- classify (yoy.classify): its word lists, and the reasons of the ranking -----------------------
# Hand-written from the genre; the reasons are the words the briefs show under each change.

# Framing words: the prepositions with which a report sets up a guiding phrase (以…为, 按照…的要求,
# 围绕…, 把…作为), and the words ending in 以 or 把 that are not that preposition (可以, 加以…).
FRAME_WORDS = ("以", "按照", "围绕", "把")
# Words pointing forward in the text (…提出以下建议, …抓好如下几个方面): a clause holding one announces the
# list that follows — the genre's framing of a part — and names no formulation of its own. From the
# grammar of the genre's part openings, not from any report.
POINTING = ("以下", "如下")
NOT_FRAME = ("可以", "所以", "加以", "予以", "得以", "难以", "足以", "用以", "借以", "据以", "一把")
# Attribution: the genre introduces a formulation by citing the body or document that proposed it
# (X全会提出的Y, 党的X大会明确了Y的目标): a meeting or document word as the subject of a verb of
# proposing, the phrase its object. Closed lists written from the genre (the bodies and documents a
# government work report cites — congresses and plenums, the central leadership's meetings, their
# decisions, proposals and outlines — and the verbs with which it says they set something out), not
# from any list of expected terms; each entry is said in that construction in two or more embedded
# national reports, where a sentence holding it holds the construction's other half three times as
# often as any sentence (scripts/vocab_provenance.py measures it and lists what the criterion would
# add; 会议, 确立 and 强调 were dropped by it).
ATTRIBUTING_BODIES = ("全会", "大会", "中央", "决定", "建议", "纲要")
PROPOSING_VERBS = ("提出", "确定", "作出", "部署", "明确")
# Prepositions and the verb of asking that make a following body the addressee, not the subject
# (向X大会报告, 对X决定…, 请X委员提出…): closed-class words of the grammar, not a mined list.
ADDRESSEE_MARKS = ("向", "对", "请")
# The copula of the 以…为 frame (以A为B: A as B), a preposition of FUNCTION_WORDS
# (`formulations._fused_copula`).
FRAME_COPULA = "为"
# The suffixes a region's own name is said without (某某区 → 某某), a regex.
REGION_SUFFIX = r"(区|市|县|省|州|旗|自治区)$"
# What a new or dropped phrase's reason says.
EVERYDAY = "常用词：日常用语"
FEW_HISTORY = "（本地区可比报告少）"
LEXICON_SUCCESSION = "表述变化：词表所列接替"
NEW_SIDE, OLD_SIDE = "新", "旧"


def years_span(ys: Sequence[int]) -> str:
    """Years a phrase was said: one year (2020年) or a span (2018–2020)."""
    return f"{ys[0]}年" if len(ys) == 1 else f"{ys[0]}–{ys[-1]}"


def common_reason(k: int, m: int) -> str:
    """A phrase `k` of the `m` other reports say."""
    return f"常用词：其他 {m} 份报告中 {k} 份提及"


# How many peer regions a reason names before it counts the rest (`peers_said`).
PEERS_NAMED = 3


def _peer_regions(regions: Sequence[str]) -> str:
    """The peer regions a reason names (`PEERS_NAMED`), the rest counted: 甲区、乙区、丙市等 5 个地区."""
    named = "、".join(regions[:PEERS_NAMED])
    return named + (f"等 {len(regions)} 个地区" if len(regions) > PEERS_NAMED else "")


def peers_said(regions: Sequence[str], year: int) -> str:
    """A debut that reports of other regions of the same `year` say too (`regions`, in corpus order)."""
    return f"{year}年{_peer_regions(regions)}报告也提及"


def peers_still(regions: Sequence[str], year: int) -> str:
    """A dropped phrase that reports of other regions of the new report's `year` still say."""
    return f"{year}年{_peer_regions(regions)}报告仍提及"


def national_since(year: int) -> str:
    """A phrase the national report has said since `year`."""
    return f"全国报告{year}年起使用"


def with_mentions(basis: str, n: int) -> str:
    return f"{basis}；提及 {n} 次"


def with_mentions_both(how: str, old: int, new: int) -> str:
    return f"{how}；提及 {old} → {new} 次"


def debut_reason(n_hist: int) -> str:
    """A phrase none of the `n_hist` earlier reports said."""
    return f"首次出现：此前 {n_hist} 份报告{'均' if n_hist > 1 else ''}未提及"


def peer_reason(said_by: str, not_by: str) -> str:
    """Two regions' reports (`said_by`, `not_by`: region and year, 即墨区2019年): a phrase one says and
    the other does not — no history between them, so neither 首次出现 nor 今年未提."""
    return f"{said_by}报告提及，{not_by}报告未提及"


def peer_label(region: str, year: int) -> str:
    """A report of a two-region comparison as a reason names it: 崂山区2019年."""
    return f"{region}{year}年"


def few_history_others(m: int) -> str:
    """Too few earlier reports of the region: `m` reports of others were read too."""
    return f"（本地区可比报告少，另参考其他 {m} 份报告）"


# The two caveats above as a reason carries them (a regex source; group 1: the `m` of
# `few_history_others`, absent for FEW_HISTORY). The record keeps them in each reason; the briefs and
# the terminal cut them out and say `few_history_note` once, under the lead and in the reasons' legend.
FEW_HISTORY_IN_REASON = r"（本地区可比报告少(?:，另参考其他 (\d+) 份报告)?）"


def few_history_note(m: int | None) -> str:
    """The few-history caveat said once for a whole brief: the reasons of new and dropped phrases
    rest on few reports of the region (`m`: how many reports of others were read too, if any)."""
    also = f"，依据另参考其他 {m} 份报告" if m else ""
    return f"本地区可比报告少{also}（各条依据不再逐条注明）"


def return_reason(year: int) -> str:
    return f"{year}年后再次出现"


def flip_new_reason(span: str) -> str:
    return f"{span}曾提及，上年未提"


def said_before(old: str) -> str:
    """How the old report said a new phrase another way."""
    return f"上年说法为“{old}”"


def said_now(new: str) -> str:
    """How the new report says a dropped phrase another way (its modifiers in another order)."""
    return f"今年说法为“{new}”"


def counted_on(other: str, dropped: bool = False) -> str:
    """A phrase that another report says with other numbers (the next session, period or tally): an
    earlier report for a new phrase, the new report for a dropped one."""
    return f"{'今年' if dropped else '此前'}说法为“{other}”，数字顺延"


def gap_reason(span: str, episode: bool, first: int = 0) -> str:
    """A phrase said every year of `span` and not this year (`episode`: and never before it, the
    year `first`)."""
    return f"{span} 每年提及，今年未提" + (f"；{first}年以前未提" if episode else "")


def flip_dropped_reason(span: str, every_year: bool, first: bool) -> str:
    said = span + (" 每年" if every_year else "")
    return f"{said}{'首次' if first else ''}提及，今年未提"


def stance_reason(head: str, old_modifier: str, new_modifier: str) -> str:
    return f"表述变化：{head}由“{old_modifier}”改为“{new_modifier}”"


def slot_reason(n: int) -> str:
    return f"表述变化：对应位置替换 {n} 处"


def continued_basis(up: bool) -> str:
    return f"延续，提及{'增多' if up else '减少'}"


def continued_reason(up: bool, old_per10k: float, new_per10k: float) -> str:
    return f"延续，强度{'上升' if up else '下降'}：每万字 {old_per10k:g} → {new_per10k:g}"


def per10k_summary(term: str, old_per10k: float, new_per10k: float) -> str:
    return f"{term}：每万字 {old_per10k:g} → {new_per10k:g}"


def target_reason(direction: str, delta: float | None = None, unit: str = "") -> str:
    """A target's reason: its direction's label, and by how much when it moved (`unit`: the change's)."""
    if delta is None:
        return f"目标{direction}"
    return f"目标{direction} {delta:g} {unit}".rstrip()


def section_reason(level: str, relation: str, side: str, size: float) -> str:
    """A section's reason: its level and relation labels, and its share of the `side` report."""
    return f"{level}{relation}，占{side}报告 {size:.0%}"


# A dropped phrase whose words the new report still says in one clause (`classify.dropped._said_otherwise`).
WORDS_KEPT = "；其用词今年仍在同一分句出现（措辞调整）"

# Derivational suffixes (类后缀) with which Chinese coins abstract concept words from a word or a phrase:
# -化 (-ization: X化), -性 (-ity, -ic: X性), -型 (-type, -oriented: X型), -式 (-style: X式), -观 (-view,
# outlook: X观). From the grammar of word formation (吕叔湘《汉语语法分析问题》, 1979, on 类后缀), the
# suffixes that derive concepts, not persons (家, 者, 员) or measures (率, 度); not from any list of
# expected terms (`formulations.derived`).
DERIVING_SUFFIXES = "化 性 型 式 观"
# The one of DERIVING_SUFFIXES whose words only modify (X型: a distinguishing word, 区别词, that stands
# before the head it classifies), chosen by the share of its words followed by a nominal word in the
# shipped national reports: `scripts/measure_suffixes.py` prints the shares and the suffixes that pass
# (`formulations.ATTRIBUTIVE_SUFFIXES`). scripts/vocab_provenance.py shows that measure per entry and
# tests/test_vocab_provenance.py checks each entry is one of DERIVING_SUFFIXES.
ATTRIBUTIVE_SUFFIXES = "型"
# Demonstrative pronouns (这 this, 那 that, 此 this): the words that point back at what the text said;
# from the grammar, a closed class (`formulations.DEMONSTRATIVES`).
DEMONSTRATIVES = "这 那 此"
# Directional complements that mark aspect, not direction, after a verb (起来 inchoative: 结合起来,
# 下去 continuative: 坚持下去): from the grammar of complements (趋向补语 with an aspect meaning), a
# closed class (`formulations.ASPECT_COMPLEMENTS`).
ASPECT_COMPLEMENTS = "起来 下去"
# Generic heads: the nominalised general verbs (建设 building, 发展 development, 工作 work) and the
# nouns of degree or pace (进程 course, 力度 strength, 步伐 pace, 水平 level) that running text puts
# after the name of any programme (X的建设, X的步伐): from the genre's grammar of nominal heads, a
# closed list, not from any list of expected terms (`formulations.GENERIC_HEADS`).
# Criterion: as POLICY_HEADS, a noun (jieba POS) ending phrases with ≥ HEAD_MIN_MODIFIERS (10) distinct
# modifiers; scripts/vocab_provenance.py measures each entry, tests/test_vocab_provenance.py checks it.
GENERIC_HEADS = "建设 发展 工作 进程 力度 步伐 水平"
# Placement verbs of the 把 construction (把X作为Y treat X as Y, 把X放在/摆在Y put X in Y, 把X列为Y list
# X as Y): from the grammar of the disposal construction, a closed class
# (`formulations.PLACEMENT_VERBS`).
# Criterion: a verb (jieba POS) said after a 把-object, in one clause, in ≥ PLACEMENT_MIN_REPORTS (2)
# reports; scripts/vocab_provenance.py measures each entry, tests/test_vocab_provenance.py checks the POS.
PLACEMENT_VERBS = "作为 放在 摆在 列为"
# Verbs of relation (关系 / 关系到 concern, 涉及 involve, 事关 / 关乎 bear on, 有利于 be good for): the
# verbs that say what a matter concerns, a closed class of the genre's grammar
# (`formulations.RELATION_VERBS`).
# Criterion: a verb (jieba POS) followed by a noun phrase in ≥ LEAD_NP_SHARE (half) of its occurrences;
# scripts/vocab_provenance.py measures each entry, tests/test_vocab_provenance.py checks the POS
# (exceptions, with their reasons: RELATION_EXCEPTIONS).
RELATION_VERBS = "关系 关系到 涉及 事关 关乎 有利于"
# Verbs of attainment (取得 achieve, 获得 obtain): the verbs that report a result reached, a closed class
# of the genre's grammar (`formulations.ATTAINMENT_VERBS`).
# Criterion: a verb (jieba POS) with a noun-phrase object in ≥ LEAD_NP_SHARE of its occurrences, said
# more densely in the reviews than in the plans; scripts/vocab_provenance.py measures each entry,
# tests/test_vocab_provenance.py checks the POS.
ATTAINMENT_VERBS = "取得 获得"


def swap_reason(left: str, right: str, old_word: str, new_word: str) -> str:
    """A one-slot rewording (`classify.reworded._swaps`): the frame kept, the word in its slot replaced."""
    return f"表述变化：“{left}…{right}”中“{old_word}”改为“{new_word}”"


# The numeral 两 (two, before a classifier), beside the characters of NUMBER_CHARS: a one-slot rewording
# whose two words differ only in these is a number moving on (`classify.weights.SWAP_NUMERALS`).
TWO = "两"


def surge_reason(years: Sequence[int], total: int) -> str:
    """A phrase the region said only in `years` (`total` times in all) and not last year, that the new
    report says far more often than all of them together (`classify.weights.SURGE_RATIO`)."""
    if len(years) <= SURGE_YEARS_LISTED:
        said = "、".join(f"{y}年" for y in years)
    else:
        said = f"{years[0]}–{years[-1]}年间 {len(years)} 份报告"
    return f"此前仅{said}提及 {total} 次，上年未提，今年提及增多"


# A surge's earlier years are listed one by one up to this many (2004年、2008年), else as a span with
# their number: three names fit in a reason line a reader takes in at a glance.
SURGE_YEARS_LISTED = 3


def rewrapped_reason(n_hist: int) -> str:
    """A debut phrase around a quoted name an earlier report said (`core_said` follows): the wording
    is new, the name is not, so it is not called a first appearance."""
    return f"新表述：此前 {n_hist} 份报告{'均' if n_hist > 1 else ''}未这样表述"


# The nouns a programme document is named by (a five-year plan, an action plan, an outline): a debut
# "“X”+one of them" is the year's programme under a name announced while it was prepared, a new
# document rather than a new wrapping (`classify.weights.CORE_SAID_FACTOR`). From the genre's document names.
PLAN_HEADS = ("规划", "计划", "纲要")


def core_said(core: str, first: int) -> str:
    """A debut whose quoted name an earlier report said (from `first`): the wrapping is new, the name
    is not."""
    return f"“{core}”{first}年起已提及"


def gone_reason(year: int, element: str, n: int) -> str:
    """A phrase first said in `year` (the old report), whose own element `element`, said `n` times
    then and never before, the new report never says."""
    return f"{year}年首次提及，今年未提；“{element}”{year}年提及 {n} 次，今年全文未再出现"


# Result complements (好: done well, 得: so as to / able to) that close a verb (抓好, 做得): a word that
# jieba cuts off as the first word of a phrase was left by a verb the phrase boundary cut away (做|好X),
# so the phrase is that verb's object with its complement, a clause piece. From the grammar of
# complements (结果补语 and the 得 of degree and potential complements), a closed class
# (`formulations.RESULT_COMPLEMENTS`).
RESULT_COMPLEMENTS = "好 得"


# --- how many of each change the engine found (`Comparison.counts`) ---------------------------------
# The briefs and the terminal state the engine's own count of each change, then what the record lists
# of it: a cap (`classify.weights.MAX_NEW`…) is not a count, and a reader takes a bare number beside
# 新提出 for the number of new formulations. The headline figure leaves the common words out: the engine
# itself does not present them as news (they rank low with the reason 常用词 and are capped apart), so
# they are said after it. Hand-written.


def change_count(found: int | None, listed: int, common: int = 0, common_listed: int = 0) -> str:
    """What follows a change's label (新提出 …): how many the engine found and how many the record
    lists ("1412 项（列出前 800 项；另有常用词 143 项，列出 20 项）"). `found` None: a record without
    its counts (written before they were kept), of which only the listed number is known."""
    head, note = change_count_parts(found, listed, common, common_listed)
    return head + (f"（{note}）" if note else "")


def change_count_parts(found: int | None, listed: int, common: int = 0, common_listed: int = 0
                       ) -> tuple[str, str]:
    """`change_count` in its two parts: the figure ("1412 项") and what is listed of it ("列出前 800
    项；另有常用词 143 项，列出 20 项"; "" when everything found is listed)."""
    if found is None:
        return f"列出 {listed} 项", ""
    notes = [] if listed >= found else [f"列出前 {listed} 项"]
    if common:
        shown = "" if common_listed >= common else f"，列出 {common_listed} 项"
        notes.append(f"另有常用词 {common} 项{shown}")
    return f"{found} 项", "；".join(notes)


def change_counts_line(parts: Sequence[tuple[str, str]]) -> str:
    """The summary line of the changes' counts: each label with its `change_count`."""
    return "政策重点：" + "，".join(f"{label} {text}" for label, text in parts)


# The enumeration comma (、) between the items of one constituent, and the coordinating conjunctions
# that join the two items of a two-item list (A和B, A与B, A及B, A以及B): the JOINERS above without
# 等, which closes a list rather than joining two items. A debut that an earlier report said with
# these between its words (A性、B性C for A性B性C, X和Y发展 for XY发展) is the same formulation said as a
# list (`classify.new._said_listed`). From the grammar of coordination, a closed class.
LIST_MARK = "、"
LIST_JOINERS = tuple(j for j in JOINERS.split() if j != "等")


def listed_before(old: str, year: int, last: bool) -> str:
    """How an earlier report (the old one when `last`) said a new phrase as a list (`old`)."""
    return said_before(old) if last else f"{year}年说法为“{old}”"


# Adverbs of continuation (继续 continue to, 进一步 further): leading words (LEAD_WORDS above) that
# present what they govern as going on from before (继续实施X, 进一步完善Y). From the semantics of
# aspect (the continuative and the incremental adverb), a closed class (`classify.new._continuing`).
CONTINUATION_ADVERBS = ("继续", "进一步")


def continuing_note(adverb: str) -> str:
    """A debut every occurrence of which the report introduces with a continuation adverb."""
    return f"原文以“{adverb}”引出，是已有工作的延续"


def insert_reason(old: str, added: str, n: int) -> str:
    """A name lengthened in place (`classify.reworded._insertions`): the old name with words put inside it."""
    return f"表述变化：“{old}”中加入“{added}”（对应位置 {n} 处）"


# A news digest's reporting frame (`formulations.digest_frames`, Kind.SUMMARY only): the words a
# digest quotes the report with, at the start of a clause — the report noun (any modifier of up to
# DIGEST_REPORT_MODIFIER characters before it: 政府工作报告, 报告) and a verb of saying — and its
# dateline (an agency or paper, a place, a month and day, 电/讯: the opening of a wire story).
# Hand-written from the genre of press digests (wire stories that summarise a report), a closed class:
# these say who speaks, never what policy is.
DIGEST_REPORT_NOUN = "报告"
DIGEST_REPORT_MODIFIER = 4
REPORTING_VERBS = "指出 提出 强调 说 要求 表示 称 明确 部署 认为 透露"
DIGEST_DATELINE = (r"^[\u4e00-\u9fff]{1,6}(?:社|网|报|台)[\u4e00-\u9fff]{0,6}?"
                   r"[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日(?:电|讯)")


# The nouns the embedded national reports use freely as modifiers (`formulations.FREE_MODIFIERS`):
# every noun jieba's dictionary counts 500+ times that some word follows in ten or more distinct ways
# there. Mined by scripts/mine_modifiers.py (do not edit by hand: rerun it; a test checks it).
FREE_MODIFIERS = """
上年 专业 专项 世界 个人 中华民族 中国 中央
中心 主体 事业 事件 五年 产业 产业化 产品
人 人口 人员 人才 人数 人民 人民币 今年
代表 价格 任务 企业 优势 会议 传染病 传统
住房 体制 体系 依法 保险 信息 信息化 信贷
债务 党中央 全国 全民 全部 全面 公务员 公平
关系 关键 内 军队 农业 农产品 农村 农民
决策 创业 利用 利益 制度 制约 制造业 力度
力量 劳动力 劳动者 区 区域 医疗 单位 历史
压力 原则 原材料 去年 台湾 同胞 和平 商品
因素 国内 国务院 国家 国民经济 国际 土地 地区
地方 城乡 城市 城镇 基地 基层 基本 基础
基金 境外 外交 大力 子女 学校 学生 实际
家庭 对外 对象 少数民族 居民 工业 工作人员 工程
差距 市场 市场经济 布局 干部 建筑 当前 形势
形式 思想 性 总体 总量 总额 情况 成就
成本 成果 战略 房价 技术 报告 指导 指标
措施 收费 政府 政治 政策 效益 教师 整治
文化 新建 方式 方面 时期 有力 有序 有所
服务业 机关 机制 机构 权力 条件 标准 核心
比例 比重 民主 民族 水平 汇率 汽车 法律
法规 涨幅 澳门 灾区 物价 特色 状况 环境
现代 生产总值 生产能力 生态 目标 知识产权 社会 社会主义
社会科学 社区 祖国 科学 科技 科研 秩序 程度
税收 竞争力 粮食 精神 纯收入 经济 经济体制 经济社会
结构 网络 群众 耕地 职工 职能 能力 能源
节约 范围 草 草原 药品 行业 行政 补贴
装备 要素 规划 规模 规范 计划 设施 试点
财政 责任 货币 质量 贷款 资产 资本 资源
资金 趋势 转型 进程 道路 部分 部署 部门
重点 金融 银行 问题 阶段 集体 面向 面积
项目 领域 领导 风险 高新技术 高校
"""
