"""`--corpus` holding national reports of its own (review4 item 11): the corpus's report of a year takes
the shipped copy's place in the reference, and a file the corpus cannot read is left out of the
history signals too, as the warning that it is skipped says (the shipped copy does not come back)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from yoy import pipeline, vocab
from yoy.cli import cli
from yoy.errors import EXIT_CORPUS, EXIT_OK
from yoy.history import Reference

CORPUS = Path(__file__).resolve().parents[1] / "yoy" / "corpus"
NATIONAL = list(pipeline.shipped_national())
REGION = NATIONAL[0].meta.region
YEARS = sorted(r.meta.year for r in NATIONAL)
OLD, NEW = YEARS[-2], YEARS[-1]  # the latest pair: the longest history before it
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _compare(corpus: Path, old: int = OLD, new: int = NEW) -> Result:
    return CliRunner().invoke(cli, ["--corpus", str(corpus), "compare", REGION, str(old), str(new),
                                    "--format", "json", "-o", "-"])


def _reasons(result: Result) -> list[str]:
    record: dict[str, Any] = json.loads(result.stdout)
    return [r["reason"] for r in record["ranked"]] + [p["basis"] for p in record["priorities"]]


def _years_named(reasons: list[str]) -> set[int]:
    """The earlier years the reasons name (此前仅2011年提及, 2009年后再次出现, 2004–2008 每年提及)."""
    return {int(y) for text in reasons for y in _YEAR.findall(text) if int(y) < OLD}


def _warnings(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("yoy: warning: ")]


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS / REGION, root / REGION)
    return root


def _break(path: Path) -> None:  # a front matter that no longer parses (an unknown kind)
    path.write_text(path.read_text(encoding="utf-8").replace("kind: ", "kind: whole", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Result:
    result = _compare(_copy(tmp_path_factory.mktemp("whole")))
    assert result.exit_code == EXIT_OK, result.stderr
    return result


def test_a_broken_year_is_left_out_of_the_history(whole: Result, tmp_path: Path) -> None:
    named = _years_named(_reasons(whole))
    assert named, "the pair's reasons name no earlier year: the test needs a pair whose history does"
    gone = max(named)
    history = len([y for y in YEARS if y < NEW])
    assert any(vocab.debut_reason(history) in r for r in _reasons(whole))
    corpus = _copy(tmp_path)
    path = corpus / REGION / f"{gone}.md"
    _break(path)
    result = _compare(corpus)
    assert result.exit_code == EXIT_OK, result.stderr
    warned = _warnings(result)
    assert len(warned) == 1 and path.name in warned[0] and "skipped" in warned[0]
    reasons = _reasons(result)
    assert gone not in _years_named(reasons)  # the shipped copy of that year did not come back
    assert any(vocab.debut_reason(history - 1) in r for r in reasons)  # one earlier report fewer
    assert not any(vocab.debut_reason(history) in r for r in reasons)


def test_a_batch_leaves_out_the_broken_year_as_compare_does(whole: Result, tmp_path: Path) -> None:
    # `yoy brief` plans its pairs in the driver and compares them in workers: the year whose file the
    # corpus cannot read must leave the workers' reference too, so the brief is the compare record
    gone = max(_years_named(_reasons(whole)))
    corpus = _copy(tmp_path)
    _break(corpus / REGION / f"{gone}.md")
    single = _compare(corpus)
    assert single.exit_code == EXIT_OK, single.stderr
    out = tmp_path / "briefs"
    batch = CliRunner().invoke(cli, ["--corpus", str(corpus), "brief", f"{REGION}:{OLD}:{NEW}",
                                     "--format", "json", "--jobs", "1", "-o", str(out)])
    assert batch.exit_code == EXIT_OK, batch.stderr
    (path,) = out.glob("*.json")
    record = json.loads(path.read_text(encoding="utf-8"))
    reasons = [r["reason"] for r in record["ranked"]] + [p["basis"] for p in record["priorities"]]
    assert gone not in _years_named(reasons)  # the shipped copy of that year did not come back
    assert record == json.loads(single.stdout)


def test_a_broken_compared_report_is_one_corpus_error(tmp_path: Path) -> None:
    corpus = _copy(tmp_path)
    _break(corpus / REGION / f"{OLD}.md")
    result = _compare(corpus)
    assert result.exit_code == EXIT_CORPUS, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("yoy: ")]
    assert len(errors) == 1 and f"{OLD}.md" in errors[0] and "Traceback" not in result.stderr


# --- `pipeline.reference_for`: which copy of a (region, year) the reference holds -------------------


def _entry(ref: Reference, year: int) -> list[Any]:
    return [t for t in ref.texts if (t.region, t.year) == (REGION, year)]


def test_the_same_text_keeps_the_shipped_record() -> None:
    shipped = pipeline.reference_for(())
    again = pipeline.reference_for(NATIONAL[-3:])
    assert again.texts == shipped.texts
    assert all(a is b for a, b in zip(again.texts, shipped.texts, strict=True))  # nothing folded again


def test_the_corpus_copy_of_a_year_takes_the_shipped_ones_place() -> None:
    from dataclasses import replace

    mine = NATIONAL[-2]
    marker = "某某湾区协同示范工程"  # an invented phrase no report says
    edited = replace(mine, text=mine.text + f"\n推进{marker}。\n")
    ref = pipeline.reference_for((edited,))
    [entry] = _entry(ref, mine.meta.year)
    assert marker in entry.flat
    assert len(ref.texts) == len(pipeline.reference_for(()).texts)


def test_a_withheld_year_leaves_the_reference() -> None:
    year = NATIONAL[-3].meta.year
    ref = pipeline.reference_for((), [(REGION, year)])
    assert not _entry(ref, year)
    assert len(ref.texts) == len(pipeline.reference_for(()).texts) - 1
