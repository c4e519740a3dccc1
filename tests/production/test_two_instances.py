"""Behind nginx, two app instances share PostgreSQL and Redis and nothing else: one of them is
stopped in the middle of a load of writes, and no acknowledged write is lost, a retry with its
Idempotency-Key gets its first answer, and the audit chain verifies. Slow clients hold nginx's
connections, not the app's threads."""

from __future__ import annotations

import re
import signal

import httpx
import pytest
import sqlalchemy as sa

from deploy.trial import replay, slow_clients, writes_through

pytestmark = pytest.mark.slow

CLIENTS, WRITES, SECTION = 6, 25, "purpose_and_aims"


def _agreements(origin: str, token: str, n: int) -> list[int]:
    made = []
    for i in range(n):
        answer = httpx.post(
            f"{origin}/api/v1/agreements",
            headers={"Authorization": f"Bearer {token}"},
            json={
                "title": f"Load {i}",
                "kind": "partnership",
                "level": "cooperation",
                "parties": [{"name": "Riverside Youth Team"}, {"name": "Eastfield Police"}],
            },
            verify=False,  # noqa: S501 (loopback, self-signed)
        )
        assert answer.status_code == 201, answer.text
        made.append(answer.json()["id"])
    return made


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_an_instance_stopped_under_load_loses_no_acknowledged_write(stack, token, sig):
    origin = f"https://127.0.0.1:{stack.https_port}"
    auth = {"Authorization": f"Bearer {token}"}
    agreements = _agreements(origin, token, CLIENTS)
    clients = writes_through(
        origin,
        token,
        agreements,
        SECTION,
        WRITES,
        stop_at=CLIENTS * WRITES // 3,
        stop=lambda: stack.stop_instance(0, sig),
    )
    assert stack.apps[0].poll() is not None, "the first instance was stopped mid-load"
    acknowledged = [w for c in clients for w in c.acknowledged]
    assert [c.failed for c in clients] == [0] * CLIENTS
    assert len(acknowledged) == CLIENTS * WRITES

    for client in clients:  # every acknowledged revision is there, with the wording sent
        history = httpx.get(
            f"{origin}/api/v1/agreements/{client.agreement_id}/sections/{SECTION}/revisions",
            headers=auth,
            verify=False,  # noqa: S501
        ).json()
        found = {(r["number"], r["sha256"]) for r in history["revisions"]}
        told = {
            (w.answer["revision"]["number"], w.answer["revision"]["sha256"])
            for w in client.acknowledged
        }
        assert told <= found
        assert len(found) == WRITES  # and nothing was written twice

    for client in clients:  # a retry gets the first answer, from whichever instance is left
        first = client.acknowledged[0]
        again = replay(origin, token, first)
        assert again.status_code == first.status
        assert again.headers["Idempotent-Replayed"] == "true"
        assert again.json() == first.answer

    for agreement_id in agreements:
        events = httpx.get(
            f"{origin}/api/v1/agreements/{agreement_id}/events",
            headers=auth,
            verify=False,  # noqa: S501
        ).json()
        assert events["chain"]["valid"] is True, events["chain"]
        assert events["chain"]["events"] == 1 + WRITES


def test_slow_clients_leave_ordinary_requests_answered(stack, token):
    answered, failed, _ = slow_clients(
        stack.https_port, f"https://127.0.0.1:{stack.https_port}/api/v1/me", token=token
    )
    assert (answered, failed) == (10, 0)


def test_sign_in_state_is_shared_and_the_client_address_passed_on(stack, production_database):
    """A sign-in form from one instance is taken by the other (the session cookie and its CSRF
    token), and the rate limits count the client's own address: the one nginx saw (127.0.0.2
    here), not nginx's, nor what the client claimed in X-Forwarded-For."""
    transport = httpx.HTTPTransport(local_address="127.0.0.2", verify=False)
    origin = f"https://127.0.0.1:{stack.https_port}"
    with httpx.Client(transport=transport, base_url=origin) as browser:
        form = browser.get("/oauth/login")
        assert form.status_code == 200
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
        for _ in range(2):  # nginx takes turns: each instance gets one of them
            refused = browser.post(
                "/oauth/login",
                data={"csrf": csrf, "email": "nobody@example.org", "password": "wrong"},
                headers={"X-Forwarded-For": "203.0.113.9"},
            )
            assert refused.status_code == 401 and "not right" in refused.text
    engine = sa.create_engine(production_database)
    with engine.connect() as conn:
        addresses = conn.execute(
            sa.text("SELECT ip FROM login_attempts WHERE account = 'nobody@example.org'")
        ).scalars()
        assert list(addresses) == ["127.0.0.2", "127.0.0.2"]
    engine.dispose()


def test_nginx_serves_the_pane_s_hashed_files_from_disk_cached_for_good(stack):
    """The page comes from an instance (revalidated); the files it names come from nginx's disk,
    gzip made once beside each, with the same bytes the app would send."""
    origin = f"https://127.0.0.1:{stack.https_port}"
    with httpx.Client(base_url=origin, verify=False) as web:  # noqa: S501 (loopback, self-signed)
        page = web.get("/pane/")
        assert page.status_code == 200 and page.headers["Cache-Control"] == "no-cache"
        names = re.findall(r'(?:href|src)="([a-z-]+\.[0-9a-f]{12}\.(?:js|css))"', page.text)
        assert any(n.startswith("app.") for n in names) and any(n.endswith(".css") for n in names)
        for name in names:
            plain = web.get(f"/pane/{name}", headers={"Accept-Encoding": "identity"})
            zipped = web.get(f"/pane/{name}", headers={"Accept-Encoding": "gzip"})
            assert plain.status_code == zipped.status_code == 200, name
            assert plain.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert zipped.headers["Content-Encoding"] == "gzip"
            assert zipped.content == plain.content  # httpx decodes the gzip
            assert "X-Request-Id" not in plain.headers  # every answer of the app has one
        assert "X-Request-Id" in page.headers
