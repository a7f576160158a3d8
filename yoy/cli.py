"""The `yoy` command line: a thin shell over the pipeline. Errors become one line and an exit code."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from yoy import MAX_YEAR, MIN_YEAR, __version__, vocab
from yoy.errors import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    NotFoundError,
    RenderError,
    UsageError,
    YoyError,
    exit_codes_help,
)

if TYPE_CHECKING:
    from yoy import corpus as corpus_mod
    from yoy.models import Block, Comparison, Report

# Start-up time is part of the interface (`yoy --version` ≤ 0.15 s): heavy libraries (jieba, pypinyin,
# rich, jinja2, weasyprint, dask) are imported inside the commands that need them, never up here, and
# so are yoy's own record modules (`yoy.corpus`, `yoy.terminal`: their frozen dataclasses take ≈ 40 ms
# to build), which --version and --help never need.

_UNPRINTABLE = re.compile(  # C0/C1 controls, DEL, bidi overrides and isolates: never sent to a terminal
    "\x1b\\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: str, one_line: bool = True) -> str:
    """`text` fit for a terminal: ESC sequences and control characters dropped, bytes of a
    non-UTF-8 file name shown as U+FFFD, and (for one line) line breaks and tabs as spaces."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if one_line:
        text = re.sub(r"[\r\n\t]+", " ", text)
    return _UNPRINTABLE.sub("", text)


def _error(message: str, code: int) -> int:
    click.echo(f"yoy: {terminal_safe(message)}", err=True)
    return code


# Set to any value to see the Python traceback of an unexpected failure instead of its one line.
DEBUG_ENV = "YOY_DEBUG"


class YoyGroup(click.Group):
    """A group whose every error is one `yoy: …` line on stderr and an exit code (see yoy.errors)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except YoyError as exc:
            ctx.exit(_error(exc.message, exc.exit_code))
        finally:  # malformed corpus files met on the way: each reported once, after the command
            corpus = (ctx.obj or {}).get("corpus")
            if corpus is not None:  # (then yoy.corpus is imported already)
                from yoy.corpus import REPAIR_HINT

                for message in corpus.problems.values():
                    _error(f"warning: {message}; skipped ({REPAIR_HINT})", 0)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        """Run; click's own usage errors and Ctrl-C become one `yoy:` line too."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "yoy"
            code = _error(f"{exc.format_message()} (see {where} --help)", EXIT_USAGE)
        except click.ClickException as exc:
            code = _error(exc.format_message(), exc.exit_code)
        except (click.Abort, KeyboardInterrupt, EOFError):
            code = _error("interrupted", EXIT_INTERRUPTED)
        except YoyError as exc:  # raised outside a command (e.g. while parsing options)
            code = _error(exc.message, exc.exit_code)
        except Exception as exc:  # a bug: still one line and exit 1, the traceback on request (a closed
            # pipe never gets here: click's main turns EPIPE into exit 1 itself)
            if os.environ.get(DEBUG_ENV):
                raise
            code = _error(f"internal error ({type(exc).__name__}: {exc}); please report it; "
                          f"{DEBUG_ENV}=1 shows the traceback", EXIT_FAILURE)
        else:
            code = rv if isinstance(rv, int) else 0
        sys.exit(code)


@click.group(cls=YoyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=exit_codes_help())
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="YOY_CORPUS",
    help="Corpus directory to read and write (default: the embedded corpus plus your own).",
)
@click.version_option(__version__, prog_name="yoy")
@click.pass_context
def cli(ctx: click.Context, corpus_dir: Path | None) -> None:
    """What changed between two government work reports (政府工作报告).

    \b
    Example:
      yoy list
      yoy compare 城阳 2022 2025
      yoy compare 全国 2008 2009 --appendix
    """
    ctx.obj = {"corpus_dir": corpus_dir}


# --- ingest / list / show (logic in yoy.ingest and yoy.corpus) ----------------------------------


