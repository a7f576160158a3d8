"""Terminal output of `yoy list`, `yoy brief` and `yoy trend`: tables, progress on stderr.

rich is imported inside the functions: `yoy list` prints its table with plain strings (rich takes about
half a second to lay out 1,000 rows), and start-up stays free of it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click


def cell_width(text: str) -> int:
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def box_table(headers: Sequence[str], groups: Sequence[Sequence[Sequence[str]]],
               right: Sequence[int]) -> str:
    """A box-drawn table, a rule between groups: plain strings (rich takes ~0.5 s for 1,000 rows)."""
    rows = [row for group in groups for row in group]
    widths = [max(cell_width(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (width - cell_width(cell))
            out.append(f" {pad}{cell} " if i in right else f" {cell}{pad} ")
        return "│" + "│".join(out) + "│"

    def rule(left: str, mid: str, end: str) -> str:
        return left + mid.join("─" * (w + 2) for w in widths) + end

    out = [rule("┌", "┬", "┐"), line(headers), rule("╞", "╪", "╡").replace("─", "═")]
    for n, group in enumerate(groups):
        if n:
            out.append(rule("├", "┼", "┤"))
        out += [line(row) for row in group]
    out.append(rule("└", "┴", "┘"))
    return "\n".join(out)


# Reports to index before a non-terminal hears about the wait (a few seconds' worth at ~0.15 s each).
INDEX_NOTE_MIN = 24


@contextlib.contextmanager
def index_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr while the index segments new or changed reports (only if it has to)."""
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state:
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True)
            if not console.is_terminal:  # no bar in pipes and logs: one line says why a long wait
                state["bar"] = None
                if total >= INDEX_NOTE_MIN:
                    console.print(f"indexing {total} reports (once; later runs read the index) …",
                                  highlight=False, markup=False)
                return
            state["bar"] = bar = Progress(console=console, transient=True)
            bar.start()
            state["task"] = bar.add_task("indexing reports", total=total)
        if state["bar"] is not None:
            state["bar"].update(state["task"], completed=done)

    try:
        yield update
    finally:
        if state.get("bar") is not None:
            state["bar"].stop()


@contextlib.contextmanager
def batch_progress(total: int, cluster: bool) -> Iterator[Callable[[str, Any], None]]:
    """A progress bar on stderr on a terminal; elsewhere one line per pair done."""
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        count = {"n": 0}

        def line(status: str, job: Any) -> None:
            count["n"] += 1
            console.print(f"[{count['n']}/{total}] {status} {job.label}", highlight=False, markup=False)

        yield line
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("briefs on the cluster" if cluster else "briefs", total=total)

        def advance(status: str, job: Any) -> None:
            bar.update(task, advance=1, description=f"{'briefs' if status != 'failed' else 'failed'}: "
                                                     f"{job.label}")

        yield advance


def print_trend(result: Any, by_year: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not result.regions:
        how = "" if result.exact else " (as a word of any report; --exact also finds it inside longer words)"
        click.echo(f"no report in the corpus uses “{result.term}”{how}")
        return
    if by_year:
        (r,) = result.regions
        table = Table("year", "uses", "per 10k chars", title=f"“{result.term}” in {r.region}",
                      title_justify="left")
        for p in r.points:
            table.add_row(str(p.year), str(p.count), f"{p.per10k:g}")
        console.print(table)
        click.echo(f"first used in {r.first_year}; {r.years_used} of {len(r.points)} stored years")
        return
    table = Table("region", "first use", "years used", "uses", "latest per 10k", title_justify="left",
                  title=f"“{result.term}”: {len(result.regions)} of {result.regions_total} regions")
    for r in result.regions:
        table.add_row(r.region, str(r.first_year), f"{r.years_used} / {len(r.points)}", str(r.total),
                      f"{r.points[-1].per10k:g}")
    console.print(table)
