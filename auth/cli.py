"""Command line: API tokens for scripts, and other applications as clients of the built-in
provider."""

from __future__ import annotations

import secrets
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from plugin.store import users
from plugin.store.db import get_session
from plugin.store.login_models import OAuthClient
from plugin.workflow.errors import DomainError

from . import tokens
from .server import digest

clients_cli = AppGroup("oidc-clients", help="Applications that sign in through this provider.")


def add_client(
    session, name: str, redirect_uris: list[str], post_logout_redirect_uris: list[str] = ()
) -> tuple[str, str]:
    """Register a client; returns (client_id, client_secret). Only the secret's hash is kept."""
    client_id, secret = secrets.token_urlsafe(16), secrets.token_urlsafe(32)
    session.add(
        OAuthClient(
            client_id=client_id,
            secret_hash=digest(secret),
            name=name,
            redirect_uris=redirect_uris,
            post_logout_redirect_uris=list(post_logout_redirect_uris),
        )
    )
    return client_id, secret


@clients_cli.command("add")
@click.option("--name", required=True, help="Shown to users when they are asked to consent.")
@click.option("--redirect-uri", "redirect_uris", multiple=True, required=True)
@click.option(
    "--post-logout-redirect-uri",
    "post_logout",
    multiple=True,
    help="Where signing out (end_session_endpoint) may return to; exact match.",
)
def add_command(name: str, redirect_uris: tuple[str, ...], post_logout: tuple[str, ...]) -> None:
    """Print the new client's id and secret (the secret is shown once)."""
    session = get_session()
    client_id, secret = add_client(session, name, list(redirect_uris), post_logout)
    session.commit()
    click.echo(f"client_id={client_id}\nclient_secret={secret}")


tokens_cli = AppGroup("tokens", help="Issue and revoke API tokens.")


@tokens_cli.command("issue")
@click.option("--email", required=True)
@click.option(
    "--hours",
    type=click.FloatRange(min=0, min_open=True),
    help="Lifetime, more than 0; default PA_TOKEN_LIFETIME_HOURS.",
)
@click.option("--label", default="cli")
def issue_token(email: str, hours: float | None, label: str) -> None:
    """Print a new token (shown once; only its hash is kept)."""
    session = get_session()
    try:
        user = users.find_by_email(session, email)
    except DomainError as exc:
        click.echo(f"error: {exc.detail}", err=True)
        sys.exit(1)
    token = tokens.issue(session, user, hours or current_app.config["TOKEN_LIFETIME_HOURS"], label)
    session.commit()
    click.echo(token)


@tokens_cli.command("revoke")
@click.argument("token")
def revoke_token(token: str) -> None:
    session = get_session()
    if not tokens.revoke(session, token):
        click.echo("error: no such live token", err=True)
        sys.exit(1)
    session.commit()
    click.echo("Token revoked.")
