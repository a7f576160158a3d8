"""Count the brief's lines that a reader sees as broken cuts (issue #9), by class.

Run: .venv/bin/python benchmarks/broken_cuts.py [--top N] [--show] [--gold DIR]

Over every pair of the change gold files (the 13 national pairs and the seed pair), the first N (100)
new and N dropped lines of the ranked list are looked up in the report that says them (the new report
for a new line, the old for a dropped one) with that report's own segmentation (`Doc.flat_tokens`)
and jieba's tags of its words, and counted by class (a line may fall in several):

  end-split    every occurrence ends inside a word of the text (the cut splits a token: X平稳较|快)
  start-split  every occurrence starts inside a word
  open-end     its last word is one that only precedes what it governs or modifies: an adverb,
               preposition, conjunction, particle, pronoun, numeral or classifier
               (`formulations.OPEN_END_TAGS`: X较, X以)
  verb-end     its last word is a verb (jieba v) with nothing after it in the line: a verb without its
               object (X拟安排, X集中力量办) — the subject-predicate names (X地区崛起-like) fall here too,
               so this class is read, not driven to zero
  bare         the line is one word, a verb or an adjective (jieba v, a, ad)
  frame        it holds a preposition of a frame (jieba p: 以…, 把…, 对…) at its start or inside, a
               frame cut open (建设以X-like)
  list-cut     it opens with a verb of two or more characters and every occurrence is followed by 、
               or a two-item joiner and a word that is no verb: the verb with only the first conjunct
               of its object (构建|A化、B化…的Y; the rule tried and left out in yoy/classify/weights.py,
               round 17)

The gold files are read only to know which pairs to run. Prints per pair and in total; `--show`
lists the lines of each class.
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402

from yoy import formulations, lexicon, pipeline, vocab  # noqa: E402
from yoy.corpus import Corpus  # noqa: E402
from yoy.history import occurrences  # noqa: E402
from yoy.models import Comparison, Doc  # noqa: E402
from yoy.terms import key  # noqa: E402
from yoy.text import tag  # noqa: E402

CLASSES = ("end-split", "start-split", "open-end", "verb-end", "bare", "frame", "list-cut")
_CONJUNCT_MARKS = (vocab.LIST_MARK, *vocab.LIST_JOINERS)
_BARE_TAGS = frozenset({"v", "a", "ad"})


def _tag_of(word: str) -> str:
    t = tag(word)
    return t[-1][1] if t else ""


def classes(d: Doc, term: str) -> set[str]:
    """The broken-cut classes of the line `term` in the report `d` (empty: a whole formulation, or
    not found in the flat text)."""
    t = key(term)
    places = sorted(occurrences({t}, d.flat).get(t, ()))
    if not places:
        return set()
    toks = d.flat_tokens
    starts, ends = set(toks.starts), set(toks.ends)
    out: set[str] = set()
    if all(p + len(t) not in ends for p in places):
        out.add("end-split")
    if all(p not in starts for p in places):
        out.add("start-split")
    p = places[0]
    lo = bisect_left(toks.ends, p + 1)  # the first word that ends inside the line
    hi = bisect_left(toks.ends, p + len(t))
    ws = list(toks.words[lo:hi + 1])
    if not ws:
        return out
    if "end-split" not in out:
        last = _tag_of(ws[-1])
        if last in formulations.OPEN_END_TAGS:
            out.add("open-end")
        elif last == "v" and len(ws) > 1:
            out.add("verb-end")
    if len(ws) == 1 and toks.starts[lo] == p and _tag_of(ws[0]) in _BARE_TAGS:
        out.add("bare")
    inner = ws[1:] if toks.starts[lo] < p else ws  # a first word cut at its start is no frame word
    if any(_tag_of(w) == "p" and w not in formulations.JOINERS for w in inner[:-1] or inner[:1]):
        out.add("frame")
    if len(ws) > 1 and toks.starts[lo] == p and len(ws[0]) >= 2 and _tag_of(ws[0]) == "v" \
            and all(_conjunct_after(d, q + len(t)) for q in places):
        out.add("list-cut")
    return out


def _conjunct_after(d: Doc, end: int) -> bool:
    """The flat text of `d` at `end` holds 、 or a two-item joiner and then a word that is no verb."""
    mark = next((m for m in _CONJUNCT_MARKS if d.flat.startswith(m, end)), None)
    if mark is None:
        return False
    toks = d.flat_tokens
    k = bisect_left(toks.starts, end + len(mark))
    if k == len(toks.words):
        return False
    word = toks.words[k]
    return _tag_of(word) != "v" and word not in formulations.LEAD_WORDS


def _lines(c: Comparison, change: str, top: int) -> list[str]:
    """The first `top` lines of `change` in the brief's list of that change (the record's order of
    priorities; a rewording's side counts, as in accuracy's `_sides`), as each line shows it (the
    dropped side: its old term)."""
    out = []
    for p in c.priorities:
        if p.change == change:
            out.append(p.term)
        elif p.change == "reworded":
            out.append(p.term if change == "new" else (p.old_term or ""))
    return [t for t in out if t][:top]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--gold", type=Path, default=accuracy.GOLD)
    args = ap.parse_args()
    corpus = Corpus(ROOT / "yoy" / "corpus")
    lex = lexicon.Lexicon()
    total: Counter[str] = Counter()
    lines_total = 0
    shown: dict[str, list[str]] = defaultdict(list)
    print(f"{'pair':20} {'lines':>5} " + " ".join(f"{k:>11}" for k in CLASSES) + f" {'any':>5}")
    for _, region, yo, yn, *_ in accuracy._pairs(args.gold):
        region = corpus.resolve_region(region)
        old, new = corpus.load(region, yo), corpus.load(region, yn)
        c = pipeline.compare_stored(corpus, old, new, lex)
        (od, _), (nd, _) = pipeline.prepared_stored(corpus, (old, new))
        row: Counter[str] = Counter()
        n = 0
        for change, d in (("new", nd), ("dropped", od)):
            for t in _lines(c, change, args.top):
                n += 1
                cs = classes(d, t)
                row.update(cs)
                row["any"] += bool(cs)
                for k in cs:
                    shown[k].append(f"{yo}-{yn} {change[0]} {t}")
        total.update(row)
        lines_total += n
        print(f"{region} {yo}→{yn}".ljust(20) + f" {n:5} " + " ".join(f"{row[k]:11}" for k in CLASSES)
              + f" {row['any']:5}")
    print("all".ljust(20) + f" {lines_total:5} " + " ".join(f"{total[k]:11}" for k in CLASSES)
          + f" {total['any']:5}")
    if args.show:
        for k in CLASSES:
            print(f"\n## {k} ({len(shown[k])})")
            for x in shown[k]:
                print(x)


if __name__ == "__main__":
    main()
