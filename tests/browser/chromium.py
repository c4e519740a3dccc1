"""Debian's Chromium for the browser tests: where it is, how to launch it, screenshots, axe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Screenshots to look at (not committed); PANE_SCREENSHOTS overrides the folder.
SCREENSHOTS = Path(os.environ.get("PANE_SCREENSHOTS", "/tmp/pane-screenshots"))  # noqa: S108
WIDE, NARROW = 400, 320

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"Debian's Chromium is not installed at {CHROMIUM}"
)


def screenshot(page, name: str) -> None:
    """Save the page at the pane's two usual widths (Word's narrowest sidebar, and a wider one)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for width in (NARROW, WIDE):
        page.set_viewport_size({"width": width, "height": size["height"]})
        page.screenshot(
            path=SCREENSHOTS / f"{name}-{width}.png", full_page=True, animations="disabled"
        )
    page.set_viewport_size(size)


def serious_violations(page) -> list[str]:
    """axe-core (bundled by axe-playwright-python) in the same browser: serious or worse."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
