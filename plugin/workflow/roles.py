"""Who may do what in an agreement. Roles rise: viewer < editor < approver < owner.

- viewer: reads the agreement.
- editor: also drafts sections.
- approver: also approves or objects, for the party they speak for only; finalises.
- owner: also invites people and renegotiates.
"""

from __future__ import annotations

from typing import Literal

from .errors import Forbidden

Role = Literal["viewer", "editor", "approver", "owner"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "approver", "owner")

NEEDS: dict[str, Role] = {
    "view": "viewer",
    "edit": "editor",
    "approve": "approver",
    "finalise": "approver",
    "invite": "owner",
    "renegotiate": "owner",
}

WHAT = {
    "edit": "draft sections",
    "approve": "approve or object",
    "finalise": "finalise the agreement",
    "invite": "invite people",
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
