"""Start-up stays light: the commands people run between others import no heavy library they do not need
(checked by module, not by the clock: benchmarks/cli.py has the times)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "yoy" / "corpus"
HEAVY = ("jieba", "pypinyin", "opencc", "rapidfuzz", "jinja2", "weasyprint", "distributed", "dask",
         "selectolax", "charset_normalizer", "yoy.outline", "yoy.ingest", "yoy.render", "yoy.pipeline")
# the record modules (their frozen dataclasses take ≈ 40 ms to build): no command's help needs them
RECORDS = ("yoy.models", "yoy.corpus", "yoy.terminal", "yoy.index", "importlib.metadata")
PROBE = """
import json, sys
from yoy.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded(cache: Path, *args: str, watch: tuple[str, ...] = HEAVY) -> set[str]:
    env = {**os.environ, "YOY_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True,
                          check=True)
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES "))) & set(watch)


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["list", "--help"], ["brief", "--help"]])
def test_help_and_version_import_nothing_heavy(tmp_path: Path, args: list[str]) -> None:
    assert loaded(tmp_path, *args, watch=HEAVY + RECORDS) == set()


def test_the_version_is_the_packages() -> None:
    import tomllib

    from click.testing import CliRunner

    from yoy.cli import cli

    project = tomllib.loads((CORPUS.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert CliRunner().invoke(cli, ["--version"]).output == f"yoy, version {project['version']}\n"


def test_list_and_show_on_a_warm_index(tmp_path: Path) -> None:
    corpus = ["--corpus", str(CORPUS)]
    first = loaded(tmp_path, *corpus, "list")
    assert "yoy.outline" in first  # the first run segments each report once, for its part count
    assert loaded(tmp_path, *corpus, "list") == set()
    assert "pypinyin" in loaded(tmp_path, *corpus, "show", "laoshan", "2019")  # the region table, once
    assert loaded(tmp_path, *corpus, "show", "laoshan", "2019") == set()
    assert loaded(tmp_path, *corpus, "show", "崂山", "2019") == set()  # a Simplified name needs no folding
