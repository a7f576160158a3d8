"""The corpus of stored reports. PLACEHOLDER: being written."""

from __future__ import annotations

from pathlib import Path

from yoy.models import Report


class Corpus:
    """Reports stored one file per region and year."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root

    def load(self, region: str, year: int) -> Report:
        """The report of `region` (any alias) for `year`."""
        raise NotImplementedError

    def history(self, region: str) -> tuple[Report, ...]:
        """Every report of `region`, oldest first."""
        raise NotImplementedError
