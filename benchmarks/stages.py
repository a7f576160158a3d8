"""Where one warm comparison spends its time, stage by stage, and what each field of a record costs.

Run: .venv/bin/python benchmarks/stages.py [--pair 全国] [-n 11] [--fields]
Stages: the pipeline's and classify's main functions are wrapped (wall time, `time.perf_counter`) for
N warm `pipeline.compare_stored` calls (both reports compared three times before, in a temporary
cache directory unless $YOY_CACHE_DIR is set); each line is the median over the calls of the time
spent inside that function in one call (nested stages are included in their callers'). The wrappers
cost ≈ 1 µs a call: the figures are those of the code, not of a profiler (cProfile inflates a warm
comparison ≈ 1.8×). `--fields`: for the new report's record, the best of 15 `pickle.loads` and frees
of each field on its own, with its pickled size (the whole record first).
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import fields
from types import ModuleType
from typing import Any

os.environ.setdefault("YOY_CACHE_DIR", tempfile.mkdtemp(prefix="yoy-stages-"))  # before the index opens

from yoy import align, classify, formulations, pipeline
from yoy.classify import continued, dropped, forms, listing, new, rank, reworded, targets
from yoy.corpus import Corpus
from yoy.models import Seeds

PAIRS = {"全国": (("全国", 2008), ("全国", 2009)), "城阳区": (("城阳区", 2022), ("城阳区", 2025)),
         "即墨区": (("即墨区", 2019), ("崂山区", 2019))}

# (module, function): the stages timed, outermost first; a function is named by the module that
# defines it (`classify.new` for `_new_items`) and wrapped wherever the package binds it
STAGES: tuple[tuple[ModuleType, str], ...] = (
    (pipeline, "compare"), (pipeline, "prepared_stored"), (pipeline, "load_prepared"),
    (pipeline, "tallies_stored"), (pipeline, "said_stored"), (pipeline, "history_figures"),
    (align, "align"), (align, "_similarity"), (align, "_sentence_pairs"), (align, "_redline"),
    (classify, "classify"), (classify, "_priorities"), (new, "_new_items"),
    (dropped, "_dropped_items"), (reworded, "_reworded"), (reworded, "_swaps"),
    (continued, "_continued"), (listing, "_build"), (rank, "_rank"),
    (targets, "target_series"), (classify, "_history"), (listing, "_pieces_merged"),
    (listing, "_union"), (forms, "_figure_spans"), (forms, "_figure_wordings"),
    (forms, "_reordered"), (new, "_said_another_way"),
    (formulations, "phrases"),
)


def wrap(spent: dict[str, float], mod: ModuleType, name: str) -> None:
    """Replace `mod.name` by a wrapper adding its wall time to `spent`, in every module of the package
    that binds the same function (module-level callers see it wherever they import it from)."""
    fn: Callable[..., Any] = getattr(mod, name)
    label = f"{mod.__name__.removeprefix('yoy.')}.{name}"

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.perf_counter() - start

    for m in list(sys.modules.values()):
        if getattr(m, "__name__", "").startswith("yoy") and getattr(m, name, None) is fn:
            setattr(m, name, timed)


def best_load(obj: object) -> tuple[int, float, float]:
    """Pickled size, best load and best free time (seconds) of `obj` over 15 tries."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    load = free = float("inf")
    for _ in range(15):
        start = time.perf_counter()
        got = pickle.loads(data)
        mid = time.perf_counter()
        del got
        end = time.perf_counter()
        load, free = min(load, mid - start), min(free, end - mid)
    return len(data), load, free


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pair", choices=sorted(PAIRS), default="全国")
    ap.add_argument("-n", "--runs", type=int, default=11)
    ap.add_argument("--fields", action="store_true", help="also the load and free cost of each record field")
    args = ap.parse_args()
    corpus = Corpus(None)
    (ro, yo), (rn, yn) = PAIRS[args.pair]

    def call() -> object:
        return pipeline.compare_stored(corpus, corpus.load(ro, yo), corpus.load(rn, yn))

    for _ in range(3):
        call()
    spent: dict[str, float] = {}
    for mod, name in STAGES:
        wrap(spent, mod, name)
    per_stage: dict[str, list[float]] = {}
    totals = []
    for _ in range(args.runs):
        spent.clear()
        start = time.perf_counter()
        call()
        totals.append(time.perf_counter() - start)
        for k, v in spent.items():
            per_stage.setdefault(k, []).append(v)
    whole = statistics.median(totals) * 1e3
    print(f"{args.pair}: warm compare_stored, median of {args.runs}: {whole:.1f} ms")
    for label, times in sorted(per_stage.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"  {label:36s} {statistics.median(times) * 1e3:7.1f} ms")
    if args.fields:
        d, an = pipeline.prepare(corpus.load(rn, yn))
        gc.disable()  # as in a comparison (`pipeline._collector_paused`)
        rows: list[tuple[str, object]] = [("record", pickle.loads(pipeline.dump_prepared((d, an))))]
        rows += [(f"doc.{f}", getattr(d, f)) for f in
                 ("outline", "folded", "flat", "origin", "tokens", "flat_tokens", "quote_cuts")]
        rows += [(f"analysis.{f.name}", getattr(an, f.name)) for f in fields(an)]
        rows += [(f"seeds.{f.name}", getattr(an.seeds, f.name)) for f in fields(Seeds)]
        print(f"{rn} {yn}: record fields, best of 15 (load / free)")
        for name, obj in rows:
            size, load, free = best_load(obj)
            print(f"  {name:28s} {size / 1e3:8.1f} kB  {load * 1e3:6.2f} / {free * 1e3:5.2f} ms")
        gc.enable()


if __name__ == "__main__":
    main()
