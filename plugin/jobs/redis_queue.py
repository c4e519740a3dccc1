"""Jobs on Redis through RQ (when PA_REDIS_URL is set).

The jobs table stays the record of each job (its state, attempts, error, the mail's "sending"
mark): a job row is written in the transaction of the write that caused it, and after the commit
its id is pushed to an RQ queue. `flask jobs work` runs an RQ worker whose job is "run database
job #id" (claimed exactly as without Redis, so a duplicate push does nothing), plus a sweep that
pushes again whatever is due and was not pushed lately: a retry whose backoff has passed, a job
whose worker died (lease run out), a push lost because Redis was away at commit time.

Why RQ rather than Dramatiq: measured on this machine (bench/queue_libraries.md in the report),
both enqueue in well under a millisecond and run some hundreds of jobs a second, far beyond the
mail rate; RQ's jobs are plain functions named by path with the connection passed in, which fits
the app factory, where Dramatiq wants a global broker set before its actors are imported.
"""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask

from . import outbox, worker

log = logging.getLogger(__name__)
_bound: Flask | None = None  # the app an RQ worker process runs jobs for


def _redis(app: Flask):
    from redis import Redis

    connection = app.extensions.get("jobs_redis")
    if connection is None:
        connection = Redis.from_url(
            app.config["REDIS_URL"], socket_timeout=5, socket_connect_timeout=2
        )
        app.extensions["jobs_redis"] = connection
    return connection


def queue(app: Flask):
    from rq import Queue

    return Queue(app.config["JOBS_REDIS_QUEUE"], connection=_redis(app))


def push(app: Flask, ids: list[int]) -> int:
    """Put job ids on the RQ queue; never raises (what could not go is pushed by the sweep)."""
    from redis.exceptions import RedisError

    try:
        target = queue(app)
        for job_id in ids:
            # By name: a plain `rq worker` process imports it and builds the app there.
            target.enqueue(RQ_JOB, job_id, result_ttl=0, failure_ttl=7 * 86400)
        return len(ids)
    except (RedisError, OSError) as error:
        log.warning("could not hand jobs %s to Redis (%s); the sweep will", ids, error)
        return 0


def bind(app: Flask) -> None:
    global _bound
    _bound = app


RQ_JOB = "plugin.rq_job.run_job"  # the entry point at the app factory's level (it builds one)


def run_bound(job_id: int, make_app) -> bool:
    """Run database job `job_id` if it is still due (else nothing), in the app this process was
    bound to (`flask jobs work`), or else in one `make_app()` builds once."""
    global _bound
    if _bound is None:
        _bound = make_app()
    return worker.run_one(_bound, only=job_id)


def sweep(app: Flask, pushed: dict[int, float]) -> int:
    """Push due jobs not pushed within a lease; returns how many went."""
    lease = float(app.config["JOBS_LEASE_SECONDS"])
    now = time.monotonic()
    with app.app_context(), app.extensions["store"]() as session:
        outbox.recover_interrupted_sends(session)
        due = [i for i in outbox.due_jobs(session) if now - pushed.get(i, -1e9) > lease]
    sent = push(app, due) if due else 0
    if sent:
        pushed.update(dict.fromkeys(due, now))
    return sent


def _sweeper(app: Flask, stop: threading.Event) -> None:
    pushed: dict[int, float] = {}
    last_tick = -1e9
    while not stop.is_set():
        try:
            if worker.tick_due(app, last_tick):
                worker.schedule_tick(app)
                last_tick = time.monotonic()
            sweep(app, pushed)
        except Exception:  # Redis or the database away for a moment: try again
            log.exception("jobs sweep failed; trying again")
        stop.wait(float(app.config["JOBS_POLL_SECONDS"]))


def _worker_class():
    from rq.worker import SimpleWorker

    class Worker(SimpleWorker):
        """RQ's SimpleWorker whose control-channel listener looks up every LISTEN_SECONDS.
        RQ's listener waits 60 s for a message and, with redis-py 8, stopping the worker waits
        for that listener to end: a worker whose channel was not yet subscribed when it stopped
        (a quick burst, a SIGTERM soon after starting) hung for a minute."""

        def subscribe(self):
            self.pubsub = self.connection.pubsub()
            self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
            self.pubsub_thread = self.pubsub.run_in_thread(
                sleep_time=LISTEN_SECONDS,
                daemon=True,
                exception_handler=self._pubsub_exception_handler,
            )

    return Worker


LISTEN_SECONDS = 0.5


def work(app: Flask, burst: bool = False) -> None:
    """An RQ worker (no fork per job) and the sweep, until stopped."""
    bind(app)
    stop = threading.Event()
    thread = threading.Thread(target=_sweeper, args=(app, stop), daemon=True)
    if not burst:
        thread.start()
    try:
        _worker_class()([queue(app)], connection=_redis(app)).work(
            burst=burst, logging_level="WARNING"
        )
    finally:
        stop.set()
