"""Command line for administrators and scripts: users and audit verification."""

from __future__ import annotations

import re
import sys

import click
from flask.cli import AppGroup

from plugin.workflow.errors import DomainError

from . import audit, users
from .db import get_session


def _fail(exc: DomainError) -> None:
    click.echo(f"error: {exc.detail}", err=True)
    sys.exit(1)


users_cli = AppGroup("users", help="Manage users.")
# One @, no spaces, a dot in the domain: enough to catch a name or a typo in place of an address.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _email(_ctx, _param, value: str) -> str:
    if not EMAIL.match(value.strip()):
        raise click.BadParameter(f"{value!r} is not an email address (name@example.org).")
    return value.strip()


@users_cli.command("create")
@click.option("--email", required=True, callback=_email)
@click.option("--name", required=True)
@click.option("--password", help="For the built-in login; omit for token-only users.")
def create_user(email: str, name: str, password: str | None) -> None:
    session = get_session()
    try:
        user = users.create_user(session, email, name, password)
    except DomainError as exc:
        _fail(exc)
    session.commit()
    click.echo(f"Created user {user.id} <{user.email}>.")


audit_cli = AppGroup("audit", help="The audit trail.")


@audit_cli.command("verify")
@click.argument("agreement", type=int)
def verify(agreement: int) -> None:
    """Recompute the keyed hash chain of AGREEMENT's events and check its rows against them;
    exit 1 if anything is wrong or there is no such agreement."""
    try:
        check = audit.verify(get_session(), agreement)
    except LookupError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if check.valid:
        click.echo(f"Audit trail of agreement {agreement} verifies: {check.events} events.")
    else:
        click.echo(f"Audit trail of agreement {agreement} is BROKEN:", err=True)
        for problem in check.problems:
            click.echo(f"- {problem}", err=True)
        sys.exit(1)
