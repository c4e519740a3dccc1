"""The production shape for its test: nginx (Debian's) in front of two gunicorn instances on
the machine's PostgreSQL (TEST_DATABASE_URL) and Redis, each piece in a folder of its own."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from deploy.production import NGINX, Stack, issue_token, migrate

KEYS = {"PA_SECRET_KEY": "production-test-secret", "PA_AUDIT_KEY": "production-test-audit"}
REDIS_DB = 13  # a database number of our own on the shared Redis


def _redis_url() -> str | None:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return None
    return f"redis://127.0.0.1:6379/{REDIS_DB}"


@pytest.fixture(scope="module")
def production_database():
    """A migrated PostgreSQL schema of its own; skips without TEST_DATABASE_URL."""
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run installs it)")
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("two instances share PostgreSQL: set TEST_DATABASE_URL")
    name = f"pa_prod_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    separator = "&" if "?" in base else "?"
    url = f"{base}{separator}options={quote(f'-csearch_path={name}')}"
    migrate(url)
    yield url
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
    admin.dispose()


@pytest.fixture
def stack(production_database, tmp_path):
    """nginx and two instances, stopped after the test (logs in tmp_path if it fails)."""
    from auth.keys import new_private_key_pem
    from plugin.private_files import create_secret_file

    signing = tmp_path / "signing.pem"
    create_secret_file(signing, new_private_key_pem())
    env = {**KEYS, "DATABASE_URL": production_database, "PA_SIGNING_KEY_FILE": str(signing)}
    if redis := _redis_url():
        env["PA_REDIS_URL"] = redis
    # nginx's workers (www-data, when the tests run as root) must reach the run folder, so it
    # is not under pytest's own folder (0700).
    run = Path(tempfile.mkdtemp(prefix="pa-production-"))
    try:
        with Stack(run, env, gunicorn_args=["-w", "1", "--threads", "8"]) as s:
            yield s
    finally:
        shutil.rmtree(run, ignore_errors=True)


@pytest.fixture
def token(production_database):
    """A live token of a new user, made with the stack's own keys."""
    return issue_token(production_database, KEYS, "Load")
