"""The scheduler tick: one job per JOBS_TICK_SECONDS period (its dedupe key is the period), run
by whichever worker claims it, that calls every registered periodic task (reminders, digests,
the Redis sweep). Each task is idempotent in its own right: a second tick in the same minute
finds nothing new to do."""

from __future__ import annotations

import time
from collections.abc import Callable

from flask import Flask

from . import job_kind, outbox

PERIODIC: list[Callable] = []  # task(run: worker.JobRun)


def periodic(task: Callable) -> Callable:
    PERIODIC.append(task)
    return task


def enqueue_tick(app: Flask) -> int | None:
    period = int(time.time() // max(1, int(app.config["JOBS_TICK_SECONDS"])))
    with app.app_context(), app.extensions["store"]() as session:
        job_id = outbox.enqueue(session, "tick", {"period": period}, f"tick:{period}")
        session.commit()
    return job_id


@job_kind("tick")
def tick(run) -> None:
    from . import outbox as rows

    rows.recover_interrupted_sends(run.session)
    for task in PERIODIC:
        task(run)
    forget_old_ticks(run)


def forget_old_ticks(run) -> None:
    """Ticks done more than a day ago (one a minute would pile up); other jobs stay, as the
    record of what was sent and as the dedupe keys that keep it from being sent again."""
    import datetime as dt

    import sqlalchemy as sa

    from plugin.store.mail_models import Job
    from plugin.store.models import utcnow

    session = run.write()
    session.execute(
        sa.delete(Job).where(
            Job.kind == "tick",
            Job.state == "done",
            Job.finished_at < utcnow() - dt.timedelta(days=1),
        )
    )
    session.commit()
