"""Who you are, and joining agreements by invitation."""

from __future__ import annotations

from flask import current_app

from plugin.store import agreements as store
from plugin.store import invitations
from plugin.store.db import get_session, write_session
from plugin.store.models import User
from plugin.workflow import roles

from . import bp
from . import schemas as s
from .routing import ID, operation
from .views import user_out


@operation(bp, "/me", "GET", summary="The signed-in user", responses={200: s.UserOut})
def me(user: User):
    return user_out(user)


@operation(
    bp,
    f"/agreements/<{ID}:agreement_id>/invitations",
    "POST",
    summary="Invite someone to speak for a party: a single-use, expiring link",
    body=s.InvitationCreate,
    responses={201: s.InvitationOut},
    errors=(403, 404, 422),
)
def create_invitation(user: User, agreement_id: int, body: s.InvitationCreate):
    agreement, member = store.find(write_session(), agreement_id, user, lock=True)
    roles.require(member.role, "invite")
    hours = float(current_app.config["INVITATION_LIFETIME_HOURS"])
    token, invitation = invitations.create(
        get_session(), agreement, body.party_id, body.role, user, hours
    )
    get_session().commit()
    origin = current_app.config["PUBLIC_ORIGIN"].rstrip("/")
    return s.InvitationOut(
        token=token,
        url=f"{origin}/invitations/{token}",
        party_id=invitation.party_id,
        role=invitation.role,
        expires_at=invitation.expires_at,
    )


@operation(
    bp,
    "/invitations/<string(maxlength=100):token>/accept",
    "POST",
    summary="Accept an invitation: you become a member of that party",
    responses={200: s.MembershipOut},
    errors=(404, 409, 410),
)
def accept_invitation(user: User, token: str):
    member = invitations.accept(write_session(), token, user)
    get_session().commit()
    return s.MembershipOut(
        agreement_id=member.agreement_id, party_id=member.party_id, role=member.role
    )
