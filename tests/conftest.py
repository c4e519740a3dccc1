"""Shared fixtures: apps on real databases (SQLite always; PostgreSQL when TEST_DATABASE_URL is
set), migrated with Alembic; API clients authenticated with real tokens; a live HTTP server."""

from __future__ import annotations

import itertools
import os
import shutil
import threading
import uuid
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from auth import tokens
from plugin import create_app
from plugin.store import schema, users
from plugin.store.db import dispose, get_session, make_engine

# The day every app in the tests (and every server they start) judges dates against: the
# examples run from January 2027, so their reviews and end dates are ahead of it whatever the
# real date is when the tests run. A test that needs another day sets app.config["TODAY"].
TODAY = "2026-12-01"
os.environ["PA_TODAY"] = TODAY

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
_emails = itertools.count(1)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory):
    """A migrated, empty database for the test session (per xdist worker), copied from the
    migrated template: SQLite a file copy, PostgreSQL a database made from the template."""
    url = _templates.clone(request.param, tmp_path_factory.mktemp("db"))
    yield url
    _templates.drop(url)


def own_database(database_url: str, folder: Path):
    """An empty migrated database for one test alone, on the same backend as `database_url`
    (a generator for a fixture: yields its URL, drops it after). For tests that run every
    queued job, which on the shared database would also run the jobs (mail, PDF conversions)
    that all earlier tests on this worker left queued."""
    url = _templates.clone(_backend(database_url), folder)
    yield url
    _templates.drop(url)


@pytest.fixture
def own_database_url(database_url, tmp_path):
    """An empty migrated database for this test alone (see own_database)."""
    yield from own_database(database_url, tmp_path)


