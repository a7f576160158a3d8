"""The pages of one article that a site splits over several (上一页 1 2 3 下一页), read as one page.

A user saves each page; `yoy ingest --pages` gives them, in order or as a shell's glob lists them
(`page_order`: p1, p10, p2 read as p1, p2, p10). Each page repeats the site's head
above its part of the text (the headline, breadcrumb, article line) and the page links below it. The
joined page keeps the first page's head, drops the head of every later page (the lines it repeats
of the first page's, its title lines, chrome) before its own text starts, drops every page's links
(chrome that would end the report at the first page's) and the foot of every page but the last,
and lets line repair join a sentence that a page break cut.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from yoy.ingest.article import PROSE_MIN_CHARS
from yoy.ingest.chrome import PAGINATION, chrome_rule
from yoy.ingest.lines import LIST_MARKS, TERMINAL, TITLE_MAX_CHARS, fold_lines, squeezed
from yoy.ingest.patterns import HEADING_START, TITLE_LINE
from yoy.text import fold

# What follows the article's name in a page's file name: the page's number, a separator or brackets
# before it (index_2.html, p10.html, 报告 (3).html: as sites number their pages and browsers the saves
# of one name), or nothing (the first page often has no number: index.html before index_1.html).
_PAGE_SUFFIX = re.compile(r"(?:[-_ .]?[(（]?(?P<n>\d+)[)）]?)?")


def page_order(names: Sequence[str]) -> list[int]:
    """The indices of the pages named `names` in page order: when the names are one article's name
    followed by page numbers (one name may have none: the first page), by those numbers; else as
    given (the user's order is the only one known). A shell lists p10.html before p2.html."""
    given = list(range(len(names)))
    split = [name.rpartition(".") if "." in name else (name, "", "") for name in names]
    if len({ext for _, _, ext in split}) != 1:
        return given
    stems = [stem for stem, _, _ in split]
    common = os.path.commonprefix(stems)  # noqa: RUF071 (the names' characters, not path parts)
    # the article's name ends before the digits the numbers share (p1, p12: p), unless the name
    # itself ends in digits that every page repeats (t20360110_5, t20360110_5_2)
    for base in dict.fromkeys((common.rstrip("0123456789"), common)):
        found = [_PAGE_SUFFIX.fullmatch(stem[len(base):]) for stem in stems]
        numbers = [int(m["n"]) if m["n"] else -1 for m in found if m is not None]
        if len(numbers) == len(stems) and len(set(numbers)) == len(numbers):
            return sorted(given, key=numbers.__getitem__)
    return given


def _folded_lines(text: str) -> list[tuple[str, str]]:
    """The stripped lines of `text` with their folded form (blank lines too: ''), as chrome rules read
    lines (their patterns allow for the spaces a layout puts in: 2036-01-10 08:30)."""
    lines = [line.strip() for line in text.splitlines()]
    return list(zip(lines, fold_lines(lines), strict=True))


def _is_links(folded: str) -> bool:
    rule = chrome_rule(folded) if folded else None
    return rule is not None and rule.name == PAGINATION


def _heads(folded: str, head: set[str]) -> bool:
    """A line at the top of a later page is the page's head: blank, chrome, a line of the first page's
    head, or a title line (the report's title stands above its text, not inside it)."""
    return (not folded or squeezed(folded) in head or chrome_rule(folded) is not None
            or (len(folded) <= TITLE_MAX_CHARS and TITLE_LINE.search(folded) is not None))


def _heading(folded: str) -> bool:
    """A numbered heading on its own line (（三）X, 二、X with no sentence end in it): a page that ends
    with one ends between paragraphs, though no mark ends its last line."""
    return HEADING_START.match(folded) is not None and TERMINAL.isdisjoint(folded)


def paginated(text: str) -> bool:
    """`text` is one page of several: it holds the page links."""
    return any(_is_links(f) for _, f in _folded_lines(text))


def _repeated(pages: Sequence[Sequence[tuple[str, str]]]) -> set[str]:
    """The lines (squeezed) that two or more pages hold, none ending as a sentence or before a list
    does: the site's furniture around each page's part of the text (a foot no chrome rule knows: the
    site's slogan, its hotline). The report's own text is in one page, but for the address it repeats
    (各位代表！), which ends as a sentence."""
    seen: dict[str, int] = {}
    for lines in pages:
        for key in {squeezed(f) for _, f in lines if f and fold(f[-1]) not in TERMINAL | LIST_MARKS}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n > 1}


def joined(texts: Sequence[str]) -> str:
    """The pages' texts (in order) as one page: see the module's docstring. A page's foot is what
    follows its text: blank lines, chrome and lines another page holds too (`_repeated`). A page
    that ends inside a sentence (no sentence end nor the colon or semicolon before a list on its last
    line, and no heading there: `_heading`) runs on into the next without a blank line, so that line
    repair joins the two halves; otherwise a blank line parts them."""
    pages = [[(s, f) for s, f in _folded_lines(text) if not _is_links(f)] for text in texts]
    shared = _repeated(pages)
    out: list[str] = []
    head: set[str] = set()  # the first page's lines before its text (squeezed): what later pages repeat
    for k, lines in enumerate(pages):
        if k == 0:
            for _, f in lines:
                if len(f) >= PROSE_MIN_CHARS:
                    break
                head.add(squeezed(f))
        else:
            at = 0
            while at < len(lines) and _heads(lines[at][1], head):
                at += 1
            lines = lines[at:]
            while out and (not (f := fold(out[-1])) or chrome_rule(f) is not None or squeezed(f) in shared):
                out.pop()  # the page's foot below its text
            if out and (fold(out[-1][-1:]) in TERMINAL | LIST_MARKS or _heading(fold(out[-1]))):
                out.append("")
        out += [s for s, _ in lines]
    return "\n".join(out) + "\n"
