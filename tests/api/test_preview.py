"""Clause preview: what a section's fields would give (text and findings), with nothing written;
validated as PUT validates; any member may ask; bad input is refused in plain words."""

from plugin.workflow.text import normalise
from tests.conftest import create_agreement

AIMS = "purpose_and_aims"


def _join(owner, agreement, person, party, role):
    link = owner.post(
        f"/agreements/{agreement['id']}/invitations", json={"party_id": party, "role": role}
    )
    assert person.post("/invitations/accept", json={"token": link.json["token"]}).status_code == 200


def _fields(youth, police):
    return {
        "purpose_statement": "Give young people in Eastfield safe places to go.",
        "shared_aims": [{"aim": "Fewer young people drawn into anti-social behaviour"}],
        "confirmed_by": [youth, police],
    }


def test_a_preview_shows_the_clause_and_findings_and_writes_nothing(make_caller):
    owner, reader = make_caller("Joe Lindsay"), make_caller("Mark Baird")
    agreement = create_agreement(owner)
    aid = agreement["id"]
    youth, police, school = (p["id"] for p in agreement["parties"])
    _join(owner, agreement, reader, school, "viewer")
    url = f"/agreements/{aid}/sections/{AIMS}"
    before = owner.get(f"/agreements/{aid}")
    events = len(owner.get(f"/agreements/{aid}/events").json["events"])

    empty = reader.post(f"{url}/preview", json={"fields": {}})  # any member, even a reader
    assert empty.status_code == 200, empty.json
    assert "no_shared_aim" in {f["code"].split(".")[-1] for f in empty.json["findings"]}

    fields = _fields(youth, police)
    shown = reader.post(f"{url}/preview", json={"fields": fields})
    assert shown.status_code == 200, shown.json
    assert "Give young people in Eastfield safe places to go." in shown.json["text"]
    codes = {f["code"] for f in shown.json["findings"]}
    assert "aims.no_shared_aim" not in codes  # an aim is given now
    assert all(f["severity"] in ("must", "should") for f in shown.json["findings"])

    # Nothing was written: same ETag (304), no revision, no audit event.
    again = owner.get(f"/agreements/{aid}", headers={"If-None-Match": before.headers["ETag"]})
    assert again.status_code == 304
    aims = next(s for s in before.json["sections"] if s["key"] == AIMS)
    assert aims["revision"] is None
    assert len(owner.get(f"/agreements/{aid}/events").json["events"]) == events

    # The preview is the clause PUT saves from the same fields.
    saved = owner.put(url, json={"base_revision": 0, "fields": fields})
    assert saved.status_code == 201
    assert saved.json["revision"]["text"] == normalise(shown.json["text"])
    assert sorted(f["code"] for f in owner.get(url).json["findings"]) == sorted(codes)


def test_bad_previews_are_refused_in_plain_words(make_caller, client):
    owner, stranger = make_caller("Joe Lindsay"), make_caller("Someone Else")
    agreement = create_agreement(owner)
    aid = agreement["id"]
    url = f"/agreements/{aid}/sections/{AIMS}/preview"

    unknown = owner.post(url, json={"fields": {"no_such_field": "x"}})
    assert unknown.status_code == 422
    assert unknown.headers["Content-Type"].startswith("application/problem+json")
    assert unknown.json["errors"]
    wrong_type = owner.post(url, json={"fields": {"shared_aims": "not a list"}})
    assert wrong_type.status_code == 422 and wrong_type.json["errors"]
    no_party = owner.post(url, json={"fields": {"confirmed_by": [999_999]}})
    assert no_party.status_code == 422
    assert owner.post(url, json={}).status_code == 422  # no fields at all
    assert owner.post(url, json={"fields": []}).status_code == 422
    assert owner.post(url, data="fields", content_type="text/plain").status_code == 415
    assert (
        owner.post(f"/agreements/{aid}/sections/no_such/preview", json={"fields": {}}).status_code
        == 404
    )
    assert stranger.post(url, json={"fields": {}}).status_code == 404  # not a member
    assert client.post(f"/api/v1{url}", json={"fields": {}}).status_code == 401
    # Still nothing saved.
    state = owner.get(f"/agreements/{aid}").json
    assert all(s["revision"] is None for s in state["sections"])
