"""A write's answer describes that write, even when another lands right after it; a retried write
with the same Idempotency-Key is answered with the first answer and does nothing again."""

import threading

import sqlalchemy as sa

from plugin.api import routing
from plugin.store.db import get_session
from plugin.store.models import IdempotencyKey
from tests.conftest import create_agreement, http_client, new_user

ROLES = "roles_and_responsibilities"


def test_two_concurrent_saves_are_each_answered_with_their_own_revision(
    app, live_server, monkeypatch
):
    """A's save commits, then (paused) B's save lands before A's answer leaves the server."""
    _, token, _ = new_user(app)
    a, b = http_client(live_server, token), http_client(live_server, token)
    agreement = a.post(
        "/agreements",
        json={
            "title": "T",
            "kind": "partnership",
            "level": "networking",
            "parties": [{"name": "A"}, {"name": "B"}],
        },
    ).json()
    path = f"/agreements/{agreement['id']}/sections/{ROLES}"
    a_committed, b_done = threading.Event(), threading.Event()
    commit = routing._commit

    def commit_then_pause(response, user, key):
        answer = commit(response, user, key)
        if not a_committed.is_set():  # the first commit is A's: B waits for it
            a_committed.set()
            b_done.wait(20)  # B saves now, between A's commit and A's answer
        return answer

    monkeypatch.setattr(routing, "_commit", commit_then_pause)
    answers = {}

    def save_b():
        a_committed.wait(20)
        answers["b"] = b.put(path, json={"base_revision": 1, "text": "B's wording."})
        order.append("b")
        b_done.set()

    order = []
    thread = threading.Thread(target=save_b)
    thread.start()
    answers["a"] = a.put(path, json={"base_revision": 0, "text": "A's wording."})
    order.append("a")
    thread.join(20)
    assert order == ["b", "a"]  # B's save landed while A's answer was on its way
    assert answers["b"].status_code == 201 and answers["a"].status_code == 201
    assert answers["a"].json()["revision"]["text"] == "A's wording."
    assert answers["a"].json()["revision"]["number"] == 1
    assert answers["b"].json()["revision"]["text"] == "B's wording."
    assert answers["b"].json()["revision"]["number"] == 2
    assert answers["a"].json()["etag"] != answers["b"].json()["etag"]


def _count(app, model) -> int:
    with app.app_context():
        return get_session().scalar(sa.select(sa.func.count()).select_from(model))


