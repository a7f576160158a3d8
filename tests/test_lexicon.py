"""The shipped successions lexicon is what scripts/mine_lexicon.py mines from the embedded corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from yoy import lexicon
from yoy.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mine_lexicon", ROOT / "scripts" / "mine_lexicon.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["mine_lexicon"] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_lexicon_is_up_to_date() -> None:
    mine = _script()
    text = mine.render(mine.mine(Corpus(ROOT / "fixtures" / "corpus").reports()))
    assert (ROOT / "yoy" / "data" / lexicon.SHIPPED).read_text(encoding="utf-8") == text, \
        "run scripts/mine_lexicon.py"


def test_switch_turns_every_lexicon_off(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("甲\t乙\n", encoding="utf-8")
    assert lexicon.load(env={lexicon.LEXICON_ENV: str(extra)}).successions[-1] == ("甲", "乙")
    assert lexicon.load(env={lexicon.NO_LEXICON_ENV: "1", lexicon.LEXICON_ENV: str(extra)}).successions == ()
