"""Storage: SQLAlchemy models, sessions, Alembic migrations, and the store's CLI commands."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from . import db, schema


def init_app(app: Flask) -> None:
    db.init_app(app)
    app.cli.add_command(db_cli)
    from .cli import audit_cli, users_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(audit_cli)


db_cli = AppGroup("db", help="The database schema (Alembic).")


@db_cli.command("upgrade", help="Bring the database schema up to date.")
@click.option("--revision", default="head", show_default=True)
def upgrade_command(revision: str) -> None:
    schema.upgrade(db.engine_of(current_app), revision)
    click.echo(f"Database upgraded to {revision}.")
