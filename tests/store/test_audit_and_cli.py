"""The audit chain catches edits to history, and rows edited behind its back; the command line
manages users, tokens, audits."""

import datetime as dt
import hashlib
import json

import pytest
import sqlalchemy as sa

from plugin.store.db import get_session
from plugin.store.models import ApiToken, Approval, ChangeRequest, Event, Member, Revision, User
from plugin.workflow.state import Party
from tests.conftest import create_agreement, new_user

KEY = b"test-audit-key"  # tests/conftest.py's AUDIT_KEY


def _tamper(app, agreement_id: int, seq: int, change) -> None:
    with app.app_context():
        session = get_session()
        event = session.scalar(
            sa.select(Event).where(Event.agreement_id == agreement_id, Event.seq == seq)
        )
        change(event)
        session.commit()


def _busy_agreement(make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    path = f"/agreements/{agreement['id']}/sections/roles_and_responsibilities"
    sha = owner.put(path, json={"base_revision": 0, "text": "First."}).json["revision"]["sha256"]
    owner.post(
        f"{path}/approvals",
        json={
            "party_id": agreement["my_party_id"],
            "revision_sha256": sha,
            "confirms_authority": True,
        },
    )
    owner.put(path, json={"base_revision": 1, "text": "Second."})
    return owner, agreement


def test_chain_verifies_and_an_edited_row_breaks_it(app, make_caller, runner):
    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    chain = owner.get(f"/agreements/{aid}/events").json["chain"]
    assert chain == {
        "valid": True,
        "events": 4,
        "problem": None,
        "first_bad_seq": None,
        "problems": [],
    }
    ok = runner.invoke(args=["audit", "verify", str(aid)])
    assert ok.exit_code == 0 and "verifies: 4 events" in ok.output

    # Someone rewrites history: the approval now names another party.
    _tamper(
        app,
        aid,
        3,
        lambda e: setattr(
            e, "data", {**e.data, "approval": {**e.data["approval"], "party_id": 999}}
        ),
    )
    chain = owner.get(f"/agreements/{aid}/events").json["chain"]
    assert chain["valid"] is False and chain["first_bad_seq"] == 3
    broken = runner.invoke(args=["audit", "verify", str(aid)])
    assert broken.exit_code == 1 and "BROKEN" in broken.output


def test_recomputing_the_hash_of_an_edited_row_still_breaks_the_next_link(app, make_caller):
    from plugin.store.audit import event_hash

    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]

    def forge(event):
        event.kind = "approval_withdrawn"
        event.hash = event_hash(KEY, event.prev_hash, event)

    _tamper(app, aid, 2, forge)
    chain = owner.get(f"/agreements/{aid}/events").json["chain"]
    assert chain["valid"] is False and chain["first_bad_seq"] == 3


def test_deleting_an_event_is_detected(app, make_caller):
    owner, agreement = _busy_agreement(make_caller)
    with app.app_context():
        session = get_session()
        session.execute(
            sa.delete(Event).where(Event.agreement_id == agreement["id"], Event.seq == 2)
        )
        session.commit()
    chain = owner.get(f"/agreements/{agreement['id']}/events").json["chain"]
    assert chain["valid"] is False and "missing" in chain["problem"]


def test_cli_creates_users_and_issues_tokens_that_work(runner, client):
    created = runner.invoke(
        args=["users", "create", "--email", "Fiona.Reid@Example.org", "--name", "Fiona Reid"]
    )
    assert created.exit_code == 0, created.output
    again = runner.invoke(
        args=["users", "create", "--email", "fiona.reid@example.org", "--name", "F"]
    )
    assert again.exit_code == 1 and "already a user" in again.output
    issued = runner.invoke(
        args=["tokens", "issue", "--email", "fiona.reid@example.org", "--hours", "0.5"]
    )
    token = issued.output.strip()
    assert issued.exit_code == 0 and token.startswith("pat_")
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json["email"] == "fiona.reid@example.org"
    assert runner.invoke(args=["tokens", "revoke", token]).exit_code == 0
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    missing = runner.invoke(args=["tokens", "issue", "--email", "nobody@example.org"])
    assert missing.exit_code == 1 and "no user" in missing.output


