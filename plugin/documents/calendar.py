"""The agreement's dates as an iCalendar document (RFC 5545), made with the `icalendar` library.

Meetings carry their recurrence as an RRULE; times are in the agreement's time zone, whose
VTIMEZONE is included. Each item's UID is fixed by the agreement and the item, so a calendar
that subscribes updates its events rather than adding them again; SEQUENCE is the revision
number of the section the item comes from, LAST-MODIFIED (and DTSTAMP, RFC 5545 3.8.7.2 for a
calendar without METHOD) that revision's time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from plugin.workflow.schedule import Dated, dated_items

PRODID = "-//Partnership Agreements for Word//Calendar//EN"


@dataclass(frozen=True)
class SectionStamp:
    """Where an item's data was last changed: the section's current revision."""

    number: int
    created_at: dt.datetime  # naive UTC


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC)


def _rrule(item: Dated, zone: ZoneInfo) -> dict:
    r = item.recurrence
    rule: dict = {"FREQ": r.freq}
    if r.interval != 1:
        rule["INTERVAL"] = r.interval
    if r.nth_weekday:
        n, day = r.nth_weekday
        rule["BYDAY"] = f"{n}{day}"
    if r.until:
        if item.start_time is None:  # an all-day series: UNTIL is a date (RFC 5545 3.3.10)
            rule["UNTIL"] = r.until
        else:  # with a local DTSTART, UNTIL is in UTC
            last = dt.datetime.combine(r.until, dt.time(23, 59, 59), zone)
            rule["UNTIL"] = last.astimezone(dt.UTC)
    return rule


def _event(
    item: Dated, agreement_id: int, title: str, domain: str, stamp: SectionStamp, zone, link
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"agreement-{agreement_id}-{item.key}@{domain}")
    event.add("summary", f"{item.title} ({title})")
    if item.start_time is None:
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        start = dt.datetime.combine(item.date, item.start_time, zone)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=item.minutes))
    if item.recurrence is not None:
        event.add("rrule", _rrule(item, zone))
    event.add("dtstamp", _utc(stamp.created_at))
    event.add("last-modified", _utc(stamp.created_at))
    event.add("sequence", stamp.number)
    event.add("description", "\n".join(x for x in (item.note, f"The agreement: {link}") if x))
    event.add("url", link)
    return event


def calendar_of(
    agreement_id: int,
    title: str,
    fields: Mapping[str, dict],
    stamps: Mapping[str, SectionStamp],
    time_zone: str,
    origin: str,
) -> bytes:
    """The agreement's calendar. `fields` and `stamps` are keyed by section key (the current
    revisions of the meetings, review and ending sections). Raises ZoneInfoNotFoundError for
    an unknown time zone."""
    zone = ZoneInfo(time_zone)
    domain = origin.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    link = f"{origin.rstrip('/')}/pane/#agreement={agreement_id}"
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", time_zone)
    items = dated_items(fields)
    for item in items:
        calendar.add_component(
            _event(item, agreement_id, title, domain, stamps[item.section_key], zone, link)
        )
    if any(item.start_time is not None for item in items):
        first = min(item.date for item in items)
        calendar.add_missing_timezones(first_date=first - dt.timedelta(days=366))
    return calendar.to_ical()
