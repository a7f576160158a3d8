"""The `yoy` command line: a thin shell over the pipeline. Errors become one line and an exit code."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from yoy import corpus as corpus_mod
from yoy.errors import EXIT_INTERRUPTED, EXIT_USAGE, NotFoundError, RenderError, YoyError
from yoy.ingest import MAX_YEAR, MIN_YEAR
from yoy.outline import segment

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


class YoyGroup(click.Group):
    """A group whose every error is one `yoy: …` line on stderr and an exit code (see yoy.errors)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except YoyError as exc:
            ctx.exit(_error(exc.message, exc.exit_code))
        finally:  # malformed corpus files met on the way: each reported once, after the command
            corpus = (ctx.obj or {}).get("corpus")
            for message in (corpus.problems.values() if corpus is not None else ()):
                _error(f"warning: {message}; skipped ({corpus_mod.REPAIR_HINT})", 0)

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
        else:
            code = rv if isinstance(rv, int) else 0
        sys.exit(code)


@click.group(cls=YoyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="YOY_CORPUS",
    help="Corpus directory to read and write (default: the embedded corpus plus your own).",
)
@click.version_option(package_name="yoy")
@click.pass_context
def cli(ctx: click.Context, corpus_dir: Path | None) -> None:
    """What changed between two government work reports (政府工作报告).

    \b
    Example:
      yoy ingest saved-page.html
      yoy list
      yoy compare 城阳 2022 2025
    """
    ctx.obj = {"corpus_dir": corpus_dir}


# --- ingest / list / show (logic in yoy.ingest and yoy.corpus) ----------------------------------


def _corpus_of(ctx: click.Context, reading: bool = True) -> corpus_mod.Corpus:
    """The corpus of `--corpus`; for reading commands a missing directory is an error, not empty."""
    corpus = corpus_mod.Corpus((ctx.obj or {}).get("corpus_dir"))
    if reading:
        corpus.require_root()
    ctx.ensure_object(dict)["corpus"] = corpus  # the group's dict: its invoke reports corpus.problems
    return corpus


_DRY_ACTIONS = {"added": "would add", "replaced": "would replace", "unchanged": "unchanged"}


@cli.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite a different stored report of that region and year.")
@click.option("--dry-run", is_flag=True, help="Show what would be stored; write nothing.")
@click.pass_context
def ingest_command(ctx: click.Context, files: tuple[Path, ...], replace: bool, dry_run: bool) -> None:
    """Store the government work reports found in saved web pages (.txt, .html).

    Every input is read and checked before anything is written: one bad file stores nothing.

    \b
    Example:
      yoy ingest ~/Downloads/laoshan-2019.html
      yoy --corpus fixtures/corpus ingest --replace fixtures/raw/*
      yoy ingest --dry-run page.txt
    """
    from rich.console import Console
    from rich.progress import Progress

    from yoy import ingest

    corpus = _corpus_of(ctx, reading=False)
    if len(files) > 1:
        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("reading", total=len(files))
            result = ingest.ingest_files(files, progress=lambda _path: bar.advance(task))
    else:
        result = ingest.ingest_files(files)
    plans = corpus.store(result.reports, replace, dry_run)
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

    from rich.console import Console
    from rich.table import Table

    reports = _corpus_of(ctx).reports()
    rows = [(r, corpus_mod.parts_of(r)) for r in reports]
    if fmt == "json":
        data = [{**corpus_mod.meta_dict(r.meta), "chars": len(r.text), "parts": parts} for r, parts in rows]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("the corpus is empty; add a report with: yoy ingest PATH-TO-SAVED-PAGE")
        return
    table = Table("region", "year", "kind", "characters", "parts")
    for r, parts in rows:
        table.add_row(terminal_safe(r.meta.region), str(r.meta.year), str(r.meta.kind), f"{len(r.text):,}",
                      str(parts))
    Console().print(table)  # writes to whatever sys.stdout is at print time


