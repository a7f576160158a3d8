"""Align two outlines. PLACEHOLDER: being written."""

from __future__ import annotations

from yoy.models import Outline, Report, SectionPair


def align(old: Report, old_outline: Outline, new: Report, new_outline: Outline) -> tuple[SectionPair, ...]:
    """Section map old → new."""
    raise NotImplementedError
