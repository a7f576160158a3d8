"""What makes a comparison record (the JSON brief) large: bytes by field, evidence sentences quoted more
than once, reasons the ranked list repeats, the redline beside the section texts, and the layout.

Prints figures for each pair asked for (default: 全国 2012 → 2013, the record review5 item 20 measured
at 1.7 MB, and 城阳区 2022 → 2025), from the embedded corpus as `yoy compare` builds them. Asserts
nothing; sizes do not depend on the machine's load.
Run: .venv/bin/python benchmarks/record_size.py [REGION OLD NEW ...]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from yoy import jsonio, pipeline, render
from yoy.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
PAIRS = (("全国", 2012, 2013), ("城阳", 2022, 2025))


def size(value: Any) -> int:
    """UTF-8 bytes of `value` as compact JSON (no spaces, no indentation)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def text_bytes(texts: Any) -> int:
    return sum(len(t.encode("utf-8")) for t in texts if t)


def measure(region: str, old_year: int, new_year: int) -> None:
    corpus = Corpus(ROOT / "yoy" / "corpus")
    c = pipeline.compare_stored(corpus, corpus.load(region, old_year), corpus.load(region, new_year))
    written = jsonio.dump(c).encode("utf-8")
    record = json.loads(written)
    compact = size(record)
    html = len(render.render_html(c).encode("utf-8"))
    print(f"\n{render.headline(c)}: JSON {len(written):,} B as written (indent=2), {compact:,} B compact, "
          f"gzip -6 {len(gzip.compress(written, 6)):,} B; HTML {html:,} B")
    print(f"  layout (indentation and spaces): {len(written) - compact:,} B "
          f"({(len(written) - compact) / len(written):.0%} of the file)")
    print("  field              compact bytes  share  items")
    for key, value in sorted(record.items(), key=lambda kv: -size(kv[1])):
        n = len(value) if isinstance(value, list | dict) else ""
        print(f"  {key:18} {size(value):>13,}  {size(value) / compact:>5.0%}  {n}")
    priorities = record["priorities"]
    evidence = [e for p in priorities for e in p["evidence"]]
    sentences = [e["sentence"] for e in evidence]
    quoted = text_bytes(sentences)
    distinct = text_bytes(set(sentences))
    texts = "".join((s["old_text"] or "") + (s["new_text"] or "") for s in record["sections"])
    print(f"  priorities: {len(priorities):,} ({dict(Counter(p['change'] for p in priorities))}); "
          f"evidence {size(evidence):,} B in {len(evidence):,} quotes of {len(set(sentences)):,} "
          f"distinct sentences: sentence text {quoted:,} B, {quoted - distinct:,} B of it repeats a "
          f"sentence quoted before; {sum(s in texts for s in sentences):,} quotes are also in a "
          f"section's text")
    ranked = record["ranked"]
    basis = {p["term"]: p["basis"] for p in priorities}
    repeated = [r for r in ranked if r["kind"] == "priority" and basis.get(r["ref"])
                and r["reason"].startswith(basis[r["ref"]])]
    print(f"  ranked: {len(ranked):,} items, {size(ranked):,} B; {len(repeated):,} reasons repeat their "
          f"priority's basis ({text_bytes(r['reason'] for r in repeated):,} B of reason text)")
    sections = record["sections"]
    diff_text = text_bytes(chunk["text"] for s in sections for chunk in s["diff"])
    print(f"  sections: {size(sections):,} B: texts {text_bytes(texts):,} B and their redline "
          f"{diff_text:,} B of chunk text (the same characters again)")
    top = {r["ref"] for r in ranked[:100]}
    print(f"  the 100 best-ranked items' priorities: {size([p for p in priorities if p['term'] in top]):,} B")


def main(argv: list[str]) -> None:
    pairs = [(argv[i], int(argv[i + 1]), int(argv[i + 2])) for i in range(0, len(argv), 3)] or PAIRS
    for region, old, new in pairs:
        measure(region, old, new)


if __name__ == "__main__":
    main(sys.argv[1:])
