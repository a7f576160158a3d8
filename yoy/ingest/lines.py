"""Line repair: the lines of a page turned into paragraphs, and a page split into articles.

Transcriptions saved from wikis break lines inside sentences: at every link (`《\n会计法\n》`) and
around bold phrases (`一是\n发行…`), sometimes inside a word (`政府工作报\n告`). Such pages mark real
paragraphs with blank lines; pages that do not (one paragraph per line) keep every break unless
the punctuation proves it is inside a sentence. Text copied from a PDF is hard-wrapped at a width.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from yoy.ingest.chrome import PAGE_NUMBER, chrome_rule
from yoy.ingest.patterns import ENUMERATOR, HEADER_ENDS, HEADER_STARTS, HEADING_START, SALUTATION
from yoy.text import fold, is_ideograph

# A title, dateline or speaker line is shorter than this (a paragraph's head this long is compared
# with the header patterns; the article reader uses the same bound for its title lines).
TITLE_MAX_CHARS = 120

# Zero-width and formatting characters (ZW space/joiners, bidi marks, word joiner, BOM, soft hyphen).
_INVISIBLE = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF, 0x00AD], None
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A page number as a PDF copy prints it bare (no dashes: `pdftotext` output): one to three digits
# alone on a line. It is a page break only where it cuts a sentence (the line before it ends in no
# sentence mark): a report never breaks a sentence for a bare figure, and elsewhere such a line is
# left to the chrome rules.
_BARE_PAGE_NUMBER = re.compile(r"\d{1,3}")
SEPARATOR = re.compile(r"^[-—–―_=*~·•]{1,}$")

# Folded characters that cannot start a paragraph (closing marks, clause punctuation) …
CONTINUES_LINE = frozenset(",、。;:!?》」』)”’")
# … and that cannot end one (opening marks, a comma or enumeration comma).
OPENS_LINE = frozenset("《「『(“,、")
TERMINAL = frozenset("。!?…")
LIST_MARKS = frozenset(":;")  # end a clause that a list follows
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
# A paragraph's first line in such a text is indented two characters (首行缩进两字, the genre's
# typesetting), and a copy out of a PDF drops the indent: that line is full at the width less these
# columns (two full-width characters). Set by the convention, not fitted.
WRAP_INDENT = 4
# A prose line of such a text (a mark inside it, `_prose`) that ends inside a word (its last character
# a letter, digit or ideograph, no mark) was cut by the width, not by the paragraph's end (a report
# ends its paragraphs with a mark): it is full when it comes within this share of the width. A PDF
# sets digits and Latin in proportional widths and kerns punctuation, so such a line with figures or
# quotes counts columns short (8 of 78 and 5 of 36 on reports typeset in Noto Serif CJK at A4 and A6);
# a quarter keeps a short line that ends in a word (a list item, a caption) apart. Not for a heading
# (`HEADING_START`: its commas make it look like prose) nor for a line without a mark (a title, a
# dateline), which are full only at the width (their first line's indent aside).
WRAP_RAGGED_SHARE = 0.25
_PROSE_MARKS = frozenset(",;:、。")  # (folded: the full-width forms fold to these)
# A bilingual page (the report with its English translation, paragraph by paragraph or sentence by
# sentence) holds translation that is no part of the report: a line without one ideograph and with
# at least TRANSLATION_MIN_WORDS Latin words of two letters or more is dropped, and so is a run of
# TRANSLATION_RUN_WORDS or more Latin words in a row inside a Chinese line. A report's own Latin is
# an acronym, a unit or a code among ideographs (GDP, CPI, 5G, M2), never a line of words or four
# words in a row; chrome lines (`chrome_rule`: "Powered by …", a licence box) are left to their
# rules. Set by that shape, not fitted: no line of the raw inputs of the embedded corpus (the seed
# pages and national transcriptions) matches outside chrome, so they store as before
# (`tests/test_corpus.py::test_rebuilt_corpus_matches_committed`); `bilingual_page` is the case.
# A document copied from a PDF may repeat a running head or foot on every page (the gazette's name and
# issue, the report's title): a line said at least RUNNING_MIN_REPEATS times, whitespace aside, with an
# ideograph and no mark of a sentence, a clause, a quote or a bracket, is layout like a page number,
# and dropped where it stands after the report's first sentence (the title and dateline above it keep
# their lines). Three: a page break twice over, where a report's own lines of that size (headings)
# are said once each. RUNNING_MIN_CHARS: a wiki transcription breaks lines at bold lead words (一是,
# two characters) and inside links (…纲要(草案), with its bracket), both joined again below, and
# repeated; a gazette's name is longer. RUNNING_MAX_CHARS: a gazette's name and issue, a title. Set
# by that shape, not fitted: the raw inputs of the embedded corpus store as before;
# `pdf_running_heads` is the case.
RUNNING_MIN_REPEATS = 3
RUNNING_MIN_CHARS = 5
RUNNING_MAX_CHARS = 40
TRANSLATION_MIN_WORDS = 2
TRANSLATION_RUN_WORDS = 4
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_LATIN_GAP = r"[\s,.;:!?()\"'\-]+"
_LATIN_TOKEN = r"[A-Za-z][A-Za-z'\-]*"
# a run of Latin words, numbers between them (rose by 5.6 percent), ending in a word and its marks
_LATIN_RUN = re.compile(
    f"{_LATIN_TOKEN}(?:(?:{_LATIN_GAP}[0-9][0-9,.]*%?)*{_LATIN_GAP}{_LATIN_TOKEN})*[.,;:!?)\"']*")


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
    folded = fold_lines([s for s in stripped if s])
    running = _running_lines(folded)
    said = False  # a sentence of the report stored: a running line past this point is layout
    k = 0
    paged: int | None = None  # after a page number: the blank lines before it
    for line, s in zip(raw, stripped, strict=True):
        if not s:
            gap += 1
            continue
        f = folded[k]
        k += 1
        rule = chrome_rule(f)
        cuts = bool(out) and out[-1].folded[-1] not in TERMINAL  # the line before ends mid-sentence
        if (rule is not None and rule.name == PAGE_NUMBER) or (cuts and _BARE_PAGE_NUMBER.fullmatch(f)) or (
                rule is None and running and squeezed(f) in running and said):
            # a page break of a text copied from a PDF: dropped, and the blank lines around it are
            # layout when it cuts a sentence (no sentence end before it): the lines on either side
            # then meet as if it were not there, for the rules below to join
            if paged is None:
                paged = gap if out and out[-1].folded[-1] in TERMINAL else 0
            gap = 0
            continue
        if rule is None:
            if _is_translation(f):
                gap += 1  # the translation stood between two paragraphs of the report
                continue
            s, f = _untranslated(s, f)
        if paged is not None:
            gap, paged = paged, None
        fixed = bool(SEPARATOR.match(s)) or rule is not None
        out.append(_RawLine(s, f, gap, fixed, line[:1].isspace(), _width(line.rstrip())))
        said = said or f[-1] in TERMINAL
        gap = 0
    return out


_BROKEN_MARKS = frozenset("。!?…,、;:《》()“”‘’\"'[]「」『』")


def squeezed(f: str) -> str:
    """`f` without its whitespace (a line compared with its repeats, wherever a layout put spaces)."""
    return "".join(f.split())


def _running_lines(folded: Sequence[str]) -> set[str]:
    """The running heads and feet of a document copied from a PDF: lines of RUNNING_MIN_CHARS to
    RUNNING_MAX_CHARS said RUNNING_MIN_REPEATS or more times, whitespace aside, with no mark of a
    sentence, clause, quote or bracket (`_BROKEN_MARKS`)."""
    counts = Counter(squeezed(f) for f in folded if len(f) <= RUNNING_MAX_CHARS)
    return {f for f, n in counts.items()
            if n >= RUNNING_MIN_REPEATS and len(f) >= RUNNING_MIN_CHARS and any(is_ideograph(ch) for ch in f)
            and not any(ch in _BROKEN_MARKS for ch in f)}


def _is_translation(f: str) -> bool:
    """A folded line that is a bilingual page's translation, not the report (`TRANSLATION_MIN_WORDS`)."""
    return not any(is_ideograph(ch) for ch in f) and len(_LATIN_WORD.findall(f)) >= TRANSLATION_MIN_WORDS