def test_expired_token_is_refused(app, client):
    user_id, token, _ = new_user(app)
    with app.app_context():
        session = get_session()
        row = session.scalar(sa.select(ApiToken).where(ApiToken.user_id == user_id))
        row.expires_at = dt.datetime(2020, 1, 1)
        session.commit()
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["users", "create", "--email", "Fiona Reid", "--name", "F"], "not an email"),
        (["users", "create", "--email", "fiona@", "--name", "F"], "not an email"),
        (["users", "create", "--email", "a b@example.org", "--name", "F"], "not an email"),
        (["tokens", "issue", "--email", "x@example.org", "--hours", "0"], "0"),
        (["tokens", "issue", "--email", "x@example.org", "--hours", "-1"], "-1"),
    ],
)
def test_cli_refuses_bad_values_and_changes_nothing(app, runner, args, words):
    with app.app_context():
        before = get_session().scalar(sa.select(sa.func.count()).select_from(User))
        tokens_before = get_session().scalar(sa.select(sa.func.count()).select_from(ApiToken))
    result = runner.invoke(args=args)
    assert result.exit_code != 0 and words in result.output
    with app.app_context():
        assert get_session().scalar(sa.select(sa.func.count()).select_from(User)) == before
        count = get_session().scalar(sa.select(sa.func.count()).select_from(ApiToken))
        assert count == tokens_before


def test_verify_of_an_agreement_that_does_not_exist_fails(runner):
    result = runner.invoke(args=["audit", "verify", "987654"])
    assert result.exit_code == 1 and "no agreement 987654" in result.output


def _sql(app, statement: str, **params) -> None:
    with app.app_context():
        session = get_session()
        session.execute(sa.text(statement), params)
        session.commit()


def _broken(owner, runner, aid, words: str) -> None:
    chain = owner.get(f"/agreements/{aid}/events").json["chain"]
    assert chain["valid"] is False, chain
    assert any(words in p for p in chain["problems"]), chain["problems"]
    cli = runner.invoke(args=["audit", "verify", str(aid)])
    assert cli.exit_code == 1 and words in cli.output


def test_hand_edited_revision_text_fails_verify(app, make_caller, runner):
    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    _sql(app, "UPDATE revisions SET text = 'We owe nothing.' WHERE agreement_id = :a", a=aid)
    _broken(owner, runner, aid, "its text does not match its sha256")


def test_revision_rewritten_with_a_matching_hash_still_fails_verify(app, make_caller, runner):
    from plugin.workflow.text import text_sha256

    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    _sql(
        app,
        "UPDATE revisions SET text = 'We owe nothing.', sha256 = :h "
        "WHERE agreement_id = :a AND number = 2",
        a=aid,
        h=text_sha256("We owe nothing."),
    )
    _broken(owner, runner, aid, "differs from its event")


def test_edited_revision_fields_fail_verify(app, make_caller, runner):
    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    with app.app_context():
        session = get_session()
        row = session.scalar(
            sa.select(Revision).where(Revision.agreement_id == aid).order_by(Revision.id)
        )
        row.fields = {**row.fields, "forged": "We owe nothing."}
        session.commit()
    _broken(owner, runner, aid, "its fields differ from its event")


def test_edited_agreement_title_fails_verify(app, make_caller, runner):
    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    _sql(app, "UPDATE agreements SET title = 'Something else' WHERE id = :a", a=aid)
    _broken(owner, runner, aid, "title differs")


def test_forged_approval_row_fails_verify(app, make_caller, runner):
    owner, agreement = _busy_agreement(make_caller)
    aid, other = agreement["id"], agreement["parties"][1]["id"]
    with app.app_context():
        session = get_session()
        real = session.scalar(sa.select(Approval).where(Approval.agreement_id == aid))
        session.add(
            Approval(
                agreement_id=aid,
                version=1,
                section_key=real.section_key,
                party_id=other,
                revision_number=real.revision_number,
                sha256=real.sha256,
                user_id=real.user_id,
            )
        )
        session.commit()
    _broken(owner, runner, aid, f"by party {other} (in force) has no event")


def test_forged_member_and_edited_change_request_fail_verify(app, make_caller, runner):
    owner, agreement = _busy_agreement(make_caller)
    aid, other = agreement["id"], agreement["parties"][1]["id"]
    path = f"/agreements/{aid}/sections/roles_and_responsibilities"
    sha = owner.get(path).json["revision"]["sha256"]
    owner.post(
        f"{path}/change-requests",
        json={"party_id": agreement["my_party_id"], "revision_sha256": sha, "comment": "More"},
    )
    intruder, _, _ = new_user(app)
    with app.app_context():
        session = get_session()
        session.add(Member(agreement_id=aid, user_id=intruder, party_id=other, role="approver"))
        request = session.scalar(sa.select(ChangeRequest).where(ChangeRequest.agreement_id == aid))
        request.status = "resolved"
        session.commit()
    _broken(owner, runner, aid, f"member (user {intruder}, party {other}, approver) has no event")
    _broken(owner, runner, aid, "change request 1 differs from its events")


