"""Timing shared by the benchmark scripts."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Mapping


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls of `fn`, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def installed_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """`base` (default: this process's environment) for timing yoy as fresh processes the way an
    installed yoy runs them, from compiled bytecode: without PYTHONDONTWRITEBYTECODE, which some
    sandboxes and CI set and which makes every process compile yoy's sources again (≈ 0.2 s of CPU of
    a `yoy compare`; pip compiles a wheel's bytecode when it installs it)."""
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
