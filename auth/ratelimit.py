"""Rate limits on password attempts, counted in the database (no process memory), so they hold
across processes and restarts: per account and per client address, over a sliding window."""

from __future__ import annotations

import datetime as dt
import logging

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from plugin.store.login_models import LoginAttempt
from plugin.store.models import utcnow
from plugin.workflow.errors import DomainError

log = logging.getLogger(__name__)


class TooManyAttempts(DomainError):
    status = 429
    title = "Too many attempts"


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=float(current_app.config["LOGIN_WINDOW_MINUTES"]))


def check(session: Session, account: str, ip: str) -> None:
    """Raises TooManyAttempts (429) when the account or the address has failed too often."""
    since = utcnow() - _window()
    last_success = session.scalar(
        sa.select(sa.func.max(LoginAttempt.created_at)).where(
            LoginAttempt.account == account, LoginAttempt.succeeded.is_(True)
        )
    )
    failures = sa.select(sa.func.count()).select_from(LoginAttempt).where(~LoginAttempt.succeeded)
    account_failures = session.scalar(
        failures.where(
            LoginAttempt.account == account,
            LoginAttempt.created_at >= max(since, last_success or since),
        )
    )
    ip_failures = session.scalar(
        failures.where(LoginAttempt.ip == ip, LoginAttempt.created_at >= since)
    )
    config = current_app.config
    if (
        account_failures >= config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
        or ip_failures >= config["LOGIN_MAX_FAILURES_PER_IP"]
    ):
        log.warning("sign-in refused: too many failures (account %r, address %s)", account, ip)
        minutes = int(config["LOGIN_WINDOW_MINUTES"])
        raise TooManyAttempts(
            f"Too many failed sign-ins. Wait {minutes} minutes, then try again.",
        )


def record(session: Session, account: str, ip: str, succeeded: bool) -> None:
    """Keep one attempt; rows older than the window (and a day) are pruned as new ones come."""
    session.add(LoginAttempt(account=account, ip=ip, succeeded=succeeded))
    keep = max(dt.timedelta(days=1), _window())
    session.execute(sa.delete(LoginAttempt).where(LoginAttempt.created_at < utcnow() - keep))
