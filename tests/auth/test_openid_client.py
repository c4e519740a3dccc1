"""A certified relying party, panva's openid-client (run by node), signs in through the built-in
provider over real HTTP: discovery, code + PKCE without nonce, userinfo, RP-initiated logout."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from auth.cli import add_client
from plugin.store.db import get_session
from tests.auth.conftest import PASSWORD, new_email
from tests.auth.node_scripts import NodeScript, need_node_package

REDIRECT = "http://127.0.0.1:9/callback"  # nothing listens there: the browser stops at it
AFTER_LOGOUT = "http://127.0.0.1:9/signed-out"


@pytest.fixture
def relying_party(site):
    need_node_package("openid-client")
    with site.app.app_context():
        client_id, secret = add_client(
            get_session(), "Certified client", [REDIRECT], [AFTER_LOGOUT]
        )
        get_session().commit()
    script = NodeScript(
        "openid_client_run.mjs", site.url, client_id, secret, REDIRECT, AFTER_LOGOUT
    )
    yield script
    script.stop()


def test_openid_client_signs_in_without_nonce_and_logs_out(site, relying_party, browser):
    authorize = relying_party.read()["authorize"]
    assert "nonce" not in parse_qs(urlsplit(authorize).query)
    login = browser.follow(browser.get(authorize))
    register = browser.get(
        site.url + "/oauth/register",
        params={"return": parse_qs(urlsplit(str(login.url)).query)["return"][0]},
    )
    email = new_email()
    fields = {"email": email, "name": "Ngozi Adeyemi", "password": PASSWORD}
    consent = browser.follow(browser.submit(register, {**fields, "password_again": PASSWORD}))
    assert "Allow Certified client?" in consent.text
    callback = browser.follow(
        browser.submit(consent, {"decision": "allow"}), stop=lambda url: url.startswith(REDIRECT)
    )
    relying_party.send(callback.stop_url)
    got = relying_party.read()
    assert got["claims"]["iss"] == site.url and "nonce" not in got["claims"]
    assert got["userinfo"]["email"] == email and got["userinfo"]["name"] == "Ngozi Adeyemi"
    assert got["end_session_endpoint"] == f"{site.url}/oauth/end-session"

    # RP-initiated logout: back to the registered URI, with the state.
    bye = browser.get(got["logout"])
    assert bye.status_code == 302
    assert bye.headers["Location"] == f"{AFTER_LOGOUT}?state=bye-{got['state']}"
    # The provider's session has ended: the next authorization asks for the password again.
    again = browser.follow(browser.get(authorize))
    assert "/oauth/login" in str(again.url)


def test_end_session_never_redirects_to_an_unregistered_uri(site, relying_party, browser):
    relying_party.read()
    page = browser.get(
        f"{site.url}/oauth/end-session",
        params={"post_logout_redirect_uri": "https://evil.example/", "state": "s"},
    )
    assert page.status_code == 200 and "Signed out" in page.text
    assert "evil.example" not in page.text


def test_an_unsupported_response_type_is_answered_by_redirect(site, browser):
    with site.app.app_context():
        client_id, _ = add_client(get_session(), "Implicit client", [REDIRECT])
        get_session().commit()
    params = {"client_id": client_id, "redirect_uri": REDIRECT, "scope": "openid", "state": "s1"}
    answer = browser.get(
        f"{site.url}/oauth/authorize", params={**params, "response_type": "id_token"}
    )
    assert answer.status_code == 302
    location = urlsplit(answer.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["error"] == ["unsupported_response_type"] and query["state"] == ["s1"]
    # An unregistered redirect URI is never followed: a page says what is wrong.
    elsewhere = {**params, "redirect_uri": "https://evil.example/", "response_type": "id_token"}
    page = browser.get(f"{site.url}/oauth/authorize", params=elsewhere)
    assert page.status_code == 400 and "evil.example" not in page.headers.get("Location", "")
