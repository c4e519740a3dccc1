"""Alembic environment: runs on the connection or URL the app hands over (see store/schema.py)."""

from alembic import context
from sqlalchemy import create_engine

from plugin.store import login_models, mail_models  # noqa: F401  (their tables, on the same Base)
from plugin.store.models import Base

config = context.config


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url")).connect() as conn:
        run(conn)
