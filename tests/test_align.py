"""Alignment: assignment, word-sized redline, moves/splits/merges, roles."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.corpus_reports import chengyang_2022, chengyang_2025, jimo_2019, laoshan_2019, segment
from yoy import align, outline, terms, vocab
from yoy.models import Block, BlockLevel, DiffChunk, Kind, Level, Relation, Report, ReportMeta, Role, Span
from yoy.text import fold, words


def _brute(m: list[list[float]]) -> float:
    n, k = len(m), len(m[0])
    best = 0.0
    if n <= k:
        for cols in itertools.permutations(range(k), n):
            best = max(best, sum(m[i][c] for i, c in enumerate(cols)))
    else:
        for rows in itertools.permutations(range(n), k):
            best = max(best, sum(m[r][j] for j, r in enumerate(rows)))
    return best


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.integers(1, 5).flatmap(
    lambda k: st.lists(st.lists(st.floats(0, 1), min_size=k, max_size=k), min_size=n, max_size=n))))
def test_assignment_is_optimal(m: list[list[float]]) -> None:
    pairs = align.assign(m)
    assert len(pairs) == min(len(m), len(m[0]))
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert abs(sum(m[i][j] for i, j in pairs) - _brute(m)) < 1e-9


def test_assignment_beats_greedy() -> None:
    # greedy first match takes (0, 0) = 0.9 and leaves 0.1; the global optimum is 0.8 + 0.8
    assert align.assign([[0.9, 0.8], [0.8, 0.1]]) == [(0, 1), (1, 0)]


def test_word_regions_expand_to_whole_words() -> None:
    a, b = "鼓励通用飞行发展", "鼓励无人机飞行发展"
    regions = align.word_regions(a, b, [0, 2, 6, 8], [0, 2, 5, 7, 9])
    assert [(a[i1:i2], b[j1:j2]) for i1, i2, j1, j2 in regions] == [("通用飞行", "无人机飞行")]


_CLAUSE_PIECES = st.sampled_from(["推进", "改革", "农村", "科技", "，", "；", "。", "、", "发展"])
_CLAUSE_TEXTS = st.lists(_CLAUSE_PIECES, max_size=150).map("".join)


def _replayed(ops: list[tuple[str, int, int, int, int]], fa: str, fb: str) -> str:
    """`fb` rebuilt from `fa` and opcodes that tile both texts in order (equal runs equal)."""
    out, pa, pb = [], 0, 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (pa, pb)
        assert tag != "equal" or fa[i1:i2] == fb[j1:j2]
        out.append(fa[i1:i2] if tag == "equal" else fb[j1:j2])
        pa, pb = i2, j2
    assert (pa, pb) == (len(fa), len(fb))
    return "".join(out)


@settings(max_examples=80, deadline=None)
@given(_CLAUSE_TEXTS, _CLAUSE_TEXTS)
def test_clause_opcodes_tile_both_texts(fa: str, fb: str) -> None:
    assert _replayed(align._clause_opcodes(fa, fb), fa, fb) == fb


def test_a_long_sentence_is_diffed_by_its_clauses() -> None:
    """Past DIFF_CELLS_MAX character pairs the diff goes clause by clause and still marks the one
    changed word only (difflib over 3,000 × 3,000 characters is what it avoids)."""
    clauses = [f"第{n}项工作要抓紧推进" for n in range(300)]  # invented, ≈ 3,600 characters
    fa = "，".join(clauses) + "。"
    fb = fa.replace("第150项工作要抓紧", "第150项工作要加快")
    assert len(fa) * len(fb) > align.DIFF_CELLS_MAX
    bounds = [0, *itertools.accumulate(len(w) for w in words(fa))]
    bounds_b = [0, *itertools.accumulate(len(w) for w in words(fb))]
    regions = align.word_regions(fa, fb, bounds, bounds_b)
    assert [(fa[i1:i2], fb[j1:j2]) for i1, i2, j1, j2 in regions] == [("抓紧", "加快")]


def test_section_paths_use_the_numbers_as_written() -> None:
    report = chengyang_2022()
    labels = outline.paths(segment(report))
    assert "三(一)" in labels.values() and "三(七)" in labels.values()


def _check_redline(old_text: str, new_text: str, diff: tuple[DiffChunk, ...]) -> None:
    new = "".join(c.text for c in diff if c.op != "delete")
    old = "".join(c.text for c in diff if c.op != "insert")
    assert new == new_text
    assert fold(old) == fold(old_text)
    assert all(c.text for c in diff)
    assert all(a.op != b.op for a, b in itertools.pairwise(diff))


def test_redline_rebuilds_both_texts() -> None:
    for old, new in ((chengyang_2022(), chengyang_2025()), (jimo_2019(), laoshan_2019())):
        oo, on = segment(old), segment(new)
        for p in align.align(terms.doc(old, oo), terms.doc(new, on)).pairs:
            if p.old_text is not None and p.new_text is not None:
                _check_redline(p.old_text, p.new_text, p.diff)


def test_one_word_edit_is_a_word_sized_chunk() -> None:
    old = chengyang_2022()
    from dataclasses import replace

    from yoy.models import Report
    oo = segment(old)
    # the edit point comes from the engine, not from the report written out: the first word of four
    # or more Han characters, said once, in a unit the self-alignment pairs (front matter is in none)
    units = [p.old_text for p in align.align(terms.doc(old, oo), terms.doc(old, oo)).pairs if p.old_text]
    word = next(w for u in units for w in words(u)
                if len(w) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", w) and old.text.count(w) == 1)
    head = "高端" if word[:2] != "高端" else "新型"
    edited_word = head + word[2:]
    text = old.text.replace(word, edited_word, 1)
    new = Report(meta=replace(old.meta, year=2023), text=text)
    on = segment(new)
    pairs = align.align(terms.doc(old, oo), terms.doc(new, on)).pairs
    edited = [(c.op, c.text) for p in pairs for c in p.diff if c.op != "equal"]
    assert edited == [("delete", word), ("insert", edited_word)] or \
        edited == [("delete", word[:2]), ("insert", head)]


def test_roles_do_not_cross_and_gold_shape() -> None:
    old, new = chengyang_2022(), chengyang_2025()
    oo, on = segment(old), segment(new)
    roles_o = {b.id: b.role for p in oo.blocks for b in (p, *p.children)}
    roles_n = {b.id: b.role for p in on.blocks for b in (p, *p.children)}
    pairs = align.align(terms.doc(old, oo), terms.doc(new, on)).pairs
    for p in pairs:
        if p.old_id and p.new_id:
            a, b = roles_o[p.old_id], roles_n[p.new_id]
            assert a == b or "other" in (a, b)
            assert 0 < p.score <= 1
        else:
            assert p.relation in ("new", "dropped") and p.score == 0
    assert [p.id for p in pairs] == [f"a{k}" for k in range(1, len(pairs) + 1)]
    # several old plan sections share one digest section: merges are reported, each with its score
    assert any(p.relation == "merged" for p in pairs if p.level == "section")


def _block(bid: str, kids: int = 0) -> Block:
    span = Span(0, 1)
    children = tuple(_block(f"{bid}.s{k}") for k in range(1, kids + 1))
    level = BlockLevel.PART if kids else BlockLevel.SECTION
    return Block(bid, level, None, bid, span, span, Role.OTHER, children)


def _unit(block: Block, index: int, parent: str | None = None) -> align._Unit:
    return align._Unit(block, index, parent, block.id, block.span)


def test_a_part_whose_sections_mostly_align_is_not_dropped() -> None:
    """Invented outlines: old part p1 and new part q1 share no lead text (the part rows drop one and add
    the other), but two of p1's three sections align with sections of q1: p1 → q1 is one row."""
    p1, p2, q1, q2 = _block("p1", 3), _block("p2", 1), _block("q1", 3), _block("q2", 1)
    up1, up2, uq1, uq2 = _unit(p1, 0), _unit(p2, 1), _unit(q1, 0), _unit(q2, 1)
    parts = [align._Link(up1, None, Relation.DROPPED, 0.0), align._Link(None, uq1, Relation.NEW, 0.0),
             align._Link(up2, uq2, Relation.MATCHED, 0.5)]

    def sec(o: Block, n: Block, score: float) -> align._Link:
        return align._Link(_unit(o, 0, o.id.split(".")[0]), _unit(n, 0, n.id.split(".")[0]),
                           Relation.MATCHED, score)

    two = [sec(p1.children[0], q1.children[0], 0.4), sec(p1.children[1], q1.children[2], 0.2)]
    rows = {(ln.old.block.id if ln.old else None, ln.new.block.id if ln.new else None): ln
            for ln in align._by_children(parts, two)}
    assert set(rows) == {("p1", "q1"), ("p2", "q2")}
    assert rows[("p1", "q1")].relation == Relation.MATCHED and rows[("p1", "q1")].score == 0.3
    # one section of three is no majority: the part stays dropped, the other stays new
    assert align._by_children(parts, two[:1]) == parts


