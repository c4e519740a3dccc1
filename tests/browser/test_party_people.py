"""Who speaks for each party, changed in the pane's Partners panel: a party's approvers (and the
owner, until a party has an approver of its own) withdraw its open invitations and remove its
members, after a confirmation in the page; nobody removes the owner or themselves; the server
decides, and its refusal is shown in its own words."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import (
    NARROW,
    SCREENSHOTS,
    needs_chromium,
    screenshot,
    serious_violations,
)
from tests.conftest import http_client, new_user

pytestmark = [needs_chromium, pytest.mark.browser]

PARTIES = [
    "Riverside Council Youth Team",
    "Eastfield Community Police Unit",
    "Eastfield High School",
]


def start(api) -> dict:
    return api.post(
        "/agreements",
        json={
            "title": "Eastfield youth diversion",
            "kind": "partnership",
            "level": "coordination",
            "parties": [{"name": n} for n in PARTIES],
        },
    ).json()


def join(app, live_server, api, aid: int, party_id: int, role: str, name: str):
    """Someone invited by `api`'s user joins through the API; their own client."""
    invitation = api.post(
        f"/agreements/{aid}/invitations", json={"party_id": party_id, "role": role}
    ).json()
    _, token, _ = new_user(app, name)
    them = http_client(live_server, token)
    assert them.post("/invitations/accept", json={"token": invitation["token"]}).is_success
    return them


def members(api, aid: int) -> dict[str, str]:
    return {m["user"]["name"]: m["role"] for m in api.get(f"/agreements/{aid}").json()["members"]}


def test_the_owner_withdraws_an_invitation_and_removes_someone_after_confirming(
    app, pane_user, live_server
):
    joe = pane_user("Joe Lindsay", width=NARROW)
    api = http_client(live_server, joe.token)
    agreement = start(api)
    aid = agreement["id"]
    own, police, school = (p["id"] for p in agreement["parties"])
    sam = join(app, live_server, api, aid, own, "editor", "Sam Carter")
    early = api.post(
        f"/agreements/{aid}/invitations", json={"party_id": police, "role": "viewer"}
    ).json()  # made while Joe still stood in for the police: theirs to withdraw now
    join(app, live_server, api, aid, police, "approver", "Fiona Reid")
    school_invitation = api.post(
        f"/agreements/{aid}/invitations", json={"party_id": school, "role": "approver"}
    ).json()
    dialogs = []
    joe.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    joe.open()
    joe.page.get_by_role("button", name="Eastfield youth diversion").click()
    parties = joe.page.locator("#party-list > li")
    expect(parties).to_have_count(3)
    mine, theirs, schools = parties.nth(0), parties.nth(1), parties.nth(2)
    # His own party: he removes Sam, never himself (the owner).
    expect(mine.get_by_role("button")).to_have_text(["Remove Sam Carter"])
    # The police have their own approver: nothing there is his to change.
    expect(theirs).to_contain_text("Fiona Reid")
    expect(theirs.get_by_role("button")).to_have_count(0)
    # The school has no approver yet: he withdraws its invitation.
    withdraw = schools.get_by_role(
        "button", name=re.compile(r"^Withdraw invitation \(to draft and approve, until .+\)$")
    )
    expect(withdraw).to_be_visible()
    assert not serious_violations(joe.page)
    screenshot(joe.page, "08-partners-controls")
    panel = joe.page.locator("#party-list").locator("xpath=..")
    panel.screenshot(path=SCREENSHOTS / "08-partners-panel-320.png")  # the panel alone, to read

    withdraw.click()
    expect(joe.page.get_by_role("status")).to_have_text(
        "The invitation is withdrawn: its link no longer works."
    )
    expect(schools).to_contain_text("nobody has joined yet")
    expect(joe.page.locator("#party-list")).to_be_focused()  # not lost with the pressed button
    expect(schools.get_by_role("button")).to_have_count(0)
    open_ids = [i["id"] for i in api.get(f"/agreements/{aid}/invitations").json()["invitations"]]
    assert school_invitation["id"] not in open_ids and early["id"] in open_ids
    _, late_token, _ = new_user(app, "Mark Baird")
    late = http_client(live_server, late_token).post(
        "/invitations/accept", json={"token": school_invitation["token"]}
    )
    assert late.status_code == 410  # the link no longer works

    # Removing someone asks first, in the page; "Keep them" keeps them.
    mine.get_by_role("button", name="Remove Sam Carter").click()
    confirm = joe.page.get_by_role("group", name=re.compile(r"^Remove Sam Carter from "))
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text(
        f"Remove Sam Carter from {PARTIES[0]}? They will no longer see or change this agreement."
    )
    expect(joe.page.locator("#remove-words")).to_be_focused()
    assert not serious_violations(joe.page)
    screenshot(joe.page, "09-remove-confirm")
    panel.screenshot(path=SCREENSHOTS / "09-remove-confirm-panel-320.png")
    confirm.get_by_role("button", name="Keep them").click()
    expect(confirm).to_be_hidden()
    expect(mine.get_by_role("button", name="Remove Sam Carter")).to_be_focused()
    assert members(api, aid)["Sam Carter"] == "editor"

    mine.get_by_role("button", name="Remove Sam Carter").click()
    confirm.get_by_role("button", name="Yes, remove Sam Carter").click()
    expect(joe.page.get_by_role("status")).to_have_text(
        f"Sam Carter no longer speaks for {PARTIES[0]}."
    )
    expect(mine).not_to_contain_text("Sam Carter")
    assert "Sam Carter" not in members(api, aid)
    assert sam.get(f"/agreements/{aid}").status_code in (403, 404)
    assert dialogs == []  # never window.confirm
    assert joe.uncaught == []


