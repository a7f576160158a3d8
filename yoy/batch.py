"""`yoy brief` at scale: many pairs in parallel processes or on a Dask cluster, resumable, never redone.

The driver (the `yoy brief` process) plans every pair from the corpus index: the files of both
reports and of the region's history, and a *stamp* (SHA-256 of the yoy version, the formats, the
lexicon files and the SHA-256 of every input file). A pair whose stamp matches the state file written
after its briefs (`OUT/.yoy-batch/*.json`) is skipped. The others run as `run_job` tasks — in this
process (`jobs=1`), a process pool, or on a Dask cluster — which read the reports from a shared path
(or an fsspec URL) and send back the brief files as bytes; the driver writes each atomically, then
the pair's state file, then (every few seconds and at the end) `index.html`. A batch killed at any
point leaves whole files only; rerun, it does the pairs that have no matching state file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from yoy import __version__, lexicon
from yoy.errors import CorpusError, RenderError, YoyError
from yoy.files import atomic_write
from yoy.lexicon import Lexicon

NO_LEXICON = Lexicon()

if TYPE_CHECKING:
    from distributed import Client

    from yoy.corpus import Corpus
    from yoy.figures import Found
    from yoy.history import Reference
    from yoy.index import Entry
    from yoy.models import Comparison, Report
    from yoy.pipeline import Prepared

STATE_DIR = ".yoy-batch"
LOCK_FILE = "lock"
# index.html is rewritten at most this often while a batch runs (and once at the end): often enough to
# follow a long batch in a browser, rarely enough that 60,000 rows are not rewritten per pair.
INDEX_EVERY_S = 5.0
# Seconds to reach a Dask scheduler before `yoy brief --scheduler` gives up (distributed's default is
# 30 s; a typo'd address should fail sooner, a busy real scheduler answers well within this).
SCHEDULER_TIMEOUT_S = 10.0
SCHEDULER_ADDRESS = re.compile(r"^(tcp|tls|ws|wss|inproc|ucx)://[^\s/]+(:\d+)?/?$")
# A leftover of `yoy.files.atomic_write` killed mid-write: ".NAME.XXXXXXXX.tmp" beside NAME.
_TEMP = re.compile(r"^\..+\.(html|pdf|md|json)\.[A-Za-z0-9_]+\.tmp$")
# Pairs of one region sent to a worker as one task: consecutive pairs share a report, and a worker
# that runs them in a row segments that report once (its caches keep the last 64 texts). Measured on
# 40 synthetic pairs: 1 process 2.2 pairs/s, 2 processes given pairs one by one 1.2 pairs/s (load 7).
# Twelve keeps the progress bar moving and the tail of a batch short.
CHUNK_PAIRS = 12


class BatchOptionError(YoyError):
    """A bad `--jobs` or `--scheduler` value, or an output directory another batch holds."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Job:
    """One pair to brief: canonical keys, the input files as workers will read them, and the stamp."""

    old: tuple[str, int]
    new: tuple[str, int]
    old_path: str
    new_path: str
    history: tuple[str, ...]  # every stored year of the region (same-region pairs), oldest first
    formats: tuple[str, ...]
    stamp: str
    error: str | None = None  # an input that cannot be read: the pair fails without running
    appendix: bool = False  # the PDF gets the redline appendix
    lexicon: Lexicon = NO_LEXICON  # loaded once by the driver (workers may not see its files or env)
    # (region, year) of shipped reports whose corpus file cannot be read, left out of the reference as
    # `yoy compare` leaves them out (`pipeline.unreadable_years`; worked out by the driver, which
    # reads the corpus)
    withheld: tuple[tuple[str, int], ...] = ()
    # the other regions' reports of the new report's year that `yoy compare` reads as contemporaries
    # (`pipeline.peer_metas`, picked by the driver from the index), as workers will read them
    peers: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """`城阳区 2022 → 2025` or `即墨区 2019 → 崂山区 2019`."""
        if self.old[0] == self.new[0]:
            return f"{self.old[0]} {self.old[1]} → {self.new[1]}"
        return f"{self.old[0]} {self.old[1]} → {self.new[0]} {self.new[1]}"


