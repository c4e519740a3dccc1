"""The hand-off in a real browser (Debian's Chromium through Playwright), with the production
cookie settings (Secure, HttpOnly, SameSite=None) and the Content-Security-Policy: register,
come back, the token lands in localStorage, `next` opens, and the token page uses it."""

import pytest

from tests.auth.conftest import PASSWORD, Live, new_email


@pytest.fixture
def site(database_url, tmp_path, servers):
    from plugin import create_app

    live = Live(host="localhost")  # a secure context: Chromium keeps Secure cookies here
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "k" * 32})
    app.instance_path = str(tmp_path)
    servers.append(live.serve(app))
    return live


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.problems = []
    page.on(
        "console",
        lambda m: (
            m.type == "error" and "status of 404" not in m.text and page.problems.append(m.text)
        ),
    )
    page.on(  # the browser asks for /favicon.ico by itself: not ours to serve here
        "response",
        lambda r: r.status >= 400 and "favicon" not in r.url and page.problems.append(r.url),
    )
    yield page
    context.close()


def test_browser_sign_in_stores_the_token_and_goes_on(site, page):
    assert site.app.config["SESSION_COOKIE_SECURE"] is True
    page.goto(f"{site.url}/auth/login?next=/auth/tokens")
    page.click("text=Register")
    page.fill("input[name=name]", "Amina Shah")
    page.fill("input[name=email]", new_email())
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password_again]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/auth/tokens")
    token = page.evaluate("localStorage.getItem('pa.token')")
    assert token.startswith("pat_")
    assert page.evaluate("localStorage.getItem('pa.token_expires_at')").endswith("Z")
    assert token not in page.url

    page.wait_for_selector("#tokens:not([hidden]) td")
    assert "sign-in (this page)" in page.text_content("#tokens")
    page.fill("input[name=label]", "nightly <export>")
    page.click("#create button")
    page.wait_for_selector("#new-token:not([hidden])")
    assert page.text_content("#new-token").startswith("pat_")
    page.wait_for_selector("text=nightly <export>")  # shown as text, not markup
    assert page.problems == []
    cookie = next(c for c in page.context.cookies() if c["name"] == "session")
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "None"


# Office.js cannot run here (no Office host, no internet): the CDN script is replaced by a stand-in
# with the two calls our pages use, which records what the dialog would send to the pane.
OFFICE_STAND_IN = """
window.sent = [];
window.Office = {
  onReady(callback) { setTimeout(callback, 0); return Promise.resolve({}); },
  context: { ui: { messageParent(message) { window.sent.push(JSON.parse(message)); } } },
};
"""


def sent_to_pane(page) -> dict:
    """The one message the dialog sent (polled: the page's CSP forbids Playwright's eval)."""
    for _ in range(100):
        sent = page.evaluate("window.sent || []")
        if sent:
            assert len(sent) == 1
            return sent[0]
        page.wait_for_timeout(100)
    raise AssertionError("the dialog sent nothing to the pane")


def fake_office(page):
    page.route(
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
        lambda route: route.fulfill(body=OFFICE_STAND_IN, content_type="text/javascript"),
    )


def register_in_dialog(site, page, email):
    page.goto(f"{site.url}/auth/login?dialog=1")
    page.click("text=Register")
    page.fill("input[name=name]", "Sam Okoro")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password_again]", PASSWORD)
    page.click("button[type=submit]")


def test_dialog_sends_the_token_to_the_pane(site, page):
    fake_office(page)
    register_in_dialog(site, page, new_email())
    message = sent_to_pane(page)
    assert message["type"] == "signed-in" and message["token"].startswith("pat_")
    assert message["expires_at"].endswith("Z")
    assert page.url == f"{site.url}/auth/complete"  # stays: the pane closes the dialog
    assert page.evaluate("localStorage.getItem('pa.token')") is None
    assert page.problems == []


def test_dialog_reports_a_refused_sign_in(site, page):
    fake_office(page)
    page.goto(f"{site.url}/auth/login?dialog=1")  # starts a sign-in in this browser
    page.goto(f"{site.url}/auth/callback/local?state=forged&code=x")
    message = sent_to_pane(page)
    assert message["type"] == "sign-in-failed" and "state does not match" in message["message"]
