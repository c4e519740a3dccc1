"""The pane's own Word logic (app.js), with word.js replaced by a stand-in over an in-memory
document (Office.js cannot run here; word.js has its own tests with office-addin-mock): sign-in
through the dialog, laying out, a bound document opening its agreement, typed changes offered as
a revision, partners' revisions and deleted sections brought back from the server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import needs_chromium, serious_violations
from tests.conftest import http_client

pytestmark = [needs_chromium, pytest.mark.browser]

STAND_IN = Path(__file__).parent / "stand_in_word.js"
DOCUMENT = "JSON.parse(sessionStorage.getItem('pa.test.document'))"
AIMS, CONTEXT = "purpose_and_aims", "partners_and_context"


def in_word(user, document: dict | None = None):
    """Serve the stand-in as word.js; the dialog hands back the user's token."""
    user.context.route(
        re.compile(r"/pane/word(\.[0-9a-f]{12})?\.js$"),  # the plain or the hashed name
        lambda route: route.fulfill(path=STAND_IN, content_type="text/javascript"),
    )
    seed = f"sessionStorage.setItem('pa.test.document', {json.dumps(json.dumps(document))});"
    user.context.add_init_script(
        "if (location.protocol === 'http:' && !sessionStorage.getItem('pa.test.dialog-token')) {"
        f"  sessionStorage.setItem('pa.test.dialog-token', {json.dumps(user.token)});"
        + (seed if document else "")
        + "}"
    )


def start_agreement(api) -> dict:
    agreement = api.post(
        "/agreements",
        json={
            "title": "Northside summer programme",
            "kind": "partnership",
            "level": "coordination",
            "parties": [{"name": "Northside Youth Club"}, {"name": "Northside Library"}],
        },
    ).json()
    for key, text in ((AIMS, "Aims as agreed."), (CONTEXT, "Who we are.")):
        saved = api.put(
            f"/agreements/{agreement['id']}/sections/{key}",
            json={"base_revision": 0, "text": text},
        )
        assert saved.status_code == 201
    return agreement


def document_text(page, key: str, expected: str) -> str | None:
    """The section's text in the document once it is `expected` (polling: the CSP forbids eval)."""
    for _ in range(75):
        text = page.evaluate(DOCUMENT)["texts"].get(key)
        if text == expected:
            return text
        page.wait_for_timeout(200)
    return page.evaluate(DOCUMENT)["texts"].get(key)


def reload_from_the_document(page) -> None:
    """Reopen the pane as Word would: nothing remembered but what the document holds."""
    page.evaluate("sessionStorage.removeItem('pa.place')")
    page.reload()