def _corpus_of(ctx: click.Context, reading: bool = True) -> corpus_mod.Corpus:
    """The corpus of `--corpus`; for reading commands a missing directory is an error, not empty."""
    from yoy.corpus import Corpus

    corpus = Corpus((ctx.obj or {}).get("corpus_dir"))
    if reading:
        corpus.require_root()
    ctx.ensure_object(dict)["corpus"] = corpus  # the group's dict: its invoke reports corpus.problems
    return corpus


def _note_broken(corpus: corpus_mod.Corpus) -> None:
    """Every stored file the index could not read, reported (by `YoyGroup`, once each, in one wording)
    after a command that reads the whole corpus and leaves such files out: one broken file hides nothing
    else, and is not skipped without a word."""
    for path, why in corpus.broken():
        corpus.problems.setdefault(path, why)


_DRY_ACTIONS = {"added": "would add", "replaced": "would replace", "unchanged": "unchanged"}


@cli.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite a different stored report of that region and year.")
@click.option("--dry-run", is_flag=True, help="Show what would be stored; write nothing.")
@click.option("--pages", is_flag=True,
              help="FILES are the pages of one report a site split over several (its page links "
                   "under each): read them as one page, in page order when their names are numbered "
                   "(index.html, index_2.html; p1 … p10), else in the order given.")
@click.option("--region", "region_name", metavar="REGION",
              help="The region of every report in FILES, when the page does not tell (or tells wrong).")
@click.option("--year", type=click.IntRange(MIN_YEAR, MAX_YEAR),
              help="The year of every report in FILES, when the page does not tell (or tells wrong).")
@click.pass_context
def ingest_command(ctx: click.Context, files: tuple[Path, ...], replace: bool, dry_run: bool, pages: bool,
                   region_name: str | None, year: int | None) -> None:
    """Store the government work reports found in saved web pages (.txt, .html) or PDFs.

    Every input is read and checked before anything is written: one bad file stores nothing.

    \b
    Example:
      yoy ingest --dry-run fixtures/raw/national_2009.txt
      yoy ingest fixtures/raw/national_2009.txt
      yoy --corpus yoy/corpus ingest --replace fixtures/raw/*.txt
      yoy ingest --dry-run --region 全国 --year 2009 fixtures/raw/national_2009.txt
      yoy ingest --dry-run --pages fixtures/ingest/split/p*.html
    """
    from rich.console import Console
    from rich.progress import Progress

    from yoy import ingest

    corpus = _corpus_of(ctx, reading=False)
    stated = ingest.Stated(corpus.region_named(region_name) if region_name is not None else None, year)
    if pages:
        if (order := ingest.page_sequence(files)) != list(files):  # (a shell lists p10 before p2)
            names = ", ".join(p.name for p in order)
            click.echo(terminal_safe(f"pages read in page order: {names}"), err=True)
        result = ingest.ingest_pages(files, stated=stated)
    elif len(files) > 1:
        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("reading", total=len(files))
            result = ingest.ingest_files(files, progress=lambda _path: bar.advance(task), stated=stated)
    else:
        result = ingest.ingest_files(files, stated=stated)
    plans = corpus.store(result.reports, replace, dry_run)
    from yoy.corpus import UNCHANGED, Corpus

    arrived = [plan.report for plan in plans if plan.action != UNCHANGED and not dry_run]
    if arrived:  # what every comparison with them works out, worked out once now (`prepare_arrived`)
        from yoy import pipeline

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("indexing", total=len(arrived))
            # derived data only: on a failure the first comparison works it out again and says why
            with contextlib.suppress(YoyError):
                pipeline.prepare_arrived(corpus, arrived, progress=lambda _report: bar.advance(task))
                # and the region lookup every command starts with (≈ 0.6 s of pinyin, once an index),
                # read afresh: it holds the regions just stored
                Corpus((ctx.obj or {}).get("corpus_dir")).region_records()
    for plan in plans:
        meta = plan.report.meta
        action = _DRY_ACTIONS[plan.action] if dry_run else plan.action
        chars = len(plan.report.text)
        line = f"{action}: {meta.region} {meta.year} {meta.kind} {chars:,} chars → {plan.path}"
        click.echo(terminal_safe(line))
    for skip in result.skipped:
        click.echo(terminal_safe(f"skipped: {skip.source}: {skip.title} ({skip.reason})"))


