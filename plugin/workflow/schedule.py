"""The agreement's dates, read from its sections' fields: regular meetings (with their
recurrence), reviews, the decision whether to carry on, and the end date.

Pure: the calendar feed (plugin/documents/calendar.py) and "what needs me" both read these
items. Recurrence follows RFC 5545 (FREQ, INTERVAL, BYDAY, UNTIL), expanded with dateutil.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping

from dateutil import rrule

MEETINGS = "meetings_and_communication"
REVIEW = "review_and_revision"
ENDING = "duration_and_ending"
SECTIONS = (MEETINGS, REVIEW, ENDING)
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# How often -> (FREQ, INTERVAL, keep the weekday of the month); termly follows the school
# terms, which no recurrence rule can express: only its first date is placed.
MEETING_CYCLES = {
    "weekly": ("WEEKLY", 1, False),
    "fortnightly": ("WEEKLY", 2, False),
    "monthly": ("MONTHLY", 1, True),
    "quarterly": ("MONTHLY", 3, True),
}
REVIEW_CYCLES = {
    "monthly": ("MONTHLY", 1, False),
    "quarterly": ("MONTHLY", 3, False),
    "six_monthly": ("MONTHLY", 6, False),
    "annually": ("YEARLY", 1, False),
}


@dataclasses.dataclass(frozen=True)
class Recurrence:
    freq: str  # WEEKLY, MONTHLY, YEARLY
    interval: int
    nth_weekday: tuple[int, str] | None  # (n, "TU"): the n-th Tuesday of the month (-1: last)
    until: dt.date | None  # the last day it may fall on (the agreement's end date)


@dataclasses.dataclass(frozen=True)
class Dated:
    """One dated thing of the agreement. `start_time` None: an all-day item."""

    key: str  # stable within the agreement: a calendar's UID is made from it
    kind: str  # "meeting", "review", "continuation_review", "end"
    section_key: str
    title: str
    date: dt.date
    start_time: dt.time | None = None
    minutes: int = 60
    recurrence: Recurrence | None = None
    note: str = ""


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _time(value) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _nth_weekday(day: dt.date) -> tuple[int, str]:
    n = (day.day - 1) // 7 + 1
    return (-1 if n == 5 else n), DAYS[day.weekday()]


def _recurrence(cycles: dict, cycle: str | None, first: dt.date, until: dt.date | None):
    if cycle not in cycles:
        return None
    freq, interval, by_weekday = cycles[cycle]
    return Recurrence(freq, interval, _nth_weekday(first) if by_weekday else None, until)


def _meeting_key(name: str, seen: set[str]) -> str:
    base = "meeting-" + hashlib.sha256(" ".join(name.casefold().split()).encode()).hexdigest()[:12]
    key, n = base, 2
    while key in seen:
        key, n = f"{base}-{n}", n + 1
    seen.add(key)
    return key


def end_of(fields: Mapping[str, dict]) -> dt.date | None:
    """The agreement's end date, unless it is open-ended."""
    ending = fields.get(ENDING) or {}
    return None if ending.get("open_ended") else _date(ending.get("end_date"))


def dated_items(fields: Mapping[str, dict]) -> list[Dated]:
    """Every dated item the sections' fields (section key -> fields) give; undated or
    unreadable entries are left out."""
    until = end_of(fields)
    items: list[Dated] = []
    seen: set[str] = set()
    for i, meeting in enumerate((fields.get(MEETINGS) or {}).get("meetings") or []):
        first = _date(meeting.get("first_date"))
        name = (meeting.get("name") or "").strip() or f"Meeting {i + 1}"
        if first is None:
            continue
        minutes = meeting.get("duration_minutes")
        cycle = meeting.get("frequency")
        items.append(
            Dated(
                _meeting_key(name, seen),
                "meeting",
                MEETINGS,
                name,
                first,
                _time(meeting.get("start_time")),
                int(minutes) if minutes and 0 < minutes <= 24 * 60 else 60,
                _recurrence(MEETING_CYCLES, cycle, first, until),
                "Held once each school term: the later dates follow the term dates."
                if cycle == "termly"
                else "",
            )
        )
    review = fields.get(REVIEW) or {}
    if first := _date(review.get("next_review")):
        cycle = review.get("review_frequency")
        items.append(
            Dated(
                "review",
                "review",
                REVIEW,
                "Review of the agreement",
                first,
                recurrence=_recurrence(REVIEW_CYCLES, cycle, first, until),
                note="Reviewed every school term: the later dates follow the term dates."
                if cycle == "termly"
                else "",
            )
        )
    ending = fields.get(ENDING) or {}
    if ending.get("open_ended") and (when := _date(ending.get("continuation_review"))):
        items.append(
            Dated(
                "continuation-review",
                "continuation_review",
                ENDING,
                "Decide whether the agreement carries on",
                when,
            )
        )
    if until is not None:
        items.append(Dated("end", "end", ENDING, "The agreement ends", until))
    return items


def rule_of(item: Dated) -> rrule.rrule | None:
    """The item's recurrence as a dateutil rule (in local, naive dates and times)."""
    r = item.recurrence
    if r is None:
        return None
    start = dt.datetime.combine(item.date, item.start_time or dt.time())
    weekday = None
    if r.nth_weekday:
        n, day = r.nth_weekday
        weekday = getattr(rrule, day)(n)
    until = dt.datetime.combine(r.until, dt.time(23, 59, 59)) if r.until else None
    freq = {"WEEKLY": rrule.WEEKLY, "MONTHLY": rrule.MONTHLY, "YEARLY": rrule.YEARLY}[r.freq]
    return rrule.rrule(
        freq, dtstart=start, interval=r.interval, byweekday=weekday, until=until, cache=False
    )


def occurrences(item: Dated, start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The days from `start` to `end` (both included) on which the item falls."""
    rule = rule_of(item)
    if rule is None:
        if start <= item.date <= end:
            yield item.date
        return
    after = dt.datetime.combine(start, dt.time())
    before = dt.datetime.combine(end, dt.time(23, 59, 59))
    for when in rule.between(after, before, inc=True):
        yield when.date()


def next_on_or_after(item: Dated, day: dt.date, within_days: int) -> dt.date | None:
    """The item's first day from `day` to `day + within_days`, or None."""
    return next(occurrences(item, day, day + dt.timedelta(days=within_days)), None)
