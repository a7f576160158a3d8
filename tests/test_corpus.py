"""The corpus store: file format, idempotent and refused writes, atomicity, region lookup."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from yoy.corpus import Corpus, embedded_root, parse, render
from yoy.errors import CorpusError, NotFoundError
from yoy.ingest import ingest_files
from yoy.models import Report

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "fixtures" / "raw"
COMMITTED = REPO / "yoy" / "corpus"


@pytest.fixture(scope="module")
def reports() -> tuple[Report, ...]:
    return ingest_files(sorted(RAW.glob("*.txt"))).reports


@pytest.fixture
def filled(tmp_path: Path, reports: tuple[Report, ...]) -> Corpus:
    corpus = Corpus(tmp_path / "corpus")
    corpus.write(corpus.plan_all(reports))
    return Corpus(tmp_path / "corpus")


def ingest_snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_round_trip(reports: tuple[Report, ...]) -> None:
    for report in reports:
        assert parse(render(report), "x") == report


def test_rebuilt_corpus_matches_committed(tmp_path: Path, reports: tuple[Report, ...]) -> None:
    corpus = Corpus(tmp_path)
    corpus.write(corpus.plan_all(reports, replace=True))
    built = ingest_snapshot(tmp_path)
    assert len(built) == 20  # 6 seed reports + 14 national
    assert built == ingest_snapshot(COMMITTED), "run `make corpus` and commit yoy/corpus"


def test_layout_and_listing(filled: Corpus) -> None:
    metas = filled.list()
    assert [(m.region, m.year) for m in metas] == sorted((m.region, m.year) for m in metas)
    assert (filled.root / "崂山区" / "2019.md").is_file()  # type: ignore[operator]
    assert filled.years("城阳区") == (2022, 2025)


def test_readd_is_unchanged_and_byte_identical(filled: Corpus, reports: tuple[Report, ...]) -> None:
    assert filled.root is not None
    before = ingest_snapshot(filled.root)
    for report in reports:
        path, action = filled.add(report)
        assert action == "unchanged"
        assert path.is_file()
    assert ingest_snapshot(filled.root) == before


def test_different_text_refused_then_replaced(filled: Corpus, reports: tuple[Report, ...]) -> None:
    report = reports[0]
    path = filled.path_of(report.meta.region, report.meta.year)
    assert path is not None
    before = path.read_bytes()
    changed = dataclasses.replace(report, text=report.text + "\n新增一段。")
    with pytest.raises(CorpusError, match="--replace") as err:
        filled.add(changed)
    assert str(path) in err.value.message
    assert path.read_bytes() == before
    assert filled.add(changed, replace=True) == (path, "replaced")
    assert Corpus(filled.root).load(report.meta.region, report.meta.year).text.endswith("新增一段。")


def test_same_text_other_metadata_kept(filled: Corpus, reports: tuple[Report, ...]) -> None:
    report = reports[0]
    renamed = dataclasses.replace(report, meta=dataclasses.replace(report.meta, source="copy.txt"))
    path, action = filled.add(renamed)
    assert action == "unchanged"
    assert "source: " + report.meta.source in path.read_text(encoding="utf-8")


def test_two_inputs_same_key_different_text(tmp_path: Path, reports: tuple[Report, ...]) -> None:
    other = dataclasses.replace(reports[0], text=reports[0].text + "\n另一段。")
    with pytest.raises(CorpusError, match="two inputs"):
        Corpus(tmp_path).plan_all((reports[0], other))
    assert not any(tmp_path.iterdir())


def test_atomic_write_keeps_old_file(filled: Corpus, reports: tuple[Report, ...],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    report = reports[0]
    path = filled.path_of(report.meta.region, report.meta.year)
    assert path is not None and filled.root is not None
    before = ingest_snapshot(filled.root)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    changed = dataclasses.replace(report, text=report.text + "\n新增。")
    with pytest.raises(CorpusError, match="cannot write"):
        filled.add(changed, replace=True)
    assert ingest_snapshot(filled.root) == before  # no temp file left, old file intact


@pytest.mark.parametrize("query", ["崂山区", "崂山", "laoshan", "Laoshan", "LAOSHAN", "laoshanqu", "lao shan",
                                   "嶗山", "嶗山區", "青岛市崂山区", "崂山区 "])
def test_resolve_region_aliases(filled: Corpus, query: str) -> None:
    assert filled.resolve_region(query) == "崂山区"


@pytest.mark.parametrize(
    ("query", "suggestion"), [("laoshn", "崂山区"), ("劳山", "崂山区"), ("chengyan", "城阳区")]
)
def test_typo_suggests(filled: Corpus, query: str, suggestion: str) -> None:
    with pytest.raises(NotFoundError, match=f"did you mean {suggestion}"):
        filled.resolve_region(query)


def test_no_suggestion_by_sound_alone_for_an_unrelated_name(filled: Corpus) -> None:
    # 咖啡 shares no character with any region name, and its pinyin (kafei) is only loosely like some
    with pytest.raises(NotFoundError) as err:
        filled.resolve_region("咖啡")
    assert "did you mean" not in err.value.message


def test_missing_year_message(filled: Corpus) -> None:
    with pytest.raises(NotFoundError) as err:
        Corpus(filled.root).load("崂山", 2025)
    message = err.value.message
    assert message.startswith("no 2025 report for 崂山区 in the corpus (it has 2019); add one with: yoy ")
    assert "ingest PATH-TO-SAVED-PAGE" in message
    assert "\n" not in message


def test_missing_year_message_default_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with pytest.raises(NotFoundError) as err:
        Corpus().load("崂山", 2025)
    assert err.value.message == (
        "no 2025 report for 崂山区 in the corpus (it has 2019); add one with: yoy ingest PATH-TO-SAVED-PAGE"
    )


def test_load_and_history(filled: Corpus) -> None:
    assert filled.load("chengyang", 2022).meta.region == "城阳区"
    assert [r.meta.year for r in filled.history("城阳")] == [2022, 2025]
    assert filled.history("北京") == ()


def test_default_corpus_reads_embedded_and_writes_user(tmp_path: Path, reports: tuple[Report, ...],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert embedded_root() == COMMITTED
    corpus = Corpus()
    assert len(corpus.list()) == 20
    assert corpus.add(reports[0])[1] == "unchanged"  # identical to the embedded copy: nothing written
    assert not (tmp_path / "yoy").exists()
    changed = dataclasses.replace(reports[0], text=reports[0].text + "\n用户修改。")
    path, action = Corpus().add(changed, replace=True)
    assert action == "replaced" and path.is_relative_to(tmp_path / "yoy" / "corpus")
    assert Corpus().load(reports[0].meta.region, reports[0].meta.year).text.endswith("用户修改。")
    assert ingest_snapshot(COMMITTED)  # the embedded corpus is untouched
    assert len(Corpus().list()) == 20


@pytest.mark.parametrize(
    ("edit", "match"),
    [
        (lambda s: s.replace("kind: full", "kind: whole"), "bad front matter"),
        (lambda s: s.replace("year: 2019", "year: 20x9"), "bad front matter"),
        (lambda s: s.replace("speaker: 赵燕\n", ""), "lacks speaker"),
        (lambda s: s.replace("speaker: 赵燕\n", "speaker: 赵燕\nmood: happy\n"), "key one of"),
        (lambda s: s.replace("speaker: 赵燕\n", "speaker: 赵燕\nspeaker: 赵燕\n"), "twice"),
        (lambda s: s.replace("year: 2019", "year: 2018"), "must be"),
        (lambda s: s[4:], "front matter"),
    ],
)
def test_bad_corpus_files(filled: Corpus, edit: object, match: str) -> None:
    path = filled.root / "崂山区" / "2019.md"  # type: ignore[operator]
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(CorpusError, match=match):
        Corpus(filled.root).load("崂山区", 2019)


def test_hand_edit_survives(filled: Corpus) -> None:
    path = filled.root / "崂山区" / "2019.md"  # type: ignore[operator]
    text = path.read_text(encoding="utf-8").replace("speaker: 赵燕", "speaker: 赵燕(区长)")
    path.write_text(text.replace("\n\n", "\n"), encoding="utf-8")  # blank lines are optional
    report = Corpus(filled.root).load("崂山区", 2019)
    assert report.meta.speaker == "赵燕(区长)"
    assert report.text.count("\n") == 1


