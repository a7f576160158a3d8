"""`yoy compare` and `yoy brief` through click's CliRunner: files, stdout, and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from yoy import render
from yoy.cli import cli
from yoy.errors import EXIT_CODES, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, YoyError

CORPUS = Path(__file__).resolve().parents[1] / "yoy" / "corpus"
FAST = "html,md,json"


def yoy(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--corpus", str(CORPUS), *args])


def one_line_error(result: Result, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.output, result.stderr)
    assert "Traceback" not in result.output + result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.startswith("yoy: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_compare_writes_the_briefs(tmp_path: Path) -> None:
    result = yoy("compare", "城阳", "2022", "2025", "--format", FAST, "-o", str(tmp_path))
    assert result.exit_code == 0, result.output + result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["城阳区_2022-2025.html", "城阳区_2022-2025.json", "城阳区_2022-2025.md"]
    out = result.stdout
    assert "城阳区 2022 → 2025" in out and "最重要的变化" in out and "主要预期目标" in out
    assert out.strip().splitlines()[-1] == str(tmp_path / "城阳区_2022-2025.json")  # paths last
    assert "comparing 城阳区 2022 → 城阳区 2025" in result.stderr  # progress on stderr
    again = yoy("compare", "城阳:2022", "城阳:2025", "--format", FAST, "-o", str(tmp_path))
    assert again.exit_code == 0, again.stderr  # its own files are overwritten


@pytest.mark.pdf
def test_compare_all_four_formats_by_default(tmp_path: Path) -> None:
    result = yoy("compare", "城阳", "2022", "2025", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".json", ".md", ".pdf"]


def test_peers_file_names(tmp_path: Path) -> None:
    result = yoy("compare", "即墨", "2019", "崂山", "2019", "--format", "md", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["即墨区_2019-崂山区_2019.md"]


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_stdout(tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = yoy("compare", "城阳", "2022", "2025", "--format", fmt, "-o", "-")
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["new"]["year"] == 2025
    else:
        assert result.stdout.startswith(render.MD_MARKER)
    assert list(tmp_path.iterdir()) == []


def test_stdout_needs_one_text_format() -> None:
    line = one_line_error(yoy("compare", "城阳", "2022", "2025", "-o", "-"), EXIT_USAGE)
    assert "--format md or --format json" in line


def test_bad_format() -> None:
    line = one_line_error(yoy("compare", "城阳", "2022", "2025", "--format", "html,docx"), EXIT_USAGE)
    assert line == "yoy: unknown format docx; choose from html,pdf,md,json"


@pytest.mark.parametrize("command", [["compare", "城阳", "2022", "2025"], ["brief", "城阳:2022:2025"],
                                     ["show", "城阳", "2022"], ["targets", "全国"], ["list"],
                                     ["trend", "科技"]])
def test_an_unknown_format_is_a_usage_error_in_every_command(command: list[str], tmp_path: Path) -> None:
    line = one_line_error(yoy(*command, "--format", "xml", *(["-o", str(tmp_path)] if command[0] in
                                                            ("compare", "brief") else [])), EXIT_USAGE)
    assert "xml" in line
    assert not any(tmp_path.iterdir())  # refused before any work


@pytest.mark.parametrize("content", [None, b"\xff\xfe\x00not utf-8"], ids=["missing", "undecodable"])
def test_unreadable_lexicon_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         content: bytes | None) -> None:
    lexicon = tmp_path / "mine.tsv"
    if content is not None:
        lexicon.write_bytes(content)
    monkeypatch.setenv("YOY_LEXICON", str(lexicon))
    line = one_line_error(yoy("compare", "城阳", "2022", "2025", "--format", "md", "-o", str(tmp_path)), 3)
    assert str(lexicon) in line and "YOY_LEXICON" in line
    assert not list(tmp_path.glob("*.md"))  # nothing written


def test_unknown_region() -> None:
    line = one_line_error(yoy("compare", "火星", "2022", "2025", "--format", "md"), 4)
    assert "unknown region" in line


def test_missing_year_says_how_to_add_it() -> None:
    line = one_line_error(yoy("compare", "崂山", "2019", "2025", "--format", "md"), 4)
    assert "2025" in line and "崂山区" in line and "ingest" in line


def test_refuses_to_overwrite_a_foreign_file(tmp_path: Path) -> None:
    mine = tmp_path / "城阳区_2022-2025.md"
    mine.write_text("my notes\n", encoding="utf-8")
    line = one_line_error(yoy("compare", "城阳", "2022", "2025", "--format", FAST, "-o", str(tmp_path)), 5)
    assert "not written by yoy" in line
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    assert [p.name for p in tmp_path.iterdir()] == [mine.name]


def test_an_output_dir_that_cannot_be_made_is_refused_before_the_comparison(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x\n", encoding="utf-8")
    result = yoy("compare", "城阳", "2022", "2025", "--format", "md", "-o", str(blocker / "briefs"))
    line = one_line_error(result, 5)
    assert "cannot create output directory" in line and "not a directory" in line
    assert "comparing" not in result.stderr  # refused before any work
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a procfs (a directory no one can write)")
@pytest.mark.parametrize("command", [("compare", "城阳", "2022", "2025"), ("brief", "城阳:2022:2025")])
def test_an_output_dir_the_permissions_do_not_tell_is_probed(command: tuple[str, ...]) -> None:
    # /proc denies a new entry even to root, whose os.access says yes to everything: the pre-check
    # makes and removes a probe in the nearest existing folder instead of trusting the mode bits
    result = yoy(*command, "--format", "md", "-o", "/proc/yoy-briefs")
    line = one_line_error(result, 5)
    assert "cannot create output directory /proc/yoy-briefs" in line
    assert "comparing" not in result.stderr  # refused before any work


def test_the_output_dir_probe_leaves_nothing(tmp_path: Path) -> None:
    render.check_output_dir(tmp_path / "a" / "b")
    render.check_output_dir(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_brief_refuses_an_output_dir_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x\n", encoding="utf-8")
    result = yoy("brief", "城阳:2022:2025", "--format", "md", "-o", str(blocker / "briefs"))
    assert "not a directory" in one_line_error(result, 5)
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_reversed_years_with_a_missing_report_give_only_the_error() -> None:
    result = yoy("compare", "城阳", "2099", "2025", "--format", "md")
    assert "2099" in one_line_error(result, 4)
    assert "note:" not in result.stderr  # no swap note for a pair that cannot be compared


BAD_ARGS = [["城阳", "2022"], ["城阳", "20x2", "2025"], ["a", "2019", "b", "2020", "c"]]


@pytest.mark.parametrize("args", BAD_ARGS)
def test_bad_arguments_are_usage_errors(args: list[str]) -> None:
    result = yoy("compare", *args)
    assert result.exit_code == 2 and "Traceback" not in result.output + result.stderr


def test_brief_pairs_and_index(tmp_path: Path) -> None:
    result = yoy("brief", "城阳:2022:2025", "--format", "html,md", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    index = tmp_path / "index.html"
    assert result.stdout.strip().splitlines()[-1] == str(index)
    html = index.read_text(encoding="utf-8")
    assert 'href="城阳区_2022-2025.html"' in html and 'href="城阳区_2022-2025.md"' in html


def test_brief_all_consecutive(tmp_path: Path) -> None:
    result = yoy("brief", "--all-consecutive", "--format", "md", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    national = [f"全国_{y}-{y + 1}.md" for y in range(2000, 2013)]
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))  # not the batch state
    assert names == sorted(["index.html", "城阳区_2022-2025.md", *national])


def test_brief_needs_pairs() -> None:
    result = yoy("brief")
    assert result.exit_code == 2 and "--all-consecutive" in result.stderr


def test_brief_bad_pair() -> None:
    result = yoy("brief", "城阳-2022-2025")
    assert result.exit_code == 2 and "REGION:OLD_YEAR:NEW_YEAR" in result.stderr


@pytest.mark.parametrize("command", ["compare", "brief"])
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "yoy " + command in result.output


def test_terminal_tables_speak_one_language_and_head_every_column(tmp_path: Path) -> None:
    result = yoy("compare", "全国", "2008", "2009", "--format", "md", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    header = next(line for line in out.splitlines() if "指标" in line)
    assert [c.strip() for c in header.split("┃")] == ["指标", "2008", "2009", "变化"]
    assert "# ┃ 变化" in out and "依据" in out
    for word in ("newly set", "unchanged", "new ", "down", "changed", "top changes", "G²", "（a"):
        assert word not in out, word
    assert "＋ 新设" in out and "= 持平" in out


def test_reversed_years_are_swapped_with_a_note(tmp_path: Path) -> None:
    result = yoy("compare", "城阳", "2025", "2022", "--format", "md", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "note: 2025 is later than 2022" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["城阳区_2022-2025.md"]
    assert "城阳区 2022 → 2025" in result.stdout


@pytest.mark.parametrize("args", [["城阳", "2022", "2022"], ["城阳", "2022", "城阳区", "2022"],
                                  ["chengyang:2022", "城阳:2022"]])
def test_the_same_report_twice_is_refused_before_any_output(tmp_path: Path, args: list[str]) -> None:
    result = yoy("compare", *args, "--format", "md", "-o", str(tmp_path))
    line = one_line_error(result, 2)
    assert "same report twice" in line and "城阳区 2022" in line
    assert result.stdout == "" and "comparing" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_errors_come_before_any_progress(tmp_path: Path) -> None:
    result = yoy("compare", "崂山", "2019", "2025", "--format", "md", "-o", str(tmp_path))
    one_line_error(result, 4)
    assert "comparing" not in result.stderr and result.stdout == ""
    mine = tmp_path / "城阳区_2022-2025.md"
    mine.write_text("mine\n", encoding="utf-8")
    result = yoy("compare", "城阳", "2022", "2025", "--format", "md", "-o", str(tmp_path))
    assert "not written by yoy" in one_line_error(result, 5)
    assert "comparing" not in result.stderr


def test_brief_checks_every_pair_before_writing(tmp_path: Path) -> None:
    result = yoy("brief", "城阳:2022:2025", "崂山:2019:2020", "--format", "md", "-o", str(tmp_path))
    assert "2020" in one_line_error(result, 4)
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_show_outline_has_offsets_only_when_asked() -> None:
    plain = yoy("show", "崂山", "2019", "--outline")
    assert plain.exit_code == 0, plain.stderr
    assert "一、" in plain.stdout and not re.search(r"\[\d+–\d+\]", plain.stdout)
    with_offsets = yoy("show", "崂山", "2019", "--outline", "--offsets")
    assert re.search(r"\[\d+–\d+\]", with_offsets.stdout)


def test_show_outline_names_an_untitled_part() -> None:
    # the 2025 城阳 text is a news digest: its parts have no heading, and read as such, not as a lone mark
    from yoy.models import BRIEF_WORDS

    out = yoy("show", "城阳", "2025", "--outline")
    assert out.exit_code == 0, out.stderr
    tree = out.stdout.split("\n\n", 1)[1].splitlines()
    tops = [line for line in tree if line and not line.startswith(" ")]
    assert tops and all(line == BRIEF_WORDS["untitled"] for line in tops), tops
    assert not any(line.strip() in ("·", "") for line in tree[:-1])


def _examples() -> list[tuple[str, str]]:
    """Every `Example:` line of every command's --help."""
    out = []
    for name in ["", *sorted(cli.commands)]:
        text = CliRunner().invoke(cli, [*([name] if name else []), "--help"]).output
        lines = text.split("Example:", 1)[1].splitlines()[1:] if "Example:" in text else []
        for line in lines:
            if not line.strip():
                break
            out.append((name or "yoy", line.strip()))
    return out


