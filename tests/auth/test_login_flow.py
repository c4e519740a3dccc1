"""The real sign-in over HTTP against the built-in provider on a live loopback server:
register, sign in, come back with a token, call the API; sign out revokes it."""

import httpx

from tests.auth.conftest import hand_off, new_email, register_and_sign_in, sign_in


def me(base: str, token: str) -> httpx.Response:
    return httpx.get(f"{base}/api/v1/me", headers={"Authorization": f"Bearer {token}"})


def test_register_sign_in_and_call_the_api(site, browser):
    email = new_email()
    complete = register_and_sign_in(browser, site.url, email, next_path="/pane/#agreement=3")
    assert complete.url.path == "/auth/complete" and complete.status_code == 200
    data = hand_off(complete)
    assert data["next"] == "/pane/#agreement=3" and data["dialog"] == "0"
    assert data["token"].startswith("pat_") and data["expires-at"].endswith("Z")
    # The token never travelled in a URL.
    assert all(data["token"] not in str(r.url) for r in browser.history)
    assert complete.headers["Cache-Control"] == "no-store"
    assert "complete.js" in complete.text and "office.js" not in complete.text

    answer = me(site.url, data["token"])
    assert answer.status_code == 200
    assert answer.json()["email"] == email and answer.json()["name"] == "Amina Shah"

    # Signing in again (the provider remembers this browser) gives the same user, a new token.
    again = hand_off(browser.follow(browser.get(f"{site.url}/auth/login")))
    assert again["token"] != data["token"] and again["next"] == "/pane/"
    assert me(site.url, again["token"]).json()["id"] == answer.json()["id"]

    # Sign-out revokes exactly the caller's token.
    out = httpx.post(
        f"{site.url}/api/v1/sign-out", headers={"Authorization": f"Bearer {data['token']}"}
    )
    assert out.status_code == 204
    refused = me(site.url, data["token"])
    assert refused.status_code == 401
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert me(site.url, again["token"]).status_code == 200


def test_existing_account_signs_in_with_its_password(site, browser):
    email = new_email()
    register_and_sign_in(browser, site.url, email)
    other = type(browser)()
    try:
        complete = sign_in(other, site.url, email)
        assert me(site.url, hand_off(complete)["token"]).json()["email"] == email
        wrong = sign_in(type(browser)(), site.url, email, password="not the password at all")
        assert wrong.status_code == 401 and "email or password is not right" in wrong.text
    finally:
        other.close()


def test_dialog_sign_in_hands_off_through_office(site, browser):
    complete = register_and_sign_in(browser, site.url, new_email(), dialog="1")
    data = hand_off(complete)
    assert data["dialog"] == "1"
    assert '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">' in (
        complete.text
    )
    assert me(site.url, data["token"]).status_code == 200


def test_open_redirects_are_refused(site, browser):
    for evil in ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x"]:
        complete = register_and_sign_in(type(browser)(), site.url, new_email(), next_path=evil)
        assert hand_off(complete)["next"] == "/pane/", evil
