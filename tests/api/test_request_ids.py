"""Request ids: in and out on every answer, carried by problem+json, and logged with server
errors where the server's log goes (gunicorn's error log in production)."""

import logging
import os
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest

from plugin.store import schema
from plugin.store.db import make_engine


def test_a_well_formed_request_id_is_kept_and_others_replaced(client):
    kept = client.get("/api/v1/me", headers={"X-Request-Id": "pane-42.a_b:c"})
    assert kept.headers["X-Request-Id"] == "pane-42.a_b:c"
    assert kept.json["request_id"] == "pane-42.a_b:c"  # a 401 problem carries it
    for bad in ("", "x" * 129, "a b", "<script>"):
        made = client.get("/healthz", headers={"X-Request-Id": bad})
        assert made.headers["X-Request-Id"] != bad and len(made.headers["X-Request-Id"]) == 32
    assert client.get("/healthz").headers["X-Request-Id"]


def test_a_server_error_is_logged_with_the_id_the_problem_carries(make_caller, monkeypatch, caplog):
    from plugin.api import people

    def broken(_user):
        raise RuntimeError("boom")

    monkeypatch.setattr(people, "user_out", broken)
    with caplog.at_level(logging.ERROR):
        response = make_caller().get("/me", headers={"X-Request-Id": "trace-7"})
    assert response.status_code == 500 and response.content_type == "application/problem+json"
    assert response.json["request_id"] == "trace-7" and "boom" not in response.json["detail"]
    logged = [r for r in caplog.records if "trace-7" in r.getMessage()]
    assert logged and logged[0].exc_info and "boom" in str(logged[0].exc_info[1])


def test_gunicorn_error_log_receives_server_errors_with_the_request_id(tmp_path):
    """The production command for real: a broken database makes a 500, and the line is in
    gunicorn's error log with the id the answer carries."""
    pytest.importorskip("gunicorn")
    db = tmp_path / "g.db"
    engine = make_engine(f"sqlite:///{db}")
    schema.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE api_tokens")  # every authenticated request now fails
    from auth.keys import new_private_key_pem
    from plugin.private_files import create_secret_file

    signing_key = tmp_path / "signing.pem"  # production refuses to start without one
    create_secret_file(signing_key, new_private_key_pem())
    log = tmp_path / "error.log"
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "PA_MODE": "production",
        "PA_SECRET_KEY": "s",
        "PA_AUDIT_KEY": "a",
        "PA_SIGNING_KEY_FILE": str(signing_key),
    }
    server = subprocess.Popen(  # noqa: S603 (our own command line)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "1",
            "-k",
            "gthread",
            "--error-logfile",
            str(log),
            "plugin:create_app()",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60  # a busy machine starts gunicorn slowly
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        response = httpx.get(
            f"{base}/api/v1/me", headers={"Authorization": "Bearer pat_x", "X-Request-Id": "gun-1"}
        )
    finally:
        server.terminate()
        server.wait(10)
    assert response.status_code == 500 and response.json()["request_id"] == "gun-1"
    text = log.read_text()
    assert "unhandled error (request gun-1) on GET /api/v1/me" in text
    assert "no such table: api_tokens" in text


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
