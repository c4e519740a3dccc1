"""Reminders of dates that come near (7 days before), and the daily digest: periodic tasks of
the scheduler tick (jobs/ticks.py), never a browser. Each reminder's mail job is keyed by
(agreement, what, date, person), and each digest by (person, day), so a tick that runs twice
sends nothing twice."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from plugin import clock
from plugin.jobs import enqueue
from plugin.jobs.ticks import periodic
from plugin.mail.links import pane_link
from plugin.store.mail_models import DigestItem, NotificationPreference
from plugin.store.models import Agreement, Member, Revision, User

REMIND_DAYS_BEFORE = 7
REVIEW = ("review_and_revision", "next_review")
MEETINGS = ("meetings_and_communication", "meetings")
MEETING_DATE_KEYS = ("date", "next_date", "first_date", "starts_on")  # if the catalogue has one


def _date(value) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def key_dates(fields: dict[str, dict]) -> list[tuple[str, dt.date]]:
    """(what, date) of an agreement's review and meetings, from its sections' fields (section
    key → fields): the review's `next_review`, and a meeting record's date if it has one."""
    found: list[tuple[str, dt.date]] = []
    review = _date((fields.get(REVIEW[0]) or {}).get(REVIEW[1]))
    if review:
        found.append(("Review", review))
    for record in (fields.get(MEETINGS[0]) or {}).get(MEETINGS[1]) or []:
        if not isinstance(record, dict):
            continue
        for key in MEETING_DATE_KEYS:
            when = _date(record.get(key))
            if when:
                name = str(record.get("name") or "Meeting")[:100]
                found.append((f"Meeting: {name}" if name != "Meeting" else "Meeting", when))
                break
    return found


@periodic
def remind_dates(run) -> None:
    session = run.write()
    target = clock.today() + dt.timedelta(days=REMIND_DAYS_BEFORE)
    rows = session.execute(
        sa.select(Revision.agreement_id, Revision.section_key, Revision.fields)
        .join(Agreement, Agreement.id == Revision.agreement_id)
        .where(Revision.current, Revision.section_key.in_((REVIEW[0], MEETINGS[0])))
    ).all()
    by_agreement: dict[int, dict[str, dict]] = {}
    for agreement_id, section, fields in rows:
        by_agreement.setdefault(agreement_id, {})[section] = fields or {}
    for agreement_id, fields in by_agreement.items():
        due = [(what, when) for what, when in key_dates(fields) if when == target]
        if not due:
            continue
        agreement = session.get(Agreement, agreement_id)
        members = session.scalars(sa.select(Member).where(Member.agreement_id == agreement_id))
        for member in members:
            for what, when in due:
                enqueue(
                    session,
                    "mail",
                    {
                        "template": "date_near",
                        "to": member.user.email,
                        "user_id": member.user_id,
                        "data": {
                            "agreement_title": agreement.title,
                            "what": what,
                            "date": when.isoformat(),
                            "link": pane_link(agreement_id),
                        },
                    },
                    f"remind:{agreement_id}:{what}:{when.isoformat()}:{member.user_id}",
                )
    session.commit()


@periodic
def send_digests(run) -> None:
    """Once a day per person: everything kept for their digest since the last one."""
    session = run.write()
    day = clock.today().isoformat()
    waiting = (
        session.execute(
            sa.select(DigestItem.user_id)
            .join(NotificationPreference, NotificationPreference.user_id == DigestItem.user_id)
            .where(DigestItem.sent_on.is_(None), NotificationPreference.mode == "digest")
            .distinct()
        )
        .scalars()
        .all()
    )
    for user_id in waiting:
        items = session.scalars(
            sa.select(DigestItem)
            .where(DigestItem.user_id == user_id, DigestItem.sent_on.is_(None))
            .order_by(DigestItem.id)
        ).all()
        user = session.get(User, user_id)
        added = enqueue(
            session,
            "mail",
            {
                "template": "digest",
                "to": user.email,
                "user_id": user_id,
                "data": {
                    "items": [{"summary": i.summary, "link": i.link} for i in items],
                    "link": pane_link(),
                },
            },
            f"digest:{user_id}:{day}",
        )
        if added is not None:
            for item in items:
                item.sent_on = day
    session.commit()