@cli.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def list_command(ctx: click.Context, fmt: str) -> None:
    """List the reports in the corpus: region, year, kind, characters, parts.

    \b
    Example:
      yoy list
      yoy list --format json
    """
    import json

    from yoy import terminal

    corpus = _corpus_of(ctx)
    with terminal.index_progress() as progress:
        entries = corpus.entries(parts=True, progress=progress, strict=False)
    _note_broken(corpus)
    if fmt == "json":
        data = [{**terminal.meta_dict(e.meta), "chars": e.chars, "parts": e.parts} for e in entries]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo("the corpus is empty; add a report with: yoy ingest PATH-TO-SAVED-PAGE")
        return
    groups: list[list[tuple[str, ...]]] = []
    for n, e in enumerate(entries):  # grouped by region: the name once, a rule between regions
        first = n == 0 or entries[n - 1].meta.region != e.meta.region
        if first:
            groups.append([])
        name = terminal_safe(e.meta.region) if first else ""
        groups[-1].append((name, str(e.meta.year), str(e.meta.kind), f"{e.chars:,}",
                           "" if e.parts is None else str(e.parts)))
    click.echo(terminal.box_table(("region", "year", "kind", "characters", "parts"), groups, right=(1, 3, 4)))


@cli.command("show")
@click.argument("region")
@click.argument("year", type=click.IntRange(MIN_YEAR, MAX_YEAR))
@click.option("--outline", "with_outline", is_flag=True, help="Show the heading tree instead of the text.")
@click.option("--offsets", is_flag=True, help="With --outline: add each heading's character range.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show_command(ctx: click.Context, region: str, year: int, with_outline: bool, offsets: bool,
                 fmt: str) -> None:
    """Show one stored report: its metadata and text (or outline).

    --format json gives the same as one object: the metadata, chars, and text (with appendix, if
    any), or with --outline the heading tree as outline instead of the text.

    REGION takes names, aliases and pinyin: 崂山区, 崂山, laoshan.

    \b
    Example:
      yoy show 崂山 2019
      yoy show 崂山 2019 --outline
      yoy show chengyang 2022 --outline --offsets
      yoy show chengyang 2022 --outline --format json
    """
    import json

    from yoy import terminal

    report = _corpus_of(ctx).load(region, year)
    tree = None
    if with_outline:
        from yoy.outline import segment

        tree = segment(report)
    if fmt == "json":
        data: dict[str, object] = {**terminal.meta_dict(report.meta), "chars": len(report.text)}
        if tree is not None:
            data["outline"] = [terminal.block_dict(b) for b in tree.blocks]
        else:  # what the text view prints: the text, and the appendix when the report has one
            data["text"] = report.text
            if report.appendix:
                data["appendix"] = report.appendix
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in terminal.meta_dict(report.meta).items():
        click.echo(terminal_safe(f"{key + ':':15} {'' if value is None else value}".rstrip()))
    click.echo(f"{'chars:':15} {len(report.text):,}")
    click.echo("")
    if tree is not None:
        click.echo("\n".join(_outline_lines(tree.blocks, offsets)))
        return
    click.echo(terminal_safe(report.text, one_line=False))
    if report.appendix:
        click.echo(terminal_safe("\n--- appendix ---\n" + report.appendix, one_line=False))


