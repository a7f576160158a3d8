"""Chinese numerals as headings write them: one test for both directions (yoy.text)."""

from __future__ import annotations

from yoy.text import chinese_number, chinese_numeral


def test_chinese_numerals_both_ways() -> None:
    written = ["一", "十", "十一", "十二", "二十", "二十三", "九十九"]
    assert [chinese_numeral(n) for n in (1, 10, 11, 12, 20, 23, 99)] == written
    assert [chinese_number(s) for s in written] == [1, 10, 11, 12, 20, 23, 99]
    assert all(chinese_number(chinese_numeral(n)) == n for n in range(1, 100))
    # malformed or outside the heading range: no value / Arabic digits
    assert [chinese_number(s) for s in ("", "廿", "一二", "二十三四")] == [None] * 4
    assert [chinese_numeral(n) for n in (0, 100)] == ["0", "100"]