def test_chain_recomputed_without_the_key_fails_verify(app, make_caller, runner):
    """A database-only attacker rewrites an event and recomputes every hash after it, with the
    plain sha256 of the old scheme (or any key but ours): the chain no longer verifies."""
    from plugin.store.audit import GENESIS

    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    with app.app_context():
        session = get_session()
        events = session.scalars(
            sa.select(Event).where(Event.agreement_id == aid).order_by(Event.seq)
        ).all()
        events[0].data = {**events[0].data, "title": "Something else"}
        prev = GENESIS
        for event in events:
            content = {
                "agreement_id": event.agreement_id,
                "seq": event.seq,
                "kind": event.kind,
                "data": event.data,
                "actor_id": event.actor_id,
                "created_at": event.created_at.isoformat(),
            }
            canonical = json.dumps(
                content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
            )
            event.prev_hash = prev
            event.hash = prev = hashlib.sha256((prev + canonical).encode()).hexdigest()
        session.commit()
    _broken(owner, runner, aid, "event 1 does not match its hash")


def test_every_kind_of_write_keeps_rows_and_events_in_step(app, make_caller, runner):
    """After invitations, joins, removals, approvals, change requests, finalising and
    renegotiating, the rows still match the events exactly."""
    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    other = agreement["parties"][1]["id"]
    link = owner.post(f"/agreements/{aid}/invitations", json={"party_id": other, "role": "viewer"})
    viewer = make_caller()
    viewer.post("/invitations/accept", json={"token": link.json["token"]})
    member = next(
        m for m in owner.get(f"/agreements/{aid}").json["members"] if m["role"] == "viewer"
    )
    assert owner.delete(f"/agreements/{aid}/members/{member['id']}").status_code == 204
    link = owner.post(f"/agreements/{aid}/invitations", json={"party_id": other, "role": "viewer"})
    assert owner.delete(f"/agreements/{aid}/invitations/{link.json['id']}").status_code == 204
    check = runner.invoke(args=["audit", "verify", str(aid)])
    assert check.exit_code == 0, check.output


def test_rows_match_events_through_finalising_and_renegotiating(make_caller, runner):
    from plugin.catalogue import default_catalogue

    owner = make_caller()
    agreement = create_agreement(owner, parties=3, level="networking")
    aid = agreement["id"]
    mine, *others = (p["id"] for p in agreement["parties"])
    speakers = [(owner, mine)]
    for party in others:
        link = owner.post(
            f"/agreements/{aid}/invitations", json={"party_id": party, "role": "approver"}
        )
        partner = make_caller()
        partner.post("/invitations/accept", json={"token": link.json["token"]})
        speakers.append((partner, party))
    catalogue = default_catalogue()
    parties = [Party(p["id"], p["name"]) for p in agreement["parties"]]

    def approve_all():
        # What is required follows the partners' answers: draft until the set stops growing.
        done: set[str] = set()
        while (
            todo := {
                s["key"] for s in owner.get(f"/agreements/{aid}").json["sections"] if s["required"]
            }
            - done
        ):
            for key in sorted(todo):
                path = f"/agreements/{aid}/sections/{key}"
                current = owner.get(path).json["revision"]
                base = current["number"] if current else 0
                fields = catalogue.example_for(key, parties)
                saved = owner.put(path, json={"base_revision": base, "fields": fields})
                assert saved.status_code in (200, 201), saved.json
            done |= todo
        for key in sorted(done):
            path = f"/agreements/{aid}/sections/{key}"
            sha = owner.get(path).json["revision"]["sha256"]
            for caller, party in speakers:
                body = {"party_id": party, "revision_sha256": sha, "confirms_authority": True}
                assert caller.post(f"{path}/approvals", json=body).status_code in (200, 201)

    approve_all()
    assert owner.post(f"/agreements/{aid}/finalise").status_code == 200
    assert owner.post(f"/agreements/{aid}/renegotiate").status_code == 200
    approve_all()
    check = runner.invoke(args=["audit", "verify", str(aid)])
    assert check.exit_code == 0, check.output
