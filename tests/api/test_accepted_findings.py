"""A `must` finding blocks finalising (the 409 lists it) until it is put right or an approver
records the partners' reason to accept it; the reason can be withdrawn. Both are audited."""

from tests.conftest import create_agreement

AIMS = "purpose_and_aims"
MUST = "aims.no_shared_aim"


def _join(owner, agreement, person, party, role):
    link = owner.post(
        f"/agreements/{agreement['id']}/invitations", json={"party_id": party, "role": role}
    )
    assert person.post("/invitations/accept", json={"token": link.json["token"]}).status_code == 200


def _section(state, key):
    return next(s for s in state["sections"] if s["key"] == key)


def _approve_all(callers, aid):
    for party, caller in callers.items():
        for section in caller.get(f"/agreements/{aid}").json["sections"]:
            revision = section["revision"]
            if revision and not any(
                a["party_id"] == party and a["current"] for a in section["approvals"]
            ):
                done = caller.post(
                    f"/agreements/{aid}/sections/{section['key']}/approvals",
                    json={
                        "party_id": party,
                        "revision_sha256": revision["sha256"],
                        "confirms_authority": True,
                    },
                )
                assert done.status_code == 201, done.json


def test_a_must_finding_blocks_finalising_until_accepted_with_a_reason(make_caller):
    owner, police, viewer = make_caller("Joe Lindsay"), make_caller("Fiona Reid"), make_caller()
    agreement = create_agreement(owner, parties=2, level="networking")
    aid, youth = agreement["id"], agreement["parties"][0]["id"]
    other = agreement["parties"][1]["id"]
    _join(owner, agreement, police, other, "approver")
    _join(police, agreement, viewer, other, "viewer")  # the party invites its own people
    url = f"/agreements/{aid}/sections"

    # No young people are served, so information sharing asks for nothing beyond contacts.
    drafts = {
        "people_served": {"fields": {"young_people": False, "target_groups": ["residents"]}},
        "partners_and_context": {"text": "The partners and their context."},
        "relationship_level": {"text": "We network."},
        "information_exchange": {"text": "We pass on term dates."},
        AIMS: {
            "fields": {
                "purpose_statement": "Keep residents informed.",
                "cld_plan": "It serves the local CLD plan's priority on informed communities.",
                "data_collection": [
                    {
                        "what": "Copies sent",
                        "how": "a count",
                        "by_whom": youth,
                        "for_whom": "own_use",
                    }
                ],
                "confirmed_by": [youth, other],
            }
        },
    }
    for key, body in drafts.items():
        assert owner.put(f"{url}/{key}", json={"base_revision": 0, **body}).status_code == 201
    state = owner.get(f"/agreements/{aid}").json
    assert [s["key"] for s in state["sections"] if s["required"]] == [
        "partners_and_context",
        AIMS,
        "relationship_level",
        "information_exchange",
    ]
    assert _section(state, "information_exchange")["why_required"] == [
        "Needed from the networking level up (our reading of OU 1.4)."
    ]  # and not for young people: none are served
    assert _section(state, "people_served")["why_required"] == []
    [finding] = _section(state, AIMS)["findings"]
    assert finding == {
        "section": AIMS,
        "code": MUST,
        "severity": "must",
        "message": "No shared aim has been recorded.",
        "source": ["OU 3.2", "BPM 2.8"],
        "judges_fields": False,
        "accepted": None,
    }

    # Hand-edited text: the findings say they judge the fields.
    edited = owner.put(f"{url}/{AIMS}", json={"base_revision": 1, "text": "Our own aims."})
    assert edited.status_code == 201
    [finding] = _section(owner.get(f"/agreements/{aid}").json, AIMS)["findings"]
    assert finding["judges_fields"] is True and "edited by hand" in finding["message"]

    _approve_all({youth: owner, other: police}, aid)
    blocked = owner.post(f"/agreements/{aid}/finalise")
    assert blocked.status_code == 409
    assert blocked.json["missing"] == [
        "'Shared purpose and aims' must be settled: No shared aim has been recorded. (This "
        "judges the section's fields: its text was edited by hand after them.) Put it right, or "
        f"record the partners' reason to accept it ({MUST})."
    ]

    accept = f"{url}/{AIMS}/accepted-findings"
    reason = "Networking only: we pass on news and share no aims beyond the purpose."
    # Who may accept, and what: an approver, a current `must` finding, a reason. Nothing changes
    # otherwise.
    assert viewer.post(accept, json={"code": MUST, "reason": reason}).status_code == 403
    assert police.post(accept, json={"code": MUST, "reason": "  "}).status_code == 422
    assert police.post(accept, json={"code": "Not a code", "reason": reason}).status_code == 422
    # advice (`should`), not a must: nothing to accept
    missing = police.post(accept, json={"code": "aims.party_not_confirmed", "reason": reason})
    assert missing.status_code == 404 and "no 'must' finding" in missing.json["detail"]
    assert (
        police.post(
            f"{url}/budget/accepted-findings", json={"code": MUST, "reason": reason}
        ).status_code
        == 404
    )
    assert owner.get(f"/agreements/{aid}").json["readiness"]["ready"] is False

    tag = owner.get(f"/agreements/{aid}").headers["ETag"]
    accepted = police.post(accept, json={"code": MUST, "reason": reason})
    assert accepted.status_code == 201
    assert accepted.json["reason"] == reason and accepted.json["party_id"] == other
    assert accepted.json["accepted_by"]["name"] == "Fiona Reid"
    assert police.post(accept, json={"code": MUST, "reason": reason}).status_code == 409
    again = owner.get(f"/agreements/{aid}", headers={"If-None-Match": tag})
    assert again.status_code == 200  # the acceptance changed the state
    state = again.json
    assert _section(state, AIMS)["findings"][0]["accepted"]["reason"] == reason
    assert state["readiness"] == {"ready": True, "missing": []}

    # Only the party that recorded it may withdraw it: another party's approver (the owner) may
    # not, and nothing changes.
    tag = owner.get(f"/agreements/{aid}").headers["ETag"]
    refused = owner.delete(f"{accept}/{MUST}")
    assert refused.status_code == 403 and "Another party recorded" in refused.json["detail"]
    assert owner.get(f"/agreements/{aid}", headers={"If-None-Match": tag}).status_code == 304
    # Withdrawn, it blocks again; the record of both stays in the audit trail.
    assert police.delete(f"{accept}/{MUST}").status_code == 204
    assert police.delete(f"{accept}/{MUST}").status_code == 404
    assert owner.get(f"/agreements/{aid}").json["readiness"]["ready"] is False
    assert owner.post(f"/agreements/{aid}/finalise").status_code == 409

    assert owner.post(accept, json={"code": MUST, "reason": reason}).status_code == 201
    final = owner.post(f"/agreements/{aid}/finalise")
    assert final.status_code == 200 and final.json["status"] == "final"
    assert owner.post(accept, json={"code": MUST, "reason": reason}).status_code == 409

    events = owner.get(f"/agreements/{aid}/events").json
    assert events["chain"]["valid"] is True
    kinds = [e["kind"] for e in events["events"]]
    assert kinds.count("finding_accepted") == 2 and kinds.count("finding_acceptance_withdrawn") == 1
    first = next(e for e in events["events"] if e["kind"] == "finding_accepted")
    assert first["data"] == {
        "section": AIMS,
        "code": MUST,
        "party_id": other,
        "reason": reason,
        "version": 1,
    }


def test_some_musts_are_advice_below_coordination(make_caller):
    owner = make_caller()
    for level, severity in (("networking", "should"), ("coordination", "must")):
        agreement = create_agreement(owner, parties=2, level=level)
        body = {"base_revision": 0, "fields": {"purpose_statement": "Share news."}}
        url = f"/agreements/{agreement['id']}/sections/{AIMS}"
        assert owner.put(url, json=body).status_code == 201
        found = _section(owner.get(f"/agreements/{agreement['id']}").json, AIMS)["findings"]
        severities = {f["code"]: f["severity"] for f in found}
        assert severities["aims.no_shared_aim"] == "must"  # at every level
        assert severities["aims.no_data_collection"] == severity  # OU 3.2, from coordination up
