"""A second provider configured by its discovery URL works through the same code path: another
instance of this app, on another loopback port, acts as the provider (with consent)."""

import re
from html import unescape
from urllib.parse import urljoin

import httpx
import sqlalchemy as sa

from auth.cli import add_client
from plugin import create_app
from plugin.store.db import get_session
from plugin.store.login_models import Identity
from tests.auth.conftest import PASSWORD, Browser, Live, hand_off, live_config, new_email


def start_pair(database_url, fresh_database, tmp_path, servers, monkeypatch):
    """The provider instance (own database) and this app using it as provider 'partner'."""
    provider, app_server = Live(host="localhost"), Live()
    servers += [provider, app_server]
    provider_app = create_app(live_config(fresh_database, PUBLIC_ORIGIN=provider.url))
    provider_app.instance_path = str(tmp_path / "provider")
    with provider_app.app_context():
        client_id, secret = add_client(
            get_session(), "Eastfield agreements", [f"{app_server.url}/auth/callback/partner"]
        )
        get_session().commit()
    provider.serve(provider_app)
    monkeypatch.setenv("PA_OIDC_PARTNER_SECRET", secret)  # secrets come from the environment
    app = create_app(
        live_config(
            database_url,
            PUBLIC_ORIGIN=app_server.url,
            BUILTIN_PROVIDER=True,
            OIDC_PROVIDERS=[
                {
                    "name": "partner",
                    "display_name": "Riverside Council accounts",
                    "issuer": provider.url,
                    "client_id": client_id,
                }
            ],
        )
    )
    app.instance_path = str(tmp_path / "app")
    app_server.serve(app)
    return provider, app_server


def consent_page(browser: Browser, app_url: str, email: str) -> httpx.Response:
    """Choose the partner provider, register there, and arrive at its consent page."""
    choose = browser.get(f"{app_url}/auth/login", params={"next": "/pane/"})
    assert choose.status_code == 200
    assert (
        "Riverside Council accounts" in choose.text and "An account on this service" in choose.text
    )
    start = unescape(re.search(r'href="([^"]*/auth/start/partner[^"]*)"', choose.text)[1])
    login_page = browser.follow(browser.get(urljoin(app_url, start)))
    register = unescape(re.search(r'<a href="([^"]*register[^"]*)"', login_page.text)[1])
    form = browser.get(urljoin(str(login_page.url), register))
    fields = {"email": email, "name": "Sam Okoro", "password": PASSWORD, "password_again": PASSWORD}
    consent = browser.follow(browser.submit(form, fields))
    assert consent.status_code == 200 and "Allow Eastfield agreements?" in consent.text
    return consent


def test_another_instance_as_provider(
    database_url, fresh_database, tmp_path, servers, monkeypatch, browser
):
    provider, app_server = start_pair(database_url, fresh_database, tmp_path, servers, monkeypatch)
    email = new_email()
    consent = consent_page(browser, app_server.url, email)
    complete = browser.follow(browser.submit(consent, {"decision": "allow"}))
    assert complete.url.path == "/auth/complete", complete.text
    token = hand_off(complete)["token"]
    me = httpx.get(f"{app_server.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json()["email"] == email

    # The user is known by (issuer, subject) at the provider, not by email.
    with app_server.app.app_context():
        identity = get_session().scalar(
            sa.select(Identity).where(Identity.user_id == me.json()["id"])
        )
        assert (identity.provider, identity.issuer) == ("partner", provider.url)
        assert identity.subject.isdigit()
        # The provider sends no mail at registration, so it does not vouch for the address.
        assert identity.email == email and identity.email_verified is False
    assert me.json()["email_verified"] is False and me.json()["email_verified_by"] is None
    # The provider's own API does not accept the token of the app (separate instances).
    other = httpx.get(f"{provider.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert other.status_code == 401


def test_consent_refused_grants_nothing(
    database_url, fresh_database, tmp_path, servers, monkeypatch, browser
):
    _, app_server = start_pair(database_url, fresh_database, tmp_path, servers, monkeypatch)
    consent = consent_page(browser, app_server.url, new_email())
    refused = browser.follow(browser.submit(consent, {"decision": "deny"}))
    assert refused.status_code == 400 and "access_denied" in refused.text
    assert "text/html" in refused.headers["Content-Type"]
    assert browser.get(f"{app_server.url}/auth/complete").status_code == 400


def test_same_email_elsewhere_takes_over_nothing(
    database_url, fresh_database, tmp_path, servers, monkeypatch, browser
):
    """Someone registers at the provider with the email of an existing user here: they get a
    user of their own (known by issuer and subject), not the existing account."""
    from plugin.store import users

    _, app_server = start_pair(database_url, fresh_database, tmp_path, servers, monkeypatch)
    email = new_email()
    with app_server.app.app_context():
        existing = users.create_user(get_session(), email, "The real owner")
        get_session().commit()
    consent = consent_page(browser, app_server.url, email)
    token = hand_off(browser.follow(browser.submit(consent, {"decision": "allow"})))["token"]
    me = httpx.get(f"{app_server.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.json()["id"] != existing.id
    assert me.json()["email"].endswith("@sign-in.invalid")
