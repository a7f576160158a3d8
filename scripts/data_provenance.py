"""Provenance checks of the hand-kept tables of yoy/data: indicators.tsv and region_aliases.tsv.

Run: .venv/bin/python scripts/data_provenance.py [--check]

Neither table can be rebuilt from the repo alone (their sources are the reports' wording and the
official names of divisions), so this script enforces what the repo can show, row by row, and prints
where each row's support is; `--check` exits 1 when a row lacks it (tests/test_data_provenance.py runs
it). The other tables are generated: divisions.tsv by scripts/build_regions.py, successions.tsv by
scripts/mine_lexicon.py; the word lists of yoy/vocab.py are checked by scripts/vocab_provenance.py
--check.

indicators.tsv (its header names the sources): every row
- is well formed: four columns, a known measure, a pattern that compiles; rows sharing a canonical
  name share its measure;
- is not shadowed: no earlier row matches at the start of its display name, unless it is another
  pattern of the same indicator matching the whole name (rows are tried in order, so a shorter name
  before a longer one containing it would cut every mention of the longer one);
- is supported: its pattern matches the folded text of an embedded report (yoy/corpus) or a case of
  tests/data/target_phrasing.json (the later national and local phrasings of issue 10); or it is the
  local form (地区 for 国内) of a supported row of the same indicator; or it is one of
  INDICATOR_EXCEPTIONS below, each with the reason it is kept and how to verify it.

region_aliases.tsv: every row names a key of divisions.tsv; every alias resolves to exactly that
region (`regions.Lookup`: no other division is found under it), and is not already one of the forms
the region has without the file (its name, a former name of divisions.tsv, its pinyin; a Chinese short
name may be listed, which makes it a full name in prose): the file's header says to list only what
neither has.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yoy import figures, regions  # noqa: E402
from yoy.corpus import Corpus  # noqa: E402
from yoy.text import fold  # noqa: E402

DATA = ROOT / "yoy" / "data"
PHRASING = ROOT / "tests" / "data" / "target_phrasing.json"
MEASURES = frozenset({"growth", "rate", "amount"})
# A national indicator's local name: 国内生产总值 in a national report is 地区生产总值 in a local one
# (both wordings are rows the texts support); its other 国内 indicators follow the same rule.
NATIONAL, LOCAL = "国内", "地区"

# Rows the repo's texts do not show, kept for a stated reason (display name → reason and how to verify).
INDICATOR_EXCEPTIONS: dict[str, str] = {
    "农村居民人均可支配收入": "the statistics bureau's name, since its 2013 household-survey reform, of "
    "what the 2000-2013 reports call 农民人均纯收入 (the next row); no embedded report is that late: "
    "verify in a national or local report of a later year",
}


@cache
def report_texts() -> tuple[tuple[str, str], ...]:
    """(where, folded text) of every embedded report."""
    return tuple((f"yoy/corpus {r.meta.region} {r.meta.year}", fold(r.text))
                 for r in Corpus(ROOT / "yoy" / "corpus").reports())


@cache
def phrasing_texts() -> tuple[tuple[str, str], ...]:
    """(where, folded text) of every case of tests/data/target_phrasing.json."""
    cases = json.loads(PHRASING.read_text(encoding="utf-8"))["cases"]
    return tuple((f"target_phrasing {c['id']}", fold(c["text"])) for c in cases)


def indicator_rows(tsv: str | None = None) -> tuple[figures.Indicator, ...]:
    text = (DATA / "indicators.tsv").read_text(encoding="utf-8") if tsv is None else tsv
    return figures._rows(text)


def indicator_problems(rows: Sequence[figures.Indicator], out: Callable[[str], None] = print,
                       exceptions: Mapping[str, str] | None = None) -> list[str]:
    """What is wrong with `rows` (empty: every row has its support); prints each row's support.
    `exceptions`: display → reason (default INDICATOR_EXCEPTIONS)."""
    exceptions = INDICATOR_EXCEPTIONS if exceptions is None else exceptions
    problems: list[str] = []
    measure_of: dict[str, str] = {}
    supported: dict[str, str] = {}  # display → canonical of rows a text supports
    for k, row in enumerate(rows):
        try:
            pattern = re.compile(row.pattern)
        except re.error as err:
            problems.append(f"indicators.tsv row {k + 1} ({row.display}): pattern does not compile: {err}")
            continue
        if row.measure not in MEASURES:
            problems.append(f"indicators.tsv row {k + 1} ({row.display}): unknown measure {row.measure!r}")
        if measure_of.setdefault(row.canonical, row.measure) != row.measure:
            problems.append(f"indicators.tsv row {k + 1} ({row.display}): measure {row.measure} differs from "
                            f"{measure_of[row.canonical]} of the other {row.canonical} rows")
        own = pattern.match(row.display)
        # a pattern bound to its context (经济 before 增长目标) does not match its display: nothing to cut
        for i, earlier in enumerate(rows[:k] if own is not None else ()):
            assert own is not None
            try:
                m = re.match(earlier.pattern, row.display)
            except re.error:
                continue
            # another wording of the same name (a second pattern for one display) cuts nothing
            same = (earlier.canonical == row.canonical and m is not None
                    and len(m.group(0)) >= len(own.group(0)))
            if m is not None and not same:
                problems.append(f"indicators.tsv row {k + 1} ({row.display}) is cut by earlier row {i + 1} "
                                f"({earlier.display}, matching {m.group(0)!r}): put the longer name first")
        hits = [where for texts in (report_texts(), phrasing_texts()) for where, t in texts
                if pattern.search(t)]
        local_of = row.display.replace(LOCAL, NATIONAL)
        if hits:
            supported[row.display] = row.canonical
            support = f"{len(hits)} texts, e.g. {hits[0]}"
        elif LOCAL in row.display and supported.get(local_of) == row.canonical:
            support = f"the local form of {local_of}"
        elif row.display in exceptions:
            support = f"exception: {exceptions[row.display]}"
        else:
            support = "NONE"
            problems.append(f"indicators.tsv row {k + 1} ({row.display}): its pattern matches no embedded "
                            "report and no case of tests/data/target_phrasing.json; add the source or an "
                            "exception with its reason (scripts/data_provenance.py)")
        out(f"  {row.canonical}\t{row.display}\t{support}")
    displays = {row.display for row in rows}
    problems += [f"stale exception {d}: not a row of indicators.tsv" for d in exceptions if d not in displays]
    problems += [f"stale exception {d}: a text supports it, drop the exception" for d in exceptions
                 if d in supported]
    problems += [f"exception {d} without a reason" for d, why in exceptions.items() if not why.strip()]
    return problems


def alias_rows(tsv: str | None = None) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line number, region key, aliases) of each row of region_aliases.tsv."""
    text = (DATA / "region_aliases.tsv").read_text(encoding="utf-8") if tsv is None else tsv
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.strip() and not raw.startswith("#"):
            key, _, aliases = raw.partition("\t")
            out.append((n, key.strip(), tuple(a.strip() for a in aliases.split(",") if a.strip())))
    return out


