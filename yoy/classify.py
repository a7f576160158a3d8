"""Classify changes. PLACEHOLDER: being written."""

from __future__ import annotations

from collections.abc import Sequence

from yoy.models import Comparison, Outline, Report, SectionPair


def classify(old: Report, old_outline: Outline, new: Report, new_outline: Outline,
             pairs: tuple[SectionPair, ...], history: Sequence[Report] = ()) -> Comparison:
    """Priorities, targets, ranking → the Comparison record."""
    raise NotImplementedError
