"""The HTML brief in a real browser: Debian's chromium driven by Playwright (no downloaded browsers)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RENDER_SCRIPT
from yoy import render
from yoy.models import Comparison, PairLevel, Relation, SectionPair

pytestmark = pytest.mark.browser





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
        self.page.on("dialog", self._dismiss)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)

    def _dismiss(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def in_viewport(self, selector: str) -> bool:
        return bool(self.page.evaluate(
            """s => { const r = document.querySelector(s).getBoundingClientRect();
                      return r.top >= -2 && r.top < window.innerHeight && r.height > 0; }""", selector))


@pytest.fixture(scope="module")
def render_chengyang_html(render_chengyang: Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return brief_file(render_chengyang, tmp_path_factory.mktemp("html"))


def test_reviewer_view(chromium: Any, render_chengyang_html: Path, render_chengyang: Comparison,
                       render_output_dir: Path) -> None:
    url = render_chengyang_html.as_uri()
    w = Watched(chromium, url)
    page = w.page
    assert page.locator("#summary").is_visible()
    assert page.locator("#summary .caveats").is_visible()  # the 2025 text is a digest
    best = next(r.ref for r in render_chengyang.ranked if r.kind == "priority")  # the best-ranked term
    row = page.locator("#priority-table tr", has_text=best).first
    assert row.is_visible()
    assert page.locator("#target-table").is_visible()
    assert page.locator("#target-table tbody tr").count() >= 3
    page.screenshot(path=str(render_output_dir / "brief-chengyang-2022-2025.png"))

    # "only changes" hides the sections changed below the threshold and keeps the others
    pairs = page.locator("article.pair")
    total, same = pairs.count(), page.locator("article.pair.same").count()
    page.locator("label.only").click()
    assert page.locator("#only-changes").is_checked()
    visible = page.evaluate(
        "[...document.querySelectorAll('article.pair')].filter(e => e.offsetParent).length")
    assert visible == total - same
    assert all(not page.locator("article.pair.same").nth(i).is_visible() for i in range(same))
    page.locator("#only-changes").uncheck()

    # deep link scrolls its section into view
    last = pairs.nth(total - 1).get_attribute("id")
    page.goto(f"{url}#{last}")
    page.wait_for_function(f"location.hash === '#{last}'")
    assert w.in_viewport(f"#{last}")
    assert w.errors == [] and w.dialogs == []
    assert set(w.requests) == {url}, w.requests  # nothing but the file itself
    assert page.locator("script").count() == 1 and page.locator("script[src]").count() == 0
    w.context.close()


def _box(page: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = page.evaluate(
        """s => { const r = document.querySelector(s).getBoundingClientRect();
                  const t = document.getElementById('toolbar').getBoundingClientRect();
                  return {top: r.top, bottom: r.bottom, height: r.height, bar: t.bottom,
                          vh: window.innerHeight}; }""", selector)
    return box


def _below_toolbar(page: Any, selector: str) -> bool:
    b = _box(page, selector)
    return b["height"] > 0 and b["top"] >= b["bar"] - 1 and b["bottom"] <= b["vh"] + 1


def test_evidence_link_lands_on_the_sentence_in_both_years_and_back(
        chromium: Any, tmp_path: Path, render_national: Comparison) -> None:
    ctx = render.brief_context(render_national)


    def same_row(a: str, b: str) -> bool:  # sentence ids are pair-side+n-row
        return a.split("-")[::2] == b.split("-")[::2]

    # a rewording with a sentence of each year in one row of the side-by-side view
    p, ev = next((p, ev) for p in ctx["priorities"] if p["change"] == "reworded"
                 for ev in p["new_evidence"] if ev["sid"] and ev["also"] and same_row(ev["sid"], ev["also"]))
    old_sid, new_sid = ev["also"], ev["sid"]
    url = brief_file(render_national, tmp_path).as_uri()
    w = Watched(chromium, url)
    page = w.page
    link = page.locator(f"#{p['anchor']} a.ev-link[href='#{new_sid}']")
    link.click()
    page.wait_for_function(f"location.hash === '#{new_sid}'")
    for sid in (old_sid, new_sid):  # both years, opposite each other, below the sticky toolbar
        assert _below_toolbar(page, f"#{sid}"), (sid, _box(page, f"#{sid}"))
    assert page.locator(f"#{new_sid}.landed").count() == 1
    assert page.locator(f"#{old_sid}.landed").count() == 1  # the other year's sentence too
    bg = page.evaluate(f"getComputedStyle(document.getElementById('{new_sid}')).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
    assert p["term"] in page.locator(f"#{new_sid} mark").all_inner_texts()
    assert p["old_term"] in page.locator(f"#{old_sid} mark").all_inner_texts()  # the words it replaced
    back = page.locator(f"#{new_sid} a.back[href='#{p['anchor']}']")
    assert back.is_visible()
    back.click()
    page.wait_for_function(f"location.hash === '#{p['anchor']}'")
    assert w.in_viewport(f"#{p['anchor']}")
    assert w.errors == []
    w.context.close()


def test_top_list_and_target_links_land_on_sentences(
        chromium: Any, render_chengyang_html: Path, render_chengyang: Comparison) -> None:
    w = Watched(chromium, render_chengyang_html.as_uri())
    page = w.page
    first = page.locator("ol.top a.jump").first
    href = first.get_attribute("href")
    assert href and re.fullmatch(r"#a\d+-[on]\d+-\d+", href)
    first.click()
    page.wait_for_function(f"location.hash === '{href}'")
    assert _below_toolbar(page, href)
    term = first.get_attribute("data-term")
    assert term and term in " ".join(page.locator(f"{href} mark").all_inner_texts())
    target = page.locator("#target-table a.jump").first
    thref = target.get_attribute("href")
    target.click()
    page.wait_for_function(f"location.hash === '{thref}'")
    assert _below_toolbar(page, str(thref))
    page.locator(f"{thref} a.back").first.click()
    assert w.in_viewport("#target-table")
    w.context.close()


def test_j_and_k_step_through_every_change_in_order(
        chromium: Any, render_chengyang_html: Path, render_chengyang: Comparison) -> None:
    w = Watched(chromium, render_chengyang_html.as_uri())
    page = w.page
    ids = page.evaluate("[...document.querySelectorAll('#diff .chg')].map(e => e.id || e.parentElement.id)")
    assert len(ids) == render.brief_context(render_chengyang)["changes"] > 5
    page.locator("h1").click()
    for i, want in enumerate(ids):
        page.keyboard.press("j")
        got = page.evaluate("(() => { const e = document.querySelector('#diff .current');"
                            " return e.id || e.parentElement.id; })()")
        assert got == want, (i, got, want)
        assert page.evaluate("(() => { const r = document.querySelector('#diff .current')"
                             ".getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })()")
    assert page.locator("#change-pos").inner_text().startswith(f"{len(ids)} / {len(ids)}")
    for want in reversed(ids[:-1]):
        page.keyboard.press("k")
        got = page.evaluate("(() => { const e = document.querySelector('#diff .current');"
                            " return e.id || e.parentElement.id; })()")
        assert got == want
    page.locator("#next-change").click()
    now = page.evaluate("(() => { const e = document.querySelector('#diff .current');"
                        " return e.id || e.parentElement.id; })()")
    assert now == ids[1]  # the button steps like j, from where k left off
    w.context.close()


def test_aligned_sentences_sit_opposite_each_other(
        chromium: Any, tmp_path: Path, render_national: Comparison) -> None:
    w = Watched(chromium, brief_file(render_national, tmp_path).as_uri())
    page = w.page
    page.evaluate("document.querySelectorAll('details.same-run').forEach(d => d.open = true)")
    geometry = page.evaluate("""() => [...document.querySelectorAll('#diff .row.op-equal')].map(r => {
        const [o, n] = r.querySelectorAll('.cell');
        return [o.getBoundingClientRect().top, n.getBoundingClientRect().top,
                o.getBoundingClientRect().left < n.getBoundingClientRect().left,
                o.textContent === n.textContent];
      })""")
    assert geometry and all(abs(a - b) < 1 and left and same for a, b, left, same in geometry), geometry
    changed = page.locator("#diff .row.op-changed").first
    assert changed.locator(".cell.old del").count() and not changed.locator(".cell.old ins").count()
    assert changed.locator(".cell.new ins").count() and not changed.locator(".cell.new del").count()
    old_top = changed.locator(".cell.old").bounding_box()["y"]
    assert abs(old_top - changed.locator(".cell.new").bounding_box()["y"]) < 1
    w.context.close()


def test_type_filter_hides_and_shows(chromium: Any, tmp_path: Path, render_national: Comparison) -> None:
    w = Watched(chromium, brief_file(render_national, tmp_path).as_uri())
    page = w.page
    only_new = "#diff .row.chg[data-types='new']"
    assert page.locator(only_new).count() > 0
    n = page.evaluate("[...document.querySelectorAll('#diff .chg')].length")
    page.locator("#t-new").uncheck()
    assert all(not page.locator(only_new).nth(i).is_visible() for i in range(page.locator(only_new).count()))
    assert not page.locator("#pg-new").is_visible() and page.locator("#pg-dropped").is_visible()
    page.locator("h1").click()
    page.keyboard.press("j")
    assert page.evaluate("document.querySelector('#diff .current').getAttribute('data-types')") != "new"
    page.locator("#t-new").check()
    assert page.locator(only_new).first.is_visible() and page.locator("#pg-new").is_visible()
    page.locator("#t-reworded").uncheck()
    assert not page.locator("#diff .row.chg[data-types='reworded']").first.is_visible()
    assert page.evaluate("[...document.querySelectorAll('#diff .chg')].length") == n
    w.context.close()


def test_type_filter_hides_top_list_items(chromium: Any, render_chengyang_html: Path) -> None:
    w = Watched(chromium, render_chengyang_html.as_uri())
    page = w.page
    new = page.locator("ol.top li[data-types='new']")
    other = page.locator("ol.top li:not([data-types='new'])")
    assert new.count() > 0 and other.count() > 0
    page.locator("#t-new").uncheck()
    assert all(not new.nth(i).is_visible() for i in range(new.count()))
    assert all(other.nth(i).is_visible() for i in range(other.count()))
    page.locator("#t-new").check()
    assert new.first.is_visible()
    w.context.close()


def test_search_marks_both_texts(chromium: Any, render_chengyang_html: Path,
                                render_chengyang: Comparison) -> None:
    w = Watched(chromium, render_chengyang_html.as_uri())
    page = w.page
    sections = render_chengyang.sections
    both = next(p.term for p in render_chengyang.priorities  # a term said in both years' texts
                if any(p.term in (s.old_text or "") for s in sections)
                and any(p.term in (s.new_text or "") for s in sections))
    page.locator("#find").fill(both)
    sides = page.evaluate(
        "[...document.querySelectorAll('mark.found')].map(m => m.closest('.cell').className)")
    assert any("old" in s for s in sides) and any("new" in s for s in sides)
    assert page.locator("#find-count").inner_text() == f"{len(sides)} 处"
    page.locator("#find").press("Enter")
    assert w.in_viewport("mark.found.at")
    page.locator("#find").fill("")
    assert page.locator("mark.found").count() == 0
    w.context.close()


@pytest.mark.parametrize("which", ["chengyang", "national"])
def test_mobile_is_readable(chromium: Any, render_chengyang_html: Path, render_national: Comparison,
                            tmp_path: Path, render_output_dir: Path, which: str) -> None:
    path = brief_file(render_national, tmp_path) if which == "national" else render_chengyang_html
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    narrow = page.evaluate("""() => [...document.querySelectorAll('td, th')].filter(c => c.offsetParent)
        .map(c => [c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize),
                   c.textContent.trim().slice(0, 12)])
        .filter(([w]) => w < 6)""")
    assert narrow == [], narrow
    assert not page.locator("#toc .toc-pairs").is_visible()  # the contents list starts folded
    bar = page.evaluate("document.getElementById('toolbar').getBoundingClientRect().height")
    assert bar < 844 / 8, bar
    labels = page.evaluate("""() => [...document.querySelectorAll('#diff .row:not(.op-equal) .cell')]
        .filter(c => c.offsetParent).slice(0, 20).map(c => getComputedStyle(c, '::before').content)""")
    assert labels and all(x not in ("none", "normal", '""') for x in labels), labels
    page.screenshot(path=str(render_output_dir / f"brief-{which}-390.png"))
    context.close()


CONTRAST_JS = """() => {
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(lin); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; };
  const over = (top, bottom) => {
    const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    if (layers.length && layers[layers.length - 1][3] >= 1) bg = layers.pop();
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.nodeValue.trim());
    if (!own || !el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden' || parseFloat(st.fontSize) === 0 || el.closest('[hidden]')) continue;
    const r = el.getBoundingClientRect(); if (r.width <= 1 || r.height <= 1) continue;
    const isSvg = el instanceof SVGElement;
    const fg = rgba(isSvg ? st.fill : st.color);
    const bg = background(isSvg ? el.closest('svg').parentElement : el);
    const l1 = lum(over(fg, bg)), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const cls = el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className;
    if (ratio < 4.5) bad.push([el.tagName, cls, el.textContent.trim().slice(0, 10), ratio.toFixed(2)]);
  }
  return bad;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_is_at_least_4_5(chromium: Any, tmp_path: Path, render_national: Comparison,
                                      scheme: str) -> None:
    c = render_national  # a long history: line charts and target charts too
    context = chromium.new_context(viewport={"width": 1400, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(brief_file(c, tmp_path).as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != (
        "rgb(247, 247, 245)" if scheme == "dark" else "")
    bad = page.evaluate(CONTRAST_JS)
    assert bad == [], bad
    page.evaluate("location.hash = '#' + document.querySelector('.ev-link').getAttribute('href').slice(1)")
    assert page.evaluate(CONTRAST_JS) == []  # the landing highlight and marks too
    context.close()


def test_insertions_and_deletions_are_not_told_by_colour_alone(
        chromium: Any, render_chengyang_html: Path) -> None:
    w = Watched(chromium, render_chengyang_html.as_uri())
    page = w.page
    row = "#diff .row.op-changed"
    ins = page.evaluate(f"getComputedStyle(document.querySelector('{row} ins')).textDecorationLine")
    dele = page.evaluate(f"getComputedStyle(document.querySelector('{row} del')).textDecorationLine")
    assert ins == "underline" and dele == "line-through"
    said = page.evaluate(f"getComputedStyle(document.querySelector('{row} ins'), '::before').content")
    assert "新增" in said
    said = page.evaluate(f"getComputedStyle(document.querySelector('{row} del'), '::before').content")
    assert "删去" in said
    w.context.close()


def test_print_shows_the_changes_without_the_navigation(
        chromium: Any, render_chengyang_html: Path, tmp_path: Path) -> None:
    w = Watched(chromium, render_chengyang_html.as_uri())
    page = w.page
    page.emulate_media(media="print")
    assert not page.locator("#toolbar").is_visible() and not page.locator("#toc").is_visible()
    assert page.locator("#priorities").is_visible() and page.locator("#targets").is_visible()
    assert not page.locator("#diff").is_visible() and page.locator(".print-note").is_visible()
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    w.context.close()
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1)) if info else 0  # type: ignore[union-attr]
    assert 0 < pages <= 12, pages


def test_readable_without_javascript(chromium: Any, tmp_path: Path, render_national: Comparison) -> None:
    text = "".join(f"这是第{i}句两年相同的话。" for i in range(4))  # plus one section the same in both years
    same = SectionPair("a999", "p98", "p99", "甲", "甲", "九", "九", PairLevel.SECTION, Relation.MATCHED, 1.0,
                       text, text)
    c = dataclasses.replace(render_national, sections=(*render_national.sections, same))
    edited = next(p for p in render.brief_context(c)["pairs"] if p["ins"])
    url = brief_file(c, tmp_path).as_uri()
    w = Watched(chromium, url, java_script_enabled=False)
    page = w.page
    assert page.locator("#summary").is_visible() and page.locator("#priority-table").is_visible()
    assert page.locator(f"#{edited['id']} ins").first.is_visible()
    assert page.locator("#a999").is_visible()
    page.locator("label.only").click()  # the filter is CSS (:has), so it works without scripts too
    assert not page.locator("#a999").is_visible()
    w.context.close()


def test_injected_markup_stays_text(chromium: Any, tmp_path: Path, render_injected: Comparison,
                                    render_output_dir: Path) -> None:
    url = brief_file(render_injected, tmp_path).as_uri()
    w = Watched(chromium, url)
    page = w.page
    page.locator("label.only").click()
    page.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    page.wait_for_timeout(200)
    assert w.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the brief's own
    text = page.locator("body").inner_text()
    assert RENDER_SCRIPT in text and "onerror=alert(1)>" in text
    assert page.title().count("<script>alert(1)</script>") == 1
    assert set(w.requests) == {url}, w.requests
    page.screenshot(path=str(render_output_dir / "brief-injection.png"))
    w.context.close()
