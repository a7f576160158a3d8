"""Render timings for the 城阳区 2022 → 2025 brief: HTML, PDF, and the whole `yoy compare` as a fresh process;
then the 全国 2008 → 2009 brief: HTML and PDF timings and the PDF's pages with and without the appendix;
last, a user's first `yoy compare` of two national pages just ingested into a new corpus (nothing derived
yet but what `yoy ingest` stored), and the same command again.

Targets (issues 11 and 12): HTML ≤ 0.2 s, PDF ≤ 1 s, whole command ≤ 2 s with all four formats and
≤ 1 s with HTML+JSON, national brief ≤ 6 pages. Prints figures (wall time; the machine may be shared,
so compare runs made in the same conditions); the whole commands also print their CPU time (user +
system of the process and its PDF worker), which a busy machine inflates far less than wall time.
Asserts nothing.
Run: .venv/bin/python benchmarks/render.py
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import installed_env, median_time

from yoy import pipeline, render
from yoy.corpus import Corpus
from yoy.models import Comparison

ROOT = Path(__file__).resolve().parents[1]

TARGETS = {"html": 0.2, "pdf": 1.0, "command": 2.0, "command_html_json": 1.0}


def comparison() -> tuple[Comparison, str]:
    """The 城阳区 2022 → 2025 record from the embedded corpus."""
    corpus = Corpus(ROOT / "yoy" / "corpus")
    old, new = corpus.load("城阳", 2022), corpus.load("城阳", 2025)
    return pipeline.compare(old, new, corpus.history("城阳")), "real engine, yoy/corpus"


def report(label: str, seconds: float, target: float, note: str = "") -> None:
    mark = "ok" if seconds <= target else "OVER"
    print(f"{label:<44} {seconds:6.3f} s   target ≤ {target:.1f} s  {mark}  {note}")


def process_times(run: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system of the child processes) of `run`."""
    walls, cpus = [], []
    for _ in range(runs):
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        run()
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def pdf_pages(data: bytes) -> int:
    """Pages of a PDF (read with pypdf)."""
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


WORKER_WARMUP_S = 2.0  # longer than the worker needs to import weasyprint and load the fonts here (~0.5 s)


def worker_pdf_time(c: Comparison, runs: int) -> float:
    """Median wall time of one PDF from a fresh warm worker (`render.pdf_worker`), started
    `WORKER_WARMUP_S` before, as `yoy compare` starts it before comparing."""
    times = []
    for _ in range(runs):
        with render.pdf_worker():
            time.sleep(WORKER_WARMUP_S)
            start = time.perf_counter()
            render.render_pdf(c)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def national() -> None:
    """全国 2008 → 2009: render timings and PDF pages."""
    corpus = Corpus(ROOT / "yoy" / "corpus")
    c = pipeline.compare(corpus.load("全国", 2008), corpus.load("全国", 2009), corpus.history("全国"))
    print(f"全国 2008 → 2009 brief: {len(c.sections)} section pairs, {len(c.priorities)} priorities")
    report("HTML render (median of 5)", median_time(lambda: render.render_html(c), 5), TARGETS["html"] * 3,
           "(a larger text: target ×3)")
    report("PDF render (median of 3)", median_time(lambda: render.render_pdf(c), 3), TARGETS["pdf"])
    report("PDF from a warm worker (median of 3)", worker_pdf_time(c, 3), TARGETS["pdf"])
    short, full = render.render_pdf(c), render.render_pdf(c, appendix=True)
    pages = f"{pdf_pages(short):6d} / {pdf_pages(full)}"
    print(f"{'PDF pages, default / --appendix':<44} {pages}   target ≤ 6 (default)")


def first_after_ingest() -> None:
    """`yoy ingest` of the 2008 and 2009 national pages into a new corpus with an empty cache, then the
    whole `yoy compare 全国 2008 2009` twice (all four formats): the first compare a user makes."""
    yoy = ROOT / ".venv" / "bin" / "yoy"
    pages = [str(ROOT / "fixtures" / "raw" / f"national_{y}.txt") for y in (2008, 2009)]
    with tempfile.TemporaryDirectory() as d:
        env = {**installed_env(), "YOY_CACHE_DIR": str(Path(d) / "cache")}
        corpus = str(Path(d) / "corpus")

        def run(*args: str) -> None:
            subprocess.run([str(yoy), "--corpus", corpus, *args], check=True, capture_output=True, env=env)

        wall, cpu = process_times(lambda: run("ingest", *pages), 1)
        report("`yoy ingest` of two national pages", wall, TARGETS["command"], f"CPU {cpu:.3f} s")
        compare = ("compare", "全国", "2008", "2009", "-o", str(Path(d) / "out"))
        wall, cpu = process_times(lambda: run(*compare), 1)
        report("first `yoy compare` after it (all formats)", wall, TARGETS["command"], f"CPU {cpu:.3f} s")
        wall, cpu = process_times(lambda: run(*compare), 1)
        report("the same `yoy compare` again", wall, TARGETS["command"], f"CPU {cpu:.3f} s")


def main() -> None:
    c, source = comparison()
    print(f"城阳区 2022 → 2025 brief from the {source}")
    print(f"  {len(c.sections)} section pairs, {len(c.priorities)} priorities, {len(c.targets)} targets")
    hb = "yes" if render.hb_subset_available() else "NO (fontTools fallback, slow)"
    print(f"  HarfBuzz subsetting: {hb}")
    report("HTML render (median of 9)", median_time(lambda: render.render_html(c), 9), TARGETS["html"])
    start, cpu = time.perf_counter(), time.process_time()
    render.render_pdf(c)
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    report("PDF render (median of 5, warm)", median_time(lambda: render.render_pdf(c), 5), TARGETS["pdf"])
    report("PDF render, first in process", first, TARGETS["pdf"],
           f"(includes importing weasyprint); CPU {first_cpu:.3f} s")
    report("PDF from a warm worker (median of 3)", worker_pdf_time(c, 3), TARGETS["pdf"],
           "(as `yoy compare` makes it)")
    yoy = ROOT / ".venv" / "bin" / "yoy"
    with tempfile.TemporaryDirectory() as out:
        cmd = [str(yoy), "--corpus", str(ROOT / "yoy" / "corpus"), "compare", "城阳", "2022", "2025",
               "-o", out]

        env = installed_env()

        def run(*extra: str) -> None:
            subprocess.run([*cmd, *extra], check=True, capture_output=True, env=env)

        note = "(fresh process, all four formats)"
        run("--format", "html,json")  # the corpus index and the compiled templates, as a user has them
        wall, cpu = process_times(run, 3)
        report("whole `yoy compare` (median of 3)", wall, TARGETS["command"], f"{note}; CPU {cpu:.3f} s")
        wall, cpu = process_times(lambda: run("--format", "html,json"), 3)
        report("whole `yoy compare`, HTML+JSON (median of 3)", wall, TARGETS["command_html_json"],
               f"(fresh process); CPU {cpu:.3f} s")
        wall, cpu = process_times(lambda: run("--format", "pdf"), 3)
        report("whole `yoy compare`, PDF only (median of 3)", wall, TARGETS["command"],
               f"(fresh process, its PDF worker included); CPU {cpu:.3f} s")
    national()
    first_after_ingest()


if __name__ == "__main__":
    main()
