"""The derived SQLite index: built from the Markdown files, rebuilt when they change, fast look-ups."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.gold_outlines import GOLD_DIR, NATIONAL_GOLD, load_gold, load_national_gold
from yoy import index as index_mod
from yoy.corpus import Corpus
from yoy.errors import CorpusError, NotFoundError
from yoy.index import Index, cache_dir, index_path

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "yoy" / "corpus"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A corpus of the six seed reports plus two national years."""
    root = tmp_path / "corpus"
    for region in ("城阳区", "崂山区", "即墨区", "市南区", "青岛市"):
        shutil.copytree(COMMITTED / region, root / region)
    (root / "全国").mkdir()
    for year in (2008, 2009):
        shutil.copy(COMMITTED / "全国" / f"{year}.md", root / "全国" / f"{year}.md")
    return root


def count_deep(monkeypatch: pytest.MonkeyPatch, name: str = "part_count") -> list[Path]:
    """Files whose deep stat `name` (part_count or term_stats) is computed from now on."""
    calls: list[Path] = []
    real = getattr(index_mod, name)

    def spy(path: Path) -> object:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(index_mod, name, spy)
    return calls


def test_index_lives_in_the_cache_dir(small: Path, index_cache_dir: Path) -> None:
    corpus = Corpus(small)
    assert corpus.index.path == index_path((small,))
    assert corpus.index.path.parent == cache_dir() == index_cache_dir
    assert [(m.region, m.year) for m in corpus.list()] == [(m.region, m.year) for m in
                                                             (r.meta for r in corpus.reports())]
    assert corpus.index.path.is_file()


def test_entries_match_the_files(small: Path) -> None:
    corpus = Corpus(small)
    entries = corpus.entries(parts=True)
    reports = corpus.reports()
    assert [e.meta for e in entries] == [r.meta for r in reports]
    assert [e.chars for e in entries] == [len(r.text) for r in reports]


@pytest.mark.skipif(not NATIONAL_GOLD.exists(), reason=f"no gold at {GOLD_DIR}")
def test_part_counts_are_the_gold_parts(small: Path) -> None:
    # the hand-made gold outlines say how many parts each report has; a digest's unnumbered part
    # follows the introduction block of its lead paragraphs (tests/test_outline_digest.py), counted too
    gold = {(g["region"], g["year"]): g["parts"] for g in (*load_gold(), *load_national_gold())}
    entries = Corpus(small).entries(parts=True)
    assert len(entries) == 8
    for e in entries:
        parts = gold[(e.meta.region, e.meta.year)]
        intro = e.meta.kind == "summary" and all(p["n"] is None for p in parts)
        assert e.parts == len(parts) + intro, (e.meta.region, e.meta.year)


def test_hand_edit_rebuilds_the_row(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Corpus(small).entries(parts=True)
    calls = count_deep(monkeypatch)
    path = small / "崂山区" / "2019.md"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("speaker: 赵燕", "speaker: 赵燕(区长)") + "\n一、新增的一部分\n\n新的段落。\n"
    path.write_text(edited, encoding="utf-8")
    entry = Corpus(small).entry("崂山", 2019)
    assert entry.meta.speaker == "赵燕(区长)"
    assert entry.parts is None  # deep stats wait until asked for
    entries = Corpus(small).entries(parts=True)
    assert calls == [path]  # only the edited file is segmented again
    laoshan = next(e for e in entries if e.meta.region == "崂山区")
    assert laoshan.chars == len(Corpus(small).load("崂山", 2019).text)


def test_touch_without_change_keeps_deep_stats(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Corpus(small).entries(parts=True)
    calls = count_deep(monkeypatch)
    path = small / "城阳区" / "2022.md"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000_000))
    assert Corpus(small).entries(parts=True)
    assert calls == []


