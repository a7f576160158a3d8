"""Score the engine against every change gold file in ../shared/gold (see its README for the rules).

Run: .venv/bin/python benchmarks/accuracy.py [--lexicon on|off|both] [--gold DIR]   (or `make eval`)
Per pair and overall: recall of gold new/dropped terms as new/dropped (or reworded) priorities,
anywhere and within the top 25 of the ranked list; rewordings found (one reworded priority, both
sides matching); share of the top-10 priorities whose term appears in ≥ 30% of the other reports of
that region. Matching: NFKC + whitespace removed; equal, or the reported term contains the gold one
with ≤ 4 extra characters, or lies inside it covering ≥ 75% of it.
`floor`: the top-10 common share of a brief that leads with the gold itself — each pair's gold terms
(a rewording once) in its first ten places, the least common first, the rest filled with uncommon
lines: the least any brief can have while its head is the press's list (measured by the same rule).
`--ranks`: also where each gold term found outside the top 25 ranks (its best-ranked match), and
how many of all gold terms lie within 50, 100 and 200: how far the ranking is from the top-25 target.
`--heads N`: also each pair's first N priority lines with their reasons, marked G (matches a gold
term of the pair) and C (common by the top-10 rule): what the common share and the top 25 count.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yoy import lexicon, pipeline  # noqa: E402
from yoy.corpus import Corpus  # noqa: E402
from yoy.history import flat_text  # noqa: E402
from yoy.models import Comparison, Priority, RankedChange, Report  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold"
TOP = 25  # the ranked list a reader scans
DEPTHS = (TOP, 50, 100, 200)  # the depths `--ranks` counts gold terms within
TOP_COMMON = 10  # the head of the brief
COMMON_SHARE = 0.3  # a term in ≥ 30% of the region's other reports is a common word
EXTRA_CHARS = 4
COVER = 0.75


def norm(s: str) -> str:
    """NFKC, no whitespace, no quote marks."""
    s = "".join(unicodedata.normalize("NFKC", s).split())
    return s.translate(str.maketrans("", "", "“”「」『』\"'"))


def matches(gold: str, reported: str) -> bool:
    g, r = norm(gold), norm(reported)
    if not g or not r:
        return False
    if g == r or (g in r and len(r) - len(g) <= EXTRA_CHARS):
        return True
    return r in g and len(r) >= COVER * len(g)


@dataclass
class Score:
    """Counts of one pair (or of all pairs)."""

    gold_terms: int = 0
    found: int = 0
    found_top: int = 0
    gold_reworded: int = 0
    reworded: int = 0
    top10: int = 0
    common: int = 0
    floor_common: int = 0  # common gold terms a gold-led top 10 cannot avoid (`floor`)
    missing: list[str] = field(default_factory=list)
    ranks: list[int | None] = field(default_factory=list)  # each gold term's best rank (None: not found)
    beyond: list[str] = field(default_factory=list)  # gold terms found outside the top 25, with rank

    def add(self, o: Score) -> None:
        self.gold_terms += o.gold_terms
        self.found += o.found
        self.found_top += o.found_top
        self.gold_reworded += o.gold_reworded
        self.reworded += o.reworded
        self.top10 += o.top10
        self.common += o.common
        self.floor_common += o.floor_common
        self.ranks += o.ranks

    def line(self) -> str:
        r = self.found / self.gold_terms if self.gold_terms else 1.0
        t = self.found_top / self.gold_terms if self.gold_terms else 1.0
        c = self.common / self.top10 if self.top10 else 0.0
        f = self.floor_common / self.top10 if self.top10 else 0.0
        return (f"recall {r:6.1%}  top{TOP} {t:6.1%}  reworded {self.reworded}/{self.gold_reworded}  "
                f"common@{TOP_COMMON} {c:5.1%} (floor {f:5.1%})")

    def depths(self) -> str:
        """How many gold terms rank within each of `DEPTHS`."""
        n = len(self.ranks)
        within = [sum(r is not None and r <= d for r in self.ranks) for d in DEPTHS]
        return "  ".join(f"≤{d}: {k}/{n}" for d, k in zip(DEPTHS, within, strict=True))


def _sides(c: Comparison, change: str) -> list[tuple[int | None, str]]:
    """(rank, term) of every priority reported as `change` — a reworded priority counts for its new
    side as new, its old side as dropped — best-ranked first (rank None: not in the ranking, last)."""
    ranked = {r.ref: r.rank for r in c.ranked if r.kind == "priority"}
    out: list[tuple[int | None, str]] = []
    for p in c.priorities:
        if p.change == change:
            out.append((ranked.get(p.term), p.term))
        elif p.change == "reworded":
            out.append((ranked.get(p.term), p.term if change == "new" else p.old_term or ""))
    return sorted(out, key=lambda x: (x[0] is None, x[0] or 0))


def score_pair(c: Comparison, new: Sequence[str], dropped: Sequence[str], reworded: Sequence[tuple[str, str]],
               others: Sequence[str]) -> Score:
    s = Score(gold_terms=len(new) + len(dropped), gold_reworded=len(reworded))
    for change, terms in (("new", new), ("dropped", dropped)):
        sides = _sides(c, change)
        for g in terms:
            hits = [rank for rank, term in sides if matches(g, term)]
            mark = "+" if change == "new" else "-"
            if hits:
                s.found += 1
            else:
                s.missing.append(f"{mark}{g}")
            rank = hits[0] if hits else None  # the best-ranked match
            s.found_top += rank is not None and rank <= TOP
            s.ranks.append(rank)
            if rank is not None and rank > TOP:
                s.beyond.append(f"{mark}{g}#{rank}")
    for o, n in reworded:
        s.reworded += any(p.change == "reworded" and p.old_term and matches(o, p.old_term)
                          and matches(n, p.term) for p in c.priorities)
    if others:
        for _, p in _heads(c, TOP_COMMON):
            s.top10 += 1
            s.common += _is_common(_shown_term(p), others)
        s.floor_common = _floor_common(new, dropped, reworded, others)
    return s


def _heads(c: Comparison, n: int) -> list[tuple[RankedChange, Priority]]:
    """The first `n` priority lines of the ranked list, each with its priority (targets and section
    moves are not counted)."""
    by_term = {p.term: p for p in c.priorities}
    return [(r, by_term[r.ref]) for r in c.ranked if r.kind == "priority" and r.ref in by_term][:n]


def _shown_term(p: Priority) -> str:
    """The term a priority line stands for (normalised): the old wording of a drop, else the new."""
    return norm(p.old_term if p.change == "dropped" and p.old_term else p.term)


def head_marks(c: Comparison, n: int, gold: Sequence[str], others: Sequence[str]
               ) -> list[tuple[RankedChange, bool, bool]]:
    """The first `n` priority lines, each with whether it matches a term of `gold` (either side of a
    rewording) and whether its term is common by the top-10 rule (`--heads`)."""
    out = []
    for r, p in _heads(c, n):
        sides = [x for x in (p.term, p.old_term) if x]
        out.append((r, any(matches(g, t) for g in gold for t in sides),
                    bool(others) and _is_common(_shown_term(p), others)))
    return out


def head_lines(c: Comparison, n: int, gold: Sequence[str], others: Sequence[str]) -> list[str]:
    """`head_marks` as printed lines: rank, G (gold) and C (common), the summary and its reason."""
    return [f"    {r.rank:4d} {'G' if g else ' '}{'C' if cm else ' '} {r.summary} | {r.reason}"
            for r, g, cm in head_marks(c, n, gold, others)]


def _is_common(term: str, others: Sequence[str]) -> bool:
    """`term` (normalised) is in ≥ COMMON_SHARE of `others`: a common word by the top-10 measure."""
    return sum(term in o for o in others) >= COMMON_SHARE * len(others)


def _floor_common(new: Sequence[str], dropped: Sequence[str], reworded: Sequence[tuple[str, str]],
                  others: Sequence[str]) -> int:
    """How many common words a top 10 holds when it leads with the pair's gold terms (`floor`): a
    rewording is one line (its new side), the least common terms first."""
    replaced = {o for o, _ in reworded}
    lines = list(dict.fromkeys([*new, *(d for d in dropped if d not in replaced)]))
    flags = sorted(_is_common(norm(t), others) for t in lines)
    return sum(flags[:TOP_COMMON])


GoldPair = tuple[str, str, int, int, list[str], list[str], list[tuple[str, str]]]


def _pairs(gold_dir: Path) -> Iterator[GoldPair]:
    """(file, region, old year, new year, new, dropped, reworded) of every change gold file."""
    for path in sorted(gold_dir.glob("*.json")):
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "pairs" in data and data["pairs"] and "new_terms" in data["pairs"][0]:
            for p in data["pairs"]:
                yield (path.name, "全国", p["old"], p["new"], p["new_terms"], p["dropped_terms"],
                       [(r["old"], r["new"]) for r in p["reworded"]])
        elif isinstance(data, dict) and "priorities" in data:
            region, years = _region_years(path.name)
            pr = data["priorities"]
            yield (path.name, region, years[0], years[1], pr["new"], pr["dropped"],
                   [(r["old"], r["new"]) for r in pr["reworded"]])


def _region_years(name: str) -> tuple[str, tuple[int, int]]:
    """chengyang_2022_2025.json → (城阳区, (2022, 2025)): the region is looked up by its pinyin."""
    stem = name.removesuffix(".json").split("_")
    return stem[0], (int(stem[1]), int(stem[2]))


def evaluate(gold_dir: Path, lexicon_on: bool, verbose: bool = True, ranks: bool = False,
             heads: int = 0) -> dict[str, Score]:
    """Scores per gold file (and 'all'), printing a line per pair when `verbose` (and the ranks of the
    gold terms found outside the top 25 when `ranks`, the first `heads` priority lines when set)."""
    corpus = Corpus(ROOT / "yoy" / "corpus")
    lex = lexicon.load(env={}) if lexicon_on else lexicon.Lexicon()
    totals: dict[str, Score] = {"all": Score()}
    flats: dict[tuple[str, int], str] = {}
    for fname, region, yo, yn, new, dropped, reworded in _pairs(gold_dir):
        region = corpus.resolve_region(region)
        old, newr = corpus.load(region, yo), corpus.load(region, yn)
        history = corpus.history(region)
        c = pipeline.compare_stored(corpus, old, newr, lex)  # as `yoy compare` and `yoy brief` do
        others = [_flat(flats, r) for r in history if r.meta.year not in (yo, yn)]
        s = score_pair(c, new, dropped, reworded, others)
        totals.setdefault(fname, Score()).add(s)
        totals["all"].add(s)
        if verbose:
            print(f"{region} {yo}→{yn}  {s.line()}  missing: {' '.join(s.missing)}")
            if ranks and s.beyond:
                print(f"    outside the top {TOP}: {' '.join(s.beyond)}")
            if heads:
                print("\n".join(head_lines(c, heads, [*new, *dropped], others)))
    return totals


def _flat(cache: dict[tuple[str, int], str], r: Report) -> str:
    k = (r.meta.region, r.meta.year)
    if k not in cache:
        cache[k] = flat_text(r)
    return cache[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lexicon", choices=("on", "off", "both"), default="both")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--ranks", action="store_true",
                    help="also the ranks of gold terms found outside the top 25, and the depth counts")
    ap.add_argument("--heads", type=int, default=0, metavar="N",
                    help="also each pair's first N priority lines, marked G (a gold term) and C (common)")
    args = ap.parse_args()
    modes = {"on": [True], "off": [False], "both": [False, True]}[args.lexicon]
    for on in modes:
        print(f"# lexicon {'on' if on else 'off'}")
        totals = evaluate(args.gold, on, ranks=args.ranks, heads=args.heads)
        for name, s in totals.items():
            print(f"{name:<32} {s.line()}")
            if args.ranks:
                print(f"{'':<32} {s.depths()}")


if __name__ == "__main__":
    main()
