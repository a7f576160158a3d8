"""Ingest: turn pages saved from the web into clean government work reports.

Steps, each a function here:

1. `read_source`: refuse what is not a readable regular file (missing, directory, device, FIFO, socket,
   empty, over `MAX_INPUT_BYTES`: the read stops there).
2. `decode`: BOMs (UTF-8, UTF-16), BOM-less UTF-16, then strict UTF-8, then charset-normalizer
   (GB18030/GBK …); other NUL bytes or control characters mean a binary file; over `MAX_TEXT_CHARS`
   or HTML deeper than `MAX_HTML_DEPTH` is refused.
3. `html_to_text`: HTML through selectolax, block elements as line breaks, page furniture dropped.
4. `clean_lines`: lines stripped, invisible characters dropped, and lines broken inside a sentence
   joined again (wiki transcriptions break at every link and bold phrase, PDF copies at a fixed
   width); real paragraph and heading breaks are kept.
5. `extract`: the file split into articles at separator lines (`-`), and per article:
   site chrome dropped by the `CHROME` table, the report's start (title / 各位代表 address) and end
   (its closing exhortation …!) found, an appendix (附件 名词解释) kept apart, then the article is
   classified (speech → `full`/`partial`, news digest → `summary`, anything else skipped with a reason)
   and its metadata read (region, year, date, session, speaker, title).

All matching runs on `yoy.text.fold` of the text (same length, so offsets index the original); what is
kept is the original text, never reworded. Regions come from `yoy.regions` (every Chinese division).
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import itertools
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

import charset_normalizer
from selectolax.lexbor import LexborHTMLParser, LexborNode

from yoy.errors import InputError, LimitError, NoReportError
from yoy.files import TooLarge, kind_of, read_bounded
from yoy.models import MAX_YEAR, MIN_YEAR, IngestResult, Kind, Level, Report, ReportMeta, Skipped
from yoy.regions import detect_region as detect_region  # re-exported: callers take them from here
from yoy.regions import level_for_name as level_for_name
from yoy.regions import make_region as make_region
from yoy.regions import regions as regions
from yoy.regions import short_name as short_name
from yoy.text import NUMERALS, chinese_number, fold

# --- limits and thresholds --------------------------------------------------------------------

MAX_INPUT_BYTES = 50 * 1024 * 1024  # larger files are refused, not read
# Pathological-input bounds (benchmarks/hostile.py): each keeps one input under ~10 s and 1 GB.
MAX_TEXT_CHARS = 4_000_000  # decoded characters of one input: ingest takes ~1.6 s per million
MAX_HTML_DEPTH = 2_000  # open elements at once (counted from the tags; lexbor parsing is quadratic in
#                         depth: 100,000 nested <div> take minutes); real pages stay under ~100
MIN_ARTICLE_CHARS = 200  # a chunk with less text (after chrome) is page furniture, not an article
MIN_REPORT_CHARS = 1500  # a work report, even a digest of one, is longer than this
TITLE_MAX_CHARS = 120  # a title, dateline or speaker line is shorter than this
HEADER_WINDOW_LINES = 6  # how far above the 各位代表 address the title may stand
HEADER_WINDOW_CHARS = 600  # where date, session and speaker are looked for
CLOSING_TAIL_CHARS = 800  # the closing exhortation: 让我们 / 各位代表 this near the final !
CHROME_LINE_MAX_CHARS = 160  # chrome rules (except teasers) only match lines this short
MAX_CONTROL_RATIO = 0.01  # more control characters than this: a binary file
SKIPPED_TITLE_CHARS = 60  # how much of an untitled article names it in a skip notice
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

# --- site chrome ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChromeRule:
    """One kind of site chrome: a pattern on a folded, stripped line.

    `ends` marks chrome that only comes after an article (disclaimers, footers, reply boxes): when a
    report has no closing paragraph, its body ends at the first such line.
    """

    name: str
    pattern: re.Pattern[str]
    ends: bool
    any_length: bool = False


def _rule(name: str, pattern: str, ends: bool = False, any_length: bool = False) -> ChromeRule:
    return ChromeRule(name, re.compile(pattern, re.IGNORECASE), ends, any_length)


# The one table of site chrome. Patterns are anchored or specific enough not to hit report prose,
# and (except teasers) only apply to short lines.
CHROME: tuple[ChromeRule, ...] = (
    _rule("navigation", r"^(?:[•·*>-]\s*)?(?:wap手机版|手机版|设为首页|收藏本站|网站首页|返回首页)"),
    _rule("breadcrumb", r"^(?:当前位置|您的位置|你的位置|您现在的位置)"),
    _rule("timestamp", r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"),
    _rule("teaser", r"^(?:内容摘要|内容提要|摘要)\s*[:：]", any_length=True),
    _rule("forum stats", r"^查看\s*[:：]\s*\d+\s*\|\s*回复\s*[:：]\s*\d+$"),
    _rule("forum links", r"^\[?(?:复制链接|只看该作者|电梯直达|打印|上一主题|下一主题)\]?$"),
    _rule("forum user panel",
          r"^(?:[•·]\s*)?(?:ta的每日心情|签到天数|\[lv\.\d+\]|rank\s*:|在线时间\s*[:：]?$)"),
    _rule("forum user stats", r"^(?:主题|帖子|积分|版主|精华|好友|金钱|威望|贡献|听众|收听)$"),
    _rule("forum counter", r"^\d+(?:\.\d+)?[万千]?$|^\d+\s*(?:秒|分钟|小时|天)前$"),
    _rule("forum post header", r"^发表于\s*\d{4}-\d{1,2}-\d{1,2}|显示全部楼层|阅读模式$"),
    _rule("login prompt", r"您需要登录后才可以|^登录\s*\|\s*(?:立即)?注册|立即注册$", ends=True),
    _rule("reply box", r"^本版积分规则$|快速回复|返回顶部|返回列表", ends=True),
    _rule("service desk",
          r"^客服中心$|^联系电话\s*[:：]?$|^在线咨询$|^周一\s*[~～至-]\s*周[五六日]$", ends=True),
    _rule("disclaimer", r"^(?:免责申明|免责声明|版权声明|特别声明)|^本站为非营利性网站", ends=True),
    _rule("icp", r"icp[备证]\s*\d+|公网安备\s*\d+", ends=True),
    _rule("tags", r"^(?:标签|tags?|关键词|关键字)\s*[:：]", ends=True),
    _rule("related", r"^相关(?:评论|阅读|文章|推荐|新闻|链接)$", ends=True),
    _rule("site owner", r"^(?:主办单位|承办单位|运行维护单位|版权所有|copyright\b|©)", ends=True),
    _rule("powered by", r"^powered by\b", ends=True),
    _rule("contribute", r"有想补充的信息|点我投稿", ends=True),
    _rule("site links",
          r"^(?:[•·-]\s*)?(?:联系我们|关于我们|企业入驻|网站地图|意见反馈|广告服务|友情链接)$", ends=True),
    _rule("byline", r"^[(（][^()（）]{0,16}(?:记者|通讯员|编辑|供稿)[^()（）]{0,24}[)）]$", ends=True),
    _rule("editor", r"^(?:责任编辑|编辑|来源|作者|审核)\s*[:：][^。]{0,30}$"),
    _rule("share", r"^(?:分享到|打印本页|关闭窗口|【打印】|【关闭】)"),
    # Wikisource's licence box and what its page template leaves after it.
    _rule("licence", r"^本作品.{0,80}(?:公有领域|著作权|许可协议|授权)|^public domain$|^注\s*:\s*中文维基文库"
          r"|^(?:true|false)$", ends=True, any_length=True),
)


def chrome_rule(folded_line: str) -> ChromeRule | None:
    """The chrome rule a folded, stripped line matches, if any."""
    short = len(folded_line) <= CHROME_LINE_MAX_CHARS
    for rule in CHROME:
        if (short or rule.any_length) and rule.pattern.search(folded_line):
            return rule
    return None


# --- report structure (all on folded text) ------------------------------------------------------

OPEN_ADDRESS = re.compile(r"各位代表\s*[:：]")
ADDRESS = re.compile(r"各位代表")
DELIVERS = re.compile(r"向大会报告(?:政府)?工作|代表.{0,12}(?:政府|国务院),?(?:向大会)?作.{0,8}报告")
THIRD_PERSON = re.compile(
    r"(?:区长|市长|县长|省长|州长|旗长|总理|主席)[\u4e00-\u9fff·]{2,4}代表.{0,12}?政府[^。]{0,6}?向大会作.{0,10}?报告"
)
TITLE_LINE = re.compile(r"工作报告")
COLUMN_TAG = re.compile(r"^(?:【[^】]{1,12}】|\[[^\]]{1,8}\])\s*")
PART_AT_LINE = re.compile(rf"^([{NUMERALS}]{{1,3}})、")
PART_IN_RUN = re.compile(rf"(?:^|(?<=[。!?;:\s]))([{NUMERALS}]{{1,3}})、")
APPENDIX_LINE = re.compile(r"^(?:附件|附录)(?:\s*\d+)?\s*[:：]?\s*|^名\s*词\s*解\s*释")
HEADER_LINE = re.compile(r"人民代表大会|会议上|人民政府.{0,6}长|^[—―-]{1,2}\s*\d{4}年")

DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
DATELINE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*在")
SESSION = re.compile(
    r"第[〇零一二三四五六七八九十百]+届(?:全国)?人民代表大会(?:常务委员会)?第[〇零一二三四五六七八九十百]+次(?:全体)?会议"
)
SPEAKER = re.compile(
    r"(?:区长|市长|县长|省长|州长|旗长|总理|主席)[\s]*([\u4e00-\u9fff·]{2,4}?)(?=\s*(?:$|各位代表|代表|\n))",
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

# --- regions: the national division table and its matching live in yoy.regions ----------------------

# --- reading bytes ------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz", "cp936"})


def _megabytes(size: int) -> str:
    return f"{size / 2**20:g} MB"


def _limit_text() -> str:
    return f"the limit for a saved page is {_megabytes(MAX_INPUT_BYTES)}"


def _too_large(name: object) -> InputError:
    return LimitError(f"{name}: too large (over {MAX_INPUT_BYTES:,} bytes; {_limit_text()})")


def read_source(path: Path) -> bytes:
    """The bytes of an input file; `InputError` for a missing path, a directory, a device, FIFO or
    socket (never opened for reading, so nothing blocks), an empty file or one over `MAX_INPUT_BYTES`
    (the read stops there, whatever the file says its size is)."""
    try:
        return read_bounded(path, MAX_INPUT_BYTES)
    except TooLarge:
        raise _too_large(path) from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode
            if stat.S_ISDIR(mode):
                hint = f"give the saved pages in it (yoy ingest {path}/*)"
                raise InputError(f"{path}: is a directory; {hint}") from None
            if not stat.S_ISREG(mode):
                raise InputError(f"{path}: {kind_of(mode)}, not a saved page (only regular files are read)") \
                    from None
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


UTF16_MIN_MARKS = 4  # BOM-less UTF-16 needs this many line breaks, spaces or digits to be told apart
_ASCII_MARKS = frozenset("\n\r\t 0123456789")


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of BOM-less UTF-16: the byte order (LE or BE) whose reading holds line breaks, spaces and
    digits (read in the wrong order they become U+0A00, U+3200 …)."""
    if len(data) % 2:
        return None
    best: tuple[int, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        marks = sum(1 for ch in text if ch in _ASCII_MARKS)
        if marks >= UTF16_MIN_MARKS and (best is None or marks > best[0]):
            best = (marks, text)
    return best[1] if best else None


def decode(data: bytes, name: str) -> str:
    """Text of `data`: UTF-8 (with or without BOM), UTF-16 (with BOM, or without: told by its NUL
    bytes), GB18030/GBK and what charset-normalizer recognises. `InputError` for empty, binary or
    undecodable input."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding.upper()} text") from exc
            break
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name}: binary file (NUL bytes), not a saved page")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess_decode(data, name)
    _refuse_binary(text, name)
    if len(text) > MAX_TEXT_CHARS:
        raise LimitError(f"{name}: too long ({len(text):,} characters; the limit is "
                         f"{MAX_TEXT_CHARS:,}, about 100 times a long work report)")
    if Path(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        check_html_depth(text, name)
    return text


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "p", "li", "option", "dt", "dd", "tr", "td", "th"})
_RAW_BLOCK = re.compile(r"<(script|style|textarea)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def check_html_depth(html: str, name: str) -> None:
    """`LimitError` if elements nest deeper than `MAX_HTML_DEPTH` (a linear scan of the tags, before
    the parser sees the page). Elements that close themselves implicitly (p, li, td …) do not count."""
    depth = 0
    for m in _TAG.finditer(_RAW_BLOCK.sub("", html)):
        tag = m.group(2).lower()
        if tag in _VOID or m.group(3):  # void, implicitly closed or self-closing (<x/>)
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                raise LimitError(f"{name}: HTML nested more than {MAX_HTML_DEPTH:,} elements deep "
                                 "(the limit); save the page as text (.txt) instead")


def _guess_decode(data: bytes, name: str) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: binary or undecodable file, not a saved page")
    encoding = best.encoding.lower().replace("_", "")
    if encoding in _GB_FAMILY:  # GB18030 is the superset: decode with it so rare characters survive
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            pass
    return str(best)


def _refuse_binary(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: empty file")
    bad = sum(
        1 for ch in text if (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v") or ch == "\ufffd"
    )
    if bad > MAX_CONTROL_RATIO * len(text):
        raise InputError(f"{name}: binary or undecodable file, not a saved page")


# --- HTML ---------------------------------------------------------------------------------------

DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg",
             "form", "button", "select", "head")
DROP_SELECTORS = ('[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[aria-hidden="true"]')
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "caption", "legend", "option",
})
_HTML_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_WS = re.compile(r"[ \t\r\n\f]+")


def looks_like_html(text: str) -> bool:
    """Whether a text (whatever its file name) is an HTML page."""
    return bool(_HTML_SNIFF.match(text[:2048]))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page; block elements and <br> become line breaks."""
    tree = LexborHTMLParser(html)
    for selector in (*DROP_TAGS, *DROP_SELECTORS):
        for dropped in tree.css(selector):
            dropped.decompose()
    root: LexborNode | None = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []
    # Iterative walk (deeply nested garbage must not hit the recursion limit); None marks a block end.
    stack: list[LexborNode | None] = [root]
    while stack:
        node = stack.pop()
        if node is None:
            out.append("\n")
            continue
        tag = node.tag
        if tag == "-text":
            out.append(_WS.sub(" ", node.text_content or ""))
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag is None or tag.startswith("-"):  # comments, doctype
            continue
        if tag in BLOCK_TAGS:
            out.append("\n")
            stack.append(None)
        stack.extend(reversed(list(node.iter(include_text=True))))
    return "".join(out)


# --- lines and articles ---------------------------------------------------------------------------

# Zero-width and formatting characters (ZW space/joiners, bidi marks, word joiner, BOM, soft hyphen).
_INVISIBLE = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF, 0x00AD], None
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SEPARATOR = re.compile(r"^[-—–―_=*~·•]{1,}$")

