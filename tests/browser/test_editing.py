"""Editing details: approving a wording that has just moved on shows the new wording."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import needs_chromium
from tests.conftest import http_client

pytestmark = [needs_chromium, pytest.mark.browser]


def test_approving_a_wording_that_moved_on_shows_the_new_one(pane_user, live_server):
    joe = pane_user("Joe Lindsay")
    api = http_client(live_server, joe.token)
    agreement = api.post(
        "/agreements",
        json={
            "title": "Northside summer programme",
            "kind": "partnership",
            "level": "networking",
            "parties": [{"name": "Northside Youth Club"}, {"name": "Northside Library"}],
        },
    ).json()
    aims = f"/agreements/{agreement['id']}/sections/purpose_and_aims"
    assert api.put(aims, json={"base_revision": 0, "text": "First wording."}).is_success
    joe.open()
    joe.page.get_by_role("button", name="Northside summer programme").click()
    joe.page.locator("button[data-section='purpose_and_aims']").click()
    approve = joe.page.get_by_role("button", name=re.compile("^Approve revision 1"))
    expect(approve).to_be_visible()

    # The pane is hidden, so it does not poll: only the failed approval can bring the news.
    joe.page.evaluate("Object.defineProperty(document, 'hidden', {get: () => true})")
    assert api.put(aims, json={"base_revision": 1, "text": "Second wording."}).is_success
    approve.click()
    expect(joe.page.get_by_role("alert")).to_contain_text("has moved on")
    expect(joe.page.get_by_role("button", name=re.compile("^Approve revision 2"))).to_be_visible()
    expect(joe.page.get_by_label("Clause text")).to_have_value("Second wording.")
    state = api.get(f"/agreements/{agreement['id']}").json()
    section = next(s for s in state["sections"] if s["key"] == "purpose_and_aims")
    assert section["approvals"] == []  # nothing was approved that Joe had not seen
