"""Hostile input for the segmenter: it never raises, and sentences and paragraphs tile the text."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yoy.models import Block, Kind, Level, Report, ReportMeta, Span
from yoy.outline import segment

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
