"""Time to ingest (and segment) every raw text of the embedded corpus — the 5 seed pages (6 reports)
and the 14 national reports, 20 reports in all: median of several runs. Prints figures; not a test.

Usage: .venv/bin/python benchmarks/ingest.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from yoy import outline
from yoy.ingest import ingest_files
from yoy.models import Report

RAW = Path(__file__).resolve().parents[1] / "fixtures" / "raw"
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
TARGET_SECONDS = 2.0


def main() -> None:
    """Print the median ingest and segment times over `RUNS` runs."""
    seeds = sorted(RAW.glob("*.txt"))  # 000_…–004_… seed pages, national_2000…2013
    ingest_times: list[float] = []
    segment_times: list[float] = []
    reports: tuple[Report, ...] = ()
    for _ in range(RUNS):  # every run is cold: no text is cached between runs (only fixed tables)
        start = time.perf_counter()
        reports = ingest_files(seeds).reports
        ingest_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for report in reports:
            outline.segment(report)
        segment_times.append(time.perf_counter() - start)
    ingest_median = statistics.median(ingest_times)
    segment_median = statistics.median(segment_times)
    total = ingest_median + segment_median
    chars = sum(len(r.text) for r in reports)
    print(f"raw texts: {len(seeds)} files, {len(reports)} reports, {chars:,} characters; "
          f"{RUNS} runs (median)")
    first = ingest_times[0] * 1000
    print(f"ingest:  {ingest_median * 1000:8.1f} ms (first run {first:.1f} ms, with warm-up)")
    print(f"segment: {segment_median * 1000:8.1f} ms")
    verdict = "within" if total < TARGET_SECONDS else "OVER"
    print(f"total:   {total * 1000:8.1f} ms — {verdict} the {TARGET_SECONDS:.0f} s target (ingest + outline)")


if __name__ == "__main__":
    main()
