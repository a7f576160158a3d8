"""The reports a comparison measures novelty and genericness against, and fast presence scans.

`Reference` holds every report yoy knows, each folded and squeezed once (`flat`, see `yoy.models.Doc`):
the national reports yoy ships, the user's corpus and the region's own reports. It is built at the
edge (`yoy.pipeline`) and passed in; nothing here reads a file. A region's history is the part of it
with that region and earlier years.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick

from yoy.models import Level, Report
from yoy.text import fold, squeeze


@dataclass(frozen=True, slots=True)
class RefText:
    """One reference report: who and when, and its flat text."""

    region: str
    level: Level
    year: int
    flat: str


@dataclass(frozen=True, slots=True)
class Reference:
    """Every report novelty and genericness are measured against, oldest first within a region."""

    texts: tuple[RefText, ...] = ()

    def history(self, region: str, before: int) -> tuple[RefText, ...]:
        """The region's reports older than `before`, oldest first."""
        return tuple(sorted((t for t in self.texts if t.region == region and t.year < before),
                            key=lambda t: t.year))

    def others(self, *exclude: tuple[str, int]) -> tuple[RefText, ...]:
        """Every reference report except those named (region, year)."""
        skip = set(exclude)
        return tuple(t for t in self.texts if (t.region, t.year) not in skip)


def flat_text(report: Report) -> str:
    """The flat (folded, whitespace- and quote-free) text of a report, as `Doc.flat` has it."""
    return squeeze(fold(report.text))[0]


def reference(reports: Iterable[Report]) -> Reference:
    """A `Reference` of `reports`; the first report of a (region, year) wins."""
    seen: dict[tuple[str, int], RefText] = {}
    for r in reports:
        k = (r.meta.region, r.meta.year)
        if k not in seen:
            seen[k] = RefText(r.meta.region, r.meta.level, r.meta.year, flat_text(r))
    return Reference(tuple(sorted(seen.values(), key=lambda t: (t.region, t.year))))


_NONE: frozenset[int] = frozenset()
# Fewer patterns than this are looked for one by one (`str.__contains__`) rather than with an
# automaton: on national reports (~20,000 characters) one Aho-Corasick pass costs ~90 ns a character
# whatever the number of patterns, one substring search ~0.5 ns a character per pattern, so the
# automaton pays off from ~180 patterns; 100 keeps clear of that crossing (measured on this machine).
FEW_PATTERNS = 100
_value = itemgetter(1)  # the pattern of an Aho-Corasick match (end, pattern)


def presence(patterns: Iterable[str], texts: Sequence[str]) -> dict[str, frozenset[int]]:
    """For each pattern, the indexes of `texts` that contain it (Aho-Corasick: one pass per text)."""
    pats = {p for p in patterns if p}
    if not pats or not texts:
        return dict.fromkeys(pats, _NONE)
    if len(pats) < FEW_PATTERNS:  # a few patterns: one C substring search each beats a pass of the automaton
        return {p: frozenset(k for k, text in enumerate(texts) if p in text) for p in pats}
    auto = ahocorasick.Automaton()
    for p in pats:
        auto.add_word(p, p)
    auto.make_automaton()
    where: dict[str, set[int]] = {}
    for k, text in enumerate(texts):
        for p in set(map(_value, auto.iter(text))):  # the matches' patterns, gathered in C
            where.setdefault(p, set()).add(k)
    out = dict.fromkeys(pats, _NONE)
    out.update((p, frozenset(ks)) for p, ks in where.items())
    return out


def found_in(patterns: Iterable[str], text: str) -> set[str]:
    """The patterns that `text` contains (one Aho-Corasick pass; a few patterns searched one by one):
    `presence` of one text, without its per-pattern sets."""
    pats = {p for p in patterns if p}
    if len(pats) < FEW_PATTERNS:
        return {p for p in pats if p in text}
    auto = ahocorasick.Automaton()
    for p in pats:
        auto.add_word(p, p)
    auto.make_automaton()
    return set(map(_value, auto.iter(text)))


def tallies(patterns: Iterable[str], texts: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """For each pattern, how many times each of `texts` says it (overlapping matches counted; one
    Aho-Corasick pass per text)."""
    pats = sorted({p for p in patterns if p})
    out = {p: [0] * len(texts) for p in pats}
    if pats and texts:
        auto = ahocorasick.Automaton()
        for p in pats:
            auto.add_word(p, p)
        auto.make_automaton()
        for k, text in enumerate(texts):
            for _, p in auto.iter(text):
                out[p][k] += 1
    return {p: tuple(ns) for p, ns in out.items()}


def occurrences(patterns: Iterable[str], text: str) -> dict[str, list[int]]:
    """Start offsets of every pattern in `text`, non-overlapping per pattern as `str.count` counts."""
    pats = {p for p in patterns if p}
    out: dict[str, list[int]] = {p: [] for p in pats}
    if not pats:
        return out
    auto = ahocorasick.Automaton()
    for p in pats:
        auto.add_word(p, p)
    auto.make_automaton()
    for end, p in auto.iter(text):
        start = end - len(p) + 1
        places = out[p]
        if not places or start >= places[-1] + len(p):
            places.append(start)
    return out
