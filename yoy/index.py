"""A derived SQLite index of the corpus: metadata, part counts and term counts per report.

The Markdown files stay the source of truth. The index lives in the user's cache directory
(`$YOY_CACHE_DIR`, else `$XDG_CACHE_HOME/yoy`, else `~/.cache/yoy`), one file per set of corpus roots,
and is brought up to date by `refresh` on every use: a file whose (mtime, size) differ from its row is
read and hashed again, and re-parsed only if its SHA-256 changed; rows of removed files go. Metadata
and characters come with the refresh (cheap: no segmentation). The two "deep stats" are computed once
per file content, each only when first asked for, in parallel for many files, and dropped whenever
the yoy version changes: part counts (`ensure_parts`: outlining only, what `yoy list` shows) and term
counts (`ensure_counts`: word segmentation, what `yoy trend` reads).

Term counts are exact substring counts in the folded text (as `yoy.terms.count` counts) of each
report's own vocabulary: its jieba content words and quoted terms. A report where a term only occurs
inside a longer word has no row for it; `Index.scan_counts` counts exactly by reading the files.
This module needs only the standard library until deep stats are computed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from yoy import __version__
from yoy.errors import CorpusError
from yoy.models import Kind, Level, Region, ReportMeta

if TYPE_CHECKING:
    from yoy.models import Report

T = TypeVar("T")

# Bump when the tables change: an index of another schema is dropped and rebuilt.
SCHEMA_VERSION = 2
# Files to deep-index before a process pool pays for itself: starting a worker and importing what it
# needs costs 0.2–0.5 s; a part count is 5–10 ms on a national report, its term counts 30–50 ms.
PARALLEL_MIN = 24
# Paths per task sent to a worker (fewer round trips; small enough to keep both workers busy).
POOL_CHUNK = 8
# Seconds a writer waits for another yoy process holding the index (SQLite busy timeout).
BUSY_TIMEOUT_S = 30.0
# Rows per SQLite `executemany` when writing term counts (keeps one statement's memory small).
CHUNK = 5000
# Reports whose term counts are written in one transaction.
COUNTS_BATCH = 25
# SQLite page cache while the index is open (KiB): the counts table of 1,000 reports is ~50 MB, and
# each report's rows land all over its (term, report) key order; the default 2 MB cache thrashes.
CACHE_KIB = 64 * 1024
ALIAS_SEP = "\x1f"
# Libraries whose version changes what a report's figures are (folding, word segmentation).
ENGINE_LIBRARIES = ("opencc", "rjieba")
# Keys per `IN (...)` look-up: SQLite's default limit of host parameters is 999 (older builds).
SQL_VARS = 900

_SCHEMA = """
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, region TEXT NOT NULL, year INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
  level TEXT, kind TEXT, title TEXT, date TEXT, session TEXT, speaker TEXT, source TEXT,
  source_sha256 TEXT, chars INTEGER, error TEXT, parts INTEGER, counted INTEGER);
