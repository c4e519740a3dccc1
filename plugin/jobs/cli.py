"""`flask jobs …`: see failed jobs with their errors, retry one, run a worker."""

from __future__ import annotations

import signal
import threading

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from plugin.store.db import WRITE, get_session
from plugin.store.mail_models import Job
from plugin.store.models import utcnow

jobs_cli = AppGroup("jobs", help="Background jobs: failed ones, retries, workers.")


@jobs_cli.command("failed", help="List failed jobs with their errors.")
def failed_command() -> None:
    rows = get_session().scalars(sa.select(Job).where(Job.state == "failed").order_by(Job.id))
    count = 0
    for job in rows:
        count += 1
        when = job.finished_at.isoformat(" ") if job.finished_at else "?"
        click.echo(
            f"#{job.id} {job.kind} ({job.dedupe_key}) after {job.attempts} attempt(s), {when}"
        )
        if job.message_id:
            click.echo(f"    Message-ID: {job.message_id}")
        click.echo(f"    {job.last_error}")
    if not count:
        click.echo("No failed jobs.")


@jobs_cli.command("retry", help="Queue a failed job again (it runs once more, from attempt 1).")
@click.argument("job_id", type=int)
def retry_command(job_id: int) -> None:
    session = get_session()
    session.connection(execution_options=WRITE)
    job = session.get(Job, job_id)
    if job is None or job.state != "failed":
        raise click.ClickException(f"There is no failed job {job_id}.")
    job.state, job.attempts, job.run_after, job.finished_at = "queued", 0, utcnow(), None
    job.payload = {**job.payload, "retried": True}
    session.commit()
    click.echo(f"Job {job_id} queued again.")


@jobs_cli.command("work", help="Run jobs until stopped (from Redis when PA_REDIS_URL is set).")
@click.option("--until-idle", is_flag=True, help="Stop when no job is due (scripts, tests).")
def work_command(until_idle: bool) -> None:
    from . import worker

    app = current_app._get_current_object()
    if until_idle:
        click.echo(f"Ran {worker.run_until_idle(app)} job(s).")
        return
    if app.config["REDIS_URL"]:
        from . import redis_queue

        redis_queue.work(app)
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    click.echo("Working on jobs from the database; Ctrl-C stops.")
    try:
        worker.work(app, stop)
    except KeyboardInterrupt:
        stop.set()
