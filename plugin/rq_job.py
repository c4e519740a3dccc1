"""RQ's entry point for a job: at the app factory's level, since a plain `rq worker` process
has no app until it builds one (plugin/jobs/redis_queue.py names this function)."""

from __future__ import annotations

from . import create_app
from .jobs.redis_queue import run_bound


def run_job(job_id: int) -> bool:
    """Run database job `job_id` if it is still due; False when there was nothing to do."""
    return run_bound(job_id, create_app)
