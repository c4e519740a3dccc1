"""Tampered callbacks are refused with a clear page, logged, and grant nothing: missing or
wrong state, a state from another browser, a replayed callback or code, an injected code,
a wrong nonce, an expired sign-in, a provider's error."""

import datetime as dt
import logging
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import sqlalchemy as sa

from auth.providers import BUILTIN_CLIENT_ID, builtin_client_secret
from auth.server import digest
from plugin.store.db import get_session
from plugin.store.login_models import AuthorizationCode, ProviderToken, SignIn
from tests.auth.conftest import PASSWORD, Browser, new_email, register_and_sign_in


def at_callback(browser: Browser, base: str, email: str | None = None) -> str:
    """Go through the provider (registering `email`, or as already signed in there) and stop
    before the callback: the URL the provider sends the browser back to."""
    if email:
        register_and_sign_in(browser, base, email)  # leaves the browser signed in at the provider
    started = browser.get(f"{base}/auth/login")
    stop = browser.follow(started, stop=lambda url: "/auth/callback/" in url)
    return stop.stop_url


def started_state(browser: Browser, base: str) -> str:
    """Start a sign-in and stop at the provider's door: the state sent."""
    response = browser.follow(browser.get(f"{base}/auth/login"), stop=lambda u: "/oauth/" in u)
    return parse_qs(urlsplit(response.stop_url).query)["state"][0]


def refused(response: httpx.Response, words: str, status: int = 400) -> None:
    assert response.status_code == status, response.text
    assert "text/html" in response.headers["Content-Type"]
    assert words in response.text, response.text
    assert "data-token" not in response.text


def nothing_to_hand_off(browser: Browser, base: str) -> None:
    refused(browser.get(f"{base}/auth/complete"), "no finished sign-in")


def test_missing_state(site, browser, caplog):
    started_state(browser, site.url)
    with caplog.at_level(logging.WARNING):
        refused(browser.get(f"{site.url}/auth/callback/local?code=abc"), "without the sign-in")
    assert "refused" in caplog.text
    nothing_to_hand_off(browser, site.url)


def test_wrong_state(site, browser):
    state = started_state(browser, site.url)
    response = browser.get(
        f"{site.url}/auth/callback/local", params={"code": "x", "state": state + "x"}
    )
    refused(response, "state does not match")


def test_state_of_another_browser(site, browser):
    victim = Browser()
    try:
        state = started_state(victim, site.url)
        response = browser.get(
            f"{site.url}/auth/callback/local", params={"code": "x", "state": state}
        )
        refused(response, "not started in this browser")
    finally:
        victim.close()


def test_replayed_callback_and_replayed_code(site, browser):
    callback = at_callback(browser, site.url, new_email())
    cookies_then = httpx.Cookies(browser.http.cookies)
    first = browser.follow(browser.get(callback))
    assert first.url.path == "/auth/complete" and first.status_code == 200
    refused(browser.get(callback), "state does not match")  # this browser is done with it
    replayer = Browser()  # the session cookie as it was before: the database says no
    try:
        replayer.http.cookies = cookies_then
        refused(replayer.get(callback), "used already")
        nothing_to_hand_off(replayer, site.url)
    finally:
        replayer.close()

    # The same code at the provider's token endpoint: refused, and the tokens it got revoked.
    code = parse_qs(urlsplit(callback).query)["code"][0]
    with site.app.app_context():
        secret = builtin_client_secret(site.app)
    answer = httpx.post(
        f"{site.url}/oauth/token",
        auth=(BUILTIN_CLIENT_ID, secret),
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": f"{site.url}/auth/callback/local",
            "code_verifier": "x" * 43,
        },
    )
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"
    with site.app.app_context():
        session = get_session()
        row = session.scalar(
            sa.select(AuthorizationCode).where(AuthorizationCode.code_hash == digest(code))
        )
        issued = session.scalars(sa.select(ProviderToken).where(ProviderToken.code_id == row.id))
        assert [t.revoked_at is not None for t in issued] == [True]


def test_code_injected_into_another_sign_in(site, browser):
    """An attacker's code pasted into the victim's callback: PKCE ties the code to the browser
    that started it, so the provider refuses it."""
    attacker_callback = at_callback(browser, site.url, new_email())
    code = parse_qs(urlsplit(attacker_callback).query)["code"][0]
    victim = Browser()
    try:
        register_and_sign_in(victim, site.url, new_email())
        state = started_state(victim, site.url)
        response = victim.get(
            f"{site.url}/auth/callback/local", params={"code": code, "state": state}
        )
        refused(response, "refused the sign-in code (invalid_grant)")
        nothing_to_hand_off(victim, site.url)
    finally:
        victim.close()


def test_wrong_nonce(site, browser):
    """The ID token must carry the nonce of this sign-in (as if the provider answered for
    another one): changed on our side here, the real provider's token no longer fits."""
    callback = at_callback(browser, site.url, new_email())
    state = parse_qs(urlsplit(callback).query)["state"][0]
    with site.app.app_context():
        session = get_session()
        session.execute(
            sa.update(SignIn).where(SignIn.state_hash == digest(state)).values(nonce="other")
        )
        session.commit()
    refused(browser.get(callback), "does not belong to this sign-in (nonce)")
    nothing_to_hand_off(browser, site.url)


def test_expired_sign_in(site, browser):
    callback = at_callback(browser, site.url, new_email())
    state = parse_qs(urlsplit(callback).query)["state"][0]
    with site.app.app_context():
        session = get_session()
        old = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=11)
        session.execute(
            sa.update(SignIn).where(SignIn.state_hash == digest(state)).values(created_at=old)
        )
        session.commit()
    refused(browser.get(callback), "expired or was used already")


def test_provider_error_is_shown(site, browser):
    state = started_state(browser, site.url)
    response = browser.get(
        f"{site.url}/auth/callback/local",
        params={"state": state, "error": "access_denied", "error_description": "<b>no</b>"},
    )
    refused(response, "did not sign you in (access_denied)")
    assert "<b>no</b>" not in response.text and "&lt;b&gt;no&lt;/b&gt;" in response.text


@pytest.mark.parametrize("params", [{}, {"dialog": "1"}])
def test_token_is_handed_off_once(site, browser, params):
    complete = register_and_sign_in(browser, site.url, new_email(), **params)
    assert complete.status_code == 200
    nothing_to_hand_off(browser, site.url)


def test_unknown_provider(site, browser):
    refused(browser.get(f"{site.url}/auth/start/nobody"), "no sign-in provider called")


def test_revoked_and_expired_api_tokens_are_refused(site, browser):
    from auth.tokens import issue, revoke
    from plugin.store import users

    with site.app.app_context():
        session = get_session()
        user = users.create_user(session, new_email(), "Old token", PASSWORD)
        expired = issue(session, user, hours=-1)
        revoked = issue(session, user, hours=1)
        revoke(session, revoked)
        session.commit()
    for token in (expired, revoked, "pat_forged"):
        answer = httpx.get(f"{site.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401
        assert answer.headers["Content-Type"] == "application/problem+json"
