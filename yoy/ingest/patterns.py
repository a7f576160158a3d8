"""The Chinese words and patterns ingest recognises, in one place (all matched on folded text).

Leader titles are spelled once (`LEADER_TITLES`) and build both patterns that name a speaker. The
closing words are what a report's final exhortation says near its last `!`.
"""

from __future__ import annotations

import re

from yoy.text import NUMERALS

# Who delivers a work report: the head of government at each level (区长 of a district, 县长 of a
# county, 旗长 of a banner … 总理 for the State Council, 主席 of an autonomous region).
LEADER_TITLES = ("区长", "市长", "县长", "省长", "州长", "旗长", "总理", "主席")
_LEADER = "(?:" + "|".join(LEADER_TITLES) + ")"
# The address to the deputies, and the words of a closing exhortation.
ADDRESS_WORDS = "各位代表"
CLOSING_WORDS = ("让我们", ADDRESS_WORDS, "奋斗!")

# --- report structure ---------------------------------------------------------------------------

OPEN_ADDRESS = re.compile(ADDRESS_WORDS + r"\s*[:：]")
ADDRESS = re.compile(ADDRESS_WORDS)
DELIVERS = re.compile(r"向大会报告(?:政府)?工作|代表.{0,12}(?:政府|国务院),?(?:向大会)?作.{0,8}报告")
THIRD_PERSON = re.compile(
    _LEADER + r"[\u4e00-\u9fff·]{2,4}代表.{0,12}?政府[^。]{0,6}?向大会作.{0,10}?报告"
)
TITLE_LINE = re.compile(r"工作报告")
COLUMN_TAG = re.compile(r"^(?:【[^】]{1,12}】|\[[^\]]{1,8}\])\s*")
PART_AT_LINE = re.compile(rf"^([{NUMERALS}]{{1,3}})、")
PART_IN_RUN = re.compile(rf"(?:^|(?<=[。!?;:\s]))([{NUMERALS}]{{1,3}})、")
APPENDIX_LINE = re.compile(r"^(?:附件|附录)(?:\s*\d+)?\s*[:：]?\s*|^名\s*词\s*解\s*释")
HEADER_LINE = re.compile(r"人民代表大会|会议上|人民政府.{0,6}长|^[—―-]{1,2}\s*\d{4}年")

# --- metadata -----------------------------------------------------------------------------------

DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
DATELINE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*在")
SESSION = re.compile(
    r"第[〇零一二三四五六七八九十百]+届(?:全国)?人民代表大会(?:常务委员会)?第[〇零一二三四五六七八九十百]+次(?:全体)?会议"
)
SPEAKER = re.compile(
    _LEADER + r"[\s]*([\u4e00-\u9fff·]{2,4}?)(?=\s*(?:$|各位代表|代表|\n))",
    re.MULTILINE,
)
TITLE_YEAR = (
    re.compile(r"(\d{4})年[^\d]{0,24}?工作报告"),
    re.compile(r"工作报告\s*[(（]\s*(\d{4})\s*年?\s*[)）]"),
)
PLAN_YEAR = re.compile(
    r"(\d{4})年(?:政府工作的?总体要求|工作总体要求|工作的总体要求|主要工作安排|重点工作安排|工作安排"
    r"|主要预期目标|经济社会发展主要预期目标|主要目标任务)"
)

# --- line repair --------------------------------------------------------------------------------

ENUMERATOR = re.compile(rf"^(?:[{NUMERALS}][是要]|第[{NUMERALS}])$")  # 一是, 二要, 第三: open a clause
SALUTATION = re.compile(r"^各位代表\s*[:!]$")  # the address to the deputies is a paragraph of its own
HEADER_ENDS = re.compile(r"工作报告(?:\s*\(\d{4}年?\))?$|会议上$")  # a title, a dateline
HEADER_STARTS = re.compile(r"^(?:[—―]{1,3}|各位代表)")  # a dateline (or a —— list item), the address
HEADING_START = re.compile(rf"^(?:[{NUMERALS}]{{1,3}}、|\([{NUMERALS}]{{1,3}}\))")
