"""Shared pytest fixtures. Each engineer adds theirs with a prefix (render_: briefs)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from yoy.models import Comparison

ROOT = Path(__file__).resolve().parents[1]


# --- render_: briefs (owner: render) --------------------------------------------------------------


@cache
def render_real_chengyang() -> Comparison:
    """城阳区 2022 → 2025 from the embedded corpus and the real engine."""
    from yoy import pipeline
    from yoy.corpus import Corpus

    corpus = Corpus(ROOT / "yoy" / "corpus")
    old, new = corpus.load("城阳", 2022), corpus.load("城阳", 2025)
    return pipeline.compare(old, new, corpus.history("城阳"))


@pytest.fixture(scope="session")
def render_sample() -> Comparison:
    """The hand-built 城阳区 2022 → 2025 record (stable: goldens are made from it)."""
    from tests.render_sample import chengyang_2022_2025

    return chengyang_2022_2025()


@pytest.fixture(scope="session")
def render_chengyang() -> Comparison:
    """城阳区 2022 → 2025: the real engine's record."""
    return render_real_chengyang()


@pytest.fixture(scope="session")
def render_output_dir() -> Path:
    """The repo's output/ directory, where screenshots and page images are kept for people to look at."""
    out = ROOT / "output"
    out.mkdir(exist_ok=True)
    return out


# --- index_: the derived corpus index (owner: cli/corpus/batch) ------------------------------------


@pytest.fixture(scope="session", autouse=True)
def index_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test's corpus index lives in one temporary cache directory, never in ~/.cache."""
    import os

    path = tmp_path_factory.mktemp("yoy-cache")
    os.environ["YOY_CACHE_DIR"] = str(path)
    return path


# --- chromium: the browser tests' one browser -------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"  # Debian's package: Playwright's own browser download fails here
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's chromium driven by Playwright, launched once; skips when either is missing."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