CREATE INDEX IF NOT EXISTS reports_key ON reports(region, year);
CREATE TABLE IF NOT EXISTS terms(id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS counts(term_id INTEGER NOT NULL, report_id INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(term_id, report_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS counts_report ON counts(report_id);
CREATE TABLE IF NOT EXISTS figures(key TEXT PRIMARY KEY, engine TEXT NOT NULL, found TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analyses(key TEXT PRIMARY KEY, engine TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS tallies(key TEXT PRIMARY KEY, engine TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS regions(name TEXT PRIMARY KEY, ord INTEGER NOT NULL, level TEXT NOT NULL,
  parent TEXT, aliases TEXT NOT NULL, pinyin TEXT NOT NULL, norms TEXT NOT NULL);
"""
_META_COLS = ("level", "kind", "title", "date", "session", "speaker", "source", "source_sha256")


@dataclass(frozen=True, slots=True)
class Entry:
    """One indexed report: where it is, its metadata, size and (when computed) its number of parts."""

    meta: ReportMeta
    path: Path
    sha256: str
    chars: int
    parts: int | None


@dataclass(frozen=True, slots=True)
class TermCount:
    """How often a term occurs in one report (`count` per `chars` characters)."""

    region: str
    year: int
    count: int
    chars: int

    @property
    def per10k(self) -> float:
        """Occurrences per 10,000 characters, rounded as the briefs round them."""
        return round(self.count * 10000 / self.chars, 2) if self.chars else 0.0


def cache_dir() -> Path:
    """Where yoy keeps derived data (the index)."""
    explicit = os.environ.get("YOY_CACHE_DIR", "")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "yoy"


def index_path(roots: Sequence[Path]) -> Path:
    """The index file for a corpus made of `roots` (one index per set of roots)."""
    key = "\n".join(str(Path(r).resolve()) for r in roots)
    return cache_dir() / f"index-{hashlib.sha1(key.encode()).hexdigest()[:16]}.sqlite"


def figures_key(text: str, year: int) -> str:
    """What a report's figures depend on besides the engine: its text and year (`figures.report_figures`)."""
    return hashlib.sha256(f"{year}\n{text}".encode()).hexdigest()


def analysis_key(text: str) -> str:
    """What a report's segmentation and formulation analysis depend on besides the engine: its text."""
    return hashlib.sha256(f"analysis\n{text}".encode()).hexdigest()


def text_key(text: str) -> str:
    """A text's digest (`tally_key`)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def tally_key(report_key: str, text_key: str, kind: str = "tally") -> str:
    """What the counts of a report's strings in a text depend on besides the engine (which makes the
    strings of a report's analysis): the report's text (its `analysis_key`), the text counted in (its
    `text_key`) and which strings of the report (`kind`: the counts of `pipeline.tallies_stored`, the
    phrases and variants of `pipeline.said_stored`)."""
    return hashlib.sha256(f"{kind}\n{report_key}\n{text_key}".encode()).hexdigest()


@cache  # constant for a process: the code and tables it hashes do not change while it runs
def engine_fingerprint() -> str:
    """The yoy version, the installed files of the libraries that fold and segment (opencc, rjieba:
    names and sizes) and a hash of the package's own sources and data tables: derived figures are
    reused only by the code that made them (an edited checkout recomputes them). Read once a process."""
    import importlib.util

    package = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for name in ENGINE_LIBRARIES:  # found, not imported: importing rjieba loads its dictionary (0.1 s)
        spec = importlib.util.find_spec(name)
        where = Path(str(spec.origin if spec is not None else name)).parent
        h.update(f"\0{name}".encode())
        for f in sorted(where.iterdir()):
            if f.is_file():
                h.update(f"\0{f.name}:{f.stat().st_size}".encode())
    for path in engine_sources(package):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:32]


def engine_sources(package: Path) -> list[Path]:
    """The files `engine_fingerprint` hashes: every module of the package, its sub-packages' too
    (`yoy/classify/…`: a stage split into modules is still the engine), and its data tables."""
    return sorted([*package.rglob("*.py"), *(package / "data").glob("*")])


def prune(folder: Path, keep: Path) -> None:
    """Delete the indexes in `folder` whose corpus roots are all gone (temporary corpora, moved ones)."""
    for other in folder.glob("index-*.sqlite"):
        if other == keep:
            continue
        try:
            db = sqlite3.connect(f"file:{other}?mode=ro", uri=True, timeout=1)
            try:
                row = db.execute("SELECT value FROM info WHERE key='roots'").fetchone()
            finally:
                db.close()
        except sqlite3.Error:
            continue
        if row and not any(Path(r).is_dir() for r in str(row[0]).splitlines()):
            for leftover in (other, Path(f"{other}-wal"), Path(f"{other}-shm")):
                leftover.unlink(missing_ok=True)


def part_count(path: Path) -> int:
    """Top-level parts of the report in `path`: its outline's parts (no word segmentation needed
    beyond what the outline itself asks for)."""
    from yoy.corpus import read_file
    from yoy.outline import segment

    return len(segment(read_file(path)).blocks)


def term_stats(path: Path) -> tuple[tuple[str, int], ...]:
    """Term counts of the report in `path`: each word of its vocabulary (jieba content words and quoted
    terms) with its exact substring count in the folded text (`str.count`), sorted."""
    from yoy.corpus import read_file
    from yoy.terms import content_words, quoted
    from yoy.text import fold, squeeze, words

    folded = fold(read_file(path).text)
    flat, _ = squeeze(folded)  # the words of `yoy.terms.tokens`, without their offsets
    vocabulary = set(content_words(words(flat))) | set(quoted(folded))
    return tuple(sorted(substring_counts(vocabulary, folded).items()))


def substring_counts(terms: Iterable[str], text: str) -> dict[str, int]:
    """`text.count(t)` of every term that occurs (non-overlapping, leftmost first), in one pass over
    `text` (Aho-Corasick) instead of one scan per term."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for t in terms:
        if t:
            auto.add_word(t, t)
    if not len(auto):
        return {}
    auto.make_automaton()
    counts: dict[str, int] = {}
    free: dict[str, int] = {}  # where the next counted occurrence of a term may start
    for end, t in auto.iter(text):  # by end position: for one term, also by start
        start = end - len(t) + 1
        if start >= free.get(t, 0):
            counts[t] = counts.get(t, 0) + 1
            free[t] = end + 1
    return counts


def _parts_one(path: str) -> tuple[str, int | None]:
    try:
        return path, part_count(Path(path))
    except CorpusError:
        return path, None


def _counts_one(path: str) -> tuple[str, tuple[tuple[str, int], ...] | None]:
    try:
        return path, term_stats(Path(path))
    except CorpusError:
        return path, None


def _parts_many(paths: Sequence[str]) -> list[tuple[str, int | None]]:
    return [_parts_one(p) for p in paths]


def _counts_many(paths: Sequence[str]) -> list[tuple[str, tuple[tuple[str, int], ...] | None]]:
    return [_counts_one(p) for p in paths]


def _in_pool(many: Callable[[Sequence[str]], list[T]], one: Callable[[str], T], todo: Sequence[str],
             workers: int) -> Iterator[T]:
    """`one` over `todo` in order: here, or (many files, several cores) `many` over chunks of them in a
    pool of spawned processes, results streamed back as they come."""
    if workers <= 1 or len(todo) < PARALLEL_MIN:
        yield from map(one, todo)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    parts = [todo[i:i + POOL_CHUNK] for i in range(0, len(todo), POOL_CHUNK)]
    pool = ProcessPoolExecutor(min(workers, len(parts)), mp_context=multiprocessing.get_context("spawn"))
    try:
        for chunk in pool.map(many, parts):
            yield from chunk
    finally:
        pool.shutdown(cancel_futures=True)


class Index:
    """The SQLite index of one corpus; every method answers for the files given to `refresh`."""

    def __init__(self, path: Path | None, roots: Sequence[Path] = ()) -> None:
        self.path = path
        fresh = path is not None and not path.exists()
        self.db = self._connect(path)
        if fresh and path is not None:
            self.db.execute("INSERT OR REPLACE INTO info VALUES ('roots', ?)",
                            ("\n".join(str(Path(r).resolve()) for r in roots),))
            prune(path.parent, keep=path)

    @staticmethod
    def _connect(path: Path | None) -> sqlite3.Connection:
        db: sqlite3.Connection | None = None
        if path is not None:
            for attempt in range(2):
                try:
                    db = Index._open_file(path)
                    break
                except sqlite3.DatabaseError:  # not a database (or a torn one): derived data, rebuild it
                    if attempt == 0:
                        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                            with contextlib.suppress(OSError):
                                leftover.unlink(missing_ok=True)
                except (OSError, sqlite3.Error):  # an unwritable cache: keep the index in memory
                    break
        if db is None:
            db = sqlite3.connect(":memory:", isolation_level=None)
            db.executescript(_SCHEMA)
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        return db

    @staticmethod
    def _open_file(path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):  # another schema: drop it, the files rebuild it
                db.executescript("DROP TABLE IF EXISTS counts; DROP TABLE IF EXISTS terms; "
                                 "DROP TABLE IF EXISTS reports; DROP TABLE IF EXISTS regions; "
                                 "DROP TABLE IF EXISTS figures; DROP TABLE IF EXISTS analyses; "
                                 "DROP TABLE IF EXISTS tallies; "
                                 "DROP TABLE IF EXISTS info;")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    # --- keeping it up to date -------------------------------------------------------------------

    def _info(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM info WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def refresh(self, files: Mapping[tuple[str, int], Path], read: Callable[[Path], Report]) -> None:
        """Make the rows match `files` (key → path); `read` parses a changed file."""
        db = self.db
        known = {p: (rid, m, s, h) for rid, p, m, s, h in
                 db.execute("SELECT id, path, mtime_ns, size, sha256 FROM reports")}
        wanted: dict[str, Path] = {str(p): p for p in files.values()}
        stale: list[tuple[str, Path, os.stat_result]] = []
        for name, path in wanted.items():
            try:
                st = path.stat()
            except OSError:
                continue
            row = known.get(name)
            if row is None or row[1] != st.st_mtime_ns or row[2] != st.st_size:
                stale.append((name, path, st))
        gone = [known[p][0] for p in known.keys() - wanted.keys()]
        version_ok = self._info("yoy_version") == __version__
        if not stale and not gone and version_ok:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            if not version_ok:  # deep stats depend on the segmenter of this yoy version
                db.execute("UPDATE reports SET parts=NULL, counted=NULL")
                db.execute("DELETE FROM counts")
                db.execute("INSERT OR REPLACE INTO info VALUES ('yoy_version', ?)", (__version__,))
            for rid in gone:
                db.execute("DELETE FROM counts WHERE report_id=?", (rid,))
                db.execute("DELETE FROM reports WHERE id=?", (rid,))
            for name, path, st in stale:
                self._index_file(name, path, st, known.get(name), read)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _index_file(self, name: str, path: Path, st: os.stat_result,
                    row: tuple[int, int, int, str] | None, read: Callable[[Path], Report]) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            return
        sha = hashlib.sha256(data).hexdigest()
        if row is not None and row[3] == sha:  # touched, not changed
            self.db.execute("UPDATE reports SET mtime_ns=?, size=? WHERE id=?", (st.st_mtime_ns, st.st_size,
                                                                               row[0]))
            return
        region, year = path.parent.name, int(path.stem)
        values: dict[str, object] = dict.fromkeys(_META_COLS)
        chars, error = 0, None
        try:
            report = read(path)
            meta = report.meta
            values.update(level=str(meta.level), kind=str(meta.kind), title=meta.title, date=meta.date,
                          session=meta.session, speaker=meta.speaker, source=meta.source,
                          source_sha256=meta.source_sha256)
            chars = len(report.text)
        except CorpusError as exc:
            error = exc.message
        if row is not None:
            self.db.execute("DELETE FROM counts WHERE report_id=?", (row[0],))
            self.db.execute("DELETE FROM reports WHERE id=?", (row[0],))
        self.db.execute(
            f"INSERT INTO reports(path, region, year, mtime_ns, size, sha256, {', '.join(_META_COLS)}, "
            f"chars, error, parts, counted) VALUES ({', '.join('?' * (8 + len(_META_COLS)))}, NULL, NULL)",
            (name, region, year, st.st_mtime_ns, st.st_size, sha, *values.values(), chars, error))

    def _todo(self, column: str) -> list[str]:
        return [str(p) for (p,) in self.db.execute(
            f"SELECT path FROM reports WHERE {column} IS NULL AND error IS NULL ORDER BY region, year")]

    def ensure_parts(self, progress: Callable[[int, int], None] | None = None,
                     jobs: int | None = None) -> None:
        """Compute the part count of every report that lacks one (outlining only; in parallel for many)."""
        todo = self._todo("parts")
        if not todo:
            return
        workers = jobs or len(os.sched_getaffinity(0))
        rows: list[tuple[int, str]] = []
        for done, (path, parts) in enumerate(_in_pool(_parts_many, _parts_one, todo, workers), start=1):
            if parts is not None:
                rows.append((parts, path))
            if progress:
                progress(done, len(todo))
            if len(rows) >= 200:  # stored as they come: an interrupted build keeps what it did
                self._store_parts(rows)
                rows = []
        self._store_parts(rows)

    def _store_parts(self, rows: Sequence[tuple[int, str]]) -> None:
        if not rows:
            return
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("UPDATE reports SET parts=? WHERE path=?", rows)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def ensure_counts(self, progress: Callable[[int, int], None] | None = None,
                      jobs: int | None = None) -> None:
        """Compute the term counts of every report that lacks them (word segmentation; in parallel for
        many): only `term_counts` and `knows` need them, so `yoy list` never waits for this."""
        todo = self._todo("counted")
        if not todo:
            return
        workers = jobs or len(os.sched_getaffinity(0))
        ids = dict(self.db.execute("SELECT term, id FROM terms"))  # known terms: no look-up per report
        batch: list[tuple[str, tuple[tuple[str, int], ...]]] = []
        for done, (path, counts) in enumerate(_in_pool(_counts_many, _counts_one, todo, workers), start=1):
            if counts is not None:
                batch.append((path, counts))
            if len(batch) >= COUNTS_BATCH:  # one transaction per batch: an interrupted build keeps those
                self._store_counts(batch, ids)
                batch = []
            if progress:
                progress(done, len(todo))
        self._store_counts(batch, ids)

    def _store_counts(self, batch: Sequence[tuple[str, Sequence[tuple[str, int]]]],
                      ids: dict[str, int]) -> None:
        """Store the term counts of several reports in one transaction; `ids` (term → id) is kept up to
        date with the terms added."""
        if not batch:
            return
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            last = db.execute("SELECT MAX(id) FROM terms").fetchone()[0] or 0
            if last != max(ids.values(), default=0):  # another process added terms: take its ids
                ids.clear()
                ids.update(db.execute("SELECT term, id FROM terms"))
            for path, counts in batch:
                row = db.execute("SELECT id FROM reports WHERE path=?", (path,)).fetchone()
                if row is None:
                    continue
                rid = row[0]
                fresh = [t for t, _ in counts if t not in ids]
                if fresh:
                    start = max(ids.values(), default=0) + 1
                    added = {t: start + k for k, t in enumerate(fresh)}
                    db.executemany("INSERT INTO terms(id, term) VALUES (?, ?)",
                                   ((i, t) for t, i in added.items()))
                    ids.update(added)
                db.execute("DELETE FROM counts WHERE report_id=?", (rid,))
                rows = [(ids[t], rid, n) for t, n in counts]
                for i in range(0, len(rows), CHUNK):
                    db.executemany("INSERT INTO counts VALUES (?, ?, ?)", rows[i:i + CHUNK])
                db.execute("UPDATE reports SET counted=1 WHERE id=?", (rid,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            ids.clear()
            ids.update(self.db.execute("SELECT term, id FROM terms"))
            raise

    # --- reading ---------------------------------------------------------------------------------

    def entries(self, region: str | None = None, strict: bool = True) -> tuple[Entry, ...]:
        """Every indexed report (of `region`), sorted by region and year; a broken file is a CorpusError
        (or, not `strict`, left out: `broken` lists them)."""
        sql = (f"SELECT region, year, path, sha256, chars, parts, error, {', '.join(_META_COLS)} FROM reports"
               + (" WHERE region=?" if region is not None else "") + " ORDER BY region, year")
        out = []
        for row in self.db.execute(sql, () if region is None else (region,)):
            reg, year, path, sha, chars, parts, error, *meta = row
            if error is not None:
                if strict:
                    raise CorpusError(error)
                continue
            level, kind, title, date, session, speaker, source, source_sha = meta
            out.append(Entry(
                meta=ReportMeta(region=reg, level=Level(level), year=year, kind=Kind(kind), title=title,
                                date=date, session=session, speaker=speaker, source=source,
                                source_sha256=source_sha),
                path=Path(path), sha256=sha, chars=chars, parts=parts))
        return tuple(out)

    def broken(self) -> tuple[tuple[Path, str], ...]:
        """Files that cannot be read as reports, with why (one line each), sorted."""
        return tuple((Path(p), e) for p, e in self.db.execute(
            "SELECT path, error FROM reports WHERE error IS NOT NULL ORDER BY region, year"))

    def level_of(self, region: str) -> Level | None:
        """The level a stored region's reports give (None if it has no readable report)."""
        row = self.db.execute("SELECT level FROM reports WHERE region=? AND level IS NOT NULL LIMIT 1",
                              (region,)).fetchone()
        return None if row is None else Level(row[0])

    def knows(self, term: str) -> bool:
        """Whether the folded `term` is a word of any indexed report (else only `scan_counts` finds it)."""
        sql = "SELECT 1 FROM terms t JOIN counts c ON c.term_id = t.id WHERE t.term=? LIMIT 1"
        return self.db.execute(sql, (term,)).fetchone() is not None

    def term_counts(self, term: str, region: str | None = None) -> tuple[TermCount, ...]:
        """Reports (of `region`) whose vocabulary holds the folded `term`, with its count; oldest first."""
        sql = ("SELECT r.region, r.year, c.n, r.chars FROM terms t JOIN counts c ON c.term_id = t.id "
               "JOIN reports r ON r.id = c.report_id WHERE t.term = ?"
               + (" AND r.region = ?" if region is not None else "") + " ORDER BY r.region, r.year")
        args = (term,) if region is None else (term, region)
        return tuple(TermCount(*row) for row in self.db.execute(sql, args))

    def scan_counts(self, term: str, region: str | None = None) -> tuple[TermCount, ...]:
        """Exact counts of the folded `term` in every report (of `region`), zeros left out, by reading."""
        from yoy.corpus import read_file
        from yoy.text import fold

        out = []
        for e in self.entries(region, strict=False):
            n = fold(read_file(e.path).text).count(term)
            if n:
                out.append(TermCount(e.meta.region, e.meta.year, n, e.chars))
        return tuple(out)

    # --- figures of each report (targets and results, for target series) ------------------------

    def figures(self, keys: Iterable[str], engine: str) -> dict[str, str]:
        """Stored `figures.dump_found` JSON by report key (`figures_key`), for this `engine`."""
        return {k: str(v) for k, v in self._engine_rows("figures", "found", keys, engine).items()}

    def store_figures(self, rows: Mapping[str, str], engine: str) -> None:
        """Keep `figures.dump_found` JSON by report key; rows of another engine (a yoy version or
        source edit since) go, so the table holds one engine's figures at most once per text. Derived
        data: an index another process keeps locked past the busy timeout is left as it is."""
        self._store_engine_rows("figures", rows, engine)

    # --- per-report analyses (segmentation, outline, formulation candidates) ----------------------

    def analyses(self, keys: Iterable[str], engine: str) -> dict[str, bytes]:
        """Stored per-report records (opaque bytes: the pipeline encodes them) by report key
        (`analysis_key`), for this `engine`."""
        return {k: bytes(v) for k, v in self._engine_rows("analyses", "data", keys, engine).items()}

    def store_analyses(self, rows: Mapping[str, bytes], engine: str) -> None:
        """Keep per-report records by report key; rows of another engine go (as `store_figures`)."""
        self._store_engine_rows("analyses", rows, engine)

    def tallies(self, keys: Iterable[str], engine: str) -> dict[str, bytes]:
        """Stored counts of a report's strings in a text (opaque bytes: the pipeline encodes them) by
        `tally_key`, for this `engine`."""
        return {k: bytes(v) for k, v in self._engine_rows("tallies", "data", keys, engine).items()}

    def store_tallies(self, rows: Mapping[str, bytes], engine: str) -> None:
        """Keep counts by `tally_key`; rows of another engine go (as `store_figures`)."""
        self._store_engine_rows("tallies", rows, engine)

    # tables of derived data keyed by (key, engine): `figures`, `analyses` and `tallies`
    _ENGINE_TABLES = frozenset({"figures", "analyses", "tallies"})

    def _engine_rows(self, table: str, column: str, keys: Iterable[str], engine: str) -> dict[str, Any]:
        """`column` of the rows of `table` (one of `_ENGINE_TABLES`) for `keys` made by `engine`."""
        if table not in self._ENGINE_TABLES:  # table names cannot be SQL parameters
            raise ValueError(table)
        wanted = list(dict.fromkeys(keys))
        out: dict[str, Any] = {}
        for i in range(0, len(wanted), SQL_VARS):
            part = wanted[i:i + SQL_VARS]
            out.update(self.db.execute(
                f"SELECT key, {column} FROM {table} WHERE engine=? AND key IN ({', '.join('?' * len(part))})",
                (engine, *part)))
        return out

    def _store_engine_rows(self, table: str, rows: Mapping[str, Any], engine: str) -> None:
        """Keep `rows` in `table` for `engine`, dropping other engines' rows, in one transaction; an
        index another process keeps locked past the busy timeout is left as it is (derived data: the
        next comparison stores them)."""
        if table not in self._ENGINE_TABLES:
            raise ValueError(table)
        if not rows:
            return
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return
        try:
            db.execute(f"DELETE FROM {table} WHERE engine != ?", (engine,))
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)",
                           ((k, engine, v) for k, v in rows.items()))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # --- the region table ------------------------------------------------------------------------

    def regions(self, table_sha: str, build_table: Callable[[], Iterable[Region]],
                extras: Iterable[tuple[str, Level]], make: Callable[[str, Level], Region],
                norm: Callable[[str], str]) -> tuple[tuple[Region, tuple[str, ...]], ...]:
        """Regions with their normalised aliases, cached: the shipped table (rebuilt when its file's
        `table_sha` changes) plus `extras` (stored regions the table lacks) made with `make`."""
        db = self.db
        cached: dict[str, tuple[Region, tuple[str, ...]]] = {}
        if self._info("regions_sha") == table_sha:
            for name, level, parent, aliases, pinyin, norms in db.execute(
                    "SELECT name, level, parent, aliases, pinyin, norms FROM regions ORDER BY ord"):
                region = Region(name=name, level=Level(level), parent=parent,
                                aliases=tuple(aliases.split(ALIAS_SEP)) if aliases else (), pinyin=pinyin)
                cached[name] = (region, tuple(norms.split(ALIAS_SEP)))
        fresh: list[Region] = []
        if not cached:
            fresh += build_table()
        have = set(cached) | {r.name for r in fresh}
        fresh += [make(name, level) for name, level in extras if name not in have]
        if fresh:
            rows = []
            for region in fresh:  # the table's order decides which region an ambiguous alias means
                norms = tuple(dict.fromkeys(norm(a) for a in (region.name, *region.aliases, region.pinyin)))
                cached[region.name] = (region, norms)
                rows.append((region.name, len(cached), str(region.level), region.parent,
                             ALIAS_SEP.join(region.aliases), region.pinyin, ALIAS_SEP.join(norms)))
            db.execute("BEGIN IMMEDIATE")
            try:
                if self._info("regions_sha") != table_sha:
                    db.execute("DELETE FROM regions")
                db.executemany("INSERT OR REPLACE INTO regions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
                db.execute("INSERT OR REPLACE INTO info VALUES ('regions_sha', ?)", (table_sha,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return tuple(cached.values())