def test_an_approver_changes_only_their_own_party(app, pane_user, live_server):
    joe = pane_user("Joe Lindsay")
    api = http_client(live_server, joe.token)
    agreement = start(api)
    aid = agreement["id"]
    own, police, _ = (p["id"] for p in agreement["parties"])
    fiona_user = pane_user("Fiona Reid")
    invitation = api.post(
        f"/agreements/{aid}/invitations", json={"party_id": police, "role": "approver"}
    ).json()
    fiona = http_client(live_server, fiona_user.token)
    assert fiona.post("/invitations/accept", json={"token": invitation["token"]}).is_success
    join(app, live_server, fiona, aid, police, "editor", "Priya Shah")
    join(app, live_server, api, aid, own, "editor", "Sam Carter")

    fiona_user.open()
    fiona_user.page.get_by_role("button", name="Eastfield youth diversion").click()
    parties = fiona_user.page.locator("#party-list > li")
    expect(parties).to_have_count(3)
    expect(parties.nth(1).get_by_role("button")).to_have_text(["Remove Priya Shah"])  # not herself
    expect(parties.nth(0).get_by_role("button")).to_have_count(0)  # Joe's party: not hers
    expect(parties.nth(0)).to_contain_text("Sam Carter")
    expect(parties.nth(2).get_by_role("button")).to_have_count(0)
    parties.nth(1).get_by_role("button", name="Remove Priya Shah").click()
    fiona_user.page.get_by_role("button", name="Yes, remove Priya Shah").click()
    expect(parties.nth(1)).not_to_contain_text("Priya Shah")
    assert "Priya Shah" not in members(api, aid)


def test_a_refusal_by_the_server_is_shown_in_its_words(app, pane_user, live_server):
    joe = pane_user("Joe Lindsay")
    api = http_client(live_server, joe.token)
    agreement = start(api)
    aid = agreement["id"]
    school = agreement["parties"][2]["id"]
    join(app, live_server, api, aid, school, "editor", "Mark Baird")
    joe.open()
    joe.page.get_by_role("button", name="Eastfield youth diversion").click()
    schools = joe.page.locator("#party-list > li").nth(2)
    schools.get_by_role("button", name="Remove Mark Baird").click()

    # The pane is hidden, so it does not poll; meanwhile the school gets an approver of its own.
    joe.page.evaluate("Object.defineProperty(document, 'hidden', {get: () => true})")
    join(app, live_server, api, aid, school, "approver", "Dana Hughes")
    joe.page.get_by_role("button", name="Yes, remove Mark Baird").click()
    expect(joe.page.get_by_role("alert")).to_have_text(
        re.compile(
            f"{PARTIES[2]} has its own approver now: only its approvers decide who speaks for it."
        )
    )
    assert members(api, aid)["Mark Baird"] == "editor"  # nothing changed
    # The partners list is read again: the button that could not work is gone.
    expect(schools).to_contain_text("Dana Hughes")
    expect(schools.get_by_role("button")).to_have_count(0)
