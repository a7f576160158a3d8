"""The `yoy` command line: a thin shell over the pipeline. Errors become one line and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from yoy.errors import YoyError


class YoyGroup(click.Group):
    """A group that turns every `YoyError` into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except YoyError as exc:
            click.echo(f"yoy: {exc.message}", err=True)
            ctx.exit(exc.exit_code)


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


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="yoy")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
