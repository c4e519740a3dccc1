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
from plugin.workflow import schedule

REMIND_DAYS_BEFORE = 7
REMINDED = {"meeting": "Meeting: {}", "review": "Review", "continuation_review": "Decision: {}"}


def dates_on(fields: dict[str, dict], day: dt.date) -> list[tuple[str, dt.date]]:
    """(what, day) for each meeting, review or decision whether to carry on that falls on `day`,
    from the sections' fields (section key → fields): a recurring meeting or review falls on each
    of its dates (the calendar's own recurrence rules), not only on its first."""
    found = []
    for item in schedule.dated_items(fields):
        label = REMINDED.get(item.kind)
        if label and next(schedule.occurrences(item, day, day), None) == day:
            found.append((label.format(item.title[:100]), day))
    return found


@periodic
def remind_dates(run) -> None:
    session = run.write()
    target = clock.today() + dt.timedelta(days=REMIND_DAYS_BEFORE)
    rows = session.execute(
        sa.select(Revision.agreement_id, Revision.section_key, Revision.fields)
        .join(Agreement, Agreement.id == Revision.agreement_id)
        .where(Revision.current, Revision.section_key.in_(schedule.SECTIONS))
    ).all()
    by_agreement: dict[int, dict[str, dict]] = {}
    for agreement_id, section, fields in rows:
        by_agreement.setdefault(agreement_id, {})[section] = fields or {}
    for agreement_id, fields in by_agreement.items():
        due = dates_on(fields, target)
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
