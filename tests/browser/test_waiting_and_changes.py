"""The pane's first screen lists what waits for me and links into the section; an agreement
reopened as version 2 shows what changed since the final version."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from plugin.store.db import get_session
from plugin.store.models import Member
from tests.browser.chromium import needs_chromium
from tests.documents.conftest import final, partners  # noqa: F401 (fixtures)

pytestmark = [needs_chromium, pytest.mark.browser]


def test_waiting_links_into_the_section_and_changes_are_shown(app, final, pane_user):  # noqa: F811
    aid, owner = final.id, final.owner
    assert owner.post(f"/agreements/{aid}/renegotiate").status_code == 200
    key = "purpose_and_aims"
    section = owner.get(f"/agreements/{aid}/sections/{key}").json
    text = section["revision"]["text"] + "\n- A new aim: sessions at half-term & <Easter>."
    saved = owner.put(
        f"/agreements/{aid}/sections/{key}",
        json={"base_revision": section["revision"]["number"], "text": text},
    )
    assert saved.status_code == 201
    amina = pane_user("Amina Shah")
    with app.app_context():
        session = get_session()
        party = final.parties[0]["id"]
        session.add(Member(agreement_id=aid, user_id=amina.id, party_id=party, role="approver"))
        session.commit()

    amina.open()
    waiting = amina.page.locator("#waiting")
    expect(waiting.get_by_role("heading", name="Waiting for you")).to_be_visible()
    link = waiting.locator(f"a[href='/pane/#agreement={aid}&section={key}']")
    expect(link).to_contain_text("for Riverside Council Youth Team")
    link.click()
    expect(amina.page.locator("#screen-section")).to_be_visible()

    amina.page.locator("#to-agreement").click()
    changes = amina.page.locator("#changes-since-final")
    expect(changes).to_contain_text("1 section changed since final version 1.")
    expect(changes.locator("ins")).to_contain_text("sessions at half-term & <Easter>.")
    assert not amina.uncaught