def _outline_lines(blocks: tuple[Block, ...], offsets: bool, depth: int = 0) -> list[str]:
    """The heading tree as indented lines; character ranges only when asked for."""
    from yoy import terminal

    out: list[str] = []
    for block in blocks:
        where = f"  [{block.span.start}–{block.span.end}]" if offsets else ""
        out.append(f"{'  ' * depth}{terminal.block_line(block)}{where}")
        out += _outline_lines(block.children, offsets, depth + 1)
    return out


# --- compare / brief (logic in yoy.pipeline and yoy.render; terminal output in yoy.terminal) -----

YEAR = re.compile(r"^\d{4}$")


def _year_token(token: str) -> int:
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
        return (tokens[0], _year_token(tokens[1])), (tokens[0], _year_token(tokens[2]))
    if len(tokens) == 4:
        return (tokens[0], _year_token(tokens[1])), (tokens[2], _year_token(tokens[3]))
    raise click.UsageError(vocab.CLI["compare_usage"])


def parse_pair_spec(spec: str) -> tuple[tuple[str, int], tuple[str, int]]:
    """`城阳:2022:2025` → (("城阳", 2022), ("城阳", 2025))."""
    parts = spec.split(":")
    if len(parts) != 3 or not parts[0].strip():
        raise click.UsageError(vocab.CLI["pair_spec"].format(spec=spec))
    return (parts[0], _year_token(parts[1])), (parts[0], _year_token(parts[2]))



Key = tuple[str, int]


def _ordered(corpus: corpus_mod.Corpus, old_key: Key, new_key: Key) -> tuple[Key, Key]:
    """The two keys in time order; the same report twice is refused. Says nothing.

    Reversed years (`城阳 2025 2022`) are swapped (`_checked_pair` notes it on stderr): the older
    report is always the "old" side, so the arrows in every brief point forward in time.
    """
    old_region, new_region = corpus.resolve_region(old_key[0]), corpus.resolve_region(new_key[0])
    if (old_region, old_key[1]) == (new_region, new_key[1]):
        raise UsageError(f"{old_region} {old_key[1]} is the same report twice; compare two years "
                         f"(yoy compare {old_key[0]} OLD_YEAR NEW_YEAR) or two regions")
    if old_key[1] > new_key[1]:
        old_key, new_key = new_key, old_key
    return old_key, new_key


def _checked_pair(corpus: corpus_mod.Corpus, old_key: Key, new_key: Key) -> tuple[Report, Report]:
    """Both reports loaded, in time order (`_ordered`); the note on a swap comes once both exist."""
    ordered = _ordered(corpus, old_key, new_key)
    old, new = corpus.load(*ordered[0]), corpus.load(*ordered[1])
    if ordered[0] != old_key:
        click.echo(f"note: {old_key[1]} is later than {new_key[1]}; comparing the older report first "
                   f"({old.meta.region} {old.meta.year} → {new.meta.region} {new.meta.year})", err=True)
    return old, new


def _planned_paths(pairs: Sequence[tuple[str, int, str, int]], fmts: Sequence[str], out_dir: Path) -> None:
    """Refuse before any work if the output directory cannot be made or written to, or if a brief of
    `pairs` (old region, old year, new region, new year) would overwrite a file yoy did not write."""
    from yoy import render

    render.check_output_dir(out_dir)
    render.check_writable([out_dir / f"{render.stem_for(*pair)}.{fmt}" for pair in pairs for fmt in fmts])


def _compare(corpus: corpus_mod.Corpus, old: Report, new: Report) -> Comparison:
    from yoy import pipeline

    return pipeline.compare_stored(corpus, old, new)


_APPENDIX_HELP = "Add the section-by-section redline to the PDF (default: none, the brief stays short)."


_FORMAT_HELP = "Comma-separated: html,pdf,md,json (default: all four)."


@cli.command("compare")
@click.argument("args", nargs=-1, required=True, metavar="OLD_REGION OLD_YEAR [NEW_REGION] NEW_YEAR")
@click.option("--format", "formats", default="html,pdf,md,json", help=_FORMAT_HELP)
@click.option("-o", "--output-dir", default="output", show_default=True,
              help="Directory for the briefs; '-' prints the one --format (md or json) to stdout.")