# --- wiki-style line repair ---------------------------------------------------------------------
#
# Transcriptions saved from wikis break lines inside sentences: at every link (`《\n会计法\n》`) and
# around bold phrases (`一是\n发行…`), sometimes inside a word (`政府工作报\n告`). Such pages mark real
# paragraphs with blank lines; pages that do not (one paragraph per line) keep every break unless
# the punctuation proves it is inside a sentence.

# Folded characters that cannot start a paragraph (closing marks, clause punctuation) …
CONTINUES_LINE = frozenset(",、。;:!?》」』)”’")
# … and that cannot end one (opening marks, a comma or enumeration comma).
OPENS_LINE = frozenset("《「『(“,、")
TERMINAL = frozenset("。!?…")
LIST_MARKS = frozenset(":;")  # end a clause that a list follows
ENUMERATOR = re.compile(rf"^(?:[{NUMERALS}][是要]|第[{NUMERALS}])$")  # 一是, 二要, 第三: open a clause
SALUTATION = re.compile(r"^各位代表\s*[:!]$")  # the address to the deputies is a paragraph of its own
HEADER_ENDS = re.compile(r"工作报告(?:\s*\(\d{4}年?\))?$|会议上$")  # a title, a dateline
HEADER_STARTS = re.compile(r"^(?:[—―]{1,3}|各位代表)")  # a dateline (or a —— list item), the address
HEADING_START = re.compile(rf"^(?:[{NUMERALS}]{{1,3}}、|\([{NUMERALS}]{{1,3}}\))")
# A line of at most this many CJK characters without punctuation is a word cut off its line
# (`告` of `政府工作报\n告`). Two: headings, titles and closings (`结束语`) are longer.
FRAGMENT_MAX_CHARS = 2
# A page writes paragraphs as blank-line-separated blocks when at least this share of the breaks
# after a sentence end are blank lines. Calibrated on fixtures/raw: the wiki texts 0.63-1.0 (their
# bold lead sentences break without a blank line), the blank-line seed page 1.0, the
# one-paragraph-per-line seed pages 0.0-0.02.
BLANK_PARAGRAPH_SHARE = 0.5
# A text copied from a PDF is hard-wrapped: most of its lines (of at least HARD_WRAP_MIN_WIDTH
# columns, counted when it has HARD_WRAP_MIN_LINES of them) fill the same width, give or take
# WRAP_SLACK columns (a full-width character that did not fit). Calibrated on fixtures/raw: the
# most common width covers 3-10% of the lines of the wiki texts and seed pages (15% in the page of
# news headlines), a wrapped text nearly all but its paragraphs' last lines.
HARD_WRAP_SHARE = 0.5
HARD_WRAP_MIN_WIDTH = 30
HARD_WRAP_MIN_LINES = 10
WRAP_SLACK = 2


