"""The agreement API through the Flask test client, on each database backend."""

import pytest

from tests.conftest import create_agreement

ROLES = "roles_and_responsibilities"


def section(state, key):
    return next(s for s in state["sections"] if s["key"] == key)


def put(caller, agreement, key=ROLES, base=0, **body):
    return caller.put(
        f"/agreements/{agreement['id']}/sections/{key}", json={"base_revision": base, **body}
    )


def test_create_makes_the_caller_owner_of_the_first_party(make_caller):
    owner = make_caller("Joe Lindsay")
    state = create_agreement(owner)
    assert state["status"] == "drafting" and state["version"] == 1
    assert next(p["name"] for p in state["parties"]) == "Riverside Council Youth Team"
    assert state["my_role"] == "owner" and state["my_party_id"] == state["parties"][0]["id"]
    assert len(state["sections"]) == 18
    assert not state["readiness"]["ready"]
    listed = owner.get("/agreements").json["agreements"]
    assert [a["id"] for a in listed] == [state["id"]]


def test_fields_render_the_clause_and_checks_report_in_words(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    youth, _police, _school = (p["id"] for p in agreement["parties"])
    response = put(
        owner,
        agreement,
        fields={
            "lead_partner": youth,
            "tasks": [{"task": "Friday drop-in", "owner": youth, "due": "2027-01-15"}],
        },
    )
    assert response.status_code == 201 and response.json["created"]
    revision = response.json["revision"]
    assert (
        revision["number"] == 1
        and "Riverside Council Youth Team leads and manages the joint work" in revision["text"]
    )
    state = owner.get(f"/agreements/{agreement['id']}").json
    findings = [f["message"] for f in section(state, ROLES)["findings"]]
    assert (
        "Eastfield Community Police Unit has no named task with a date or how often it is done."
        in findings
    )
    assert not any(m.startswith("Riverside") for m in findings)


def test_stale_edit_is_refused_with_the_current_revision(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    assert put(owner, agreement, text="First wording.").status_code == 201
    assert put(owner, agreement, base=1, text="Second wording.").status_code == 201
    stale = put(owner, agreement, base=1, text="My lost edit?")
    assert stale.status_code == 409
    assert stale.content_type == "application/problem+json"
    assert (
        stale.json["current"]["number"] == 2 and stale.json["current"]["text"] == "Second wording."
    )
    assert "current revision is 2" in stale.json["detail"]


def test_identical_text_makes_no_new_revision(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    put(owner, agreement, text="We meet monthly.")
    same = put(owner, agreement, base=1, text="  We meet\r\nmonthly. ".replace("\r\n", " "))
    assert same.status_code == 200 and same.json["created"] is False
    assert same.json["revision"]["number"] == 1


def test_etag_answers_304_until_something_changes(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    path = f"/agreements/{agreement['id']}"
    first = owner.get(path)
    tag = first.headers["ETag"]
    assert owner.get(path, headers={"If-None-Match": tag}).status_code == 304
    put(owner, agreement, text="Changed.")
    again = owner.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 200 and again.headers["ETag"] != tag


def test_approval_of_an_outdated_hash_is_refused(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    old = put(owner, agreement, text="Old.").json["revision"]["sha256"]
    put(owner, agreement, base=1, text="New.")
    response = owner.post(
        f"/agreements/{agreement['id']}/sections/{ROLES}/approvals",
        json={
            "party_id": agreement["my_party_id"],
            "revision_sha256": old,
            "confirms_authority": True,
        },
    )
    assert response.status_code == 409 and response.json["current"]["text"] == "New."


def test_nobody_approves_for_a_party_they_do_not_speak_for(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    sha = put(owner, agreement, text="Text.").json["revision"]["sha256"]
    police = agreement["parties"][1]["id"]
    response = owner.post(
        f"/agreements/{agreement['id']}/sections/{ROLES}/approvals",
        json={"party_id": police, "revision_sha256": sha, "confirms_authority": True},
    )
    assert response.status_code == 403
    state = owner.get(f"/agreements/{agreement['id']}").json
    assert section(state, ROLES)["approvals"] == []


def test_another_users_agreement_is_not_found(make_caller):
    owner, stranger = make_caller(), make_caller()
    agreement = create_agreement(owner)
    for response in (
        stranger.get(f"/agreements/{agreement['id']}"),
        put(stranger, agreement, text="Hijack"),
        stranger.get(f"/agreements/{agreement['id']}/events"),
        stranger.get("/agreements/999999"),
    ):
        assert response.status_code == 404
        assert response.json["detail"].startswith("There is no agreement")


def test_viewer_and_editor_limits(make_caller, client):
    owner, viewer, editor = make_caller(), make_caller(), make_caller()
    agreement = create_agreement(owner)
    party = agreement["parties"][1]["id"]
    for person, role in ((viewer, "viewer"), (editor, "editor")):
        link = owner.post(
            f"/agreements/{agreement['id']}/invitations", json={"party_id": party, "role": role}
        )
        assert (
            person.post("/invitations/accept", json={"token": link.json["token"]}).status_code
            == 200
        )
    assert put(viewer, agreement, text="Viewer text").status_code == 403
    sha = put(editor, agreement, text="Editor text").json["revision"]["sha256"]
    approval = {"party_id": party, "revision_sha256": sha, "confirms_authority": True}
    assert (
        editor.post(
            f"/agreements/{agreement['id']}/sections/{ROLES}/approvals", json=approval
        ).status_code
        == 403
    )
    assert (
        editor.post(
            f"/agreements/{agreement['id']}/invitations",
            json={"party_id": party, "role": "approver"},
        ).status_code
        == 403
    )


def test_invitations_are_single_use(make_caller):
    owner, first, second = make_caller(), make_caller(), make_caller()
    agreement = create_agreement(owner)
    link = owner.post(
        f"/agreements/{agreement['id']}/invitations",
        json={"party_id": agreement["parties"][2]["id"], "role": "approver"},
    ).json
    assert link["url"].endswith(link["token"])
    assert (
        first.post("/invitations/accept", json={"token": link["token"]}).json["role"] == "approver"
    )
    used = second.post("/invitations/accept", json={"token": link["token"]})
    assert used.status_code == 410
    assert second.post("/invitations/accept", json={"token": "not-a-token"}).status_code == 404
    assert second.get(f"/agreements/{agreement['id']}").status_code == 404


def test_expired_invitation_is_gone(app, make_caller):
    app.config["INVITATION_LIFETIME_HOURS"] = -1
    owner, late = make_caller(), make_caller()
    agreement = create_agreement(owner)
    link = owner.post(
        f"/agreements/{agreement['id']}/invitations",
        json={"party_id": agreement["parties"][1]["id"], "role": "viewer"},
    ).json
    response = late.post("/invitations/accept", json={"token": link["token"]})
    assert response.status_code == 410 and "expired" in response.json["detail"]


def test_change_request_blocks_finalise_until_withdrawn(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner, parties=2, level="networking")
    aid, mine = agreement["id"], agreement["my_party_id"]
    sha = put(owner, agreement, key="purpose_and_aims", text="Aims.").json["revision"]["sha256"]
    request = owner.post(
        f"/agreements/{aid}/sections/purpose_and_aims/change-requests",
        json={"party_id": mine, "revision_sha256": sha, "comment": "Add a measure."},
    )
    assert request.status_code == 201 and request.json["status"] == "open"
    blocked = owner.post(f"/agreements/{aid}/finalise")
    assert blocked.status_code == 409
    assert any(
        "open change request" in m and "Add a measure." in m for m in blocked.json["missing"]
    )
    closed = owner.patch(
        f"/agreements/{aid}/change-requests/{request.json['number']}", json={"status": "withdrawn"}
    )
    assert closed.status_code == 204
    state = owner.get(f"/agreements/{aid}").json
    assert state["change_requests"] == []


def test_withdrawing_an_approval(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    aid, mine = agreement["id"], agreement["my_party_id"]
    sha = put(owner, agreement, text="Text.").json["revision"]["sha256"]
    owner.post(
        f"/agreements/{aid}/sections/{ROLES}/approvals",
        json={"party_id": mine, "revision_sha256": sha, "confirms_authority": True},
    )
    assert [
        a["current"] for a in section(owner.get(f"/agreements/{aid}").json, ROLES)["approvals"]
    ] == [True]
    assert owner.delete(f"/agreements/{aid}/sections/{ROLES}/approvals/{mine}").status_code == 204
    assert section(owner.get(f"/agreements/{aid}").json, ROLES)["approvals"] == []
    assert owner.delete(f"/agreements/{aid}/sections/{ROLES}/approvals/{mine}").status_code == 404


def test_no_token_or_a_revoked_one_is_401(client, make_caller, app):
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer nope"}).status_code == 401
    caller = make_caller("Amina Shah")
    assert caller.get("/me").json["name"] == "Amina Shah"
    from auth import tokens
    from plugin.store.db import get_session

    with app.app_context():
        assert tokens.revoke(get_session(), caller.token)
        get_session().commit()
    response = caller.get("/me")
    assert response.status_code == 401 and response.headers["WWW-Authenticate"].startswith("Bearer")


def test_catalogue_is_public(client):
    body = client.get("/api/v1/catalogue").json
    assert len(body["kinds"]) == 2 and len(body["levels"]) == 4 and len(body["sections"]) == 19
    co_working = next(k for k in body["kinds"] if k["key"] == "co_working")
    assert "code_of_conduct" in co_working["required_by_level"]["networking"]
    assert "power_and_voice" not in co_working["required_by_level"]["collaboration"]
    roles = next(s for s in body["sections"] if s["key"] == ROLES)
    assert roles["prompts"][0]["source"] and roles["fields"] and roles["checks"]


@pytest.mark.parametrize("path", ["/healthz", "/api/v1/catalogue"])
def test_security_headers(client, path):
    response = client.get(path)
    assert "frame-ancestors" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers


def test_section_history_shows_which_party_approved_which_wording(make_caller):
    owner, police = make_caller("Joe Lindsay"), make_caller("Fiona Reid")
    agreement = create_agreement(owner)
    aid, youth, police_party = (
        agreement["id"],
        agreement["parties"][0]["id"],
        agreement["parties"][1]["id"],
    )
    link = owner.post(
        f"/agreements/{aid}/invitations", json={"party_id": police_party, "role": "approver"}
    )
    police.post("/invitations/accept", json={"token": link.json["token"]})
    first = put(owner, agreement, text="First wording.").json["revision"]["sha256"]
    owner.post(
        f"/agreements/{aid}/sections/{ROLES}/approvals",
        json={"party_id": youth, "revision_sha256": first, "confirms_authority": True},
    )
    police.post(
        f"/agreements/{aid}/sections/{ROLES}/change-requests",
        json={"party_id": police_party, "revision_sha256": first, "comment": "Name the officer."},
    )
    second = put(police, agreement, base=1, text="Second wording, naming PC Morrow.").json[
        "revision"
    ]["sha256"]
    police.post(
        f"/agreements/{aid}/sections/{ROLES}/approvals",
        json={"party_id": police_party, "revision_sha256": second, "confirms_authority": True},
    )
    owner.post(
        f"/agreements/{aid}/sections/{ROLES}/approvals",
        json={"party_id": youth, "revision_sha256": second, "confirms_authority": True},
    )

    history = owner.get(f"/agreements/{aid}/sections/{ROLES}/revisions").json
    latest, earliest = history["revisions"]
    assert (latest["number"], latest["author"]["name"]) == (2, "Fiona Reid")
    assert {
        (a["party_id"], a["approved_by"]["name"], a["active"]) for a in latest["approvals"]
    } == {(police_party, "Fiona Reid", True), (youth, "Joe Lindsay", True)}
    # the youth team's approval of the first wording is kept, no longer active
    assert [(a["party_id"], a["active"]) for a in earliest["approvals"]] == [(youth, False)]
    assert earliest["approvals"][0]["ended_at"] is not None
    assert [(c["comment"], c["status"]) for c in earliest["change_requests"]] == [
        ("Name the officer.", "resolved")
    ]
    assert owner.get(f"/agreements/{aid}/sections/budget/revisions").status_code == 404
