"""The pane's weight and first render (#16, #17): prints figures beside their targets.

- bytes: the built JS and CSS (content-hashed, as served) compressed with brotli and gzip,
  against 100 KB for JS and CSS together (both must fit), with the part that is Fluent's (the
  bundled web components and the tokens' stylesheet); the page itself beside them.
- first render: headless Chromium loads /pane/ from gunicorn on loopback with a token and a
  remembered agreement; the time from navigation to the section list's first cards (median of 5
  cold loads, then 5 with the browser's cache warm), against 300 ms. Also the requests made.
Run: .venv/bin/python -m bench.pane (part of `make bench`).
"""

from __future__ import annotations

import json
import statistics
import tempfile
from pathlib import Path

import httpx

from bench.server import gunicorn, prepare
from plugin.taskpane import HERE
from plugin.taskpane.built import build

TARGET_BYTES = 100 * 1024
TARGET_MS = 300
LIST_RENDERED = """
new MutationObserver((_, observer) => {
  const list = document.getElementById('section-list');
  if (list && list.children.length) {
    window.__listRendered = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


# Written from node_modules by plugin/taskpane/generate/: Fluent's web components and tokens.
FLUENT = ("fluent.js", "tokens.css")


def weight() -> None:
    files, html, names = build(HERE)
    br = sum(len(f.br) for f in files.values())
    gz = sum(len(f.gzip) for f in files.values())
    raw = sum(len(f.body) for f in files.values())
    verdict = "within" if max(br, gz) <= TARGET_BYTES else "OVER"
    print(
        f"pane JS+CSS: {br / 1024:.1f} KB brotli, {gz / 1024:.1f} KB gzip, {raw / 1024:.1f} KB "
        f"uncompressed in {len(files)} files (target {TARGET_BYTES // 1024} KB compressed): "
        f"{verdict}"
    )
    for name in FLUENT:
        part = files[names[name]]
        print(
            f"  of which {name} (generated from Fluent's packages): {len(part.br) / 1024:.1f} KB "
            f"brotli, {len(part.gzip) / 1024:.1f} KB gzip, {len(part.body) / 1024:.1f} KB raw"
        )
    print(f"pane.html: {len(html.br) / 1024:.1f} KB brotli, {len(html.body) / 1024:.1f} KB raw")


def first_render() -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        print(f"pane first render: skipped (no Chromium at {CHROMIUM})")
        return
    database = Path(tempfile.mkdtemp(prefix="pa-bench-pane-")) / "bench.db"
    url = f"sqlite:///{database}"
    token = prepare(url)
    with gunicorn(url, "-w", "1", "--threads", "4") as base:
        api = httpx.Client(base_url=f"{base}/api/v1", headers={"Authorization": f"Bearer {token}"})
        agreement = api.post(
            "/agreements",
            json={
                "title": "Bench",
                "kind": "partnership",
                "level": "collaboration",
                "parties": [{"name": "One"}, {"name": "Two"}, {"name": "Three"}],
            },
        ).json()
        place = json.dumps(json.dumps({"agreement": agreement["id"]}))
        seed = (
            f"localStorage.setItem('pa.token', {json.dumps(token)});"
            f"sessionStorage.setItem('pa.place', {place});"
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            for label, warm in (("cold", False), ("warm cache", True)):
                times, requests = [], []
                context = browser.new_context(viewport={"width": 320, "height": 700})
                context.route("https://appsforoffice.microsoft.com/**", lambda r: r.abort())
                context.add_init_script(seed + LIST_RENDERED)
                if warm:
                    context.new_page().goto(f"{base}/pane/")
                for _ in range(5):
                    if not warm:
                        context.close()
                        context = browser.new_context(viewport={"width": 320, "height": 700})
                        context.route("https://appsforoffice.microsoft.com/**", lambda r: r.abort())
                        context.add_init_script(seed + LIST_RENDERED)
                    page = context.new_page()
                    made = []
                    page.on("request", lambda r, made=made: made.append(r.url))
                    page.goto(f"{base}/pane/")
                    page.wait_for_selector("#section-list li", state="attached")
                    times.append(page.evaluate("window.__listRendered"))
                    requests.append(sum("/pane/" in u for u in made))
                    page.close()
                context.close()
                middle = statistics.median(times)
                print(
                    f"pane first render ({label}): section list in {middle:.0f} ms "
                    f"median of 5 (target {TARGET_MS} ms), {statistics.median(requests):.0f} "
                    "requests for the pane's files"
                )
            browser.close()


if __name__ == "__main__":
    weight()
    first_render()
