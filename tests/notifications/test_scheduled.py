"""Work the scheduler tick does (review reminders 7 days ahead, daily digests), the final PDF
made by a job after finalising, and the in-process worker thread of `make run`."""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pytest
import sqlalchemy as sa

from plugin import create_app
from plugin.clock import today
from plugin.jobs import start_local_worker
from plugin.jobs.ticks import enqueue_tick
from plugin.notifications.reminders import dates_on
from plugin.store.db import dispose, get_session
from plugin.store.mail_models import Job
from plugin.store.models import Document
from tests.conftest import create_agreement
from tests.documents.conftest import approve_all, draft_required, final, partners  # noqa: F401
from tests.notifications.conftest import mail_config


def _seat(app, state, person, role: str) -> None:
    """Seat `person` for the agreement's second party, straight in the database."""
    from plugin.store.models import Member

    with app.app_context():
        session = get_session()
        party = state["parties"][1]["id"]
        session.add(Member(agreement_id=state["id"], user_id=person.id, party_id=party, role=role))
        session.commit()


def test_reminders_fall_on_every_date_of_a_recurring_meeting_and_review():
    fields = {
        "review_and_revision": {"next_review": "2027-03-01", "review_frequency": "quarterly"},
        "meetings_and_communication": {
            "meetings": [
                {"name": "Check-in", "first_date": "2027-01-08", "frequency": "weekly"},
                {"name": "Steering group", "first_date": "2027-02-01"},
                {"name": "No date"},
            ]
        },
        "duration_and_ending": {"end_date": "2027-12-31"},
    }
    assert dates_on(fields, dt.date(2027, 1, 8)) == [("Meeting: Check-in", dt.date(2027, 1, 8))]
    # The fourth Friday of the weekly check-in, not only its first date.
    assert dates_on(fields, dt.date(2027, 1, 29)) == [("Meeting: Check-in", dt.date(2027, 1, 29))]
    assert dates_on(fields, dt.date(2027, 2, 1)) == [
        ("Meeting: Steering group", dt.date(2027, 2, 1))
    ]
    assert dates_on(fields, dt.date(2027, 6, 1)) == [("Review", dt.date(2027, 6, 1))]  # quarterly
    assert dates_on(fields, dt.date(2027, 1, 9)) == []
    assert (
        dates_on({"review_and_revision": {"next_review": "not a date"}}, dt.date(2027, 3, 1)) == []
    )


def test_a_review_a_week_away_reminds_every_member_once(app, make_caller, inbox, run_jobs):
    owner, other = make_caller("Joe Lindsay"), make_caller("Fiona Reid")
    state = create_agreement(owner, parties=2)
    _seat(app, state, other, "viewer")
    with app.app_context():
        week = (today() + dt.timedelta(days=7)).isoformat()
    saved = owner.put(
        f"/agreements/{state['id']}/sections/review_and_revision",
        json={"base_revision": 0, "fields": {"review_frequency": "annually", "next_review": week}},
    )
    assert saved.status_code == 201, saved.json
    run_jobs()
    before = len(inbox.to(owner.email)), len(inbox.to(other.email))
    for _ in range(2):  # two ticks (two periods): still one reminder each
        enqueue_tick(app)
        app.config["JOBS_TICK_SECONDS"] = 1
        run_jobs()
        time.sleep(1.1)
    reminders = [
        m
        for m in inbox.to(owner.email) + inbox.to(other.email)
        if m.subject.startswith("Review on")
    ]
    assert len(reminders) == 2 and before == (0, 0)
    assert sorted(m.recipients[0] for m in reminders) == sorted([owner.email, other.email])
    assert f"#agreement={state['id']}" in reminders[0].links()[0]


def test_digest_users_get_one_message_a_day(app, make_caller, inbox, run_jobs):
    owner, fiona = make_caller("Joe Lindsay"), make_caller("Fiona Reid")
    assert fiona.put("/me/notifications", json={"mode": "digest"}).status_code == 200
    state = create_agreement(owner, parties=2)
    _seat(app, state, fiona, "approver")
    for key in ("purpose_and_aims", "people_served"):
        assert (
            owner.put(
                f"/agreements/{state['id']}/sections/{key}",
                json={"base_revision": 0, "text": f"About {key}."},
            ).status_code
            == 201
        )
    run_jobs()
    assert inbox.to(fiona.email) == []  # kept for the digest
    enqueue_tick(app)
    run_jobs()
    app.config["JOBS_TICK_SECONDS"] = 1
    time.sleep(1.1)
    enqueue_tick(app)
    run_jobs()
    (digest,) = inbox.to(fiona.email)
    assert digest.subject == "Your partnership agreements today (2)"
    assert digest.message["List-Unsubscribe"]
    assert sum("Your approval is needed" in line for line in digest.part("plain").splitlines()) >= 2


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_finalising_queues_the_final_pdf_once(app, final, run_jobs):  # noqa: F811
    # Finalised here, on this test's own database (it used to borrow the journey test's
    # agreement from the shared database, and skipped when that had not run first).
    with app.app_context():
        session = get_session()
        kept = session.scalars(
            sa.select(Document).where(Document.format == "docx", Document.agreement_id == final.id)
        ).first()
        queued = session.scalars(
            sa.select(Job.dedupe_key).where(Job.kind == "final_pdf", Job.state == "queued")
        ).all()
    assert kept is not None
    assert queued == [f"final_pdf:{kept.agreement_id}:{kept.version}"]
    from plugin.jobs import enqueue

    with app.app_context():
        session = get_session()
        pdfs = session.scalar(
            sa.select(sa.func.count()).select_from(Document).where(Document.format == "pdf")
        )
        enqueue(
            session,
            "final_pdf",
            {"agreement_id": kept.agreement_id, "version": kept.version},
            f"test-pdf:{kept.id}",
        )
        enqueue(
            session,
            "final_pdf",
            {"agreement_id": kept.agreement_id, "version": kept.version},
            f"test-pdf-again:{kept.id}",
        )
        session.commit()
    run_jobs()
    with app.app_context():
        session = get_session()
        made = session.scalars(
            sa.select(Document).where(
                Document.format == "pdf",
                Document.agreement_id == kept.agreement_id,
                Document.version == kept.version,
            )
        ).all()
        total = session.scalar(
            sa.select(sa.func.count()).select_from(Document).where(Document.format == "pdf")
        )
    assert len(made) == 1 and made[0].content.startswith(b"%PDF")
    assert total <= pdfs + 1


def test_make_run_has_a_worker_thread_that_sends(own_database_url, tmp_path, inbox):
    app = create_app(mail_config(own_database_url, inbox.port, JOBS_POLL_SECONDS=0.2))
    app.instance_path = str(tmp_path)
    try:
        from tests.notifications.test_faults import invite

        invite(app, "thread@example.org")
        assert inbox.to("thread@example.org") == []
        start_local_worker(app)  # what `python -m plugin` does
        end = time.monotonic() + 30
        while not inbox.to("thread@example.org") and time.monotonic() < end:
            time.sleep(0.1)
        assert len(inbox.to("thread@example.org")) == 1
    finally:
        thread, stop = app.extensions["jobs_worker"]
        stop.set()
        thread.join(10)
        dispose(app)
