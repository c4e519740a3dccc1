"""Domain errors, each carrying the HTTP status the API answers with (no framework imports)."""

from __future__ import annotations


class DomainError(Exception):
    """A request the rules refuse. `status` is the HTTP status; `extra` goes into the problem."""

    status = 400
    title = "Bad request"

    def __init__(self, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class InvalidInput(DomainError):
    status = 422
    title = "Invalid input"


class NotFound(DomainError):
    status = 404
    title = "Not found"


class Forbidden(DomainError):
    status = 403
    title = "Forbidden"


class Conflict(DomainError):
    status = 409
    title = "Conflict"


class CatalogueError(Exception):
    """The guidance catalogue's data is malformed; the message names the file and the entry."""


class Gone(DomainError):
    status = 410
    title = "Gone"
