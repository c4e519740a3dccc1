"""Request and response bodies of the token endpoints (pydantic; they make OpenAPI schemas)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .schemas import In, Name, Out, Timestamp, Whole


class TokenCreate(In):
    label: Name = Field(max_length=100, description="What the token is for, e.g. 'nightly export'")
    days: Whole = Field(default=30, ge=1, le=365, description="Lifetime in days")


class TokenOut(Out):
    id: int
    label: str
    kind: Literal["sign-in", "personal"]
    created_at: Timestamp
    expires_at: Timestamp
    current: bool = Field(description="The token this request was made with")


class TokenList(Out):
    tokens: list[TokenOut]


class TokenCreated(TokenOut):
    token: str = Field(description="The token itself: shown this once, only its hash is kept")
