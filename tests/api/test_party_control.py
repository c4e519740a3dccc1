"""Each party controls who speaks for it: authorisation of invitations and members for every role,
through the API (on each database)."""

import pytest

from tests.conftest import create_agreement


@pytest.fixture
def cast(make_caller):
    """An agreement of parties A (the owner's), B (with its own approver) and C (nobody yet), with
    an approver, editor and viewer for A, and an approver and editor for B."""
    owner = make_caller("Owner A")
    agreement = create_agreement(owner)
    aid = agreement["id"]
    a, b, c = (p["id"] for p in agreement["parties"])
    people = {"owner": owner}

    def join(inviter, name, party, role):
        link = inviter.post(
            f"/agreements/{aid}/invitations", json={"party_id": party, "role": role}
        )
        assert link.status_code == 201, link.json
        person = make_caller(name)
        accepted = person.post("/invitations/accept", json={"token": link.json["token"]})
        assert accepted.status_code == 200, accepted.json
        people[name] = person

    join(owner, "approver A", a, "approver")
    join(owner, "editor A", a, "editor")
    join(owner, "viewer A", a, "viewer")
    join(owner, "approver B", b, "approver")  # B's first member: the owner may invite
    join(people["approver B"], "editor B", b, "editor")
    return aid, {"A": a, "B": b, "C": c}, people


def _state(caller, aid):
    return caller.get(f"/agreements/{aid}").json


INVITE = [
    ("owner", "B", 403),  # B has its own approver now
    ("approver B", "B", 201),
    ("editor B", "B", 403),
    ("approver A", "B", 403),
    ("viewer A", "B", 403),
    ("owner", "C", 201),  # C has nobody yet: the owner invites its first member
    ("approver A", "C", 403),
    ("approver B", "C", 403),
    ("editor A", "C", 403),
    ("owner", "A", 201),
    ("approver A", "A", 201),
    ("editor A", "A", 403),
    ("viewer A", "A", 403),
]


@pytest.mark.parametrize(("actor", "party", "status"), INVITE)
def test_who_may_invite_for_which_party(cast, actor, party, status):
    aid, parties, people = cast
    before = _state(people["owner"], aid)
    response = people[actor].post(
        f"/agreements/{aid}/invitations", json={"party_id": parties[party], "role": "approver"}
    )
    assert response.status_code == status, response.json
    after = _state(people["owner"], aid)
    if status == 201:
        assert response.headers["Cache-Control"] == "no-store"
        assert len(after["invitations"]) == len(before["invitations"]) + 1
    else:
        assert response.content_type == "application/problem+json"
        assert after == before  # nothing changed


REMOVE = [
    ("owner", "editor B", 403),
    ("approver A", "editor B", 403),
    ("editor B", "editor B", 403),
    ("viewer A", "editor B", 403),
    ("approver B", "editor B", 204),
    ("approver A", "viewer A", 204),
    ("owner", "viewer A", 204),
    ("editor A", "viewer A", 403),
    ("approver B", "viewer A", 403),
    ("approver A", "owner", 409),  # the agreement keeps its owner
    ("approver B", "approver B", 409),  # B's last approver cannot leave it
    ("approver A", "approver A", 204),  # A keeps the owner as an approver
]


@pytest.mark.parametrize(("actor", "target", "status"), REMOVE)
def test_who_may_remove_which_member(cast, actor, target, status):
    aid, _, people = cast
    before = _state(people["owner"], aid)
    member = next(m for m in before["members"] if m["user"]["id"] == people[target].id)
    response = people[actor].delete(f"/agreements/{aid}/members/{member['id']}")
    assert response.status_code == status
    after = _state(people["owner"], aid)
    if status == 204:
        assert member["id"] not in {m["id"] for m in after["members"]}
        assert people[target].get(f"/agreements/{aid}").status_code == 404
    else:
        assert after == before


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("owner", 403),
        ("approver A", 403),
        ("editor B", 403),
        ("viewer A", 403),
        ("approver B", 204),
    ],
)
def test_who_may_revoke_a_partys_invitation(cast, actor, status):
    aid, parties, people = cast
    link = people["approver B"].post(
        f"/agreements/{aid}/invitations", json={"party_id": parties["B"], "role": "viewer"}
    )
    before = _state(people["owner"], aid)
    assert [i["id"] for i in before["invitations"]] == [link.json["id"]]
    response = people[actor].delete(f"/agreements/{aid}/invitations/{link.json['id']}")
    assert response.status_code == status
    after = _state(people["owner"], aid)
    if status == 204:
        assert after["invitations"] == []
        late = people["viewer A"].post("/invitations/accept", json={"token": link.json["token"]})
        assert late.status_code == 410
    else:
        assert after == before