def test_a_retried_post_with_the_same_key_creates_nothing_new(app, make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    aid, mine = agreement["id"], agreement["my_party_id"]
    sha = owner.put(f"/agreements/{aid}/sections/{ROLES}", json={"base_revision": 0, "text": "X"})
    body = {"party_id": mine, "revision_sha256": sha.json["revision"]["sha256"], "comment": "More"}
    key = {"Idempotency-Key": "c0ffee-1"}
    first = owner.post(
        f"/agreements/{aid}/sections/{ROLES}/change-requests", json=body, headers=key
    )
    events = owner.get(f"/agreements/{aid}/events").json["chain"]["events"]
    again = owner.post(
        f"/agreements/{aid}/sections/{ROLES}/change-requests", json=body, headers=key
    )
    assert first.status_code == again.status_code == 201
    assert again.json == first.json and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert owner.get(f"/agreements/{aid}/events").json["chain"]["events"] == events
    assert len(owner.get(f"/agreements/{aid}").json["change_requests"]) == 1
    # Without the key, the same request is a new one (a second change request).
    assert (
        owner.post(f"/agreements/{aid}/sections/{ROLES}/change-requests", json=body).json["number"]
        == 2
    )


def test_a_retried_create_makes_one_agreement(app, make_caller):
    owner = make_caller()
    body = {
        "title": "Once",
        "kind": "partnership",
        "level": "networking",
        "parties": [{"name": "A"}, {"name": "B"}],
    }
    first = owner.post("/agreements", json=body, headers={"Idempotency-Key": "k1"})
    again = owner.post("/agreements", json=body, headers={"Idempotency-Key": "k1"})
    assert first.status_code == again.status_code == 201 and again.json["id"] == first.json["id"]
    assert again.headers["Location"] == first.headers["Location"]
    assert len(owner.get("/agreements").json["agreements"]) == 1
    # Keys are per user: another user's same key is their own.
    other = make_caller().post("/agreements", json=body, headers={"Idempotency-Key": "k1"})
    assert other.status_code == 201 and other.json["id"] != first.json["id"]


def test_the_same_key_for_a_different_request_is_refused_and_changes_nothing(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    path = f"/agreements/{agreement['id']}/sections/{ROLES}"
    key = {"Idempotency-Key": "same"}
    assert (
        owner.put(path, json={"base_revision": 0, "text": "One."}, headers=key).status_code == 201
    )
    before = owner.get(f"/agreements/{agreement['id']}")
    other = owner.put(path, json={"base_revision": 1, "text": "Two."}, headers=key)
    assert other.status_code == 422 and other.content_type == "application/problem+json"
    assert "different request" in other.json["detail"]
    etag = before.headers["ETag"]
    assert (
        owner.get(f"/agreements/{agreement['id']}", headers={"If-None-Match": etag}).status_code
        == 304
    )


def test_concurrent_retries_with_one_key_write_once(app, live_server):
    _, token, _ = new_user(app)
    callers = [http_client(live_server, token) for _ in range(4)]
    body = {
        "title": "Raced",
        "kind": "partnership",
        "level": "networking",
        "parties": [{"name": "A"}, {"name": "B"}],
    }
    start, answers = threading.Barrier(4), []

    def post(caller):
        start.wait()
        answers.append(caller.post("/agreements", json=body, headers={"Idempotency-Key": "race"}))

    threads = [threading.Thread(target=post, args=(c,)) for c in callers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [a.status_code for a in answers] == [201] * 4
    assert len({a.json()["id"] for a in answers}) == 1
    assert len(callers[0].get("/agreements").json()["agreements"]) == 1


def test_a_replayed_invitation_keeps_its_token_sealed_in_the_database(app, make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    body = {"party_id": agreement["parties"][1]["id"], "role": "viewer"}
    path = f"/agreements/{agreement['id']}/invitations"
    first = owner.post(path, json=body, headers={"Idempotency-Key": "inv"})
    again = owner.post(path, json=body, headers={"Idempotency-Key": "inv"})
    assert again.json["token"] == first.json["token"]
    assert again.headers["Cache-Control"] == "no-store"
    assert len(owner.get(path).json["invitations"]) == 1
    with app.app_context():
        stored = get_session().scalars(sa.select(IdempotencyKey.body)).all()
    assert stored and not any(first.json["token"].encode() in b for b in stored)


def test_a_malformed_key_is_refused(make_caller):
    owner = make_caller()
    response = owner.post("/agreements", json={}, headers={"Idempotency-Key": "with space"})
    assert response.status_code == 400 and "Idempotency-Key" in response.json["detail"]


def test_write_answers_are_small_and_carry_the_new_etag(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner, parties=2)
    aid, mine = agreement["id"], agreement["my_party_id"]
    saved = owner.put(
        f"/agreements/{aid}/sections/{ROLES}",
        json={"base_revision": 0, "fields": {"lead_partner": mine}},
    )
    assert set(saved.json) == {"created", "revision", "etag"}
    assert saved.json["revision"]["fields"]["lead_partner"] == mine
    assert saved.headers["ETag"] == f'W/"{saved.json["etag"]}"'
    approved = owner.post(
        f"/agreements/{aid}/sections/{ROLES}/approvals",
        json={
            "party_id": mine,
            "revision_sha256": saved.json["revision"]["sha256"],
            "confirms_authority": True,
        },
    )
    assert approved.status_code == 201
    assert set(approved.json) == {"approval", "approved_by_all", "etag"}
    assert approved.json["approval"]["party_id"] == mine and approved.json["approval"]["current"]
    assert approved.json["approved_by_all"] is False  # the other party has not approved
    # The writer's new ETag is the agreement's current one: a poll with it is a 304.
    poll = owner.get(f"/agreements/{aid}", headers={"If-None-Match": approved.headers["ETag"]})
    assert poll.status_code == 304
    withdrawn = owner.delete(f"/agreements/{aid}/sections/{ROLES}/approvals/{mine}")
    assert withdrawn.status_code == 204 and withdrawn.headers["ETag"] != approved.headers["ETag"]
    assert (
        owner.get(
            f"/agreements/{aid}", headers={"If-None-Match": withdrawn.headers["ETag"]}
        ).status_code
        == 304
    )


def test_the_state_leaves_out_fields_and_the_section_read_has_them(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    aid, mine = agreement["id"], agreement["my_party_id"]
    owner.put(
        f"/agreements/{aid}/sections/{ROLES}",
        json={"base_revision": 0, "fields": {"lead_partner": mine}},
    )
    state = owner.get(f"/agreements/{aid}").json
    assert all("fields" not in (s["revision"] or {}) for s in state["sections"])
    section = owner.get(f"/agreements/{aid}/sections/{ROLES}")
    assert section.status_code == 200
    assert section.json["revision"]["fields"]["lead_partner"] == mine
    assert section.json["fields"]["lead_partner"] == mine
    assert (
        section.json["findings"]
        == next(s for s in state["sections"] if s["key"] == ROLES)["findings"]
    )
    again = owner.get(
        f"/agreements/{aid}/sections/{ROLES}", headers={"If-None-Match": section.headers["ETag"]}
    )
    assert again.status_code == 304
    empty = owner.get(f"/agreements/{aid}/sections/purpose_and_aims")
    assert empty.json["revision"] is None and isinstance(empty.json["fields"], dict)
    assert owner.get(f"/agreements/{aid}/sections/budget_lines").status_code == 404
