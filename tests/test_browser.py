"""The HTML brief in a real browser: Debian's chromium driven by Playwright (no downloaded browsers)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import render_sample as sample
from yoy import render
from yoy.models import Comparison

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


@pytest.fixture(scope="module")
def render_browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def brief_file(c: Comparison, out: Path) -> Path:
    (path,) = render.write_briefs(c, ("html",), out)
    return path


class Watched:
    """A page with every request and dialog recorded."""

    def __init__(self, browser: Any, url: str, **context: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, **context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)

    def in_viewport(self, selector: str) -> bool:
        return bool(self.page.evaluate(
            """s => { const r = document.querySelector(s).getBoundingClientRect();
                      return r.top >= -2 && r.top < window.innerHeight && r.height > 0; }""", selector))


@pytest.fixture(scope="module")
def render_chengyang_html(render_chengyang: Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return brief_file(render_chengyang, tmp_path_factory.mktemp("html"))


def test_reviewer_view(render_browser: Any, render_chengyang_html: Path, render_output_dir: Path) -> None:
    url = render_chengyang_html.as_uri()
    w = Watched(render_browser, url)
    page = w.page
    assert page.locator("#summary").is_visible()
    assert page.locator("#summary .caveats").is_visible()  # the 2025 text is a digest
    # 新质生产力 is found as new from the texts (its succession of 新旧动能转换 needs a lexicon entry)
    row = page.locator("#priority-table tr", has_text="新质生产力").first
    assert row.is_visible()
    assert page.locator("#target-table").is_visible()
    assert page.locator("#target-table tbody tr").count() >= 3
    page.screenshot(path=str(render_output_dir / "brief-chengyang-2022-2025.png"))

    # "only changes" hides the unchanged blocks and keeps the changed ones
    pairs = page.locator("article.pair")
    total, same = pairs.count(), page.locator("article.pair.same").count()
    page.locator("label.only").click()
    assert page.locator("#only-changes").is_checked()
    visible = page.evaluate(
        "[...document.querySelectorAll('article.pair')].filter(e => e.offsetParent).length")
    assert visible == total - same
    assert all(not page.locator("article.pair.same").nth(i).is_visible() for i in range(same))

    # filtering by change type
    page.locator("#only-changes").uncheck()
    if page.locator("#f-dropped").count():
        page.locator("#f-dropped").uncheck()
        assert not page.locator("article.pair.rel-dropped").first.is_visible()
        page.locator("#f-dropped").check()

    # deep link scrolls its section into view
    last = pairs.nth(total - 1).get_attribute("id")
    page.goto(f"{url}#{last}")
    page.wait_for_function(f"location.hash === '#{last}'")
    assert w.in_viewport(f"#{last}")
    assert w.errors == [] and w.dialogs == []
    assert set(w.requests) == {url}, w.requests  # nothing but the file itself
    w.context.close()


def test_deep_link_to_a_hidden_block_reveals_it(
        render_browser: Any, tmp_path: Path, render_sample: Comparison) -> None:
    url = brief_file(render_sample, tmp_path).as_uri()
    w = Watched(render_browser, url)
    w.page.locator("label.only").click()
    assert not w.page.locator("#a13").is_visible()  # the sample's unchanged block
    w.page.goto(f"{url}#a13")
    w.page.wait_for_function("location.hash === '#a13'")
    assert w.page.locator("#a13").is_visible() and w.in_viewport("#a13")
    w.context.close()


def test_readable_without_javascript(render_browser: Any, tmp_path: Path, render_sample: Comparison) -> None:
    url = brief_file(render_sample, tmp_path).as_uri()
    w = Watched(render_browser, url, java_script_enabled=False)
    page = w.page
    assert page.locator("#summary").is_visible() and page.locator("#priority-table").is_visible()
    assert page.locator("#a4 ins").first.is_visible()
    page.locator("label.only").click()  # the filter is CSS (:has), so it works without scripts too
    assert not page.locator("#a13").is_visible()
    w.context.close()


def test_injected_markup_stays_text(render_browser: Any, tmp_path: Path, render_output_dir: Path) -> None:
    url = brief_file(sample.injected(), tmp_path).as_uri()
    w = Watched(render_browser, url)
    page = w.page
    page.locator("label.only").click()
    page.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    page.wait_for_timeout(200)
    assert w.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the brief's own
    text = page.locator("body").inner_text()
    assert sample.SCRIPT in text and "onerror=alert(1)>" in text
    assert page.title().count("<script>alert(1)</script>") == 1
    assert set(w.requests) == {url}, w.requests
    page.screenshot(path=str(render_output_dir / "brief-injection.png"))
    w.context.close()
