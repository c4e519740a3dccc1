"""API endpoints of the login: sign out, and personal access tokens for scripts."""

from __future__ import annotations

from auth import personal_tokens
from auth.tokens import bearer, digest, revoke
from plugin.store.db import get_session, write_session
from plugin.store.models import ApiToken, User

from . import bp
from . import token_schemas as s
from .routing import ID, operation


def _out(row: ApiToken) -> s.TokenOut:
    return s.TokenOut(
        id=row.id,
        label=row.label,
        kind=row.kind,
        created_at=row.created_at,
        expires_at=row.expires_at,
        current=row.token_hash == digest(bearer() or ""),
    )


@operation(
    bp,
    "/sign-out",
    "POST",
    summary="Sign out: revoke the token of this request",
    responses={204: None},
)
def sign_out(user: User):
    revoke(write_session(), bearer() or "")
    get_session().commit()


@operation(bp, "/tokens", "GET", summary="Your live API tokens", responses={200: s.TokenList})
def list_tokens(user: User):
    return s.TokenList(
        tokens=[_out(t) for t in personal_tokens.live_tokens(get_session(), user.id)]
    )


@operation(
    bp,
    "/tokens",
    "POST",
    summary="Create a personal access token for scripts (shown once)",
    body=s.TokenCreate,
    responses={201: s.TokenCreated},
)
def create_token(user: User, body: s.TokenCreate):
    token, row = personal_tokens.create_personal(write_session(), user.id, body.label, body.days)
    get_session().commit()
    return s.TokenCreated(**_out(row).model_dump(), token=token)


@operation(
    bp,
    f"/tokens/<{ID}:token_id>",
    "DELETE",
    summary="Revoke one of your tokens",
    responses={204: None},
    errors=(404,),
)
def revoke_token(user: User, token_id: int):
    personal_tokens.revoke_by_id(write_session(), user.id, token_id)
    get_session().commit()
