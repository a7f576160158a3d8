"""Text helpers every stage shares: the matching fold, Chinese numerals, word segmentation (the shipped
data files are read through `yoy.files`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import opencc

if TYPE_CHECKING:
    import rjieba

from yoy.vocab import AND_WORD, CLAUSE_FINAL_MARKS, TEN
from yoy.vocab import NUMERALS as NUMERALS  # re-exported: stages read the digits with the text helpers

# Sentence terminators after folding (full-width 。！？； fold to these or stay as they are).
SENTENCE_END = "。!?;"
# Quote pairs after folding: “” stay curly under NFKC, 「」 and 『』 are what Traditional texts use.
QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"'}


@cache  # the converter's tables, loaded once per process (no text is cached)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:  # ㎡ → m2, ① → 1: keep the original so offsets stay valid
        return ch
    if folded.isspace() and folded not in "\n\r":  # line breaks are structure; other spaces fold
        return " "
    return folded


class _FoldTable(dict[int, str]):
    """`str.translate` table that folds each character the first time it is seen (the table grows
    with the character set, not with the texts)."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_char(chr(code))
        return out


_FOLD = _FoldTable()  # constant per character (grows with the character set, never with texts)


def fold(text: str) -> str:
    """The matching form of `text`: Simplified characters, half-width punctuation, one char per char.

    The result has exactly the length of `text`, so offsets found in it index the original.
    """
    simplified: str = _t2s().convert(text)
    if len(simplified) != len(text):  # a phrase conversion changed length: go char by char
        convert = _t2s().convert
        simplified = "".join(c if len(c := convert(ch)) == 1 else ch for ch in text)
    if simplified.isascii():
        return simplified
    return simplified.translate(_FOLD)


def fold_each(texts: Sequence[str]) -> list[str]:
    """`fold` of each of `texts`, from one conversion of them all joined by line breaks (a report's
    thousands of candidate phrases: one call instead of one each). OpenCC converts by the longest
    dictionary match at each place, and no dictionary entry holds a line break, so each text converts
    between the breaks as it does alone; a text with a line break of its own, or whose conversion
    changed its length (then `fold` goes character by character), is folded alone."""
    if any("\n" in t for t in texts):
        return [fold(t) for t in texts]
    pieces = _t2s().convert("\n".join(texts)).split("\n")
    if len(pieces) != len(texts):
        return [fold(t) for t in texts]
    return [fold(t) if len(s) != len(t) else s if s.isascii() else s.translate(_FOLD)
            for t, s in zip(texts, pieces, strict=True)]


# The numeral digits (`NUMERALS`, 零 … 十) are script data; they live in yoy.vocab with the other
# Chinese characters so that no module but vocab spells one.
# The first and last code point of the CJK Unified Ideographs block (U+4E00 … U+9FFF).
IDEOGRAPH_FIRST, IDEOGRAPH_LAST = 0x4E00, 0x9FFF


