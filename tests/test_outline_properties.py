"""Hostile input for the segmenter: it never raises, and sentences and paragraphs tile the text."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yoy.models import Block, Kind, Level, Report, ReportMeta, Span
from yoy.outline import _Paragraphs, segment
from yoy.text import chinese_numeral

# Text built from the pieces that drive the segmenter: numbering, punctuation, line breaks, CJK.
PIECES = st.sampled_from(
    [
        "一、",
        "二、",
        "三、",
        "(一)",
        "(二)",
        "（三）",
        "十二、",
        "。",
        ",",
        ";",
        "\n",
        " ",
        "\u3000",
        "各位代表",
        "2025年,",
        "新进展",
        "一季更比一季强",
        "加快发展。",
        "“",
        "”",
        "1.",
        "(2)",
        "某区将在",
        "上走在前、当标杆,",
        "發展",
        "\x00",
        "\ufeff",
        "😀",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=120).map("".join)
)


def tiles(spans: tuple[Span, ...], length: int) -> bool:
    if length == 0:
        return spans == ()
    return (
        spans[0].start == 0
        and spans[-1].end == length
        and all(a.end == b.start and a.end > a.start for a, b in itertools.pairwise(spans))
    )


def within(block_spans: list[Span], length: int) -> bool:
    return all(0 <= s.start <= s.end <= length for s in block_spans)


def spans_of(blocks: tuple[Block, ...], acc: list[Span]) -> list[Span]:
    for b in blocks:
        acc += [b.span, b.title_span]
        spans_of(b.children, acc)
    return acc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_segment_tiles_any_text(text: str) -> None:
    meta = ReportMeta("测试区", Level.DISTRICT, 2025, Kind.FULL, "", None, None, None, "x", "")
    outline = segment(Report(meta, text))
    assert tiles(outline.sentences, len(text))  # every character in exactly one sentence
    assert tiles(outline.paragraphs, len(text))
    assert within(spans_of(outline.blocks, []), len(text))
    assert all(text[b.title_span.start : b.title_span.end] == b.title for b in walk(outline.blocks))


def walk(blocks: tuple[Block, ...]) -> list[Block]:
    return [x for b in blocks for x in (b, *walk(b.children))]


@st.composite
def tiled_and_span(draw: st.DrawFn) -> tuple[tuple[Span, ...], Span, int]:
    """Paragraphs tiling a text (as `segment` cuts them), a span and an offset of that text."""
    length = draw(st.integers(2, 300))
    cuts = sorted({0, *draw(st.sets(st.integers(1, length - 1), max_size=40))})
    spans = tuple(Span(a, b) for a, b in itertools.pairwise([*cuts, length]))
    a, b = sorted(draw(st.tuples(st.integers(0, length), st.integers(0, length))))
    return spans, Span(a, b), draw(st.integers(0, length - 1))


@given(tiled_and_span())
def test_paragraphs_by_bisection_are_the_paragraphs_by_scan(case: tuple[tuple[Span, ...], Span, int]) -> None:
    spans, span, pos = case
    paragraphs = _Paragraphs(spans)
    assert list(paragraphs.starting_in(span)) == [p for p in spans if span.start <= p.start < span.end]
    assert paragraphs.index_at(pos) == max(k for k, p in enumerate(spans) if p.start <= pos)


def test_thousands_of_headings_are_outlined_in_one_pass() -> None:
    """Each block's paragraphs are found by bisection: a text of 2,000 sections is outlined with each
    paragraph looked at once per block that holds it, not once per block of the text."""
    lines = []
    for part in range(1, 21):  # 20 parts of 99 sections each
        lines.append(f"{chinese_numeral(part)}、第{part}方面工作")
        lines += [f"（{chinese_numeral(n)}）第{n}项工作。推进各项工作。" for n in range(1, 100)]
    meta = ReportMeta("测试区", Level.DISTRICT, 2025, Kind.FULL, "", None, None, None, "x", "")
    seen = 0
    real = _Paragraphs.starting_in

    def counting(self: _Paragraphs, span: Span) -> Sequence[Span]:
        nonlocal seen
        got = real(self, span)
        seen += len(got)
        return got

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_Paragraphs, "starting_in", counting)
        outline = segment(Report(meta, "\n".join(lines)))
    assert len(walk(outline.blocks)) > 1000
    assert seen <= 2 * len(outline.paragraphs)
