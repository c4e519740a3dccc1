"""Background work (#14): a transactional outbox of jobs and the workers that run them.

`enqueue(session, kind, payload, dedupe_key)` adds a job row in the caller's transaction, so a
job exists exactly when the write that caused it was committed, and the same dedupe key never
makes a second job. Workers claim rows, run the handler registered for their kind, and mark
them done, or retry them with exponential backoff, or mark them failed with the error
(`flask jobs failed`). With PA_REDIS_URL set, RQ carries the job ids to `flask jobs work`
processes (redis_queue.py); otherwise `make run`'s own worker thread runs them straight from the
table (or `flask jobs work` beside a production server).
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

from .outbox import enqueue

__all__ = ["enqueue", "init_app", "job_kind"]

# kind → handler(run: worker.JobRun); filled by @job_kind in the modules that own the work.
HANDLERS: dict[str, Callable] = {}

DEFAULTS = {
    "REDIS_URL": "",  # redis://host:port/db: jobs travel through RQ; empty: the database table
    # A worker thread in every app process: `make run` turns it on itself; set true to have it in
    # other servers too (else run `flask jobs work` beside them).
    "JOBS_WORKER_THREAD": False,
    "JOBS_MAX_ATTEMPTS": 6,
    "JOBS_BACKOFF_SECONDS": 5.0,  # the first retry's delay; doubled for each further one
    "JOBS_LEASE_SECONDS": 300,  # a claimed job whose worker is gone is claimable again after this
    "JOBS_POLL_SECONDS": 2.0,  # an idle in-process worker looks at the table this often
    "JOBS_TICK_SECONDS": 60,  # how often the scheduler tick runs (reminders, digests, recovery)
    "JOBS_REDIS_QUEUE": "pa-jobs",
}


def job_kind(name: str) -> Callable[[Callable], Callable]:
    """Register the handler of a job kind; it must be idempotent (a job may run again after a
    crash) and raise jobs.PermanentFailure for what no retry can fix."""

    def register(handler: Callable) -> Callable:
        HANDLERS[name] = handler
        return handler

    return register


class PermanentFailure(Exception):
    """A failure that retrying cannot fix (a refused recipient, an interrupted SMTP DATA)."""


def init_app(app: Flask) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    from . import cli, outbox, ticks  # noqa: F401  (ticks: the scheduler's job kind)

    outbox.listen(app)
    app.cli.add_command(cli.jobs_cli)
    if str(app.config["JOBS_WORKER_THREAD"]).lower() in ("1", "true", "yes", "on"):
        start_local_worker(app)


def start_local_worker(app: Flask) -> None:
    """Run jobs in a thread of this process, from the table (only without PA_REDIS_URL)."""
    from . import worker

    if not app.config["REDIS_URL"] and "jobs_worker" not in app.extensions:
        worker.start_thread(app)
