"""Command line: register another application as a client of the built-in provider."""

from __future__ import annotations

import secrets

import click
from flask.cli import AppGroup

from plugin.store.db import get_session

from .models import OAuthClient
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
