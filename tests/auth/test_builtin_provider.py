"""The built-in provider as any OpenID Connect client sees it: code flow with PKCE (S256 only,
required), ID token signed RS256 and verifiable with the published JWKS, userinfo; and the
provider's own session can be ended."""

import base64
import hashlib
import re
import secrets
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from auth.cli import add_client
from plugin.store.db import get_session
from tests.auth.conftest import new_email, register_and_sign_in

REDIRECT = "https://client.example/callback"


@pytest.fixture
def client_app(site):
    with site.app.app_context():
        client_id, secret = add_client(get_session(), "Script client", [REDIRECT])
        get_session().commit()
    return client_id, secret


def authorize(browser, site, client_id, challenge=None, method="S256", **extra):
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": REDIRECT,
        "scope": "openid email profile",
        "state": "s-1",
        "nonce": "n-1",
        **({"code_challenge": challenge, "code_challenge_method": method} if challenge else {}),
        **extra,
    }
    response = browser.get(f"{site.url}/oauth/authorize?{urlencode(params)}")
    if response.status_code == 200 and "Allow" in response.text:  # consent asked
        csrf = unescape(re.search(r'name="csrf" value="([^"]*)"', response.text)[1])
        response = browser.post(str(response.url), data={"csrf": csrf, "decision": "allow"})
    return response


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def code_of(response) -> str:
    assert response.status_code == 302, response.text
    location = response.headers["Location"]
    assert location.startswith(REDIRECT)
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == ["s-1"]
    return query["code"][0]


def token_request(site, client, code, verifier):
    return httpx.post(
        f"{site.url}/oauth/token",
        auth=client,
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
    )


def test_code_flow_id_token_and_userinfo(site, browser, client_app):
    email = new_email()
    register_and_sign_in(browser, site.url, email)  # signed in at the provider
    verifier, challenge = pkce()
    code = code_of(authorize(browser, site, client_app[0], challenge))
    tokens = token_request(site, client_app, code, verifier)
    assert tokens.status_code == 200, tokens.text
    body = tokens.json()
    assert tokens.headers["Cache-Control"] == "no-store"

    keys = KeySet.import_key_set(httpx.get(f"{site.url}/oauth/jwks").json())
    id_token = jwt.decode(body["id_token"], keys, algorithms=["RS256"])
    claims = id_token.claims
    assert id_token.header["alg"] == "RS256"
    assert claims["iss"] == site.url and claims["aud"] == [client_app[0]]
    assert claims["nonce"] == "n-1" and claims["email"] == email and claims["auth_time"] > 0

    info = httpx.get(
        f"{site.url}/oauth/userinfo", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert info.status_code == 200
    assert info.json() == {
        "sub": claims["sub"],
        "name": "Amina Shah",
        "email": email,
        "email_verified": False,
    }
    # The provider's access token is not an API token of the app.
    api = httpx.get(
        f"{site.url}/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert api.status_code == 401


def test_pkce_is_required_and_checked(site, browser, client_app):
    register_and_sign_in(browser, site.url, new_email())
    missing = authorize(browser, site, client_app[0])
    assert missing.status_code == 302 and "error=invalid_request" in missing.headers["Location"]
    plain = authorize(browser, site, client_app[0], challenge="a" * 43, method="plain")
    assert "error=invalid_request" in plain.headers["Location"]

    verifier, challenge = pkce()
    code = code_of(authorize(browser, site, client_app[0], challenge))
    wrong = token_request(site, client_app, code, pkce()[0])
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    # The code was spent by that attempt: the right verifier is now too late.
    assert token_request(site, client_app, code, verifier).status_code == 400


def test_client_secret_and_redirect_uri_are_checked(site, browser, client_app):
    register_and_sign_in(browser, site.url, new_email())
    verifier, challenge = pkce()
    code = code_of(authorize(browser, site, client_app[0], challenge))
    stolen = token_request(site, (client_app[0], "not-the-secret"), code, verifier)
    assert stolen.status_code == 401 and stolen.json()["error"] == "invalid_client"

    elsewhere = browser.get(
        f"{site.url}/oauth/authorize?"
        + urlencode(
            {
                "response_type": "code",
                "client_id": client_app[0],
                "redirect_uri": "https://evil.example/cb",
                "scope": "openid",
                "state": "s",
                "nonce": "n",
                "code_challenge": challenge,
                "code_challenge_method": "S256",
            }
        )
    )
    assert elsewhere.status_code == 400 and "evil.example" not in elsewhere.headers.get(
        "Location", ""
    )


def test_provider_sign_out_ends_its_session(site, browser):
    register_and_sign_in(browser, site.url, new_email())
    silent = browser.follow(browser.get(f"{site.url}/auth/login"))
    assert silent.url.path == "/auth/complete"  # signed in at the provider: no form
    login_form = browser.follow(browser.get(f"{site.url}/oauth/login"))
    csrf = unescape(re.search(r'name="csrf" value="([^"]*)"', login_form.text)[1])
    out = browser.post(f"{site.url}/oauth/logout", data={"csrf": csrf})
    assert out.status_code == 200 and "Signed out" in out.text
    again = browser.follow(browser.get(f"{site.url}/auth/login"))
    assert again.url.path == "/oauth/login"


def test_expired_code_is_refused(site, browser, client_app):
    import datetime as dt

    import sqlalchemy as sa

    from auth.server import digest
    from plugin.store.login_models import AuthorizationCode

    register_and_sign_in(browser, site.url, new_email())
    verifier, challenge = pkce()
    code = code_of(authorize(browser, site, client_app[0], challenge))
    with site.app.app_context():
        session = get_session()
        past = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=1)
        session.execute(
            sa.update(AuthorizationCode)
            .where(AuthorizationCode.code_hash == digest(code))
            .values(expires_at=past)
        )
        session.commit()
    late = token_request(site, client_app, code, verifier)
    assert late.status_code == 400 and late.json()["error"] == "invalid_grant"