def is_ideograph(ch: str) -> bool:
    """Whether `ch` is one character of the CJK Unified Ideographs block."""
    return IDEOGRAPH_FIRST <= ord(ch) <= IDEOGRAPH_LAST


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 99 (一 → 1, 十二 → 12, 二十 → 20); None if malformed."""
    digits = {c: i for i, c in enumerate(NUMERALS)}
    if not text or any(c not in digits for c in text):
        return None
    if TEN not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, ones = text.partition(TEN)
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, as headings write them (1..99; others stay Arabic)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else NUMERALS[tens]) + TEN if tens else "") + (NUMERALS[ones] if ones else "")


_QUOTE_CHARS = frozenset("".join(QUOTES) + "".join(QUOTES.values()))


# What `squeeze` drops: runs of whitespace (`\s` is `str.isspace`, character for character) and quote marks.
_SQUEEZED = re.compile("[\\s" + re.escape("".join(sorted(_QUOTE_CHARS))) + "]+")


def squeeze(folded: str) -> tuple[str, tuple[int, ...]]:
    """`folded` without whitespace (transcriptions break lines inside words) and quote marks (“X五”规划
    is the term X五规划), and where each kept character stands in `folded`."""
    keep: list[int] = []
    pos = 0
    for m in _SQUEEZED.finditer(folded):  # a few hundred dropped runs: the kept ranges are copied in C
        keep.extend(range(pos, m.start()))
        pos = m.end()
    keep.extend(range(pos, len(folded)))
    return _SQUEEZED.sub("", folded), tuple(keep)


def _tokenizer() -> rjieba.Jieba:
    """jieba-rs with its default dictionary: the instance `import rjieba` has already built (its
    module-level `cut`, `tag`, `tokenize` use it). A second `rjieba.Jieba()` would load the same
    dictionary again, 0.1 s of every process that segments; yoy never adds words to it. Imported
    here, on first use: commands that fold but never segment (`yoy targets` reading stored figures)
    do not load the dictionary at all."""
    import rjieba

    return rjieba._DEFAULT_JIEBA


# A conjunction ends no clause, yet jieba cuts some words ending in 和 into a character and the
# conjunction where its frequencies favour the parts (X中和 as X|中|和: 中和 is a dictionary word).
# Where 和 is the last word before a clause mark (or the end of the text) and the character before it
# and 和 make a dictionary word, they are one word: `words`, `tag` (as vn: a word alone in the slot a
# clause ends on names a thing, X中和) and `word_spans` agree. So are they, wherever the clause goes
# on, when the word before 和 is none of the dictionary's (X中|和|Y: the model made that piece up).
# Only 和: of the genre's conjunctions the one that ends common words (中和, 缓和, 总和). No such place
# in the embedded reports (checked when each rule was added): their segmentation is unchanged.
_AND = AND_WORD
_CLAUSE_FINAL_AND = re.compile(f"{_AND}(?:$|[{re.escape(CLAUSE_FINAL_MARKS)}])")
_REJOINED_TAG = "vn"


def _rejoin(text: str, ws: list[str]) -> list[int]:
    """The indices k of `ws` (the words of `text`, in order) whose word is a 和 that joins the last
    character of word k-1: a clause-final one (`_CLAUSE_FINAL_AND`), or one after a piece of two or
    more characters that is no dictionary word, when that character and 和 make one."""
    out = []
    pos = 0
    for k, w in enumerate(ws):
        pos += len(w)
        if w != _AND or not k or not dictionary_count(ws[k - 1][-1] + w):
            continue
        prev = ws[k - 1]
        if _CLAUSE_FINAL_AND.match(text, pos - 1) or (len(prev) >= 2 and not dictionary_count(prev)):
            out.append(k)
    return out


def _rejoined(ws: list[str], at: list[int]) -> list[tuple[str, int]]:
    """`ws` with each 和 of `at` joined to the last character of the word before it: each word with
    the index in `ws` of the word it is (or is the rest of), -1 for a joined word."""
    joins = set(at)
    out: list[tuple[str, int]] = []
    for k, w in enumerate(ws):
        if k in joins:
            prev, i = out.pop()
            if len(prev) > 1:
                out.append((prev[:-1], i))
            out.append((prev[-1] + w, -1))
        else:
            out.append((w, k))
    return out


def words(text: str) -> list[str]:
    """Segment folded text into words (jieba-rs: the segmentation of jieba, about 6× faster; a
    clause-final X和 one word, `_CLAUSE_FINAL_AND`)."""
    ws = list(_tokenizer().cut(text, hmm=True))
    if _AND not in text or not (at := _rejoin(text, ws)):
        return ws
    return [w for w, _ in _rejoined(ws, at)]


def tag(text: str) -> list[tuple[str, str]]:
    """Words of `text` with jieba's part-of-speech tags (a: adjective, d: adverb, n: noun …)."""
    tagged = [(w, t) for w, t in _tokenizer().tag(text, hmm=True)]
    if _AND not in text or not (at := _rejoin(text, [w for w, _ in tagged])):
        return tagged
    out = []
    for w, i in _rejoined([w for w, _ in tagged], at):
        if i < 0:
            out.append((w, _REJOINED_TAG))
        elif w == tagged[i][0]:
            out.append(tagged[i])
        else:  # the rest of the word 和 took its last character from: tagged on its own (碳中 → 碳)
            alone = _tokenizer().tag(w, hmm=True)
            out.append((w, alone[0][1] if len(alone) == 1 else tagged[i][1]))
    return out


def dictionary_count(word: str) -> int:
    """How often jieba's general dictionary counts `word` as a word (0 when it is not one)."""
    tok = _tokenizer()
    return int(tok.suggest_freq(word)) if tok.has_word(word) else 0


def word_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """Words of `text` with their offsets."""
    spans = tuple(_tokenizer().tokenize(text, hmm=True))  # a list of (word, start, end) tuples already
    if _AND not in text or not (at := _rejoin(text, [w for w, _, _ in spans])):
        return spans
    out: list[tuple[str, int, int]] = []
    pos = spans[0][1] if spans else 0
    for w, _ in _rejoined([w for w, _, _ in spans], at):
        out.append((w, pos, pos + len(w)))
        pos += len(w)
    return tuple(out)
