"""A save and an approval send a small, fixed number of statements, however big the agreement
and its history: the lock with the membership, the section's current revision, one read of the
rest the rule needs (approvals, open change requests, parties, the newest audit event), then
the writes. The token's look-up is one more statement, on the autocommit connection."""

import sqlalchemy as sa

from plugin.store.db import engine_of
from tests.conftest import create_agreement

SECTION = "purpose_and_aims"
SAVE, APPROVAL = 10, 9  # BEGIN and COMMIT included (README: how writes stay cheap)


def _counting(app) -> list[str]:
    seen: list[str] = []
    engine = engine_of(app)
    sa.event.listen(engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    sa.event.listen(engine, "commit", lambda *_a: seen.append("COMMIT"))
    if engine.dialect.name != "sqlite":  # psycopg sends BEGIN itself; SQLite's is a statement
        sa.event.listen(engine, "begin", lambda *_a: seen.append("BEGIN"))
    return seen


def _save_and_approve(caller, agreement, base: int, seen: list[str]) -> tuple[int, int]:
    path = f"/agreements/{agreement['id']}/sections/{SECTION}"
    seen.clear()
    saved = caller.put(path, json={"base_revision": base, "text": f"Our aim, take {base}."})
    assert saved.status_code == 201, saved.json
    save = len(seen)
    seen.clear()
    body = {
        "party_id": agreement["parties"][0]["id"],
        "revision_sha256": saved.json["revision"]["sha256"],
        "confirms_authority": True,
    }
    approved = caller.post(path + "/approvals", json=body)
    assert approved.status_code == 201, approved.json
    return save, len(seen)


def test_a_write_sends_the_same_few_statements_however_big_the_agreement(app, make_caller):
    caller = make_caller()
    agreement = create_agreement(caller, parties=5)
    seen = _counting(app)
    assert _save_and_approve(caller, agreement, 0, seen) == (SAVE, APPROVAL)
    # A longer history, and every other section drafted.
    for section in agreement["sections"]:
        if section["key"] != SECTION:
            path = f"/agreements/{agreement['id']}/sections/{section['key']}"
            drafted = caller.put(path, json={"base_revision": 0, "text": "Drafted."})
            assert drafted.status_code == 201
    for base in range(1, 6):
        counts = _save_and_approve(caller, agreement, base, seen)
    assert counts == (SAVE, APPROVAL)
    # And no statement of either reads the audit trail on its own.
    _save_and_approve(caller, agreement, 6, seen)
    assert not any(s.lstrip().upper().startswith("SELECT EVENTS.") for s in seen)


def test_an_approval_is_written_with_its_authority_in_one_insert(app, make_caller):
    caller = make_caller()
    agreement = create_agreement(caller, parties=2)
    seen = _counting(app)
    _save_and_approve(caller, agreement, 0, seen)
    assert not any(s.lstrip().upper().startswith("UPDATE APPROVALS SET AUTHORITY") for s in seen)
    with engine_of(app).connect() as conn:
        confirmed = conn.execute(
            sa.text("SELECT authority_confirmed FROM approvals WHERE agreement_id = :a"),
            {"a": agreement["id"]},
        ).scalars()
        assert [bool(c) for c in confirmed] == [True]
