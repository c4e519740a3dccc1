"""The same jobs carried by Redis (RQ) when PA_REDIS_URL is set: a write's jobs are pushed after
its commit and run by an RQ worker; a push lost because Redis was away is made by the sweep."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from plugin import create_app
from plugin.jobs import redis_queue
from plugin.store.db import dispose, get_session
from plugin.store.mail_models import Job
from tests.notifications.conftest import free_port, mail_config
from tests.notifications.test_faults import invite

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def redis_url():
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except (RedisError, OSError) as error:
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    return REDIS_URL


@pytest.fixture
def redis_app(own_database_url, tmp_path, inbox, redis_url):
    name = f"pa-test-{uuid.uuid4().hex[:8]}"
    app = create_app(
        mail_config(own_database_url, inbox.port, REDIS_URL=redis_url, JOBS_REDIS_QUEUE=name)
    )
    app.instance_path = str(tmp_path)
    yield app
    q = redis_queue.queue(app)
    q.empty()
    q.delete(delete_jobs=True)
    dispose(app)


def test_jobs_travel_through_redis_and_run_once(redis_app, inbox):
    _, _, made = invite(redis_app, "by-redis@example.org")
    assert made.status_code == 201
    assert redis_queue.queue(redis_app).count == 1  # pushed after the commit
    assert inbox.to("by-redis@example.org") == []
    redis_queue.work(redis_app, burst=True)
    assert len(inbox.to("by-redis@example.org")) == 1
    # Pushed twice (a sweep racing a push): the second run finds nothing due and sends nothing.
    with redis_app.app_context():
        job = get_session().scalar(
            sa.select(Job).where(Job.dedupe_key.like("invitation:%")).order_by(Job.id.desc())
        )
        assert job.state == "done"
    redis_queue.push(redis_app, [job.id])
    redis_queue.work(redis_app, burst=True)
    assert len(inbox.to("by-redis@example.org")) == 1


def test_redis_away_at_commit_loses_nothing(own_database_url, tmp_path, inbox, redis_url):
    name = f"pa-test-{uuid.uuid4().hex[:8]}"
    away = create_app(
        mail_config(own_database_url, inbox.port, REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    )
    away.instance_path = str(tmp_path)
    back = create_app(
        mail_config(own_database_url, inbox.port, REDIS_URL=redis_url, JOBS_REDIS_QUEUE=name)
    )
    back.instance_path = str(tmp_path)
    try:
        _, _, made = invite(away, "while-away@example.org")
        assert made.status_code == 201  # the request does not fail because Redis is away
        with away.app_context():
            (state,) = (
                get_session()
                .scalars(
                    sa.select(Job.state).where(
                        Job.payload["to"].as_string() == "while-away@example.org"
                    )
                )
                .all()
            )
        assert state == "queued"
        assert redis_queue.sweep(back, {}) >= 1  # Redis is back: the sweep pushes it
        redis_queue.work(back, burst=True)
        assert len(inbox.to("while-away@example.org")) == 1
    finally:
        q = redis_queue.queue(back)
        q.empty()
        q.delete(delete_jobs=True)
        dispose(away)
        dispose(back)


def test_a_stopping_worker_waits_at_most_a_short_listen_for_its_command_channel(redis_app):
    # RQ's own listener waits 60 s per look; stopping a worker waits for it to end, so a quick
    # burst (or a SIGTERM soon after starting) hung for a minute (#16).
    worker = redis_queue._worker_class()(
        [redis_queue.queue(redis_app)], connection=redis_queue._redis(redis_app)
    )
    worker.subscribe()
    try:
        assert worker.pubsub_thread.sleep_time == redis_queue.LISTEN_SECONDS <= 1
    finally:
        worker.unsubscribe()
