"""Stage boundaries, read from the source: no module imports a later stage, and only the edges touch
files or the environment.

Both tests parse `yoy/` with `ast` (module-level and function-level imports alike), so a lazy import
inside a function counts as much as one at the top of a file.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "yoy"

# The stages in data-flow order, and what sits above them. A module not named here is a helper.
# The store (`corpus`, `index`) keeps reports and what is derived from them (part counts need the
# segmenter), so it comes after `outline`; the CLI, the pipeline and batch runs call everything.
STAGES: dict[str, int] = {
    "yoy.ingest": 1,
    "yoy.outline": 2,
    "yoy.corpus": 3,
    "yoy.index": 3,
    "yoy.align": 4,
    "yoy.classify": 5,
    "yoy.render": 6,
    "yoy.cli": 7,
    "yoy.pipeline": 7,
    "yoy.batch": 7,
    "yoy.terminal": 7,  # the CLI's terminal tables
    "yoy.trend": 7,  # `yoy trend`: a corpus query the CLI prints
    "yoy.__main__": 7,
}
# Helpers serve the stages: records, vocabularies, text, files, regions, term and figure helpers.
HELPERS = frozenset({
    "yoy", "yoy.models", "yoy.errors", "yoy.text", "yoy.vocab", "yoy.files", "yoy.regions", "yoy.terms",
    "yoy.history", "yoy.figures", "yoy.formulations", "yoy.lexicon", "yoy.jsonio",
})

# Modules that may read or write files and the environment: ingest, the store, the lexicon's loader,
# the shipped-file reader and the CLI/pipeline edge, render (its templates and the output writer).
EDGES = ("yoy.ingest", "yoy.corpus", "yoy.index", "yoy.files", "yoy.lexicon", "yoy.cli", "yoy.pipeline",
         "yoy.batch", "yoy.render")
# Calls that read or write a file, or read the environment; `files.package_data` is the one road to
# a shipped table (`yoy/data/`) for any module.
FILE_CALLS = frozenset({"open", "read_text", "read_bytes", "write_text", "write_bytes", "getenv", "home",
                        "files", "as_file", "open_text", "open_binary", "read_binary"})
ENV_NAMES = frozenset({"environ", "environb", "getenv", "resources"})


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path) -> Iterator[tuple[str, int]]:
    """(imported yoy module, line) for every import in the file, at any depth."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    modules = _modules()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            # `from yoy import align` imports the module yoy.align; `from yoy.models import X` yoy.models
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            continue
        for t in targets:
            if t == "yoy" or t.startswith("yoy."):
                yield t, node.lineno


