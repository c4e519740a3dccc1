"""What needs me: sections to approve, change requests to answer, reviews and meetings coming
up, across all of a user's agreements, read in the same number of statements however many
agreements there are."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from plugin.store.db import engine_of, get_session
from plugin.store.models import Member
from tests import conftest
from tests.conftest import create_agreement

TODAY = dt.date.fromisoformat(conftest.TODAY)  # the day the app judges against


def _join(app, agreement: dict, caller, position: int, role: str = "approver") -> int:
    party = agreement["parties"][position]["id"]
    with app.app_context():
        session = get_session()
        session.add(
            Member(agreement_id=agreement["id"], user_id=caller.id, party_id=party, role=role)
        )
        session.commit()
    return party


def _put(caller, aid: int, key: str, fields=None, text=None, base=0):
    body = {"base_revision": base, **({"fields": fields} if fields else {"text": text})}
    saved = caller.put(f"/agreements/{aid}/sections/{key}", json=body)
    assert saved.status_code == 201, saved.json
    return saved.json


def _approve(caller, aid: int, key: str, party: int):
    sha = caller.get(f"/agreements/{aid}/sections/{key}").json["revision"]["sha256"]
    done = caller.post(
        f"/agreements/{aid}/sections/{key}/approvals",
        json={"party_id": party, "revision_sha256": sha, "confirms_authority": True},
    )
    assert done.status_code == 201, done.json


def _busy_agreement(app, owner, police, title="Eastfield youth diversion") -> dict:
    """Two sections drafted by the owner; the police approve one and object to the other."""
    agreement = create_agreement(owner, title=title)
    aid = agreement["id"]
    police_party = _join(app, agreement, police, 1)
    _put(owner, aid, "purpose_and_aims", text="Keep young people & <staff> safe.")
    _put(owner, aid, "code_of_conduct", text="Everyone is treated with respect.")
    _approve(police, aid, "purpose_and_aims", police_party)
    sha = police.get(f"/agreements/{aid}/sections/code_of_conduct").json["revision"]["sha256"]
    objected = police.post(
        f"/agreements/{aid}/sections/code_of_conduct/change-requests",
        json={"party_id": police_party, "revision_sha256": sha, "comment": "Who enforces it?"},
    )
    assert objected.status_code == 201, objected.json
    return agreement


def test_each_kind_is_listed_for_the_person_it_waits_for(app, make_caller):
    owner, police, viewer = make_caller("Joe"), make_caller("Fiona"), make_caller("Val")
    agreement = _busy_agreement(app, owner, police)
    aid = agreement["id"]
    youth, police_party = agreement["parties"][0]["id"], agreement["parties"][1]["id"]
    _join(app, agreement, viewer, 2, role="viewer")
    soon = TODAY + dt.timedelta(days=3)
    _put(
        owner,
        aid,
        "meetings_and_communication",
        fields={
            "meetings": [
                {"name": "Check-in", "frequency": "weekly", "first_date": soon.isoformat()},
                {"name": "Far off", "first_date": (TODAY + dt.timedelta(days=20)).isoformat()},
            ]
        },
    )
    _put(
        owner,
        aid,
        "review_and_revision",
        fields={"next_review": (TODAY + dt.timedelta(days=29)).isoformat()},
    )
    # A second agreement whose review is 45 days away: not due yet.
    later = create_agreement(owner, title="Northside")
    _put(
        owner,
        later["id"],
        "review_and_revision",
        fields={"next_review": (TODAY + dt.timedelta(days=45)).isoformat()},
    )

    items = owner.get("/me/waiting").json["items"]
    by_kind = {}
    for item in items:
        by_kind.setdefault(item["kind"], []).append(item)
    # The owner's party approved nothing: every drafted section of the first agreement waits
    # for it (the second agreement's only section too).
    mine = {(i["agreement_id"], i["section_key"]) for i in by_kind["approve_section"]}
    assert mine == {
        (aid, "purpose_and_aims"),
        (aid, "code_of_conduct"),
        (aid, "meetings_and_communication"),
        (aid, "review_and_revision"),
        (later["id"], "review_and_revision"),
    }
    first = next(i for i in by_kind["approve_section"] if i["section_key"] == "purpose_and_aims")
    assert first == {
        "kind": "approve_section",
        "agreement_id": aid,
        "agreement_title": "Eastfield youth diversion",
        "section_key": "purpose_and_aims",
        "section_title": first["section_title"],
        "party_id": youth,
        "party_name": "Riverside Council Youth Team",
        "pane_link": f"/pane/#agreement={aid}&section=purpose_and_aims",
    }
    assert first["section_title"]
    [answer] = by_kind["answer_change_request"]  # the owner wrote the section objected to
    assert (answer["section_key"], answer["party_id"]) == ("code_of_conduct", police_party)
    assert answer["party_name"] == "Eastfield Community Police Unit"
    [review] = by_kind["review_due"]
    assert (review["agreement_id"], review["due"]) == (aid, (TODAY + dt.timedelta(29)).isoformat())
    [meeting] = by_kind["meeting_soon"]
    assert meeting["due"] == soon.isoformat()
    assert "accept_invitation" not in by_kind

    # The police approved purpose_and_aims and objected to code_of_conduct: neither waits for
    # them; the sections drafted since do.
    police_items = police.get("/me/waiting").json["items"]
    police_sections = {i["section_key"] for i in police_items if i["kind"] == "approve_section"}
    assert police_sections == {"meetings_and_communication", "review_and_revision"}
    assert not [i for i in police_items if i["kind"] == "answer_change_request"]
    # A viewer approves nothing and answers nothing, but sees the dates.
    assert {i["kind"] for i in viewer.get("/me/waiting").json["items"]} == {
        "review_due",
        "meeting_soon",
    }

    # Once the owner's party approves a section, it is no longer listed for the owner.
    _approve(owner, aid, "purpose_and_aims", youth)
    again = owner.get("/me/waiting").json["items"]
    assert (aid, "purpose_and_aims") not in {
        (i["agreement_id"], i.get("section_key")) for i in again if i["kind"] == "approve_section"
    }


def test_a_new_user_waits_for_nothing(make_caller):
    answer = make_caller().get("/me/waiting")
    assert answer.status_code == 200 and answer.json == {"items": []}


def test_the_number_of_statements_does_not_grow_with_the_agreements(app, make_caller):
    owner, police = make_caller(), make_caller()
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    def statements_for_list() -> tuple[int, int]:
        statements.clear()
        sa.event.listen(engine_of(app), "before_cursor_execute", count)
        try:
            items = owner.get("/me/waiting").json["items"]
        finally:
            sa.event.remove(engine_of(app), "before_cursor_execute", count)
        return len(statements), len(items)

    _busy_agreement(app, owner, police)
    one, items_one = statements_for_list()
    for n in range(4):
        _busy_agreement(app, owner, police, title=f"Agreement {n}")
    five, items_five = statements_for_list()
    assert items_five == 5 * items_one  # the work did grow
    assert five == one, (one, five)
    assert one <= 10
