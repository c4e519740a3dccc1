"""Fast state reads: a 304 costs one database statement, a body is built once per ETag, bodies
are compressed when the client accepts it, and reading the state costs the same number of
statements however long the history."""

import contextlib

import httpx
import sqlalchemy as sa

from plugin.store.db import engine_of
from tests.conftest import create_agreement, new_user

ROLES = "/sections/roles_and_responsibilities"


@contextlib.contextmanager
def statements(app):
    """Every statement the app sends to its database (both engines), in order."""
    seen = []

    def record(_conn, _cursor, statement, *_args):
        seen.append(statement)

    engines = [engine_of(app), app.extensions["single_reads"]]
    for engine in engines:
        sa.event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        for engine in engines:
            sa.event.remove(engine, "before_cursor_execute", record)


def test_a_conditional_get_is_one_statement(app, make_caller, monkeypatch):
    from plugin.store import db

    owner = make_caller()
    agreement = create_agreement(owner)
    path = f"/agreements/{agreement['id']}"
    etag = owner.get(path).headers["ETag"]
    runs = []
    first = db.SingleRead.first

    def counted(self, **values):
        runs.append(values)
        return first(self, **values)

    monkeypatch.setattr(db.SingleRead, "first", counted)
    with statements(app) as seen:
        response = owner.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304 and response.headers["ETag"] == etag
    assert seen == [] and len(runs) == 1  # one statement, nothing through the ORM
    # ...and it still answers 404 to a stranger and 401 without a token.
    assert make_caller().get(path, headers={"If-None-Match": etag}).status_code == 404
    assert owner.client.get(f"/api/v1{path}", headers={"If-None-Match": etag}).status_code == 401


def test_the_body_of_an_etag_is_built_once(app, make_caller):
    owner = make_caller()
    agreement = create_agreement(owner)
    path = f"/agreements/{agreement['id']}"
    first = owner.get(path)
    with statements(app) as seen:
        again = owner.get(path)
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    assert seen == []  # served from the cache after the one-statement check
    owner.put(path + ROLES, json={"base_revision": 0, "text": "New."})
    changed = owner.get(path)
    assert changed.headers["ETag"] != first.headers["ETag"] and changed.data != first.data


def test_reading_the_state_costs_the_same_however_long_the_history(app, make_caller):
    owner = make_caller()
    short, long = create_agreement(owner), create_agreement(owner)
    owner.put(f"/agreements/{short['id']}{ROLES}", json={"base_revision": 0, "text": "v1"})
    for n in range(12):
        body = {"base_revision": n, "text": f"v{n + 1}"}
        assert owner.put(f"/agreements/{long['id']}{ROLES}", json=body).status_code == 201
    counts = []
    for agreement in (short, long):
        with statements(app) as seen:
            assert owner.get(f"/agreements/{agreement['id']}").status_code == 200
        counts.append(len(seen))
    assert counts[0] == counts[1]
    revision = next(
        s
        for s in owner.get(f"/agreements/{long['id']}").json["sections"]
        if s["key"] == "roles_and_responsibilities"
    )["revision"]
    assert revision["number"] == 12 and revision["text"] == "v12"


def test_bodies_are_compressed_when_the_client_accepts_it(app, live_server):
    _, token, _ = new_user(app)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=live_server, headers=headers) as client:
        created = client.post(
            "/api/v1/agreements",
            json={
                "title": "T",
                "kind": "partnership",
                "level": "collaboration",
                "parties": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
            },
        ).json()
        path = f"/api/v1/agreements/{created['id']}"
        plain = client.get(path, headers={"Accept-Encoding": "identity"})
        for _ in range(2):  # the second answer comes from the compressed cache
            zipped = client.get(path, headers={"Accept-Encoding": "gzip"})
            assert zipped.headers["Content-Encoding"] == "gzip"
            assert "Accept-Encoding" in zipped.headers["Vary"]
            assert zipped.json() == plain.json()
            assert int(zipped.headers["Content-Length"]) < len(plain.content) / 3
        assert "Content-Encoding" not in plain.headers