def _stage(module: str) -> str | None:
    """The stage entry `module` belongs to (a sub-module belongs to its package's stage)."""
    for prefix in sorted(STAGES, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return prefix
    return None


def _graph() -> dict[str, set[tuple[str, int]]]:
    return {name: set(_imports(name, path)) for name, path in _modules().items()}


def test_every_module_is_a_stage_or_a_helper() -> None:
    unplaced = [m for m in _modules() if _stage(m) is None and m not in HELPERS]
    assert not unplaced, f"place these in STAGES or HELPERS: {unplaced}"
    assert not [m for m in HELPERS if _stage(m) is not None]


def _helper_rank(graph: dict[str, set[tuple[str, int]]]) -> dict[str, int]:
    """A helper's place: just below the earliest stage that uses it, directly or through helpers."""
    rank = {h: max(STAGES.values()) + 1 for h in HELPERS}
    changed = True
    while changed:
        changed = False
        for user, deps in graph.items():
            stage = _stage(user)
            user_rank = STAGES[stage] if stage else rank[user]
            for dep, _ in deps:
                if dep in rank and user_rank < rank[dep]:
                    rank[dep] = user_rank
                    changed = True
    return rank


def test_no_module_imports_a_later_stage() -> None:
    graph = _graph()
    helper_rank = _helper_rank(graph)
    upward = []
    for user, deps in sorted(graph.items()):
        stage = _stage(user)
        for dep, line in sorted(deps):
            dep_stage = _stage(dep)
            if dep_stage is None:
                continue  # helpers serve everyone; what they import is checked from their side
            if stage is not None and STAGES[dep_stage] > STAGES[stage]:
                upward.append(f"{user}:{line} imports {dep} (a later stage)")
            # a helper may use only stages before every stage that uses it (or the order has a cycle)
            if stage is None and STAGES[dep_stage] >= helper_rank[user]:
                upward.append(f"{user}:{line} imports {dep}, a stage as late as one of the helper's users")
    assert not upward, "\n".join(upward)


def test_the_check_sees_a_lazy_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "yoy"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "outline.py").write_text("def f() -> None:\n    from yoy import classify\n")
    (fake / "classify.py").write_text("from yoy.outline import f\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    with pytest.raises(AssertionError, match=re.escape("yoy.outline:2 imports yoy.classify")):
        test_no_module_imports_a_later_stage()


def _called(node: ast.Call) -> str:
    """The name a call calls: `f()` and `x.f()` call f."""
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _is_edge(name: str) -> bool:
    return any(name == e or name.startswith(e + ".") for e in EDGES)


def _io_uses(path: Path) -> Iterator[tuple[int, str]]:
    """(line, what) for every file access or environment read in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            if _called(node) in FILE_CALLS:
                yield node.lineno, f"{_called(node)}()"
        elif isinstance(node, ast.Attribute) and node.attr in ENV_NAMES:
            yield node.lineno, node.attr
        elif isinstance(node, ast.ImportFrom) and node.module in ("os", "importlib", "importlib.resources"):
            for a in node.names:
                if a.name in ENV_NAMES or node.module == "importlib.resources":
                    yield node.lineno, f"from {node.module} import {a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "importlib.resources":
                    yield node.lineno, f"import {a.name}"


def test_only_the_edges_touch_files_and_the_environment() -> None:
    found = [f"{name}:{line} {what}" for name, path in _modules().items() if not _is_edge(name)
             for line, what in _io_uses(path)]
    assert not found, "read files and the environment at the edge and pass the data in:\n" + "\n".join(found)


def test_the_io_check_sees_a_read(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_text("import os\nfrom pathlib import Path\n\n"
                   "def f() -> str:\n    return Path('x').read_text() + os.environ['HOME']\n")
    assert {what for _, what in _io_uses(src)} == {"read_text()", "environ"}


# The pure stages: what they use comes in as arguments. A shipped table they need (the indicator table
# of the figures) is read at the edge (`pipeline.shipped_indicators`) and passed in, not loaded behind a
# cache by them or by a helper they import.
PURE_STAGES = ("yoy.outline", "yoy.align", "yoy.classify")
# The roads to a shipped file (`yoy/data/`, the embedded corpus): `files.package_data`, `package_path`.
SHIPPED_READS = frozenset({"package_data", "package_path"})


def _pure_reach(graph: dict[str, set[tuple[str, int]]]) -> set[str]:
    """The pure stages and every module they import, directly or through others, short of the edges
    (the lexicon's loader is imported for its record type, not called)."""
    reach: set[str] = set()
    todo = [m for m in PURE_STAGES if m in graph]
    while todo:
        m = todo.pop()
        if m in reach:
            continue
        reach.add(m)
        todo += [d for d, _ in graph.get(m, ()) if d in graph and not _is_edge(d)]
    return reach


def _shipped_reads(path: Path) -> Iterator[tuple[int, str]]:
    """(line, what) for every call of a road to a shipped file in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _called(node) in SHIPPED_READS:
            yield node.lineno, f"{_called(node)}()"


def _check_pure_reads() -> set[str]:
    """The modules `_pure_reach` finds; AssertionError naming each shipped read among them."""
    graph, modules = _graph(), _modules()
    reach = _pure_reach(graph)
    found = [f"{m}:{line} {what}" for m in sorted(reach) for line, what in _shipped_reads(modules[m])]
    assert not found, "load shipped tables at the edge and pass them in:\n" + "\n".join(found)
    return reach


def test_pure_stages_read_no_shipped_table() -> None:
    reach = _check_pure_reads()
    assert {"yoy.classify", "yoy.figures", "yoy.formulations", "yoy.history"} <= reach  # helpers are seen
    assert not reach & {"yoy.files", "yoy.lexicon", "yoy.pipeline"}  # edges are not


def test_the_shipped_read_check_sees_a_helper_of_a_pure_stage(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "yoy"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "files.py").write_text("def package_data(name: str) -> bytes:\n    return b''\n")
    (fake / "figures.py").write_text("from yoy.files import package_data\n\n"
                                     "def table() -> bytes:\n    return package_data('t.tsv')\n")
    (fake / "classify.py").write_text("from yoy import figures\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    with pytest.raises(AssertionError, match=re.escape("yoy.figures:4 package_data()")):
        _check_pure_reads()