@dataclass(frozen=True, slots=True)
class _RawLine:
    """One non-empty input line, stripped, with what the repair needs to know about it."""

    text: str
    folded: str
    gap: int  # blank lines before it
    fixed: bool  # chrome or an article separator: never joined to a neighbour
    indented: bool  # it started with whitespace (a paragraph's first line, in wrapped text)
    width: int  # display columns, its indentation included


def _raw_lines(text: str) -> list[_RawLine]:
    text = _CONTROL.sub("", text.translate(_INVISIBLE))
    out: list[_RawLine] = []
    gap = 0
    raw = text.splitlines()
    stripped = [line.strip() for line in raw]
    folded = _fold_lines([s for s in stripped if s])
    k = 0
    for line, s in zip(raw, stripped, strict=True):
        if not s:
            gap += 1
            continue
        f = folded[k]
        k += 1
        fixed = bool(SEPARATOR.match(s)) or chrome_rule(f) is not None
        out.append(_RawLine(s, f, gap, fixed, line[:1].isspace(), _width(line.rstrip())))
        gap = 0
    return out


def _blank_paragraphs(lines: Sequence[_RawLine]) -> bool:
    ends = [b.gap > 0 for a, b in itertools.pairwise(lines) if a.folded[-1] in TERMINAL]
    return bool(ends) and sum(ends) >= BLANK_PARAGRAPH_SHARE * len(ends)


