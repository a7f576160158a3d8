"""Corpus statistics behind the engine's thresholds: each figure a constant's comment quotes, computed
over every embedded report (yoy/corpus: the national reports and the seed district reports).

Run: .venv/bin/python scripts/measure_thresholds.py [--only NAME ...] [--draws N]

Nothing here reads ../shared/gold: each statistic is a property of the reports themselves (heading
lengths, how often sibling headings share an ending, how far a section's best counterpart stands
above the unrelated level of its comparison, …). The constants' comments (yoy/outline.py,
yoy/align.py, yoy/classify/weights.py, yoy/formulations.py, yoy/corpus.py, yoy/render/context.py) quote the
figures printed here; rerun it after adding reports to see whether they still hold.

- MAX_TITLE (outline): lengths of the headings that fill their own line (a marker, a title, nothing
  after it on the line): the longest, and its 99th percentile.
- PARALLEL_QUORUM (outline): per sibling group of ≥ MIN_TEMPLATE_SIBLINGS headings with visible ends,
  the largest share of siblings with the same character at one distance (≤ ANCHOR_SPAN) from the end;
  against the same share in random groups of as many headings drawn from different reports (chance).
- MAX_ITEM (outline): the first sentences of paragraphs that go on past them, by length: the share
  with no clause mark (a lead phrase, not a clause chain).
- ITEM_STATEMENT (outline): the marks of a statement (`outline.statement`: a figure, a subject pronoun,
  a clause mark) in the first clause of every numbered heading, against the short
  comma-free first sentences the lead-phrase rule looks at.
- MIN_DIGEST_SECTIONS (outline): in the reports with numbered headings, the most paragraphs sharing
  one opening of MIN_DIGEST_PREFIX characters (chance openings, where the digest rule does not run).
- NULL_RATIO (align): in every consecutive and every same-year (peer) pair of the corpus, each group's
  scores over its median: a unit's mutual best counterpart, against the scores that are neither a
  row's nor a column's best (unrelated pairs).
- STAT_CLIP (outline): smoothed clause-final log-odds of the words seen ≥ MIN_EVIDENCE times.
- REPEAT (outline): headings that stand alone, run on into their body: how often a repeated phrase's
  window holds the true end (the hint's log-odds).
- NUMBERED_MAX (formulations): lengths of the quoted numbered names (“两个X”, “五大X”) of the corpus.
- STANCE_MODIFIER (formulations: MODIFIER_MAX, DEGREE_MAX): the modifiers that `formulations.stances`
  finds before 的 and a policy head, by length, and the longer ones with their words.
- QUOTED_LIST (formulations: QUOTED_LIST_PARTS): the quoted 、-runs of the corpus by their number of
  parts, and how many of those with at most QUOTED_LIST_PARTS parts fit JOINED_MAX characters.
- QUOTED_FIGURE (formulations: QUOTED_FIGURE_MAX): the quoted spans holding a digit or `+` (and an
  ideograph or letter) by length.
- SUGGEST_LIMIT (corpus): how many regions of the region table share one name.
- COMPARE (classify, render): per consecutive pair, the common-word candidates before MAX_COMMON's cap
  and the target changes of the ranked list (against TOP_TARGETS); the slowest part (whole comparisons).
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yoy import align, classify, formulations, outline, pipeline, terms  # noqa: E402
from yoy import corpus as corpus_module  # noqa: E402
from yoy.corpus import Corpus  # noqa: E402
from yoy.models import RankedKind, Report  # noqa: E402
from yoy.render import context  # noqa: E402
from yoy.text import SENTENCE_END, fold, words  # noqa: E402

# Random sibling groups drawn per group size for the chance level of a shared ending. Enough for a
# stable 99th percentile (the figure moves by under 0.02 between seeds at 2000); fixed seed.
DRAWS = 2000
SEED = 20261202
# Percentiles reported for the chance level and the unrelated scores.
HIGH = 0.95
TOP = 0.99


@cache
def reports() -> tuple[Report, ...]:
    """Every embedded report, read once."""
    return tuple(Corpus(ROOT / "yoy" / "corpus").reports())


@cache
def outlines() -> tuple[Any, ...]:
    return tuple(outline.segment(r) for r in reports())


def quantile(values: Sequence[float], q: float) -> float:
    """The q-quantile of `values` (nearest rank, no interpolation: a value that occurs)."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def pairs() -> list[tuple[Report, Report, str]]:
    """Every consecutive pair of a region and every pair of two regions' reports of one year."""
    by_region: dict[str, list[Report]] = defaultdict(list)
    by_year: dict[int, list[Report]] = defaultdict(list)
    for r in reports():
        by_region[r.meta.region].append(r)
        by_year[r.meta.year].append(r)
    out = []
    for rs in by_region.values():
        rs.sort(key=lambda r: r.meta.year)
        out += [(a, b, "consecutive") for a, b in itertools.pairwise(rs)]
    for rs in by_year.values():
        rs.sort(key=lambda r: r.meta.region)
        out += [(a, b, "peer") for i, a in enumerate(rs) for b in rs[i + 1 :]]
    return out


