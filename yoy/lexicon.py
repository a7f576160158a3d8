"""The successions lexicon (old wording → the wording that took its place), read at the edge.

The shipped file `yoy/data/successions.tsv` is mined from the embedded corpus by
`scripts/mine_lexicon.py` (a test checks it is up to date); users add their own files of the same
format (`YOY_LEXICON`). The engine never needs it: `Lexicon()` (no entries) is the documented switch
`YOY_NO_LEXICON=1`, and every gold gate passes with it. `classify` receives a `Lexicon`; only this
module and the pipeline edge read files or the environment.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from yoy.errors import InputError
from yoy.files import TooLarge, package_path, read_bounded

# Environment variable naming extra successions files (same TSV format as yoy/data/successions.tsv;
# several paths separated by os.pathsep). They add to the shipped lexicon.
LEXICON_ENV = "YOY_LEXICON"
# Set to 1 to switch the lexicon off (shipped and extra files): the engine then works from the texts.
NO_LEXICON_ENV = "YOY_NO_LEXICON"
SHIPPED = "successions.tsv"
MAX_LEXICON_BYTES = 10 * 2**20  # a successions file is a few KB; this bounds a wrong path (/dev/zero)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Known successions, old → new, in file order; empty = lexicon off."""

    successions: tuple[tuple[str, str], ...] = ()


class LexiconLineError(ValueError):
    """A line of a successions file that is not `old<TAB>new`."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: expected old<TAB>new (two columns separated by a tab)")


def parse(text: str) -> list[tuple[str, str]]:
    """Pairs of a successions file: old, a tab, new (a third column is a note); # starts a comment.

    A line that is not of that form (e.g. separated by spaces) is a `LexiconLineError`, not skipped:
    a silently ignored entry is a lexicon that does not do what its author thinks.
    """
    pairs = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            raise LexiconLineError(n)
        pairs.append((cols[0].strip(), cols[1].strip()))
    return pairs


def _read(path: Path) -> list[tuple[str, str]]:
    """Bounded, regular files only: YOY_LEXICON=/dev/zero or a FIFO is refused, not read forever."""
    try:
        return parse(read_bounded(path, MAX_LEXICON_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, TooLarge, LexiconLineError) as exc:
        if isinstance(exc, TooLarge):
            why = f"over {MAX_LEXICON_BYTES:,} bytes"
        elif isinstance(exc, LexiconLineError):
            why = str(exc)
        else:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise InputError(f"{path}: cannot read this successions lexicon ({LEXICON_ENV}): {why}") from None


def load(extra: Iterable[Path] = (), env: Mapping[str, str] | None = None) -> Lexicon:
    """The shipped file, then files in $YOY_LEXICON, then `extra`; empty when $YOY_NO_LEXICON is 1."""
    env = os.environ if env is None else env
    if env.get(NO_LEXICON_ENV, "") not in ("", "0"):
        return Lexicon()
    paths = [package_path(SHIPPED)]
    paths += [Path(p) for p in env.get(LEXICON_ENV, "").split(os.pathsep) if p]
    paths += list(extra)
    seen: dict[tuple[str, str], None] = {}
    for p in paths:
        for pair in _read(p):
            seen.setdefault(pair)
    return Lexicon(tuple(seen))
