"""The wheel alone carries what yoy needs at run time: built from this checkout, installed into an
empty directory and run from outside the checkout, `yoy compare` finds its embedded corpus, data
files and templates and writes the briefs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_runs_outside_the_checkout(tmp_path: Path) -> None:
    wheels, site, out, cwd = (tmp_path / d for d in ("wheels", "site", "out", "elsewhere"))
    cwd.mkdir()
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)], check=True, cwd=cwd)
    (wheel,) = wheels.glob("yoy-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True, cwd=cwd)
    # yoy from the wheel only (PYTHONPATH first), its dependencies from the running venv; no user corpus,
    # a private cache, so nothing of the checkout or the user's home can stand in for the wheel.
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "YOY_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("YOY_CORPUS", None)
    where = subprocess.run([sys.executable, "-c", "import yoy; print(yoy.__file__)"], env=env, cwd=cwd,
                           check=True, capture_output=True, text=True).stdout.strip()
    assert Path(where).is_relative_to(site)
    done = subprocess.run([sys.executable, "-m", "yoy", "compare", "城阳", "2022", "2025",
                           "--format", "html,md,json", "--output-dir", str(out)],
                          env=env, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    briefs = sorted(p.suffix for p in out.iterdir() if p.stat().st_size > 0)
    assert {".html", ".md", ".json"} <= set(briefs), briefs
