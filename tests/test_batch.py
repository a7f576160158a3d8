"""`yoy brief` at scale: --jobs and a Dask LocalCluster agree byte for byte, unchanged pairs are
skipped, a killed batch resumes without redoing finished pairs and leaves no partial file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from yoy import batch
from yoy.batch import Done, Job
from yoy.cli import cli
from yoy.corpus import Corpus
from yoy.errors import CorpusError, RenderError
from yoy.models import Report, Side

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import make_corpus  # noqa: E402

FORMATS = "html,json"
KILL_WAIT_S = 60  # upper bound on waiting for the first finished pair before the kill


def yoy(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--corpus", str(corpus), *args])


def briefs(out: Path) -> dict[str, bytes]:
    """Every brief and the index (not the batch state) by name."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two regions × three years grown from the two shortest seed reports: four pairs."""
    seeds = Corpus(ROOT / "yoy" / "corpus")
    root = tmp_path_factory.mktemp("synth") / "corpus"
    sources = (seeds.load("城阳", 2025), seeds.load("青岛", 2025))
    make_corpus(root, regions=2, years=3, seed=7, sources=sources)
    return root


@pytest.fixture(scope="module")
def reference(synth: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The briefs of `--jobs 1`."""
    out = tmp_path_factory.mktemp("jobs1")
    result = yoy(synth, "brief", "--all-consecutive", "--format", FORMATS, "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    got = briefs(out)
    assert len(got) == 9 and "index.html" in got  # 4 pairs × 2 formats + index
    return got


def test_jobs_2_is_byte_identical(synth: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    result = yoy(synth, "brief", "--all-consecutive", "--format", FORMATS, "-o", str(tmp_path), "-j", "2")
    assert result.exit_code == 0, result.stderr
    assert briefs(tmp_path) == reference
    assert "[4/4] written" in result.stderr


def test_local_cluster_is_byte_identical(synth: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = yoy(synth, "brief", "--all-consecutive", "--format", FORMATS, "-o", str(tmp_path / "a"),
                     "--scheduler", cluster.scheduler_address)
        assert result.exit_code == 0, result.stderr
        assert briefs(tmp_path / "a") == reference
        os.environ["DASK_SCHEDULER_ADDRESS"] = cluster.scheduler_address  # the same, from the environment
        try:
            again = yoy(synth, "brief", "--all-consecutive", "--format", FORMATS, "-o", str(tmp_path / "b"))
        finally:
            del os.environ["DASK_SCHEDULER_ADDRESS"]
        assert again.exit_code == 0, again.stderr
        assert briefs(tmp_path / "b") == reference


def test_unchanged_pairs_are_skipped_changed_redone(synth: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    import shutil

    shutil.copytree(synth, corpus)
    out = tmp_path / "out"
    first = yoy(corpus, "brief", "--all-consecutive", "--format", "json", "-o", str(out), "-j", "1")
    assert first.exit_code == 0 and first.stdout.count(": ") == 4
    again = yoy(corpus, "brief", "--all-consecutive", "--format", "json", "-o", str(out), "-j", "1")
    assert again.exit_code == 0 and "unchanged since their briefs were written: 4 pair(s)" in again.stdout
    assert again.stdout.count(".json") == 0
    path = corpus / "样本0001县" / "2012.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n新增一句话。\n", encoding="utf-8")  # by hand
    edited = yoy(corpus, "brief", "--all-consecutive", "--format", "json", "-o", str(out), "-j", "1")
    written = sorted(line.split(":")[0] for line in edited.stdout.splitlines() if line.endswith(".json"))
    # its region's pairs (their history changed) and the other region's pair of that year (a
    # contemporary changed: the notes and marks of what other regions say that year)
    assert written == ["样本0000县 2011 → 2012", "样本0001县 2010 → 2011", "样本0001县 2011 → 2012"]
    more = yoy(corpus, "brief", "--all-consecutive", "--format", "json,md", "-o", str(out), "-j", "1")
    assert more.stdout.count(".md") == 4  # other formats: other briefs


def test_a_brief_is_the_compare_brief(synth: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    """`yoy brief` writes for each pair what `yoy compare` writes: the same history, reference corpus
    and contemporaries (the synthetic corpus's other region of the same year)."""
    names = [n for n in reference if n.endswith(".json")]
    for name in names:
        region, years = name.removesuffix(".json").rsplit("_", 1)
        old, new = years.split("-")
        out = tmp_path / name
        result = yoy(synth, "compare", region, old, new, "--format", "json", "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert (out / name).read_bytes() == reference[name]
    # the contemporaries are read: a dropped phrase the other region still says that year says so
    notes = [p["basis"] for n in names for p in json.loads(reference[n])["priorities"]]
    assert any("报告仍提及" in b or "报告也提及" in b for b in notes)


def test_kill_and_rerun_resumes(synth: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [sys.executable, "-m", "yoy.cli", "--corpus", str(synth), "brief", "--all-consecutive",
            "--format", FORMATS, "-o", str(out), "--jobs", "1"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = out / batch.STATE_DIR
    deadline = time.monotonic() + KILL_WAIT_S
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if state.is_dir() and any(p.suffix == ".json" for p in state.iterdir()):
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    finished = {json.loads(p.read_text(encoding="utf-8"))["files"][0] for p in state.glob("*.json")}
    assert 1 <= len(finished) < 4, "the batch was not killed mid-way"
    for path in out.glob("*.json"):  # whatever is there is whole
        assert json.loads(path.read_bytes())["schema_version"]
    mtimes = {name: (out / name).stat().st_mtime_ns for name in finished}
    result = yoy(synth, "brief", "--all-consecutive", "--format", FORMATS, "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert f"unchanged since their briefs were written: {len(finished)} pair(s)" in result.stdout
    assert {name: (out / name).stat().st_mtime_ns for name in finished} == mtimes  # not redone
    assert len(list(out.glob("*.json"))) == 4 and not list(out.rglob("*.tmp"))
    assert 'href="样本0001县_2011-2012.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_index_is_written_as_it_goes(synth: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "INDEX_EVERY_S", 0.0)
    jobs = batch.plan(Corpus(synth), [(("样本0000县", 2010), ("样本0000县", 2011)),
                                      (("样本0001县", 2010), ("样本0001县", 2011))], ("html",))
    seen: list[int] = []

    def watching(todo: Sequence[Job]) -> Iterator[Done]:
        for job in todo:
            index = tmp_path / "index.html"
            html = index.read_text(encoding="utf-8") if index.exists() else ""
            seen.append(html.count('<li class="index-item">'))
            yield batch.run_job(job)

    outcome = batch.run(jobs, tmp_path, watching)
    assert seen == [0, 1] and len(outcome.written) == 2


def test_a_failed_pair_does_not_stop_the_others(synth: Path, tmp_path: Path) -> None:
    good, = batch.plan(Corpus(synth), [(("样本0000县", 2010), ("样本0000县", 2011))], ("json",))
    bad = Job(old=("样本0001县", 2010), new=("样本0001县", 2011), old_path=str(tmp_path / "nope.md"),
              new_path=good.new_path, history=(), formats=("json",), stamp="x")
    outcome = batch.run([bad, good], tmp_path / "out", batch.in_process)
    assert [j for j, _ in outcome.failed] == [bad] and "cannot read" in outcome.failed[0][1]
    assert [j for j, _, _ in outcome.written] == [good]


def test_foreign_file_is_not_overwritten(synth: Path, tmp_path: Path) -> None:
    (tmp_path / "样本0000县_2010-2011.json").write_text("mine", encoding="utf-8")
    result = yoy(synth, "brief", "样本0000县:2010:2011", "--format", "json", "-o", str(tmp_path), "-j", "1")
    assert result.exit_code == RenderError.exit_code
    assert "was not written by yoy" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("yoy: ")
    assert (tmp_path / "样本0000县_2010-2011.json").read_text(encoding="utf-8") == "mine"


def test_second_batch_on_one_directory_is_refused(synth: Path, tmp_path: Path) -> None:
    jobs = batch.plan(Corpus(synth), [(("样本0000县", 2010), ("样本0000县", 2011))], ("json",))
    with batch._locked(tmp_path), pytest.raises(batch.BatchOptionError, match="another yoy brief"):
        batch.run(jobs, tmp_path, batch.in_process)


def one_line_error(result: Result, code: int, *words: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.output, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("yoy: "), result.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize(("args", "words"), [
    (("--jobs", "0"), ("--jobs", "≥ 1")),
    (("--jobs", "two"), ("--jobs", "'two'")),
    (("--scheduler", "localhost:8786"), ("not a Dask scheduler address",)),
    (("--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"), ("not both",)),
])
def test_bad_options_are_one_line_errors(synth: Path, tmp_path: Path, args: tuple[str, ...],
                                         words: tuple[str, ...]) -> None:
    result = yoy(synth, "brief", "--all-consecutive", "-o", str(tmp_path), *args)
    one_line_error(result, 2, *words)
    assert not list(tmp_path.iterdir())


def test_unreachable_scheduler(synth: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setattr(batch, "SCHEDULER_TIMEOUT_S", 2.0)
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", f"tcp://127.0.0.1:{port}")
    result = yoy(synth, "brief", "--all-consecutive", "--format", "json", "-o", str(tmp_path))
    one_line_error(result, 2, "cannot reach the Dask scheduler", str(port))


def test_worker_corpus_maps_paths(synth: Path) -> None:
    job, = batch.plan(Corpus(synth), [(("样本0000县", 2010), ("样本0000县", 2011))], ("json",),
                      worker_root="file:///shared/corpus")
    assert job.old_path == "file:///shared/corpus/样本0000县/2010.md"
    assert job.history[-1] == "file:///shared/corpus/样本0000县/2012.md"


def test_fsspec_url_is_read(synth: Path) -> None:
    report = batch._read_any(f"file://{synth / '样本0000县' / '2010.md'}")
    assert report.meta.region == "样本0000县" and report.meta.year == 2010
    with pytest.raises(CorpusError, match="cannot read"):
        batch._read_any(f"file://{synth / '样本0000县' / '1999.md'}")


def test_chunks_keep_a_region_together() -> None:
    def job(region: str, year: int) -> Job:
        return Job(old=(region, year), new=(region, year + 1), old_path="", new_path="", history=(),
                   formats=("json",), stamp="")

    jobs = [job("a", y) for y in range(5)] + [job("b", 0)] + [job("a", 9)]
    assert [len(c) for c in batch.chunks(jobs, size=2)] == [2, 2, 1, 1, 1]
    assert [j for c in batch.chunks(jobs, size=2) for j in c] == jobs


def test_a_broken_report_is_skipped_and_fails_only_a_pair_that_names_it(synth: Path, tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(synth, corpus)
    path = corpus / "样本0000县" / "2011.md"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: full", "kind: whole"), encoding="utf-8")
    result = yoy(corpus, "brief", "--all-consecutive", "--format", "json", "-o", str(tmp_path / "out"),
                 "-j", "1")
    assert result.exit_code == 0, result.stderr  # the broken year is left out; its neighbours pair up
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [
        "样本0000县_2010-2012.json", "样本0001县_2010-2011.json", "样本0001县_2011-2012.json"]
    named = yoy(corpus, "brief", "样本0000县:2010:2011", "--format", "json", "-o", str(tmp_path / "out2"),
                "-j", "1")
    assert named.exit_code == RenderError.exit_code and "bad front matter" in named.stderr
    assert named.stderr.strip().splitlines()[-1] == ("yoy: 1 of 1 pair(s) failed; the others are written "
                                                     "(rerun to retry the failed ones)")
    listed = yoy(corpus, "list", "--format", "json")
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 5
    assert listed.stderr.startswith(f"yoy: warning: {path}: line 5: bad front matter")


def test_workers_read_an_fsspec_url(synth: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    result = yoy(synth, "brief", "--all-consecutive", "--format", FORMATS, "-o", str(tmp_path), "-j", "1",
                 "--worker-corpus", f"file://{synth}")
    assert result.exit_code == 0, result.stderr
    assert briefs(tmp_path) == reference


def test_a_lost_worker_fails_its_pairs() -> None:
    class Lost:
        def result(self) -> object:
            raise RuntimeError("KilledWorker")

    job = Job(old=("a", 1), new=("a", 2), old_path="", new_path="", history=(), formats=("json",), stamp="")
    (done,) = batch._results(Lost(), (job,))
    assert done.job == job and done.error is not None and "worker running it was lost" in done.error


def test_a_foreign_index_is_refused_before_any_work(synth: Path, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>my index</p>", encoding="utf-8")
    result = yoy(synth, "brief", "--all-consecutive", "--format", "json", "-o", str(tmp_path), "-j", "1")
    assert result.exit_code == RenderError.exit_code and "index.html exists" in result.stderr
    assert not list(tmp_path.glob("*.json"))


def test_a_chunk_works_out_each_history_report_once(synth: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Pairs run in a row share their region's history figures (`batch.Memo`): the same brief files
    as each pair run alone, with each history report's figures worked out once per chunk."""
    from yoy import figures

    corpus = Corpus(synth)
    jobs = batch.plan(corpus, corpus.consecutive_pairs(), ("json",))
    region = jobs[0].new[0]
    chunk = tuple(j for j in jobs if j.new[0] == region)
    assert len(chunk) >= 2 and all(len(j.history) >= 2 for j in chunk)
    alone = [batch.run_job(job) for job in chunk]
    calls: list[tuple[str, int]] = []
    real = figures.report_figures

    def counting(report: Report, table: figures.Indicators, side: Side = Side.NEW) -> list[figures.Found]:
        calls.append((report.meta.region, report.meta.year))
        return real(report, table, side)

    monkeypatch.setattr(figures, "report_figures", counting)
    together = batch.run_chunk(chunk)
    assert [d.error for d in together] == [None] * len(chunk)
    assert [d.files for d in together] == [d.files for d in alone]
    assert sorted(calls) == sorted(set(calls)) and len(calls) == len(chunk[0].history)


def test_a_chunk_prepares_each_report_once(synth: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Consecutive pairs share a report (the new one of a pair is the old one of the next): a chunk
    prepares each text once (`batch.Memo.prepared`), with the same brief files as each pair alone."""
    from yoy import pipeline

    corpus = Corpus(synth)
    jobs = batch.plan(corpus, corpus.consecutive_pairs(), ("json",))
    region = jobs[0].new[0]
    chunk = tuple(j for j in jobs if j.new[0] == region)
    assert len(chunk) >= 2
    alone = [batch.run_job(job) for job in chunk]
    calls: list[tuple[str, int]] = []
    real = pipeline.prepare

    def counting(report: Report) -> pipeline.Prepared:
        calls.append((report.meta.region, report.meta.year))
        return real(report)

    monkeypatch.setattr(pipeline, "prepare", counting)
    together = batch.run_chunk(chunk)
    assert [d.error for d in together] == [None] * len(chunk)
    assert [d.files for d in together] == [d.files for d in alone]
    assert sorted(calls) == sorted(set(calls)) and len(calls) == len(chunk) + 1