def test_every_member_sees_each_partys_members_and_open_invitations(cast):
    aid, parties, people = cast
    people["owner"].post(
        f"/agreements/{aid}/invitations", json={"party_id": parties["C"], "role": "editor"}
    )
    for person in people.values():
        listed = person.get(f"/agreements/{aid}/invitations")
        assert listed.status_code == 200
        assert [(i["party_id"], i["role"]) for i in listed.json["invitations"]] == [
            (parties["C"], "editor")
        ]
        state = _state(person, aid)
        assert {m["party_id"] for m in state["members"]} == {parties["A"], parties["B"]}
        assert len(state["members"]) == 6 and state["invitations"] == listed.json["invitations"]


def test_the_owner_cannot_make_a_sockpuppet_speak_for_another_party(cast, make_caller):
    """The attack of the issue: the owner of A invites an approver for B and accepts it with a
    second account. Refused once B has an approver; an invitation made before lapses."""
    aid, parties, people = cast
    refused = people["owner"].post(
        f"/agreements/{aid}/invitations", json={"party_id": parties["B"], "role": "approver"}
    )
    assert refused.status_code == 403
    # Before C has an approver the owner may invite two; once one joins, the other lapses.
    first, second = (
        people["owner"].post(
            f"/agreements/{aid}/invitations", json={"party_id": parties["C"], "role": "approver"}
        )
        for _ in range(2)
    )
    assert (
        make_caller().post("/invitations/accept", json={"token": first.json["token"]}).status_code
        == 200
    )
    sockpuppet = make_caller()
    lapsed = sockpuppet.post("/invitations/accept", json={"token": second.json["token"]})
    assert lapsed.status_code == 410 and "approvers" in lapsed.json["detail"]
    assert sockpuppet.get(f"/agreements/{aid}").status_code == 404


def test_invitation_link_lands_on_the_pane_with_the_token_in_the_fragment(app, cast):
    aid, parties, people = cast
    app.config["PUBLIC_ORIGIN"] = "https://agreements.example.org:8443"
    link = people["owner"].post(
        f"/agreements/{aid}/invitations", json={"party_id": parties["C"], "role": "viewer"}
    )
    token = link.json["token"]
    assert link.json["url"] == f"https://agreements.example.org:8443/pane/#invitation={token}"
    assert link.headers["Cache-Control"] == "no-store"
    old_route = people["viewer A"].post(f"/invitations/{token}/accept")
    assert old_route.status_code in (404, 405)  # tokens never travel in a URL path


def test_a_partys_last_approver_cannot_leave_and_a_removed_members_approvals_end(cast, make_caller):
    aid, parties, people = cast
    state = _state(people["owner"], aid)
    lone = next(m for m in state["members"] if m["user"]["id"] == people["approver B"].id)
    refused = people["approver B"].delete(f"/agreements/{aid}/members/{lone['id']}")
    assert refused.status_code == 409 and "last approver" in refused.json["detail"]
    assert _state(people["owner"], aid) == state

    # B's approver approves a section; a second approver of B then removes the first.
    key = state["sections"][0]["key"]
    section = f"/agreements/{aid}/sections/{key}"
    sha = people["owner"].put(section, json={"base_revision": 0, "text": "We meet monthly."})
    sha = sha.json["revision"]["sha256"]
    given = people["approver B"].post(
        f"{section}/approvals",
        json={"party_id": parties["B"], "revision_sha256": sha, "confirms_authority": True},
    )
    assert given.status_code == 201, given.json
    link = people["approver B"].post(
        f"/agreements/{aid}/invitations", json={"party_id": parties["B"], "role": "approver"}
    )
    second = make_caller("second approver B")
    assert second.post("/invitations/accept", json={"token": link.json["token"]}).status_code == 200
    before = _state(second, aid)
    assert [a["party_id"] for a in before["sections"][0]["approvals"]] == [parties["B"]]
    missing_before = before["readiness"]["missing"]

    assert second.delete(f"/agreements/{aid}/members/{lone['id']}").status_code == 204
    after = _state(second, aid)
    assert after["sections"][0]["approvals"] == []  # the departed approver's approval ended
    b_name = next(p["name"] for p in after["parties"] if p["id"] == parties["B"])
    missing_for_b = [m for m in after["readiness"]["missing"] if m.startswith(b_name)]
    assert len(missing_for_b) == 1 + len(
        [m for m in missing_before if m.startswith(b_name)]
    )  # the readiness drops: B no longer approves that wording
    history = second.get(f"{section}/revisions").json["revisions"][0]["approvals"]
    assert [(a["party_id"], a["active"]) for a in history] == [(parties["B"], False)]
    assert history[0]["ended_at"] is not None
    events = second.get(f"/agreements/{aid}/events").json
    assert events["chain"]["valid"] is True, events["chain"]
    removed = [e for e in events["events"] if e["kind"] == "member_removed"][-1]
    assert removed["data"]["approvals_ended"] == [key]
