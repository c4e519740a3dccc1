"""The jobs table: add a job in the caller's transaction, claim one, and record how it ended.

Claiming takes one due row and leases it for JOBS_LEASE_SECONDS: with FOR UPDATE SKIP LOCKED on
PostgreSQL (workers never wait for each other), inside BEGIN IMMEDIATE on SQLite (one writer at a
time, so no two workers take the same row). A row whose lease ran out (its worker died) is
due again.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from plugin.store.db import WRITE
from plugin.store.mail_models import Job
from plugin.store.models import utcnow

_COLUMNS = ("kind", "payload", "dedupe_key", "state", "attempts", "run_after", "created_at")
# One statement per dialect, built once (bound parameters): RETURNING with ON CONFLICT.
_INSERTS = {
    name: insert(Job)
    .values({column: sa.bindparam(column) for column in _COLUMNS})
    .on_conflict_do_nothing(index_elements=["dedupe_key"])
    .returning(Job.id)
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


def _insert(session: Session):
    dialect = session.get_bind().dialect.name
    return _INSERTS["postgresql" if dialect == "postgresql" else "sqlite"]


def enqueue(
    session: Session,
    kind: str,
    payload: dict,
    dedupe_key: str,
    run_after: dt.datetime | None = None,
) -> int | None:
    """Add a job in the session's transaction (it exists only if that transaction commits).
    Returns its id, or None when a job with this dedupe key exists already (nothing added)."""
    return add_rows(session.connection(), [(kind, payload, dedupe_key, run_after)], session)


def add_rows(connection: sa.Connection, rows: list[tuple], session: Session) -> int | None:
    """Insert (kind, payload, dedupe_key, run_after) rows, skipping taken dedupe keys; note the
    ids for the after-commit hand-off (Redis, or waking the local worker). Returns the last id."""
    now = utcnow()
    values = [
        {
            "kind": kind,
            "payload": payload,
            "dedupe_key": key[:200],
            "state": "queued",
            "attempts": 0,
            "run_after": run_after or now,
            "created_at": now,
        }
        for kind, payload, key, run_after in rows
    ]
    last, statement = None, _insert(session)
    for value in values:  # one statement each: RETURNING with ON CONFLICT, on both backends
        last = connection.execute(statement, value).scalar()
        if last is not None:
            session.info.setdefault("new_jobs", []).append(last)
    return last


def begin_write(session: Session) -> Session:
    """End any read transaction and begin a write one (BEGIN IMMEDIATE on SQLite: a read
    transaction that later writes could find the database changed and fail as locked)."""
    if session.in_transaction():
        session.commit()
    session.connection(execution_options=WRITE)
    return session


def claim(session: Session, lease_seconds: float, only: int | None = None) -> Job | None:
    """Take one due job (the oldest), mark it running and commit; None when nothing is due."""
    now = utcnow()
    begin_write(session)
    due = sa.or_(
        sa.and_(Job.state == "queued", Job.run_after <= now),
        sa.and_(Job.state == "running", Job.locked_until < now),
    )
    query = sa.select(Job).where(due).order_by(Job.run_after, Job.id).limit(1)
    if only is not None:
        query = query.where(Job.id == only)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    job = session.scalar(query)
    if job is None:
        session.commit()
        return None
    job.state, job.attempts = "running", job.attempts + 1
    job.locked_until = now + dt.timedelta(seconds=lease_seconds)
    session.commit()
    return job


def recover_interrupted_sends(session: Session) -> int:
    """Mail jobs left in "sending" by a worker that died while the relay was receiving the
    message: it may have been delivered, so it is never sent again by itself; it is marked failed
    with a message saying so (`flask jobs retry ID` sends it again after a person has looked)."""
    begin_write(session)
    result = session.execute(
        sa.update(Job)
        .where(Job.state == "sending", Job.locked_until < utcnow())
        .values(
            state="failed",
            finished_at=utcnow(),
            last_error=(
                "The worker stopped while the mail relay was receiving this message, so it may "
                "or may not have been delivered; it is not sent again automatically. Look for its "
                "Message-ID in the relay's log, then `flask jobs retry` it if it never arrived."
            ),
        )
    )
    session.commit()
    return result.rowcount


def due_jobs(session: Session, limit: int = 500) -> list[int]:
    """Ids of queued jobs whose time has come (for the Redis hand-off sweep)."""
    return list(
        session.scalars(
            sa.select(Job.id)
            .where(
                sa.or_(
                    sa.and_(Job.state == "queued", Job.run_after <= utcnow()),
                    sa.and_(Job.state == "running", Job.locked_until < utcnow()),
                )
            )
            .order_by(Job.id)
            .limit(limit)
        )
    )


def listen(app: Flask) -> None:
    """After a commit, hand the new jobs on (Redis, or wake the local worker); after a rollback,
    forget them (they were never written)."""
    maker = app.extensions["store"]

    @sa.event.listens_for(maker, "after_commit")
    def handed_on(session: Session) -> None:
        ids = session.info.pop("new_jobs", None)
        if ids:
            from .worker import hand_on

            hand_on(app, ids)

    @sa.event.listens_for(maker, "after_rollback")
    def forgotten(session: Session) -> None:
        session.info.pop("new_jobs", None)
