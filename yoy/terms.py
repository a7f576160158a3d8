"""Words, term counts and keyness shared by `align` and `classify`.

Everything works on the folded text (`yoy.text.fold`), whose offsets equal those of `Report.text`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from operator import itemgetter

from yoy import vocab
from yoy.models import Doc, Outline, Report, Tokens
from yoy.text import QUOTES, fold, squeeze, word_spans

__all__ = ["Tokens", "bigrams", "content_words", "count", "doc", "is_content", "key", "quoted",
           "strip_quotes", "tokens"]

# Function words and the boilerplate verbs/adverbs of work reports (`vocab.STOPWORDS_TEXT`).
STOPWORDS = frozenset(vocab.STOPWORDS_TEXT.split())

# Shortest and longest string that can be a policy term (characters): one-character words are
# grammar, and strings past 16 characters are clauses, not terms.
TERM_MIN_CHARS = 2
TERM_MAX_CHARS = 16
# Critical value of G² (log-likelihood, 1 degree of freedom) at p < 0.001: the conventional
# cut-off in corpus linguistics (Rayson & Garside 2000) for a keyword to count as key.
G2_MIN = 10.83

_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTE_MARK = re.compile("[" + re.escape("".join(QUOTES) + "".join(QUOTES.values())) + "]")
_DIGIT = re.compile(rf"[0-9{vocab.NUMBER_CHARS}%.]")


def _tokens(pieces: Iterable[tuple[str, int, int]]) -> Tokens:
    columns = tuple(zip(*pieces, strict=True))  # (words, starts, ends), transposed in C
    if not columns:
        return Tokens((), (), ())
    return Tokens(*columns)


def _at(origin: Sequence[int], positions: Sequence[int]) -> tuple[int, ...]:
    """`origin[p]` for each of `positions` (itemgetter: one C call instead of a Python loop)."""
    if len(positions) < 2:
        return tuple(origin[p] for p in positions)
    picked: tuple[int, ...] = itemgetter(*positions)(origin)  # itemgetter is untyped: Any, named here
    return picked


def doc(report: Report, outline: Outline) -> Doc:
    """The per-report record: fold, squeeze and segment `report.text` once."""
    folded = fold(report.text)
    flat, origin = squeeze(folded)
    flat_tokens = _tokens(word_spans(flat))
    starts = _at(origin, flat_tokens.starts)
    ends = tuple(p + 1 for p in _at(origin, [e - 1 for e in flat_tokens.ends]))
    cuts = tuple(sorted({bisect_left(origin, m.start()) for m in _QUOTE_MARK.finditer(folded)}))
    return Doc(report, outline, folded, flat, origin, Tokens(flat_tokens.words, starts, ends), flat_tokens,
               cuts)


def tokens(text: str) -> Tokens:
    """Words of `fold(text)` with offsets into `text` (whitespace is not a word)."""
    folded = fold(text)
    flat, origin = squeeze(folded)
    return _tokens((w, origin[s], origin[e - 1] + 1) for w, s, e in word_spans(flat))


def is_content(word: str) -> bool:
    """A word that may carry topic: Chinese, two characters or more, no number, not a stop word."""
    return (TERM_MIN_CHARS <= len(word) <= TERM_MAX_CHARS and _CJK.search(word) is not None
            and _DIGIT.search(word) is None and word not in STOPWORDS)


def content_words(words: Iterable[str]) -> list[str]:
    """The content words of `words`, in order."""
    ws = list(words)
    ok = {w: is_content(w) for w in set(ws)}
    return [w for w in ws if ok[w]]


def bigrams(words: Iterable[str]) -> list[str]:
    """Adjacent content-word pairs, joined: 数字+经济 → 数字经济."""
    ws = list(words)
    ok = {w: is_content(w) for w in set(ws)}
    return [a + b for a, b in pairwise(ws) if ok[a] and ok[b] and len(a) + len(b) <= TERM_MAX_CHARS]


_NO_QUOTES = str.maketrans("", "", "".join(QUOTES) + "".join(QUOTES.values()))


def strip_quotes(term: str) -> str:
    """The term without quote marks: “放管服”改革 → 放管服改革."""
    return term.translate(_NO_QUOTES)


def key(term: str) -> str:
    """The matching form of a term: folded, quotes and whitespace stripped."""
    return "".join(strip_quotes(fold(term)).split())


def count(term: str, flat_text: str) -> int:
    """Occurrences of `term` (folded, quotes ignored) in a flat text (`Doc.flat`)."""
    t = key(term)
    return flat_text.count(t) if t else 0


_QUOTED = re.compile(r"[“「『]([^“”「」『』,。;:!?\n]{2,16})[”」』]")


def quoted(folded_text: str) -> Counter[str]:
    """Terms written in quotes (“X招X引”, 「…」), without their slogans of several clauses."""
    found: Counter[str] = Counter()
    for m in _QUOTED.finditer(folded_text):
        term = m.group(1).strip()
        if _CJK.search(term) and "、" not in term and not _DIGIT.fullmatch(term):
            found[term] += 1
    return found


def g2(a: int, b: int, n_a: int, n_b: int) -> float:
    """Log-likelihood G² of a word seen `a` times in `n_a` words and `b` times in `n_b` words."""
    total = n_a + n_b
    e_a, e_b = n_a * (a + b) / total, n_b * (a + b) / total
    value = 0.0
    if a:
        value += a * math.log(a / e_a)
    if b:
        value += b * math.log(b / e_b)
    return 2.0 * value


def keyness(old: Mapping[str, int], new: Mapping[str, int], items: Iterable[str] | None = None
            ) -> dict[str, float]:
    """Signed G² of every item of both counts (or of `items` only): positive = key in new, negative =
    key in old."""
    n_old, n_new = max(1, sum(old.values())), max(1, sum(new.values()))
    out: dict[str, float] = {}
    for item in old.keys() | new.keys() if items is None else items:
        a, b = old.get(item, 0), new.get(item, 0)
        value = g2(a, b, n_old, n_new)
        out[item] = value if b / n_new >= a / n_old else -value
    return out


def per10k(n: int, chars: int) -> float:
    """Occurrences per 10,000 characters, rounded for stable output."""
    return round(n * 10000 / chars, 2) if chars else 0.0
