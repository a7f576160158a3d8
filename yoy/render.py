"""Render briefs from a Comparison. PLACEHOLDER: being written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from yoy.models import Comparison


def write_briefs(comparison: Comparison, formats: Sequence[str], out_dir: Path) -> tuple[Path, ...]:
    """Write the requested formats atomically; return their paths."""
    raise NotImplementedError