@click.option("--appendix", is_flag=True, help=_APPENDIX_HELP)
@click.option("--open", "open_html", is_flag=True, help="Open the HTML brief when done.")
@click.pass_context
def compare_command(ctx: click.Context, args: tuple[str, ...], formats: str, output_dir: str,
                    appendix: bool, open_html: bool) -> None:
    """Compare two reports and write change briefs (HTML, PDF, Markdown, JSON).

    Same region, two years: REGION OLD_YEAR NEW_YEAR. Two regions (peers): OLD_REGION OLD_YEAR
    NEW_REGION NEW_YEAR. REGION:YEAR pairs work too. Files: OUTPUT_DIR/城阳区_2022-2025.html …
    Years given newest first are swapped (with a note); the same report twice is refused. Everything
    is checked before anything is printed or written.

    \b
    Example:
      yoy compare 城阳 2022 2025
      yoy compare 即墨 2019 崂山 2019
      yoy compare 全国 2008 2009 --appendix
      yoy compare 城阳:2022 城阳:2025 --format md -o -
    """
    from yoy import render, terminal

    old_key, new_key = parse_compare_args(args)
    fmts = render.parse_formats(formats)
    to_stdout = output_dir == "-"
    if to_stdout and (len(fmts) != 1 or fmts[0] not in render.STDOUT_FORMATS):
        raise UsageError("-o - prints one format to stdout: add --format md or --format json")
    out_dir = Path(output_dir)
    corpus = _corpus_of(ctx)
    old, new = _checked_pair(corpus, old_key, new_key)
    if not to_stdout:
        _planned_paths([(old.meta.region, old.meta.year, new.meta.region, new.meta.year)], fmts, out_dir)
    name = f"{old.meta.region} {old.meta.year} → {new.meta.region} {new.meta.year}"
    with render.pdf_worker("pdf" in fmts and not to_stdout), \
            terminal.steps(f"comparing {name} …") as progress:
        comparison = _compare(corpus, old, new)
        if to_stdout:
            click.echo(render.render(comparison, fmts[0]).decode("utf-8"), nl=False)
            return
        paths = render.write_briefs(comparison, fmts, out_dir,
                                    lambda fmt: progress.update(f"writing {fmt} …"), appendix=appendix)
    terminal.print_summary(comparison, terminal.out_console())
    for path in paths:
        click.echo(str(path))
    html = [p for p in paths if p.suffix == ".html"]
    if open_html and html:
        click.launch(str(html[0]))


@cli.command("brief")
@click.argument("pairs", nargs=-1, metavar="[REGION:OLD_YEAR:NEW_YEAR]...")
@click.option("--all-consecutive", is_flag=True,
              help="Every region in the corpus, each pair of consecutive years.")
@click.option("--format", "formats", default="html,pdf,md,json", help=_FORMAT_HELP)
@click.option("-o", "--output-dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Directory for the briefs and their index.html.")
@click.option("--appendix", is_flag=True, help=_APPENDIX_HELP)
@click.option("-j", "--jobs", "jobs", metavar="N",
              help="Pairs compared at once, each in its own process (default: the machine's cores).")
@click.option("--scheduler", metavar="tcp://HOST:8786",
              help="Run the pairs on this Dask cluster (default: $DASK_SCHEDULER_ADDRESS, if set and no "
                   "--jobs).")
@click.option("--worker-corpus", metavar="PATH-OR-URL",
              help="Where cluster workers read the corpus (a shared path or an fsspec URL; default: the same "
                   "path as here).")