def name(r: Report) -> str:
    return f"{r.meta.region} {r.meta.year}"


# --- outline: heading lengths and shared endings ---------------------------------------------------

def alone_titles() -> list[tuple[str, str]]:
    """(report, title) of every part/section marker that opens a line holding only its heading: a
    line with no sentence end before its last character (the title's end is visible)."""
    out = []
    for r in reports():
        f = fold(r.text)
        for line in f.splitlines():
            m = outline._PART_RE.match(line) or outline._SECTION_RE.match(line)
            if m is None:
                continue
            title = line[m.end():].strip().rstrip(outline._TITLE_STRIP)
            if len(title) >= outline.MIN_TITLE and not any(ch in SENTENCE_END for ch in title):
                out.append((name(r), title))
    return out


def show_max_title(out: Callable[[str], None]) -> None:
    titles = alone_titles()
    lengths = [len(t) for _, t in titles]
    longest = max(titles, key=lambda rt: len(rt[1]))
    out(f"MAX_TITLE = {outline.MAX_TITLE}: {len(lengths)} headings alone on their line in "
        f"{len(reports())} reports; median {median(lengths):g}, p{TOP * 100:g} {quantile(lengths, TOP)}, "
        f"longest {len(longest[1])} ({longest[0]})")


def sibling_groups() -> list[tuple[str, list[str]]]:
    """Titles of each sibling group (the parts of a report; the sections of one part) of at least
    MIN_TEMPLATE_SIBLINGS headings, whose headings all stand alone or end at a sentence end."""
    out = []
    for r, tree in zip(reports(), outlines(), strict=True):
        f = fold(r.text)
        groups = [list(tree.blocks)] + [list(p.children) for p in tree.blocks]
        for g in groups:
            if len(g) < outline.MIN_TEMPLATE_SIBLINGS:
                continue
            titles = [fold(b.title) for b in g]
            ends = [b.title_span.end for b in g]
            visible = all(e >= len(f) or f[e] == "\n" or f[e] in SENTENCE_END or f[e] in "。;:"
                          for e in ends)
            if visible and all(titles):
                out.append((name(r), titles))
    return out


def ending_share(titles: Sequence[str]) -> float:
    """The largest share of `titles` with one character at one distance k ≤ ANCHOR_SPAN from the end."""
    best = 0
    for k in range(1, outline.ANCHOR_SPAN + 1):
        counts = Counter(t[-k] for t in titles if len(t) >= k and t[-k] not in outline._CLAUSE_PUNCT)
        best = max(best, max(counts.values(), default=0))
    return best / len(titles)


