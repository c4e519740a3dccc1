"""Rate limits on password attempts, counted in the database (no process memory), so they hold
across processes and restarts, over a sliding window:

- per account *and* address together: failures from one address slow down (then refuse) that
  address for that account only, so a stranger elsewhere cannot lock the owner out;
- per address: one address guessing at many accounts;
- a looser ceiling per account over every address (a guess spread over many addresses): past it,
  only addresses the account has signed in from within the kept history are still let in, so the
  owner, from where they usually sign in, is not locked out either.
"""

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


def _last_success(session: Session, account: str, ip: str | None = None):
    query = sa.select(sa.func.max(LoginAttempt.created_at)).where(
        LoginAttempt.account == account, LoginAttempt.succeeded.is_(True)
    )
    if ip is not None:
        query = query.where(LoginAttempt.ip == ip)
    return session.scalar(query)


def check(session: Session, account: str, ip: str) -> None:
    """Raises TooManyAttempts (429) when this address has failed too often for this account,
    or at all, or when the account has failed too often everywhere and this address is new."""
    since = utcnow() - _window()
    failures = sa.select(sa.func.count()).select_from(LoginAttempt).where(~LoginAttempt.succeeded)
    config = current_app.config
    pair_since = max(since, _last_success(session, account, ip) or since)
    pair_failures = session.scalar(
        failures.where(
            LoginAttempt.account == account,
            LoginAttempt.ip == ip,
            LoginAttempt.created_at >= pair_since,
        )
    )
    ip_failures = session.scalar(
        failures.where(LoginAttempt.ip == ip, LoginAttempt.created_at >= since)
    )
    refused = (
        pair_failures >= config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
        or ip_failures >= config["LOGIN_MAX_FAILURES_PER_IP"]
    )
    if not refused:
        account_since = max(since, _last_success(session, account) or since)
        account_failures = session.scalar(
            failures.where(
                LoginAttempt.account == account, LoginAttempt.created_at >= account_since
            )
        )
        ceiling = config["LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES"]
        refused = account_failures >= ceiling and _last_success(session, account, ip) is None
    if refused:
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
