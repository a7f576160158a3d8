"""The PDF engine: weasyprint behind a fetcher that loads only yoy's own files, a forked warm worker
that gets weasyprint ready while the parent compares, and the HarfBuzz subsetting probe."""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from yoy.errors import RenderError
from yoy.render.env import templates_dir
from yoy.vocab import FONT_WARMUP


@cache  # a library handle: the URL fetcher (constant: yoy's templates folder)
def _fetcher() -> Any:
    """A weasyprint URL fetcher that serves only files inside yoy's own templates folder and refuses
    every other URL (http, data, file elsewhere …): weasyprint then skips that `url()` or image
    with a warning; the PDF is still made."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    own = templates_dir().resolve()

    class OwnResourcesOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "file" and not parts.netloc:
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(own) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"yoy briefs load nothing from outside: {url[:80]}")

    return OwnResourcesOnly(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False)


@contextmanager
def _no_library_search() -> Iterator[None]:
    """While active, `ctypes.util.find_library` finds nothing at once (Linux only).

    weasyprint opens each of its C libraries (GObject, Pango, HarfBuzz, fontconfig …) by trying a
    list of names, the Windows and macOS spellings before the Linux soname (`libpango-1.0.so.0`).
    cffi answers every miss by asking `ctypes.util.find_library`, which on Linux spawns `ldconfig`
    and `gcc` — over 20 misses, about 0.3–0.4 s of a first PDF (measured with cProfile on
    `import weasyprint`). The soname at the end of each list loads directly, without any search.
    Elsewhere `find_library` is cheap and needed (Windows names carry no suffix), so it is left alone.
    The switch is process-wide: yoy imports weasyprint from one thread (the CLI's, or the worker's).
    """
    import ctypes.util as ctypes_util
    import sys

    if not sys.platform.startswith("linux"):
        yield
        return
    real = ctypes_util.find_library
    ctypes_util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes_util.find_library = real


@cache  # a library handle: the weasyprint module, imported once
def _weasyprint() -> Any:
    """The weasyprint module, imported without the slow library search (see `_no_library_search`);
    if a library then cannot be opened (an unusual soname), the import is retried with the search."""
    import io
    from contextlib import redirect_stdout

    try:
        with _no_library_search(), redirect_stdout(io.StringIO()):  # its install hint, printed on a miss
            import weasyprint  # slow import: only when a PDF is asked for
    except OSError:
        import weasyprint
    return weasyprint


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """While active, Python's cyclic garbage collector does not run (reference counting still frees).

    A layout builds boxes, computed styles and text layouts that stay alive until the PDF is written;
    every collection during it walks them again and frees little. Measured on the 5-page brief of
    `benchmarks/render.py` (min of 6 renders in one process): 0.64–0.67 s of CPU with the collector
    on, 0.54–0.56 s off, plus one 0.03–0.09 s collection afterwards of the ~45 MB of cycles the
    render leaves. The warm worker
    runs that collection after sending the PDF, while it waits anyway (`_pdf_worker`); a PDF made in
    the caller's process runs it at once (`pdf_bytes`).
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _weasyprint_pdf(html: str) -> bytes:
    import logging

    weasyprint = _weasyprint()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # a refused url() is expected, not news
    doc = weasyprint.HTML(string=html, base_url=str(templates_dir()), url_fetcher=_fetcher())
    pdf: bytes = doc.write_pdf()
    return pdf


PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal a process gets when its parent dies (Linux)


def _die_with_parent(parent: int) -> None:
    """In the forked worker: be killed when the parent dies, however it dies (kill -9 too)."""
    import signal

    with suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the parent, which closes us
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)



_WORD, _CHAR = FONT_WARMUP
_WARMUP = (f'<html lang="zh-CN"><body style="font-family: \'Noto Sans CJK SC\'">{_WORD}<b>{_CHAR}</b>'
           f'<span style="font-family: \'Noto Serif CJK SC\'">{_CHAR}</span></body></html>')


