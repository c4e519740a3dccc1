"""The Alembic migrations build exactly the schema the models describe, on each backend."""

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from plugin.store import schema
from plugin.store.db import dispose, make_engine


def test_migrations_match_the_models(database_url):
    engine = make_engine(database_url)
    try:
        assert schema.differences(engine) == []
        head = ScriptDirectory.from_config(schema.alembic_config(engine)).get_current_head()
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_cli_upgrade_on_a_new_database(tmp_path):
    from plugin import create_app

    app = create_app(
        {"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}", "SECRET_KEY": "k"}
    )
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0 and "upgraded" in result.output
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert "agreements" in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()
    dispose(app)
