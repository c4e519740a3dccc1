"""A worker process killed in the middle of sending: the message arrives exactly once.

Killed after the relay accepted the recipient but before DATA: the job is still "running"; when
its lease runs out the next worker sends it. Killed during DATA (the relay has the message, the
worker never heard back): the job is "sending", is never sent again by itself, and shows as
failed with its Message-ID for a person to check."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from plugin.jobs import enqueue
from plugin.store.db import get_session
from plugin.store.mail_models import Job

pytestmark = pytest.mark.slow  # run early (tests/conftest.py)


def worker_process(database_url: str, port: int, instance, redis: str = "") -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PA_SECRET_KEY": "test-secret-key",
        "PA_AUDIT_KEY": "test-audit-key",
        "PA_SMTP_URL": f"smtp://127.0.0.1:{port}?starttls=no",
        "PA_JOBS_LEASE_SECONDS": "1",
        "PA_JOBS_POLL_SECONDS": "0.1",
        "PA_JOBS_TICK_SECONDS": "3600",
        "PA_JOBS_BACKOFF_SECONDS": "0.1",
        "PA_JOBS_WORKER_THREAD": "false",
        "PA_REDIS_URL": redis,
        "PA_JOBS_REDIS_QUEUE": f"pa-test-killed-{os.getpid()}",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "plugin", "jobs", "work"],
        env=env,
        cwd=instance,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    """SIGTERM (a worker finishes its job and stops), SIGKILL if it takes more than 10 s."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


def job_state(app, job_id: int) -> Job:
    with app.app_context():
        session = get_session()
        job = session.get(Job, job_id)
        session.expunge_all()
        return job


def wait_for(app, job_id: int, states: set[str], seconds: float = 30) -> Job:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        job = job_state(app, job_id)
        if job.state in states:
            return job
        time.sleep(0.1)
    pytest.fail(f"job {job_id} stayed {job.state}")


def queue_mail(app, to: str) -> int:
    with app.app_context():
        session = get_session()
        job_id = enqueue(
            session,
            "mail",
            {
                "template": "verify_email",
                "to": to,
                "transactional": True,
                "data": {"email": to, "link": "https://localhost:3000/mail/verify/x", "hours": 72},
            },
            f"test:{to}",
        )
        session.commit()
    return job_id


@pytest.fixture(params=["database", "redis"])
def queue_url(request):
    if request.param == "database":
        yield ""
        return
    from redis import Redis
    from redis.exceptions import RedisError

    from tests.notifications.test_redis_queue import REDIS_URL

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except (RedisError, OSError) as error:
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    yield REDIS_URL
    from rq import Queue

    Queue(f"pa-test-killed-{os.getpid()}", connection=Redis.from_url(REDIS_URL)).delete()


@pytest.mark.parametrize("moment", ["before DATA", "during DATA"])
def test_a_killed_worker_never_sends_twice(
    app, own_database_url, inbox, tmp_path, moment, queue_url
):
    first = worker_process(own_database_url, inbox.port, tmp_path, queue_url)

    def kill() -> None:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(10)
        inbox.on_rcpt = inbox.on_data = None

    if moment == "before DATA":
        inbox.on_rcpt = kill
    else:
        inbox.on_data = kill
    to = f"killed-{moment.split()[0]}-{queue_url and 'redis'}@example.org"
    job_id = queue_mail(app, to)
    try:
        deadline = time.monotonic() + 30
        while first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.returncode == -signal.SIGKILL
        second = worker_process(own_database_url, inbox.port, tmp_path, queue_url)
        try:
            job = wait_for(app, job_id, {"done", "failed"})
        finally:
            stop(second)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert len(inbox.to(to)) == 1
    if moment == "before DATA":
        assert job.state == "done"
    else:
        assert job.state == "failed" and job.message_id
        assert "may or may not have been delivered" in job.last_error
        listed = app.test_cli_runner().invoke(args=["jobs", "failed"])
        assert f"#{job_id} mail" in listed.output and job.message_id in listed.output