def _is_fragment(f: str) -> bool:
    return len(f) <= FRAGMENT_MAX_CHARS and all("\u4e00" <= ch <= "\u9fff" for ch in f)


def _residue(f: str) -> bool:
    """A line of marks only that opens nothing (wiki markup residue such as `'`)."""
    return not any(c.isalnum() for c in f) and f[-1] not in OPENS_LINE


def _width(s: str) -> int:
    """Display width in columns (CJK and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _wrap_width(lines: Sequence[_RawLine]) -> int | None:
    """The column width a hard-wrapped text (copied from a PDF) is broken at, or None."""
    widths = Counter(line.width for line in lines if not line.fixed and line.width >= HARD_WRAP_MIN_WIDTH)
    total = sum(widths.values())
    if total < HARD_WRAP_MIN_LINES:
        return None

    def full(w: int) -> int:  # lines that fill width w
        return sum(widths[x] for x in range(w - WRAP_SLACK, w + 1))

    width = max(widths, key=lambda w: (full(w), w))
    return width if full(width) >= HARD_WRAP_SHARE * total else None


def _continues(
    head: str, length: int, before: str, a: _RawLine, b: _RawLine, blank_paragraphs: bool, wrap: int | None
) -> bool:
    """Whether line `b` continues the paragraph that line `a` ends (`length` characters long;
    `head`: its first TITLE_MAX_CHARS + 1, folded; `before`: the mark that ended the one before)."""
    if a.fixed or b.fixed or SALUTATION.match(a.folded):
        return False
    if b.folded[0] in CONTINUES_LINE or a.folded[-1] in OPENS_LINE or _residue(b.folded):
        return True
    if _is_fragment(b.folded) and a.folded[-1].isalnum():
        return True  # a word cut off the end of its line (`政府工作报\n告`)
    opens = before in LIST_MARKS or ENUMERATOR.match(a.folded)
    if length == len(a.text) and _is_fragment(a.folded) and opens:
        return True  # a bold word opening a sentence (`…以下几个方面：\n一是\n发行…`, `。\n二是\n…`)
    if wrap is not None and b.gap == 0 and a.width >= wrap - WRAP_SLACK:
        # a full line of a hard-wrapped text: its paragraph goes on, unless the next line is
        # indented or a heading follows a sentence end
        return not (b.indented or (a.folded[-1] in TERMINAL and HEADING_START.match(b.folded)))
    if not (blank_paragraphs and b.gap == 0):
        return False
    # Without a blank line, only the header's and headings' own breaks are still real: after the
    # title or dateline, before a dateline or the address, after a heading when a paragraph follows.
    if (length <= TITLE_MAX_CHARS and HEADER_ENDS.search(head)) or HEADER_STARTS.match(b.folded):
        return False
    marker = HEADING_START.match(head)
    heading = marker and length - marker.end() >= 2 and a.folded[-1] not in TERMINAL  # not `（三）` alone
    return not (heading and any(ch in TERMINAL for ch in b.folded))


def _space(a: str, b: str) -> str:
    """What joins two pieces of a paragraph: a space between two Latin words, else nothing."""
    return " " if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha() else ""


def clean_lines(text: str) -> list[str]:
    """Paragraph lines of a page: stripped of whitespace (incl. U+3000, NBSP) and invisible
    characters, with lines broken inside a sentence joined again."""
    lines = _raw_lines(text)
    blank_paragraphs, wrap = _blank_paragraphs(lines), _wrap_width(lines)
    paragraphs: list[list[str]] = []  # pieces of each paragraph (joined once, at the end)
    head, length, before = "", 0, ""  # of the last paragraph; `before`: how the one before ended
    for a, b in zip([None, *lines], lines, strict=False):
        if a is not None and _continues(head, length, before, a, b, blank_paragraphs, wrap):
            sep = _space(a.text, b.text)
            paragraphs[-1] += [sep, b.text]
            length += len(sep) + len(b.text)
            if len(head) <= TITLE_MAX_CHARS:
                head = (head + sep + b.folded)[: TITLE_MAX_CHARS + 1]
        else:
            paragraphs.append([b.text])
            head, length, before = b.folded[: TITLE_MAX_CHARS + 1], len(b.text), a.folded[-1] if a else ""
    return ["".join(pieces) for pieces in paragraphs]


def split_articles(lines: Sequence[str]) -> list[list[str]]:
    """Articles of a page: runs of lines between separator lines (a lone `-`, `***`, …)."""
    chunks: list[list[str]] = [[]]
    for line in lines:
        if SEPARATOR.match(line):
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(line)
    return [c for c in chunks if c]


def _fold_lines(lines: Sequence[str]) -> list[str]:
    folded = fold("\n".join(lines))  # same length: slice it at the original line boundaries
    out, pos = [], 0
    for line in lines:
        out.append(folded[pos : pos + len(line)])
        pos += len(line) + 1
    return out


def _part_numbers(flines: Sequence[str]) -> list[int]:
    numbers: list[int] = []
    for fl in flines:
        if len(fl) > HEADER_WINDOW_CHARS * 5:  # a run-on report on one line: headings sit mid-line
            numbers += [n for m in PART_IN_RUN.finditer(fl) if (n := chinese_number(m.group(1)))]
        elif (m := PART_AT_LINE.match(fl)) and (n := chinese_number(m.group(1))):
            numbers.append(n)
    return numbers


def _is_closing(fl: str) -> bool:
    if not fl.endswith("!"):
        return False
    tail = fl[-CLOSING_TAIL_CHARS:]
    return "让我们" in tail or "各位代表" in tail or "奋斗!" in tail


def _title_of(line: str) -> str:
    return COLUMN_TAG.sub("", line).strip()


@dataclass(frozen=True, slots=True)
class _Article:
    """One article's lines, folded lines and chrome verdicts."""

    lines: list[str]
    flines: list[str]
    chrome: list[ChromeRule | None]

    def content(self, start: int, end: int) -> list[int]:
        return [i for i in range(start, end) if self.chrome[i] is None]


