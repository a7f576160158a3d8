"""The corpus of stored reports: one human-readable, hand-editable Markdown file per region and year.

Layout: `ROOT/<region>/<year>.md`, e.g. `yoy/corpus/某区/2031.md` (an invented region).

File format (UTF-8, LF line ends)::

    ---
    region: 某区
    level: district
    year: 2031
    kind: full
    title: 2031年某市某区政府工作报告
    date: 2031-01-12
    session: 第二十届人民代表大会第三次会议
    speaker: 张三
    source: 007_0123456789abcdef.txt
    source_sha256: 0123…
    ---

    first paragraph of the body

    second paragraph …

    <!-- appendix -->

    附件 …

Front matter: exactly the `ReportMeta` fields, one `key: value` per line, each once, in any order;
an empty value means "unknown" (date, session, speaker). `region` and `year` must agree with the
file's place. Body and appendix: every non-blank line is one paragraph (blank lines between them
only make the file proper Markdown). The appendix follows the `<!-- appendix -->` line, if any.

Where the corpus lives: `Corpus(root)` reads and writes `root` only (`--corpus DIR`, `YOY_CORPUS`).
`Corpus()` reads the embedded corpus (package data `yoy/corpus/`, found through importlib.resources,
in a wheel and in a checkout alike) plus the user's (`$XDG_DATA_HOME/yoy/corpus`, default
`~/.local/share/yoy/corpus`), the user's winning for the same region and year, and writes to the user's.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import date as Date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from yoy import files
from yoy import regions as regions_mod
from yoy.errors import CorpusError, NotFoundError
from yoy.files import atomic_write_all
from yoy.index import Entry, Index, TermCount, index_path
from yoy.models import Kind, Level, Region, Report, ReportMeta

if TYPE_CHECKING:
    from collections.abc import Callable

# Heavy libraries (pypinyin, rapidfuzz) are imported inside the functions that need them, so `yoy list`
# and `yoy show` start in a fraction of a second.

FRONT_DELIMITER = "---"
APPENDIX_MARKER = "<!-- appendix -->"
FRONT_KEYS = tuple(f.name for f in fields(ReportMeta))
FILE_NAME = re.compile(r"^(\d{4})\.md$")
STORED_NAME = re.compile(r"\d{4}\.md")  # what the corpus writes: its temp files are .NNNN.md.XXXXXXXX.tmp
SAFE_REGION = re.compile(r"^[\w\u3400-\u9fff·]+$")
ADD_HINT = "yoy ingest PATH-TO-SAVED-PAGE"
# Names one "did you mean" line offers: of the region table's names held by several regions, 93% are
# held by at most 3 (26 of 28: scripts/measure_thresholds.py), so three cover a shared name.
SUGGEST_LIMIT = 3
SUGGEST_MIN_SCORE = 60  # rapidfuzz WRatio, 0..100
SUGGEST_MARGIN = 8  # suggest only names scoring within this of the best one
# A Chinese query matched only by its pinyin (no character in common with the name) must score this
# much: a near-homophone (劳山/laoshan → laoshanqu 87.5, chengyan → chengyangqu 84) passes, an unrelated
# name sharing a syllable (huoxing → shaoxing 80, → huolinguoleshi 77) does not. Set from those scores.
SUGGEST_SOUND_SCORE = 84
# A suggestion must keep more than this share of the query's own characters (letters, for a query in
# pinyin), an administrative suffix (区, 市 …: `regions.short_name`) dropped from both first, unless it
# is a near-homophone (SUGGEST_SOUND_SCORE). The principle: a typo changes a minority of a name. So the
# floor scales with the query's length: both characters of a two-character name, two of three, three
# of four. A fixed score floor cannot say that: WRatio gives one shared character of a two-character
# name 50-60, and its pinyin 70-80 (火星 → 娄星区 by 星 and huoxing ~ louxing: review4 item 13), about
# what a real typo of a longer name scores; so unrelated names with one character in common passed.
SUGGEST_KEEP = 0.5

ADDED, UNCHANGED, REPLACED = "added", "unchanged", "replaced"
REPAIR_HINT = "fix the file, or store the report again with: yoy ingest --replace PATH-TO-SAVED-PAGE"


# --- locations ----------------------------------------------------------------------------------


def embedded_root() -> Path | None:
    """The corpus shipped with yoy: the package data folder `yoy/corpus/` (None if an install lacks it)."""
    packaged = resources.files("yoy") / "corpus"
    return Path(str(packaged)) if packaged.is_dir() else None


def user_root() -> Path:
    """The user's own corpus, where `yoy ingest` writes by default."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "yoy" / "corpus"