@dataclass(frozen=True, slots=True)
class Done:
    """What a worker sends back: the brief files as bytes and the index row, or one error line."""

    job: Job
    files: tuple[tuple[str, bytes], ...]
    row: str  # JSON of the index.html row
    error: str | None
    peak_rss_mb: float


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a batch did: pairs written, skipped as unchanged, failed (with why), and the index."""

    written: tuple[tuple[Job, tuple[Path, ...], str], ...]  # job, files, headline
    skipped: tuple[tuple[Job, tuple[Path, ...], str], ...]
    failed: tuple[tuple[Job, str], ...]
    index: Path
    peak_rss_mb: float  # largest peak resident memory any worker reported


# --- options -------------------------------------------------------------------------------------


def parse_jobs(value: str | None) -> int:
    """`--jobs N` → N ≥ 1; None → the cores this process may use."""
    if value is None:
        return default_jobs()
    try:
        jobs = int(value)
    except ValueError:
        raise BatchOptionError(f"--jobs takes a whole number of processes ≥ 1, not '{value}'") from None
    if jobs < 1:
        raise BatchOptionError(f"--jobs takes a whole number of processes ≥ 1, not {jobs}")
    return jobs


def default_jobs() -> int:
    """The machine's cores available to this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def check_scheduler(address: str) -> str:
    """A Dask scheduler address as `tcp://HOST:PORT`; anything else is a one-line error."""
    address = address.strip()
    if not SCHEDULER_ADDRESS.match(address):
        raise BatchOptionError(f"'{address}' is not a Dask scheduler address (e.g. tcp://10.0.0.5:8786)")
    return address