@click.pass_context
def brief_command(ctx: click.Context, pairs: tuple[str, ...], all_consecutive: bool, formats: str,
                  output_dir: Path, appendix: bool, jobs: str | None, scheduler: str | None,
                  worker_corpus: str | None) -> None:
    """Write briefs for many pairs at once, in parallel, plus an index.html linking them.

    Pairs whose reports (and yoy version) have not changed since their briefs were written are skipped,
    so an interrupted run picks up where it stopped. With --scheduler (or DASK_SCHEDULER_ADDRESS) the
    pairs run on a Dask cluster whose workers read the corpus from a shared path. Every pair is checked
    (regions, years, files to overwrite, the output directory) before anything is written.

    \b
    Example:
      yoy brief --all-consecutive --format md -o briefs/
      yoy brief 城阳:2022:2025 全国:2008:2009 --format html,md -o briefs/
      yoy brief --all-consecutive --jobs 2 --format html,json -o briefs/
    """
    import os

    from yoy import batch, render, terminal

    fmts = render.parse_formats(formats)
    n_jobs = batch.parse_jobs(jobs)
    address = scheduler or (os.environ.get("DASK_SCHEDULER_ADDRESS") if jobs is None else None)
    if scheduler and jobs is not None:
        raise batch.BatchOptionError("give --jobs (processes here) or --scheduler (a Dask cluster), not both")
    if address:
        address = batch.check_scheduler(address)
    corpus = _corpus_of(ctx)
    keys = [parse_pair_spec(p) for p in pairs]
    if all_consecutive:
        keys += [k for k in corpus.consecutive_pairs() if k not in keys]
    if not keys:
        if all_consecutive:
            raise NotFoundError("no region in the corpus has two years to compare; add reports with: "
                                "yoy ingest PATH-TO-SAVED-PAGE")
        raise click.UsageError("give REGION:OLD_YEAR:NEW_YEAR pairs or --all-consecutive")
    keys = [_ordered(corpus, old_key, new_key) for old_key, new_key in keys]
    todo = batch.plan(corpus, keys, fmts, worker_corpus, appendix)
    _planned_paths([(*job.old, *job.new) for job in todo], fmts, output_dir)
    client = batch.connect(address) if address else None
    try:
        in_here = client is None and n_jobs == 1  # PDFs laid out by a warm worker, as `yoy compare` does
        with render.pdf_worker("pdf" in fmts and in_here), \
                terminal.batch_progress(len(todo), client is not None) as progress:
            outcome = batch.run(todo, output_dir, batch.executor_for(n_jobs, client), progress)
    finally:
        if client is not None:
            client.close()
    for _job, paths, headline in outcome.written:
        click.echo(f"{headline}: {', '.join(str(p) for p in paths)}")
    if outcome.skipped:
        click.echo(f"unchanged since their briefs were written: {len(outcome.skipped)} pair(s)")
    click.echo(str(outcome.index))
    if outcome.failed:
        for job, why in outcome.failed:
            click.echo(f"failed: {job.label}: {why}", err=True)
        raise RenderError(f"{len(outcome.failed)} of {len(todo)} pair(s) failed; the others are written "
                          "(rerun to retry the failed ones)")


# --- trend (logic in yoy.index, yoy.trend) ---------------------------------------------------------


@cli.command("trend")
@click.argument("term")
@click.option("-r", "--region", "region_query", help="Only this region, year by year.")
@click.option("--exact", is_flag=True,
              help="Count by reading the texts (also inside longer words) instead of the index.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write an HTML page with a chart to this file.")
