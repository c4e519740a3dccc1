"""Mail that cannot go: the request that caused it still succeeds, and the job ends failed with
a clear message in `flask jobs failed`. Links in mail that were tampered with change nothing.
A write that is refused (rolled back) queues nothing."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from plugin import create_app
from plugin.jobs.worker import run_until_idle
from plugin.mail import links
from plugin.store.db import dispose, get_session
from plugin.store.mail_models import Job
from tests.conftest import Caller, create_agreement, new_user
from tests.notifications.conftest import free_port, mail_config


def settle(app, seconds: float = 10) -> list[Job]:
    """Run jobs (with their short retry delays) until none is queued."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        run_until_idle(app)
        with app.app_context():
            jobs = get_session().scalars(sa.select(Job).order_by(Job.id)).all()
            if all(j.state in ("done", "failed") for j in jobs):
                return jobs
        time.sleep(0.05)
    pytest.fail("jobs still queued")


def invite(app, email: str):
    user_id, token, mail = new_user(app, "Joe Lindsay")
    owner = Caller(app.test_client(), token, user_id, mail)
    state = create_agreement(owner)
    made = owner.post(
        f"/agreements/{state['id']}/invitations",
        json={"party_id": state["parties"][1]["id"], "role": "editor", "email": email},
    )
    return owner, state, made


def test_unreachable_relay_fails_the_job_not_the_request(own_database_url, tmp_path):
    app = create_app(mail_config(own_database_url, free_port()))  # nothing listens there
    app.instance_path = str(tmp_path)
    try:
        _, _, made = invite(app, "nobody-home@example.org")
        assert made.status_code == 201
        (job,) = [j for j in settle(app) if j.payload.get("to") == "nobody-home@example.org"]
        assert job.state == "failed" and job.attempts == 3
        assert "Could not reach the mail relay smtp://127.0.0.1" in job.last_error
        listed = app.test_cli_runner().invoke(args=["jobs", "failed"])
        assert "Could not reach the mail relay" in listed.output
        retried = app.test_cli_runner().invoke(args=["jobs", "retry", str(job.id)])
        assert retried.exit_code == 0
        with app.app_context():
            assert get_session().get(Job, job.id).state == "queued"
        assert [j.state for j in settle(app) if j.id == job.id] == ["failed"]
    finally:
        dispose(app)


def test_a_refused_recipient_fails_at_once_with_the_relays_words(app, inbox):
    inbox.refuse.add("gone@example.org")
    _, _, made = invite(app, "gone@example.org")
    assert made.status_code == 201
    (job,) = [j for j in settle(app) if j.payload.get("to") == "gone@example.org"]
    assert job.state == "failed" and job.attempts == 1  # no retry can fix it
    assert (
        "refused the recipient gone@example.org: 550 5.1.1 No such mailbox here" in job.last_error
    )
    assert inbox.to("gone@example.org") == []


def test_no_relay_writes_eml_files_and_logs_their_path(own_database_url, tmp_path, caplog):
    config = mail_config(own_database_url, 0) | {"SMTP_URL": ""}
    app = create_app(config)
    app.instance_path = str(tmp_path)
    try:
        invite(app, "local@example.org")
        with caplog.at_level("INFO"):
            settle(app)
        (eml,) = (tmp_path / "outbox").glob("*-invitation.eml")
        assert b"local@example.org" in eml.read_bytes()
        assert str(eml) in caplog.text
    finally:
        dispose(app)


def test_a_refused_write_queues_nothing(app, make_caller):
    owner = make_caller()
    state = create_agreement(owner)
    key = "purpose_and_aims"
    first = owner.put(
        f"/agreements/{state['id']}/sections/{key}", json={"base_revision": 0, "text": "One."}
    )
    stale = owner.put(
        f"/agreements/{state['id']}/sections/{key}", json={"base_revision": 0, "text": "Two."}
    )
    assert (first.status_code, stale.status_code) == (201, 409)
    with app.app_context():
        keys = (
            get_session()
            .scalars(
                sa.select(Job.dedupe_key).where(Job.dedupe_key.like(f"notify:{state['id']}:%"))
            )
            .all()
        )
    assert keys == [f"notify:{state['id']}:2"]  # the first edit's event only


def test_unsubscribe_changes_only_that_preference_and_forgeries_nothing(app, make_caller, client):
    caller = make_caller()
    assert caller.get("/me/notifications").json == {"mode": "immediate"}
    assert caller.put("/me/notifications", json={"mode": "sometimes"}).status_code == 422
    assert caller.put("/me/notifications", json={"mode": "digest"}).json == {"mode": "digest"}
    with app.test_request_context():
        url = links.unsubscribe_link(caller.id)
    path = url.removeprefix("https://localhost:3000")
    for bad in (
        path[:-3],
        path + "x",
        "/mail/unsubscribe/not-a-token",
        path.replace(path[-8:], "A" * 8),
    ):
        refused = client.post(bad, data={"List-Unsubscribe": "One-Click"})
        assert refused.status_code in (400, 404), bad
        assert caller.get("/me/notifications").json == {"mode": "digest"}
    shown = client.get(path)
    assert shown.status_code == 200 and caller.get("/me/notifications").json == {"mode": "digest"}
    done = client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert caller.get("/me/notifications").json == {"mode": "none"}


def test_every_mail_and_jobs_setting_is_documented():
    from pathlib import Path

    from plugin.jobs import DEFAULTS as JOBS
    from plugin.mail import DEFAULTS as MAIL

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    for key in [*JOBS, *MAIL, "NOTIFICATIONS"]:
        assert f"PA_{key}" in readme, f"PA_{key} is not in the README"
