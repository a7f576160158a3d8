"""A synthetic corpus for the scale benchmarks: many regions × years made by perturbing real reports.

Each region starts from one shipped national report; each next year is the previous year with some
sentences reordered and dropped, policy terms swapped and numbers changed, so consecutive years look
like consecutive work reports (mostly continued, some new, some dropped, targets moved).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

from yoy.corpus import Corpus
from yoy.models import Kind, Level, Report, ReportMeta

SOURCES = Path(__file__).resolve().parents[1] / "yoy" / "corpus" / "全国"
# Chances per sentence, chosen so a year keeps ~85 % of its sentences in place, as real reports do.
DROP, SWAP, NUMBER = 0.05, 0.05, 0.3
SWAPS = (("改革开放", "全面深化改革"), ("经济结构", "产业结构"), ("科技", "科技创新"),
         ("可持续发展", "高质量发展"), ("西部大开发", "区域协调发展"), ("国有企业", "国资国企"),
         ("农业", "乡村振兴"), ("环境保护", "生态文明建设"))
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；！？])", paragraph) if s]


def perturb(text: str, rng: random.Random) -> str:
    """The next year's text: sentences dropped and swapped, terms swapped, numbers changed."""
    out = []
    for paragraph in text.split("\n"):
        sentences = _sentences(paragraph)
        if len(sentences) <= 1:  # headings and one-sentence paragraphs keep the outline stable
            out.append(paragraph)
            continue
        kept = [s for s in sentences if rng.random() >= DROP] or sentences[:1]
        for i in range(len(kept) - 1):
            if rng.random() < SWAP:
                kept[i], kept[i + 1] = kept[i + 1], kept[i]
        joined = "".join(kept)
        joined = _NUMBER.sub(lambda m: str(round(float(m.group()) * rng.uniform(0.8, 1.25)))
                             if rng.random() < NUMBER else m.group(), joined)
        out.append(joined)
    result = "\n".join(out)
    for old, new in rng.sample(SWAPS, 2):
        result = result.replace(old, new, 3)
    return result


def make_corpus(root: Path, regions: int, years: int, seed: int = 0, first_year: int = 2010,
                sources: Sequence[Report] = ()) -> int:
    """Write `regions` × `years` reports under `root`, region i starting from `sources[i % n]` (default:
    the 14 national reports); return how many."""
    if not sources:
        sources = [Corpus(SOURCES.parent).load("全国", int(p.stem)) for p in sorted(SOURCES.glob("*.md"))]
    rng = random.Random(seed)
    corpus = Corpus(root)
    plans = []
    for r in range(regions):
        name = f"样本{r:04d}县"
        text = sources[r % len(sources)].text
        for k in range(years):
            year = first_year + k
            if k:
                text = perturb(text, rng)
            meta = ReportMeta(region=name, level=Level.COUNTY, year=year, kind=Kind.FULL,
                              title=f"{year}年{name}政府工作报告", date=None, session=None, speaker=None,
                              source=f"synthetic-{seed}", source_sha256="0" * 64)
            plans.append(corpus.plan(Report(meta=meta, text=text, appendix="")))
    corpus.write(tuple(plans))
    return len(plans)

