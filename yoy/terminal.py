"""Terminal output of `yoy list`, `yoy show`, `yoy compare`, `yoy brief` and `yoy trend`: tables,
records as JSON-ready values, progress on stderr.

rich is imported inside the functions: `yoy list` prints its table with plain strings (rich takes about
half a second to lay out 1,000 rows), and start-up stays free of it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

import click

from yoy.models import BRIEF_WORDS as W
from yoy.models import Block, Kind, Level, ReportMeta

if TYPE_CHECKING:
    from rich.console import Console
    from rich.status import Status

    from yoy.models import Comparison


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


# --- yoy list / yoy show ------------------------------------------------------------------------


def meta_dict(meta: ReportMeta) -> dict[str, object]:
    """`ReportMeta` as plain JSON-ready values."""
    out: dict[str, object] = {}
    for f in fields(meta):
        value = getattr(meta, f.name)
        out[f.name] = str(value) if isinstance(value, Level | Kind) else value
    return out


def block_dict(block: Block) -> dict[str, object]:
    """An outline block as a nested dict: id, level, n, title, span, children."""
    return {
        "id": block.id,
        "level": block.level,
        "n": block.n,
        "title": block.title,
        "span": {"start": block.span.start, "end": block.span.end},
        "children": [block_dict(child) for child in block.children],
    }


def block_label(block: Block) -> str:
    """How the report numbers a block: 一、 for parts, (一) for sections, · otherwise."""
    from yoy.text import chinese_numeral

    if block.n is None:
        return "·"
    if block.level == "part":
        return f"{chinese_numeral(block.n)}、"
    if block.level == "section":
        return f"({chinese_numeral(block.n)})"
    return f"{block.n}."


def block_line(block: Block) -> str:
    """A block as `yoy show --outline` prints it: its number and title (三、加快建设…); a block with
    no title (a digest's unheaded part) reads as its number or, unnumbered, as W["untitled"]
    (（无标题）), not as a lone mark."""
    if block.title:
        return block_label(block) + block.title
    return ("" if block.n is None else block_label(block)) + W["untitled"]


# --- yoy compare / yoy brief ----------------------------------------------------------------------


def err_console() -> Console:
    """Progress and notes go to stderr, so stdout stays clean for `-o -`."""
    from rich.console import Console

    return Console(stderr=True)


def out_console() -> Console:
    """The summary table goes to stdout (as it is at call time, so tests capture it)."""
    from rich.console import Console

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


@contextlib.contextmanager
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
    from yoy import render
    from yoy.render.context import unrepeated

    if kind == "priority" and ref in by_term:
        return by_term[ref]
    return render.plain(unrepeated(reason))


def print_summary(c: Comparison, console: Console) -> None:
    """The headline of a comparison: caveats, top changes with reasons, how many of each change the
    engine found and the briefs list (the briefs' summary line), targets old → new.

    The top changes are the briefs' own "最重要的变化" list (`render.context.lead_changes`), so the
    terminal and the files never disagree on what matters most. Tables speak one language (Chinese,
    like the briefs) and every column has a header.
    """
    from rich.table import Table
    from rich.text import Text

    from yoy import render
    from yoy.render.context import change_counts_text, history_note, lead_changes

    console.print(Text(render.headline(c), style="bold"))
    for caveat in render.caveats_of(c):
        # soft_wrap: CJK has no spaces to wrap at
        console.print(Text(W["caveat"].format(text=caveat), style="yellow"), soft_wrap=True)
    old_label, new_label = render.side_labels(c)
    reasons = {p.term: render.priority_reason(p, old_label, new_label) for p in c.priorities}
    lead, more_targets = lead_changes(c)
    if lead:
        table = Table(title=W["top"], title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", style="dim")
        table.add_column(W["change"], style="bold")
        table.add_column(W["why"], style="dim")
        for n, r in enumerate(lead, 1):  # numbered as the briefs number it
            table.add_row(str(n), Text(render.plain(r.summary)),
                          Text(_reason(reasons, r.kind, r.ref, r.reason)))
        console.print(table)
        note = history_note(c)  # the caveat every reason of a thin history carries, said once
        if note:
            console.print(Text(W["note"].format(text=note), style="dim"), soft_wrap=True)
        if more_targets:
            console.print(Text(W["more_targets"].format(n=more_targets), style="dim"), soft_wrap=True)
    counts = change_counts_text(c)  # how many of each change the engine found, and the briefs list
    if counts:
        console.print(Text(counts, style="dim"), soft_wrap=True)
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
