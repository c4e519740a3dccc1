"""The least a write can cost on this stack: a Flask app with no product in it, for
bench/write_floor.py. The same engine settings as the product (plugin.store.db.make_engine:
SQLite in WAL with every commit on disk and writers beginning IMMEDIATE; PostgreSQL pooled), the
same JSON body parsing, SQLAlchemy Core without the ORM, and no sign-in, rules, audit chain or
answer to speak of. Served by gunicorn as the product is (DATABASE_URL names the database, whose
tables write_floor.make_tables has made).

- POST /one: one row inserted in a transaction of its own.
- POST /shaped/<agreement>: the statements a section save sends, in the same order, with
  nothing decided between them: a token's look-up on an autocommit connection; then BEGIN, the
  agreement locked (FOR UPDATE on PostgreSQL), its current rows and its approvals read, the old
  row marked not current, the change counter bumped, an event, a row and a job inserted, COMMIT.
"""

from __future__ import annotations

import contextlib
import os

import sqlalchemy as sa
from flask import Flask, request

from plugin.store.db import WRITE, SingleRead, make_engine, take_writers_lock

META = sa.MetaData()
TOKENS = sa.Table(
    "floor_tokens",
    META,
    sa.Column("hash", sa.String(64), primary_key=True),
    sa.Column("user", sa.Integer),
)
AGREEMENTS = sa.Table(
    "floor_agreements",
    META,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("counter", sa.Integer, nullable=False),
)
ROWS = sa.Table(
    "floor_rows",
    META,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agreement_id", sa.Integer, nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("current", sa.Boolean, nullable=False),
)
APPROVALS = sa.Table(
    "floor_approvals",
    META,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agreement_id", sa.Integer, nullable=False, index=True),
)
EVENTS = sa.Table(
    "floor_events",
    META,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agreement_id", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)
JOBS = sa.Table(
    "floor_jobs", META, sa.Column("id", sa.Integer, primary_key=True), sa.Column("payload", sa.Text)
)
TOKEN = "0" * 64


def make_tables(url: str, agreements: int) -> None:
    """The floor's tables, with `agreements` agreements (ids 1..n) and one token."""
    engine = make_engine(url)
    META.create_all(engine)
    with engine.begin() as conn:
        conn.execute(TOKENS.insert(), {"hash": TOKEN, "user": 1})
        conn.execute(
            AGREEMENTS.insert(), [{"id": n, "counter": 0} for n in range(1, agreements + 1)]
        )
    engine.dispose()


def _writer_queue(url: str):
    """The product's queue of SQLite's writers (plugin.store.db: the lock file taken before
    BEGIN IMMEDIATE, held to COMMIT); nothing on PostgreSQL."""
    database = sa.make_url(url).database
    if not url.startswith("sqlite") or not database:
        return contextlib.nullcontext
    return lambda: contextlib.closing(take_writers_lock(database))


def create_app(url: str | None = None) -> Flask:
    """The floor's app on `url` (else DATABASE_URL, as the product reads it under gunicorn)."""
    app = Flask(__name__)
    url = url or os.environ["DATABASE_URL"]
    engine = make_engine(url)
    # The token's look-up as the product makes it: one statement on an autocommit connection.
    app.extensions["single_reads"] = make_engine(url, single_reads=True)
    token = SingleRead(sa.select(TOKENS.c.user).where(TOKENS.c.hash == sa.bindparam("hash")))
    queued = _writer_queue(url)
    lock = sa.select(AGREEMENTS.c.counter).where(AGREEMENTS.c.id == sa.bindparam("a"))
    if not url.startswith("sqlite"):
        lock = lock.with_for_update()

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.post("/one")
    def one():
        text = request.get_json()["text"]
        with queued(), engine.connect().execution_options(**WRITE) as conn, conn.begin():
            conn.execute(ROWS.insert(), {"agreement_id": 0, "text": text, "current": True})
        return {"written": True}, 201

    @app.post("/shaped/<int:agreement>")
    def shaped(agreement: int):
        text = request.get_json()["text"]
        if token.first(hash=TOKEN) is None:
            return {"title": "Unauthorized"}, 401
        with queued(), engine.connect().execution_options(**WRITE) as conn, conn.begin():
            counter = conn.execute(lock, {"a": agreement}).scalar_one()
            ours = ROWS.c.agreement_id == agreement
            conn.execute(sa.select(ROWS.c.id, ROWS.c.text).where(ours, ROWS.c.current)).all()
            conn.execute(
                sa.select(APPROVALS.c.id).where(APPROVALS.c.agreement_id == agreement)
            ).all()
            conn.execute(ROWS.update().where(ours, ROWS.c.current).values(current=False))
            conn.execute(
                AGREEMENTS.update().where(AGREEMENTS.c.id == agreement).values(counter=counter + 1)
            )
            conn.execute(EVENTS.insert(), {"agreement_id": agreement, "data": text})
            conn.execute(ROWS.insert(), {"agreement_id": agreement, "text": text, "current": True})
            conn.execute(JOBS.insert(), {"payload": text})
        return {"written": True, "counter": counter + 1}, 201

    return app
