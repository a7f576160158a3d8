"""The corpus scans (`yoy.history`) give what one substring search per pattern and text gives, with
few or many patterns, overlapping and self-overlapping ones, and characters beyond the BMP."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from yoy import history

# A small alphabet (matches are frequent): CJK, ASCII, a character beyond the BMP, a fullwidth mark.
ALPHABET = "发展改革一带路aA1𠀀，"
texts = st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=4)
patterns = st.lists(st.text(ALPHABET, min_size=1, max_size=4), max_size=150)


def _overlapping(p: str, t: str) -> int:
    return sum(t.startswith(p, k) for k in range(len(t)))


def _finds(p: str, t: str) -> list[int]:
    """Non-overlapping starts, leftmost first (as `str.count` counts)."""
    out, k = [], t.find(p)
    while k >= 0:
        out.append(k)
        k = t.find(p, k + len(p))
    return out


@settings(max_examples=200, deadline=None)
@given(texts, patterns)
def test_scans_agree_with_substring_search(ts: list[str], ps: list[str]) -> None:
    found = history.presence(ps, ts)
    assert found == {p: frozenset(k for k, t in enumerate(ts) if p in t) for p in set(ps)}
    assert history.tallies(ps, ts) == {p: tuple(_overlapping(p, t) for t in ts) for p in sorted(set(ps))}
    assert history.found_in(ps, ts[0]) == {p for p in ps if p in ts[0]}
    assert history.found_rare(ps, ts[0]) == {p for p in ps if p in ts[0]}
    for t in ts:
        where = history.occurrences(ps, t)
        assert where == {p: _finds(p, t) for p in set(ps)}


def test_many_patterns_take_the_automaton() -> None:
    text = "发展改革" * 50 + "一带一路"
    ps = [f"{a}{b}" for a in "发展改革一带路" for b in "发展改革一带路"] * 3 + [str(k) for k in range(80)]
    assert len(set(ps)) >= history.FEW_PATTERNS  # the automaton, not one search a pattern
    assert history.found_in(ps, text) == {p for p in ps if p in text}
    assert history.presence(ps, [text, "𠀀" + text])["一路"] == frozenset({0, 1})
    longer = [p + q for p in ps for q in ("一带", "改革发展", "𠀀路")]  # slices across the BMP and not
    assert history.found_rare(longer, text) == {p for p in longer if p in text}