EXAMPLES = _examples()


@pytest.mark.pdf
@pytest.mark.parametrize(("command", "example"), EXAMPLES, ids=[e for _, e in EXAMPLES])
def test_every_help_example_works_on_the_shipped_corpus(
        command: str, example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in a copy of the repo's fixtures, with a private user corpus: nothing real is written."""
    import glob
    import shlex
    import shutil

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "fixtures" / "raw", tmp_path / "fixtures" / "raw")
    shutil.copytree(root / "fixtures" / "ingest" / "split", tmp_path / "fixtures" / "ingest" / "split")
    shutil.copytree(CORPUS, tmp_path / "yoy" / "corpus")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("YOY_CORPUS", raising=False)
    words = shlex.split(example)
    assert words[0] == "yoy" and (command == "yoy" or command in words), example
    argv = [x for w in words[1:] for x in (sorted(glob.glob(w)) if "*" in w else [w])]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 0, (example, result.output, result.stderr)
    assert "Traceback" not in result.output + result.stderr


def _error_classes() -> list[type[YoyError]]:
    """Every YoyError subclass of yoy (modules that define one imported first)."""
    import yoy.batch
    import yoy.regions  # AmbiguousRegionError

    out, todo = [], [YoyError]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    assert yoy.batch.BatchOptionError in out
    return out


def test_help_lists_every_exit_code_the_errors_use() -> None:
    """`yoy --help` ends with the exit-code table, from errors.EXIT_CODES; every code an error class,
    the CLI's own usage and interrupt paths, or a bug can end with has a row there."""
    used = {cls.exit_code for cls in _error_classes()} | {EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED}
    assert used <= set(EXIT_CODES), used - set(EXIT_CODES)
    text = CliRunner().invoke(cli, ["--help"]).output
    table = text.split("Exit codes", 1)[1]
    rows = {int(m[1]): m[2] for m in re.finditer(r"^\s+(\d+)\s+(\S.*)$", table, re.M)}
    assert rows == EXIT_CODES


def test_readme_exit_codes_are_the_codes_table() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| code | meaning |", 1)[1].split("\n\n", 1)[0]
    rows = {int(m[1]): m[2].replace("`", "") for m in re.finditer(r"^\| (\d+) \| (.*) \|$", table, re.M)}
    assert rows == EXIT_CODES