def test_in_word_the_pane_lays_out_the_agreement_and_offers_typed_changes(pane_user, live_server):
    joe = pane_user("Joe Lindsay", signed_in=False)
    api = http_client(live_server, joe.token)
    agreement = start_agreement(api)
    aid = agreement["id"]
    in_word(joe)
    page = joe.page

    # Sign-in runs in the Office dialog, which hands the token back.
    joe.open()
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your agreements")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('pa.test.dialog')") == "/auth/login?dialog=1"
    assert page.evaluate("localStorage.getItem('pa.token')") == joe.token

    # Lay out: every section with text goes into the document, bound to the agreement.
    page.get_by_role("button", name="Northside summer programme").click()
    expect(page.locator("#document-words")).to_have_text(
        "This document is not linked to the agreement yet."
    )
    page.get_by_role("button", name="Put all sections into this document").click()
    expect(page.get_by_role("status")).to_have_text(
        "Done: 2 sections added, 0 updated, 0 already up to date."
    )
    document = page.evaluate(DOCUMENT)
    assert document["binding"]["agreementId"] == aid
    assert document["binding"]["origin"] == live_server
    assert document["texts"] == {AIMS: "Aims as agreed.", CONTEXT: "Who we are."}
    expect(page.locator("#document-words")).to_have_text(
        "The document matches the saved agreement."
    )

    # Someone types straight into the document; reopened, the pane finds the agreement from the
    # document's binding and offers the typed wording as a new revision.
    typed = "Aims as agreed,   and typed in Word."
    page.evaluate(
        f"(() => {{ const d = {DOCUMENT}; d.texts.{AIMS} = {json.dumps(typed)};"
        " sessionStorage.setItem('pa.test.document', JSON.stringify(d)); })()"
    )
    reload_from_the_document(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Northside summer programme")
    changes = page.locator("#document-changes")
    expect(changes).to_contain_text(agreement["sections"][1]["title"])
    expect(changes.get_by_role("button")).to_have_count(1)  # only the section typed into
    changes.get_by_role("button", name="Save the document's wording as a new revision").click()
    expect(page.get_by_role("status")).to_contain_text("is saved as revision 2")
    aims = api.get(f"/agreements/{aid}").json()["sections"][1]
    assert aims["key"] == AIMS
    assert aims["revision"]["number"] == 2 and aims["revision"]["source"] == "document"
    assert aims["revision"]["text"] == "Aims as agreed, and typed in Word."
    assert page.evaluate(DOCUMENT)["binding"]["sections"][AIMS]["revision"] == 2
    expect(changes.get_by_role("button")).to_have_count(0)

    # A partner's new revision reaches the section in the document, untouched there.
    assert api.put(
        f"/agreements/{aid}/sections/{CONTEXT}",
        json={"base_revision": 1, "text": "Who we are now."},
    ).is_success
    assert document_text(page, CONTEXT, "Who we are now.") == "Who we are now."

    # A section whose control was deleted is restored from the server, not lost.
    page.evaluate(
        f"(() => {{ const d = {DOCUMENT}; delete d.texts.{AIMS};"
        " sessionStorage.setItem('pa.test.document', JSON.stringify(d)); })()"
    )
    reload_from_the_document(page)
    restored = "Aims as agreed, and typed in Word."
    assert document_text(page, AIMS, restored) == restored
    assert joe.uncaught == []


def test_a_document_of_an_agreement_you_have_not_joined_says_to_ask_for_an_invitation(
    pane_user, live_server
):
    joe = pane_user("Joe Lindsay", signed_in=False)
    agreement = start_agreement(http_client(live_server, joe.token))
    mark = pane_user("Mark Baird")
    binding = {"agreementId": agreement["id"], "version": 1, "origin": live_server, "sections": {}}
    in_word(mark, {"binding": binding, "texts": {}, "runs": 0})
    mark.open()
    expect(mark.page.locator("#error-text")).to_have_text(
        "This document belongs to an agreement you have not joined."
        " Ask one of its partners to send you an invitation."
    )
    expect(mark.page.get_by_role("heading", name="Your agreements")).to_be_visible()


DARK = {
    "bodyBackgroundColor": "#262626",
    "bodyForegroundColor": "#f0f0f0",
    "controlBackgroundColor": "#383838",
    "controlForegroundColor": "#ffffff",
}


def test_in_word_the_pane_takes_the_office_theme(pane_user, browser):
    joe = pane_user("Joe Lindsay", signed_in=False)
    in_word(joe)
    joe.context.add_init_script(
        f"sessionStorage.setItem('pa.test.theme', {json.dumps(json.dumps(DARK))});"
    )
    joe.open()
    page = joe.page
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    colours = page.evaluate(
        "(() => { const b = getComputedStyle(document.body);"
        " const r = getComputedStyle(document.documentElement);"
        " return [b.backgroundColor, b.color,"
        " r.getPropertyValue('--control-bg').trim(), r.getPropertyValue('--control-fg').trim()];"
        " })()"
    )
    assert colours == ["rgb(38, 38, 38)", "rgb(240, 240, 240)", "#383838", "#ffffff"]
    assert serious_violations(page) == []  # readable in Word's dark theme too

    # Outside Word (a plain browser) the pane follows the system's light or dark choice.
    plain = browser.new_context(color_scheme="dark")
    try:
        plain.route("https://appsforoffice.microsoft.com/**", lambda route: route.abort())
        other = plain.new_page()
        other.goto(f"{joe.base_url}/pane/")
        expect(other.get_by_role("heading", name="Sign in")).to_be_visible()
        assert other.evaluate("document.documentElement.dataset.theme") is None
        assert (
            other.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(41, 41, 41)"
        )
    finally:
        plain.close()
