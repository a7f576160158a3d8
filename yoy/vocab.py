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

This module imports nothing from yoy, so every stage (and `models`) can read it.
"""

from __future__ import annotations

# --- labels of the record's closed vocabularies (yoy.models), keyed by the code --------------------
# Hand-written: the words the briefs show for each code. A code without a label fails
# tests/test_vocab.py, so a new member of an enum cannot ship without its reader-facing word.

KIND = {"full": "全文", "partial": "部分文本", "summary": "新闻摘要"}
CHANGE = {"new": "新提出", "dropped": "不再提及", "reworded": "表述变化", "continued": "延续"}
RELATION = {"matched": "对应", "moved": "移动", "split": "拆分", "merged": "合并", "new": "新增",
            "dropped": "删去"}
DIRECTION = {
    # same region, old → new in time
    "up": "上调", "down": "下调", "unchanged": "持平", "requalified": "限定词变化", "changed": "改变",
    "newly set": "新设", "no longer set": "不再设定",
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

# Plain words for the record's `Priority.basis` codes (the briefs show these; JSON keeps the codes).
BASIS = {"引号术语": "报告中加引号的提法", "标题用语": "出现在标题中", "政策词表": "常用政策词语",
         "关键性": "用词频率明显变化", "词表所列接替": "已知的前后接替提法",
         "对应位置替换": "对应位置由“{old}”改为“{new}”"}
# The briefs' and the terminal's own reader-facing phrases (templates hold the rest).
BRIEF = {
    "mentions_one": "{side} 提及 {n} 次", "mentions_both": "提及 {old} → {new} 次",
    "section_n": "第{n}节", "untitled": "（无标题）", "target": "目标：{indicator}", "unset": "未设",
    "caveat": "注意：{text}", "top": "最重要的变化", "targets": "主要预期目标", "change": "变化",
    "why": "依据", "indicator": "指标", "index_title": "yoy 简报索引", "slot": "对应位置换了说法",
}


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
    """A target whose number stayed and whose qualifier moved (7%左右 → 7%以上)."""
    return f"数值未变，仅限定词变化：{old_value} → {new_value}"


# --- batch index and trend page --------------------------------------------------------------------

INDEX_TITLE = BRIEF["index_title"]
TREND = {
    "per10k_axis": "{top} / 万字", "title": "“{term}”的使用", "regions_using": "{n} / {total} 个地区使用",
    "inexact": "（按索引中各报告的词汇计数）",
}
TREND_COLUMNS = ("地区", "首次使用", "使用年份", "次数", "最近每万字")


# --- terms (yoy.terms) ------------------------------------------------------------------------------

# Function words and the boilerplate verbs/adverbs of work reports (hand-written from the genre).
# They carry no topic, so they are left out of similarity bags and never become priorities. (A stop
# list, not an IDF table: which words are generic is a property of the genre, not of any one report.)
STOPWORDS_TEXT = """
我们 你们 他们 全区 全市 全省 全县 全国 各位 代表 今年 去年 明年 以上 左右 以内 其中 同比 比上年 累计
进一步 加快 推动 推进 坚持 加强 实施 建设 发展 工作 提升 完善 深化 强化 着力 积极 全面 持续 不断 更加
努力 一批 重点 突出 加大 扎实 大力 深入 有效 切实 不断 力争 确保 实现 完成 开展 打造 构建 培育 提高
促进 做好 抓好 支持 鼓励 落实 聚焦 围绕 健全 优化 做强 做优 做大 主要 以及 通过 进行 成为 作为
没有 已经 正在 一个 一些 这些 那些 这个 各类 各项 各级 相关 有关 方面 领域 水平 能力 体系 机制 工作
全年 年度 目标 任务 成效 成果 新的 更大 更好 更高 一流 重要 一年 五年 两年 三年 同时 继续 还要 要求
"""
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
# Words of a heading that plans the coming year, and of one that reviews the past.
PLAN_WORDS = ("工作安排", "目标任务", "重点工作", "工作重点", "工作的重点", "主要目标", "总体要求",
              "今后五年")
REVIEW = "回顾"
REVIEW_WORDS = (REVIEW, "一年来", "五年来", "过去")
# A year in a heading (2024年…): the part plans when it speaks of work (WORK) and is no review.
YEAR_IN_TITLE = r"(?:19|20)\d\d年"
WORK = "工作"
