"""Segment a report into its outline. PLACEHOLDER: being written."""

from __future__ import annotations

from yoy.models import Outline, Report


def segment(report: Report) -> Outline:
    """Outline of `report`: parts, sections, items, paragraphs, sentences."""
    raise NotImplementedError
