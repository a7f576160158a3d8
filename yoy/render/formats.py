"""The four formats, each from the one context (`brief_context`): HTML, the PDF's HTML and its bytes,
Markdown, and JSON (the record's dump)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from yoy import jsonio
from yoy.models import Comparison
from yoy.render.context import brief_context
from yoy.render.env import environment
from yoy.render.pdf import pdf_bytes, running_worker

Context = Mapping[str, Any]  # `brief_context` of the record rendered, when the caller has it

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


def render_html(c: Comparison, ctx: Context | None = None) -> str:
    """The reviewer's HTML view: one self-contained file (`ctx`: the record's context, if built)."""
    html = environment().get_template("html.html.j2").render(
        brief_context(c) if ctx is None else ctx, mode="screen")
    return with_script_hash(html)


def render_pdf_html(c: Comparison, appendix: bool = False, ctx: Context | None = None) -> str:
    """The HTML that weasyprint lays out as the A4 PDF briefing (the redline appendix only if asked)."""
    page = dict(brief_context(c) if ctx is None else ctx)  # its own copy: the appendix key is this page's
    page["appendix"] = appendix
    return environment().get_template("pdf.html.j2").render(page, mode="print")



def render_pdf(c: Comparison, appendix: bool = False, ctx: Context | None = None) -> bytes:
    """The A4 PDF briefing (weasyprint; fonts embedded and subset); in the warm worker if one runs.

    By default the briefing has no redline appendix (it stays short); `appendix=True` adds it.
    """
    return pdf_bytes(render_pdf_html(c, appendix, ctx))


def render_markdown(c: Comparison, ctx: Context | None = None) -> str:
    """The CommonMark brief."""
    return environment().get_template("brief.md.j2").render(brief_context(c) if ctx is None else ctx,
                                                             mode="md")


def render_json(c: Comparison, ctx: Context | None = None) -> str:
    """The record as JSON: its dump (no context: `ctx` is accepted as every renderer's is)."""
    text = jsonio.dump(c)
    return text if text.endswith("\n") else text + "\n"


RENDERERS: dict[str, Callable[[Comparison, Context | None], str | bytes]] = {
    "html": render_html, "pdf": lambda c, ctx: render_pdf(c, ctx=ctx), "md": render_markdown,
    "json": render_json,
}


def render(c: Comparison, fmt: str, appendix: bool = False, ctx: Context | None = None) -> bytes:
    """One format as bytes (`appendix`: the PDF gets the redline appendix; `ctx`: the record's
    context, if built)."""
    out = render_pdf(c, appendix, ctx) if fmt == "pdf" else RENDERERS[fmt](c, ctx)
    return out.encode("utf-8") if isinstance(out, str) else out


def render_all(c: Comparison, formats: Sequence[str], appendix: bool = False,
               progress: Callable[[str], None] | None = None, ctx: Context | None = None) -> list[bytes]:
    """`render` of each format, in order, from one context (`ctx`, else built here once when a
    format needs one). With a warm PDF worker running (`pdf_worker`), the PDF is laid out there
    while this process renders the other formats; `progress(fmt)` hears each format before it is
    rendered."""
    if ctx is None and any(fmt != "json" for fmt in formats):
        ctx = brief_context(c)
    worker = running_worker()
    pending: Callable[[], bytes] | None = None
    if worker is not None and "pdf" in formats:
        if progress:
            progress("pdf")
        pending = worker.submit(render_pdf_html(c, appendix, ctx))
    out: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "pdf" and pending is not None:
            continue
        if progress:
            progress(fmt)
        out[fmt] = render(c, fmt, appendix, ctx)
    if pending is not None:
        out["pdf"] = pending()
    return [out[fmt] for fmt in formats]
