"""One engine and sessionmaker per app; one session per request, closed on teardown.

SQLite (the local default) runs in WAL mode with foreign keys on; write transactions start with
BEGIN IMMEDIATE so that concurrent writers queue instead of failing half way. Its `synchronous`
setting is FULL (every commit reaches the disk before it is acknowledged) unless
PA_SQLITE_SYNCHRONOUS=normal (README: what that changes: a killed process still loses nothing
acknowledged, a power cut may lose the writes since the last checkpoint). On PostgreSQL,
writers lock the agreement row (SELECT ... FOR UPDATE) instead. A new SQLite file is created
readable by its owner only (0600) before SQLite opens it; SQLite gives its WAL files the same mode.
"""

from __future__ import annotations

import fcntl
import os

import sqlalchemy as sa
from flask import Flask, current_app, g
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

WRITE = {"sqlite_begin": "IMMEDIATE"}
SYNCHRONOUS = ("normal", "full")  # PA_SQLITE_SYNCHRONOUS


def create_private_file(path: str) -> None:
    """Create `path` empty with mode 0600 unless it exists (no window with a wider mode)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def make_engine(url: str, single_reads: bool = False, synchronous: str = "full") -> sa.Engine:
    """The app's engine; `single_reads`: one for SingleRead (autocommit, no pre-ping);
    `synchronous`: SQLite's setting, "normal" or "full" (ignored on PostgreSQL)."""
    if synchronous not in SYNCHRONOUS:
        raise ValueError(f"synchronous must be normal or full, not {synchronous!r}")
    if not url.startswith("sqlite"):
        # As many pooled connections as a gunicorn worker has threads (README: 8): past the
        # pool size, a connection is closed after use and the next request connects anew.
        if single_reads:
            return sa.create_engine(url, isolation_level="AUTOCOMMIT", pool_size=8)
        return sa.create_engine(url, pool_pre_ping=True, pool_size=8)
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
        cursor.execute(f"PRAGMA synchronous={synchronous.upper()}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def on_begin(connection):
        options = connection.get_execution_options()
        if options.get("single_read"):
            return  # one read statement: SQLite runs it in its own implicit transaction
        connection.exec_driver_sql(f"BEGIN {options.get('sqlite_begin', 'DEFERRED')}")

    return engine


def init_app(app: Flask) -> None:
    url, synchronous = app.config["DATABASE_URL"], app.config["SQLITE_SYNCHRONOUS"]
    app.extensions["single_reads"] = make_engine(url, single_reads=True, synchronous=synchronous)
    engine = make_engine(url, synchronous=synchronous)
    # The audit key travels with every session, so the store never reads the app's config.
    app.extensions["store"] = sessionmaker(
        engine, expire_on_commit=False, info={"audit_key": app.config["AUDIT_KEY"]}
    )
    for moment in ("after_commit", "after_rollback"):
        sa.event.listen(app.extensions["store"], moment, _release_writer)
    app.teardown_appcontext(_close)


def engine_of(app: Flask) -> sa.Engine:
    return app.extensions["store"].kw["bind"]


def dispose(app: Flask) -> None:
    """Close every pooled connection of the app (tests, benchmarks)."""
    engine_of(app).dispose()
    app.extensions["single_reads"].dispose()


class SingleRead:
    """One SELECT, compiled once per dialect, run as the only statement of its round trip: on
    the DB-API connection in autocommit (no BEGIN, no ROLLBACK, no pre-ping), so a hot path such
    as a conditional GET costs exactly one statement. A connection lost since its last use
    (the database restarted) is dropped and the read tried once more."""

    def __init__(self, statement: sa.Select) -> None:
        self.statement, self._compiled = statement, {}

    def first(self, **values) -> tuple | None:
        engine: sa.Engine = current_app.extensions["single_reads"]
        sql, names, positional, convert = self._compile(engine.dialect)
        values = {n: convert[n](v) if convert.get(n) else v for n, v in values.items()}
        params = tuple(values[n] for n in names) if positional else values
        for attempt in (1, 2):
            connection = engine.raw_connection()
            try:
                cursor = connection.cursor()
                cursor.execute(sql, params)
                row = cursor.fetchone()
                cursor.close()
                return row
            except engine.dialect.loaded_dbapi.OperationalError:
                connection.invalidate()
                if attempt == 2:
                    raise
            finally:
                connection.close()  # back to the pool (or gone, if invalidated)
        return None

    def _compile(self, dialect) -> tuple[str, tuple, bool, dict]:
        if dialect.name not in self._compiled:
            compiled = self.statement.compile(dialect=dialect)
            names = tuple(compiled.positiontup or ())
            convert = {  # each value as the column type stores it (e.g. SQLite's datetimes)
                name: bind.type.dialect_impl(dialect).bind_processor(dialect)
                for name, bind in compiled.binds.items()
            }
            self._compiled[dialect.name] = (str(compiled), names, compiled.positional, convert)
        return self._compiled[dialect.name]


def get_session() -> Session:
    """The request's session, created on first use."""
    if "db" not in g:
        g.db = current_app.extensions["store"]()
    return g.db


def write_session() -> Session:
    """The request's session, with a write transaction begun (BEGIN IMMEDIATE on SQLite)."""
    session = get_session()
    if session.get_bind().dialect.name != "sqlite":
        # PostgreSQL: the transaction the look-up of the token began goes on as the write's
        # (READ COMMITTED; the agreement's row lock is what orders writers), two round trips
        # fewer than ending it and beginning another.
        return session
    if session.in_transaction():
        session.commit()  # ends the read transaction of authentication; nothing is pending
    _queue_sqlite_writer(session)
    session.connection(execution_options=WRITE)
    return session


def _queue_sqlite_writer(session: Session) -> None:
    """On an SQLite file, wait for the writers' lock file (flock) before BEGIN IMMEDIATE, and
    hold it until the transaction ends (commit or rollback: _release_writer). Waiting writers
    then queue in the kernel and each starts the moment the one before it ends, across threads
    and processes; SQLite's own busy handler would poll instead, sleeping up to 100 ms between
    tries, which leaves the database idle while eight writers wait."""
    if "writer_lock" in g:
        return
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    g.writer_lock = take_writers_lock(url.database)  # held until the request ends: _close


def take_writers_lock(database: str):
    """Wait for the writers' lock file of the SQLite file `database` (`<database>.writers`,
    created 0600) and return its open handle, which holds the lock until it is closed."""
    path = f"{database}.writers"
    create_private_file(path)
    handle = open(path, "rb")  # noqa: SIM115 (the caller closes it to release the lock)
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _release_writer(_session: Session) -> None:
    handle = g.pop("writer_lock", None) if g else None
    if handle is not None:
        handle.close()  # releases the writers' lock: the next writer starts now


def _close(_exc: BaseException | None) -> None:
    session = g.pop("db", None)
    if session is not None:
        session.close()  # rolls back whatever the request did not commit
    _release_writer(session)
