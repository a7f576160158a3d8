"""Paired timing of a warm comparison under two checkouts of yoy, for gains smaller than the load's swing.

Run: .venv/bin/python benchmarks/paired.py BEFORE_TREE AFTER_TREE [--pair 全国] [-n 60] [--stage MOD.FUNC]
(e.g. `git archive main | tar -x -C /tmp/before` for BEFORE_TREE, `.` for this checkout).
`--stage formulations.phrases` times one stage instead of the whole comparison: each worker records
the calls of `yoy.MOD.FUNC` (or of a method, `classify.past._Past.scan_parts`) made by one warm comparison
and a timed call replays them all (the same inputs in both trees as far as the stage's callers are
unchanged; a function called by name from another module is recorded where it is defined only).
Two long-lived processes, one per tree (each with its own corpus index in a temporary cache
directory), compare the same pair warm (`pipeline.compare_stored`, both reports compared twice
before), alternating call by call (who goes first swaps every call), each timing its own in-process
CPU (`time.process_time`). On a shared machine a whole run swings by more than a few percent while
two calls a few hundred milliseconds apart share its load: the median of the paired differences
shows what the medians alone cannot.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PAIRS = {"全国": (("全国", 2008), ("全国", 2009)), "城阳区": (("城阳区", 2022), ("城阳区", 2025)),
         "即墨区": (("即墨区", 2019), ("崂山区", 2019))}

# The worker: run under one tree (its first argument first on sys.path), reads one pair name a line
# and answers with the CPU milliseconds of one warm comparison.
WORKER = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["YOY_CACHE_DIR"] = sys.argv[2]
from yoy.corpus import Corpus
from yoy import pipeline
corpus = Corpus(None)
(ro, yo), (rn, yn) = {pair}
def call():
    return pipeline.compare_stored(corpus, corpus.load(ro, yo), corpus.load(rn, yn))
call(); call()
stage = {stage!r}
if stage:
    import gc, importlib
    mod_name, *inner, fn_name = stage.split(".")
    mod = importlib.import_module("yoy." + mod_name)
    for name in inner:  # a method: classify.past._Past.scan_parts
        mod = getattr(mod, name)
    fn = getattr(mod, fn_name)
    calls = []
    def recorded(*args, **kwargs):
        calls.append((args, kwargs))
        return fn(*args, **kwargs)
    setattr(mod, fn_name, recorded)
    call()
    setattr(mod, fn_name, fn)
    def call():
        gc.disable()  # as inside a comparison (`pipeline._collector_paused`)
        try:
            for args, kwargs in calls:
                fn(*args, **kwargs)
        finally:
            gc.enable()
print("ready", flush=True)
for _ in sys.stdin:
    start = time.process_time(); call(); spent = time.process_time() - start
    print(f"{{spent * 1000:.3f}}", flush=True)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--pair", choices=sorted(PAIRS), default="全国")
    ap.add_argument("-n", "--runs", type=int, default=60)
    ap.add_argument("--stage", default="", help="MOD.FUNC of yoy: time its calls in one warm comparison only")
    args = ap.parse_args()
    code = WORKER.format(pair=PAIRS[args.pair], stage=args.stage)
    procs = []
    for tree in (args.before, args.after):
        cache = tempfile.mkdtemp(prefix="yoy-paired-")
        p = subprocess.Popen([sys.executable, "-c", code, str(tree.resolve()), cache], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
        procs.append(p)
    for p in procs:
        assert p.stdin is not None and p.stdout is not None
        if p.stdout.readline().strip() != "ready":
            sys.exit("a worker failed to start")
    times: list[list[float]] = [[], []]
    for k in range(args.runs):
        for w in ((0, 1) if k % 2 == 0 else (1, 0)):
            p = procs[w]
            assert p.stdin is not None and p.stdout is not None
            p.stdin.write("\n")
            p.stdin.flush()
            times[w].append(float(p.stdout.readline()))
    for p in procs:
        assert p.stdin is not None
        p.stdin.close()
        p.wait()
    before, after = times
    diffs = [b - a for a, b in zip(before, after, strict=True)]
    what = f"{args.pair} {args.stage}" if args.stage else args.pair
    print(f"{what}: before median {statistics.median(before):.1f} ms (min {min(before):.1f}), "
          f"after median {statistics.median(after):.1f} ms (min {min(after):.1f}), "
          f"paired difference median {statistics.median(diffs):+.1f} ms, {args.runs} calls each")


if __name__ == "__main__":
    main()