def quorum_stats(draws: int = DRAWS) -> tuple[list[float], list[float]]:
    """The best shared-ending share of each sibling group, and of `draws` random groups of the same
    sizes drawn one heading per report (chance: headings of different reports share no template)."""
    groups = sibling_groups()
    shares = [ending_share(ts) for _, ts in groups]
    pool = [(r, t) for r, ts in groups for t in ts]
    sources = len({r for r, _ in pool})
    rng = random.Random(SEED)
    chance: list[float] = []
    for _, ts in groups:
        if len(ts) > sources:
            continue
        for _ in range(max(1, draws // len(groups))):
            picked: list[str] = []
            used: set[str] = set()
            while len(picked) < len(ts):
                r, t = rng.choice(pool)
                if r not in used:  # one heading per report: no shared template by construction
                    used.add(r)
                    picked.append(t)
            chance.append(ending_share(picked))
    return shares, chance


def show_quorum(out: Callable[[str], None], draws: int) -> None:
    groups = sibling_groups()
    shares, chance = quorum_stats(draws)
    q = outline.PARALLEL_QUORUM
    real = sorted(shares, reverse=True)
    out(f"PARALLEL_QUORUM = {q}: {len(groups)} sibling groups with visible ends; their best shared-ending "
        f"share: median {median(shares):.2f}, ≥ quorum in {sum(s >= q for s in shares)} "
        f"(top: {', '.join(f'{s:.2f}' for s in real[:5])})")
    out(f"  chance (random groups of the same sizes, one heading per report, {len(chance)} draws): "
        f"median {median(chance):.2f}, p{HIGH * 100:g} {quantile(chance, HIGH):.2f}, "
        f"p{TOP * 100:g} {quantile(chance, TOP):.2f}, "
        f"≥ quorum in {sum(c >= q for c in chance) / len(chance):.2%}")


def show_stat_clip(out: Callable[[str], None]) -> None:
    odds: list[float] = []
    for r in reports():
        stats = outline._ClauseStats(fold(r.text))
        odds += [stats.final_log_odds(w) for w, n in stats.total.items() if n >= outline.MIN_EVIDENCE]
    clip = outline.STAT_CLIP
    floor = outline.MIN_EVIDENCE
    unanimous = math.log((floor + 0.5) / 0.5)
    out(f"STAT_CLIP = {clip}: smoothed log-odds of {floor}/{floor} clause-final (the least evidence "
        f"counted, unanimous) = {unanimous:.2f}; of {len(odds)} word-in-report counts with ≥ {floor} "
        f"occurrences, {sum(o > clip for o in odds) / len(odds):.1%} above +{clip:g}, "
        f"{sum(o < -clip for o in odds) / len(odds):.1%} below -{clip:g} "
        f"(p{(1 - HIGH) * 100:g} {quantile(odds, 1 - HIGH):.2f}, p{HIGH * 100:g} {quantile(odds, HIGH):.2f})")


def show_repeat(out: Callable[[str], None]) -> None:
    """Headings alone on their line, run on into their next line as a saved page runs them: where the
    engine finds a repeated phrase (`outline._repeat_window`, over the same stretch as `_candidates`),
    how often its window holds the heading's true end."""
    seen = found = inside = 0
    for r in reports():
        lines = fold(r.text).splitlines()
        for i, line in enumerate(lines[:-1]):
            m = outline._PART_RE.match(line) or outline._SECTION_RE.match(line)
            if m is None:
                continue
            title = line[m.end():].strip().rstrip(outline._TITLE_STRIP)
            if len(title) < outline.MIN_TITLE or any(ch in SENTENCE_END for ch in title):
                continue
            seen += 1
            run = title + lines[i + 1]
            window = outline._repeat_window(run, 0, min(len(run), outline.MAX_TITLE + outline.MAX_TITLE // 2))
            if window is not None:
                found += 1
                inside += window[0] <= len(title) <= window[1]
    odds = math.log((inside + 0.5) / (found - inside + 0.5))
    out(f"REPEAT_BONUS = {outline.REPEAT_BONUS}: of {seen} headings alone on their line, run on into their "
        f"body, {found} show a repeated phrase; its window holds the true end in {inside} "
        f"({inside / max(1, found):.0%}): log-odds {odds:.2f} "
        f"(the clause statistics clip at ±{outline.STAT_CLIP:g})")


# Clause punctuation inside a sentence: a first sentence holding none is a phrase, not a clause chain.
CLAUSE_MARKS = ",;:、"
FIRST_SENTENCE = re.compile(r"[^。!?]*[。!?]")
# Length buckets of first sentences (characters), and the last one (everything longer).
BUCKET, LAST_BUCKET = 4, 40


def item_lengths() -> dict[int, tuple[int, int]]:
    """First sentences of the paragraphs that go on past it, by length bucket: (count, comma-free)."""
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for r in reports():
        for line in fold(r.text).splitlines():
            line = line.strip()
            m = FIRST_SENTENCE.match(line)
            if m is None or m.end() >= len(line):
                continue
            first = m.group(0)
            row = out[min(len(first) // BUCKET * BUCKET, LAST_BUCKET)]
            row[0] += 1
            row[1] += not any(ch in CLAUSE_MARKS for ch in first)
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def show_max_item(out: Callable[[str], None]) -> None:
    rows = item_lengths()
    shown = ", ".join(f"{k}-{k + BUCKET - 1}: {free / n:.0%} of {n}" if k < LAST_BUCKET
                      else f"{k}+: {free / n:.0%} of {n}" for k, (n, free) in rows.items())
    out(f"MAX_ITEM = {outline.MAX_ITEM}: first sentences of paragraphs that go on, by length, share with no "
        f"clause mark (a phrase): {shown}")


def lead_phrases() -> list[str]:
    """First sentences (folded, without their full stop) of the paragraphs that go on past them,
    as long as MAX_ITEM allows and holding no comma: what the lead-phrase rule looks at."""
    out = []
    for r in reports():
        for line in fold(r.text).splitlines():
            line = line.strip()
            m = FIRST_SENTENCE.match(line)
            if m is None or m.end() >= len(line) or not m.group(0).endswith("。"):
                continue
            first = m.group(0)[:-1]
            if 0 < len(first) <= outline.MAX_ITEM and "," not in first:
                out.append(first)
    return out


def heading_openings() -> list[str]:
    """The first clause of every numbered part and section heading (a lead phrase's counterpart)."""
    out = []
    for tree in outlines():
        for part in tree.blocks:
            for b in (part, *part.children):
                if b.n is not None and b.level != "item":
                    out.append(re.split("[" + CLAUSE_MARKS + "]", fold(b.title))[0])
    return out


def show_item_statement(out: Callable[[str], None]) -> None:
    heads = Counter(outline.statement(t) for t in heading_openings())
    leads = Counter(outline.statement(t) for t in lead_phrases())
    def shown(c: Counter[str | None]) -> str:
        return ", ".join(f"{k} {n}" for k, n in sorted((k, n) for k, n in c.items() if k)) or "none"

    out(f"ITEM_STATEMENT: numbered headings' first clauses with a statement mark: {shown(heads)} of "
        f"{sum(heads.values())}; lead phrases: {shown(leads)} of {sum(leads.values())}")


def show_digest(out: Callable[[str], None]) -> None:
    """Per report with numbered headings: the most paragraphs sharing one MIN_DIGEST_PREFIX opening."""
    counts = []
    for r, tree in zip(reports(), outlines(), strict=True):
        if not tree.blocks or all(b.n is None for b in tree.blocks):
            continue
        texts = [t.strip() for t in fold(r.text).splitlines() if len(t.strip()) > outline.MIN_DIGEST_PREFIX]
        shared = Counter(t[: outline.MIN_DIGEST_PREFIX] for t in texts)
        counts.append(max(shared.values(), default=0))
    out(f"MIN_DIGEST_SECTIONS = {outline.MIN_DIGEST_SECTIONS}: in the {len(counts)} reports with numbered "
        f"headings, the most paragraphs sharing one {outline.MIN_DIGEST_PREFIX}-character opening: "
        f"{dict(sorted(Counter(counts).items()))} (≥ {outline.MIN_DIGEST_SECTIONS} in "
        f"{sum(c >= outline.MIN_DIGEST_SECTIONS for c in counts)})")


# --- align: the counterpart gate -------------------------------------------------------------------

@cache
def docs() -> dict[tuple[str, int], Any]:
    return {(r.meta.region, r.meta.year): terms.doc(r, tree) for r, tree in zip(reports(), outlines(),
                                                                                  strict=True)}


def gate_groups() -> Iterator[tuple[str, str, list[float], list[float]]]:
    """Per aligned group of every pair: (pair, kind, mutual-best ratios, unrelated ratios), scores over
    the group's median of compatible scores (only groups where the median is used)."""
    captured: list[tuple[list[list[float]], list[list[bool]]]] = []
    original = align._gate

    def spy(matrix: list[list[float]], compatible: list[list[bool]]) -> float:
        captured.append((matrix, compatible))
        return original(matrix, compatible)

    align._gate = spy  # measuring only: restored below
    try:
        for a, b, kind in pairs():
            captured.clear()
            d = docs()
            align.align(d[a.meta.region, a.meta.year], d[b.meta.region, b.meta.year])
            for matrix, ok in captured:
                values = sorted(x for row, cs in zip(matrix, ok, strict=True)
                                for x, c in zip(row, cs, strict=True) if c)
                if len(values) < align.MIN_NULL_PAIRS:
                    continue
                med = median(values)
                if med <= 0:
                    continue
                rows = [max(range(len(row)), key=row.__getitem__) for row in matrix]
                columns = list(zip(*matrix, strict=True))
                cols = [max(range(len(col)), key=col.__getitem__) for col in columns]
                best, rest = [], []
                for i, row in enumerate(matrix):
                    for j, x in enumerate(row):
                        if not ok[i][j]:
                            continue
                        if rows[i] == j and cols[j] == i:
                            best.append(x / med)
                        elif rows[i] != j and cols[j] != i:
                            rest.append(x / med)
                yield f"{name(a)}→{name(b)}", kind, best, rest
    finally:
        align._gate = original


def null_ratios() -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Mutual-best and unrelated scores over their group's median, by pair kind (and "all")."""
    best: dict[str, list[float]] = defaultdict(list)
    rest: dict[str, list[float]] = defaultdict(list)
    for _, kind, b, r in gate_groups():
        best[kind] += b
        rest[kind] += r
        best["all"] += b
        rest["all"] += r
    return best, rest


def show_null_ratio(out: Callable[[str], None]) -> None:
    best, rest = null_ratios()
    q = align.NULL_RATIO
    out(f"NULL_RATIO = {q}: score / median of its group, over {len(pairs())} pairs of the corpus")
    for kind in ("consecutive", "peer", "all"):
        b, r = best[kind], rest[kind]
        if not b or not r:
            continue
        out(f"  {kind}: unrelated (neither row's nor column's best) {len(r)}: median {median(r):.2f}, "
            f"p{HIGH * 100:g} {quantile(r, HIGH):.2f}, p{TOP * 100:g} {quantile(r, TOP):.2f}, "
            f"≥ {q:g} {sum(x >= q for x in r) / len(r):.1%}; mutual best {len(b)}: median {median(b):.2f}, "
            f"p{(1 - HIGH) * 100:g} {quantile(b, 1 - HIGH):.2f}, "
            f"≥ {q:g} {sum(x >= q for x in b) / len(b):.1%}")


# --- formulations, corpus, classify, render ------------------------------------------------------

QUOTED = re.compile(r"“([^”]{2,20})”")


def show_numbered(out: Callable[[str], None]) -> None:
    lengths: Counter[int] = Counter()
    for r in reports():
        for m in QUOTED.finditer(fold(r.text)):
            q = m.group(1)
            if formulations._NUMBERED.match(q) and not any(ch in "0123456789" for ch in q):
                lengths[len(q)] += 1
    n = sum(lengths.values())
    within = sum(c for k, c in lengths.items() if k <= formulations.NUMBERED_MAX)
    out(f"NUMBERED_MAX = {formulations.NUMBERED_MAX}: {n} quoted numbered names; by length "
        f"{dict(sorted(lengths.items()))}; ≤ {formulations.NUMBERED_MAX}: {within / max(1, n):.0%}")


def show_stance_modifier(out: Callable[[str], None]) -> None:
    lengths: Counter[int] = Counter()
    long: Counter[str] = Counter()
    for r in reports():
        d = terms.doc(r, outline.segment(r))
        for head, found in formulations.stances(d).items():
            if formulations.stance_head(head):
                for s in found:
                    lengths[len(s.modifier)] += s.times
                    if len(s.modifier) >= formulations.MODIFIER_MAX:
                        long["|".join(words(s.modifier))] += s.times
    out(f"MODIFIER_MAX = {formulations.MODIFIER_MAX}, DEGREE_MAX = {formulations.DEGREE_MAX}: "
        f"stance modifiers "
        f"before 的 + a policy head by length {dict(sorted(lengths.items()))}; the longest: "
        f"{', '.join(f'{m} {n}' for m, n in long.most_common())}")


def show_quoted_list(out: Callable[[str], None]) -> None:
    parts: Counter[int] = Counter()
    fit = 0
    for r in reports():
        for m in formulations._QUOTED_LIST.finditer(fold(r.text)):
            text = "".join(m.group(1).split())
            if "、" not in text:
                continue
            n = len(text.split("、"))
            parts[n] += 1
            fit += n <= formulations.QUOTED_LIST_PARTS and len(text) <= formulations.JOINED_MAX
    few = sum(c for k, c in parts.items() if k <= formulations.QUOTED_LIST_PARTS)
    out(f"QUOTED_LIST_PARTS = {formulations.QUOTED_LIST_PARTS}: {sum(parts.values())} quoted 、-runs "
        f"by parts "
        f"{dict(sorted(parts.items()))}; ≤ {formulations.QUOTED_LIST_PARTS} parts: {few}, of which "
        f"{fit} within JOINED_MAX = {formulations.JOINED_MAX} characters")


_ANY_QUOTE = re.compile(r"[“「『]([^“”「」『』\n]{1,40})[”」』]")


def show_quoted_figure(out: Callable[[str], None]) -> None:
    """Lengths of the quoted spans that hold a digit or `+` and an ideograph or a letter."""
    lengths: Counter[int] = Counter()
    for r in reports():
        for m in _ANY_QUOTE.finditer(fold(r.text)):
            text = "".join(m.group(1).split())
            if formulations._FIGURE_MARK.search(text) and formulations._CJK.search(text):
                lengths[len(text)] += 1
    cap = formulations.QUOTED_FIGURE_MAX
    out(f"QUOTED_FIGURE_MAX = {cap}: {sum(lengths.values())} quoted spans with a digit or '+' by "
        f"length {dict(sorted(lengths.items()))}; ≤ {cap}: {sum(c for k, c in lengths.items() if k <= cap)}")


def show_suggest(out: Callable[[str], None]) -> None:
    names: Counter[str] = Counter()
    with open(ROOT / "yoy" / "data" / "divisions.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            names[line.rstrip("\n").split("\t")[2]] += 1
    shared = Counter(n for n in names.values() if n > 1)
    total = sum(shared.values())
    limit = corpus_module.SUGGEST_LIMIT
    out(f"SUGGEST_LIMIT = {limit}: {len(names)} names in the region table, {total} held by more than one "
        f"region; by holders {dict(sorted(shared.items()))}; ≤ {limit} holders: "
        f"{sum(c for k, c in shared.items() if k <= limit) / max(1, total):.0%}")


def show_compare(out: Callable[[str], None]) -> None:
    """Common-word candidates per change before the cap, and target changes per consecutive pair."""
    commons: list[int] = []
    original = classify.listing._build

    def spy(change: Any, pending: list[Any], *args: Any, **kwargs: Any) -> Any:
        commons.append(sum(1 for c in pending if c.common))
        return original(change, pending, *args, **kwargs)

    targets: list[tuple[str, int]] = []
    classify.listing._build = spy  # measuring only: restored below
    try:
        for a, b, kind in pairs():
            if kind != "consecutive":
                continue
            c = pipeline.compare(a, b)
            targets.append((f"{name(a)}→{name(b)}", sum(r.kind == RankedKind.TARGET for r in c.ranked)))
    finally:
        classify.listing._build = original
    counts = [n for _, n in targets]
    cap = classify.weights.MAX_COMMON
    out(f"MAX_COMMON = {cap}: common-word candidates per change (new/dropped side) over "
        f"{len(targets)} consecutive pairs: median {median(commons):g}, max {max(commons)}; "
        f"over the cap in {sum(n > cap for n in commons)} of {len(commons)}")
    out(f"TOP_TARGETS = {context.TOP_TARGETS} of TOP_N = {context.TOP_N}: target changes per consecutive "
        f"pair: median {median(counts):g}, max {max(counts)} "
        f"({', '.join(f'{p} {n}' for p, n in targets)})")


SHOW: dict[str, Callable[[Callable[[str], None]], None]] = {
    "MAX_TITLE": show_max_title, "STAT_CLIP": show_stat_clip, "REPEAT": show_repeat,
    "MAX_ITEM": show_max_item, "ITEM_STATEMENT": show_item_statement, "MIN_DIGEST_SECTIONS": show_digest,
    "NULL_RATIO": show_null_ratio, "NUMBERED_MAX": show_numbered, "STANCE_MODIFIER": show_stance_modifier,
    "QUOTED_LIST": show_quoted_list, "QUOTED_FIGURE": show_quoted_figure, "SUGGEST_LIMIT": show_suggest,
    "COMPARE": show_compare,
}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=[*SHOW, "PARALLEL_QUORUM"], help="one statistic")
    ap.add_argument("--draws", type=int, default=DRAWS, help=f"random groups for the chance level ({DRAWS})")
    args = ap.parse_args(argv)
    chosen = args.only or ["MAX_TITLE", "PARALLEL_QUORUM", *list(SHOW)[1:]]
    for key in chosen:
        if key == "PARALLEL_QUORUM":
            show_quorum(print, args.draws)
        else:
            SHOW[key](print)
    return 0


if __name__ == "__main__":
    sys.exit(main())