def _find_start(a: _Article, address: int | None, titles: list[int]) -> int:
    content = a.content(0, len(a.lines))
    if address is not None:
        for j in range(address - 1, max(-1, address - 1 - HEADER_WINDOW_LINES), -1):
            if a.chrome[j] is not None:
                continue
            if len(a.flines[j]) > TITLE_MAX_CHARS:
                break
            if j in titles:
                return j
        start = address
        while start - 1 >= 0 and a.chrome[start - 1] is None and HEADER_LINE.search(a.flines[start - 1]) \
                and len(a.flines[start - 1]) <= TITLE_MAX_CHARS:
            start -= 1
        return start
    if titles:
        return titles[0]
    for i in content:  # no title, no address: the first line that reads like report prose or a heading
        if PART_AT_LINE.match(a.flines[i]) or len(a.flines[i]) >= 20:
            return i
    return content[0]


def _article_name(a: _Article) -> str:
    for i in a.content(0, len(a.lines)):
        line = a.lines[i]
        return line if len(line) <= TITLE_MAX_CHARS else line[:SKIPPED_TITLE_CHARS] + "…"
    return ""


def read_article(lines: Sequence[str], source: str, sha256: str) -> Report | Skipped | None:
    """One article as a `Report`, a `Skipped` with the reason, or None for page furniture."""
    flines = _fold_lines(lines)
    a = _Article(list(lines), flines, [chrome_rule(fl) for fl in flines])
    content = a.content(0, len(lines))
    if sum(len(lines[i]) for i in content) < MIN_ARTICLE_CHARS:
        return None
    name = _article_name(a)
    titles = [i for i in content if len(flines[i]) <= TITLE_MAX_CHARS and TITLE_LINE.search(flines[i])]
    address = next((i for i in content if OPEN_ADDRESS.search(flines[i])), None)
    start = _find_start(a, address, titles)
    # The closing exhortation stands in the last part: an earlier one (各位代表,…建功新时代!) ends a part.
    last_part = max((i for i in content if PART_AT_LINE.match(flines[i])), default=start)
    after = max(start, last_part)
    closing = next((i for i in reversed(content) if i >= after and _is_closing(flines[i])), None)
    if closing is not None:
        end = closing + 1
    else:
        end = next((i for i in range(start, len(lines)) if (r := a.chrome[i]) and r.ends), len(lines))
    body_idx = a.content(start, end)
    appendix_idx = _appendix(a, end) if closing is not None else []
    body_lines = [lines[i] for i in body_idx]
    fbody_lines = [flines[i] for i in body_idx]
    if body_idx and body_idx[0] in titles:
        tag = COLUMN_TAG.match(body_lines[0])
        if tag:
            body_lines[0], fbody_lines[0] = body_lines[0][tag.end():], fbody_lines[0][tag.end():]
    text, ftext = "\n".join(body_lines), "\n".join(fbody_lines)

    has_address = "各位代表" in ftext
    opened = address is not None or bool(DELIVERS.search(ftext[:HEADER_WINDOW_CHARS * 2]) and has_address)
    parts = _part_numbers(fbody_lines)
    titled = bool(titles)
    speech = has_address and (opened or closing is not None or len(set(parts)) >= 2)
    digest = not has_address and titled and bool(THIRD_PERSON.search(ftext))
    if not (speech or digest):
        if titled:
            reason = ("mentions 工作报告 but is neither the speech (no 各位代表 address) nor a digest of it "
                      "(no '…代表…政府向大会作工作报告')")
        elif has_address:
            reason = "not a work report: 各位代表 appears, but no 报告工作 address, closing or part numbering"
        else:
            reason = "not a work report: no 政府工作报告 title, no 各位代表 address, no 向大会报告工作"
        return Skipped(source=source, title=name, reason=reason)
    if len(text) < MIN_REPORT_CHARS:
        reason = f"too short for a work report ({len(text)} characters)"
        return Skipped(source=source, title=name, reason=reason)

    if digest:
        kind = Kind.SUMMARY
    elif not opened or closing is None or (parts and parts[0] != 1):
        kind = Kind.PARTIAL
    else:
        kind = Kind.FULL
    title_line = _title_of(lines[titles[0]]) if titles else ""
    meta = _metadata(text, ftext, _title_of(fold(title_line)) if title_line else "", title_line, kind)
    if isinstance(meta, str):
        return Skipped(source=source, title=name, reason=meta)
    region, level, year, date, session, speaker = meta
    title = title_line or f"{region}{year}年政府工作报告"
    appendix = "\n".join(lines[i] for i in appendix_idx)
    return Report(
        meta=ReportMeta(region=region, level=level, year=year, kind=kind, title=title, date=date,
                        session=session, speaker=speaker, source=source, source_sha256=sha256),
        text=text,
        appendix=appendix,
    )


