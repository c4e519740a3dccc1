"""Editing details: approving a wording that has just moved on shows the new wording."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import needs_chromium
from tests.browser.steps import approve_in_bar
from tests.conftest import http_client

pytestmark = [needs_chromium, pytest.mark.browser]


def _summer_programme(api) -> dict:
    """A two-partner networking agreement, made through the API."""
    return api.post(
        "/agreements",
        json={
            "title": "Northside summer programme",
            "kind": "partnership",
            "level": "networking",
            "parties": [{"name": "Northside Youth Club"}, {"name": "Northside Library"}],
        },
    ).json()


def test_approving_a_wording_that_moved_on_shows_the_new_one(pane_user, live_server):
    joe = pane_user("Joe Lindsay")
    api = http_client(live_server, joe.token)
    agreement = _summer_programme(api)
    aims = f"/agreements/{agreement['id']}/sections/purpose_and_aims"
    assert api.put(aims, json={"base_revision": 0, "text": "First wording."}).is_success
    joe.open()
    joe.page.get_by_role("button", name="Northside summer programme").click()
    joe.page.locator("button[data-section='purpose_and_aims']").click()
    approve = joe.page.get_by_role("button", name=re.compile("^Approve revision 1"))
    expect(approve).to_be_visible()
    approve_in_bar(joe.page, confirm=False)

    # The pane is hidden, so it does not poll: only the failed approval can bring the news.
    joe.page.evaluate("Object.defineProperty(document, 'hidden', {get: () => true})")
    assert api.put(aims, json={"base_revision": 1, "text": "Second wording."}).is_success
    joe.page.get_by_role("button", name="Approve", exact=True).click()
    expect(joe.page.get_by_role("alert")).to_contain_text("has moved on")
    expect(joe.page.get_by_role("button", name=re.compile("^Approve revision 2"))).to_be_visible()
    expect(joe.page.get_by_label("Clause text")).to_have_value("Second wording.")
    state = api.get(f"/agreements/{agreement['id']}").json()
    section = next(s for s in state["sections"] if s["key"] == "purpose_and_aims")
    assert section["approvals"] == []  # nothing was approved that Joe had not seen


def test_the_clause_preview_follows_the_form_and_saves_nothing(pane_user, live_server):
    joe = pane_user("Joe Lindsay")
    api = http_client(live_server, joe.token)
    agreement = _summer_programme(api)
    previews = []
    joe.page.on(
        "request", lambda r: r.url.endswith("/preview") and previews.append(r.post_data_json)
    )
    joe.open()
    joe.page.get_by_role("button", name="Northside summer programme").click()
    joe.page.locator("button[data-section='purpose_and_aims']").click()

    # Why the section is needed, with its sources; the checks say what is needed, in words.
    # Folded, one line each, until opened.
    expect(joe.page.locator("#why-required")).not_to_be_visible()
    joe.page.get_by_role("button", name=re.compile(r"^Why this section is required")).click()
    expect(joe.page.locator("#why-required")).to_contain_text("OU 1.4")
    checks = joe.page.get_by_role("region", name=re.compile("^What the checks say"))
    preview = joe.page.get_by_role("region", name="Preview of the clause")
    joe.page.get_by_role("button", name="Clause preview and wording").click()
    joe.page.get_by_role("heading", name=re.compile("^What the checks say")).click()
    expect(checks.get_by_role("list")).to_contain_text(
        "Needed before finalising No shared aim has been recorded."
    )
    # The finding sits under the field it judges, and the list links to that field.
    aims_field = joe.page.locator("[data-field='shared_aims']")
    expect(aims_field.locator(".field-finding")).to_contain_text("No shared aim has been recorded.")
    checks.get_by_role("button", name="No shared aim has been recorded.").click()
    expect(aims_field.get_by_role("button", name="Add an entry to Shared aims")).to_be_focused()

    # Typing: the preview follows once typing pauses (one request for the whole word).
    asked = len(previews)
    joe.page.get_by_label("Statement of purpose").press_sequentially("Summer safe spaces")
    expect(preview.locator("#preview-text")).to_contain_text("Summer safe spaces")
    assert 1 <= len(previews) - asked < len("Summer safe spaces")
    assert previews[-1]["fields"]["purpose_statement"] == "Summer safe spaces"

    # An aim put in: the finding it answers goes from the preview.
    joe.page.get_by_role("button", name="Add an entry to Shared aims").click()
    joe.page.get_by_label("Aim", exact=True).fill("Somewhere to go on summer evenings")
    expect(checks.get_by_role("list")).not_to_contain_text("No shared aim has been recorded.")
    expect(preview.locator("#preview-text")).to_contain_text("Somewhere to go on summer evenings")

    # Nothing was saved by previewing: the saved section still has no text.
    state = api.get(f"/agreements/{agreement['id']}").json()
    section = next(s for s in state["sections"] if s["key"] == "purpose_and_aims")
    assert section["revision"] is None
    assert joe.uncaught == []


def test_a_late_answer_never_puts_an_older_state_back(pane_user, live_server):
    """A poll that read the state before a later write, answering after the state that write
    brought is on show, changes nothing: the pane keeps the newer state."""
    joe = pane_user("Joe Lindsay")
    api = http_client(live_server, joe.token)
    agreement = _summer_programme(api)
    base = f"/agreements/{agreement['id']}/sections"
    joe.open()
    joe.page.get_by_role("button", name="Northside summer programme").click()
    aims = joe.page.locator("button[data-section='purpose_and_aims'] .badge")
    roles = joe.page.locator("button[data-section='roles_and_responsibilities'] .badge")
    expect(roles).to_have_text("No text yet")

    # The first state read the server answers with the aims saved (a 200, not a 304) is held;
    # reads before it, and every read after it, go through.
    held = []

    def hold_the_first_news(route):
        if held:
            route.continue_()
            return
        response = route.fetch()
        if response.status == 200:
            held.append((route, response))
        else:
            route.fulfill(response=response)

    joe.page.route(re.compile(rf"/api/v1/agreements/{agreement['id']}$"), hold_the_first_news)
    saved = api.put(f"{base}/purpose_and_aims", json={"base_revision": 0, "text": "Our aims."})
    assert saved.is_success
    deadline = time.monotonic() + 15  # the pane polls every 4 s
    while not held:  # the route's handler runs while Playwright waits
        assert time.monotonic() < deadline, "no poll brought the saved aims"
        joe.page.wait_for_timeout(100)

    # Then the roles are saved, and the pane reads the state again (back to the list).
    saved = api.put(
        f"{base}/roles_and_responsibilities", json={"base_revision": 0, "text": "Ours."}
    )
    assert saved.is_success
    joe.page.locator("button[data-section='purpose_and_aims']").click()
    joe.page.get_by_role("button", name="All sections").click()
    expect(roles).not_to_have_text("No text yet")
    expect(aims).not_to_have_text("No text yet")

    # The held answer arrives last: the roles' revision stays on show.
    # The pane polls again only once it is done with the held answer: the next poll is the sign.
    route, response = held[0]
    route.fulfill(response=response)
    with joe.page.expect_request(lambda r: r.url.endswith(f"/agreements/{agreement['id']}")):
        pass
    assert roles.text_content() != "No text yet"
    assert joe.uncaught == []
