"""The template environment: templates found as package data, compiled-template cache, filters."""

from __future__ import annotations

import hashlib
import re
from contextlib import suppress
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from yoy import __version__

GENERATOR_NAME = "yoy"  # what the briefs name as their generator, before the version


def templates_dir() -> Path:
    """The templates: package data of `yoy.render` (`yoy/render/templates`), found with importlib."""
    folder = resources.files(__package__) / "templates"
    assert isinstance(folder, Path), "yoy runs from a file system install, not a zip"
    return folder


def _autoescape(name: str | None) -> bool:
    return name is None or not name.endswith(".md.j2")


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in yoy's cache directory (compiling them costs a fresh process about
    0.1 s); one folder per yoy and jinja2 version, each entry checked against its template's source.
    A cache that cannot be read or written is skipped: templates are then compiled as usual."""

    def __init__(self, directory: Path) -> None:
        super().__init__(str(directory))
        self.folder = directory

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError, ValueError, EOFError, TypeError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)


_ENV_OPTIONS: dict[str, Any] = {"undefined": jinja2.StrictUndefined, "trim_blocks": True,
                                "lstrip_blocks": True, "keep_trailing_newline": True}


def _template_cache() -> _TemplateCache:
    """The bytecode cache, in a folder named after what compiled code depends on besides the source:
    the yoy and jinja2 versions and the environment's options (autoescape rule included)."""
    from yoy.index import cache_dir

    code = _autoescape.__code__
    options = repr((sorted((k, repr(v)) for k, v in _ENV_OPTIONS.items()), code.co_code, code.co_consts))
    digest = hashlib.sha1(options.encode()).hexdigest()[:12]
    return _TemplateCache(cache_dir() / f"templates-{__version__}-jinja{jinja2.__version__}-{digest}")


@cache  # a library handle: the template loader and its compiled templates (constant files)
def environment() -> jinja2.Environment:
    """The jinja2 environment: autoescape on for everything but the Markdown template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=_autoescape,
        bytecode_cache=_template_cache(),
        **_ENV_OPTIONS,
    )
    env.filters["md"] = md_escape
    env.filters["mdcell"] = md_cell
    env.filters["num"] = _num
    return env



def md_escape(text: object) -> str:
    """Text made inert in Markdown: punctuation that could start markup or HTML is backslash-escaped."""
    s = " ".join(str(text).split())
    return re.sub(r"([\\`*_\[\]<>|~&#!])", r"\\\1", s)


def md_cell(text: object) -> str:
    """`md_escape` for a table cell (one line, pipes escaped)."""
    return md_escape(text) or " "


def _num(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"



def generator() -> str:
    """What the briefs name as their generator (yoy and its version)."""
    return f"{GENERATOR_NAME} {__version__}"
