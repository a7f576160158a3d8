"""Shared pytest fixtures. Each engineer adds theirs with a prefix (render_: briefs)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from yoy.corpus import Corpus
from yoy.models import Comparison

ROOT = Path(__file__).resolve().parents[1]


# --- render_: briefs (owner: render) --------------------------------------------------------------
# The briefs are rendered from the real engine's records on the embedded corpus, with no successions
# lexicon (what the engine finds from the texts alone): 城阳区 2022 → 2025 (a full report against a
# news digest) and 全国 2008 → 2009 (two full national reports with a long history).

RENDER_PAIRS = {"chengyang_2022_2025": ("城阳区", 2022, 2025), "national_2008_2009": ("全国", 2008, 2009)}


@cache
def render_record(name: str) -> Comparison:
    """The record of one of `RENDER_PAIRS`, as `yoy compare` builds it (`pipeline.compare_stored`)."""
    from tests.corpus_reports import CORPUS
    from yoy import pipeline
    from yoy.lexicon import Lexicon

    region, old, new = RENDER_PAIRS[name]
    return pipeline.compare_stored(CORPUS, CORPUS.load(region, old), CORPUS.load(region, new), Lexicon())


@pytest.fixture(scope="session")
def render_chengyang() -> Comparison:
    """城阳区 2022 → 2025: the real engine's record."""
    return render_record("chengyang_2022_2025")


@pytest.fixture(scope="session")
def render_national() -> Comparison:
    """全国 2008 → 2009: the real engine's record."""
    return render_record("national_2008_2009")


RENDER_SCRIPT = "<script>alert(1)</script>"
RENDER_ATTR = '"><img src=x onerror=alert(1)>'
RENDER_EVIL = RENDER_SCRIPT + RENDER_ATTR


def render_hostile(c: Comparison) -> Comparison:
    """`c` with hostile markup in every free-text field a brief shows (titles, paths, redlines, terms,
    evidence, target values, summaries, history, caveats)."""
    import dataclasses

    from yoy.models import DiffChunk, Op

    sections = tuple(dataclasses.replace(
        p, old_title=None if p.old_title is None else p.old_title + RENDER_EVIL,
        new_title=None if p.new_title is None else RENDER_EVIL + p.new_title,
        old_path=None if p.old_path is None else p.old_path + RENDER_ATTR,
        diff=(*p.diff, DiffChunk(Op.INSERT, RENDER_EVIL), DiffChunk(Op.EQUAL, "x" + RENDER_SCRIPT),
              DiffChunk(Op.DELETE, RENDER_ATTR))) for p in c.sections)
    priorities = tuple(dataclasses.replace(
        p, term=p.term + RENDER_EVIL, old_term=None if p.old_term is None else RENDER_EVIL,
        basis=RENDER_ATTR, note=RENDER_SCRIPT,
        evidence=tuple(dataclasses.replace(e, sentence=e.sentence + RENDER_EVIL, path=RENDER_ATTR)
                       for e in p.evidence)) for p in c.priorities)
    targets = tuple(dataclasses.replace(
        t, indicator=t.indicator + RENDER_EVIL,
        new=None if t.new is None else dataclasses.replace(t.new, value=RENDER_EVIL)) for t in c.targets)
    ranked = tuple(dataclasses.replace(r, summary=r.summary + RENDER_EVIL, reason=RENDER_ATTR)
                   for r in c.ranked)
    history = tuple(dataclasses.replace(s, term=s.term + RENDER_EVIL) for s in c.history)
    return dataclasses.replace(
        c, old=dataclasses.replace(c.old, region=c.old.region + RENDER_EVIL, title=RENDER_EVIL),
        new=dataclasses.replace(c.new, region=c.new.region + RENDER_EVIL, title=RENDER_SCRIPT,
                                caveat=RENDER_ATTR),
        sections=sections, priorities=priorities, targets=targets, ranked=ranked, history=history,
        caveats=(RENDER_EVIL,))


@pytest.fixture(scope="session")
def render_injected(render_chengyang: Comparison) -> Comparison:
    """The 城阳区 record with hostile markup in every free-text field."""
    return render_hostile(render_chengyang)


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


@pytest.fixture
def index_pair_corpus(tmp_path: Path) -> Corpus:
    """A copy of one seed region (two reports): a small same-region pair with a history, in a corpus
    of its own (its own derived index)."""
    root = tmp_path / "corpus"
    shutil.copytree(Path(__file__).resolve().parents[1] / "yoy" / "corpus" / "城阳区", root / "城阳区")
    return Corpus(root)

