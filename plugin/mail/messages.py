"""What each message says. Every message has a plain-text and an HTML part (user text
escaped), a link straight into the pane, and nothing beyond the agreement's title and section
names: no clause text, no comments."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate


@dataclass(frozen=True)
class Content:
    subject: str
    lines: list[str]
    link_label: str
    link: str
    more_links: list[tuple[str, str]] = field(default_factory=list)


def _title(data: dict) -> str:
    return f"“{data.get('agreement_title', '')}”"


def _co_working(data: dict) -> bool:
    """A co-working agreement speaks of workers, never of partners (older queued mail has no
    kind: a partnership)."""
    return data.get("kind") == "co_working"


def invitation(d: dict) -> Content:
    return Content(
        f"You are invited to {_title(d)}",
        [
            f"{d['inviter']} invites you to speak for {d['party_name']} ({d['role']}) in the "
            f"{'co-working' if _co_working(d) else 'partnership'} agreement {_title(d)}.",
            f"The link works once and until {d['expires']}.",
        ],
        "Open the invitation",
        d["link"],
    )


def approval_needed(d: dict) -> Content:
    return Content(
        f"Your approval is needed: {d['section_title']}, {_title(d)}",
        [
            f"The section “{d['section_title']}” of {_title(d)} has new wording "
            f"(revision {d['revision']}), and {d['party_name']} has not approved it yet.",
        ],
        "Read and approve it",
        d["link"],
    )


def approval_reset(d: dict) -> Content:
    return Content(
        f"Your approval was reset: {d['section_title']}, {_title(d)}",
        [
            f"You approved “{d['section_title']}” of {_title(d)} for {d['party_name']}. "
            f"It has changed since (revision {d['revision']}), so that approval no longer applies.",
            "Read the new wording and approve it again, or ask for changes.",
        ],
        "Read the new wording",
        d["link"],
    )


def change_requested(d: dict) -> Content:
    return Content(
        f"Changes requested: {d['section_title']}, {_title(d)}",
        [f"{d['party_name']} asked for changes to “{d['section_title']}” of {_title(d)}."],
        "See the request",
        d["link"],
    )


def finalised(d: dict) -> Content:
    return Content(
        f"Agreed and final: {_title(d)} (version {d['version']})",
        [
            f"Every {'worker' if _co_working(d) else 'partner'} has approved {_title(d)}: "
            f"version {d['version']} is final."
        ],
        "Open the agreement",
        d["link"],
        [("Download the .docx", d["docx"]), ("Download the PDF", d["pdf"])],
    )


def renegotiated(d: dict) -> Content:
    return Content(
        f"Reopened as version {d['version']}: {_title(d)}",
        [
            f"{_title(d)} is open again as version {d['version']}. It starts with the agreed "
            "wording and no approvals.",
        ],
        "Open the agreement",
        d["link"],
    )


def date_near(d: dict) -> Content:
    return Content(
        f"{d['what']} on {d['date']}: {_title(d)}",
        [f"{_title(d)}: {d['what'].lower()} is due on {d['date']}, in 7 days."],
        "Open the agreement",
        d["link"],
    )


def verify_email(d: dict) -> Content:
    return Content(
        "Confirm your email address",
        [
            f"Follow the link to confirm that {d['email']} is yours. Approvals you give will "
            "then show this address as verified by this service.",
            f"The link works for {d['hours']} hours.",
        ],
        "Confirm my address",
        d["link"],
    )


def digest(d: dict) -> Content:
    return Content(
        f"Your partnership agreements today ({len(d['items'])})",
        [item["summary"] for item in d["items"]],
        "Open the pane",
        d["link"],
        [(item["summary"], item["link"]) for item in d["items"]],
    )


TEMPLATES: dict[str, Callable[[dict], Content]] = {
    f.__name__: f
    for f in (
        invitation,
        approval_needed,
        approval_reset,
        change_requested,
        finalised,
        renegotiated,
        date_near,
        verify_email,
        digest,
    )
}


def build(
    template: str,
    data: dict,
    *,
    sender: str,
    to: str,
    message_id: str,
    unsubscribe: str | None,
) -> EmailMessage:
    """The message: text and HTML alternatives, the RFC 8058 headers when `unsubscribe`."""
    content = TEMPLATES[template](data)
    message = EmailMessage()
    message["Subject"] = content.subject
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    text = [*content.lines, "", f"{content.link_label}: {content.link}"]
    text += [f"{label}: {url}" for label, url in content.more_links]
    footer = "You get this because you take part in an agreement on Partnership Agreements."
    if unsubscribe:
        footer += f"\nStop these messages: {unsubscribe}"
    message.set_content("\n".join([*text, "", "--", footer]) + "\n", cte="quoted-printable")
    e = html.escape
    body = "".join(f"<p>{e(line)}</p>" for line in content.lines)
    body += f'<p><a href="{e(content.link)}">{e(content.link_label)}</a></p>'
    if content.more_links:
        body += (
            "<ul>"
            + "".join(
                f'<li><a href="{e(url)}">{e(label)}</a></li>' for label, url in content.more_links
            )
            + "</ul>"
        )
    foot = e(footer.split("\n")[0])
    if unsubscribe:
        foot += f' <a href="{e(unsubscribe)}">Stop these messages</a>.'
    message.add_alternative(
        f'<!doctype html><html><body style="font-family:sans-serif">{body}'
        f'<hr><p style="color:#555;font-size:small">{foot}</p></body></html>',
        subtype="html",
        cte="quoted-printable",
    )
    return message
