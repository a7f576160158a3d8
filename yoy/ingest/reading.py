"""Reading a saved page: refuse what is not a readable regular file, then decode its bytes.

`read_source` never opens what is not a regular file (nothing blocks) and stops at `MAX_INPUT_BYTES`;
`decode` tries BOMs (UTF-8, UTF-16), BOM-less UTF-16, strict UTF-8, then charset-normalizer
(GB18030/GBK …); NUL bytes or control characters mean a binary file; over `MAX_TEXT_CHARS`, or HTML
deeper than `MAX_HTML_DEPTH`, is refused. A PDF is read through `pdftotext` (`pdf_text`).
"""

from __future__ import annotations

import codecs
import contextlib
import re
import stat
import subprocess
import unicodedata
from pathlib import Path

import charset_normalizer

from yoy.errors import InputError, LimitError
from yoy.files import TooLarge, kind_of, read_bounded
from yoy.ingest.markup import HTML_SUFFIXES, looks_like_html
from yoy.text import is_ideograph

MAX_INPUT_BYTES = 50 * 1024 * 1024  # larger files are refused, not read
# Pathological-input bounds (benchmarks/hostile.py): each keeps one input under ~10 s and 1 GB.
MAX_TEXT_CHARS = 4_000_000  # decoded characters of one input: ingest takes ~1.6 s per million
MAX_HTML_DEPTH = 2_000  # open elements at once (counted from the tags; lexbor parsing is quadratic in
#                         depth: 100,000 nested <div> take minutes); real pages stay under ~100
MAX_CONTROL_RATIO = 0.01  # more control characters than this: a binary file

# A PDF (a report a site publishes as an attachment) is read through poppler's `pdftotext`, which the
# set-up installs (poppler-utils, in the Makefile's DEB_PKGS), keeping the layout (`-layout`): one
# line per printed line with its indent, so a paragraph's first line shows where it starts, and line
# repair joins the rest (`lines`: the copy of a PDF). Without -layout the indents are lost and a
# paragraph that ends on a full line runs into the next: 4 such joins on the 2009 national report
# typeset at A4, none with it (the stored text equals the source's). PDF_SECONDS
# bounds one file's conversion (a national report takes ≈ 0.05 s); a PDF with fewer than
# PDF_MIN_IDEOGRAPHS ideographs has no text layer to read (a scan; a report has thousands).
PDF_MAGIC = b"%PDF-"
PDF_SECONDS = 60
PDF_MIN_IDEOGRAPHS = 100
PDF_HINT = "Debian: apt-get install poppler-utils; or save the PDF's text as a .txt file"

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz", "cp936"})


def _megabytes(size: int) -> str:
    return f"{size / 2**20:g} MB"


def _limit_text() -> str:
    return f"the limit for a saved page is {_megabytes(MAX_INPUT_BYTES)}"


def _too_large(name: object) -> InputError:
    return LimitError(f"{name}: too large (over {MAX_INPUT_BYTES:,} bytes; {_limit_text()})")


def check_size(size: int, name: object) -> None:
    """`LimitError` for an input of `size` bytes over `MAX_INPUT_BYTES`."""
    if size > MAX_INPUT_BYTES:
        raise _too_large(name)


def read_source(path: Path) -> bytes:
    """The bytes of an input file; `InputError` for a missing path, a directory, a device, FIFO or
    socket (never opened for reading, so nothing blocks), an empty file or one over `MAX_INPUT_BYTES`
    (the read stops there, whatever the file says its size is)."""
    try:
        return read_bounded(path, MAX_INPUT_BYTES)
    except TooLarge:
        raise _too_large(path) from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode
            if stat.S_ISDIR(mode):
                hint = f"give the saved pages in it (yoy ingest {path}/*)"
                raise InputError(f"{path}: is a directory; {hint}") from None
            if not stat.S_ISREG(mode):
                raise InputError(f"{path}: {kind_of(mode)}, not a saved page (only regular files are read)") \
                    from None
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


