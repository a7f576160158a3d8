"""Scoring of target rows against ../shared/gold/*.json, as shared/gold/README.md says.

A gold row (indicator, old, new) is right when the comparison has a target line of that indicator (as
worded, or its matching name) whose old and new values equal the gold's after NFKC and whitespace
removal (`％` = `%`).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from yoy import pipeline
from yoy.corpus import Corpus
from yoy.models import Comparison, TargetChange

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT.parent / "shared" / "gold"
NATIONAL_GOLD = GOLD_DIR / "national_2000_2013.json"
CORPUS = Corpus(ROOT / "yoy" / "corpus")


def norm(value: str | None) -> str:
    """NFKC, no whitespace, ％ = %."""
    return "".join(unicodedata.normalize("NFKC", value or "").split()).replace("％", "%")


@dataclass(frozen=True)
class Row:
    """One gold row and what the comparison says for it."""

    old_year: int
    new_year: int
    indicator: str
    gold_old: str
    gold_new: str
    got_old: str | None
    got_new: str | None
    found: bool

    @property
    def right(self) -> bool:
        return self.found and norm(self.got_old) == norm(self.gold_old) and norm(self.got_new) == norm(
            self.gold_new)


def _line(targets: Sequence[TargetChange], indicator: str) -> TargetChange | None:
    """The line of that indicator, by its wording in the report or its matching name (the gold README's
    names are the matching names: 国内生产总值增长 is also a province's 地区生产总值增长)."""
    return next((t for t in targets if norm(indicator) in (norm(t.indicator), norm(t.canonical))), None)


def score_pair(c: Comparison, gold_rows: Sequence[dict[str, str]]) -> list[Row]:
    """Every gold row of one pair against the comparison's target lines."""
    out = []
    for g in gold_rows:
        t = _line(c.targets, g["indicator"])
        out.append(Row(c.old.year, c.new.year, g["indicator"], g["old"], g["new"],
                       t.old.value if t and t.old else None, t.new.value if t and t.new else None,
                       t is not None))
    return out


@cache
def national_comparison(old_year: int, new_year: int) -> Comparison:
    """全国 old → new from the embedded corpus (no history: the targets do not need it)."""
    return pipeline.compare(CORPUS.load("全国", old_year), CORPUS.load("全国", new_year))


def national_gold() -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads(NATIONAL_GOLD.read_text(encoding="utf-8"))
    pairs: list[dict[str, Any]] = data["pairs"]
    return pairs


def score_national() -> Iterator[Row]:
    """Every target row of the national gold, pair by pair."""
    for p in national_gold():
        yield from score_pair(national_comparison(p["old"], p["new"]), p["targets"])
