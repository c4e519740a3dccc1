"""One engine and sessionmaker per app; one session per request, closed on teardown.

SQLite (the local default) runs in WAL mode with foreign keys on; write transactions start with
BEGIN IMMEDIATE so that concurrent writers queue instead of failing half way. On PostgreSQL,
writers lock the agreement row (SELECT ... FOR UPDATE) instead. A new SQLite file is created
readable by its owner only (0600) before SQLite opens it; SQLite gives its WAL files the same mode.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from flask import Flask, current_app, g
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

WRITE = {"sqlite_begin": "IMMEDIATE"}


def create_private_file(path: str) -> None:
    """Create `path` empty with mode 0600 unless it exists (no window with a wider mode)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def make_engine(url: str) -> sa.Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        create_private_file(database)
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
        options = connection.get_execution_options()
        if options.get("single_read"):
            return  # one read statement: SQLite runs it in its own implicit transaction
        connection.exec_driver_sql(f"BEGIN {options.get('sqlite_begin', 'DEFERRED')}")

    return engine


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    # The audit key travels with every session, so the store never reads the app's config.
    app.extensions["store"] = sessionmaker(
        engine, expire_on_commit=False, info={"audit_key": app.config["AUDIT_KEY"]}
    )
    app.teardown_appcontext(_close)


def engine_of(app: Flask) -> sa.Engine:
    return app.extensions["store"].kw["bind"]


def read_once(statement: sa.Executable) -> sa.Row | None:
    """The first row of one statement, run on its own (no BEGIN, no ROLLBACK): the fast path."""
    engine = engine_of(current_app)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":  # the driver runs in autocommit; skip our BEGIN
            connection.execution_options(single_read=True)
        else:  # psycopg: autocommit, so no BEGIN and no ROLLBACK round trips
            connection.execution_options(isolation_level="AUTOCOMMIT")
        return connection.execute(statement).first()


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