@cache
def lookup() -> regions.Lookup:
    return regions.Lookup.build()


def alias_problems(rows: Sequence[tuple[int, str, tuple[str, ...]]],
                   out: Callable[[str], None] = print) -> list[str]:
    """What is wrong with the alias rows (empty: each alias finds its region alone and is needed)."""
    problems: list[str] = []
    table = regions.by_key()
    for n, key, aliases in rows:
        division = table.get(key)
        if division is None:
            problems.append(f"region_aliases.tsv line {n}: {key} is no key of divisions.tsv")
            continue
        # the forms the region has without the file, as prose and typing see them: its names and former
        # names (full forms), and its pinyin; a Chinese short name is not one (it is weak evidence in
        # prose, `regions._forms`: listing it makes it a full form)
        typed = regions.norms_of(regions.region_of(replace(division, extra=())))
        own = {regions.norm(n) for n in (division.name, division.key, *division.old)}
        own |= {f for f in typed if f.isascii()}
        for alias in aliases:
            found = lookup().candidates(alias)
            if found != [key]:
                problems.append(f"region_aliases.tsv line {n}: {alias} finds {found or 'nothing'}, not {key} "
                                "alone")
            elif regions.norm(alias) in own:
                problems.append(f"region_aliases.tsv line {n}: {alias} is already a form of {key} (its name, "
                                "pinyin or a former name in divisions.tsv): drop it")
        out(f"  {key}\t{','.join(aliases)}")
    return problems


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a row lacks its support")
    args = ap.parse_args(argv)
    out("== indicators.tsv: canonical, display, support")
    problems = indicator_problems(indicator_rows(), out)
    out("== region_aliases.tsv: key, aliases (each finds its region alone)")
    problems += alias_problems(alias_rows(), out)
    for p in problems:
        print(p, file=sys.stderr)
    out(f"-- {len(problems)} problems")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
