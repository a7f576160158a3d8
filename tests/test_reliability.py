"""Nothing lost, nothing hung, nothing executed: concurrent writers, kills, hostile files, any region.

Writers and killed runs are forked from this (warm) test process, so each is a real separate process
taking the real locks, yet starts in milliseconds; hostile files go through the installed `yoy`
command with a 5 s timeout each (the only timing in these tests: a hang guard).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from click.testing import CliRunner

from yoy import cli as cli_mod
from yoy import corpus as corpus_mod
from yoy import files, regions
from yoy.cli import cli
from yoy.corpus import Corpus
from yoy.errors import CorpusError, LimitError, NotFoundError
from yoy.ingest import decode, detect_region, ingest_bytes
from yoy.models import Level, Report

ROOT = Path(__file__).resolve().parents[1]
EMBEDDED = ROOT / "yoy" / "corpus"
RAW = ROOT / "fixtures" / "raw"
YOY = [sys.executable, "-m", "yoy.cli"]
HANG_GUARD_S = 5  # the bound for a refused hostile input
RUNS = 50  # concurrent-writer rounds per scenario
KILLS = 20  # kill -9 rounds per command
FORK = multiprocessing.get_context("fork")

PARA = ("全区上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效，"
        "地区生产总值增长百分之六，一般公共预算收入增长百分之五。")


def page(region: str, year: int, variant: str = "", speaker: str = "张三") -> str:
    """A small saved page yoy reads as the full work report of `region` (as its title names it)."""
    return (f"{year}年{region}政府工作报告\n——{year}年1月10日在{region}第十八届人民代表大会第三次会议上\n"
            f"区长 {speaker}\n各位代表：\n现在，我代表区人民政府，向大会报告政府工作，请予审议。\n"
            f"一、{year - 1}年工作回顾\n{PARA * 12}\n二、{year}年工作安排\n{PARA * 12}{variant}\n"
            "各位代表，让我们更加紧密地团结在一起，为建设现代化国际城区而努力奋斗！\n")


def report(region: str, year: int, variant: str = "") -> Report:
    (found,) = ingest_bytes(page(region, year, variant).encode(), f"{year}{variant}.txt").reports
    return found


def stray_temps(root: Path) -> list[Path]:
    return [p for p in root.rglob(f"*{files.TEMP_SUFFIX}") if p.name.startswith(".")]


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- concurrent writers -------------------------------------------------------------------------


def _writer(root: Path, rep: Report, barrier: Barrier, out: multiprocessing.Queue[tuple[str, str]]) -> None:
    barrier.wait()
    try:
        (plan,) = Corpus(root).store((rep,))
        out.put((rep.meta.source, plan.action))
    except CorpusError as exc:
        out.put((rep.meta.source, "refused" if "already holds a different" in exc.message else exc.message))


def _race(root: Path, reps: list[Report]) -> dict[str, str]:
    barrier, out = FORK.Barrier(len(reps)), FORK.Queue()
    procs = [FORK.Process(target=_writer, args=(root, r, barrier, out)) for r in reps]
    for p in procs:
        p.start()
    results = dict(out.get(timeout=30) for _ in procs)
    for p in procs:
        p.join(timeout=30)
    return results


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_lose_nothing(tmp_path: Path, writers: int) -> None:
    """Same region and year, different texts: exactly one is added, the others refused; different
    years: all added. Every `added` is what the file holds afterwards."""
    conflicting = [report("青岛市崂山区", 2024, f"第{i}稿。") for i in range(writers)]
    separate = [report("青岛市崂山区", 2010 + i) for i in range(writers)]
    for run in range(RUNS):
        root = tmp_path / f"c{run}"
        results = _race(root, conflicting)
        added = [s for s, action in results.items() if action == "added"]
        assert sorted(results.values()) == ["added"] + ["refused"] * (writers - 1), results
        winner = next(r for r in conflicting if r.meta.source == added[0])
        assert (root / "崂山区" / "2024.md").read_bytes() == corpus_mod.render(winner).encode()
        results = _race(root, separate)
        assert set(results.values()) == {"added"}, results
        for r in separate:
            assert (root / "崂山区" / f"{r.meta.year}.md").read_bytes() == corpus_mod.render(r).encode()
        assert not stray_temps(root)


def test_concurrent_cli_ingests(tmp_path: Path) -> None:
    """Two `yoy ingest` commands of one region and year at once: one adds, the other is refused."""
    pages = []
    for i in range(2):
        pages.append(tmp_path / f"p{i}.txt")
        pages[-1].write_text(page("青岛市崂山区", 2024, f"第{i}稿。"), encoding="utf-8")
    for run in range(2):
        root = tmp_path / f"c{run}"
        procs = [subprocess.Popen([*YOY, "--corpus", str(root), "ingest", str(p)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for p in pages]
        outs = [p.communicate(timeout=60) for p in procs]
        codes = sorted(p.returncode for p in procs)
        assert codes == [0, 6], outs
        stored = (root / "崂山区" / "2024.md").read_text(encoding="utf-8")
        winner = next(i for i, p in enumerate(procs) if p.returncode == 0)
        assert f"第{winner}稿。" in stored and "added:" in outs[winner][0]


# --- hostile files --------------------------------------------------------------------------------


@contextlib.contextmanager
def unix_socket(path: Path) -> Iterator[Path]:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    try:
        yield path
    finally:
        sock.close()


def _refused_fast(*runs: Sequence[str | bytes], env: dict[str, str] | None = None) -> list[str]:
    """Start every run at once; each must end within the hang guard with one `yoy:` line."""
    procs = [subprocess.Popen([*YOY, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
             for args in runs]
    messages = []
    for proc in procs:
        try:
            _, raw = proc.communicate(timeout=HANG_GUARD_S)
        finally:
            proc.kill()
        err = raw.decode("utf-8", "replace")
        assert proc.returncode != 0, err
        lines = [line for line in err.splitlines() if not line.startswith("comparing ")]  # progress
        assert len(lines) == 1 and lines[0].startswith("yoy: ") and "Traceback" not in err, err
        messages.append(lines[0])
    return messages


def test_devices_fifos_sockets_and_odd_names_refused_fast(tmp_path: Path) -> None:
    corpus = str(tmp_path / "c")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    odd = os.path.join(os.fsencode(tmp_path), b"odd\xff\x1b[31mname.txt")
    with open(odd, "wb") as fh:
        fh.write(page("青岛市崂山区", 2024).encode())
    with unix_socket(tmp_path / "sock") as sock:
        cases = (("/dev/zero", "character device"), ("/dev/urandom", "character device"),
                 (str(fifo), "FIFO"), (str(sock), "socket"))
        messages = _refused_fast(*(["--corpus", corpus, "ingest", path] for path, _ in cases))
        assert all(word in message for (_, word), message in zip(cases, messages, strict=True)), messages
    env = {**os.environ, "YOY_LEXICON": str(fifo)}
    (message,) = _refused_fast(["--corpus", str(EMBEDDED), "compare", "城阳", "2022", "2025", "--format",
                                "md", "-o", str(tmp_path / "out")], env=env)
    assert "FIFO" in message
    # a non-UTF-8, escape-laden file name is stored (its name as U+FFFD) and printed without the ESC
    proc = subprocess.run([*YOY, "--corpus", corpus, "ingest", odd], capture_output=True, timeout=30)
    assert proc.returncode == 0 and b"\x1b" not in proc.stdout + proc.stderr, proc.stderr
    (second,) = _refused_fast(["--corpus", corpus, "ingest", odd.replace(b"odd", b"missing")])
    assert "no such file" in second and "\x1b" not in second


def test_errors_never_echo_file_contents(tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$SECRETHASH:19000:0:99999:7:::\n" + "daemon:*:19000:0:99999:7:::\n" * 80)
    result = CliRunner().invoke(cli, ["--corpus", str(tmp_path / "c"), "ingest", str(secret)])
    assert result.exit_code == 3 and "SECRETHASH" not in result.output + result.stderr
    assert "daemon" not in result.stderr


def test_terminal_output_has_no_control_characters() -> None:
    assert cli_mod.terminal_safe("a\x1b[2Jb\x07c\u202ed\nе\udcff") == "abcd е\ufffd"


def test_year_and_corpus_dir_checks(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--corpus", str(EMBEDDED), "compare", "城阳", "0000", "2025"])
    assert result.exit_code == 2 and result.stderr.startswith("yoy: ")
    result = CliRunner().invoke(cli, ["--corpus", str(EMBEDDED), "show", "城阳", "0000"])
    assert result.exit_code == 2 and result.stderr.startswith("yoy: ")
    result = CliRunner().invoke(cli, ["--corpus", str(tmp_path / "nope"), "compare", "城阳", "2022", "2025"])
    assert result.exit_code == 4 and "does not exist" in result.stderr


def test_utf16_without_bom_and_limits(tmp_path: Path) -> None:
    text = page("青岛市崂山区", 2024)
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(encoding), "x.txt") == text
    with pytest.raises(LimitError, match="nested more than"):
        decode(("<html><body>" + "<div>" * 3000 + "x" + "</div>" * 3000).encode(), "deep.html")
    with pytest.raises(LimitError, match="too long"):
        decode(("字" * 4_000_001).encode(), "long.txt")


# --- killed runs ------------------------------------------------------------------------------------


def _run_cli(args: list[str]) -> None:
    os.setpgrp()  # so that whatever it starts (the PDF worker) can be found after the kill
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        cli.main(args=args, prog_name="yoy")
    finally:
        os._exit(0)


def _group_alive(pgid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(stat[2]) == pgid and stat[0] != "Z":  # fields after the name: state ppid pgrp
                    alive.append(int(entry.name))
    return alive


def _kill_at_random(args: list[str], within: float, rng: random.Random) -> None:
    proc = FORK.Process(target=_run_cli, args=(args,))
    proc.start()
    time.sleep(rng.uniform(0, within))
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join()
    deadline = time.monotonic() + HANG_GUARD_S  # the kernel delivers the parent-death signal at once
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _group_alive(proc.pid), "a yoy process outlived the killed command"


def test_killed_ingest_leaves_old_or_new(tmp_path: Path) -> None:
    rng = random.Random(14)
    root = tmp_path / "c"
    old = [report("青岛市崂山区", 2024, "旧稿。"), report("青岛市崂山区", 2023, "旧稿。")]
    Corpus(root).store(tuple(old))
    before = snapshot(root)
    new_pages = []
    for year in (2024, 2023, 2022):
        new_pages.append(tmp_path / f"new{year}.txt")
        new_pages[-1].write_text(page("青岛市崂山区", year, "新稿。"), encoding="utf-8")
    new = {}
    for year, path in zip((2024, 2023, 2022), new_pages, strict=True):
        (rep,) = ingest_bytes(path.read_bytes(), path.name).reports
        new[f"崂山区/{year}.md"] = corpus_mod.render(rep).encode()
    args = ["--corpus", str(root), "ingest", "--replace", *map(str, new_pages)]
    for _ in range(KILLS):
        _kill_at_random(args, 0.6, rng)
        for name, data in snapshot(root).items():
            if not name.endswith(files.TEMP_SUFFIX):  # a killed writer's temp file: the next run removes it
                assert data in (before.get(name), new.get(name)), name
        shutil.rmtree(root)
        Corpus(root).store(tuple(old))
    _kill_at_random(args, 0.3, rng)
    assert CliRunner().invoke(cli, args).exit_code == 0  # the next run
    assert not stray_temps(root) and snapshot(root) == new


def test_killed_compare_leaves_no_process_and_no_temp(tmp_path: Path) -> None:
    rng = random.Random(41)
    out = tmp_path / "out"
    args = ["--corpus", str(EMBEDDED), "compare", "城阳", "2022", "2025", "--format", "html,md,json,pdf",
            "-o", str(out)]
    for _ in range(KILLS):
        _kill_at_random(args, 1.0, rng)
    result = CliRunner().invoke(cli, [*args[:-3], "html,md,json", "-o", str(out)])  # the next run
    assert result.exit_code == 0, result.stderr
    assert not stray_temps(out)


def test_sigterm_of_compare_stops_the_pdf_worker(tmp_path: Path) -> None:
    args = ["--corpus", str(EMBEDDED), "compare", "城阳", "2022", "2025", "--format", "pdf",
            "-o", str(tmp_path)]
    proc = FORK.Process(target=_run_cli, args=(args,))
    proc.start()
    assert proc.pid is not None
    deadline = time.monotonic() + HANG_GUARD_S
    while len(_group_alive(proc.pid)) < 2 and time.monotonic() < deadline:  # wait for the worker
        time.sleep(0.02)
    assert len(_group_alive(proc.pid)) >= 2
    os.kill(proc.pid, signal.SIGTERM)
    proc.join()
    deadline = time.monotonic() + HANG_GUARD_S
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _group_alive(proc.pid)


# --- a malformed corpus file ---------------------------------------------------------------------


def test_malformed_file_is_reported_once_skipped_and_repaired(tmp_path: Path) -> None:
    root = tmp_path / "c"
    for rel in ("全国/2004.md", "全国/2005.md", "全国/2006.md", "城阳区/2022.md", "城阳区/2025.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(EMBEDDED / rel, root / rel)
    bad = root / "全国" / "2005.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("kind: full", "kind: whole"), encoding="utf-8")

    def run(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, ["--corpus", str(root), *args])
        return result.exit_code, result.stdout, result.stderr

    code, out, err = run("list", "--format", "json")
    assert code == 0 and '"year": 2005' not in out and '"year": 2006' in out
    warnings = [line for line in err.splitlines() if str(bad) in line]
    assert len(warnings) == 1 and warnings[0].startswith("yoy: warning: ") and "line 5" in warnings[0]
    code, out, err = run("compare", "全国", "2004", "2006", "--format", "md", "-o", str(tmp_path / "o"))
    assert code == 0 and err.count(str(bad)) == 1
    code, out, err = run("brief", "--all-consecutive", "--format", "md", "-o", str(tmp_path / "b"))
    assert code == 0 and "全国 2004 → 2006" in out and err.count(str(bad)) == 1
    code, out, err = run("compare", "全国", "2005", "2006", "--format", "md", "-o", str(tmp_path / "o"))
    assert code == 6 and err.count(str(bad)) == 1 and "--replace" in err
    code, out, err = run("ingest", str(RAW / "national_2005.txt"))
    assert code == 6 and "--replace" in err
    code, out, err = run("ingest", "--replace", str(RAW / "national_2005.txt"))
    assert code == 0 and "replaced: 全国 2005" in out
    assert bad.read_bytes() == (EMBEDDED / "全国" / "2005.md").read_bytes()
    code, out, err = run("list")
    assert code == 0 and "yoy:" not in err


def test_hand_edited_file_with_bom_is_read(tmp_path: Path) -> None:
    root = tmp_path / "c"
    (root / "城阳区").mkdir(parents=True)
    data = (EMBEDDED / "城阳区" / "2022.md").read_bytes()
    (root / "城阳区" / "2022.md").write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    corpus = Corpus(root)
    assert corpus.load("城阳", 2022).text == Corpus(EMBEDDED).load("城阳", 2022).text and not corpus.problems


# --- regions ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "key", "parent", "level"), [
    ("2024年北京市朝阳区政府工作报告", "北京市朝阳区", "北京市", Level.DISTRICT),
    ("长春市朝阳区2023年政府工作报告", "长春市朝阳区", "长春市", Level.DISTRICT),
    ("上海市浦东新区2024年政府工作报告", "浦东新区", "上海市", Level.DISTRICT),
    ("2024年济南市历下区政府工作报告", "历下区", "济南市", Level.DISTRICT),
    ("2024年寿光市政府工作报告", "寿光市", "潍坊市", Level.COUNTY),  # a county-level city
    ("长阳土家族自治县2024年政府工作报告", "长阳土家族自治县", "宜昌市", Level.COUNTY),
    ("2024年即墨市政府工作报告", "即墨区", "青岛市", Level.DISTRICT),  # an old name
    ("2024年北京市政府工作报告", "北京市", "全国", Level.PROVINCE),
])
def test_most_specific_issuer_wins(title: str, key: str, parent: str, level: Level) -> None:
    found = detect_region(title, "", "")
    assert found is not None and (found.name, found.parent, found.level) == (key, parent, level)


def test_a_name_two_regions_share_needs_its_parent() -> None:
    assert detect_region("朝阳区政府工作报告", "", "") is None
    found = detect_region("朝阳区政府工作报告", "", "长春市委、长春市政府部署，长春" * 3)
    assert found is not None and found.name == "长春市朝阳区"


def test_two_chaoyang_and_beijing_live_side_by_side(tmp_path: Path) -> None:
    root = tmp_path / "c"
    corpus = Corpus(root)
    three = (report("北京市朝阳区", 2024), report("长春市朝阳区", 2024), report("北京市", 2024))
    stored = corpus.store(three)
    assert [p.action for p in stored] == ["added"] * 3
    assert sorted(str(p.path.relative_to(root)) for p in stored) == [
        "北京市/2024.md", "北京市朝阳区/2024.md", "长春市朝阳区/2024.md"]
    corpus = Corpus(root)
    assert corpus.resolve_region("北京朝阳") == "北京市朝阳区"
    assert corpus.resolve_region("changchunchaoyang") == "长春市朝阳区"
    with pytest.raises(regions.AmbiguousRegionError, match="长春市朝阳区"):
        corpus.resolve_region("朝阳")


def test_ambiguous_pinyin_asks() -> None:
    with pytest.raises(NotFoundError, match="山西省 or 陕西省"):
        Corpus(EMBEDDED).resolve_region("shanxi")
    assert Corpus(EMBEDDED).resolve_region("山西") == "山西省"


def test_every_division_of_china_is_found_from_a_title() -> None:
    table = regions.divisions()
    by_level = {lv: sum(d.level is lv for d in table) for lv in Level}
    assert by_level[Level.PROVINCE] == 34 and by_level[Level.CITY] >= 330
    assert by_level[Level.DISTRICT] + by_level[Level.COUNTY] >= 2800
    # a report titled with a division's key is that division's, with its level and parent, unless the
    # key is also a former name of another division: then the title alone is ambiguous (no guess)
    former = {old for d in table for old in d.old}
    names = regions.by_code()
    for d in (d for d in table if d.code != "0"):  # the nation itself is no title's issuer
        found = detect_region(f"2024年{d.key}政府工作报告", "", "")
        if d.key in former:
            assert found is None, d.key
            continue
        parent = names[d.parent or "0"]
        assert found is not None and (found.name, found.level) == (d.key, d.level), d.key
        assert found.parent == (parent.key if parent.code != "0" else "全国"), d.key


@pytest.mark.pdf
def test_pdf_fetcher_skips_urls_instead_of_failing() -> None:
    from yoy import render
    from yoy.render import pdf

    html = ("<html><body><style>body{background:url(http://127.0.0.1:9/x.png)}"
            "p{background:url(file:///etc/passwd)}</style><p>城阳区</p><img src='file:///etc/hostname'>"
            "<img src='../../../../etc/hostname'></body></html>")
    assert pdf._weasyprint_pdf(html).startswith(b"%PDF")
    fetcher = pdf._fetcher()
    for url in ("http://127.0.0.1:9/x.png", "file:///etc/passwd", "data:text/plain,x",
                (render.templates_dir() / ".." / "README.md").resolve().as_uri()):
        with pytest.raises(ValueError, match="load nothing"):
            fetcher.fetch(url)
    css = next(render.templates_dir().glob("*.css"))
    response = fetcher.fetch(css.as_uri())
    assert response.read() == css.read_bytes()
    response.close()


def test_stale_temp_cleanup_spares_other_files_and_live_writers(tmp_path: Path) -> None:
    import fcntl

    mine, other = tmp_path / ".a.html.abcd1234.tmp", tmp_path / ".b.html.abcd1234.tmp"
    notes = tmp_path / ".x.tmp"
    live = tmp_path / ".a.html.live_123.tmp"
    for path in (mine, other, notes, live):
        path.write_text("x")
    with open(live, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a writer still at work
        files.atomic_write(tmp_path / "a.html", b"new", CorpusError)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([other.name, notes.name, live.name, "a.html"])


# --- unexpected failures -----------------------------------------------------------------------------


def _main_exit(args: list[str]) -> int:
    with pytest.raises(SystemExit) as ended:
        cli.main(args=args, prog_name="yoy")
    return int(ended.value.code or 0)


def test_a_bug_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    """An exception no one expected (a bug) is still one `yoy:` line and exit 1, never a traceback;
    YOY_DEBUG shows the traceback instead."""
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("invented\nfailure")

    monkeypatch.setattr(corpus_mod.Corpus, "entries", broken)
    monkeypatch.delenv(cli_mod.DEBUG_ENV, raising=False)
    assert _main_exit(["list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("yoy: internal error (RuntimeError: invented failure)")
    assert "Traceback" not in err and cli_mod.DEBUG_ENV in err
    monkeypatch.setenv(cli_mod.DEBUG_ENV, "1")
    with pytest.raises(RuntimeError):
        cli.main(args=["list"], prog_name="yoy")

