"""`yoy trend TERM`: which regions and years use a term, when each first did, how often (from the index).

Counts are occurrences of the folded term per report and per 10,000 characters, as the briefs'
history series count them; `summarise` adds the zero years, so a series shows when a term appeared.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from yoy.index import Entry, TermCount
from yoy.vocab import TREND as W
from yoy.vocab import TREND_COLUMNS

# Lines drawn in the chart: the regions with most uses; more lines than this are unreadable.
CHART_REGIONS = 8
CHART_W, CHART_H, PAD = 640, 260, 36  # SVG size and margin, px
LABEL_W = 72  # px right of the plot for the region names (four CJK characters at 11 px, and a gap)
LABEL_GAP = 13  # px between two region names stacked at the right edge (font size 11 + 2)
# Colour-blind-safe palette (Okabe & Ito 2008), one colour per line.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000")


@dataclass(frozen=True, slots=True)
class RegionTrend:
    """One region's use of the term: every stored year with its count (zeros included)."""

    region: str
    points: tuple[TermCount, ...]

    @property
    def first_year(self) -> int | None:
        """The first stored year that uses the term."""
        return next((p.year for p in self.points if p.count), None)

    @property
    def years_used(self) -> int:
        """How many stored years use it."""
        return sum(1 for p in self.points if p.count)

    @property
    def total(self) -> int:
        """Uses over all stored years."""
        return sum(p.count for p in self.points)


@dataclass(frozen=True, slots=True)
class Trend:
    """The term, its matching form, and the regions that use it (first use, then name)."""

    term: str
    key: str
    exact: bool
    regions: tuple[RegionTrend, ...]
    regions_total: int  # regions in the corpus (in the scope asked for)


def summarise(term: str, key: str, exact: bool, counts: Sequence[TermCount],
              entries: Sequence[Entry]) -> Trend:
    """Every region with a use of the term, its series over all its stored years."""
    found = {(c.region, c.year): c for c in counts}
    used = {c.region for c in counts if c.count}
    series: dict[str, list[TermCount]] = {}
    for e in entries:
        reg, year = e.meta.region, e.meta.year
        series.setdefault(reg, []).append(found.get((reg, year), TermCount(reg, year, 0, e.chars)))
    regions = [RegionTrend(r, tuple(points)) for r, points in series.items() if r in used]
    regions.sort(key=lambda t: (t.first_year or 0, t.region))
    return Trend(term=term, key=key, exact=exact, regions=tuple(regions), regions_total=len(series))


def as_dict(t: Trend) -> dict[str, object]:
    """The trend as JSON-ready values."""
    return {
        "term": t.term, "key": t.key, "exact": t.exact, "regions_total": t.regions_total,
        "regions": [{"region": r.region, "first_year": r.first_year, "years_used": r.years_used,
                     "total": r.total,
                     "points": [{"year": p.year, "count": p.count, "chars": p.chars, "per10k": p.per10k}
                                for p in r.points]} for r in t.regions],
    }


def svg(t: Trend) -> str:
    """A line chart of uses per 10,000 characters by year, one line per region (the most-using few)."""
    lines = sorted(t.regions, key=lambda r: (-r.total, r.region))[:CHART_REGIONS]
    years = sorted({p.year for r in lines for p in r.points})
    if not years:
        return ""
    top = max((p.per10k for r in lines for p in r.points), default=0.0) or 1.0
    lo, hi = years[0], max(years[-1], years[0] + 1)

    def x(year: int) -> float:
        return PAD + (year - lo) * (CHART_W - 2 * PAD - LABEL_W) / (hi - lo)

    def y(value: float) -> float:
        return CHART_H - PAD - value * (CHART_H - 2 * PAD) / top

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_W} {CHART_H}" role="img" '
           f'aria-label="{html.escape(t.term)}: uses per 10,000 characters by year" font-size="11">',
           f'<line x1="{PAD}" y1="{CHART_H - PAD}" x2="{x(hi):.1f}" y2="{CHART_H - PAD}" stroke="#888"/>',
           f'<text x="{PAD}" y="{PAD - 12}" fill="#555">{W["per10k_axis"].format(top=f"{top:g}")}</text>',
           f'<text x="{PAD}" y="{CHART_H - PAD + 16}" fill="#555">{lo}</text>',
           f'<text x="{x(years[-1]):.1f}" y="{CHART_H - PAD + 16}" fill="#555" '
           f'text-anchor="end">{years[-1]}</text>']
    label_y: list[float] = []  # names at the right edge, pushed apart so none overlaps another
    for r in sorted(lines, key=lambda r: y(r.points[-1].per10k)):
        want = y(r.points[-1].per10k) + 4
        label_y.append(max(want, label_y[-1] + LABEL_GAP) if label_y else want)
    label_of = dict(zip(sorted(lines, key=lambda r: y(r.points[-1].per10k)), label_y, strict=True))
    for n, r in enumerate(lines):
        colour = PALETTE[n % len(PALETTE)]
        pts = " ".join(f"{x(p.year):.1f},{y(p.per10k):.1f}" for p in r.points)
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{pts}">'
                   f'<title>{html.escape(r.region)}</title></polyline>')
        out += [f'<circle cx="{x(p.year):.1f}" cy="{y(p.per10k):.1f}" r="2.5" fill="{colour}">'
                f'<title>{html.escape(r.region)} {p.year}: {p.count}</title></circle>' for p in r.points]
        out.append(f'<text x="{x(hi) + 8:.1f}" y="{label_of[r]:.1f}" fill="{colour}">'
                   f'{html.escape(r.region)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def page(t: Trend, generator: str) -> str:
    """A self-contained HTML page: the chart and the table."""
    rows = "\n".join(
        f"<tr><td>{html.escape(r.region)}</td><td>{r.first_year}</td>"
        f"<td>{r.years_used} / {len(r.points)}</td><td>{r.total}</td><td>{r.points[-1].per10k:g}</td></tr>"
        for r in t.regions)
    title = html.escape(W["title"].format(term=t.term))
    head = "".join(f"<th>{c}</th>" for c in TREND_COLUMNS)
    return (f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
            f'<meta name="generator" content="{html.escape(generator)}">\n<title>{title}</title>\n'
            "<style>body{font-family:sans-serif;max-width:720px;margin:2em auto;color:#222}"
            "table{border-collapse:collapse}"
            "td,th{padding:2px 10px;border-bottom:1px solid #ddd;text-align:right}"
            "td:first-child,th:first-child{text-align:left}</style></head><body>\n"
            f"<h1>{title}</h1>\n<p>{W['regions_using'].format(n=len(t.regions), total=t.regions_total)}"
            f"{'' if t.exact else W['inexact']}</p>\n{svg(t)}\n"
            f"<table><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>\n</body></html>\n")
