"""Geometry of the briefs' inline SVG line charts (the templates draw them): a term's frequency over
the years, and a target series (the target each year, the result beside it)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from yoy.models import BRIEF_WORDS, TargetSeries, TermSeries

CHART_TERMS = 8  # formulations whose history may be charted: the first the brief shows


def term_charts(history: Sequence[TermSeries], shown: Sequence[str]) -> list[dict[str, Any]]:
    """Geometry of one small line chart per shown formulation (the first `CHART_TERMS` of `shown`)
    whose history has more than two years."""
    charts = []
    order = {t: i for i, t in enumerate(list(dict.fromkeys(shown))[:CHART_TERMS])}
    series = sorted((s for s in history if len(s.points) > 2 and s.term in order),
                    key=lambda s: order[s.term])
    w, h, left, right, top, bottom = 250, 140, 34, 14, 26, 28
    for s in series[:6]:
        years = [y for y, _ in s.points]
        vmax = max(v for _, v in s.points) or 1.0
        y0, y1 = min(years), max(years)
        span = (y1 - y0) or 1

        def px(year: int, value: float, y0: int = y0, span: int = span,
               vmax: float = vmax) -> tuple[float, float]:
            return (round(left + (year - y0) / span * (w - left - right), 1),
                    round(h - bottom - value / vmax * (h - top - bottom), 1))

        pts = [(*px(y, v), y, v) for y, v in s.points]
        every = max(1, math.ceil(len(pts) / 6))  # at most about six year labels under the axis
        ticks = [(x, year) for k, (x, _, year, _) in enumerate(pts) if k % every == 0 or k == len(pts) - 1]
        if len(ticks) > 1 and ticks[-1][0] - ticks[-2][0] < 30:
            ticks.pop(-2)
        charts.append({"ticks": ticks, "term": s.term, "w": w, "h": h, "left": left, "right": w - right,
                       "top": top, "base": h - bottom, "vmax": vmax, "points": pts,
                       "polyline": " ".join(f"{x},{y}" for x, y, _, _ in pts)})
    return charts


# Target series drawn: the indicators set in most years, at most this many, each with ≥ 3 years.
TARGET_CHARTS = 4


def target_charts(series: Sequence[TargetSeries]) -> list[dict[str, Any]]:
    """Geometry of one line chart per target series: the target each year, the result beside it."""
    charts = []
    numeric = [s for s in series if sum(p.target is not None and p.target.number is not None
                                        for p in s.points) >= 3]
    w, h, left, right, top, bottom = 620, 190, 44, 16, 30, 30
    for s in numeric[:TARGET_CHARTS]:
        vals = [f.number for p in s.points for f in (p.target, p.result)
                if f is not None and f.number is not None]
        vmax = max(vals) * 1.15 or 1.0
        years = [p.year for p in s.points]
        y0, span = min(years), (max(years) - min(years)) or 1

        def px(year: int, value: float, y0: int = y0, span: int = span,
               vmax: float = vmax) -> tuple[float, float]:
            return (round(left + (year - y0) / span * (w - left - right), 1),
                    round(h - bottom - value / vmax * (h - top - bottom), 1))

        points = []
        for p in s.points:
            x, _ = px(p.year, 0)
            t = p.target if p.target is not None and p.target.number is not None else None
            r = p.result if p.result is not None and p.result.number is not None else None
            label = BRIEF_WORDS["chart_point"].format(
                year=p.year, target=p.target.value if p.target else BRIEF_WORDS["unset"])
            if p.result:
                label += BRIEF_WORDS["chart_result"].format(result=p.result.value)
            points.append({"year": p.year, "x": x, "ty": px(p.year, t.number)[1] if t and t.number is not None
                           else None, "ry": px(p.year, r.number)[1] if r and r.number is not None else None,
                           "label": label, "set": p.target is not None})
        segs: list[list[str]] = [[]]
        for pt in points:
            if pt["ty"] is None:
                segs.append([])
            else:
                segs[-1].append(f"{pt['x']},{pt['ty']}")
        charts.append({"indicator": s.indicator, "w": w, "h": h, "left": left, "right": w - right,
                       "top": top, "base": h - bottom, "vmax": vmax, "points": points,
                       "polylines": [" ".join(sg) for sg in segs if len(sg) > 1]})
    return charts

