"""The pane in Debian's Chromium, driven by Playwright, against the app on a live HTTP server.

Playwright never downloads a browser here: it launches /usr/bin/chromium. Tests using these
fixtures skip (with the reason) only when that browser is absent; CI installs it (.ci/run).
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import WIDE
from tests.conftest import new_user

# The machine running the tests may be busy: wait up to 15 s for what a user would see.
expect.set_options(timeout=15_000)
STATE = re.compile(r"/api/v1/agreements/\d+$")


@pytest.fixture(scope="session")
def browser(chromium):
    """The session's one Chromium (tests/conftest.py): two sync Playwrights cannot run at once."""
    return chromium


class PaneUser:
    """One person in a browser context of their own, signed in with a token of their own."""

    def __init__(self, context, page, base_url: str, token: str, user_id: int, name: str):
        self.context, self.page, self.base_url = context, page, base_url
        self.token, self.id, self.name = token, user_id, name
        self.uncaught: list[str] = []  # exceptions nobody handled: always a bug
        self.logged: list[str] = []  # console errors (the pane logs every failed action)
        page.on("pageerror", lambda exc: self.uncaught.append(str(exc)))
        page.on("console", self._console)
        self.state_reads: list[tuple[int, str | None]] = []  # (status, If-None-Match sent)
        page.on("response", self._response)

    def _response(self, response) -> None:
        if response.request.method == "GET" and STATE.search(response.url):
            sent = response.request.headers.get("if-none-match")
            self.state_reads.append((response.status, sent))

    def _console(self, message) -> None:
        if message.type == "error":
            self.logged.append(message.text)

    def open(self, path: str = "/pane/") -> None:
        self.page.goto(self.base_url + path)


@pytest.fixture
def pane_user(app, browser, live_server):
    """Make a signed-in pane user: a real user and token (minted directly until the login
    flow lands), stored where the sign-in hand-off stores it, before the pane loads."""
    contexts = []

    def make(name: str, width: int = WIDE, signed_in: bool = True) -> PaneUser:
        user_id, token, _ = new_user(app, name)
        context = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True
        )
        contexts.append(context)
        # Office.js comes from Microsoft's CDN, out of reach here: the pane must run without it.
        context.route("https://appsforoffice.microsoft.com/**", lambda route: route.abort())
        if signed_in:
            context.add_init_script(
                "if (location.protocol === 'http:'"
                " && !sessionStorage.getItem('pa.test.signed-in')) {"
                f"  localStorage.setItem('pa.token', {json.dumps(token)});"
                "  sessionStorage.setItem('pa.test.signed-in', '1');"
                "}"
            )
        page = context.new_page()
        page.set_default_timeout(15_000)
        return PaneUser(context, page, live_server, token, user_id, name)

    yield make
    for context in contexts:
        context.close()
