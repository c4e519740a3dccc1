"""SQLite's `synchronous` setting (PA_SQLITE_SYNCHRONOUS): FULL unless set to normal, and either
way a write acknowledged before the app's process is killed is still there afterwards."""

import json
import subprocess
import sys
import textwrap

import pytest
import sqlalchemy as sa

from plugin import create_app
from plugin.store import audit
from plugin.store.db import dispose, engine_of, get_session, make_engine


def _synchronous(engine) -> int:
    with engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA synchronous").scalar()


def test_full_by_default_and_normal_when_asked(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    for setting, expected in ((None, 2), ("NORMAL ", 1)):
        config = {"DATABASE_URL": url, "SECRET_KEY": "k", "AUDIT_KEY": "a"}
        if setting is not None:
            config["SQLITE_SYNCHRONOUS"] = setting
        app = create_app(config)
        try:  # 1 is NORMAL, 2 is FULL, on both of the app's engines
            assert _synchronous(engine_of(app)) == expected
            assert _synchronous(app.extensions["single_reads"]) == expected
        finally:
            dispose(app)


def test_an_unknown_setting_stops_start_up(tmp_path):
    config = {"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "SECRET_KEY": "k"}
    with pytest.raises(RuntimeError, match="PA_SQLITE_SYNCHRONOUS"):
        create_app({**config, "SQLITE_SYNCHRONOUS": "off"})
    with pytest.raises(ValueError, match="synchronous"):
        make_engine(config["DATABASE_URL"], synchronous="off")


# The child writes through the API (each answer acknowledged: committed), prints what it was
# told, and is killed with SIGKILL: no clean shutdown, no pool disposal, no close of the file.
CHILD = textwrap.dedent(
    """
    import json, os, signal, sys
    from auth import tokens
    from plugin import create_app
    from plugin.store import schema, users
    from plugin.store.db import engine_of, get_session

    app = create_app({"DATABASE_URL": sys.argv[1], "SECRET_KEY": "k", "AUDIT_KEY": "a",
                      "SQLITE_SYNCHRONOUS": sys.argv[2]})
    schema.upgrade(engine_of(app))
    with app.app_context():
        session = get_session()
        user = users.create_user(session, "crash@example.org", "Crash")
        token = tokens.issue(session, user, 1)
        session.commit()
    client, auth = app.test_client(), {"Authorization": "Bearer " + token}
    state = client.post("/api/v1/agreements", headers=auth, json={
        "title": "Crash", "kind": "partnership", "level": "collaboration",
        "parties": [{"name": "Riverside"}, {"name": "Eastfield"}]}).json
    path = f"/api/v1/agreements/{state['id']}/sections/purpose_and_aims"
    saved = []
    for n in range(20):
        answer = client.put(path, headers=auth, json={"base_revision": n, "text": f"Aim {n}."})
        assert answer.status_code == 201, answer.json
        saved.append(answer.json["revision"]["sha256"])
    print(json.dumps({"agreement": state["id"], "saved": saved}), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.parametrize("setting", ["normal", "full"])
def test_acknowledged_writes_survive_a_killed_process(tmp_path, setting):
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    child = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", CHILD, url, setting], capture_output=True, text=True, timeout=120
    )
    assert child.returncode == -9, child.stderr  # killed, not ended
    told = json.loads(child.stdout.strip().splitlines()[-1])
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "k", "AUDIT_KEY": "a"})
    try:
        with app.app_context():
            session = get_session()
            rows = session.execute(
                sa.text("SELECT sha256 FROM revisions WHERE agreement_id = :a ORDER BY number"),
                {"a": told["agreement"]},
            ).scalars()
            assert list(rows) == told["saved"]
            check = audit.verify(session, told["agreement"])
            assert check.valid and check.events == 1 + len(told["saved"])
    finally:
        dispose(app)