def test_removed_and_added_files(small: Path) -> None:
    assert Corpus(small).years("全国") == (2008, 2009)
    (small / "全国" / "2008.md").unlink()
    shutil.copy(COMMITTED / "全国" / "2010.md", small / "全国" / "2010.md")
    corpus = Corpus(small)
    assert [m.year for m in corpus.list() if m.region == "全国"] == [2009, 2010]
    with pytest.raises(NotFoundError, match="it has 2009, 2010"):
        corpus.entry("全国", 2008)


def test_broken_file_is_a_corpus_error(small: Path) -> None:
    Corpus(small).list()
    path = small / "崂山区" / "2019.md"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: full", "kind: whole"), encoding="utf-8")
    with pytest.raises(CorpusError, match="bad front matter"):
        Corpus(small).list()


def test_new_yoy_version_recomputes_deep_stats(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Corpus(small).entries(parts=True)
    calls = count_deep(monkeypatch)
    monkeypatch.setattr(index_mod, "__version__", "999")
    assert all(e.parts is not None for e in Corpus(small).entries(parts=True))
    assert len(calls) == 8


def test_unwritable_cache_falls_back_to_memory(small: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("YOY_CACHE_DIR", str(blocker / "yoy"))
    corpus = Corpus(small)
    assert len(corpus.list()) == 8
    assert corpus.index.db.execute("PRAGMA database_list").fetchone()[2] == ""  # in memory
    assert not (blocker / "yoy").exists()


def test_corrupt_index_file_is_replaced(small: Path) -> None:
    path = index_path((small,))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not sqlite" * 100)
    assert len(Corpus(small).list()) == 8
    import sqlite3

    with sqlite3.connect(path) as db:  # rebuilt on disk, not kept in memory
        assert db.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 8


def test_term_counts_index_and_exact(small: Path) -> None:
    corpus = Corpus(small)
    indexed = corpus.term_counts("科技")
    exact = corpus.term_counts("科技", exact=True)
    assert indexed and {(c.region, c.year) for c in indexed} <= {(c.region, c.year) for c in exact}
    by_key = {(c.region, c.year): c.count for c in exact}
    assert all(by_key[(c.region, c.year)] == c.count for c in indexed)  # same counts where indexed
    only = corpus.term_counts("科技", "全国")
    assert only and {c.region for c in only} == {"全国"}
    assert corpus.term_counts("这个词不会出现在任何报告里") == ()


def test_term_history_is_exact_with_zeros(small: Path) -> None:
    # an invented term, written a known number of times into each year
    for year, added in ((2022, "星河港口建设。“星河港口”。新的星河港口。"), (2025, "推进星河港口。")):
        path = small / "城阳区" / f"{year}.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    history = Corpus(small).term_history("城阳", ("星河港口", "“星河港口”", "没有的词"))
    assert [(c.region, c.year, c.count) for c in history["星河港口"]] == [("城阳区", 2022, 3),
                                                                          ("城阳区", 2025, 1)]
    assert [c.count for c in history["“星河港口”"]] == [3, 1]  # the term's quotes are ignored
    assert [c.count for c in history["没有的词"]] == [0, 0]


def test_index_of_two_processes_agree(small: Path) -> None:
    a, b = Index(index_path((small,))), Index(index_path((small,)))
    corpus = Corpus(small)
    from yoy.corpus import read_file

    a.refresh(corpus._files, read_file)
    b.refresh(corpus._files, read_file)
    assert a.entries() == b.entries()
    a.close()
    b.close()


def test_one_broken_year_leaves_the_others_readable(small: Path) -> None:
    path = small / "全国" / "2008.md"
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2008", "year: 20x8"), encoding="utf-8")
    corpus = Corpus(small)
    assert corpus.entry("全国", 2009).meta.year == 2009
    with pytest.raises(CorpusError, match="bad front matter"):
        corpus.entry("全国", 2008)
    assert [p for p, _ in corpus.broken()] == [path]
    assert len(corpus.entries(strict=False)) == 7


def test_parallel_deep_stats_match_sequential(small: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    sequential = Corpus(small).entries(parts=True, jobs=1)
    sequential_counts = Corpus(small).term_counts("城阳")
    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(index_mod, "PARALLEL_MIN", 2)
    monkeypatch.setenv("YOY_CACHE_DIR", str(tmp_path / "other-cache"))
    corpus = Corpus(small)
    parallel = corpus.entries(parts=True, jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert parallel == sequential and seen[-1] == (8, 8)
    assert corpus.index.path is not None and "other-cache" in str(corpus.index.path)  # a separate index …
    assert corpus.term_counts("城阳") == sequential_counts and sequential_counts  # … with the same counts


def test_list_counts_parts_without_term_counts(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = count_deep(monkeypatch, "term_stats")
    corpus = Corpus(small)
    assert all(e.parts is not None for e in corpus.entries(parts=True))
    assert counted == []  # `yoy list` never segments words for term counts …
    exact = {(c.region, c.year): c.count for c in corpus.term_counts("科技", exact=True)}
    indexed = corpus.term_counts("科技")
    assert len(counted) == 8 and indexed  # … `yoy trend` computes them once, when first asked
    assert all(exact[(c.region, c.year)] == c.count for c in indexed)
    assert Corpus(small).term_known("科技") and len(counted) == 8
    path = small / "崂山区" / "2019.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n新的段落，科技。\n", encoding="utf-8")
    Corpus(small).entries(parts=True)
    assert len(counted) == 8  # an edited file: its parts again, its term counts only when asked
    assert Corpus(small).term_counts("科技") and counted[8:] == [path]


def test_substring_counts_are_str_count() -> None:
    import random

    rng = random.Random(3)
    for _ in range(5000):  # overlapping and self-overlapping terms (aa in aaa counts once, as str.count)
        text = "".join(rng.choice("aab") for _ in range(rng.randint(0, 20)))
        terms = {"".join(rng.choice("ab") for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(0, 4))}
        want = {t: n for t in terms if (n := text.count(t))}
        assert index_mod.substring_counts(terms, text) == want, (text, terms)


def test_term_stats_count_every_word_of_the_report(small: Path) -> None:
    from yoy.corpus import read_file
    from yoy.terms import content_words, quoted, tokens
    from yoy.text import fold

    for path in sorted(small.glob("*/*.md")):  # as the index counted before it used one automaton
        report = read_file(path)
        folded = fold(report.text)
        vocabulary = set(content_words(tokens(report.text).words)) | set(quoted(folded))
        want = tuple(sorted((t, n) for t in vocabulary if (n := folded.count(t))))
        assert index_mod.term_stats(path) == want


def test_engine_fingerprint_does_not_load_the_segmenter() -> None:
    """The fingerprint names the segmenter's files without importing it (which loads its dictionary):
    a command that reads stored figures never pays for jieba."""
    import subprocess
    import sys

    code = ("import sys; from yoy import index; index.engine_fingerprint(); "
            "print(sorted(m for m in ('rjieba', 'jieba') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip() == "[]"


def test_targets_read_the_figures_the_index_stores(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`yoy targets` works out each report's figures once; a second run reads them from the index and
    prints the same."""
    from click.testing import CliRunner

    from yoy import figures
    from yoy.cli import cli
    from yoy.models import Report, Side

    def run() -> str:
        args = ["--corpus", str(small), "targets", "全国", "--all", "--format", "json"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        return result.output

    first = run()
    calls: list[int] = []
    real = figures.report_figures

    def spy(report: Report, table: figures.Indicators, side: Side = Side.NEW) -> list[figures.Found]:
        calls.append(report.meta.year)
        return real(report, table, side)

    monkeypatch.setattr(figures, "report_figures", spy)
    assert run() == first
    assert calls == []


def test_engine_fingerprint_covers_the_sub_packages() -> None:
    """A change to a stage split into modules (yoy/classify/…) is a change of engine: its files are
    hashed with the top-level ones and the data tables."""
    package = Path(index_mod.__file__).resolve().parent
    names = {p.relative_to(package).as_posix() for p in index_mod.engine_sources(package)}
    assert {"index.py", "classify/weights.py", "classify/new.py", "data/indicators.tsv"} <= names
