"""Text helpers every stage shares: the matching fold, word segmentation, packaged data files."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import jieba
import opencc

# Sentence terminators after folding (full-width 。！？； fold to these or stay as they are).
SENTENCE_END = "。!?;"
# Quote pairs after folding: “” stay curly under NFKC, 「」 and 『』 are what Traditional texts use.
QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"'}


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:  # ㎡ → m2, ① → 1: keep the original so offsets stay valid
        return ch
    if folded.isspace() and folded not in "\n\r":  # line breaks are structure; other spaces fold
        return " "
    return folded


@lru_cache(maxsize=64)  # every stage folds the same two reports; keep them folded once
def fold(text: str) -> str:
    """The matching form of `text`: Simplified characters, half-width punctuation, one char per char.

    The result has exactly the length of `text`, so offsets found in it index the original.
    """
    simplified = _t2s().convert(text)
    if len(simplified) != len(text):  # a phrase conversion changed length: go char by char
        convert = _t2s().convert
        simplified = "".join(c if len(c := convert(ch)) == 1 else ch for ch in text)
    return "".join(_fold_char(ch) for ch in simplified)


def data_path(name: str) -> Path:
    """A file shipped in `yoy/data/`."""
    return Path(str(resources.files("yoy") / "data" / name))


@cache
def _tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    jieba.setLogLevel(60)
    tok.load_userdict(str(data_path("policy_terms.txt")))
    return tok


def words(text: str) -> list[str]:
    """Segment folded text into words with jieba and yoy's dictionary of policy terms."""
    return list(_tokenizer().cut(text, HMM=True))


def word_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """Words of `text` with their offsets, as jieba's tokenize gives them (cached: outline and
    classify both segment the whole folded report)."""
    return _word_spans(text)


@lru_cache(maxsize=64)
def _word_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_tokenizer().tokenize(text, HMM=True))


def clear_caches() -> None:
    """Forget every cached fold and segmentation (benchmarks measure cold runs with this)."""
    fold.cache_clear()
    _word_spans.cache_clear()
