"""Score align/classify against the hand-labelled gold pair 城阳区 2022 → 2025 (see shared/gold/README.md)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.corpus_reports import gold_pair, segment
from yoy import align, classify, terms
from yoy.models import Comparison
from yoy.pipeline import shipped_indicators
from yoy.terms import strip_quotes
from yoy.text import fold

GOLD = Path(__file__).parents[2] / "shared" / "gold"
GOLD_FILE = GOLD / "chengyang_2022_2025.json"
# Scores reached with the lexicon off (the engine's default; pinned: never lower these). The
# formulation engine (issue 9) finds these from the texts alone: the lexicon that used to list the
# gold's answers is gone (new recall was 1.0 by listing, 0.63 without the list; now 0.875 found).
ALIGN_F1 = 1.0
NEW_RECALL = 0.875
DROPPED_RECALL = 1.0

pytestmark = pytest.mark.skipif(not GOLD_FILE.exists(), reason=f"gold data absent: {GOLD_FILE}")


def _norm(s: str) -> str:
    s = "".join(unicodedata.normalize("NFKC", s).split())
    return s.rstrip("。，,；;：:")


def _key(s: str) -> str:
    return strip_quotes(fold(s))


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    old, new = gold_pair()
    do, dn = terms.doc(old, segment(old)), terms.doc(new, segment(new))
    return classify.classify(do, dn, align.align(do, dn), indicators=shipped_indicators())


def test_section_alignment_f1(gold: dict[str, Any], comparison: Comparison) -> None:
    best: dict[str, tuple[float, str | None]] = {}
    for p in comparison.sections:
        if p.level != "section" or p.old_title is None:
            continue
        key = _norm(p.old_title)
        cur = best.get(key, (-1.0, None))
        cand = (p.score, _norm(p.new_title) if p.new_title else None)
        if cur[1] is None or (cand[1] is not None and cand[0] > cur[0]):
            best[key] = cand
    tp = fp = fn = 0
    for row in gold["section_alignment"]["old_to_new"]:
        ok = {_norm(t) for t in [row["best"], *row["also"]] if t}
        predicted = best.get(_norm(row["old"]), (0.0, None))[1]
        assert _norm(row["old"]) in best, f"old plan section not in the section map: {row['old']}"
        if predicted is None:
            fn += bool(ok)
        elif predicted in ok:
            tp += 1
        else:
            fp += 1
            fn += bool(ok)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\nsection alignment: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= ALIGN_F1


@pytest.mark.xfail(strict=True, reason="the gold's rewording shares no slot, head or wording in the 2025 "
                   "digest: found only with a lexicon entry, which is gold; open in issue 9")
def test_reworded_pairs(gold: dict[str, Any], comparison: Comparison) -> None:
    for row in gold["priorities"]["reworded"]:
        hits = [p for p in comparison.priorities if p.change == "reworded"
                and p.old_term and _key(p.old_term) == _key(row["old"]) and _key(p.term) == _key(row["new"])]
        assert len(hits) == 1, f"{row['old']} → {row['new']} not reported as one reworded priority"
        assert hits[0].evidence, "a reworded priority carries evidence"


def _found(term: str, comparison: Comparison, change: str) -> bool:
    """A priority of that change has the term (or contains it / is inside it); a reworded priority
    counts for its new term (as new) and its old term (as dropped): it says both, as one change."""
    t = _key(term)
    for p in comparison.priorities:
        if p.change == change:
            names = [p.term]
        elif p.change == "reworded":
            names = [p.term] if change == "new" else [p.old_term or ""]
        else:
            continue
        if any(n and (t in _key(n) or _key(n) in t) for n in names):
            return True
    return False


def test_new_and_dropped_recall(gold: dict[str, Any], comparison: Comparison) -> None:
    for change, pinned in (("new", NEW_RECALL), ("dropped", DROPPED_RECALL)):
        terms = gold["priorities"][change]
        missing = [t for t in terms if not _found(t, comparison, change)]
        recall = 1 - len(missing) / len(terms)
        print(f"\n{change} recall: {recall:.3f} (missing: {missing})")
        assert recall >= pinned


def test_continued_not_new_or_dropped(gold: dict[str, Any], comparison: Comparison) -> None:
    for term in gold["priorities"]["continued"]:
        t = _key(term)
        wrong = [p for p in comparison.priorities if p.change in ("new", "dropped") and _key(p.term) == t]
        assert not wrong, f"continued term {term} reported as {wrong[0].change}"


def test_dropped_carry_digest_note(comparison: Comparison) -> None:
    dropped = [p for p in comparison.priorities if p.change == "dropped"]
    assert dropped and all(p.note and "摘要省略" in p.note for p in dropped)
    assert any("新闻摘要" in c for c in comparison.caveats)


def _value(s: str) -> str:
    s = s.replace("(no figure)", "").strip()
    return _norm(s).removeprefix("增长")


def test_targets(gold: dict[str, Any], comparison: Comparison) -> None:
    by_indicator = {t.indicator: t for t in comparison.targets}
    right = 0
    for row in gold["targets"]:
        t = by_indicator.get(row["indicator"])
        assert t is not None, f"no target line for {row['indicator']}: {sorted(by_indicator)}"
        assert t.old is not None and t.new is not None
        assert _value(t.old.value) == _value(row["old"]), (row, t.old.value)
        assert _value(t.new.value) == _value(row["new"]), (row, t.new.value)
        if "no figure" in row["new"]:
            assert t.new.number is None
        right += 1
    print(f"\ntargets right: {right}/{len(gold['targets'])}")
