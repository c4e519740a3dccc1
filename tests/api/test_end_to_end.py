"""A three-party agreement from start to renegotiation, over real HTTP, on each backend."""

from plugin.catalogue import Party, default_catalogue
from tests.conftest import http_client, new_user


def test_three_party_agreement_end_to_end(app, live_server):
    catalogue = default_catalogue()
    _, owner_token, _ = new_user(app, "Joe Lindsay")
    owner = http_client(live_server, owner_token)
    created = owner.post(
        "/agreements",
        json={
            "title": "Eastfield youth diversion",
            "kind": "partnership",
            "level": "coordination",
            "parties": [
                {"name": "Riverside Council Youth Team"},
                {"name": "Eastfield Community Police Unit"},
                {"name": "Eastfield High School"},
            ],
        },
    )
    assert created.status_code == 201
    agreement = created.json()
    aid = agreement["id"]
    youth, police, school = (p["id"] for p in agreement["parties"])
    parties = [Party(p["id"], p["name"]) for p in agreement["parties"]]

    # The owner invites one approver for each other party.
    callers = {youth: owner}
    for party, name in ((police, "Fiona Reid"), (school, "Mark Baird")):
        link = owner.post(
            f"/agreements/{aid}/invitations", json={"party_id": party, "role": "approver"}
        )
        assert link.status_code == 201
        _, token, _ = new_user(app, name)
        callers[party] = http_client(live_server, token)
        joined = callers[party].post("/invitations/accept", json={"token": link.json()["token"]})
        assert joined.status_code == 200 and joined.json()["party_id"] == party

    # Every required section is drafted from the catalogue's example fields, by different partners.
    required = catalogue.required_sections("partnership", "coordination")
    assert required == [s["key"] for s in agreement["sections"] if s["required"]]
    drafters = list(callers.values())
    for i, key in enumerate(required):
        fields = catalogue.example_for(key, parties)
        saved = drafters[i % 3].put(
            f"/agreements/{aid}/sections/{key}", json={"base_revision": 0, "fields": fields}
        )
        assert saved.status_code == 201, saved.json()
    # The partners' answers decide what else is required: workers from different partners
    # deliver together, so their own arrangements are now required too (OU 3.2).
    sections = owner.get(f"/agreements/{aid}").json()["sections"]
    now = [s["key"] for s in sections if s["required"]]
    assert set(now) - set(required) == {"individual_worker_arrangements"}
    [why] = next(s for s in sections if s["key"] == "individual_worker_arrangements")[
        "why_required"
    ]
    assert (
        why.startswith("Workers from different partners who deliver together") and "OU 3.2" in why
    )
    extra = catalogue.example_for("individual_worker_arrangements", parties)
    assert (
        owner.put(
            f"/agreements/{aid}/sections/individual_worker_arrangements",
            json={"base_revision": 0, "fields": extra},
        ).status_code
        == 201
    )

    # One stale edit is refused with the current revision.
    key = required[0]
    police_edit = callers[police].put(
        f"/agreements/{aid}/sections/{key}",
        json={"base_revision": 1, "text": "Police wording of the context."},
    )
    assert police_edit.status_code == 201
    stale = owner.put(
        f"/agreements/{aid}/sections/{key}",
        json={"base_revision": 1, "text": "Youth team wording."},
    )
    assert (
        stale.status_code == 409
        and stale.json()["current"]["text"] == "Police wording of the context."
    )

    # One approval of an outdated hash is refused.
    state = owner.get(f"/agreements/{aid}").json()
    first = state["sections"][0]
    assert first["revision"]["number"] == 2
    old_sha = _sha_of_revision(owner, aid, key, 1)
    outdated = owner.post(
        f"/agreements/{aid}/sections/{key}/approvals",
        json={"party_id": youth, "revision_sha256": old_sha, "confirms_authority": True},
    )
    assert outdated.status_code == 409

    # Finalising too early lists what is missing, naming the parties.
    early = owner.post(f"/agreements/{aid}/finalise")
    assert early.status_code == 409
    assert any("Eastfield High School has not approved" in m for m in early.json()["missing"])

    # Every party approves every required section's current wording.
    for party, caller in callers.items():
        state = caller.get(f"/agreements/{aid}").json()
        for section in state["sections"]:
            if section["required"]:
                ok = caller.post(
                    f"/agreements/{aid}/sections/{section['key']}/approvals",
                    json={
                        "party_id": party,
                        "revision_sha256": section["revision"]["sha256"],
                        "confirms_authority": True,
                    },
                )
                assert ok.status_code == 201, ok.json()
    assert owner.get(f"/agreements/{aid}").json()["readiness"] == {"ready": True, "missing": []}

    final = callers[school].post(f"/agreements/{aid}/finalise")
    assert final.status_code == 200 and final.json()["status"] == "final"

    # A final agreement is read-only until renegotiation opens version 2.
    late = callers[police].put(
        f"/agreements/{aid}/sections/{key}", json={"base_revision": 2, "text": "Late change"}
    )
    assert late.status_code == 409 and "Renegotiate" in late.json()["detail"]
    assert callers[police].post(f"/agreements/{aid}/renegotiate").status_code == 403  # owners only
    reopened = owner.post(f"/agreements/{aid}/renegotiate")
    assert reopened.status_code == 200
    v2 = reopened.json()
    assert (v2["version"], v2["status"]) == (2, "drafting")
    assert all(not s["approvals"] for s in v2["sections"])
    assert v2["sections"][0]["revision"]["text"] == "Police wording of the context."
    assert (
        callers[police]
        .put(
            f"/agreements/{aid}/sections/{key}",
            json={"base_revision": 2, "text": "Version 2 wording."},
        )
        .status_code
        == 201
    )

    events = owner.get(f"/agreements/{aid}/events").json()
    assert events["chain"]["valid"] is True
    kinds = [e["kind"] for e in events["events"]]
    assert (
        kinds[0] == "agreement_created" and "finalised" in kinds and kinds[-1] == "revision_added"
    )


def _sha_of_revision(caller, aid, key, number):
    for event in caller.get(f"/agreements/{aid}/events").json()["events"]:
        revision = event["data"].get("revision", {})
        if (
            event["kind"] == "revision_added"
            and revision.get("section") == key
            and revision["number"] == number
        ):
            return revision["sha256"]
    raise AssertionError("no such revision event")
