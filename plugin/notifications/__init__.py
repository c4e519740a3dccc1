"""Who hears about what (#14). Notifications derive from the audit events a write adds: a hook
on the session's flush turns each event that matters into one "notify" job, in the same
transaction (so an event of a rolled-back write sends nothing, and none is lost). The notify job
then works out the recipients and adds one "mail" job per person, keyed by event and person,
so nobody gets the same event twice. The few notices that no event carries (the invitation
link, which only its recipient may see; verifying an address) are explicit calls below.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from plugin.jobs import enqueue
from plugin.jobs.outbox import add_rows
from plugin.store.models import Event

# Audit event kinds that notify someone, and the jobs each one causes.
NOTIFYING = {"revision_added", "change_requested", "finalised", "renegotiated"}


def init_app(app: Flask) -> None:
    app.config.setdefault("NOTIFICATIONS", True)
    from . import fan_out, final_pdf, reminders  # noqa: F401  (register job kinds and ticks)

    if str(app.config["NOTIFICATIONS"]).lower() in ("0", "false", "no", "off"):
        return

    @sa_event.listens_for(app.extensions["store"], "after_flush")
    def events_to_jobs(session: Session, _context) -> None:
        rows = []
        for row in session.new:
            if isinstance(row, Event) and row.kind in NOTIFYING:
                at = {"agreement_id": row.agreement_id, "seq": row.seq}
                rows.append(("notify", at, f"notify:{row.agreement_id}:{row.seq}", None))
                if row.kind == "finalised":
                    pdf = {"agreement_id": row.agreement_id, "version": row.data["version"]}
                    key = f"final_pdf:{row.agreement_id}:{row.data['version']}"
                    rows.append(("final_pdf", pdf, key, None))
        if rows:
            add_rows(session.connection(), rows, session)


def invitation_sent(
    session: Session, *, invitation_id: int, email: str, link: str, data: dict
) -> None:
    """Mail an invitation's link to `email` (in the caller's transaction)."""
    enqueue(
        session,
        "mail",
        {
            "template": "invitation",
            "to": email,
            "transactional": True,
            "data": {**data, "link": link},
        },
        f"invitation:{invitation_id}",
    )


def ask_to_verify(session: Session, user) -> None:
    """Mail the user a signed, expiring link that confirms their address (built-in accounts)."""
    from flask import current_app

    from plugin.mail.links import verification_link

    hours = float(current_app.config["EMAIL_VERIFICATION_HOURS"])
    link = verification_link(user.id, user.email)
    verification_requested(session, user.id, user.email, link, hours)


def verification_requested(
    session: Session, user_id: int, email: str, link: str, hours: float
) -> None:
    """Mail a link that confirms `email` is the user's (in the caller's transaction)."""
    enqueue(
        session,
        "mail",
        {
            "template": "verify_email",
            "to": email,
            "user_id": user_id,
            "transactional": True,
            "data": {"email": email, "link": link, "hours": int(hours)},
        },
        f"verify:{user_id}:{email}",
    )
