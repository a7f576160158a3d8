"""Measure the stance heads and modifier lengths: the source of `formulations.STANCE_HEAD_VARIETY` and
`formulations.COMPOUND_MAX`.

Run: .venv/bin/python scripts/measure_stances.py
Over every embedded report (national and district), the strict stances (`formulations.stances`:
`X的H`, every word of X tagged evaluative by jieba) on policy-compound heads (`stance_head`): for each
head, its distinct modifiers and how often each is said; then the length distribution of those
modifiers (without a degree adverb before them). `COMPOUND_MAX` is the longest length found;
`STANCE_HEAD_VARIETY` separates the heads that take several stances over the years from those that
take one fixed description. It also prints how many heads `stance_heads` confirms on the whole corpus
at that variety, and the looser readings (`Stance.strict` False) that the embedded reports hold on
those heads (what the loose compounds and the predicate form add on the development corpus).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yoy import formulations, outline, terms, vocab  # noqa: E402
from yoy.corpus import Corpus  # noqa: E402
from yoy.history import flat_text  # noqa: E402


def main() -> int:
    root = ROOT / "yoy" / "corpus"
    corpus = Corpus(root)
    mods: dict[str, Counter[str]] = defaultdict(Counter)
    loose: dict[str, Counter[str]] = defaultdict(Counter)
    lengths: Counter[int] = Counter()
    flats = []
    degree = vocab.DEGREE_ADVERBS.split()
    for region_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for f in sorted(region_dir.glob("*.md")):
            r = corpus.load(region_dir.name, int(f.stem))
            flats.append(flat_text(r))
            d = terms.doc(r, outline.segment(r))
            for head, found in formulations.stances(d).items():
                if not formulations.stance_head(head):
                    continue
                for s in found:
                    if s.strict:
                        mods[head][s.modifier] += 1
                        bare = next((s.modifier[len(a):] for a in degree if s.modifier.startswith(a)
                                     and len(s.modifier) > len(a)), s.modifier)
                        lengths[len(bare)] += 1
                    else:
                        loose[head][s.phrase] += 1
    print("strict modifiers by head (distinct: modifier×reports)")
    for head, c in sorted(mods.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"  {head}\t{len(c)}\t" + " ".join(f"{m}×{n}" for m, n in c.most_common()))
    print("modifier length (characters, without a degree adverb): count", sorted(lengths.items()))
    print(f"COMPOUND_MAX = {formulations.COMPOUND_MAX} (longest found: {max(lengths)})")
    varied = formulations.stance_heads(mods, flats)
    print(f"STANCE_HEAD_VARIETY = {formulations.STANCE_HEAD_VARIETY}: {len(varied)} of {len(mods)} heads "
          f"confirmed by stance_heads over {len(flats)} reports")
    print("looser readings on the confirmed heads:")
    for head in sorted(varied):
        print(f"  {head}\t" + " ".join(f"{p}×{n}" for p, n in loose[head].most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
