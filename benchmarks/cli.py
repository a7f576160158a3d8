"""Whole-process times of the CLI: `yoy --version`, `--help`, `list`, `show`, `trend`, as people run them.

Run: .venv/bin/python benchmarks/cli.py [-n RUNS] [--synthetic N]
Each command runs N times as a fresh process (median wall time, and as a ratio of `python -c pass`,
which is what the machine charges for starting any Python program). The index is warmed once before
timing (its first build is timed and printed separately), in a temporary cache directory. Then the
same on a synthetic corpus of `--synthetic` reports (default 1,000: 100 regions × 10 years), where the
first `yoy list` (metadata and part counts) and the first `yoy trend` (term counts, built lazily) are
timed apart.
Targets (issue 12): --version and --help ≤ 0.15 s; list ≤ 0.3 s with 1,000 reports; show ≤ 0.5 s.
To time another checkout, put it first on PYTHONPATH: PYTHONPATH=/path/to/old python benchmarks/cli.py
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import make_corpus
from timing import installed_env

YOY = [sys.executable, "-c", "import sys; from yoy.cli import main; main(sys.argv[1:])"]
# Term counts per report in the made-up index: the 1,000 synthetic national-size reports average 1,750.
INDEX_TERMS_PER_REPORT = 1750
EMBEDDED = Path(__file__).resolve().parents[1] / "yoy" / "corpus"


def run_once(args: list[str], env: dict[str, str]) -> float:
    """Wall time of one process; NaN if it fails (an older checkout without the command)."""
    start = time.perf_counter()
    done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start if done.returncode == 0 else float("nan")


def median_of(args: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(run_once(args, env) for _ in range(runs))


def table(title: str, rows: list[tuple[str, list[str]]], env: dict[str, str], runs: int, base: float) -> None:
    print(f"\n{title}")
    print(f"{'command':44} {'median s':>9} {'× pass':>7}")
    for label, args in rows:
        t = median_of([*YOY, *args], env, runs)
        print(f"{label:44} {t:9.3f} {t / base:7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=5)
    parser.add_argument("--synthetic", type=int, default=1000,
                        help="reports in the synthetic corpus (0: skip)")
    parser.add_argument("--index-scale", type=int, default=0,
                        help="also time index queries on a made-up index of this many reports (e.g. 60000)")
    parser.add_argument("--index-terms", type=int, default=INDEX_TERMS_PER_REPORT,
                        help="term counts per report in the made-up index")
    args = parser.parse_args()
    if args.index_scale:
        index_at_scale(args.index_scale, args.index_terms, args.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = {**installed_env(), "YOY_CACHE_DIR": str(Path(tmp) / "cache")}
        base = median_of([sys.executable, "-c", "pass"], env, args.runs)
        print(f"python -c pass: {base:.3f} s (median of {args.runs})")
        corpus = ["--corpus", str(EMBEDDED)]
        build = run_once([*YOY, *corpus, "list"], env)
        print(f"first `yoy list` of the embedded corpus (builds its index): {build:.2f} s")
        table("embedded corpus (20 reports)", [
            ("yoy --version", ["--version"]),
            ("yoy --help", ["--help"]),
            ("yoy list", [*corpus, "list"]),
            ("yoy list --format json", [*corpus, "list", "--format", "json"]),
            ("yoy show 崂山 2019", [*corpus, "show", "崂山", "2019"]),
            ("yoy show laoshan 2019 --outline", [*corpus, "show", "laoshan", "2019", "--outline"]),
            ("yoy trend 城市更新", [*corpus, "trend", "城市更新"]),
        ], env, args.runs, base)
        if args.synthetic:
            years = 10
            root = Path(tmp) / "synthetic"
            start = time.perf_counter()
            n = make_corpus(root, regions=max(1, args.synthetic // years), years=years)
            print(f"\nmade {n} synthetic reports in {time.perf_counter() - start:.1f} s")
            synth = ["--corpus", str(root)]
            build = run_once([*YOY, *synth, "list"], env)
            print(f"first `yoy list` (indexes {n} reports: metadata, parts): {build:.1f} s")
            counts = run_once([*YOY, *synth, "trend", "改革开放"], env)
            print(f"first `yoy trend` after it (adds the term counts of {n} reports): {counts:.1f} s")
            table(f"synthetic corpus ({n} reports)", [
                ("yoy list", [*synth, "list"]),
                ("yoy list --format json", [*synth, "list", "--format", "json"]),
                ("yoy show 样本0042县 2015", [*synth, "show", "样本0042县", "2015"]),
                ("yoy trend 改革开放", [*synth, "trend", "改革开放"]),
                ("yoy trend 改革开放 --region 样本0042县",
                 [*synth, "trend", "改革开放", "--region", "样本0042县"]),
            ], env, args.runs, base)


def index_at_scale(reports: int, terms_per_report: int, runs: int) -> None:
    """Index queries on a made-up index of `reports` rows (no files: the refresh's stat pass is
    measured above, ≈ 15 ms per 1,000 files), each report with `terms_per_report` term counts."""
    import random

    from yoy.index import Index

    with tempfile.TemporaryDirectory() as tmp:
        index = Index(Path(tmp) / "index.sqlite")
        db, rng = index.db, random.Random(0)
        vocabulary = [f"词{n:05d}" for n in range(20_000)]
        start = time.perf_counter()
        db.execute("BEGIN")
        db.executemany("INSERT INTO terms(id, term) VALUES (?, ?)", enumerate(vocabulary, start=1))
        for rid in range(1, reports + 1):
            region, year = f"地区{rid // 20:04d}县", 2000 + rid % 20
            row = (rid, f"/c/{region}/{year}.md", region, year, "0" * 64, f"{year}年{region}报告", "0" * 64)
            db.execute("INSERT INTO reports VALUES (?, ?, ?, ?, 0, 0, ?, 'county', 'full', ?, NULL, NULL, "
                       "NULL, 's', ?, 20000, NULL, 3, 1)", row)
            ids = {1, *rng.sample(range(2, len(vocabulary)), terms_per_report - 1)}  # 词00000 in all
            db.executemany("INSERT INTO counts VALUES (?, ?, ?)", ((t, rid, 1 + t % 7) for t in ids))
        db.execute("COMMIT")
        size = (Path(tmp) / "index.sqlite").stat().st_size
        print(f"\nmade-up index: {reports} reports × {terms_per_report} term counts in "
              f"{time.perf_counter() - start:.0f} s, {size / 1e6:.0f} MB")
        for label, call in (("entries() (what list reads)", lambda: index.entries()),
                            ("entries(region)", lambda: index.entries("地区0042县")),
                            ("term_counts(a term in every report)", lambda: index.term_counts("词00000")),
                            ("term_counts(a rare term)", lambda: index.term_counts("词01234")),
                            ("term_counts(term, region)", lambda: index.term_counts("词00000", "地区0042县")),
                            ("knows(term)", lambda: index.knows("词01234"))):
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                call()
                times.append(time.perf_counter() - t0)
            print(f"{label:44} {statistics.median(times):9.4f} s")
        index.close()


if __name__ == "__main__":
    main()