def connect(address: str) -> Client:
    """A Dask client of the scheduler at `address`; a one-line error if it cannot be reached."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - a dependency of yoy
        raise BatchOptionError("--scheduler needs dask's distributed package: pip install 'dask[distributed]'"
                               ) from None
    try:
        return Client(address, timeout=SCHEDULER_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else "no answer"
        raise BatchOptionError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {why})"
                               ) from None


# --- planning ------------------------------------------------------------------------------------


def _stamp(formats: Sequence[str], entries: Iterable[Entry], appendix: bool, lex: Lexicon,
           withheld: Sequence[tuple[str, int]] = ()) -> str:
    data: dict[str, Any] = {"yoy": __version__, "formats": list(formats), "appendix": appendix,
                            "lexicon": [list(pair) for pair in lex.successions],
                            "inputs": [e.sha256 for e in entries]}
    if withheld:  # only then: the stamps of a corpus without unreadable files stay as they were
        data["withheld"] = [list(k) for k in withheld]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _worker_path(path: Path, roots: Sequence[Path], worker_root: str | None) -> str:
    """Where workers read `path`: the same path, or the same region/year under `worker_root`."""
    if worker_root is None:
        return str(path)
    for root in roots:
        if path.is_relative_to(root):
            return f"{worker_root.rstrip('/')}/{path.relative_to(root).as_posix()}"
    return str(path)  # pragma: no cover - every corpus file lies under a root


def plan(corpus: Corpus, keys: Sequence[tuple[tuple[str, int], tuple[str, int]]], formats: Sequence[str],
         worker_root: str | None = None, appendix: bool = False, lex: Lexicon | None = None
         ) -> tuple[Job, ...]:
    """A job per pair, in the order given (duplicates once); unknown regions or years raise NotFoundError."""
    from yoy import pipeline

    lex = lexicon.load() if lex is None else lex
    entries = {(e.meta.region, e.meta.year): e for e in corpus.entries(strict=False)}
    broken = {(p.parent.name, int(p.stem)): why for p, why in corpus.broken()}
    by_region: dict[str, list[Entry]] = {}
    for key in sorted(entries):
        by_region.setdefault(key[0], []).append(entries[key])

    def entry(region: str, year: int) -> Entry:
        found = entries.get((corpus.resolve_region(region), year))
        return found if found is not None else corpus.entry(region, year)  # raises what is missing

    jobs: dict[tuple[tuple[str, int], tuple[str, int]], Job] = {}
    for old_q, new_q in keys:
        bad = [(corpus.resolve_region(q[0]), q[1]) for q in (old_q, new_q)]
        if any(k in broken for k in bad):  # one broken file fails its pairs, not the batch
            old, new = bad[0], bad[1]
            why = next(broken[k] for k in bad if k in broken)
            jobs.setdefault((old, new), Job(old=old, new=new, old_path="", new_path="", history=(),
                                            formats=tuple(formats), stamp="", error=why))
            continue
        old_e, new_e = entry(*old_q), entry(*new_q)
        old, new = (old_e.meta.region, old_e.meta.year), (new_e.meta.region, new_e.meta.year)
        if (old, new) in jobs:
            continue
        same = old[0] == new[0]  # as `pipeline.run`: a same-region pair gets the region's whole history
        history = by_region[new[0]] if same else []
        # as `pipeline.compare_stored`: the shipped years the corpus holds unreadable files of
        withheld = pipeline.unreadable_years(corpus, new[0]) if history else ()
        # as `pipeline.compare_stored`: the year's other regions, nearest first (their files' digests
        # are in the stamp: a contemporary added or edited changes the brief's notes and marks)
        peers = [entries[k] for m in pipeline.peer_metas(corpus, old_e.meta, new_e.meta)
                 if (k := (m.region, m.year)) in entries]
        where = [_worker_path(e.path, corpus.roots, worker_root) for e in (old_e, new_e, *history)]
        stamp = _stamp(formats, (old_e, new_e, *history, *peers), appendix, lex, withheld)
        jobs[(old, new)] = Job(old=old, new=new, old_path=where[0], new_path=where[1],
                               history=tuple(where[2:]), formats=tuple(formats), stamp=stamp,
                               appendix=appendix, lexicon=lex, withheld=withheld,
                               peers=tuple(_worker_path(e.path, corpus.roots, worker_root) for e in peers))
    return tuple(jobs.values())


# --- the worker side -----------------------------------------------------------------------------


def _read_any(where: str) -> Report:
    """A report from a local path or an fsspec URL (s3://…, gs://…, http://…)."""
    from yoy.corpus import parse, read_file

    if "://" not in where:
        return read_file(Path(where))
    import fsspec

    try:
        with fsspec.open(where, "rt", encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{where}: cannot read ({exc})") from None
    report = parse(text, where)
    place = PurePosixPath(where.split("://", 1)[1])
    if report.meta.region != place.parent.name or str(report.meta.year) != place.stem:
        raise CorpusError(f"{where}: says {report.meta.region} {report.meta.year}; it must be "
                          f"{report.meta.region}/{report.meta.year}.md")
    return report


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def index_row(c: Comparison, names: Sequence[str], ctx: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The index.html row of one brief (`render.index_row`; `ctx`: the brief's context, when its
    formats were rendered from it)."""
    from yoy import render

    return render.index_row(render.brief_context(c) if ctx is None else ctx, names)


class Memo:
    """What the pairs one worker runs in a row share: each history report's figures
    (`figures.report_figures`, by `index.figures_key` of its text and year). Consecutive pairs of a
    region have the same history, so a chunk of 12 pairs works out each year's figures once, not 12
    times (the figures of a 20-year history are a quarter of a pair's time); and the reference corpus
    the pairs are measured against (`pipeline.reference_for` of the same reports: built once, not
    folded again for every pair). Kept for one chunk only."""

    def __init__(self) -> None:
        self.figures: dict[str, tuple[Found, ...]] = {}
        self.references: dict[tuple[tuple[tuple[str, int, str, str], ...], tuple[tuple[str, int], ...]],
                              Reference] = {}
        self.records: dict[str, Prepared] = {}

    def prepared(self, *reports: Report) -> tuple[Prepared, ...]:
        """`pipeline.prepare` of each report, worked out once per text: consecutive pairs of a region
        share a report (the new one of a pair is the old one of the next), so a chunk prepares each
        year once, not twice. Keyed by the text (`index.analysis_key`, as the corpus index keys it);
        the record is given the report it is asked for."""
        from dataclasses import replace

        from yoy import index, pipeline

        out = []
        for rep in reports:
            k = index.analysis_key(rep.text)
            if k not in self.records:
                self.records[k] = pipeline.prepare(rep)
            d, an = self.records[k]
            out.append((d if d.report is rep else replace(d, report=rep), an))
        return tuple(out)

    def reference(self, reports: Sequence[Report], withheld: Sequence[tuple[str, int]] = ()) -> Reference:
        """`pipeline.reference_for(reports, withheld)`, which depends only on the first report of each
        (region, year) among them (`history.reference`) and on the years withheld: that is the key."""
        from yoy import index, pipeline

        first: dict[tuple[str, int], Report] = {}
        for rep in reports:
            first.setdefault((rep.meta.region, rep.meta.year), rep)
        key = (tuple(sorted((region, year, str(rep.meta.level), index.figures_key(rep.text, year))
                            for (region, year), rep in first.items())), tuple(sorted(withheld)))
        if key not in self.references:
            self.references[key] = pipeline.reference_for(reports, withheld)
        return self.references[key]

    def history_figures(self, history: Sequence[Report]) -> dict[int, tuple[Found, ...]]:
        """As `pipeline.history_figures` reads them from the corpus index: by year, the first report
        of each year (as `figures.series` picks it)."""
        from yoy import figures, index, pipeline

        out: dict[int, tuple[Found, ...]] = {}
        for rep in history:
            year = rep.meta.year
            if year in out:
                continue
            k = index.figures_key(rep.text, year)
            if k not in self.figures:
                self.figures[k] = tuple(figures.report_figures(rep, pipeline.shipped_indicators()))
            out[year] = self.figures[k]
        return out


def run_job(job: Job, memo: Memo | None = None) -> Done:
    """Compare one pair and render its formats (in a worker: reads inputs, writes nothing); `memo`:
    what the worker's previous pairs worked out (default: nothing)."""
    from yoy import pipeline, render

    try:
        old, new = _read_any(job.old_path), _read_any(job.new_path)
        history = tuple(_read_any(p) for p in job.history)
        peers = tuple(_read_peers(job.peers))
        memo = memo or Memo()
        known = memo.history_figures(history) if history else None
        prepared = memo.prepared(old, new)
        comparison = pipeline.compare(old, new, history, lexicon=job.lexicon, history_figures=known,
                                      reference=memo.reference((*history, old, new, *peers), job.withheld),
                                      prepared=(prepared[0], prepared[1]))
        stem = render.brief_stem(comparison)
        ctx = render.brief_context(comparison)  # one build for the formats and the index row
        files = tuple(zip((f"{stem}.{fmt}" for fmt in job.formats),
                          render.render_all(comparison, job.formats, job.appendix, ctx=ctx), strict=True))
        row = index_row(comparison, [name for name, _ in files], ctx)
        return Done(job, files, json.dumps(row, ensure_ascii=False), None, _peak_rss_mb())
    except YoyError as exc:
        return Done(job, (), "", exc.message, _peak_rss_mb())
    except Exception as exc:  # one broken pair must not sink a batch of thousands: report it, go on
        return Done(job, (), "", f"{type(exc).__name__}: {exc}", _peak_rss_mb())


def _read_peers(where: Sequence[str]) -> Iterator[Report]:
    """The contemporaries' reports; one that cannot be read is left out, as `pipeline.peer_reports`
    leaves it out (a peer only adds a note and a mark)."""
    for w in where:
        try:
            yield _read_any(w)
        except YoyError:
            continue


def run_chunk(jobs: tuple[Job, ...]) -> tuple[Done, ...]:
    """`run_job` for several pairs in a row (in one worker, sharing its caches and one `Memo`)."""
    memo = Memo()
    return tuple(run_job(job, memo) for job in jobs)


def chunks(jobs: Sequence[Job], size: int = CHUNK_PAIRS) -> list[tuple[Job, ...]]:
    """Runs of at most `size` jobs whose new report is of one region, in order."""
    out: list[list[Job]] = []
    for job in jobs:
        if out and len(out[-1]) < size and out[-1][-1].new[0] == job.new[0]:
            out[-1].append(job)
        else:
            out.append([job])
    return [tuple(c) for c in out]


# --- executors -----------------------------------------------------------------------------------


Executor = Callable[[Sequence[Job]], Iterator[Done]]


def _results(future: Any, chunk: tuple[Job, ...]) -> tuple[Done, ...]:
    """A finished task's results; a lost worker (killed, out of memory) fails its pairs, not the batch."""
    try:
        done: tuple[Done, ...] = future.result()
    except Exception as exc:
        why = f"the worker running it was lost ({type(exc).__name__}: {exc})"
        return tuple(Done(job, (), "", why, 0.0) for job in chunk)
    return done


def in_process(jobs: Sequence[Job]) -> Iterator[Done]:
    """Run the jobs one after another in this process (one `Memo` per run of a region's pairs)."""
    for chunk in chunks(jobs):
        memo = Memo()
        for job in chunk:
            yield run_job(job, memo)


def process_pool(workers: int) -> Executor:
    """Run the jobs in `workers` fresh processes; results as they complete."""
    def execute(jobs: Sequence[Job]) -> Iterator[Done]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        # spawn: workers start clean (no inherited threads or locks of the driver's progress bar)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = {pool.submit(run_chunk, chunk): chunk for chunk in chunks(jobs)}
            try:
                for future in as_completed(futures):
                    yield from _results(future, futures[future])
            finally:
                for future in futures:
                    future.cancel()
    return execute


def dask(client: Client) -> Executor:
    """Run the jobs as tasks on the Dask cluster of `client`; results as they complete."""
    def execute(jobs: Sequence[Job]) -> Iterator[Done]:
        from distributed import as_completed

        parts = chunks(jobs)
        futures = client.map(run_chunk, parts, pure=False)
        by_key = {f.key: chunk for f, chunk in zip(futures, parts, strict=True)}
        try:
            for future in as_completed(futures):
                yield from _results(future, by_key[future.key])
        finally:
            client.cancel(futures)
    return execute


def executor_for(jobs: int, client: Client | None = None) -> Executor:
    """The executor of `--jobs` / `--scheduler`: a cluster wins; one job runs in this process."""
    if client is not None:
        return dask(client)
    return in_process if jobs == 1 else process_pool(jobs)


# --- the driver ----------------------------------------------------------------------------------


def _state_path(out_dir: Path, job: Job) -> Path:
    key = json.dumps([job.old, job.new], ensure_ascii=False)
    return out_dir / STATE_DIR / f"{hashlib.sha1(key.encode()).hexdigest()[:20]}.json"


def _finished(out_dir: Path, job: Job) -> dict[str, Any] | None:
    """The state of a pair whose briefs are there and were made from the same inputs, else None."""
    try:
        state = json.loads(_state_path(out_dir, job).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or state.get("stamp") != job.stamp:
        return None
    if not all((out_dir / name).is_file() for name in state.get("files", ())):
        return None
    return state


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """Hold the output directory for this batch; a second batch writing there is refused."""
    state_dir = out_dir / STATE_DIR
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        handle = (state_dir / LOCK_FILE).open("a")
    except OSError as exc:
        raise RenderError(f"cannot create output directory {out_dir}: {exc.strerror or exc}") from None
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no lock
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BatchOptionError(f"another yoy brief is writing to {out_dir}; wait for it or choose "
                                   "another --output-dir") from None
        yield
    finally:
        handle.close()


def _clean_leftovers(out_dir: Path) -> None:
    """Remove temp files of a batch that was killed mid-write (only yoy's own, under our lock)."""
    for folder in (out_dir, out_dir / STATE_DIR):
        with contextlib.suppress(OSError):
            for item in os.scandir(folder):
                if _TEMP.match(item.name) or (folder != out_dir and item.name.endswith(".tmp")):
                    with contextlib.suppress(OSError):
                        os.unlink(item.path)


def write_index(rows: Sequence[dict[str, Any]], out_dir: Path) -> Path:
    """`index.html` linking the briefs of `rows` (index rows as `index_row` makes them)."""
    from yoy import render

    return render.write_index_rows(rows, out_dir)


def run(jobs: Sequence[Job], out_dir: Path, execute: Executor,
        progress: Callable[[str, Job], None] | None = None) -> Outcome:
    """Brief every job into `out_dir`: skip the finished, run the rest with `execute`, write as results come.

    `progress(status, job)` hears "skipped", "written" or "failed" for each job.
    """
    from yoy import render

    out_dir = Path(out_dir)
    rows: dict[Job, dict[str, Any]] = {}
    written: list[tuple[Job, tuple[Path, ...], str]] = []
    skipped: list[tuple[Job, tuple[Path, ...], str]] = []
    failed: list[tuple[Job, str]] = []
    peak = 0.0
    with _locked(out_dir):
        _clean_leftovers(out_dir)
        render.check_writable([out_dir / "index.html"])  # refuse a foreign index.html before any work
        todo = []
        for job in jobs:
            if job.error is not None:
                failed.append((job, job.error))
                if progress:
                    progress("failed", job)
                continue
            state = _finished(out_dir, job)
            if state is None:
                todo.append(job)
                continue
            rows[job] = state["row"]
            skipped.append((job, tuple(out_dir / n for n in state["files"]), state["row"]["title"]))
            if progress:
                progress("skipped", job)
        last_index = time.monotonic()

        def ordered() -> list[dict[str, Any]]:
            return [rows[j] for j in jobs if j in rows]

        for done in execute(todo):
            peak = max(peak, done.peak_rss_mb)
            job = done.job
            try:
                if done.error is not None:
                    raise RenderError(done.error)
                paths = tuple(out_dir / name for name, _ in done.files)
                render.check_writable(paths)
                for path, (_, data) in zip(paths, done.files, strict=True):
                    atomic_write(path, data, RenderError)
                row = json.loads(done.row)
                state = {"key": [job.old, job.new], "stamp": job.stamp, "files": [p.name for p in paths],
                         "row": row}
                atomic_write(_state_path(out_dir, job),
                             json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8"), RenderError)
            except YoyError as exc:
                failed.append((job, exc.message))
                if progress:
                    progress("failed", job)
                continue
            rows[job] = row
            written.append((job, paths, row["title"]))
            if progress:
                progress("written", job)
            if time.monotonic() - last_index >= INDEX_EVERY_S:
                write_index(ordered(), out_dir)
                last_index = time.monotonic()
        index = write_index(ordered(), out_dir)
    order = {job: n for n, job in enumerate(jobs)}
    written.sort(key=lambda w: order[w[0]])
    return Outcome(written=tuple(written), skipped=tuple(skipped), failed=tuple(failed), index=index,
                   peak_rss_mb=peak)