def test_a_merge_needs_a_heading_that_names_the_other_text() -> None:
    """Invented sections: the old 廉洁 section and the new 港口 section share only a closing passage
    that neither heading names, so the old section is no second counterpart of the new one; the old
    港口 section, whose heading the new text names, keeps it."""
    tail = ("巩固民族团结进步事业,铸牢共同体意识。支持国防和军队建设,做好双拥共建工作。"
            "深化侨务工作,凝聚侨心侨力。做好对口支援,推动协作交流。")
    old = _report(2024, f"一、今年工作安排\n(一)守牢廉洁底线\n严格落实自律规定。\n{tail}\n"
                        "(二)壮大港口物流\n拓展集装箱航线,完善冷链仓储设施。\n")
    new = _report(2025, f"一、今年工作安排\n(一)做强港口物流\n拓展集装箱航线,提升冷链仓储水平。\n{tail}\n")
    so, sn = (align._text(terms.doc(r, segment(r))) for r in (old, new))
    uo, un = align._units(so, "section"), align._units(sn, "section")
    assert [u.block.title for u in uo] == ["守牢廉洁底线", "壮大港口物流"]
    assert align._supported([(0, 0), (1, 0)], uo, un, so, sn) == [(1, 0)]
    # a one-to-one link is not judged by its headings
    assert align._supported([(0, 0)], uo, un, so, sn) == [(0, 0)]


def _report(year: int, text: str) -> Report:
    meta = ReportMeta("测试区", Level.DISTRICT, year, Kind.FULL, "", None, None, None, "case", "")
    return Report(meta, text)


def test_texts_with_no_headings_align_as_one_unit() -> None:
    """Two years told in running paragraphs (a news digest: invented) have no outline; they align as
    one unit each (正文), matched, with a redline that rebuilds both texts."""
    text = ("会议听取了星河县政府工作报告。\n报告指出，今年要深入推进“{}”改革，持续优化营商环境。\n"
            "报告强调，要加强政府自身建设。\n")
    old, new = _report(2030, text.format("一件事一次办")), _report(2031, text.format("高效办成一件事"))
    oo, on = segment(old), segment(new)
    assert not oo.blocks and not on.blocks
    pairs = align.align(terms.doc(old, oo), terms.doc(new, on)).pairs
    assert len(pairs) == 1 and pairs[0].relation is Relation.MATCHED
    p = pairs[0]
    assert p.old_title == p.new_title == vocab.WHOLE_TITLE and p.old_text and p.new_text
    assert any(c.op == "insert" and "高效办成" in c.text for c in p.diff)
    _check_redline(p.old_text, p.new_text, p.diff)
