"""Benchmark: the pane as a browser loads it from the production server.

    .venv/bin/python -m bench.pane [--rounds 5]

Serves the app with gunicorn (a separate process, SQLite), drafts a three-party agreement, then
opens the pane in Debian's Chromium (headless, a fresh profile each round, so nothing is cached)
on that agreement and prints: the requests the page made, the bytes of JavaScript and CSS sent
compressed (brotli, as Chromium asks for it), how many rounds the module requests took, and the
time from navigation to the rendered section list, beside their targets. It asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from bench.agreement_state import _app, draft
from bench.server import gunicorn, prepare
from plugin.store.db import dispose
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

TARGET_KB, TARGET_MS = 100, 300

MEASURE = """() => {
  const files = performance.getEntriesByType("resource")
    .filter((e) => /\\/pane\\/[^/]+\\.(js|css)$/.test(new URL(e.name).pathname));
  // A round: files the browser asked for before any file of the round before had come back
  // (when it asks, not when a connection is free: HTTP/1.1 allows six at a time).
  let rounds = 0, until = -1;
  for (const e of [...files].sort((a, b) => a.startTime - b.startTime)) {
    if (e.startTime > until) { rounds += 1; until = e.responseEnd; }
  }
  return {
    requests: performance.getEntriesByType("resource").length + 1,
    bytes: files.reduce((n, e) => n + e.encodedBodySize, 0),
    files: files.length,
    rounds,
  };
}"""


def measure(base: str, token: str, agreement: int, rounds: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    seed = (
        f"localStorage.setItem('pa.token', {json.dumps(token)});"
        f"sessionStorage.setItem('pa.place', {json.dumps(json.dumps({'agreement': agreement}))});"
    )
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        for _ in range(rounds + 1):  # the first round warms the server, not the browser
            context = browser.new_context(viewport={"width": 320, "height": 700})
            context.route("https://appsforoffice.microsoft.com/**", lambda route: route.abort())
            context.add_init_script(seed)
            page = context.new_page()
            page.goto(f"{base}/pane/")
            page.wait_for_selector("#section-list > *", state="attached")
            rendered = page.evaluate("performance.now()")
            found.append({**page.evaluate(MEASURE), "ms": rendered})
            context.close()
        browser.close()
    return found[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"bench.pane needs Debian's Chromium at {CHROMIUM}")
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='pa-bench-')) / 'pane.db'}"
    token = prepare(url)
    app = _app(url)
    agreement = draft(app, token, 1)
    dispose(app)
    with gunicorn(url, "-w", "2", "-k", "gthread", "--threads", "4") as base:
        runs = measure(base, token, agreement, args.rounds)
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    print(f"pane, median of {len(runs)} cold loads at 320 x 700 (gunicorn, SQLite, Chromium):")
    print(f"  requests                    {median['requests']:.0f}")
    print(
        f"  JS and CSS sent compressed  {median['bytes'] / 1024:.1f} KB in {median['files']:.0f}"
        f" files   (target at most {TARGET_KB} KB)"
    )
    print(f"  rounds of module requests   {median['rounds']:.0f}   (target 1)")
    print(f"  section list rendered       {median['ms']:.0f} ms   (target at most {TARGET_MS} ms)")


if __name__ == "__main__":
    main()
