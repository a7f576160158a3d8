"""Terminal side of `yoy compare` / `yoy brief`: argument forms, progress on stderr, the summary table."""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from yoy import render
from yoy.models import BRIEF_WORDS as W
from yoy.models import MAX_YEAR, MIN_YEAR, Comparison

if TYPE_CHECKING:
    from rich.status import Status

    from yoy.corpus import Corpus

YEAR = re.compile(r"^\d{4}$")


def _year(token: str) -> int:
    if not YEAR.match(token.strip()) or not MIN_YEAR <= int(token) <= MAX_YEAR:
        raise click.UsageError(f"'{token}' is not a year (four digits, {MIN_YEAR}–{MAX_YEAR}, e.g. 2022)")
    return int(token)


def parse_compare_args(args: Sequence[str]) -> tuple[tuple[str, int], tuple[str, int]]:
    """`城阳 2022 2025`, `即墨 2019 崂山 2019` or `城阳:2022 城阳:2025` → ((region, year), (region, year))."""
    tokens: list[str] = []
    for arg in args:
        if ":" in arg and not YEAR.match(arg):
            tokens += [part for part in arg.split(":") if part]
        else:
            tokens.append(arg)
    if len(tokens) == 3:
        return (tokens[0], _year(tokens[1])), (tokens[0], _year(tokens[2]))
    if len(tokens) == 4:
        return (tokens[0], _year(tokens[1])), (tokens[2], _year(tokens[3]))
    raise click.UsageError("give REGION OLD_YEAR NEW_YEAR (yoy compare 城阳 2022 2025) "
                           "or OLD_REGION OLD_YEAR NEW_REGION NEW_YEAR (yoy compare 即墨 2019 崂山 2019)")


def parse_pair_spec(spec: str) -> tuple[tuple[str, int], tuple[str, int]]:
    """`城阳:2022:2025` → (("城阳", 2022), ("城阳", 2025))."""
    parts = spec.split(":")
    if len(parts) != 3 or not parts[0].strip():
        raise click.UsageError(f"'{spec}' is not REGION:OLD_YEAR:NEW_YEAR (e.g. 城阳:2022:2025)")
    return (parts[0], _year(parts[1])), (parts[0], _year(parts[2]))


def consecutive_pairs(corpus: Corpus) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """For every region in the corpus, each pair of its consecutive stored years."""
    return [((region, a), (region, b)) for region in corpus.stored_regions()
            for a, b in itertools.pairwise(corpus.years(region))]


def err_console() -> Console:
    """Progress and notes go to stderr, so stdout stays clean for `-o -`."""
    return Console(stderr=True)


def out_console() -> Console:
    """The summary table goes to stdout (as it is at call time, so tests capture it)."""
    return Console(file=sys.stdout, width=None if sys.stdout.isatty() else 110)


class Steps:
    """Progress of the steps of a command: a spinner on a terminal, else one plain line per step."""

    def __init__(self, console: Console, live: Status | None) -> None:
        self.console, self.live = console, live

    def update(self, message: str) -> None:
        """Show that `message` is the step now running."""
        if self.live is not None:
            self.live.update(message)
        else:
            self.console.print(message, highlight=False, markup=False)


@contextmanager
def steps(first: str) -> Iterator[Steps]:
    """Progress on stderr for the duration of a command; `first` is the first step's message."""
    console = err_console()
    if not console.is_terminal:
        s = Steps(console, None)
        s.update(first)
        yield s
        return
    with console.status(first) as live:
        yield Steps(console, live)



def _reason(by_term: dict[str, str], kind: str, ref: str, reason: str) -> str:
    if kind == "priority" and ref in by_term:
        return by_term[ref]
    return render.plain(reason)


def print_summary(c: Comparison, console: Console, top: int = 8) -> None:
    """The headline of a comparison: caveats, top changes with reasons, targets old → new.

    Tables speak one language (Chinese, like the briefs) and every column has a header.
    """
    console.print(Text(render.headline(c), style="bold"))
    for caveat in render.caveats_of(c):
        # soft_wrap: CJK has no spaces to wrap at
        console.print(Text(W["caveat"].format(text=caveat), style="yellow"), soft_wrap=True)
    old_label, new_label = render.side_labels(c)
    reasons = {p.term: render.priority_reason(p, old_label, new_label) for p in c.priorities}
    if c.ranked:
        table = Table(title=W["top"], title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", style="dim")
        table.add_column(W["change"], style="bold")
        table.add_column(W["why"], style="dim")
        for r in c.ranked[:top]:
            table.add_row(str(r.rank), Text(render.plain(r.summary)),
                          Text(_reason(reasons, r.kind, r.ref, r.reason)))
        console.print(table)
    if c.targets:
        table = Table(title=W["targets"], title_justify="left", show_edge=False, pad_edge=False)
        table.add_column(W["indicator"])
        table.add_column(old_label, justify="right")
        table.add_column(new_label, justify="right")
        table.add_column(W["change"], justify="left")
        for t in c.targets:
            mark, label, _ = render.DIRECTION.get(t.direction, ("·", t.direction, ""))
            table.add_row(Text(t.indicator), Text(t.old.value if t.old else W["unset"]),
                          Text(t.new.value if t.new else W["unset"]), f"{mark} {label}")
        console.print(table)
