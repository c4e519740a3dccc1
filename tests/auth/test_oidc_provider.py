"""Sign-in through an OpenID Certified provider nobody here wrote: panva's oidc-provider (run by
node, default settings and one registered client). Its ID token carries only `sub`: the name
and email come from userinfo, and they are refreshed at each sign-in."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import sqlalchemy as sa

from plugin import create_app
from plugin.store.db import get_session
from plugin.store.login_models import Identity
from plugin.store.models import User
from tests.auth.conftest import Live, hand_off, live_config
from tests.auth.node_scripts import NodeScript, need_node_package

SECRET = "a-client-secret-for-the-test-only-0123456789"


def start(database_url, tmp_path, servers, monkeypatch, name, email):
    """Our app on loopback, and oidc-provider with our app as its client."""
    need_node_package("oidc-provider")
    app_server = Live()
    servers.append(app_server)
    provider = NodeScript(
        "oidc_provider_run.mjs",
        "eastfield-agreements",
        SECRET,
        f"{app_server.url}/auth/callback/certified",
        name,
        email,
    )
    issuer = provider.read()["issuer"]
    monkeypatch.setenv("PA_OIDC_CERTIFIED_SECRET", SECRET)
    app = create_app(
        live_config(
            database_url,
            PUBLIC_ORIGIN=app_server.url,
            BUILTIN_PROVIDER=False,
            OIDC_PROVIDERS=[
                {
                    "name": "certified",
                    "display_name": "Certified provider",
                    "issuer": issuer,
                    "client_id": "eastfield-agreements",
                }
            ],
        )
    )
    app.instance_path = str(tmp_path)
    app_server.serve(app)
    return provider, app_server


def _form(page) -> str:
    return unescape(re.search(r'<form[^>]*action="([^"]*)"', page.text)[1])


def sign_in(browser, app_url: str, account: str) -> dict:
    """Through oidc-provider's own login and consent pages back to our /auth/complete."""
    page = browser.follow(browser.get(f"{app_url}/auth/login", params={"next": "/pane/"}))
    assert 'name="login"' in page.text, page.text[:500]
    page = browser.follow(
        browser.post(
            urljoin(str(page.url), _form(page)),
            data={"prompt": "login", "login": account, "password": "anything"},
        )
    )
    if 'name="prompt" value="consent"' in page.text:
        page = browser.follow(
            browser.post(urljoin(str(page.url), _form(page)), data={"prompt": "consent"})
        )
    assert page.status_code == 200, page.text[:500]
    return hand_off(page)


def test_sign_in_through_oidc_provider_reads_userinfo_and_refreshes(
    database_url, tmp_path, servers, monkeypatch, browser
):
    account = f"acct-{tmp_path.name[-12:]}"
    provider, app_server = start(
        database_url, tmp_path, servers, monkeypatch, "Ngozi Adeyemi", "ngozi@example.org"
    )

    def profile():
        with app_server.app.app_context():
            session = get_session()
            identity = session.scalar(sa.select(Identity).where(Identity.subject == account))
            user = session.get(User, identity.user_id)
            return user.id, user.name, user.email, identity.email_verified

    try:
        assert sign_in(browser, app_server.url, account)
        first = profile()
        assert first[1:] == ("Ngozi Adeyemi", "ngozi@example.org", True)
        # The account's name and email change at the provider: refreshed at the next sign-in.
        provider.send('{"name": "Ngozi Adeyemi-Brown", "email": "ngozi.brown@example.org"}')
        assert provider.read() == {"changed": True}
        browser.http.cookies.clear()
        assert sign_in(browser, app_server.url, account)
        assert profile() == (first[0], "Ngozi Adeyemi-Brown", "ngozi.brown@example.org", True)
    finally:
        provider.stop()