# --- the file format ----------------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    return [s for line in text.splitlines() if (s := line.strip())]


def _storable(value: str) -> str:
    """A value fit for the UTF-8 file: bytes of a non-UTF-8 file name (surrogate escapes) as U+FFFD."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def render(report: Report) -> str:
    """The corpus file for `report`; `CorpusError` if it cannot be stored faithfully."""
    meta = report.meta
    front = []
    for key in FRONT_KEYS:
        value = getattr(meta, key)
        value = "" if value is None else _storable(str(value))
        if "\n" in value or "\r" in value or value != value.strip():
            raise CorpusError(f"cannot store {meta.region} {meta.year}: {key} is not one trimmed line")
        front.append(f"{key}: {value}".rstrip())
    body, appendix = _paragraphs(_storable(report.text)), _paragraphs(_storable(report.appendix))
    if not body:
        raise CorpusError(f"cannot store {meta.region} {meta.year}: empty text")
    if APPENDIX_MARKER in body:
        raise CorpusError(f"cannot store {meta.region} {meta.year}: a line of its text is {APPENDIX_MARKER}")
    out = [FRONT_DELIMITER, *front, FRONT_DELIMITER, "", "\n\n".join(body)]
    if appendix:
        out += ["", APPENDIX_MARKER, "", "\n\n".join(appendix)]
    return "\n".join(out) + "\n"


_CHOICES = {"level": Level, "kind": Kind}
BAD_VALUE = "bad front matter value"


def parse(text: str, where: str) -> Report:
    """A report from its corpus file text; `CorpusError` naming `where` and the line for any flaw.

    A leading BOM (as some editors save) and CRLF line ends are accepted. Messages name the line and
    the key, never the file's contents.
    """
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != FRONT_DELIMITER:
        raise CorpusError(f"{where}: line 1: does not start with a '{FRONT_DELIMITER}' front matter line")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_DELIMITER)
    except StopIteration:
        raise CorpusError(f"{where}: line 1: front matter has no closing '{FRONT_DELIMITER}' line") from None
    values: dict[str, str] = {}
    line_of: dict[str, int] = {}
    for n, line in enumerate(lines[1:close], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in FRONT_KEYS:
            raise CorpusError(f"{where}: line {n}: expected 'key: value', key one of {', '.join(FRONT_KEYS)}")
        if key in values:
            raise CorpusError(f"{where}: line {n}: {key} given twice")
        values[key], line_of[key] = value.strip(), n
    missing = [k for k in FRONT_KEYS if k not in values]
    if missing:
        raise CorpusError(f"{where}: line {close + 1}: front matter lacks {', '.join(missing)}")
    rest = lines[close + 1 :]
    marker = next((i for i, line in enumerate(rest) if line.strip() == APPENDIX_MARKER), len(rest))
    body, appendix = _paragraphs("\n".join(rest[:marker])), _paragraphs("\n".join(rest[marker + 1 :]))
    if not body:
        raise CorpusError(f"{where}: line {close + 2}: the report text is empty")
    for key, choice in _CHOICES.items():
        if values[key] not in {str(c) for c in choice}:
            allowed = ", ".join(map(str, choice))
            raise CorpusError(f"{where}: line {line_of[key]}: {BAD_VALUE}: {key} must be one of {allowed}")
    if not re.fullmatch(r"\d{4}", values["year"]):
        raise CorpusError(f"{where}: line {line_of['year']}: {BAD_VALUE}: year must be four digits")
    if values["date"]:
        try:
            Date.fromisoformat(values["date"])
        except ValueError:
            where_date = f"{where}: line {line_of['date']}"
            raise CorpusError(f"{where_date}: {BAD_VALUE}: date must be YYYY-MM-DD or empty") from None
    if not values["region"]:
        raise CorpusError(f"{where}: line {line_of['region']}: {BAD_VALUE}: region is empty")
    meta = ReportMeta(
        region=values["region"], level=Level(values["level"]), year=int(values["year"]),
        kind=Kind(values["kind"]), title=values["title"],
        date=values["date"] or None, session=values["session"] or None, speaker=values["speaker"] or None,
        source=values["source"], source_sha256=values["source_sha256"],
    )
    return Report(meta=meta, text="\n".join(body), appendix="\n".join(appendix))


def _read(path: Path) -> Report:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(f"{path}: line {line}: not UTF-8 text") from None
    report = parse(text, str(path))
    if report.meta.region != path.parent.name or str(report.meta.year) != path.stem:
        key = "region" if report.meta.region != path.parent.name else "year"
        line = next((n for n, text_line in enumerate(text.splitlines(), start=1)
                     if text_line.startswith(f"{key}:")), 1)
        raise CorpusError(f"{path}: line {line}: its {key} does not match its place: it must be "
                          f"{path.parent.name} {path.stem} to stay at {path.parent.name}/{path.stem}.md")
    return report


def read_file(path: Path) -> Report:
    """The report stored in `path` (checked against its place); `CorpusError` for any flaw."""
    return _read(path)


# --- the corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Planned:
    """What storing one report will do, decided before anything is written."""

    report: Report
    path: Path
    action: str  # added | unchanged | replaced
    data: bytes


def _keeps_most(query: str, name: str) -> bool:
    """Whether `name` holds more than SUGGEST_KEEP of the characters of `query` (each as often as the
    query has it), both without an administrative suffix (火星区 and 娄星区 share one of 火星's two)."""
    from collections import Counter

    mine = regions_mod.short_name(query) or query
    kept = Counter(mine) & Counter(regions_mod.short_name(name) or name)
    return sum(kept.values()) > SUGGEST_KEEP * len(mine)


def _suggest(wanted: str, keys: dict[str, str]) -> list[str]:
    """Canonical names close to a mistyped query; a homophone (劳山 for 崂山) counts as a perfect match."""
    from pypinyin import lazy_pinyin
    from rapidfuzz import fuzz, process

    scores: dict[str, float] = {}
    queries = [wanted]
    if re.search(r"[\u4e00-\u9fff]", wanted):  # an ideograph: a Chinese name, also matched by its pinyin
        queries.append("".join(lazy_pinyin(wanted)))
    for n, q in enumerate(queries):
        if q in keys:
            scores[keys[q]] = 100.0
        for key, score, _ in process.extract(q, list(keys), scorer=fuzz.WRatio, limit=30,
                                             score_cutoff=SUGGEST_MIN_SCORE):
            if n and score >= SUGGEST_SOUND_SCORE:
                pass  # a near-homophone: 劳山 for 崂山
            elif not _keeps_most(wanted, keys[key] if queries[1:] else key):
                continue  # a character or two in common, and not close in sound: another name
            scores[keys[key]] = max(scores.get(keys[key], 0.0), float(score))
    if not scores:
        return []
    best = max(scores.values())
    close = [name for name, score in scores.items() if score >= best - SUGGEST_MARGIN]
    ranked = sorted(close, key=lambda n: -scores[n])
    return ranked[:SUGGEST_LIMIT]


_norm = regions_mod.norm


def _make_region(name: str, level: Level) -> Region:
    return regions_mod.make_region(name, level, None)


class Corpus:
    """Reports stored one file per region and year (see the module docstring for where and how)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        if root is not None:
            self.roots: tuple[Path, ...] = (root,)
            self.write_root = root
        else:
            embedded = embedded_root()
            self.write_root = user_root()
            self.roots = (*((embedded,) if embedded else ()), self.write_root)
        self.problems: dict[Path, str] = {}  # malformed files met so far, each once: path → message
        self._valid: dict[Path, bool] = {}

    def require_root(self) -> None:
        """`NotFoundError` if `--corpus DIR` names no directory (reading it would look empty)."""
        if self.root is not None and not self.root.is_dir():
            raise NotFoundError(f"corpus directory {self.root} does not exist; create it by adding a report: "
                                f"{self._hint()}")

    # reading

    def _try_read(self, path: Path) -> Report | None:
        """The report in `path`, or None if it is malformed (recorded once in `problems`)."""
        try:
            report = _read(path)
        except CorpusError as exc:
            self.problems.setdefault(path, exc.message)
            self._valid[path] = False
            return None
        self._valid[path] = True
        return report

    def _ok(self, path: Path) -> bool:
        if path not in self._valid:
            self._try_read(path)
        return self._valid[path]

    @cached_property
    def _files(self) -> dict[tuple[str, int], Path]:
        found: dict[tuple[str, int], Path] = {}
        for root in self.roots:  # later roots (the user's) override earlier ones (embedded)
            if not root.is_dir():
                continue
            try:
                for region_dir in sorted(os.scandir(root), key=lambda d: d.name):
                    if region_dir.name.startswith(".") or not region_dir.is_dir():  # as glob("*") skips
                        continue
                    for item in sorted(os.scandir(region_dir.path), key=lambda d: d.name):
                        m = FILE_NAME.match(item.name)
                        if m and item.is_file():
                            found[(region_dir.name, int(m.group(1)))] = Path(item.path)
            except OSError as exc:
                raise CorpusError(f"{root}: cannot read the corpus ({exc.strerror or exc})") from None
        return found

    def _refresh(self) -> None:
        self.__dict__.pop("_files", None)
        self.__dict__.pop("_regions", None)
        self.__dict__.pop("_years", None)
        self.__dict__.pop("_fresh_index", None)
        self.__dict__.pop("_by_year", None)
        self._valid.clear()

    @cached_property
    def index(self) -> Index:
        """The derived SQLite index of this corpus (`yoy.index`), opened once."""
        return Index(index_path(self.roots), self.roots)

    @cached_property
    def _fresh_index(self) -> Index:
        self.index.refresh(self._files, _read)
        return self.index

    def reports(self) -> tuple[Report, ...]:
        """Every well-formed stored report, sorted by region and year (malformed ones: `problems`)."""
        return tuple(r for key in sorted(self._files) if (r := self._try_read(self._files[key])) is not None)

    def list(self) -> tuple[ReportMeta, ...]:
        """Metadata of every stored report, sorted by region and year (from the index)."""
        return tuple(e.meta for e in self.entries())

    def of_year(self, year: int) -> tuple[ReportMeta, ...]:
        """Metadata of the readable stored reports of `year`, sorted by region (from the index, read
        once for every year: a batch asks it for each of its pairs)."""
        return self._by_year.get(year, ())

    @cached_property
    def _by_year(self) -> dict[int, tuple[ReportMeta, ...]]:
        out: dict[int, list[ReportMeta]] = {}
        for e in self.entries(strict=False):
            out.setdefault(e.meta.year, []).append(e.meta)
        return {year: tuple(metas) for year, metas in out.items()}

    def entries(self, parts: bool = False, progress: Callable[[int, int], None] | None = None,
                jobs: int | None = None, strict: bool = True) -> tuple[Entry, ...]:
        """Index entries of every stored report, sorted; with `parts`, part counts computed where missing
        (`progress(done, total)` hears each; `jobs` processes, default the machine's cores). A file that
        cannot be read is a CorpusError, or, not `strict`, left out (see `broken`)."""
        index = self._fresh_index
        if parts:
            index.ensure_parts(progress, jobs)
        return index.entries(strict=strict)

    def broken(self) -> tuple[tuple[Path, str], ...]:
        """Stored files that cannot be read as reports, with the one-line reason."""
        return self._fresh_index.broken()

    def entry(self, region_query: str, year: int) -> Entry:
        """The index entry of one report; `NotFoundError` as `load` says it."""
        region = self.resolve_region(region_query)
        found = [e for e in self._fresh_index.entries(region, strict=False) if e.meta.year == year]
        if not found:
            self.load(region, year)  # raises the message of a missing year (or of a broken file)
        return found[0]

    def term_counts(self, term: str, region_query: str | None = None, exact: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> tuple[TermCount, ...]:
        """Where `term` occurs: (region, year, count, chars) per report (of one region), oldest first.

        From the index (term counts of each report's own words, computed once per file) unless
        `exact`, which reads the texts and also finds the term inside longer words.
        """
        from yoy.terms import key

        region = self.resolve_region(region_query) if region_query is not None else None
        index = self._fresh_index
        if exact:
            return index.scan_counts(key(term), region)
        index.ensure_counts(progress)
        return index.term_counts(key(term), region)

    def term_known(self, term: str, progress: Callable[[int, int], None] | None = None) -> bool:
        """Whether `term` is a word of some report, so `term_counts` can answer from the index."""
        from yoy.terms import key

        index = self._fresh_index
        index.ensure_counts(progress)
        return index.knows(key(term))

    def term_history(self, region_query: str, terms: tuple[str, ...]) -> dict[str, tuple[TermCount, ...]]:
        """For the formulation signals: each term's exact count in every stored year of a region,
        zeros included, oldest first (reads the region's files; a few dozen at most)."""
        from yoy.terms import count
        from yoy.text import fold

        region = self.resolve_region(region_query)
        folded = [(e, fold(_read(e.path).text)) for e in self._fresh_index.entries(region)]
        return {t: tuple(TermCount(region, e.meta.year, count(t, f), e.chars) for e, f in folded)
                for t in terms}

    def consecutive_pairs(self) -> tuple[tuple[tuple[str, int], tuple[str, int]], ...]:
        """For every stored region, each pair of its consecutive stored years, as (region, year) keys."""
        return tuple(((region, a), (region, b)) for region in self.stored_regions()
                     for a, b in itertools.pairwise(self.years(region)))

    def stored_regions(self) -> tuple[str, ...]:
        """Canonical names of the regions the corpus holds reports for, sorted."""
        return tuple(self._years)

    @cached_property
    def _years(self) -> dict[str, tuple[int, ...]]:
        out: dict[str, list[int]] = {}
        for region, year in sorted(self._files):
            out.setdefault(region, []).append(year)
        return {region: tuple(years) for region, years in out.items()}

    def years(self, region: str) -> tuple[int, ...]:
        """Years the corpus holds for a canonical region name (malformed files skipped: `broken`)."""
        broken = dict(self.broken())
        years = []
        for year in self._years.get(region, ()):
            path = self._files[(region, year)]
            if path in broken:
                self.problems.setdefault(path, broken[path])  # reported once, after the command
            else:
                years.append(year)
        return tuple(years)

    def path_of(self, region_query: str, year: int) -> Path | None:
        """The file holding that report, if any."""
        return self._files.get((self.resolve_region(region_query), year))

    def load(self, region_query: str, year: int) -> Report:
        """The report of `region_query` (name, alias, pinyin) for `year`; `NotFoundError` says what exists."""
        region = self.resolve_region(region_query)
        path = self._files.get((region, year))
        if path is None:
            have = ", ".join(map(str, self.years(region))) or "none"
            raise NotFoundError(
                f"no {year} report for {region} in the corpus (it has {have}); add one with: {self._hint()}"
            )
        try:
            return _read(path)
        except CorpusError as exc:
            self.problems.pop(path, None)  # reported as the error itself
            raise CorpusError(f"{exc.message}; {REPAIR_HINT}") from None

    def history(self, region_query: str) -> tuple[Report, ...]:
        """Every report of the region, oldest first."""
        region = self.resolve_region(region_query)
        return tuple(_read(self._files[(region, y)]) for y in self.years(region))

    def _hint(self) -> str:
        return f"yoy --corpus {self.root} ingest PATH-TO-SAVED-PAGE" if self.root is not None else ADD_HINT

    # regions

    @cached_property
    def _regions(self) -> regions_mod.Lookup:
        """The region lookup: the national table plus stored regions it lacks, with their normalised
        forms cached in the index (so no pinyin is computed once a region is known)."""
        index = self._fresh_index
        extras = [(name, index.level_of(name) or Level.COUNTY) for name in self.stored_regions()]
        cached = index.regions(regions_mod.table_sha(), regions_mod.regions, extras, _make_region, _norm)
        return regions_mod.Lookup(cached, self.stored_regions())

    def resolve_region(self, query: str) -> str:
        """Canonical name of a region as typed (name, alias, pinyin, any case); typos get suggestions,
        a name several regions share (朝阳, shanxi) asks which (`AmbiguousRegionError`)."""
        if not _norm(query, folded=False):
            raise NotFoundError("empty region name")
        lookup = self._regions
        found = lookup.resolve(query)
        if found is not None:
            return found
        stored = self.stored_regions()
        stored_keys = {k: v[0] for k, v in lookup.keys.items() if v[0] in stored}
        all_keys = {k: v[0] for k, v in lookup.keys.items()}
        suggestions = _suggest(_norm(query), stored_keys) or _suggest(_norm(query), all_keys)
        if suggestions:
            tail = f"did you mean {' or '.join(suggestions[:SUGGEST_LIMIT])}?"
        else:
            tail = f"the corpus has {', '.join(stored)}" if stored else "the corpus is empty"
        raise NotFoundError(f"unknown region '{query.strip()}'; {tail}")

    def region_records(self) -> Mapping[str, Region]:
        """Every region record the corpus knows (the national table and its stored regions), by name."""
        return self._regions.regions

    def region_named(self, query: str) -> Region:
        """The region record of a name as typed (as `resolve_region` reads it)."""
        return self._regions.regions[self.resolve_region(query)]

    # writing

    def path_for(self, region: str, year: int) -> Path:
        """Where a report of `region` and `year` is written."""
        if not SAFE_REGION.match(region):
            raise CorpusError(f"cannot store a report for region '{region}': not a plain name")
        return self.write_root / region / f"{year}.md"

    def plan(self, report: Report, replace: bool = False) -> Planned:
        """What `add` would do; `CorpusError` for a different text already stored, without `replace`.

        A malformed stored file counts as a different report: `replace` overwrites (repairs) it.
        """
        data = render(report).encode("utf-8")
        key = (report.meta.region, report.meta.year)
        target = self.path_for(*key)
        existing_path = self._files.get(key)
        if existing_path is None:
            return Planned(report, target, ADDED, data)
        try:
            existing_bytes = existing_path.read_bytes()
        except OSError as exc:
            raise CorpusError(f"{existing_path}: cannot read ({exc.strerror or exc})") from None
        if existing_bytes == data:
            return Planned(report, existing_path, UNCHANGED, data)
        try:
            existing: Report | None = _read(existing_path)
        except CorpusError as exc:
            if not replace:
                raise CorpusError(f"{exc.message}; use --replace to overwrite it with this report") from None
            existing = None
        self.problems.pop(existing_path, None)
        same_text = existing is not None and existing.text == report.text.strip() \
            and existing.appendix == report.appendix.strip()
        if same_text and not replace:
            return Planned(report, existing_path, UNCHANGED, data)
        if not replace:
            raise CorpusError(
                f"{existing_path} already holds a different {key[0]} {key[1]} report; "
                "use --replace to overwrite it"
            )
        return Planned(report, target, REPLACED, data)

    def plan_all(self, reports: tuple[Report, ...], replace: bool = False) -> tuple[Planned, ...]:
        """Plans for every report, or the first refusal; two different texts for one key are refused."""
        plans: list[Planned] = []
        seen: dict[tuple[str, int], Planned] = {}
        for report in reports:
            key = (report.meta.region, report.meta.year)
            plan = self.plan(report, replace)
            if key in seen:
                if seen[key].data != plan.data:
                    raise CorpusError(
                        f"two inputs hold different {key[0]} {key[1]} reports "
                        f"({seen[key].report.meta.source}, {report.meta.source}); ingest one of them"
                    )
                plan = Planned(report, plan.path, UNCHANGED, plan.data)
            seen[key] = plan
            plans.append(plan)
        return tuple(plans)

    def write(self, plans: tuple[Planned, ...]) -> None:
        """Carry out plans: every file written to a temp file first, then all renamed (see
        `files.atomic_write_all`). Callers that planned outside `store` must hold `locked()`."""
        atomic_write_all([(p.path, p.data) for p in plans if p.action != UNCHANGED], CorpusError)
        self._refresh()

    def locked(self) -> AbstractContextManager[None]:
        """The corpus write lock (an flock on the write root directory)."""
        return files.locked(self.write_root, CorpusError)

    def store(self, reports: tuple[Report, ...], replace: bool = False,
              dry_run: bool = False) -> tuple[Planned, ...]:
        """Plan and write `reports` under the write lock, so that of two writers of one region and year
        the second sees the first's file (and refuses a different text); stale temp files of killed
        runs are removed first. `dry_run` only plans."""
        plans = self.plan_all(reports, replace)
        if dry_run or all(p.action == UNCHANGED for p in plans):
            return plans  # nothing to write (unchanged files need no lock, nor a corpus folder)
        with self.locked():
            files.clean_stale_temps(self.write_root, STORED_NAME, recursive=True)
            self._refresh()
            plans = self.plan_all(reports, replace)
            self.write(plans)
        return plans

    def add(self, report: Report, replace: bool = False) -> tuple[Path, str]:
        """Store `report`: (path, "added" | "unchanged" | "replaced")."""
        (plan,) = self.store((report,), replace)
        return plan.path, plan.action
