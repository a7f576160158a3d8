"""Render change briefs (HTML, PDF, Markdown, JSON) from one `Comparison` record.

The sub-package, in the order a brief is made:

- `context`: the one context builder (`brief_context`) every template reads, and the plain words that
  replace the record's codes (`plain`, `basis_label`, `priority_reason`);
- `charts`: the geometry of the inline SVG line charts;
- `env`: the jinja2 environment over the templates (package data in `yoy/render/templates`, found with
  importlib.resources) and its compiled-template cache;
- `formats`: HTML, the PDF's HTML, Markdown and JSON; `render` and `render_all` give bytes;
- `pdf`: weasyprint, its warm forked worker (`pdf_worker`) and the HarfBuzz probe;
- `output`: format and file names, the overwrite policy and the one writer (`write_briefs`,
  `write_index`): atomic, and a path that exists but was not written by yoy is never overwritten.

HTML and PDF share one base layout (`base.html.j2`) and differ only in their page template and stylesheet.
"""

from __future__ import annotations

from yoy.render.context import (
    BRIEF_CARDS,
    DIRECTION,
    basis_label,
    brief_context,
    caveats_of,
    headline,
    plain,
    priority_reason,
    side_labels,
)
from yoy.render.env import environment, generator, templates_dir
from yoy.render.formats import (
    render,
    render_all,
    render_html,
    render_json,
    render_markdown,
    render_pdf,
    render_pdf_html,
)
from yoy.render.output import (
    FORMATS,
    HTML_MARKER,
    MD_MARKER,
    STDOUT_FORMATS,
    brief_stem,
    check_output_dir,
    check_output_file,
    check_writable,
    index_row,
    is_yoy_output,
    parse_formats,
    stem_for,
    write_briefs,
    write_index,
    write_index_rows,
)
from yoy.render.pdf import hb_subset_available, pdf_worker

__all__ = [
    "BRIEF_CARDS", "DIRECTION", "FORMATS", "HTML_MARKER", "MD_MARKER", "STDOUT_FORMATS", "basis_label",
    "brief_context", "brief_stem", "caveats_of", "check_output_dir", "check_output_file",
    "check_writable", "environment",
    "generator",
    "hb_subset_available", "headline", "index_row", "is_yoy_output", "parse_formats", "pdf_worker", "plain",
    "priority_reason", "render", "render_all", "render_html", "render_json", "render_markdown",
    "render_pdf", "render_pdf_html", "side_labels", "stem_for", "templates_dir", "write_briefs",
    "write_index", "write_index_rows",
]
