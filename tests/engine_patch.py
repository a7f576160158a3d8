"""Change one of the classify stage's named constants (or helpers) for a test.

A constant of `yoy.classify.weights` is imported by name into the modules that use it, and a helper
into the modules that call it, so a test that changes one sets it in every module of the package
that binds the name.
"""

from __future__ import annotations

from types import ModuleType

import pytest

import yoy.classify as package


def _modules() -> list[ModuleType]:
    return [package, *(m for n in package.__all__ if isinstance(m := getattr(package, n), ModuleType))]


def set_in_classify(mp: pytest.MonkeyPatch, name: str, value: object) -> None:
    """`mp.setattr` on every module of `yoy.classify` that binds `name` (at least one that uses it)."""
    where = [m for m in _modules() if name in vars(m)]
    assert where, f"no module of yoy.classify binds {name}"
    for m in where:
        mp.setattr(m, name, value)
