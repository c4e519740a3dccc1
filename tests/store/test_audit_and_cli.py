"""The audit chain catches edits to history; the command line manages users, tokens, audits."""

import sqlalchemy as sa

from plugin.store.db import get_session
from plugin.store.models import Event
from tests.conftest import create_agreement


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
        f"{path}/approvals", json={"party_id": agreement["my_party_id"], "revision_sha256": sha}
    )
    owner.put(path, json={"base_revision": 1, "text": "Second."})
    return owner, agreement


def test_chain_verifies_and_an_edited_row_breaks_it(app, make_caller, runner):
    owner, agreement = _busy_agreement(make_caller)
    aid = agreement["id"]
    chain = owner.get(f"/agreements/{aid}/events").json["chain"]
    assert chain == {"valid": True, "events": 4, "problem": None, "first_bad_seq": None}
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
        event.hash = event_hash(event.prev_hash, event)

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
        args=["tokens", "issue", "--email", "fiona.reid@example.org", "--hours", "1"]
    )
    token = issued.output.strip()
    assert issued.exit_code == 0 and token.startswith("pat_")
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json["email"] == "fiona.reid@example.org"
    assert runner.invoke(args=["tokens", "revoke", token]).exit_code == 0
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    missing = runner.invoke(args=["tokens", "issue", "--email", "nobody@example.org"])
    assert missing.exit_code == 1 and "no user" in missing.output


def test_expired_token_is_refused(runner, client):
    runner.invoke(args=["users", "create", "--email", "old@example.org", "--name", "Old"])
    token = runner.invoke(
        args=["tokens", "issue", "--email", "old@example.org", "--hours", "-1"]
    ).output.strip()
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