def _backend(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


class _Templates:
    """One migrated database per backend and per process (each xdist worker has its own),
    made on first use; every test database is a copy of it, so Alembic runs once per backend."""

    def __init__(self):
        self.made: dict[str, str] = {}
        self.admin: sa.Engine | None = None

    def _admin(self) -> sa.Engine:
        if self.admin is None:
            self.admin = sa.create_engine(
                os.environ["TEST_DATABASE_URL"], isolation_level="AUTOCOMMIT"
            )
        return self.admin

    def template(self, backend: str, folder: Path) -> str:
        if backend in self.made:
            return self.made[backend]
        if backend == "sqlite":
            name = folder / f"template-{uuid.uuid4().hex[:8]}.db"
            url = f"sqlite:///{name}"
        else:
            name = f"pa_tmpl_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            with self._admin().connect() as conn:
                _drop_abandoned_databases(conn)
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            url = self._url(name)
        engine = make_engine(url)
        schema.upgrade(engine)
        engine.dispose()  # no connection may stay open on a template PostgreSQL copies
        self.made[backend] = str(name)
        return str(name)

    def _url(self, name: str) -> str:
        return (
            sa.make_url(os.environ["TEST_DATABASE_URL"])
            .set(database=name)
            .render_as_string(hide_password=False)
        )

    def clone(self, backend: str, folder: Path) -> str:
        template = self.template(backend, folder)
        if backend == "sqlite":
            path = folder / f"test-{uuid.uuid4().hex[:8]}.db"
            shutil.copyfile(template, path)
            return f"sqlite:///{path}"
        name = f"pa_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        with self._admin().connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return self._url(name)

    def drop(self, url: str) -> None:
        if _backend(url) == "sqlite":
            return  # in pytest's temporary folder
        name = sa.make_url(url).database
        with self._admin().connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        if self.admin is not None:
            for backend, name in self.made.items():
                if backend == "postgresql":
                    self.drop(self._url(name))
            self.admin.dispose()


_templates = _Templates()


@pytest.fixture(scope="session", autouse=True)
def _drop_templates():
    yield
    _templates.close()


def _drop_abandoned_databases(conn) -> None:
    """Databases (and schemas, as earlier runs made them) of test runs that were killed: their
    process is gone."""
    for (name,) in conn.execute(
        sa.text("SELECT datname FROM pg_database WHERE datname LIKE 'pa\\_t%'")
    ).all():
        pid = name.split("_")[2]
        if (
            name.split("_")[1] in ("test", "tmpl")
            and pid.isdigit()
            and not Path(f"/proc/{pid}").exists()
        ):
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    _drop_abandoned_schemas(conn)


def _drop_abandoned_schemas(conn) -> None:
    names = conn.execute(sa.text("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pa_test_%'"))
    for (schema_name,) in names.all():
        pid = schema_name.split("_")[2]
        if not pid.isdigit() or not Path(f"/proc/{pid}").exists():
            conn.execute(sa.text(f'DROP SCHEMA "{schema_name}" CASCADE'))


@pytest.fixture(scope="session", autouse=True)
def real_password_hasher():
    """Argon2id at its lowest cost in the test process: with production's parameters each hash
    and each check costs about 0.15 s of CPU, and the suite signs in some hundreds of times.
    Hashes stay Argon2id and verify as before; servers the tests start as separate processes
    (gunicorn, the two instances) keep the real cost. Yields production's hasher, which
    test_passwords_and_limits checks."""
    from argon2 import PasswordHasher

    from auth import passwords

    real = passwords._hasher, passwords._DUMMY
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    passwords._hasher, passwords._DUMMY = cheap, cheap.hash("no such account")
    yield real[0]
    passwords._hasher, passwords._DUMMY = real


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret-key",
            "AUDIT_KEY": "test-audit-key",
            "PUBLIC_ORIGIN": "https://localhost:3000",
        }
    )
    app.instance_path = str(tmp_path)
    yield app
    dispose(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class Caller:
    """A signed-in user calling the API through the Flask test client."""

    def __init__(self, client, token: str, user_id: int, email: str):
        self.client, self.token, self.id, self.email = client, token, user_id, email

    def __getattr__(self, method: str):
        def call(path: str, **kwargs):
            headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
            return getattr(self.client, method)(f"/api/v1{path}", headers=headers, **kwargs)

        return call


def new_user(app, name: str = "Test User", hours: float = 1) -> tuple[int, str, str]:
    """A user and a live token, made directly (the login flow has its own tests)."""
    email = f"user{next(_emails)}-{uuid.uuid4().hex[:6]}@example.org"
    with app.app_context():
        session = get_session()
        user = users.create_user(session, email, name)
        token = tokens.issue(session, user, hours)
        session.commit()
        return user.id, token, email


@pytest.fixture
def make_caller(app, client):
    def make(name: str = "Test User") -> Caller:
        user_id, token, email = new_user(app, name)
        return Caller(client, token, user_id, email)

    return make


def create_agreement(
    caller, parties=3, kind="partnership", level="coordination", title="Eastfield youth diversion"
):
    names = [
        "Riverside Council Youth Team",
        "Eastfield Community Police Unit",
        "Eastfield High School",
        "Eastfield Housing Association",
        "Northside Voluntary Action",
    ][:parties]
    response = caller.post(
        "/agreements",
        json={
            "title": title,
            "kind": kind,
            "level": level,
            "parties": [{"name": n} for n in names],
        },
    )
    assert response.status_code == 201, response.json
    return response.json


class Draining:
    """A live server's app that can be drained: once `drain()` is called, requests still
    arriving on open keep-alive connections get a 503, and it waits for those in flight to end.
    Without it a request finishing after the test would open a database connection on an app
    already disposed, left for the garbage collector (a ResourceWarning in some later test)."""

    def __init__(self, app):
        self.app, self.busy, self.closing = app, 0, False
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            if self.closing:
                start_response("503 Service Unavailable", [("Content-Length", "0")])
                return [b""]
            self.busy += 1
        try:
            answer = self.app(environ, start_response)
            try:
                return list(answer)  # the whole body now, so the request's work ends here
            finally:
                if hasattr(answer, "close"):
                    answer.close()  # the app's teardown: its session back to the pool
        finally:
            with self.changed:
                self.busy -= 1
                self.changed.notify_all()

    def drain(self, seconds: float = 10) -> None:
        with self.changed:
            self.closing = True
            self.changed.wait_for(lambda: self.busy == 0, seconds)


@pytest.fixture
def live_server(app):
    """The app on a real threaded HTTP server on 127.0.0.1; yields its base URL."""
    draining = Draining(app)
    server = make_server("127.0.0.1", 0, draining, threaded=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)
    server.server_close()
    draining.drain()


def http_client(base_url: str, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=f"{base_url}/api/v1",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
        verify=TLS,
    )


# httpx's default TLS settings, made once: each client would otherwise load the CA bundle
# again (about 45 ms of CPU per client).
TLS = httpx.create_ssl_context()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright, one for the whole test session: Playwright's sync
    API runs one instance per thread, so every browser test shares this one. Skips (saying
    why) only when the browser is not installed; CI installs it (.ci/run)."""
    from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The longest tests (marked browser or slow) first, in their collected order, after
    pytest's own grouping: pytest-xdist's worksteal hands each worker a run of the list and
    lets idle workers take from the end of others' runs, so started first, the long ones do
    not leave one worker busy alone at the end. Nothing is skipped or dropped."""
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is None and item.get_closest_marker("slow") is None
        )
    )


@pytest.hookimpl(optionalhook=True)  # xdist's hook: not known when xdist is off
def pytest_xdist_auto_num_workers(config):
    """`-n auto`: two workers a core. Much of a test's time is spent waiting on another process
    (Chromium, LibreOffice, gunicorn, the database), so a core runs one worker's Python while
    the other worker waits."""
    return 2 * (os.cpu_count() or 1)
