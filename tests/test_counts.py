"""The record's counts of each change (`Comparison.counts`) are the engine's, not its listing caps, and
every view says how many were found and how many are listed (review4 item 6)."""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from tests.corpus_reports import chengyang_2022, chengyang_2025
from tests.engine_patch import set_in_classify
from yoy import jsonio, pipeline, render, terminal, vocab
from yoy.lexicon import Lexicon
from yoy.models import Change, ChangeCount, Comparison

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "comparison.schema.json"
# Caps far under what a district pair yields (hundreds of new and dropped phrases, dozens of common
# words): the count must then exceed what is listed.
SMALL_CAP, SMALL_COMMON, SMALL_CONTINUED = 7, 2, 1
NO_CAP = 10**9


def _compare(cap: int, common: int, continued: int) -> Comparison:
    with pytest.MonkeyPatch.context() as mp:
        for name in ("MAX_NEW", "MAX_DROPPED"):
            set_in_classify(mp, name, cap)
        set_in_classify(mp, "MAX_COMMON", common)
        set_in_classify(mp, "MAX_CONTINUED", continued)
        old, new = chengyang_2022(), chengyang_2025()
        return pipeline.compare(old, new, (old, new), lexicon=Lexicon())


@pytest.fixture(scope="module")
def capped() -> Comparison:
    return _compare(SMALL_CAP, SMALL_COMMON, SMALL_CONTINUED)


@pytest.fixture(scope="module")
def uncapped() -> Comparison:
    return _compare(NO_CAP, NO_CAP, NO_CAP)


def _by_change(c: Comparison) -> dict[str, ChangeCount]:
    return {k.change: k for k in c.counts}


def test_one_count_per_change_in_order(capped: Comparison) -> None:
    assert [k.change for k in capped.counts] == list(Change)


def test_counts_are_the_candidates_before_the_cap(capped: Comparison, uncapped: Comparison) -> None:
    small, whole = _by_change(capped), _by_change(uncapped)
    listed = Counter(p.change for p in uncapped.priorities)
    for ch in Change:
        # without a cap everything found is listed: the count is the length of the candidate list
        assert whole[ch].listed == whole[ch].found
        assert whole[ch].common_listed == whole[ch].common
        assert listed[ch] == whole[ch].found + whole[ch].common
        # a cap changes what is listed, never what was found
        assert (small[ch].found, small[ch].common) == (whole[ch].found, whole[ch].common)
    for ch in (Change.NEW, Change.DROPPED):
        assert small[ch].found > SMALL_CAP and small[ch].listed == SMALL_CAP
        assert small[ch].common > SMALL_COMMON and small[ch].common_listed == SMALL_COMMON
    assert small[Change.CONTINUED].found > SMALL_CONTINUED == small[Change.CONTINUED].listed


def test_listed_is_what_the_record_holds(capped: Comparison) -> None:
    listed = Counter(p.change for p in capped.priorities)
    for k in capped.counts:
        assert k.listed + k.common_listed == listed[k.change]
        assert k.found >= k.listed and k.common >= k.common_listed


def test_the_record_with_counts_validates(capped: Comparison) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = json.loads(jsonio.dump(capped))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert jsonio.load(jsonio.dump(capped)).counts == capped.counts
    del data["counts"][0]["found"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_a_record_without_counts_still_loads(capped: Comparison) -> None:
    data = json.loads(jsonio.dump(capped))
    del data["counts"]  # as written before the field was added
    assert jsonio.load(json.dumps(data, ensure_ascii=False)) == replace(capped, counts=())


def _expected(k: ChangeCount) -> str:
    return vocab.change_count(k.found, k.listed, k.common, k.common_listed)


def test_briefs_state_the_found_and_the_listed(capped: Comparison) -> None:
    md = render.render_markdown(capped)
    html = render.render_html(capped)
    for k in capped.counts:
        if not k.listed + k.common_listed:
            continue
        text = _expected(k)
        assert f"{k.found} 项" in text and f"列出前 {k.listed} 项" in text
        label = Change(k.change).label
        assert f"### {label} {text}" in md  # the group heading
        assert f"{label} {text}" in md.split("## 最重要的变化")[0]  # the summary
        assert text in html
    # the cap alone is no longer shown as the count
    new = _by_change(capped)[Change.NEW]
    assert f"新提出（{new.listed + new.common_listed}）" not in md


def test_uncapped_counts_say_no_cut(uncapped: Comparison) -> None:
    md = render.render_markdown(uncapped)
    for k in uncapped.counts:
        if k.listed:
            assert f"{Change(k.change).label} {k.found} 项" in md
    assert "列出前" not in md


def test_a_record_without_counts_says_what_it_lists(capped: Comparison) -> None:
    old = replace(capped, counts=())
    md = render.render_markdown(old)
    listed = Counter(p.change for p in old.priorities)
    for ch, n in listed.items():
        assert f"### {Change(ch).label} 列出 {n} 项" in md


def test_terminal_summary_states_the_counts(capped: Comparison) -> None:
    out = io.StringIO()
    terminal.print_summary(capped, Console(file=out, width=200))
    text = out.getvalue()
    for k in capped.counts:
        if k.listed:
            assert f"{Change(k.change).label} {_expected(k)}" in text


@pytest.mark.parametrize(("found", "listed", "common", "shown"), [
    (40, 40, 0, 0), (41, 9, 0, 0), (41, 9, 5, 5), (41, 41, 6, 2), (0, 0, 3, 3)])
def test_change_count_wording(found: int, listed: int, common: int, shown: int) -> None:
    text = vocab.change_count(found, listed, common, shown)
    assert text.startswith(f"{found} 项")
    assert ("列出前" in text) is (listed < found)
    assert (f"另有常用词 {common} 项" in text) is bool(common)
    assert (f"列出 {shown} 项" in text) is (shown < common)
