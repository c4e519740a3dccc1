"""The invitation mail: its link goes to the invitee only (the audit event never carries it)."""

from __future__ import annotations

from plugin.store.db import get_session
from plugin.store.models import Agreement, Invitation, User

from . import invitation_sent


def mail_invitation(
    agreement: Agreement, invitation: Invitation, email: str, link: str, inviter: User
) -> None:
    """Queue the mail in the request's write transaction."""
    party = next((p.name for p in agreement.parties if p.id == invitation.party_id), "")
    invitation_sent(
        get_session(),
        invitation_id=invitation.id,
        email=email.strip(),
        link=link,
        data={
            "agreement_title": agreement.title,
            "kind": agreement.kind,
            "party_name": party,
            "role": invitation.role,
            "inviter": inviter.name,
            "expires": invitation.expires_at.strftime("%d %B %Y %H:%M UTC"),
        },
    )