def _untranslated(s: str, f: str) -> tuple[str, str]:
    """A line (`s`, folded `f`: the same length) without the runs of translation inside it
    (`TRANSLATION_RUN_WORDS`), cut at the same places in both."""
    runs = [m for m in _LATIN_RUN.finditer(f) if len(_LATIN_WORD.findall(m.group())) >= TRANSLATION_RUN_WORDS]
    if runs and not f.isascii():
        keep = [0, *itertools.chain.from_iterable(m.span() for m in runs), len(f)]
        spans = list(zip(keep[::2], keep[1::2], strict=True))
        return "".join(s[a:b] for a, b in spans).strip(), "".join(f[a:b] for a, b in spans).strip()
    return s, f


def _blank_paragraphs(lines: Sequence[_RawLine]) -> bool:
    ends = [b.gap > 0 for a, b in itertools.pairwise(lines) if a.folded[-1] in TERMINAL]
    return bool(ends) and sum(ends) >= BLANK_PARAGRAPH_SHARE * len(ends)


def _is_fragment(f: str) -> bool:
    return len(f) <= FRAGMENT_MAX_CHARS and all(is_ideograph(ch) for ch in f)


def _residue(f: str) -> bool:
    """A line of marks only that opens nothing (wiki markup residue such as `'`)."""
    return not any(c.isalnum() for c in f) and f[-1] not in OPENS_LINE


