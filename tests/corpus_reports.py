"""Reports for the engine's tests: the embedded corpus that `yoy ingest` built from the seed pages."""

from __future__ import annotations

from pathlib import Path

from yoy.corpus import Corpus
from yoy.models import Report
from yoy.outline import segment

__all__ = ["chengyang_2022", "chengyang_2025", "gold_pair", "jimo_2019", "laoshan_2019", "segment"]

CORPUS = Corpus(Path(__file__).resolve().parents[1] / "yoy" / "corpus")


def chengyang_2022() -> Report:
    return CORPUS.load("城阳区", 2022)


def chengyang_2025() -> Report:
    return CORPUS.load("城阳区", 2025)


def jimo_2019() -> Report:
    return CORPUS.load("即墨区", 2019)


def laoshan_2019() -> Report:
    return CORPUS.load("崂山区", 2019)


def gold_pair() -> tuple[Report, Report]:
    """城阳区 2022 → 2025, the gold's year-over-year pair."""
    return chengyang_2022(), chengyang_2025()


def index_pair(corpus: Corpus) -> tuple[Report, Report]:
    """The first and the last report of the `index_pair_corpus` fixture (one seed region's copy)."""
    years = corpus.years("城阳区")
    return corpus.load("城阳区", years[0]), corpus.load("城阳区", years[-1])
