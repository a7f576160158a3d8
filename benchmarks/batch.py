"""Batch briefs at scale: pairs per second for --jobs 1, --jobs 2 and a 2-worker Dask LocalCluster.

Run: .venv/bin/python benchmarks/batch.py [--regions 100] [--years 11] [--sample 40] [--full]
Makes a synthetic corpus (regions × years, perturbed national reports: see synthetic.py), plans every
consecutive pair, then briefs the first `--sample` pairs (JSON + HTML) three ways into fresh
directories, printing pairs/s, the peak resident memory of the busiest worker, and whether the three
outputs are byte-identical. With --full, all pairs (1,000 by default) run once with --jobs 2 and once
more (every pair skipped as unchanged). Targets (issue 12): 1,000 pairs ≤ 5 min; ≤ 500 MB per worker.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from synthetic import make_corpus

from yoy import batch
from yoy.corpus import Corpus

FORMATS = ("json", "html")


def files_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def timed(label: str, jobs: tuple[batch.Job, ...], out: Path, execute: batch.Executor) -> dict[str, bytes]:
    start = time.perf_counter()
    outcome = batch.run(jobs, out, execute)
    wall = time.perf_counter() - start
    assert not outcome.failed, outcome.failed[:3]
    print(f"{label:28} {len(outcome.written):6} {wall:8.1f} {len(outcome.written) / wall:8.2f} "
          f"{outcome.peak_rss_mb:10.0f}")
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
        print(f"\n{'how':28} {'pairs':>6} {'wall s':>8} {'pairs/s':>8} {'peak MB/worker':>10}")
        one = timed("--jobs 1 (in process)", sample, tmp / "j1", batch.in_process)
        two = timed("--jobs 2 (processes)", sample, tmp / "j2", batch.process_pool(2))
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, Client(cluster) as client:
            client.run(lambda: None)  # workers up before the clock starts
            dask = timed("LocalCluster, 2 workers", sample, tmp / "dask", batch.dask(client))
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
