"""The shipped successions lexicon is what scripts/mine_lexicon.py mines from the embedded corpus."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests import scripts
from yoy import lexicon
from yoy.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    return scripts.load("scripts/mine_lexicon.py")


def test_shipped_lexicon_is_up_to_date() -> None:
    mine = _script()
    text = mine.render(mine.mine(Corpus(ROOT / "yoy" / "corpus").reports()))
    assert (ROOT / "yoy" / "data" / lexicon.SHIPPED).read_text(encoding="utf-8") == text, \
        "run scripts/mine_lexicon.py"


def test_switch_turns_every_lexicon_off(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("甲\t乙\n", encoding="utf-8")
    assert lexicon.load(env={lexicon.LEXICON_ENV: str(extra)}).successions[-1] == ("甲", "乙")
    assert lexicon.load(env={lexicon.NO_LEXICON_ENV: "1", lexicon.LEXICON_ENV: str(extra)}).successions == ()


def test_free_modifiers_are_what_the_corpus_gives() -> None:
    """vocab.FREE_MODIFIERS is what scripts/mine_modifiers.py mines from the embedded reports."""
    from yoy import vocab

    mine = scripts.load("scripts/mine_modifiers.py")
    assert set(vocab.FREE_MODIFIERS.split()) == set(mine.mine(Corpus(ROOT / "yoy" / "corpus").reports())), \
        "run scripts/mine_modifiers.py"