def _width(s: str) -> int:
    """Display width in columns (CJK and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in s)


def _wrap_width(lines: Sequence[_RawLine]) -> int | None:
    """The column width a hard-wrapped text (copied from a PDF) is broken at, or None."""
    widths = Counter(line.width for line in lines if not line.fixed and line.width >= HARD_WRAP_MIN_WIDTH)
    total = sum(widths.values())
    if total < HARD_WRAP_MIN_LINES:
        return None

    def full(w: int) -> int:  # lines that fill width w, or fill it but for a first line's indent
        return sum(widths[x] for x in {*range(w - WRAP_SLACK, w + 1),
                                       *range(w - WRAP_INDENT - WRAP_SLACK, w - WRAP_INDENT + 1)})

    width = max(widths, key=lambda w: (full(w), w))
    return width if full(width) >= HARD_WRAP_SHARE * total else None


def _prose(folded: str) -> bool:
    """The line holds a mark inside it: a line of prose, not a title or a dateline."""
    return not _PROSE_MARKS.isdisjoint(folded[:-1])


def _allowance(a: _RawLine, first: bool, wrap: int) -> float:
    """How many columns short of the wrap width line `a` may be and still be full: WRAP_SLACK, plus
    its indent when it opens its paragraph (`first`, `WRAP_INDENT`); a prose line cut inside a word
    (`WRAP_RAGGED_SHARE`) a share of the width."""
    if a.folded[-1].isalnum() and _prose(a.folded) and HEADING_START.match(a.folded) is None:
        return max(WRAP_SLACK + first * WRAP_INDENT, WRAP_RAGGED_SHARE * wrap)
    return WRAP_SLACK + first * WRAP_INDENT


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
    if wrap is not None and b.gap == 0 and a.width >= wrap - _allowance(a, length == len(a.text), wrap):
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


def fold_lines(lines: Sequence[str]) -> list[str]:
    folded = fold("\n".join(lines))  # same length: slice it at the original line boundaries
    out, pos = [], 0
    for line in lines:
        out.append(folded[pos : pos + len(line)])
        pos += len(line) + 1
    return out


