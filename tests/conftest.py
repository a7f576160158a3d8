"""Shared pytest fixtures. Each engineer adds theirs with a prefix (render_: briefs)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from yoy.models import Comparison

ROOT = Path(__file__).resolve().parents[1]


# --- render_: briefs (owner: render) --------------------------------------------------------------


@cache
def render_real_chengyang() -> Comparison | None:
    """城阳区 2022 → 2025 from the real corpus and engine, or None while the engine is a placeholder."""
    from yoy import pipeline
    from yoy.corpus import Corpus

    try:
        corpus = Corpus(ROOT / "fixtures" / "corpus")
        old, new = corpus.load("城阳", 2022), corpus.load("城阳", 2025)
        return pipeline.compare(old, new, corpus.history("城阳"))
    except NotImplementedError:
        return None


@pytest.fixture(scope="session")
def render_sample() -> Comparison:
    """The hand-built 城阳区 2022 → 2025 record (stable: goldens are made from it)."""
    from tests.render_sample import chengyang_2022_2025

    return chengyang_2022_2025()


@pytest.fixture(scope="session")
def render_chengyang(render_sample: Comparison) -> Comparison:
    """城阳区 2022 → 2025: the real engine's record once it lands, the hand-built one until then."""
    return render_real_chengyang() or render_sample


@pytest.fixture(scope="session")
def render_output_dir() -> Path:
    """The repo's output/ directory, where screenshots and page images are kept for people to look at."""
    out = ROOT / "output"
    out.mkdir(exist_ok=True)
    return out


@pytest.fixture
def render_engine(monkeypatch: pytest.MonkeyPatch, render_sample: Comparison) -> bool:
    """Make `yoy compare` work end to end: True with the real engine; else `pipeline.compare` is stubbed
    to return the hand-built record, relabelled with the regions and years actually loaded."""
    import dataclasses

    from yoy import pipeline
    from yoy.models import Report

    if render_real_chengyang() is not None:
        return True

    def fake_compare(old: Report, new: Report, history: object = ()) -> Comparison:
        return dataclasses.replace(
            render_sample,
            old=dataclasses.replace(render_sample.old, region=old.meta.region, year=old.meta.year),
            new=dataclasses.replace(render_sample.new, region=new.meta.region, year=new.meta.year),
        )

    monkeypatch.setattr(pipeline, "compare", fake_compare)
    return False
