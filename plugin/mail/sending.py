"""The "mail" job kind: one message to one person, sent at most once.

The guarantee, exactly: the job's dedupe key (one per recipient per event) makes at most one
job per person per event. The job commits state "sending" (with its Message-ID) after the relay
has accepted MAIL FROM and RCPT TO and before DATA. A worker killed before that point leaves
the job "running": once its lease runs out another worker sends it (nothing reached the relay's
queue). A worker killed after that point leaves it "sending": it is never sent again by itself;
it becomes "failed" with a message naming the Message-ID, for a person to check and
`flask jobs retry`. So a message is never sent twice automatically, and none is lost silently.
Without a relay, the .eml file is written under a name fixed by the job, once.
"""

from __future__ import annotations

import email.policy
import hashlib
import logging
import os
import smtplib
from email.utils import parseaddr
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from plugin.jobs import PermanentFailure, job_kind
from plugin.store.mail_models import DigestItem
from plugin.store.models import utcnow

from . import links, messages, preferences
from .transport import RelayRefused, connect, relay_from

log = logging.getLogger(__name__)


def message_id(run) -> str:
    domain = parseaddr(current_app.config["MAIL_FROM"])[1].rpartition("@")[2] or "localhost"
    digest = hashlib.sha256(run.dedupe_key.encode()).hexdigest()[:16]
    return f"<pa.{run.job_id}.{digest}@{domain}>"


@job_kind("mail")
def send(run) -> None:
    payload = run.payload
    template, data, to = payload["template"], payload["data"], payload["to"]
    user_id = payload.get("user_id")
    unsubscribe = None
    if user_id is not None and not payload.get("transactional"):
        mode = preferences.mode_of(run.session, user_id)
        if mode == "none":
            return
        if mode == "digest" and template != "digest":
            _keep_for_digest(run, user_id, template, data)
            return
        unsubscribe = links.unsubscribe_link(user_id)
    mid = message_id(run)
    message = messages.build(
        template,
        data,
        sender=current_app.config["MAIL_FROM"],
        to=to,
        message_id=mid,
        unsubscribe=unsubscribe,
    )
    relay = relay_from(current_app.config)
    raw = message.as_bytes(policy=email.policy.SMTP)
    if relay is None:
        _write_eml(run, template, raw)
    else:
        _send_smtp(run, relay, to, mid, raw)
    if template == "invitation":  # the link is a secret: it stays in the mail only
        run.replace_payload({**payload, "data": {**data, "link": "(sent)"}})


def _keep_for_digest(run, user_id: int, template: str, data: dict) -> None:
    content = messages.TEMPLATES[template](data)
    run.write()
    statement = sa.select(DigestItem.id).where(DigestItem.dedupe_key == run.dedupe_key).limit(1)
    if run.session.scalar(statement) is None:
        run.session.add(
            DigestItem(
                user_id=user_id,
                dedupe_key=run.dedupe_key,
                summary=content.subject[:500],
                link=content.link[:500],
                created_at=utcnow(),
            )
        )
    run.session.commit()


def _write_eml(run, template: str, raw: bytes) -> None:
    folder = Path(current_app.instance_path) / "outbox"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run.job_id:06d}-{template}.eml"
    if path.exists():
        return
    partial = path.with_suffix(".part")
    partial.write_bytes(raw)
    os.replace(partial, path)
    log.info("no SMTP relay configured (PA_SMTP_URL): message written to %s", path)


def _send_smtp(run, relay, to: str, mid: str, raw: bytes) -> None:
    sender = parseaddr(current_app.config["MAIL_FROM"])[1]
    try:
        smtp = connect(relay)
    except RelayRefused as error:
        raise PermanentFailure(str(error)) from error
    except (OSError, smtplib.SMTPException) as error:
        raise ConnectionError(f"Could not reach the mail relay {relay.where}: {error}") from error
    try:
        code, reply = smtp.mail(sender)
        if code != 250:
            raise PermanentFailure(
                f"The relay {relay.where} refused the sender {sender}: "
                f"{code} {reply.decode(errors='replace')}"
            )
        code, reply = smtp.rcpt(to)
        if code not in (250, 251):
            text = f"{code} {reply.decode(errors='replace')}"
            if 400 <= code < 500:
                raise ConnectionError(
                    f"The relay {relay.where} deferred the recipient {to}: {text}"
                )
            raise PermanentFailure(f"The relay {relay.where} refused the recipient {to}: {text}")
        run.mark_sending(mid)
        try:
            code, reply = smtp.data(raw)
        except smtplib.SMTPDataError as error:
            run.unmark_sending()  # a definite refusal: nothing was delivered
            code, reply = error.smtp_code, error.smtp_error
        if code != 250:
            text = f"{code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
            if code >= 500:
                raise PermanentFailure(
                    f"The relay {relay.where} refused the message to {to}: {text}"
                )
            raise ConnectionError(f"The relay {relay.where} deferred the message to {to}: {text}")
        log.info("mail %s sent to %s through %s", mid, to, relay.where)
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()
