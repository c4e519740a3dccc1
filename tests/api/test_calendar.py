"""The agreement's dates as iCalendar: parsed back with `icalendar` and expanded with
`recurring-ical-events` (a second parser, ical.js, reads the same file in tests/js); the feed
URL works without a token until revoked; non-members get nothing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from plugin.documents.calendar import SectionStamp, calendar_of
from plugin.workflow.schedule import SECTIONS
from tests.conftest import create_agreement

LONDON = ZoneInfo("Europe/London")
FIXTURE = Path(__file__).parents[1] / "js" / "fixtures" / "agreement-calendar.ics"
MEETINGS = {
    "meetings": [
        {
            "name": "Steering group & <friends>",
            "frequency": "monthly",
            "first_date": "2027-01-19",  # the third Tuesday
            "start_time": "16:00",
            "duration_minutes": 90,
        },
        {
            "name": "Lead workers' check-in",
            "frequency": "fortnightly",
            "first_date": "2027-01-11",
            "start_time": "09:30",
            "duration_minutes": 30,
        },
        {"name": "Managers' review", "frequency": "termly", "first_date": "2027-01-25"},
        {"name": "No date yet", "frequency": "weekly"},
    ]
}
REVIEW = {"review_frequency": "quarterly", "next_review": "2027-03-15"}
ENDING = {"end_date": "2027-12-31", "notice_period": "three months"}
FIELDS = {
    "meetings_and_communication": MEETINGS,
    "review_and_revision": REVIEW,
    "duration_and_ending": ENDING,
}
# Third Tuesdays of 2027, worked out by hand from the calendar.
STEERING = [(1, 19), (2, 16), (3, 16), (4, 20), (5, 18), (6, 15)]
STEERING += [(7, 20), (8, 17), (9, 21), (10, 19), (11, 16), (12, 21)]


def _dated_agreement(owner) -> int:
    state = create_agreement(owner)
    for key, fields in FIELDS.items():
        saved = owner.put(
            f"/agreements/{state['id']}/sections/{key}",
            json={"base_revision": 0, "fields": fields},
        )
        assert saved.status_code == 201, saved.json
    return state["id"]


def _download(caller, aid: int) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(caller.get(f"/agreements/{aid}/calendar.ics").data)


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]).split(" (")[0]: e for e in calendar.walk("VEVENT")}


def _starts(calendar, summary: str) -> list:
    found = recurring_ical_events.of(calendar).between(dt.date(2026, 1, 1), dt.date(2029, 1, 1))
    return sorted(e["DTSTART"].dt for e in found if str(e["SUMMARY"]).startswith(summary))


def test_download_parses_and_recurrence_expands_to_the_expected_dates(make_caller):
    owner = make_caller("Joe Lindsay")
    aid = _dated_agreement(owner)
    answer = owner.get(f"/agreements/{aid}/calendar.ics")
    assert answer.status_code == 200
    assert answer.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(answer.data)
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/London"
    events = _events(calendar)
    assert set(events) == {
        "Steering group & <friends>",  # user text as typed (no markup in iCalendar)
        "Lead workers' check-in",
        "Managers' review",
        "Review of the agreement",
        "The agreement ends",
    }
    steering = events["Steering group & <friends>"]
    assert steering["RRULE"]["FREQ"] == ["MONTHLY"] and steering["RRULE"]["BYDAY"] == ["3TU"]
    assert steering["DTSTART"].params["TZID"] == "Europe/London"
    assert _starts(calendar, "Steering group") == [
        dt.datetime(2027, m, d, 16, 0, tzinfo=LONDON) for m, d in STEERING
    ]
    # 16:00 in London is 15:00 UTC in summer (BST) and 16:00 UTC in winter.
    starts = _starts(calendar, "Steering group")
    assert starts[5].astimezone(dt.UTC).hour == 15 and starts[0].astimezone(dt.UTC).hour == 16
    fortnightly = _starts(calendar, "Lead workers")
    day, expected = dt.date(2027, 1, 11), []
    while day <= dt.date(2027, 12, 31):
        expected.append(dt.datetime.combine(day, dt.time(9, 30), LONDON))
        day += dt.timedelta(days=14)
    assert fortnightly == expected and len(expected) == 26
    assert _starts(calendar, "Review of the agreement") == [
        dt.date(2027, 3, 15),
        dt.date(2027, 6, 15),
        dt.date(2027, 9, 15),
        dt.date(2027, 12, 15),
    ]
    assert _starts(calendar, "Managers' review") == [dt.date(2027, 1, 25)]  # termly: one date
    assert _starts(calendar, "The agreement ends") == [dt.date(2027, 12, 31)]


def test_uids_stay_and_sequence_rises_when_a_section_changes(make_caller):
    owner = make_caller()
    aid = _dated_agreement(owner)
    before = _events(_download(owner, aid))
    changed = {"meetings": [dict(MEETINGS["meetings"][0], start_time="17:00")]}
    saved = owner.put(
        f"/agreements/{aid}/sections/meetings_and_communication",
        json={"base_revision": 1, "fields": changed},
    )
    assert saved.status_code == 201
    after = _events(_download(owner, aid))
    name = "Steering group & <friends>"
    assert after[name]["UID"] == before[name]["UID"]
    assert after[name]["SEQUENCE"] == before[name]["SEQUENCE"] + 1 == 2
    assert after[name]["DTSTART"].dt.hour == 17
    assert "LAST-MODIFIED" in after[name]
    assert after["Review of the agreement"]["SEQUENCE"] == 1  # its section did not change
    assert "Lead workers' check-in" not in after


def test_feed_answers_without_a_token_until_revoked(make_caller, client):
    owner = make_caller()
    aid = _dated_agreement(owner)
    made = owner.post(f"/agreements/{aid}/calendar-feed")
    assert made.status_code == 201 and made.headers["Cache-Control"] == "no-store"
    path = made.json["url"].removeprefix("https://localhost:3000")
    assert path.startswith("/calendar/") and path.endswith(".ics")
    feed = client.get(path)
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    assert (
        _events(icalendar.Calendar.from_ical(feed.data)).keys()
        == _events(
            icalendar.Calendar.from_ical(owner.get(f"/agreements/{aid}/calendar.ics").data)
        ).keys()
    )
    # A new URL replaces the old one; revoking ends the new one too.
    newer = owner.post(f"/agreements/{aid}/calendar-feed").json["url"]
    assert client.get(path).status_code == 404
    newer_path = newer.removeprefix("https://localhost:3000")
    assert client.get(newer_path).status_code == 200
    assert owner.delete(f"/agreements/{aid}/calendar-feed").status_code == 204
    gone = client.get(newer_path)
    assert gone.status_code == 404 and gone.mimetype == "application/problem+json"
    assert owner.delete(f"/agreements/{aid}/calendar-feed").status_code == 404
    assert client.get("/calendar/not-a-secret.ics").status_code == 404


def test_non_members_get_neither_the_download_nor_a_feed(make_caller, client):
    owner, stranger = make_caller(), make_caller("Stranger")
    aid = _dated_agreement(owner)
    assert stranger.get(f"/agreements/{aid}/calendar.ics").status_code == 404
    assert stranger.post(f"/agreements/{aid}/calendar-feed").status_code == 404
    assert client.get(f"/api/v1/agreements/{aid}/calendar.ics").status_code == 401


def test_the_node_fixture_is_what_the_server_makes():
    """tests/js/calendar.test.mjs reads this file with ical.js, a second, independent parser.
    PA_WRITE_FIXTURES=1 rewrites it."""
    stamp = SectionStamp(3, dt.datetime(2026, 12, 1, 9, 0))
    made = calendar_of(
        7,
        "Eastfield youth diversion",
        FIELDS,
        dict.fromkeys(SECTIONS, stamp),
        "Europe/London",
        "https://agreements.example.org",
    )
    if os.environ.get("PA_WRITE_FIXTURES"):
        FIXTURE.write_bytes(made)
    assert FIXTURE.read_bytes() == made
