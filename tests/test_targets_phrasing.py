"""Targets, results and multi-year figures in the phrasing of later national and of local reports.

The cases (tests/data/target_phrasing.json, written by hand: see its `how_made`) are short invented
sentences, one phrasing pattern each, of later national and of provincial, city and district reports,
each with the indicator, value, qualifier, unit and kind (target / result / multi-year) a reader expects.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.targets_phrasing import cases, check


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["id"])
def test_phrasing_case(case: dict[str, Any]) -> None:
    out = check(case)
    assert not out.missed and not out.unwanted, (out.missed, out.unwanted, out.got)
