"""Run jobs: claim one, call its kind's handler, record done / retry later / failed.

A handler gets a JobRun: the job's payload, a database session of its own, and
`mark_sending(message_id)`, which commits the "sending" state before a mail's DATA (see
mail/sending.py for the exact guarantee). Retries wait JOBS_BACKOFF_SECONDS × 2^(attempt-1).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass, field

from flask import Flask
from sqlalchemy.orm import Session

from plugin.store.mail_models import Job
from plugin.store.models import utcnow

from . import HANDLERS, PermanentFailure, outbox

log = logging.getLogger(__name__)


@dataclass
class JobRun:
    app: Flask
    job_id: int
    kind: str
    dedupe_key: str
    payload: dict
    attempt: int
    session: Session
    notes: dict = field(default_factory=dict)

    def mark_sending(self, message_id: str) -> None:
        """Commit that this job's message is being handed to the relay: from now on a crash
        leaves the job "sending", and it is never sent again by itself."""
        job = outbox.begin_write(self.session).get(Job, self.job_id)
        job.state, job.message_id = "sending", message_id
        self.session.commit()

    def unmark_sending(self) -> None:
        """The relay answered DATA with a refusal: nothing was delivered, a retry is safe."""
        job = outbox.begin_write(self.session).get(Job, self.job_id)
        job.state = "running"
        self.session.commit()

    def write(self) -> Session:
        """Begin a write transaction for the handler's own rows; the handler commits it."""
        return outbox.begin_write(self.session)

    def replace_payload(self, payload: dict) -> None:
        """Keep a smaller payload once done (e.g. drop an invitation link after sending)."""
        self.notes["payload"] = payload


def run_one(app: Flask, only: int | None = None) -> bool:
    """Claim and run one due job (or job `only`); False when there was none."""
    maker = app.extensions["store"]
    with app.app_context(), maker() as session:
        job = outbox.claim(session, app.config["JOBS_LEASE_SECONDS"], only)
        if job is None:
            return False
        run = JobRun(
            app, job.id, job.kind, job.dedupe_key, dict(job.payload), job.attempts, session
        )
        try:
            handler = HANDLERS.get(job.kind)
            if handler is None:
                raise PermanentFailure(f"No handler for job kind {job.kind!r}.")
            handler(run)
        except PermanentFailure as error:
            session.rollback()
            _finish(session, job.id, "failed", str(error))
            log.warning("job %s (%s) failed: %s", job.id, job.kind, error)
        except Exception as error:
            session.rollback()
            _retry_or_fail(app, session, job.id, error)
        else:
            _finish(session, job.id, "done", None, run.notes.get("payload"))
    return True


def _describe(error: Exception) -> str:
    text = str(error) or error.__class__.__name__
    return f"{error.__class__.__name__}: {text}" if text != error.__class__.__name__ else text


def _finish(
    session: Session, job_id: int, state: str, error: str | None, payload: dict | None = None
) -> None:
    job = outbox.begin_write(session).get(Job, job_id)
    job.state, job.last_error, job.finished_at, job.locked_until = state, error, utcnow(), None
    if payload is not None:
        job.payload = payload
    session.commit()


def _retry_or_fail(app: Flask, session: Session, job_id: int, error: Exception) -> None:
    job = outbox.begin_write(session).get(Job, job_id)
    message = _describe(error)
    if job.state == "sending" or job.attempts >= app.config["JOBS_MAX_ATTEMPTS"]:
        # A failure after DATA began is left to recover_interrupted_sends' rule: never resend.
        if job.state != "sending":
            log.warning("job %s (%s) failed for good: %s", job.id, job.kind, message)
            _finish(session, job_id, "failed", f"After {job.attempts} attempts: {message}")
        else:
            _finish(session, job_id, "failed", f"During sending: {message}")
        return
    delay = float(app.config["JOBS_BACKOFF_SECONDS"]) * 2 ** (job.attempts - 1)
    job.state, job.last_error, job.locked_until = "queued", message, None
    job.run_after = utcnow() + dt.timedelta(seconds=delay)
    session.commit()
    log.info("job %s (%s) will be retried in %.1fs: %s", job.id, job.kind, delay, message)


def run_until_idle(app: Flask, limit: int = 1000) -> int:
    """Run due jobs until none is left (tests, and `flask jobs work --until-idle`)."""
    count = 0
    while count < limit and run_one(app):
        count += 1
    return count


# The scheduler tick and the local worker thread ----------------------------------------------

_wake = threading.Event()


def hand_on(app: Flask, ids: list[int]) -> None:
    """Called after a commit that added jobs: push them to Redis, or wake the local worker."""
    if app.config["REDIS_URL"]:
        from . import redis_queue

        redis_queue.push(app, ids)  # never raises: the sweep pushes what could not go now
    else:
        _wake.set()


def tick_due(app: Flask, last: float) -> bool:
    return time.monotonic() - last >= float(app.config["JOBS_TICK_SECONDS"])


def schedule_tick(app: Flask) -> None:
    """Add this period's scheduler tick (one per period, whichever worker comes first)."""
    from .ticks import enqueue_tick

    enqueue_tick(app)


def work(app: Flask, stop: threading.Event, idle_wait: float | None = None) -> None:
    """Run jobs until `stop` is set: the local worker thread and `flask jobs work`."""
    wait = float(idle_wait if idle_wait is not None else app.config["JOBS_POLL_SECONDS"])
    last_tick = -1e9
    while not stop.is_set():
        try:
            if tick_due(app, last_tick):
                schedule_tick(app)
                last_tick = time.monotonic()
            if not run_one(app):
                with app.extensions["store"]() as session:
                    outbox.recover_interrupted_sends(session)
                _wake.wait(wait)
                _wake.clear()
        except Exception:  # the database went away for a moment: keep the worker alive
            log.exception("job worker: error, trying again shortly")
            stop.wait(wait)


def start_thread(app: Flask) -> threading.Thread:
    stop = threading.Event()
    thread = threading.Thread(target=work, args=(app, stop), name="pa-jobs", daemon=True)
    app.extensions["jobs_worker"] = (thread, stop)
    thread.start()
    log.info("jobs run in-process (no PA_REDIS_URL)")
    return thread
