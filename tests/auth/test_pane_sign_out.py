"""GET /auth/sign-out: what the pane needs to end the built-in provider's session after it has
revoked its API token (where to post, and this browser's CSRF token), for this site only."""

from __future__ import annotations

import pytest

from plugin import create_app
from plugin.store.db import dispose
from tests.auth.conftest import live_config, new_email, register_and_sign_in


def test_the_pane_ends_the_provider_session_with_the_token_it_is_given(site, browser):
    register_and_sign_in(browser, site.url, new_email())
    silent = browser.follow(browser.get(f"{site.url}/auth/login"))
    assert silent.url.path == "/auth/complete"  # signed in at the provider: no password asked

    answer = browser.get(f"{site.url}/auth/sign-out", headers={"Sec-Fetch-Site": "same-origin"})
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in answer.headers
    form = answer.json()
    assert form["provider_sign_out"] == "/oauth/logout" and len(form["csrf"]) >= 32

    out = browser.post(f"{site.url}{form['provider_sign_out']}", data={"csrf": form["csrf"]})
    assert out.status_code == 200 and "Signed out" in out.text
    again = browser.follow(browser.get(f"{site.url}/auth/login"))
    assert again.url.path == "/oauth/login"  # the password is asked for again


def test_a_wrong_token_ends_nothing(site, browser):
    register_and_sign_in(browser, site.url, new_email())
    browser.get(f"{site.url}/auth/sign-out")  # this browser has a token now, but sends another
    out = browser.post(f"{site.url}/oauth/logout", data={"csrf": "not-the-token"})
    assert out.status_code == 400
    still = browser.follow(browser.get(f"{site.url}/auth/login"))
    assert still.url.path == "/auth/complete"


@pytest.mark.parametrize("site_header", ["cross-site", "same-site"])
def test_another_site_is_refused(site, browser, site_header):
    register_and_sign_in(browser, site.url, new_email())
    answer = browser.get(f"{site.url}/auth/sign-out", headers={"Sec-Fetch-Site": site_header})
    assert answer.status_code == 400
    assert not answer.headers["Content-Type"].startswith("application/json")


def test_without_the_built_in_provider_there_is_nothing_to_end(database_url, tmp_path):
    elsewhere = {
        "name": "elsewhere",
        "issuer": "https://id.example",
        "client_id": "pane",
        "client_secret": "s",
    }
    app = create_app(live_config(database_url, OIDC_PROVIDERS=[elsewhere]))  # built-in: off
    app.instance_path = str(tmp_path)
    try:
        answer = app.test_client().get("/auth/sign-out")
        assert answer.status_code == 200
        assert answer.json == {"provider_sign_out": None, "csrf": None}
    finally:
        dispose(app)
