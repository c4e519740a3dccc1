"""Configuration: no default secret in production; a kept one locally; env overrides."""

import pytest

from plugin import create_app


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
        app.extensions["store"].kw["bind"].dispose()


def test_environment_overrides_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("PA_TOKEN_LIFETIME_HOURS", "2")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    app = create_app({"SECRET_KEY": "k"})
    assert app.config["TOKEN_LIFETIME_HOURS"] == 2
    assert app.config["DATABASE_URL"].endswith("env.db")
    app.extensions["store"].kw["bind"].dispose()


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
