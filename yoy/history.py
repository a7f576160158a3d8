"""The reports a comparison measures novelty and genericness against, and fast presence scans.

`Reference` holds every report yoy knows, each folded and squeezed once (`flat`, see `yoy.models.Doc`):
the national reports yoy ships, the user's corpus and the region's own reports. It is built at the
edge (`yoy.pipeline`) and passed in; nothing here reads a file. A region's history is the part of it
with that region and earlier years.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from yoy.models import Level, Report, ReportMeta
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


def is_peer(region: str, level: Level, year: int, old: ReportMeta, new: ReportMeta) -> bool:
    """A report of `region`, `level` and `year` is a contemporary of the comparison `old` → `new` (their
    metadata): a report of another region (neither compared one) of the new report's year, not a
    national one (the nation's reports say when it took a term up, as the history does)."""
    return year == new.year and region not in (old.region, new.region) and level is not Level.NATIONAL


def flat_text(report: Report) -> str:
    """The flat (folded, whitespace- and quote-free) text of a report, as `Doc.flat` has it."""
    return _flat(report.text)


# Texts whose flat form a process keeps: a comparison folds the reference reports the shipped corpus
# does not hold (a district's own reports, its peers of the year: ≈ 3 ms each for 15,000 characters),
# and a batch asks for the same ones in every pair of a region or a year. 32 hold a region's history
# and eight peers with room to spare, at ≈ 100 kB a report (text and flat form): 3 MB at most.
FLAT_TEXTS = 32


@lru_cache(maxsize=FLAT_TEXTS)
def _flat(text: str) -> str:
    return squeeze(fold(text))[0]


def reference(reports: Iterable[Report]) -> Reference:
    """A `Reference` of `reports`; the first report of a (region, year) wins."""
    seen: dict[tuple[str, int], RefText] = {}
    for r in reports:
        k = (r.meta.region, r.meta.year)
        if k not in seen:
            seen[k] = RefText(r.meta.region, r.meta.level, r.meta.year, flat_text(r))
    return Reference(tuple(sorted(seen.values(), key=lambda t: (t.region, t.year))))


@dataclass(frozen=True, slots=True)
class Tally:
    """How many times each of some texts says each of a report's strings (overlapping matches, as
    `tallies` counts them), worked out before: the corpus index keeps them (`yoy.pipeline`). A scan
    given tallies (`presence`, `tallies`) reads the texts one holds instead of scanning them, when
    every pattern is one of its columns; the other texts are scanned."""

    columns: Mapping[str, int]  # each string → its place in a row
    rows: Mapping[str, Sequence[int]]  # a text → the count of every column in it


def count_rows(columns: Sequence[str], texts: Sequence[str]) -> list[array[int]]:
    """For each text, how many times it says each of `columns` (overlapping matches, as `tallies`
    counts): one row a text, by column (the rows of a `Tally`)."""
    at = {c: k for k, c in enumerate(columns)}
    rows = [array("I", bytes(4 * len(columns))) for _ in texts]
    if at and texts:
        for row, found in zip(rows, _scans(at, texts), strict=True):
            for c, n in Counter(found).items():
                row[at[c]] = n
    return rows


def _held(pats: Sequence[str], texts: Sequence[str], known: Iterable[Tally]
          ) -> tuple[list[int], list[tuple[int, ...]]] | None:
    """From the first of `known` whose columns hold every pattern and whose rows hold some of `texts`:
    the indexes of those texts and, for each pattern (in order), its counts in them; None when no
    tally answers."""
    for tally in known:
        cols = tally.columns
        try:
            at = [cols[p] for p in pats]  # the columns, and the test that it holds them all, in one pass
        except KeyError:
            continue
        held = [k for k, t in enumerate(texts) if t in tally.rows]
        if not held:
            continue
        pick = itemgetter(*at)
        got = [pick(tally.rows[texts[k]]) for k in held]
        return held, list(zip(*got, strict=True)) if len(pats) > 1 else [tuple(got)]
    return None


@dataclass(frozen=True, slots=True)
class Said:
    """Which of a report's strings some texts say, worked out before (the corpus index keeps them:
    `yoy.pipeline`), by text: `phrases`, of its cores and candidates (`formulations.said_strings`,
    what `formulations.phrases` asks of the compared text) those not among the text's own words and
    word pairs (which it says for certain); `variants`, of the variants of its candidates that the
    text does not say (`formulations.variant_strings`, what a comparison asks the old report when
    this one is new: a new phrase is absent from the old text)."""

    phrases: Mapping[str, frozenset[str]]
    variants: Mapping[str, frozenset[str]]


def said_in(patterns: Iterable[str], texts: Sequence[str]) -> list[frozenset[str]]:
    """For each text, the patterns it contains (one Aho-Corasick pass a text)."""
    pats = {p for p in patterns if p}
    if not pats:
        return [frozenset() for _ in texts]
    return [frozenset(found) for found in _scans(pats, texts)]


_NONE: frozenset[int] = frozenset()
# Fewer patterns than this are looked for one by one (`str.__contains__`) rather than with an
# automaton: on national reports (~20,000 characters) one Aho-Corasick pass (`_scans`) costs ~45 ns a
# character for a report's phrases, one substring search ~0.5 ns a character per pattern, so the
# automaton pays off from ~90 patterns; 64 keeps below that crossing (measured on this machine).
FEW_PATTERNS = 64
_value = itemgetter(1)  # the pattern of an Aho-Corasick match (end, pattern)


def _wide(text: str) -> str:
    """`text` as the bytes of its UTF-16 code units, one latin-1 character a byte (`_scans`)."""
    return text.encode("utf-16-be", "surrogatepass").decode("latin-1")


def _scans(patterns: Iterable[str], texts: Sequence[str]) -> Iterator[Iterable[str]]:
    """For each text, the pattern of every match (overlapping ones too): one Aho-Corasick pass a text.

    Patterns and texts are scanned as the bytes of their UTF-16 code units (`_wide`): an automaton
    node then has at most 256 children, where over the characters themselves its root has one per
    distinct first character (about a thousand for a report's phrases), and a pass pays for that
    character by character: on national reports the byte pass is about twice as fast (measured on
    this machine). A byte match is one of the text's own when it ends on the second byte of a code
    unit (an odd offset). Texts with a character beyond the Basic Multilingual Plane (a surrogate
    pair) are scanned as characters."""
    wide = [_wide(t) for t in texts]
    narrow = any(len(w) != 2 * len(t) for w, t in zip(wide, texts, strict=True))
    auto = ahocorasick.Automaton()
    for p in patterns:
        auto.add_word(p if narrow else _wide(p), p)
    auto.make_automaton()
    for t, w in zip(texts, wide, strict=True):
        if narrow:
            yield map(_value, auto.iter(t))
        else:
            yield (p for end, p in auto.iter(w) if end & 1)


def presence(patterns: Iterable[str], texts: Sequence[str], known: Sequence[Tally] = ()
             ) -> dict[str, frozenset[int]]:
    """For each pattern, the indexes of `texts` that contain it (Aho-Corasick: one pass per text;
    the texts a tally of `known` holds are read from it)."""
    pats = {p for p in patterns if p}
    if not pats or not texts:
        return dict.fromkeys(pats, _NONE)
    order = list(pats)  # any order: the result is a mapping (sorting a report's strings costs ≈ 1 ms)
    stored = _held(order, texts, known) if known else None
    if stored is not None:
        held, counts = stored
        taken = set(held)
        rest = [k for k in range(len(texts)) if k not in taken]
        scanned = presence(order, [texts[k] for k in rest]) if rest else {}
        sets: dict[tuple[int, ...], frozenset[int]] = {}  # fewer distinct count rows: one set each
        # fewer distinct presence rows still (≈ 1,300 count rows, ≈ 100 presence rows among a national
        # report's ≈ 5,000 strings in its history): each set built once
        said: dict[tuple[bool, ...], frozenset[int]] = {}
        out: dict[str, frozenset[int]] = {}
        for p, ns in zip(order, counts, strict=True):
            ks = sets.get(ns)
            if ks is None:
                mask = tuple(map(bool, ns))
                ks = said.get(mask)
                if ks is None:
                    ks = said[mask] = frozenset(k for k, n in zip(held, mask, strict=True) if n)
                sets[ns] = ks
            out[p] = ks | {rest[j] for j in scanned[p]} if rest else ks
        return out
    if len(pats) < FEW_PATTERNS:  # a few patterns: one C substring search each beats a pass of the automaton
        return {p: frozenset(k for k, text in enumerate(texts) if p in text) for p in pats}
    where: dict[str, set[int]] = {}
    for k, found in enumerate(_scans(pats, texts)):
        for p in set(found):
            where.setdefault(p, set()).add(k)
    out = dict.fromkeys(pats, _NONE)
    out.update((p, frozenset(ks)) for p, ks in where.items())
    return out


# Characters of the slices `found_rare` indexes a text by: a pattern that holds a slice of these
# many characters the text lacks cannot be in it. Three: a text of 20,000 characters has about as many
# distinct trigrams, so a trigram of an absent phrase is rarely among them (of the ~9,000 variants of
# a national report's new phrases about 40 pass, 13 are in the old text), while bigrams of CJK text
# are so common that most absent phrases would pass.
SLICE = 3


def found_rare(patterns: Iterable[str], text: str) -> set[str]:
    """The patterns that `text` contains, for patterns it mostly lacks (the variants of a report's new
    phrases in the old text): a pattern passes when the text has each of its `SLICE`-character
    slices (a set of the text's slices, built once), then a substring search confirms it. Where
    few patterns are found this beats an automaton, whose cost is building it for every pattern
    (≈ 10 ms against ≈ 22 ms on a national report's variants, measured on this machine)."""
    pats = {p for p in patterns if p}
    if len(pats) < FEW_PATTERNS:
        return {p for p in pats if p in text}
    slices = {text[k:k + SLICE] for k in range(len(text) - SLICE + 1)}
    return {p for p in pats if all(p[k:k + SLICE] in slices for k in range(len(p) - SLICE + 1))
            and p in text}


def found_in(patterns: Iterable[str], text: str) -> set[str]:
    """The patterns that `text` contains (one Aho-Corasick pass; a few patterns searched one by one):
    `presence` of one text, without its per-pattern sets."""
    pats = {p for p in patterns if p}
    if len(pats) < FEW_PATTERNS:
        return {p for p in pats if p in text}
    return set(next(_scans(pats, [text])))


def tallies(patterns: Iterable[str], texts: Sequence[str], known: Sequence[Tally] = ()
            ) -> dict[str, tuple[int, ...]]:
    """For each pattern, how many times each of `texts` says it (overlapping matches counted; one
    Aho-Corasick pass per text; the texts a tally of `known` holds are read from it)."""
    pats = list({p for p in patterns if p})  # any order, as `presence`
    stored = _held(pats, texts, known) if pats and texts and known else None
    if stored is not None:
        held, counts = stored
        if len(held) == len(texts):
            return dict(zip(pats, counts, strict=True))
        taken = set(held)
        rest = [k for k in range(len(texts)) if k not in taken]
        scanned = tallies(pats, [texts[k] for k in rest])
        merged: dict[str, tuple[int, ...]] = {}
        for p, ns in zip(pats, counts, strict=True):
            row = [0] * len(texts)
            for k, n in zip(held, ns, strict=True):
                row[k] = n
            for k, n in zip(rest, scanned[p], strict=True):
                row[k] = n
            merged[p] = tuple(row)
        return merged
    out = {p: [0] * len(texts) for p in pats}
    if pats and texts:
        for k, found in enumerate(_scans(pats, texts)):
            for p in found:
                out[p][k] += 1
    return {p: tuple(ns) for p, ns in out.items()}


def occurrences(patterns: Iterable[str], text: str) -> dict[str, list[int]]:
    """Start offsets of every pattern in `text`, non-overlapping per pattern as `str.count` counts
    (scanned as `_scans` scans; a few patterns searched one by one)."""
    pats = {p for p in patterns if p}
    out: dict[str, list[int]] = {p: [] for p in pats}
    if not pats:
        return out
    if len(pats) < FEW_PATTERNS:  # a few patterns: C substring searches beat building an automaton
        for p in pats:
            places, pos = out[p], text.find(p)
            while pos >= 0:
                places.append(pos)
                pos = text.find(p, pos + len(p))
        return out
    wide = _wide(text)
    narrow = len(wide) != 2 * len(text)  # a character beyond the BMP: offsets are not code units
    auto = ahocorasick.Automaton()
    for p in pats:
        auto.add_word(p if narrow else _wide(p), p)
    auto.make_automaton()
    for end, p in auto.iter(text) if narrow else auto.iter(wide):
        if not narrow:
            if not end & 1:
                continue  # not on a code unit's boundary (`_scans`)
            end //= 2  # the character whose second byte ends the match
        start = end - len(p) + 1
        places = out[p]
        if not places or start >= places[-1] + len(p):
            places.append(start)
    return out
