"""Quality gate: the change gold files of ../shared/gold scored by benchmarks/accuracy.py, lexicon off.

The figures pinned here are the ones reached (never lower them); the issue's targets are noted
beside them. The lexicon is off: the engine must find these from the texts alone.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests import scripts

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"

pytestmark = pytest.mark.skipif(not (GOLD / "national_2000_2013.json").exists(), reason="gold data absent")

# national_2000_2013.json, reached (target): recall anywhere, within the top 25, rewordings, top-10
# common-word share (at most).
NATIONAL_RECALL = 0.96  # (≥ 0.90); 0.788 (82/104) in round 2; 0.865 (90/104) with joined phrases, composites,
# A-x-A-y frames, Latin codes and heading units as candidates; 0.894 (93/104) with gaps ranked by run
# (round 3); 0.904 (94/104) with both merged; 0.923 (96/104) with debuts weighed by coinage (round 6);
# 0.933 (97/104) with one-slot rewordings (round 7); 0.942 (98/104) with surges (a phrase said before,
# absent from the old report, now said more than twice as often as in all earlier reports together);
# 0.952 (99/104) with a phrase ending before a verb and its aspect complement (round 8); 0.962 (100/104)
# with cuts that end on a word waiting for its object or head no candidates (cand5)
# top 25: 0.317 on the formulations branch, 0.308 (32/104) once merged with the repaired national outlines
# round 2 (salience by the shape of a name, variants demoted): 0.337 (35/104)
# round 3 (framing words mark a name, weights rebalanced): 0.356 (37/104)
# round 4 (gaps ranked by run and fade, merged in after the first ten new ones): 0.385 (40/104)
# round 5 (clause fragments and old phrases said another way rank below names): 0.404 (42/104)
# round 6 (a debut of long-said words and pairs ranks below a coined one, W_COIN): 0.423 (44/104)
# round 6, dropped side (a dropped part folds into its whole, dropped phrases kept in other words are
# wording, long episodes and standing vocabulary weaker gaps): 0.423 (44/104); resumed runs weaker gaps: 0.433
# (45/104); a short history's gaps tested for genericness: 0.442 (46/104)
# both sides of round 6 merged: 0.452 (47/104)
# round 7 (a compact name on a word coined with a derivational suffix, W_DERIVED): 0.481 (50/104)
# round 7 (one-slot rewordings, A-x-A-y formulas): 0.471 (49/104)
# both merged: 0.500 (52/104)
# round 8 (a count moving on ranks as a variant; no short one-word phrase in the head): 0.510 (53/104)
# round 8 (a phrase ending in an X型 word is cut before its head; a phrase loses a leading pronoun):
# 0.510 (53/104); an adverbial and a verb without an object a fragment: 0.519 (54/104)
# round 9 (attribution to a proposing body as a framing mark): 0.538 (56/104)
# round 10 (a preposition's object ends before the clause's verb; a 以A V B clause keeps its 以 and is
# framed): 0.548 (57/104)
# round 11 (a dropped phrase whose coined element is gone from the new report is a gap; chosen on the
# 2000–2007 pairs, checked on the held-out 2007–2013 pairs): 0.557 (58/104)
# round 15 (a dropped plan name said with the next number is a count moving on; neutral on the
# 2000–2007 pairs, +1 item on the held-out 2007–2013 pairs): 0.567 (59/104)
# round 20 (a noun the reports seldom use as a modifier, before a nominal head, makes a term, not a
# plain pair: `vocab.FREE_MODIFIERS`; neutral on 2000–2007, +1 item on 2007–2013): 0.577 (60/104)
NATIONAL_TOP25 = 60 / 104  # (≥ 0.80)
NATIONAL_REWORDED = 8  # of 8 (≥ 7); 8 with one-slot rewordings (round 7)
NATIONAL_COMMON_AT_MOST = 0.154  # (≤ 0.10); 0.192 in round 2, 0.177 (23/130) in rounds 3 to 5,
# 0.169 (22/130) in round 6 and round 8; round 9: 0.162 (21/130) with results after a verb of attainment
# as fragments, back to 0.169 once attribution was added (it alone gives 0.177); round 16: 0.1615
# (21/130) with a stated figure's indicator wording no formulation (choice half 15/70, held-out 6/60);
# 0.154 (20/130) with two modifiers transposed before the same head as a variant (`_reordered`).
# The gold itself holds common words by this measure (debuts later reports kept, long-said dropped
# terms): a top 10 that leads with each pair's gold terms has 35/130 = 0.269 (`make eval`'s floor), so
# the ≤ 0.10 target and a gold-led head cannot both hold; the pin is kept all the same
# chengyang_2022_2025.json: recall anywhere.
SEED_RECALL = 1.0  # round 2: 13/13
# chengyang_2022_2025.json: within the top 25 (lexicon off). 4/13 from round 2 on (not pinned); 5/13 with
# the contemporaries' mark on a debut (`W_PEER`, round 18)
SEED_TOP25 = 5 / 13


def _accuracy() -> ModuleType:
    return scripts.load("benchmarks/accuracy.py")


def test_gold_scores_with_the_lexicon_off() -> None:
    acc = _accuracy()
    scores = acc.evaluate(GOLD, lexicon_on=False, verbose=False)
    nat, seed = scores["national_2000_2013.json"], scores["chengyang_2022_2025.json"]
    print(f"\nnational {nat.line()}\nseed     {seed.line()}")
    assert nat.found / nat.gold_terms >= NATIONAL_RECALL
    assert nat.found_top / nat.gold_terms >= NATIONAL_TOP25
    assert nat.reworded >= NATIONAL_REWORDED
    assert nat.common / nat.top10 <= NATIONAL_COMMON_AT_MOST
    assert seed.found / seed.gold_terms >= SEED_RECALL
    assert seed.found_top / seed.gold_terms >= SEED_TOP25 - 1e-9
    for s in (nat, seed):  # `--ranks` agrees with the counts: one rank a gold term, found ones ranked
        assert len(s.ranks) == s.gold_terms
        assert sum(r is not None for r in s.ranks) == s.found
        assert sum(r is not None and r <= acc.TOP for r in s.ranks) == s.found_top


def test_matching_rule() -> None:
    acc = _accuracy()
    # invented terms of the gold's shapes (a short slogan, a quoted plan name, a long programme)
    assert acc.matches("强基础", "强基础")
    assert acc.matches("阶段性减费", "实行阶段性减费")  # contains it, 2 extra characters
    assert not acc.matches("零碳", "大力开发零碳技术")  # 6 extra characters
    assert acc.matches("“十八五”规划", "十八五规划")
    assert not acc.matches("全面建设美丽乡村", "美丽乡村")  # covers 50% < 75%


def test_common_floor_counts_the_gold_a_top_ten_cannot_avoid() -> None:
    acc = _accuracy()
    others = ["旧说法。强基础。", "强基础，旧说法。", "戊己庚。"]  # 强基础, 旧说法 in 2 of 3
    # a rewording is one line, its new side: the common old side is not counted again
    assert acc._floor_common(["强基础", "零碳"], ["旧说法"], [("旧说法", "零碳")], others) == 1
    assert acc._floor_common([], ["旧说法"], [], others) == 1  # a dropped common term counts
    assert acc._floor_common(["辛壬"], [], [], others) == 0
    # more than ten gold lines: the uncommon ones fill the ten places first
    gold = [f"新词{i}" for i in range(10)] + ["强基础"]
    assert acc._floor_common(gold, [], [], others) == 0


def test_heads_mark_what_the_scores_count() -> None:
    """`--heads`: the G and C marks of a pair's first lines are the matches and the common words the
    scores count (全国 2008→2009, lexicon off: one comparison; its top 10 holds common words)."""
    acc = _accuracy()
    from yoy import lexicon, pipeline
    from yoy.corpus import Corpus

    _, region, yo, yn, new, dropped, reworded = next(p for p in acc._pairs(GOLD) if p[2:4] == (2008, 2009))
    corpus = Corpus(ROOT / "yoy" / "corpus")
    c = pipeline.compare_stored(corpus, corpus.load(region, yo), corpus.load(region, yn), lexicon.Lexicon())
    others = [acc.flat_text(r) for r in corpus.history(region) if r.meta.year not in (yo, yn)]
    score = acc.score_pair(c, new, dropped, reworded, others)
    marks = acc.head_marks(c, acc.TOP, [*new, *dropped], others)
    assert len(marks) == acc.TOP
    assert score.common > 0 and sum(cm for _, _, cm in marks[:acc.TOP_COMMON]) == score.common
    # every gold term found in the top 25 marks its best line (a term can match two lines)
    best = {r for r in score.ranks if r is not None and r <= acc.TOP}
    assert best and best <= {r.rank for r, g, _ in marks if g}
