"""Site chrome: the one table of page furniture (navigation, forum panels, footers …) a line may be."""

from __future__ import annotations

import re
from dataclasses import dataclass

from yoy import vocab

CHROME_LINE_MAX_CHARS = 160  # chrome rules (except teasers) only match lines this short
PAGE_NUMBER = "page number"  # the rule of a page break's number, which line repair drops (`lines`)
PAGINATION = "pagination"  # the rule of a split article's page links, which `pages` drops

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


def _rule(name: str, ends: bool = False, any_length: bool = False) -> ChromeRule:
    return ChromeRule(name, re.compile(vocab.CHROME[name], re.IGNORECASE), ends, any_length)


# The one table of site chrome, in the order the rules are tried; each rule's pattern is
# `vocab.CHROME[name]` (anchored or specific enough not to hit report prose). All rules but teasers
# and the licence box only apply to short lines.
CHROME: tuple[ChromeRule, ...] = (
    _rule("navigation"),
    _rule("breadcrumb"),
    _rule("timestamp"),
    _rule("teaser", any_length=True),
    _rule("article info"),
    _rule("font size"),
    _rule(PAGINATION, ends=True),
    _rule(PAGE_NUMBER),
    _rule("forum stats"),
    _rule("forum links"),
    _rule("forum user panel"),
    _rule("forum user stats"),
    _rule("forum counter"),
    _rule("forum post header"),
    _rule("login prompt", ends=True),
    _rule("reply box", ends=True),
    _rule("service desk", ends=True),
    _rule("disclaimer", ends=True),
    _rule("icp", ends=True),
    _rule("tags", ends=True),
    _rule("related", ends=True),
    _rule("site owner", ends=True),
    _rule("powered by", ends=True),
    _rule("contribute", ends=True),
    _rule("site links", ends=True),
    _rule("byline", ends=True),
    _rule("editor"),
    _rule("share"),
    _rule("follow prompt"),
    _rule("account footer", ends=True),
    _rule("licence", ends=True, any_length=True),
)


def chrome_rule(folded_line: str) -> ChromeRule | None:
    """The chrome rule a folded, stripped line matches, if any."""
    short = len(folded_line) <= CHROME_LINE_MAX_CHARS
    for rule in CHROME:
        if (short or rule.any_length) and rule.pattern.search(folded_line):
            return rule
    return None

