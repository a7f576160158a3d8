"""The brief's Content-Security-Policy holds even if escaping were bypassed (Debian's chromium).

The test writes a `<script>` element and an `onerror` attribute straight into a rendered brief's HTML,
as a failed escape would, and checks that neither runs: no dialog, no console message, no request.
The brief's own script still runs (its hash is in the policy).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from yoy import render
from yoy.models import Comparison

pytestmark = pytest.mark.browser

MARK = "yoy-injected"
PAYLOAD = (f'<script>alert("{MARK}");console.log("{MARK}");fetch("http://127.0.0.1:9/{MARK}")</script>'
           f'<img src="data:image/png;base64,AAAA" onerror="alert(\'{MARK}\');console.log(\'{MARK}\');'
           f'fetch(\'http://127.0.0.1:9/{MARK}\')">'
           f'<svg><image href="data:," onload="console.log(\'{MARK}\')"></image></svg>')




def test_csp_has_no_unsafe_inline_script(render_chengyang: Comparison) -> None:
    html = render.render_html(render_chengyang)
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    assert " onsubmit=" not in html and " onclick=" not in html


@pytest.mark.parametrize("where", ["head", "body"])
def test_injected_script_and_handler_do_not_run(chromium: Any, render_chengyang: Comparison, tmp_path: Path,
                                                where: str) -> None:
    html = render.render_html(render_chengyang)
    anchor = "</title>" if where == "head" else "<main"
    assert anchor in html
    hostile = html.replace(anchor, anchor + PAYLOAD if where == "head" else PAYLOAD + anchor, 1)
    path = tmp_path / "hostile.html"
    path.write_text(hostile, encoding="utf-8")
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    console: list[str] = []
    requests: list[str] = []

    def on_dialog(d: Any) -> None:
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: console.append(m.text))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # let any handler that could run, run
    assert dialogs == []
    assert [m for m in console if MARK in m] == []
    assert [m for m in console if "Refused" not in m and "Content Security Policy" not in m] == []
    assert [u for u in requests if not u.startswith("data:")] == [path.as_uri()]
    assert page.locator("#shown").inner_text().startswith("显示")  # the brief's own script ran
    context.close()