@cli.command("show")
@click.argument("region")
@click.argument("year", type=click.IntRange(MIN_YEAR, MAX_YEAR))
@click.option("--outline", "with_outline", is_flag=True, help="Show the heading tree instead of the text.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show_command(ctx: click.Context, region: str, year: int, with_outline: bool, fmt: str) -> None:
    """Show one stored report: its metadata and text (or outline).

    REGION takes names, aliases and pinyin: 崂山区, 崂山, laoshan.

    \b
    Example:
      yoy show 崂山 2019
      yoy show chengyang 2022 --outline --format json
    """
    import json

    report = _corpus_of(ctx).load(region, year)
    tree = segment(report) if with_outline else None
    if fmt == "json":
        data: dict[str, object] = {**corpus_mod.meta_dict(report.meta), "chars": len(report.text)}
        if tree is not None:
            data["outline"] = [corpus_mod.block_dict(b) for b in tree.blocks]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in corpus_mod.meta_dict(report.meta).items():
        click.echo(terminal_safe(f"{key + ':':15} {'' if value is None else value}".rstrip()))
    click.echo(f"{'chars:':15} {len(report.text):,}")
    click.echo("")
    if tree is not None:
        click.echo("\n".join(corpus_mod.outline_lines(tree.blocks)))
        return
    click.echo(terminal_safe(report.text, one_line=False))
    if report.appendix:
        click.echo(terminal_safe("\n--- appendix ---\n" + report.appendix, one_line=False))


# --- compare / brief (logic in yoy.pipeline, yoy.render, yoy.summary) ---------------------------


_FORMAT_HELP = "Comma-separated: html,pdf,md,json (default: all four)."


@cli.command("compare")
@click.argument("args", nargs=-1, required=True, metavar="OLD_REGION OLD_YEAR [NEW_REGION] NEW_YEAR")
@click.option("--format", "formats", default="html,pdf,md,json", help=_FORMAT_HELP)
@click.option("-o", "--output-dir", default="output", show_default=True,
              help="Directory for the briefs; '-' prints the one --format (md or json) to stdout.")
@click.option("--open", "open_html", is_flag=True, help="Open the HTML brief when done.")
@click.pass_context
def compare_command(ctx: click.Context, args: tuple[str, ...], formats: str, output_dir: str,
                    open_html: bool) -> None:
    """Compare two reports and write change briefs (HTML, PDF, Markdown, JSON).

    Same region, two years: REGION OLD_YEAR NEW_YEAR. Two regions (peers): OLD_REGION OLD_YEAR
    NEW_REGION NEW_YEAR. REGION:YEAR pairs work too. Files: OUTPUT_DIR/城阳区_2022-2025.html …

    \b
    Example:
      yoy compare 城阳 2022 2025
      yoy compare 即墨 2019 崂山 2019
      yoy compare 城阳:2022 城阳:2025 --format md -o -
    """
    from yoy import pipeline, render, summary

    old_key, new_key = summary.parse_compare_args(args)
    fmts = render.parse_formats(formats)
    to_stdout = output_dir == "-"
    if to_stdout and (len(fmts) != 1 or fmts[0] not in render.STDOUT_FORMATS):
        raise RenderError("-o - prints one format to stdout: add --format md or --format json")
    out_dir = Path(output_dir)
    with render.pdf_worker("pdf" in fmts), \
            summary.steps(f"comparing {old_key[0]} {old_key[1]} → {new_key[0]} {new_key[1]} …") as progress:
        comparison, paths = pipeline.run(_corpus_of(ctx), old_key, new_key, () if to_stdout else fmts,
                                         out_dir, lambda fmt: progress.update(f"writing {fmt} …"))
        if to_stdout:
            click.echo(render.render(comparison, fmts[0]).decode("utf-8"), nl=False)
            return
    summary.print_summary(comparison, summary.out_console())
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
@click.pass_context
def brief_command(ctx: click.Context, pairs: tuple[str, ...], all_consecutive: bool, formats: str,
                  output_dir: Path) -> None:
    """Write briefs for several pairs at once, plus an index.html linking them.

    \b
    Example:
      yoy brief --all-consecutive
      yoy brief 城阳:2022:2025 崂山:2019:2020 --format html,md -o briefs/
    """
    from yoy import pipeline, render, summary

    fmts = render.parse_formats(formats)
    corpus = _corpus_of(ctx)
    keys = [summary.parse_pair_spec(p) for p in pairs]
    if all_consecutive:
        keys += [k for k in summary.consecutive_pairs(corpus) if k not in keys]
    if not keys:
        if all_consecutive:
            raise NotFoundError("no region in the corpus has two years to compare; add reports with: "
                                "yoy ingest PATH-TO-SAVED-PAGE")
        raise click.UsageError("give REGION:OLD_YEAR:NEW_YEAR pairs or --all-consecutive")
    written = []
    with render.pdf_worker("pdf" in fmts), summary.steps(f"{len(keys)} comparison(s) …") as progress:
        for n, (old_key, new_key) in enumerate(keys, start=1):
            progress.update(f"[{n}/{len(keys)}] {old_key[0]} {old_key[1]} → {new_key[0]} {new_key[1]} …")
            written.append(pipeline.run(corpus, old_key, new_key, fmts, output_dir))
        index = render.write_index(written, output_dir)
    for comparison, paths in written:
        click.echo(f"{render.headline(comparison)}: {', '.join(str(p) for p in paths)}")
    click.echo(str(index))


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="yoy")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
