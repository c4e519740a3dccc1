"""One engine and sessionmaker per app; one session per request, closed on teardown.

SQLite (the local default) runs in WAL mode with foreign keys on; write transactions start with
BEGIN IMMEDIATE so that concurrent writers queue instead of failing half way. On PostgreSQL,
writers lock the agreement row (SELECT ... FOR UPDATE) instead.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

WRITE = {"sqlite_begin": "IMMEDIATE"}


def make_engine(url: str) -> sa.Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # let SQLAlchemy's begin event emit BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["store"] = sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close)


def engine_of(app: Flask) -> sa.Engine:
    return app.extensions["store"].kw["bind"]


def get_session() -> Session:
    """The request's session, created on first use."""
    if "db" not in g:
        g.db = current_app.extensions["store"]()
    return g.db


def write_session() -> Session:
    """The request's session, with a write transaction begun (BEGIN IMMEDIATE on SQLite)."""
    session = get_session()
    if session.in_transaction():
        session.commit()  # ends the read transaction of authentication; nothing is pending
    session.connection(execution_options=WRITE)
    return session


def _close(_exc: BaseException | None) -> None:
    session = g.pop("db", None)
    if session is not None:
        session.close()  # rolls back whatever the request did not commit
