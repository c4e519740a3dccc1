"""Who may do what in an agreement. Roles rise: viewer < editor < approver < owner.

- viewer: reads the agreement, and sees every party's members and open invitations.
- editor: also drafts sections.
- approver: also approves or objects, for the party they speak for only; finalises; and
  controls who speaks for their own party (invites, revokes invitations, removes members).
- owner: also renegotiates, and may invite a party's first members: until a party has an
  approver of its own, the owner stands in for it.

Each party controls who speaks for it: once party P has an approver (or the owner speaks for P),
only P's approvers invite people to P, revoke P's invitations or remove P's members; and P's last
approver can neither leave nor be removed (else the owner could seat P's next approver).
"""

from __future__ import annotations

from typing import Literal

from .errors import Conflict, Forbidden

Role = Literal["viewer", "editor", "approver", "owner"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "approver", "owner")

NEEDS: dict[str, Role] = {
    "view": "viewer",
    "edit": "editor",
    "approve": "approver",
    "finalise": "approver",
    "renegotiate": "owner",
}

WHAT = {
    "edit": "draft sections",
    "approve": "approve or object",
    "finalise": "finalise the agreement",
    "renegotiate": "renegotiate the agreement",
    "view": "see this agreement",
}


def allowed(role: str, action: str) -> bool:
    return ROLES.index(role) >= ROLES.index(NEEDS[action])


def require(
    role: str, action: str, own_party: int | None = None, for_party: int | None = None
) -> None:
    """Raise Forbidden unless `role` may do `action` (for `for_party`, when it names one)."""
    if not allowed(role, action):
        raise Forbidden(f"Your role ({role}) does not allow you to {WHAT[action]}.")
    if for_party is not None and for_party != own_party:
        raise Forbidden("You can only act for the party you speak for.")


def speaks_with_authority(role: str) -> bool:
    """Approvers (and the owner, for the owner's own party) control who speaks for a party."""
    return allowed(role, "approve")


def may_manage_party(role: str, own_party: int, party: int, party_has_approver: bool) -> bool:
    """Whether a member (`role`, speaking for `own_party`) may invite people to `party`,
    revoke its invitations or remove its members."""
    if own_party == party:
        return speaks_with_authority(role)
    return role == "owner" and not party_has_approver


def require_manage_party(
    role: str, own_party: int, party: int, party_has_approver: bool, party_name: str
) -> None:
    """Raise Forbidden unless the member may manage who speaks for `party`."""
    if may_manage_party(role, own_party, party, party_has_approver):
        return
    if own_party == party:
        raise Forbidden(
            f"Your role ({role}) does not allow you to change who speaks for {party_name}; "
            "ask one of its approvers."
        )
    if role == "owner":
        raise Forbidden(
            f"{party_name} has its own approver now: only its approvers decide who speaks for it."
        )
    raise Forbidden(f"Only {party_name}'s approvers decide who speaks for it.")


def require_party_keeps_an_approver(role: str, approvers: int, party_name: str) -> None:
    """Raise Conflict when removing a member with `role` from a party with `approvers`
    approvers would leave the party without one."""
    if speaks_with_authority(role) and approvers <= 1:
        raise Conflict(
            f"This is {party_name}'s last approver: a party keeps at least one. "
            f"Invite another approver for {party_name} first."
        )
