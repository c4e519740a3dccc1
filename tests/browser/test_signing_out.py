"""Signing out of the pane ends the built-in provider's session in this browser too: on a shared
computer, the next person to press Sign in is asked for an email and password."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.auth.conftest import PASSWORD
from tests.browser.chromium import needs_chromium, serious_violations
from tests.browser.test_three_partners import came_back_signed_in, person, register, site
from tests.conftest import http_client

pytestmark = [needs_chromium, pytest.mark.browser]
__all__ = ["person", "site"]  # fixtures, shared with the three-partner journey


def test_after_signing_out_sign_in_asks_for_the_password(site, person):
    joe = person("Joe Lindsay")
    joe.open()
    register(joe, site)  # through the provider's pages: its session now knows him
    first_token = joe.token

    joe.page.get_by_role("button", name="Sign out").click()
    expect(joe.page.get_by_role("status")).to_have_text("You are signed out.")
    expect(joe.page.get_by_role("alert")).to_be_hidden()
    assert not serious_violations(joe.page)  # the pane's sign-in screen
    assert joe.page.evaluate("localStorage.getItem('pa.token')") is None
    assert http_client(site.url, first_token).get("/me").status_code == 401  # revoked

    # No cookie cleared by the test: the pane itself ended the provider's session.
    joe.page.get_by_role("button", name="Sign in").click()
    joe.page.wait_for_url(re.compile(r"/oauth/login"))
    expect(joe.page.locator("input[name=password]")).to_be_visible()
    assert not serious_violations(joe.page)  # the provider's sign-in page
    joe.page.fill("input[name=email]", joe.email)
    joe.page.fill("input[name=password]", PASSWORD)
    joe.page.click("button[type=submit]")
    came_back_signed_in(joe, site)
    assert joe.token != first_token
    assert joe.uncaught == []