def _appendix(a: _Article, end: int) -> list[int]:
    """Lines of an appendix (附件, 名词解释) right after the closing, up to the first chrome line."""
    first = next((i for i in range(end, len(a.lines)) if a.chrome[i] is None), None)
    if first is None or not APPENDIX_LINE.match(a.flines[first]):
        return []
    out = []
    for i in range(first, len(a.lines)):
        if a.chrome[i] is not None:
            break
        out.append(i)
    return out


_Meta = tuple[str, Level, int, str | None, str | None, str | None]


def _metadata(text: str, ftext: str, ftitle: str, title: str, kind: Kind) -> _Meta | str:
    """(region, level, year, date, session, speaker), or the reason they cannot be told."""
    header_end = HEADER_WINDOW_CHARS
    if kind is not Kind.SUMMARY and (m := OPEN_ADDRESS.search(ftext, 0, HEADER_WINDOW_CHARS * 2)):
        header_end = m.end() + 4  # up to 各位代表: — the speaker stands right before it
    elif kind is not Kind.SUMMARY and (m := ADDRESS.search(ftext, 0, HEADER_WINDOW_CHARS * 2)):
        header_end = m.end()  # 各位代表,现在… : the header is what stands before the address
    fheader, header = ftext[:header_end], text[:header_end]
    region = detect_region(ftitle, fheader, ftext)
    if region is None:
        return "cannot tell which region's report it is (no known region in its title or header)"
    # Dateline, session and speaker may be split over lines (`…人民代表大会\n第二次会议上`): match
    # them on the header without whitespace (the same characters drop from both forms).
    keep = [i for i, ch in enumerate(fheader) if not ch.isspace()]
    fheader, header = "".join(fheader[i] for i in keep), "".join(header[i] for i in keep)
    dateline = DATELINE.search(fheader)
    year: int | None = int(dateline.group(1)) if dateline else None
    if year is None:
        year = next((int(m.group(1)) for p in TITLE_YEAR if (m := p.search(ftitle))), None)
    if year is None and (plans := [int(y) for y in PLAN_YEAR.findall(ftext)]):
        year = max(set(plans), key=plans.count)
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return "cannot tell the report's year (no year in its title, dateline or plan)"
    date = None
    if (d := dateline or DATE.search(fheader)) and int(d.group(1)) == year:
        try:
            date = Date(int(d.group(1)), int(d.group(2)), int(d.group(3))).isoformat()
        except ValueError:
            date = None
    session = header[s.start():s.end()] if (s := SESSION.search(fheader)) else None
    speaker = header[s.start(1):s.end(1)] if (s := SPEAKER.search(fheader)) else None
    return region.name, region.level, year, date, session, speaker


