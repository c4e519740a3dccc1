"""Configuration: no default secret in production; a kept one locally; env overrides."""

import pytest

from plugin import create_app
from plugin.store.db import dispose


def test_production_refuses_to_start_without_a_secret(monkeypatch, tmp_path):
    monkeypatch.delenv("PA_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="PA_SECRET_KEY"):
        create_app({"MODE": "production", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"})


def test_local_secret_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("PA_SECRET_KEY", raising=False)
    monkeypatch.setattr(
        "flask.Flask.auto_find_instance_path", lambda self: str(tmp_path / "instance")
    )
    first = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"})
    second = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"})
    assert len(first.config["SECRET_KEY"]) > 40
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o077 == 0
    for app in (first, second):
        dispose(app)


def test_environment_overrides_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("PA_TOKEN_LIFETIME_HOURS", "2")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    app = create_app({"SECRET_KEY": "k"})
    assert app.config["TOKEN_LIFETIME_HOURS"] == 2
    assert app.config["DATABASE_URL"].endswith("env.db")
    dispose(app)


def test_public_origin_follows_where_the_server_listens(monkeypatch, tmp_path):
    """`PA_PORT=3999 make run` signs in and links through port 3999, not the default's 3000."""
    monkeypatch.setenv("PA_PORT", "3999")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'o.db'}")
    monkeypatch.delenv("PA_PUBLIC_ORIGIN", raising=False)
    app = create_app({"SECRET_KEY": "k", "AUDIT_KEY": "a"})
    assert app.config["PUBLIC_ORIGIN"] == "https://localhost:3999"
    dispose(app)
    monkeypatch.setenv("PA_PUBLIC_ORIGIN", "https://agreements.example.org")
    app = create_app({"SECRET_KEY": "k", "AUDIT_KEY": "a"})
    assert app.config["PUBLIC_ORIGIN"] == "https://agreements.example.org"
    dispose(app)


def test_dev_certificate_covers_localhost(tmp_path):
    from cryptography import x509

    from plugin.devcert import ensure_certificate

    cert_path, key_path = ensure_certificate(tmp_path)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "localhost" in names.get_values_for_type(x509.DNSName)
    assert key_path.stat().st_mode & 0o077 == 0
    assert ensure_certificate(tmp_path) == (cert_path, key_path)
    assert (
        cert_path.read_bytes() == ensure_certificate(tmp_path)[0].read_bytes()
    )  # kept, not remade


def test_production_refuses_to_start_without_an_audit_key(monkeypatch, tmp_path):
    monkeypatch.delenv("PA_AUDIT_KEY", raising=False)
    with pytest.raises(RuntimeError, match="PA_AUDIT_KEY"):
        create_app(
            {
                "MODE": "production",
                "SECRET_KEY": "s",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
            }
        )


def test_secrets_certificate_key_and_database_are_private_from_the_start(monkeypatch, tmp_path):
    """Made with mode 0600 as they are created: with a permissive umask, and with chmod
    unavailable (so nothing can be fixed up afterwards), they still end up 0600."""
    import os
    from pathlib import Path

    import sqlalchemy as sa

    from plugin.devcert import ensure_certificate
    from plugin.store.db import dispose

    def no_chmod(*_args, **_kwargs):
        raise AssertionError("created with a wider mode, then changed")

    monkeypatch.delenv("PA_SECRET_KEY", raising=False)
    monkeypatch.delenv("PA_AUDIT_KEY", raising=False)
    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(Path, "chmod", no_chmod)
    monkeypatch.setattr(
        "flask.Flask.auto_find_instance_path", lambda self: str(tmp_path / "instance")
    )
    old = os.umask(0o022)
    try:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'private.db'}"})
        with app.extensions["store"].kw["bind"].begin() as conn:  # writes: WAL files appear
            conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
            conn.execute(sa.text("INSERT INTO t VALUES (1)"))
        _, key = ensure_certificate(tmp_path / "instance")
        files = [
            tmp_path / "instance" / "secret_key",
            tmp_path / "instance" / "audit_key",
            key,
            tmp_path / "private.db",
            tmp_path / "private.db-wal",
        ]
        for path in files:
            assert path.exists(), path
            assert path.stat().st_mode & 0o777 == 0o600, (path, oct(path.stat().st_mode))
        assert len(app.config["AUDIT_KEY"]) > 40
        assert app.config["AUDIT_KEY"] != app.config["SECRET_KEY"]
        dispose(app)
    finally:
        os.umask(old)


def test_a_fixed_today_must_be_an_iso_date_and_sets_the_clock(monkeypatch, tmp_path):
    from plugin import clock

    monkeypatch.setenv("PA_TODAY", "1 March 2027")
    with pytest.raises(RuntimeError, match="PA_TODAY"):
        create_app({"SECRET_KEY": "k", "DATABASE_URL": f"sqlite:///{tmp_path / 'd.db'}"})
    monkeypatch.setenv("PA_TODAY", "2027-03-01")
    app = create_app({"SECRET_KEY": "k", "DATABASE_URL": f"sqlite:///{tmp_path / 'd.db'}"})
    with app.app_context():
        assert clock.today().isoformat() == "2027-03-01"
        app.config["TODAY"] = ""  # none fixed: the real date in the deployment's zone
        assert clock.today().year >= 2026
    dispose(app)
