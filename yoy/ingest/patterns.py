"""The patterns ingest recognises, compiled from the regex sources of `yoy.vocab` (all matched on
folded text).

Leader titles are spelled once (`vocab.LEADER_TITLES`) and build both patterns that name a speaker.
The closing words are what a report's final exhortation says near its last `!`.
"""

from __future__ import annotations

import re

from yoy import vocab
from yoy.text import NUMERALS

CLOSING_WORDS = vocab.CLOSING_WORDS

# --- report structure ---------------------------------------------------------------------------

OPEN_ADDRESS = re.compile(vocab.OPEN_ADDRESS)
ADDRESS = re.compile(vocab.ADDRESS)
DELIVERS = re.compile(vocab.DELIVERS)
THIRD_PERSON = re.compile(vocab.THIRD_PERSON.format(leader=vocab.LEADER_TITLE))
TITLE_LINE = re.compile(vocab.REPORT_TITLE)
COLUMN_TAG = re.compile(r"^(?:【[^】]{1,12}】|\[[^\]]{1,8}\])\s*")
PART_AT_LINE = re.compile(rf"^([{NUMERALS}]{{1,3}})、")
PART_IN_RUN = re.compile(rf"(?:^|(?<=[。!?;:\s]))([{NUMERALS}]{{1,3}})、")
APPENDIX_LINE = re.compile(vocab.APPENDIX_LINE)
HEADER_LINE = re.compile(vocab.HEADER_LINE)

# --- metadata -----------------------------------------------------------------------------------

DATE = re.compile(vocab.DATE)
DATELINE = re.compile(vocab.DATELINE)
SESSION = re.compile(vocab.SESSION)
SPEAKER = re.compile(vocab.SPEAKER.format(leader=vocab.LEADER_TITLE), re.MULTILINE)
TITLE_YEAR = tuple(re.compile(source) for source in vocab.TITLE_YEAR)
PLAN_YEAR = re.compile(vocab.PLAN_YEAR)

# --- line repair --------------------------------------------------------------------------------

ENUMERATOR = re.compile(vocab.ENUMERATOR_LINE.format(numerals=NUMERALS))
SALUTATION = re.compile(vocab.SALUTATION)
HEADER_ENDS = re.compile(vocab.HEADER_ENDS)
HEADER_STARTS = re.compile(vocab.HEADER_STARTS)
HEADING_START = re.compile(rf"^(?:[{NUMERALS}]{{1,3}}、|\([{NUMERALS}]{{1,3}}\))")
