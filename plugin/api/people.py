"""Who you are, and who speaks for each party: invitations (create, list, revoke, accept) and
members (remove). The rules of who may change a party's people are in workflow/roles.py."""

from __future__ import annotations

from flask import current_app

from auth.identities import email_verifier
from plugin.notifications.invitations import mail_invitation
from plugin.store import agreements as store
from plugin.store import invitations
from plugin.store.db import get_session, write_session
from plugin.store.models import Agreement, User

from . import bp
from . import schemas as s
from .answers import no_content, tag_of
from .routing import ID, operation
from .views import invitation_listed, user_out

INVITATIONS = f"/agreements/<{ID}:agreement_id>/invitations"


@operation(bp, "/me", "GET", summary="The signed-in user", responses={200: s.MeOut})
def me(user: User):
    verifier = email_verifier(get_session(), user)
    return s.MeOut(
        **user_out(user).model_dump(),
        email_verified=verifier is not None,
        email_verified_by=verifier,
    )


def _private(model: s.Out, status: int) -> tuple[dict, int, dict]:
    """An answer carrying a token: never kept by a cache."""
    return model.model_dump(mode="json"), status, {"Cache-Control": "no-store"}


@operation(
    bp,
    INVITATIONS,
    "POST",
    summary="Invite someone to speak for a party: a single-use, expiring link",
    body=s.InvitationCreate,
    responses={201: s.InvitationOut},
    errors=(403, 404, 422),
)
def create_invitation(user: User, agreement_id: int, body: s.InvitationCreate):
    agreement, member = store.find(write_session(), agreement_id, user, lock=True)
    hours = float(current_app.config["INVITATION_LIFETIME_HOURS"])
    token, invitation = invitations.create(
        get_session(), agreement, member, body.party_id, body.role, hours
    )
    origin = current_app.config["PUBLIC_ORIGIN"].rstrip("/")
    if body.email:
        mail_invitation(
            agreement, invitation, body.email, f"{origin}/pane/#invitation={token}", user
        )
    return _private(
        s.InvitationOut(
            id=invitation.id,
            token=token,
            url=f"{origin}/pane/#invitation={token}",
            party_id=invitation.party_id,
            role=invitation.role,
            expires_at=invitation.expires_at,
            etag=tag_of(agreement, member),
        ),
        201,
    )


@operation(
    bp,
    INVITATIONS,
    "GET",
    summary="The open invitations of every party (any member may see them)",
    responses={200: s.InvitationList},
    errors=(404,),
)
def list_invitations(user: User, agreement_id: int):
    session = get_session()
    agreement, _ = store.find(session, agreement_id, user)
    return s.InvitationList(
        invitations=[
            invitation_listed(i) for i in invitations.open_invitations(session, agreement.id)
        ]
    )


@operation(
    bp,
    INVITATIONS + f"/<{ID}:invitation_id>",
    "DELETE",
    summary="Revoke an open invitation (the party's approvers; the owner before it has one)",
    responses={204: None},
    errors=(403, 404),
)
def revoke_invitation(user: User, agreement_id: int, invitation_id: int):
    agreement, member = store.find(write_session(), agreement_id, user, lock=True)
    invitations.revoke(get_session(), agreement, member, invitation_id)
    return no_content(agreement, member)


@operation(
    bp,
    f"/agreements/<{ID}:agreement_id>/members/<{ID}:member_id>",
    "DELETE",
    summary="Remove a member (the party's approvers; the owner before it has one)",
    responses={204: None},
    errors=(403, 404, 409),
)
def remove_member(user: User, agreement_id: int, member_id: int):
    agreement, member = store.find(write_session(), agreement_id, user, lock=True)
    invitations.remove_member(get_session(), agreement, member, member_id)
    return no_content(agreement, member)


@operation(
    bp,
    "/invitations/accept",
    "POST",
    summary="Accept an invitation (token in the body): you become a member of that party",
    body=s.InvitationAccept,
    responses={200: s.MembershipOut},
    errors=(404, 409, 410),
)
def accept_invitation(user: User, body: s.InvitationAccept):
    member = invitations.accept(write_session(), body.token, user)
    agreement = get_session().get(Agreement, member.agreement_id)  # locked by accept()
    return _private(
        s.MembershipOut(
            agreement_id=member.agreement_id,
            party_id=member.party_id,
            role=member.role,
            etag=tag_of(agreement, member),
        ),
        200,
    )
