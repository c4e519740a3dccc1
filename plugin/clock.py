"""Today's date where the agreements are: the one clock every date check and reminder reads.

Dates in agreements are calendar days in the deployment's time zone (`PA_TIME_ZONE`), so "today"
is the date there, not in UTC. `PA_TODAY` (an ISO date) fixes it, for demonstrations and for tests
that must judge fixed example dates; production leaves it empty.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import current_app


def today() -> dt.date:
    """Today in the deployment's time zone, or the fixed `TODAY` when one is set."""
    fixed = current_app.config.get("TODAY")
    if fixed:
        return fixed if isinstance(fixed, dt.date) else dt.date.fromisoformat(str(fixed))
    return dt.datetime.now(ZoneInfo(current_app.config.get("TIME_ZONE") or "Europe/London")).date()


def day_mark() -> str:
    """Today as it goes into ETags: a body that judges dates against today changes with it."""
    return today().strftime("%Y%m%d")