# --- whole inputs ---------------------------------------------------------------------------------


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of the raw input."""
    return hashlib.sha256(data).hexdigest()


def extract(text: str, source: str, sha256: str) -> IngestResult:
    """Every report in a decoded page, and every article skipped with its reason."""
    if looks_like_html(text):
        text = html_to_text(text)
    reports: list[Report] = []
    skipped: list[Skipped] = []
    for chunk in split_articles(clean_lines(text)):
        found = read_article(chunk, source, sha256)
        if isinstance(found, Report):
            reports.append(found)
        elif isinstance(found, Skipped):
            skipped.append(found)
    return IngestResult(reports=tuple(reports), skipped=tuple(skipped))


def ingest_bytes(data: bytes, name: str) -> IngestResult:
    """Reports in the raw bytes of a saved page named `name`; `InputError` if it cannot be read."""
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(name)
    text = decode(data, name)
    if Path(name).suffix.lower() in HTML_SUFFIXES and not looks_like_html(text):
        text = html_to_text(text)
    return extract(text, name, sha256_hex(data))


def ingest_file(path: Path) -> IngestResult:
    """Reports in one saved page; `NoReportError` when it holds none."""
    result = ingest_bytes(read_source(path), path.name)
    if not result.reports:
        why = "; ".join(dict.fromkeys(s.reason for s in result.skipped[:2]))  # reasons only: no file text
        raise NoReportError(f"{path}: no government work report found" + (f" ({why})" if why else ""))
    return result


def ingest_files(paths: Iterable[Path], progress: Callable[[Path], None] | None = None) -> IngestResult:
    """Reports in every file; any unreadable file or file without a report fails the whole run."""
    reports: list[Report] = []
    skipped: list[Skipped] = []
    for path in paths:
        result = ingest_file(path)
        reports += result.reports
        skipped += result.skipped
        if progress:
            progress(path)
    return IngestResult(reports=tuple(reports), skipped=tuple(skipped))
