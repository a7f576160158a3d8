"""The target chart in a real chromium (Debian's chromium, as tests/test_browser.py launches it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.corpus_reports import CORPUS
from yoy import pipeline, render

pytestmark = pytest.mark.browser





def test_gdp_target_chart_has_one_point_per_year(chromium: Any, tmp_path: Path,
                                                 render_output_dir: Path) -> None:
    c = pipeline.compare(CORPUS.load("全国", 2012), CORPUS.load("全国", 2013), CORPUS.history("全国"))
    (html,) = render.write_briefs(c, ("html",), tmp_path)
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html.as_uri())
    chart = page.locator('#target-series figure[data-indicator="国内生产总值增长"]')
    assert chart.is_visible()
    points = chart.locator("g.tpoint")
    assert points.count() == 14
    years = [points.nth(i).get_attribute("data-year") for i in range(14)]
    assert years == [str(y) for y in range(2000, 2014)]
    assert chart.locator("g.tpoint.unset").count() == 3  # 2000-2002 set no GDP target
    assert chart.locator("circle.target").count() == 11
    box = chart.locator("circle.target").first.bounding_box()
    assert box is not None and box["width"] > 0  # drawn, not only in the DOM
    tip = chart.locator('g.tpoint[data-year="2009"] title').text_content() or ""
    assert "目标 8%左右 / 实际 8.7%" in tip
    chart.screenshot(path=str(render_output_dir / "target-series-national.png"))
    assert errors == []
    page.close()
