"""Signing in and out, joining by invitation link, keyboard use, and the dark theme."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import needs_chromium, screenshot, serious_violations
from tests.conftest import http_client, new_user

pytestmark = [needs_chromium, pytest.mark.browser]


def create_agreement(owner) -> dict:
    parties = ["Riverside Council Youth Team", "Eastfield Community Police Unit", "Eastfield High"]
    response = owner.post(
        "/agreements",
        json={
            "title": "Eastfield youth diversion",
            "kind": "partnership",
            "level": "coordination",
            "parties": [{"name": n} for n in parties],
        },
    )
    assert response.status_code == 201
    return response.json()


def test_an_invitation_link_signs_in_first_then_joins(app, pane_user, live_server):
    _, owner_token, _ = new_user(app, "Joe Lindsay")
    owner = http_client(live_server, owner_token)
    agreement = create_agreement(owner)
    police = agreement["parties"][1]["id"]
    invitation = owner.post(
        f"/agreements/{agreement['id']}/invitations", json={"party_id": police, "role": "approver"}
    ).json()

    fiona = pane_user("Fiona Reid", signed_in=False)
    fiona.open(f"/pane/#invitation={invitation['token']}")
    expect(fiona.page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(fiona.page.get_by_text("You have been invited to join an agreement.")).to_be_visible()
    assert fiona.page.url == f"{live_server}/pane/"  # the token left the address bar at once
    problems = serious_violations(fiona.page)
    assert not problems, problems
    screenshot(fiona.page, "00-sign-in")

    # In a browser, Sign in goes to the login page, which comes back to the pane.
    with fiona.page.expect_request(f"{live_server}/auth/login?next=%2Fpane%2F"):
        fiona.page.get_by_role("button", name="Sign in").click()
    # The login hand-off stores the token and returns to /pane/ (here done as /auth/complete
    # would, with a token minted directly until the login issue is merged).
    fiona.page.goto(f"{live_server}/healthz")
    fiona.page.evaluate("token => localStorage.setItem('pa.token', token)", fiona.token)
    fiona.open()
    expect(fiona.page.get_by_role("heading", level=1)).to_have_text(agreement["title"])
    expect(fiona.page.get_by_role("status")).to_have_text(
        f"You have joined “{agreement['title']}”."
    )
    members = owner.get(f"/agreements/{agreement['id']}").json()["members"]
    assert {(m["user"]["name"], m["party_id"], m["role"]) for m in members} >= {
        ("Fiona Reid", police, "approver")
    }
    # The invitation was used: it is not kept to be accepted again.
    assert fiona.page.evaluate("sessionStorage.getItem('pa.invitation')") is None


def test_a_used_invitation_is_explained_in_plain_words(app, pane_user, live_server):
    _, owner_token, _ = new_user(app, "Joe Lindsay")
    owner = http_client(live_server, owner_token)
    agreement = create_agreement(owner)
    link = owner.post(
        f"/agreements/{agreement['id']}/invitations",
        json={"party_id": agreement["parties"][2]["id"], "role": "editor"},
    ).json()
    _, other_token, _ = new_user(app, "Someone Else")
    assert (
        http_client(live_server, other_token)
        .post("/invitations/accept", json={"token": link["token"]})
        .is_success
    )
    mark = pane_user("Mark Baird")
    mark.open(f"/pane/#invitation={link['token']}")
    alert = mark.page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("This invitation has already been used.")
    expect(mark.page.get_by_role("heading", name="Your agreements")).to_be_visible()
    expect(mark.page.get_by_role("button", name="Eastfield youth diversion")).to_have_count(0)


def test_sign_out_forgets_the_token(app, pane_user, live_server):
    joe = pane_user("Joe Lindsay")
    joe.open()
    expect(joe.page.get_by_text("Signed in as Joe Lindsay")).to_be_visible()
    joe.page.get_by_role("button", name="Sign out").click()
    expect(joe.page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(joe.page.get_by_role("status")).to_have_text("You are signed out.")
    assert joe.page.evaluate("localStorage.getItem('pa.token')") is None
    assert http_client(live_server, joe.token).get("/me").status_code == 401  # revoked


def test_signing_out_while_the_pane_is_still_loading_stays_signed_out(pane_user):
    joe = pane_user("Joe Lindsay")
    held = []
    joe.page.route(re.compile(r"/api/v1/agreements$"), lambda route: held.append(route))
    joe.open()
    expect(joe.page.get_by_text("Signed in as Joe Lindsay")).to_be_visible()
    joe.page.get_by_role("button", name="Sign out").click()
    expect(joe.page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert len(held) == 1
    held[0].continue_()  # the list arrives after sign-out: it must not be shown
    joe.page.wait_for_load_state("networkidle")
    expect(joe.page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(joe.page.get_by_role("heading", name="Your agreements")).to_be_hidden()


def test_a_token_that_no_longer_works_asks_to_sign_in_again(pane_user):
    joe = pane_user("Joe Lindsay", signed_in=False)
    joe.open("/healthz")
    joe.page.evaluate("localStorage.setItem('pa.token', 'pa_not-a-real-token')")
    joe.open()
    expect(joe.page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(joe.page.get_by_role("alert")).to_contain_text("Please sign in again")
    assert joe.page.evaluate("localStorage.getItem('pa.token')") is None


def test_start_an_agreement_and_open_a_section_by_keyboard_alone(pane_user):
    joe = pane_user("Joe Lindsay")
    joe.open()
    page = joe.page
    expect(page.get_by_role("heading", name="Your agreements")).to_be_visible()
    focused = lambda: page.evaluate("document.activeElement.id")  # noqa: E731
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert focused() == "main"
    for _ in range(5):
        page.keyboard.press("Tab")
        if focused() == "create-name":
            break
    assert focused() == "create-name"
    page.keyboard.type("Northside summer programme")
    page.keyboard.press("Tab")  # kind
    page.keyboard.press("Tab")  # level
    for name in ("Northside Youth Club", "Northside Library", "Northside Police"):
        page.keyboard.press("Tab")
        page.keyboard.type(name)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Northside summer programme")
    assert focused() == "agreement-title"  # focus moves to the new screen's heading
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.section || ''"):
            break
    key = page.evaluate("document.activeElement.dataset.section")
    assert key
    page.keyboard.press("Enter")
    expect(page.locator("#screen-section")).to_be_visible()
    assert focused() == "section-title"


def test_dark_theme_follows_the_system_and_stays_readable(pane_user):
    joe = pane_user("Joe Lindsay")
    joe.page.emulate_media(color_scheme="dark")
    joe.open()
    expect(joe.page.get_by_role("heading", name="Your agreements")).to_be_visible()
    background = joe.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert re.fullmatch(r"rgb\((\d+), \1, \1\)", background) and background != "rgb(255, 255, 255)"
    problems = serious_violations(joe.page)
    assert not problems, problems
    screenshot(joe.page, "08-dark")