UTF16_MIN_MARKS = 4  # BOM-less UTF-16 needs this many line breaks, spaces or digits to be told apart
_ASCII_MARKS = frozenset("\n\r\t 0123456789")


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of BOM-less UTF-16: the byte order (LE or BE) whose reading holds line breaks, spaces and
    digits (read in the wrong order they become U+0A00, U+3200 …)."""
    if len(data) % 2:
        return None
    best: tuple[int, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        marks = sum(1 for ch in text if ch in _ASCII_MARKS)
        if marks >= UTF16_MIN_MARKS and (best is None or marks > best[0]):
            best = (marks, text)
    return best[1] if best else None


def _check_length(text: str, name: str) -> None:
    """`LimitError` for a text of more than `MAX_TEXT_CHARS` characters."""
    if len(text) > MAX_TEXT_CHARS:
        raise LimitError(f"{name}: too long ({len(text):,} characters; the limit is "
                         f"{MAX_TEXT_CHARS:,}, about 100 times a long work report)")


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF's text layer (`pdftotext`, `PDF_MAGIC`); `InputError` when the tool is
    missing, the file is no readable PDF, or it has no text layer."""
    try:
        done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=data,
                              capture_output=True, timeout=PDF_SECONDS, check=False)
    except FileNotFoundError:
        raise InputError(f"{name}: a PDF, and reading one needs pdftotext ({PDF_HINT})") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"{name}: a PDF pdftotext could not read in {PDF_SECONDS} s") from None
    why = done.stderr.decode("utf-8", "replace").strip().splitlines()
    if done.returncode != 0:
        raise InputError(f"{name}: not a readable PDF" + (f" ({why[0]})" if why else ""))
    text = done.stdout.decode("utf-8", "replace")
    _check_length(text, name)
    if sum(map(is_ideograph, text)) < PDF_MIN_IDEOGRAPHS:
        raise InputError(f"{name}: a PDF without a text layer to read (a scan?); save its text as a .txt "
                         "file")
    return text


def decode(data: bytes, name: str) -> str:
    """Text of `data`: UTF-8 (with or without BOM), UTF-16 (with BOM, or without: told by its NUL
    bytes), GB18030/GBK and what charset-normalizer recognises. `InputError` for empty, binary or
    undecodable input."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding.upper()} text") from exc
            break
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name}: binary file (NUL bytes), not a saved page")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess_decode(data, name)
    _refuse_binary(text, name)
    _check_length(text, name)
    if Path(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        check_html_depth(text, name)
    return text


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "p", "li", "option", "dt", "dd", "tr", "td", "th"})
_RAW_BLOCK = re.compile(r"<(script|style|textarea)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def check_html_depth(html: str, name: str) -> None:
    """`LimitError` if elements nest deeper than `MAX_HTML_DEPTH` (a linear scan of the tags, before
    the parser sees the page). Elements that close themselves implicitly (p, li, td …) do not count."""
    depth = 0
    for m in _TAG.finditer(_RAW_BLOCK.sub("", html)):
        tag = m.group(2).lower()
        if tag in _VOID or m.group(3):  # void, implicitly closed or self-closing (<x/>)
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                raise LimitError(f"{name}: HTML nested more than {MAX_HTML_DEPTH:,} elements deep "
                                 "(the limit); save the page as text (.txt) instead")


def _guess_decode(data: bytes, name: str) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: binary or undecodable file, not a saved page")
    encoding = best.encoding.lower().replace("_", "")
    if encoding in _GB_FAMILY:  # GB18030 is the superset: decode with it so rare characters survive
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            pass
    return str(best)


def _refuse_binary(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: empty file")
    bad = sum(
        1 for ch in text if (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v") or ch == "\ufffd"
    )
    if bad > MAX_CONTROL_RATIO * len(text):
        raise InputError(f"{name}: binary or undecodable file, not a saved page")


