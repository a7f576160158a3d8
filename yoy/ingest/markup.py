"""HTML pages: told from text and turned into lines of visible text (their depth is checked when
they are decoded, `yoy.ingest.reading.check_html_depth`)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg",
             "form", "button", "select", "head")
DROP_SELECTORS = ('[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[aria-hidden="true"]')
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "caption", "legend", "option",
})
_HTML_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_WS = re.compile(r"[ \t\r\n\f]+")


def looks_like_html(text: str) -> bool:
    """Whether a text (whatever its file name) is an HTML page."""
    return bool(_HTML_SNIFF.match(text[:2048]))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page; block elements and <br> become line breaks."""
    tree = LexborHTMLParser(html)
    for selector in (*DROP_TAGS, *DROP_SELECTORS):
        for dropped in tree.css(selector):
            dropped.decompose()
    root: LexborNode | None = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []
    # Iterative walk (deeply nested garbage must not hit the recursion limit); None marks a block end.
    stack: list[LexborNode | None] = [root]
    while stack:
        node = stack.pop()
        if node is None:
            out.append("\n")
            continue
        tag = node.tag
        if tag == "-text":
            out.append(_WS.sub(" ", node.text_content or ""))
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag is None or tag.startswith("-"):  # comments, doctype
            continue
        if tag in BLOCK_TAGS:
            out.append("\n")
            stack.append(None)
        stack.extend(reversed(list(node.iter(include_text=True))))
    return "".join(out)


