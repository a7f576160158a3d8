"""The four formats, each from the one context (`brief_context`): HTML, the PDF's HTML and its bytes,
Markdown, and JSON (the record's dump)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Sequence

from yoy import jsonio
from yoy.models import Comparison
from yoy.render.context import brief_context
from yoy.render.env import environment
from yoy.render.pdf import pdf_bytes, running_worker

CSP_NO_SCRIPT = "script-src 'none'"  # what templates/base.html.j2 says; render_html allows its own script


def with_script_hash(html: str) -> str:
    """`html` whose CSP allows exactly the brief's own inline script (templates/brief.js), by its
    SHA-256: no 'unsafe-inline', so an injected <script> or on…= attribute would not run."""
    own = environment().get_template("brief.js").render().strip()
    hashes = []
    for m in re.finditer(r"<script>(.*?)</script>", html, re.DOTALL):
        if m.group(1).strip() == own:
            digest = base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode("ascii")
            hashes.append(f"'sha256-{digest}'")
    if not hashes:
        return html
    return html.replace(CSP_NO_SCRIPT, f"script-src {' '.join(dict.fromkeys(hashes))}", 1)


def render_html(c: Comparison) -> str:
    """The reviewer's HTML view: one self-contained file."""
    html = environment().get_template("html.html.j2").render(brief_context(c), mode="screen")
    return with_script_hash(html)


def render_pdf_html(c: Comparison, appendix: bool = False) -> str:
    """The HTML that weasyprint lays out as the A4 PDF briefing (the redline appendix only if asked)."""
    ctx = brief_context(c)
    ctx["appendix"] = appendix
    return environment().get_template("pdf.html.j2").render(ctx, mode="print")



def render_pdf(c: Comparison, appendix: bool = False) -> bytes:
    """The A4 PDF briefing (weasyprint; fonts embedded and subset); in the warm worker if one runs.

    By default the briefing has no redline appendix (it stays short); `appendix=True` adds it.
    """
    return pdf_bytes(render_pdf_html(c, appendix))


def render_markdown(c: Comparison) -> str:
    """The CommonMark brief."""
    return environment().get_template("brief.md.j2").render(brief_context(c), mode="md")


def render_json(c: Comparison) -> str:
    """The record as JSON: its dump."""
    text = jsonio.dump(c)
    return text if text.endswith("\n") else text + "\n"


RENDERERS: dict[str, Callable[[Comparison], str | bytes]] = {
    "html": render_html, "pdf": render_pdf, "md": render_markdown, "json": render_json,
}


def render(c: Comparison, fmt: str, appendix: bool = False) -> bytes:
    """One format as bytes (`appendix`: the PDF gets the redline appendix)."""
    out = render_pdf(c, appendix) if fmt == "pdf" else RENDERERS[fmt](c)
    return out.encode("utf-8") if isinstance(out, str) else out


def render_all(c: Comparison, formats: Sequence[str], appendix: bool = False,
               progress: Callable[[str], None] | None = None) -> list[bytes]:
    """`render` of each format, in order. With a warm PDF worker running (`pdf_worker`), the PDF is
    laid out there while this process renders the other formats; `progress(fmt)` hears each format
    before it is rendered."""
    worker = running_worker()
    pending: Callable[[], bytes] | None = None
    if worker is not None and "pdf" in formats:
        if progress:
            progress("pdf")
        pending = worker.submit(render_pdf_html(c, appendix))
    out: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "pdf" and pending is not None:
            continue
        if progress:
            progress(fmt)
        out[fmt] = render(c, fmt, appendix)
    if pending is not None:
        out["pdf"] = pending()
    return [out[fmt] for fmt in formats]
