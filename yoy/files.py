"""The one way yoy writes a file: atomically, so a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from yoy.errors import YoyError


def atomic_write(path: Path, data: bytes, error: type[YoyError]) -> None:
    """Write `data` to a temp file beside `path`, fsync it, rename it over `path`.

    Any failure leaves `path` as it was and is raised as `error` (CorpusError, RenderError …).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise error(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; briefs and corpus files are for sharing
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise error(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    with contextlib.suppress(OSError):  # make the rename durable where directories can be fsynced
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