def _pdf_worker(conn: Connection, parent: int) -> None:
    """Child process: import weasyprint and load the fonts, then turn HTML into PDF bytes on request;
    the garbage of each render is collected after its bytes are sent (see `_no_cyclic_gc`)."""
    import gc

    _die_with_parent(parent)
    try:
        _weasyprint_pdf(_WARMUP)
        while (html := conn.recv()) is not None:
            try:
                with _no_cyclic_gc():
                    pdf = _weasyprint_pdf(html)
                conn.send(("ok", pdf))
            except Exception as exc:  # sent back: the parent raises it as a RenderError
                conn.send(("error", f"{type(exc).__name__}: {exc}"))
            gc.collect(0)  # the render's garbage, all in the youngest generation (see `pdf_bytes`)
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        conn.close()


class PdfWorker:
    """A forked process that gets weasyprint ready while the parent compares (two cores, less wall time)."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.pending = 0  # PDFs submitted and not yet collected
        self.proc = ctx.Process(target=_pdf_worker, args=(child, os.getpid()), daemon=True, name="yoy-pdf")
        self.proc.start()
        child.close()

    def render(self, html: str) -> bytes:
        """PDF bytes of `html`, laid out in the worker."""
        return self.submit(html)()

    def submit(self, html: str) -> Callable[[], bytes]:
        """Start laying out `html` in the worker; the returned call waits for the PDF bytes (the caller
        renders its other formats meanwhile, on the other core)."""
        try:
            self.conn.send(html)
        except OSError as exc:
            raise RenderError(f"the PDF worker stopped: {exc or 'no reply'}") from exc
        self.pending += 1

        def result() -> bytes:
            try:
                status, payload = self.conn.recv()
            except (EOFError, OSError) as exc:
                raise RenderError(f"the PDF worker stopped: {exc or 'no reply'}") from exc
            finally:
                self.pending -= 1
            if status != "ok":
                raise RenderError(f"cannot render the PDF: {payload}")
            assert isinstance(payload, bytes)
            return payload

        return result

    def close(self) -> None:
        """Stop the worker at once: it has no file open and nothing worth finishing (a PDF nobody waits
        for any more, or the garbage collection it runs after each PDF, which would only delay the
        caller)."""
        self.proc.kill()
        self.conn.close()
        self.proc.join(timeout=5)


_WORKER: dict[str, PdfWorker] = {}


@contextmanager
def pdf_worker(enabled: bool = True) -> Iterator[None]:
    """While active, `render_pdf` uses a warm worker process started now (where fork exists)."""
    if not enabled or "fork" not in multiprocessing.get_all_start_methods() or "pdf" in _WORKER:
        yield
        return
    _WORKER["pdf"] = PdfWorker()
    try:
        yield
    finally:
        _WORKER.pop("pdf").close()



def running_worker() -> PdfWorker | None:
    """The warm worker started by `pdf_worker`, if one runs."""
    return _WORKER.get("pdf")


def pdf_bytes(html: str) -> bytes:
    """The PDF laid out from `html`: in the warm worker if one runs, else in this process."""
    worker = running_worker()
    if worker is not None:
        return worker.render(html)
    import gc

    with _no_cyclic_gc():
        pdf = _weasyprint_pdf(html)
    gc.collect(0)  # the render's garbage, all in the youngest generation: now, not at the caller's next step
    return pdf


# --- environment checks -----------------------------------------------------------------------


def hb_subset_available() -> bool:
    """Whether weasyprint can subset fonts with HarfBuzz (libharfbuzz-subset, HarfBuzz ≥ 4.1).

    Without it weasyprint falls back to fontTools, about 20× slower on Noto CJK.
    This mirrors weasyprint's own test in `weasyprint.pdf.fonts.Font.subset`.
    """
    names = (ctypes.util.find_library("harfbuzz-subset"), "libharfbuzz-subset.so.0",
             "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")
    for name in filter(None, names):
        try:
            ctypes.CDLL(name)
            break
        except OSError:
            continue
    else:
        return False
    for name in filter(None, (ctypes.util.find_library("harfbuzz"), "libharfbuzz.so.0",
                              "libharfbuzz.0.dylib", "libharfbuzz-0.dll")):
        try:
            hb = ctypes.CDLL(name)
        except OSError:
            continue
        hb.hb_version_atleast.restype = ctypes.c_int
        return bool(hb.hb_version_atleast(4, 1, 0))
    return False
