"""Scoring of outlines against ../shared/gold/outlines.json and national_outlines_2000_2013.json,
exactly as the gold README says (the national file is scored the same way)."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yoy.models import Outline

GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "gold"
TRAILING = "。，,；;：:"


def norm_title(title: str | None) -> str:
    """NFKC, no whitespace, no trailing punctuation."""
    t = "".join(unicodedata.normalize("NFKC", title or "").split())
    return t.rstrip(TRAILING)


@dataclass(frozen=True)
class Score:
    matched: int
    total: int
    extra: int
    misses: tuple[str, ...]
    extras: tuple[str, ...]

    @property
    def ratio(self) -> float:
        return self.matched / self.total if self.total else 1.0


NATIONAL_GOLD = GOLD_DIR / "national_outlines_2000_2013.json"


def load_gold(name: str = "outlines.json") -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads((GOLD_DIR / name).read_text(encoding="utf-8"))
    return list(data["reports"])


def load_national_gold() -> list[dict[str, Any]]:
    return load_gold(NATIONAL_GOLD.name)


def score_outline(gold: dict[str, Any], outline: Outline) -> Score:
    """matched gold headings / all gold headings, and the extra numbered headings."""
    predicted_parts = {b.n: b for b in outline.blocks if b.n is not None}
    matched, total, misses = 0, 0, []
    gold_numbered: set[tuple[int, int | None]] = set()
    for part in gold["parts"]:
        if part["n"] is not None:
            total += 1
            gold_numbered.add((part["n"], None))
            got = predicted_parts.get(part["n"])
            if got is not None and norm_title(got.title) == norm_title(part["title"]):
                matched += 1
            else:
                misses.append(f"part {part['n']}: {got.title if got else None!r} != {part['title']!r}")
        kids = predicted_parts[part["n"]].children if part["n"] in predicted_parts else ()
        if part["n"] is None:  # digest: unnumbered sections, found in order
            unnumbered = [s for b in outline.blocks if b.n is None for s in b.children if s.n is None]
            pos = 0
            for sec in part["sections"]:
                total += 1
                want = norm_title(sec["title"])
                found = next(
                    (i for i in range(pos, len(unnumbered)) if norm_title(unnumbered[i].title) == want), None
                )
                if found is None:
                    misses.append(f"unnumbered section {sec['title']!r}")
                else:
                    matched += 1
                    pos = found + 1
            continue
        by_n = {s.n: s for s in kids if s.level == "section"}
        for sec in part["sections"]:
            total += 1
            gold_numbered.add((part["n"], sec["n"]))
            got = by_n.get(sec["n"])
            if got is not None and norm_title(got.title) == norm_title(sec["title"]):
                matched += 1
            else:
                misses.append(
                    f"section {part['n']}.{sec['n']}: {got.title if got else None!r} != {sec['title']!r}"
                )
    extras = []
    for b in outline.blocks:
        if b.n is not None and (b.n, None) not in gold_numbered:
            extras.append(f"part {b.n} {b.title!r}")
        for s in b.children:
            if s.level == "section" and s.n is not None and (b.n, s.n) not in gold_numbered:
                extras.append(f"section {b.n}.{s.n} {s.title!r}")
    return Score(matched, total, len(extras), tuple(misses), tuple(extras))
