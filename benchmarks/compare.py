"""Time `pipeline.compare` (load both reports → Comparison) against a difflib HtmlDiff baseline.

Run: .venv/bin/python benchmarks/compare.py [-n RUNS]
Pairs: 城阳区 2022 → 2025, 即墨区 2019 vs 崂山区 2019 and 全国 2008 → 2009. Each column is the median wall
time of N runs; the ratios are difflib's time over the column's, measured in the same run.
- `compare`: `pipeline.compare` (load → segment → analyse → align → classify, with the history and
  reference signals), no corpus index: every per-report record (outline, `Doc`, the formulation
  pass's `Analysis`) is worked out in each run. The reference corpus (every report, folded once) is
  built before the timed runs, as the pipeline keeps it for a process.
- `cold` / `warm`: `pipeline.compare_stored` as `yoy compare` runs it: the region's history read from
  the files, the lexicon loaded, the target series over every year (the history reports' figures from
  the corpus index), and both reports' per-report records and their strings' counts in the past
  texts from the corpus index. `cold`: the index holds neither (its `analyses` and `tallies` rows
  are deleted before each run, inside the timing: a first comparison of these reports, which works
  them out and stores them); `warm`: the index holds them (reports compared before: read, not
  recomputed). `newest`: what a user comparing a report just added gets: the index holds the old
  report's record and its counts in the texts its own comparison as the new report counted, but
  nothing of the new report (its record, its counts, the pair's rows are deleted inside the timing).
  The index's metadata and
  history figures are filled by the warm-up in both: a temporary cache directory unless $YOY_CACHE_DIR
  is set.
- `difflib`: difflib.HtmlDiff().make_file over the two texts split into sentences.
- `peak MiB`: peak memory (tracemalloc) of one `compare`; `json KiB`: its JSON record.
Target (issue 12): `warm` ≤ 0.2 s and ≥ 10× faster than difflib (`ratio warm`).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import tempfile
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

from timing import median_time

from yoy import classify, index, jsonio, pipeline
from yoy.corpus import Corpus
from yoy.models import Comparison, Report

os.environ.setdefault("YOY_CACHE_DIR", tempfile.mkdtemp(prefix="yoy-bench-"))  # before the index opens
CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")
PAIRS: dict[str, tuple[Callable[[], Report], Callable[[], Report]]] = {
    "城阳区 2022→2025": (lambda: CORPUS.load("城阳区", 2022), lambda: CORPUS.load("城阳区", 2025)),
    "即墨区 2019 vs 崂山区 2019": (lambda: CORPUS.load("即墨区", 2019), lambda: CORPUS.load("崂山区", 2019)),
    "全国 2008→2009": (lambda: CORPUS.load("全国", 2008), lambda: CORPUS.load("全国", 2009)),
}
REFERENCE = pipeline.reference_for(CORPUS.reports())


def run_compare(load_old: Callable[[], Report], load_new: Callable[[], Report]) -> Comparison:
    old, new = load_old(), load_new()  # the region's history is inside REFERENCE
    return pipeline.compare(old, new, reference=REFERENCE)


def run_stored(load_old: Callable[[], Report], load_new: Callable[[], Report]) -> Comparison:
    return pipeline.compare_stored(CORPUS, load_old(), load_new())


def run_cold(load_old: Callable[[], Report], load_new: Callable[[], Report]) -> Comparison:
    CORPUS.index.db.execute("DELETE FROM analyses")  # no per-report record stored: worked out again
    CORPUS.index.db.execute("DELETE FROM tallies")  # nor their counts in the past texts and each other
    return run_stored(load_old, load_new)


def newest_keys(load_old: Callable[[], Report], load_new: Callable[[], Report]) -> tuple[str, list[str]]:
    """The rows a first comparison of a just-added new report lacks (`newest`): the new report's record
    (its `analyses` key) and every `tallies` row of it, of the pair, and of the old report in its own
    text and in the new one (the old report's own comparison counted it in its past texts only)."""
    old, new = load_old(), load_new()
    (do, _), (dn, _) = pipeline.prepared_stored(CORPUS, (old, new))
    history = CORPUS.history(new.meta.region) if old.meta.region == new.meta.region else ()
    pool = classify.past_texts(do, dn, pipeline.reference_for((*history, old, new)))
    ko, kn = index.analysis_key(old.text), index.analysis_key(new.text)
    fo, fn = index.text_key(do.flat), index.text_key(dn.flat)
    rows = [index.tally_key(kn, index.text_key(t)) for t in pool]
    rows += [index.tally_key(ko, fo), index.tally_key(ko, fn), index.tally_key(ko, fn, "phrases"),
             index.tally_key(kn, fo, "phrases"), index.tally_key(kn, fo, "variants")]
    return kn, rows


def run_newest(load_old: Callable[[], Report], load_new: Callable[[], Report], keys: tuple[str, list[str]]
               ) -> Comparison:
    record, rows = keys
    CORPUS.index.db.execute("DELETE FROM analyses WHERE key = ?", (record,))
    CORPUS.index.db.executemany("DELETE FROM tallies WHERE key = ?", [(k,) for k in rows])
    return run_stored(load_old, load_new)


def run_difflib(old: Report, new: Report) -> str:
    def split(text: str) -> list[str]:
        return [s for s in re.split(r"(?<=[。！？；!?;\n])", text) if s.strip()]
    return difflib.HtmlDiff().make_file(split(old.text), split(new.text))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--runs", type=int, default=7)
    ap.add_argument("--pair", default="", help="only the pairs whose name contains this (e.g. 全国)")
    args = ap.parse_args()
    pairs = {name: p for name, p in PAIRS.items() if args.pair in name}
    for lo, ln in pairs.values():  # warm up: jieba's dictionary, opencc, the index's figures
        run_compare(lo, ln)
        run_stored(lo, ln)
    print(f"{'pair':<26} {'compare':>8} {'cold':>8} {'newest':>8} {'warm':>8} {'difflib':>8} {'ratio':>6} "
          f"{'r cold':>7} {'r warm':>7} {'peak MiB':>9} {'json KiB':>9}")
    for name, (lo, ln) in pairs.items():
        t_cmp = median_time(partial(run_compare, lo, ln), args.runs)
        t_cold = median_time(partial(run_cold, lo, ln), args.runs)
        run_stored(lo, ln)  # the records stored again
        t_new = median_time(partial(run_newest, lo, ln, newest_keys(lo, ln)), args.runs)
        run_stored(lo, ln)
        t_st = median_time(partial(run_stored, lo, ln), args.runs)
        old, new = lo(), ln()
        t_dl = median_time(partial(run_difflib, old, new), args.runs)
        tracemalloc.start()
        c = run_compare(lo, ln)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size = len(jsonio.dump(c).encode()) / 1024
        print(f"{name:<26} {t_cmp:>7.3f}s {t_cold:>7.3f}s {t_new:>7.3f}s {t_st:>7.3f}s {t_dl:>7.3f}s "
              f"{t_dl / t_cmp:>5.1f}x "
              f"{t_dl / t_cold:>6.1f}x {t_dl / t_st:>6.1f}x {peak / 2**20:>9.1f} {size:>9.0f}")
        if c.degraded:
            print("  degraded:", "; ".join(c.degraded))


if __name__ == "__main__":
    main()
