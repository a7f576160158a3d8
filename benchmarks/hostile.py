"""Pathological inputs: time and peak memory of `yoy ingest` and `yoy compare` on each. Not a test.

Cases (each must finish in ≤ 10 s and ≤ 1 GB, or be refused with a clear one-line message):

- nested: 100,000 nested <div> around a small report (about 1.1 MB of HTML);
- headings: two reports of 10,000 headings each, compared to HTML and PDF;
- one line: a 50 MB report on a single line, compared to JSON;
- sentence: a report that is one sentence of about 100,000 characters (commas, no full stop), compared
  to HTML and JSON.
- repetitive-edge: about 140,000 characters of four-word paragraphs over twenty words, compared to JSON.

Every step runs as its own `yoy` process, so the peak memory printed is that process's (ru_maxrss).

Each case also has an `-edge` twin just inside the limits (1,900 <div>, 290 headings, 140,000
characters on one line), which must be stored and compared within the bounds.

Usage: .venv/bin/python benchmarks/hostile.py [CASE ...]   (nested, headings, line, nested-edge, …)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

YOY = [sys.executable, "-m", "yoy.cli"]
MAX_SECONDS = 10.0  # the bound per step
MAX_RSS_MB = 1024.0
NESTED_DEPTH = 100_000
HEADINGS = 10_000
LINE_BYTES = 50 * 2**20

PARA = ("全区上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效，"
        "地区生产总值增长百分之六，一般公共预算收入增长百分之五。")


def report(year: int, body: str, region: str = "青岛市崂山区") -> str:
    """A text yoy recognises as a full work report of `region` for `year`, around `body`."""
    return (f"{year}年{region}政府工作报告\n——{year}年1月10日在{region}第十八届人民代表大会第三次会议上\n"
            f"区长 张三\n各位代表：\n现在，我代表区人民政府，向大会报告政府工作，请予审议。\n"
            f"一、{year - 1}年工作回顾\n{PARA * 3}\n{body}\n二、{year}年工作安排\n{PARA * 3}\n"
            "各位代表，让我们更加紧密地团结在一起，为建设现代化国际城区而努力奋斗！\n")


def nested(year: int, depth: int = NESTED_DEPTH) -> bytes:
    """A small report inside 100,000 nested <div>."""
    inner = report(year, PARA * 20).replace("\n", "<br>")
    return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>".encode()


def headings(year: int, count: int = HEADINGS) -> bytes:
    """A report of 10,000 headings (99 sections (一)… in each of about 100 parts 一、…)."""
    from yoy.text import chinese_numeral

    word = "稳" if year % 2 else "进"
    per_part = 99
    lines = []
    for n in range(count):
        part, section = divmod(n, per_part)
        if section == 0:
            lines.append(f"{chinese_numeral(part + 2)}、第{part + 2}方面工作")
        lines.append(f"（{chinese_numeral(section + 1)}）工作{word}步推进。")
    return report(year, "\n".join(lines)).encode()


def one_line(year: int, size: int = LINE_BYTES) -> bytes:
    """A report of about 50 MB on one line (no line break in the body)."""
    head = report(year, "").replace("\n", "")
    unit = PARA.encode()
    body = unit * ((size - len(head.encode()) - 1024) // len(unit))
    return head.encode() + body.replace(b"\n", b"")


def one_sentence(year: int, clauses: int = 8_000) -> bytes:
    """A report whose body is one sentence of about 100,000 characters: clauses joined by commas, no
    full stop until the end (one clause differs between the years, so the redline has work to do)."""
    word = "稳" if year % 2 else "进"
    body = "，".join(f"第{n}项工作{word if n == clauses // 2 else '稳'}步推进" for n in range(clauses)) + "。"
    return report(year, body).encode()


REPETITIVE_WORDS = ("推进", "改革", "发展", "建设", "农村", "城市", "科技", "创新", "就业", "教育",
                    "医疗", "生态", "环境", "产业", "开放", "金融", "市场", "体系", "机制", "服务")


def repetitive(year: int, paragraphs: int = 6_900) -> bytes:
    """A report of about 140,000 characters (just inside the compare limit) in short paragraphs of
    four words drawn from twenty: every word pair recurs thousands of times (the case that multiplies
    candidate places and slot pairs); the two years shuffle the paragraphs differently."""
    import random

    rng = random.Random(year)
    lines = ("".join(rng.choice(REPETITIVE_WORDS) for _ in range(4)) + "。" for _ in range(paragraphs))
    body = "\n".join(lines)
    return report(year, body).encode()


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, float, int, str]:
    """(wall s, CPU s, peak MB, exit code, last `yoy:` stderr line) of one yoy process (its own rusage)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([*YOY, *args], stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = [x for x in err.read().decode("utf-8", "replace").splitlines() if x.startswith("yoy:")]
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, proc.returncode, (lines[-1] if lines else "")


CASES: dict[str, tuple[Callable[[int], bytes], str, str]] = {
    "nested": (nested, ".html", "html,md,json"),
    "headings": (headings, ".txt", "html,pdf"),
    "line": (one_line, ".txt", "json"),
    # just inside the limits: these must finish, within the bounds
    "nested-edge": (lambda y: nested(y, 1_900), ".html", "html,md,json"),
    "headings-edge": (lambda y: headings(y, 290), ".txt", "html,pdf"),
    "line-edge": (lambda y: one_line(y, 400_000), ".txt", "json"),  # ~140,000 characters
    # one sentence of ~100,000 characters (commas only): its redline is diffed clause by clause
    "sentence": (one_sentence, ".txt", "html,json"),
    # ~140,000 characters of four-word paragraphs over a twenty-word vocabulary
    "repetitive-edge": (repetitive, ".txt", "json"),
}


def main(names: list[str]) -> int:
    """Run the cases; exit 1 if a step is over a bound without a clear refusal."""
    failed = False
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    print("case            step    input     wall        CPU          peak      result")
    for name in names or list(CASES):
        make, suffix, formats = CASES[name]
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            pages = []
            for year in (2024, 2025):
                page = root / f"{name}-{year}{suffix}"
                page.write_bytes(make(year))
                pages.append(page)
            size = pages[0].stat().st_size
            steps = [("ingest", ["--corpus", str(root / "c"), "ingest", *map(str, pages)]),
                     ("compare", ["--corpus", str(root / "c"), "compare", "崂山", "2024", "2025",
                                  "--format", formats, "-o", str(root / "out")])]
            for step, args in steps:
                seconds, cpu, peak, code, message = run(args, env)
                refused = code != 0 and bool(message)
                # CPU time is the bound: on a shared machine wall time also counts other people's work
                ok = refused or (code == 0 and cpu <= MAX_SECONDS and peak <= MAX_RSS_MB)
                failed |= not ok
                verdict = "refused" if refused else ("ok" if ok else "OVER BOUND")
                print(f"{name:15} {step:7} {size / 2**20:5.1f} MB in  {seconds:6.2f} s wall  {cpu:6.2f} s CPU"
                      f"  {peak:5.0f} MB peak  exit {code}  {verdict}" + (f": {message}" if message else ""))
                if code != 0:
                    break
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