@click.pass_context
def trend_command(ctx: click.Context, term: str, region_query: str | None, exact: bool, fmt: str,
                  html_path: Path | None) -> None:
    """Which regions and years use a term: first use, years used, counts per 10,000 characters.

    \b
    Example:
      yoy trend 科技创新
      yoy trend 改革 --region 全国
      yoy trend 高质量发展 --exact --html trend.html
    """
    import json

    from yoy import terminal, trend
    from yoy.terms import key

    if not key(term).strip():
        raise UsageError(vocab.CLI["trend_usage"])
    corpus = _corpus_of(ctx)
    region = corpus.resolve_region(region_query) if region_query is not None else None
    if html_path is not None:  # refused before any output or work, as compare's -o is
        from yoy import render

        render.check_output_file(html_path)
    with terminal.index_progress() as progress:
        if not exact and not corpus.term_known(term, progress):
            # the index holds the segmenter's words, and 科技创新 is 科技 + 创新: count it in the texts
            exact = True
            click.echo(f"“{term}” is not one word in the index; counting it in the texts …", err=True)
        counts = corpus.term_counts(term, region, exact=exact, progress=progress)
    entries = [e for e in corpus.entries(strict=False) if region is None or e.meta.region == region]
    _note_broken(corpus)
    result = trend.summarise(term, key(term), exact, counts, entries)
    if not result.regions:  # nothing found: exit 4, as an unknown region or indicator is
        where = "the corpus" if region is None else region
        how = "" if exact else " as a word (--exact also finds it inside longer words)"
        raise NotFoundError(f"no report of {where} uses “{term}”{how}")
    if html_path is not None:
        from yoy.files import atomic_write

        atomic_write(html_path, trend.page(result, render.generator()).encode("utf-8"), RenderError)
    if fmt == "json":
        click.echo(json.dumps(trend.as_dict(result), ensure_ascii=False, indent=2))
        return
    terminal.print_trend(result, region is not None)
    if html_path is not None:
        click.echo(str(html_path))


@cli.command("targets")
@click.argument("region")
@click.option("-i", "--indicator", "indicators", multiple=True,
              help=vocab.CLI["indicator_help"])
@click.option("--all", "every", is_flag=True, help="Every indicator any report of the region sets.")
@click.option("--format", "fmt", type=click.Choice(["table", "md", "csv", "json"]), default="table",
              show_default=True)
@click.pass_context
def targets_command(ctx: click.Context, region: str, indicators: tuple[str, ...], every: bool,
                    fmt: str) -> None:
    """The target series of a region: each report's target, and the result the next report states.

    \b
    Example:
      yoy targets 全国
      yoy targets 全国 -i 城镇新增就业 -i 赤字率 --format csv
    """
    import csv
    import io
    import json

    from yoy import figures, pipeline

    corpus = _corpus_of(ctx)
    history = corpus.history(region)
    if not history:
        raise NotFoundError(f"the corpus has no report of {region}; add one with: "
                            "yoy ingest PATH-TO-SAVED-PAGE")
    name = history[0].meta.region
    years = sorted({r.meta.year for r in history})
    # each report's figures from the corpus index (worked out once per text, as `yoy compare` stores them)
    all_series = figures.series(history, pipeline.shipped_indicators(),
                                known=pipeline.history_figures(corpus, history))
    chosen = list(all_series) if every else figures.pick_series(all_series, indicators)
    if not chosen:
        asked = "、".join(indicators) or vocab.DEFAULT_SERIES
        raise NotFoundError(f"no report of {name} sets a target for {asked}; "
                            f"its targets: {'、'.join(s.indicator for s in all_series) or 'none'}")
    rows = figures.series_rows(name, chosen, years)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
        return
    unset = vocab.BRIEF["unset"]
    cells = [(str(r["year"]), str(r["indicator"]), str(r["target"] or unset), str(r["result"] or "–"))
             for r in rows]
    if fmt == "md":
        click.echo(vocab.TARGETS_MD_HEAD.format(name=name))
        for c in cells:
            click.echo("| " + " | ".join(x.replace("|", "\\|") for x in c) + " |")
        return
    width = max(len(c[1]) for c in cells)
    target, result = vocab.TARGET_WORD, vocab.RESULT_WORD
    click.echo(f"{name}: targets {years[0]}–{years[-1]} ({result} = the next report's result)")
    for c in cells:
        click.echo(f"{c[0]}  {c[1]}{'　' * (width - len(c[1]))}  {target} {c[2]:<12} {result} {c[3]}")


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="yoy")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
