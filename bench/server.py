"""Shared by the benchmarks: a migrated database with a user and token, and the app served by
gunicorn in a separate process on a free port of 127.0.0.1 (the production command)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from auth import tokens
from plugin import create_app
from plugin.store import schema, users
from plugin.store.db import dispose, engine_of, get_session

KEYS = {"PA_SECRET_KEY": "bench-secret", "PA_AUDIT_KEY": "bench-audit"}


def signing_key_file() -> str:
    """Production mode refuses to start the built-in provider without its signing key."""
    from auth.keys import new_private_key_pem
    from plugin.private_files import create_secret_file

    path = Path(tempfile.mkdtemp(prefix="pa-bench-")) / "signing.pem"
    create_secret_file(path, new_private_key_pem())
    return str(path)


def prepare(database_url: str) -> str:
    """Migrate the database and return a live token for a new user."""
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "s", "AUDIT_KEY": "a"})
    app.config["AUDIT_KEY"] = KEYS["PA_AUDIT_KEY"]
    schema.upgrade(engine_of(app))
    with app.app_context():
        session = get_session()
        session.info["audit_key"] = KEYS["PA_AUDIT_KEY"]
        user = users.create_user(session, f"bench-{time.time_ns()}@example.org", "Bench")
        token = tokens.issue(session, user, 2)
        session.commit()
    dispose(app)
    return token


@contextlib.contextmanager
def postgres_schema(url: str, prefix: str):
    """A schema of its own on the PostgreSQL server at `url` for one benchmark run, dropped
    afterwards; yields the URL that puts it first on the search path, or None (said on the
    console) when the server cannot be reached."""
    import sqlalchemy as sa

    name = f"{prefix}_{os.getpid()}"
    admin = sa.create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    except sa.exc.OperationalError as exc:
        print(f"\nPostgreSQL not reachable ({exc.orig}); skipped.")
        admin.dispose()
        yield None
        return
    try:
        sep = "&" if "?" in url else "?"
        yield f"{url}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


def on_each_database(run, args, prefix: str) -> None:
    """`run(label, database_url, args)` on a fresh SQLite file (unless `--no-sqlite`), then on
    PostgreSQL in a schema of its own when `--postgres` (TEST_DATABASE_URL) names a server."""
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            run("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", args)
    if args.postgres:
        with postgres_schema(args.postgres, prefix) as url:
            if url:
                run("PostgreSQL", url, args)
    else:
        print("\nPostgreSQL: set TEST_DATABASE_URL (or --postgres URL) to include it.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(
    database_url: str, *args: str, log: Path | None = None, app: str = "plugin:create_app()"
):
    """Serve `app` (the product unless said) with `gunicorn -b 127.0.0.1:<free port> *args`;
    yield its base URL. `database_url` is the app's DATABASE_URL."""
    port = free_port()
    env = {**os.environ, **KEYS, "DATABASE_URL": database_url, "PA_MODE": "production"}
    env["PA_SIGNING_KEY_FILE"] = signing_key_file()
    command = [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", *args]
    command += ["--error-logfile", str(log) if log else "-", app]
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        command, env=env, stdout=subprocess.DEVNULL, stderr=None if log else subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit("gunicorn did not start (run it by hand to see why)")
            time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:  # a request still waiting for a lock on a busy machine
            process.kill()
            process.wait(10)
