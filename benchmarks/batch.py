"""Batch briefs at scale: pairs per second for --jobs 1, --jobs 2 and a 2-worker Dask LocalCluster.

Run: .venv/bin/python benchmarks/batch.py [--regions 100] [--years 11] [--sample 40] [--full]
Makes a synthetic corpus (regions × years, perturbed national reports: see synthetic.py), plans every
consecutive pair, then briefs the first `--sample` pairs (JSON + HTML) three ways into fresh
directories, printing pairs/s, CPU seconds per pair (user + system, pool workers included; a loaded
machine inflates it far less than wall time), the peak resident memory of the busiest worker, and
whether the three outputs are byte-identical. With --full, all pairs (1,000 by default) run once with
--jobs 2 and once more (every pair skipped as unchanged).
Targets (issue 12): 1,000 pairs ≤ 5 min; ≤ 500 MB per worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from synthetic import make_corpus

from yoy import batch
from yoy.corpus import Corpus

FORMATS = ("json", "html")


def files_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children (the pool's workers, once the
    pool has shut down); a Dask cluster's workers are not counted until it closes."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(label: str, jobs: tuple[batch.Job, ...], out: Path, execute: batch.Executor,
          count_cpu: bool = True) -> dict[str, bytes]:
    start, cpu = time.perf_counter(), cpu_seconds()
    outcome = batch.run(jobs, out, execute)
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    assert not outcome.failed, outcome.failed[:3]
    per_pair = f"{cpu / max(1, len(outcome.written)):8.2f}" if count_cpu else f"{'–':>8}"
    print(f"{label:28} {len(outcome.written):6} {wall:8.1f} {len(outcome.written) / wall:8.2f} "
          f"{per_pair} {outcome.peak_rss_mb:10.0f}")
    return files_of(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=100)
    parser.add_argument("--years", type=int, default=11)
    parser.add_argument("--sample", type=int, default=40, help="pairs briefed in each of the three ways")
    parser.add_argument("--full", action="store_true", help="also brief every pair with --jobs 2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["YOY_CACHE_DIR"] = str(tmp / "cache")
        start = time.perf_counter()
        n = make_corpus(tmp / "corpus", args.regions, args.years)
        corpus = Corpus(tmp / "corpus")
        keys = corpus.consecutive_pairs()
        start_plan = time.perf_counter()
        jobs = batch.plan(corpus, keys, FORMATS)
        print(f"corpus: {n} reports made in {start_plan - start:.1f} s; {len(jobs)} pairs planned in "
              f"{time.perf_counter() - start_plan:.2f} s")
        sample = jobs[:args.sample]
        print(f"\n{'how':28} {'pairs':>6} {'wall s':>8} {'pairs/s':>8} {'CPU s/pair':>8} "
              f"{'peak MB/worker':>10}")
        one = timed("--jobs 1 (in process)", sample, tmp / "j1", batch.in_process)
        two = timed("--jobs 2 (processes)", sample, tmp / "j2", batch.process_pool(2))
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, Client(cluster) as client:
            client.run(lambda: None)  # workers up before the clock starts
            dask = timed("LocalCluster, 2 workers", sample, tmp / "dask", batch.dask(client),
                         count_cpu=False)
        same = one == two == dask
        print(f"byte-identical across the three: {same} ({len(one)} files)")
        if args.full:
            full = timed(f"all {len(jobs)} pairs, --jobs 2", jobs, tmp / "full", batch.process_pool(2))
            start = time.perf_counter()
            outcome = batch.run(jobs, tmp / "full", batch.process_pool(2))
            took = time.perf_counter() - start
            print(f"rerun, nothing changed: {len(outcome.skipped)} skipped in {took:.2f} s "
                  f"({len(full)} files)")


if __name__ == "__main__":
    main()
