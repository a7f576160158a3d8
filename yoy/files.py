"""The one way yoy writes a file: atomically, so a reader sees the old file or the new one, never half.

Also: the corpus write lock, the cleanup of temp files a killed run left behind, and bounded reads
of regular files only (no device, FIFO or socket; never more than a limit, whatever `st_size` says).

Temp files are `.NAME.XXXXXXXX.tmp` beside their target, each `flock`ed by the process writing it for
as long as it is written, so a later run removes exactly the ones whose writer died (a dead process
holds no lock).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from yoy.errors import YoyError

LOCK_TIMEOUT_S = 60.0  # a writer waits this long for another; an ingest takes well under a second
LOCK_POLL_S = 0.02  # how often a waiting writer retries the lock
TEMP_SUFFIX = ".tmp"
READ_CHUNK = 1 << 20  # bounded reads go in 1 MiB chunks

_KIND = {stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device", stat.S_IFIFO: "a FIFO",
         stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory"}


# --- bounded reads ----------------------------------------------------------------------------------


class TooLarge(Exception):
    """A file holds more than the limit given to `read_bounded`."""


def kind_of(mode: int) -> str:
    """What a file of this `st_mode` is, in words (a FIFO, a socket, …)."""
    return _KIND.get(stat.S_IFMT(mode), "not a regular file")


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    `IsADirectoryError`/`OSError` for what is not a regular file (checked before opening, so a FIFO
    never blocks, and again on the open descriptor); `TooLarge` past `limit` bytes, however the file
    reports its size (/proc files and devices say 0).
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, f"{kind_of(mode)}, not a regular file")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise OSError(errno.EINVAL, "not a regular file")
        chunks, total = [], 0
        while chunk := os.read(fd, min(READ_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(path)
        return b"".join(chunks)
    finally:
        os.close(fd)


# --- the corpus lock ---------------------------------------------------------------------------------


def package_data(name: str) -> bytes:
    """The bytes of a file shipped in `yoy/data/`, read through importlib.resources (a wheel serves
    it as well as a checkout): the one place modules that load shipped tables read them."""
    return (resources.files("yoy") / "data" / name).read_bytes()


def package_path(name: str) -> Path:
    """The path of a file shipped in `yoy/data/` (for readers that take paths, like the lexicon's)."""
    return Path(str(resources.files("yoy") / "data" / name))


@contextlib.contextmanager
def locked(root: Path, error: type[YoyError], timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the exclusive write lock of the directory `root` (created if need be): an `flock` on the
    directory itself, so no lock file is left in the corpus, and a killed holder releases it.

    Every writer of a corpus takes it around plan-and-write, so two ingests of one region and year
    serialise: the second sees the first's file and refuses or agrees, never overwrites silently.
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error(f"cannot lock {root}: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise error(f"{root} is being written by another yoy process (waited {timeout:.0f} s "
                                "for its lock); try again") from None
                time.sleep(LOCK_POLL_S)
        yield
    finally:
        os.close(fd)  # releases the lock


# --- temp files ----------------------------------------------------------------------------------


_TEMP = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")  # mkstemp's 8 chars


def clean_stale_temps(directory: Path, targets: re.Pattern[str] | frozenset[str],
                      recursive: bool = False) -> list[Path]:
    """Remove yoy's temp files in `directory` whose writer is gone (their flock is free); return them.

    Only temp files of the given target names (a set, or a pattern such as `\\d{4}\\.md`) are
    touched, never another program's `.tmp` files in the same folder.
    """
    removed: list[Path] = []

    def ours(name: str) -> bool:
        m = _TEMP.match(name)
        if not m:
            return False
        target = m.group("target")
        return target in targets if isinstance(targets, frozenset) else bool(targets.fullmatch(target))

    try:
        candidates = directory.rglob(".*" + TEMP_SUFFIX) if recursive else directory.glob(".*" + TEMP_SUFFIX)
        paths = [p for p in candidates if ours(p.name)]
    except OSError:
        return removed
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # its writer is alive
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
        finally:
            os.close(fd)
    return removed


@dataclass
class _Staged:
    path: Path
    tmp: str
    fd: int


def _stage(path: Path, data: bytes, error: type[YoyError]) -> _Staged:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise error(f"cannot write {path}: {exc.strerror or exc}") from None
    staged = _Staged(path, tmp, fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # ours while we live: see clean_stale_temps
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        os.fchmod(fd, 0o644)  # mkstemp makes 0600; briefs and corpus files are for sharing
    except BaseException as exc:
        _discard(staged)
        if isinstance(exc, OSError):
            raise error(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return staged


def _close(staged: _Staged) -> None:
    if staged.fd >= 0:
        with contextlib.suppress(OSError):
            os.close(staged.fd)
        staged.fd = -1


def _discard(staged: _Staged) -> None:
    with contextlib.suppress(OSError):
        os.unlink(staged.tmp)
    _close(staged)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # make renames durable where directories can be fsynced
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def atomic_write_all(items: Sequence[tuple[Path, bytes]], error: type[YoyError]) -> None:
    """Write every (path, data) atomically: all temp files are written and fsynced first, then
    renamed one by one. A failure before the renames leaves every path as it was; one during them
    (rare: renames within a directory do not need space) says which paths were already replaced.
    Stale temp files of the same targets left by killed runs are removed first.
    """
    for directory in dict.fromkeys(path.parent for path, _ in items):
        clean_stale_temps(directory, frozenset(path.name for path, _ in items if path.parent == directory))
    staged: list[_Staged] = []
    try:
        for path, data in items:
            staged.append(_stage(path, data, error))
    except BaseException as exc:
        for s in staged:
            _discard(s)
        if isinstance(exc, YoyError) and len(items) > 1:
            raise error(f"{exc.message}; nothing was written") from None
        raise
    done: list[Path] = []
    try:
        for s in staged:
            os.replace(s.tmp, s.path)
            done.append(s.path)
    except OSError as exc:
        left = [s.path for s in staged if s.path not in done]
        for s in staged:
            if s.path not in done:
                _discard(s)
        stored = f"; already written: {', '.join(map(str, done))}" if done else "; nothing was written"
        raise error(f"cannot write {left[0]}: {exc.strerror or exc}{stored}") from None
    finally:
        for s in staged:
            _close(s)
    for directory in dict.fromkeys(path.parent for path, _ in items):
        _fsync_dir(directory)


def atomic_write(path: Path, data: bytes, error: type[YoyError]) -> None:
    """Write `data` to a temp file beside `path`, fsync it, rename it over `path`.

    Any failure leaves `path` as it was and is raised as `error` (CorpusError, RenderError …).
    """
    atomic_write_all([(path, data)], error)
