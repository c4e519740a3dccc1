"""Headers fit for an add-in (CSP frame-ancestors, no X-Frame-Options, HSTS, cookies for the
Office dialog), no inline scripts, and the secrets the login needs at start-up."""

import re
from pathlib import Path

import pytest

from auth import DEFAULTS as AUTH_DEFAULTS
from plugin import create_app
from plugin.store.db import dispose

TEMPLATES = Path(__file__).parents[2] / "auth" / "templates" / "auth"
README = (Path(__file__).parents[2] / "README.md").read_text()


@pytest.fixture
def plain_app(tmp_path, monkeypatch):
    """An app with the code's defaults (not the tests'): production-like cookies and HSTS."""
    monkeypatch.setattr(
        "flask.Flask.auto_find_instance_path", lambda self: str(tmp_path / "instance")
    )
    made = []

    def make(**config):
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}", **config})
        made.append(app)
        return app

    yield make
    for app in made:
        dispose(app)


def test_add_in_headers(plain_app):
    response = plain_app().test_client().get("/auth/login?next=/pane/")
    csp = response.headers["Content-Security-Policy"]
    ancestors = re.search(r"frame-ancestors ([^;]+)", csp)[1].split()
    assert {"'self'", "https://*.officeapps.live.com", "https://*.office.com"} <= set(ancestors)
    assert "X-Frame-Options" not in response.headers
    assert "'unsafe-inline'" not in csp and "script-src 'self' https://appsforoffice" in csp
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_session_cookie_fits_the_office_dialog(plain_app):
    response = plain_app().test_client().get("/auth/login?next=/pane/")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=None" in cookie


def test_no_hsts_in_tests(plain_app):
    response = plain_app(TESTING=True).test_client().get("/healthz")
    assert "Strict-Transport-Security" not in response.headers


def test_templates_have_no_inline_script():
    for template in TEMPLATES.glob("*.html"):
        for tag in re.findall(r"<script[^>]*>", template.read_text()):
            assert "src=" in tag, f"inline script in {template.name}"
        assert "onclick" not in template.read_text() and "style=" not in template.read_text()


def test_keys_are_made_once_with_owner_only_mode(plain_app, tmp_path):
    app = plain_app()
    app.test_client().get("/oauth/jwks")
    key = tmp_path / "instance" / "oidc_signing_key.pem"
    assert key.stat().st_mode & 0o777 == 0o600
    first = app.test_client().get("/oauth/jwks").json
    again = plain_app().test_client().get("/oauth/jwks").json
    assert first == again and first["keys"][0]["kty"] == "RSA" and "d" not in first["keys"][0]
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_production_refuses_to_start_without_a_signing_key(plain_app, monkeypatch):
    monkeypatch.delenv("PA_SIGNING_KEY_FILE", raising=False)
    with pytest.raises(RuntimeError, match="PA_SIGNING_KEY_FILE"):
        plain_app(MODE="production", SECRET_KEY="configured", AUDIT_KEY="configured")


def test_production_starts_with_its_key_file(plain_app, tmp_path):
    from auth.keys import new_private_key_pem
    from plugin.private_files import create_secret_file

    path = tmp_path / "signing.pem"
    create_secret_file(path, new_private_key_pem())
    app = plain_app(
        MODE="production",
        SECRET_KEY="configured",
        AUDIT_KEY="configured",
        SIGNING_KEY_FILE=str(path),
    )
    assert app.test_client().get("/oauth/jwks").json["keys"][0]["kty"] == "RSA"


@pytest.mark.parametrize(
    ("providers", "message"),
    [
        (
            [
                {
                    "name": "entra",
                    "issuer": "https://login.microsoftonline.com/common/v2.0",
                    "client_id": "c",
                }
            ],
            "PA_OIDC_ENTRA_SECRET",
        ),
        ([{"name": "Bad Name", "issuer": "https://x.example", "client_id": "c"}], "name"),
        (
            [{"name": "x", "issuer": "http://idp.example", "client_id": "c", "client_secret": "s"}],
            "https",
        ),
        ([{"name": "x", "client_id": "c", "client_secret": "s"}], "issuer"),
    ],
)
def test_provider_configuration_is_checked_at_start(plain_app, providers, message):
    with pytest.raises(RuntimeError, match=message):
        plain_app(OIDC_PROVIDERS=providers)


def test_built_in_provider_can_be_switched_off(plain_app, monkeypatch):
    monkeypatch.setenv("PA_OIDC_GOOGLE_SECRET", "from-the-environment")
    google = {"name": "google", "issuer": "https://accounts.google.com", "client_id": "c"}
    app = plain_app(OIDC_PROVIDERS=[google])  # "auto": off once another provider is configured
    client = app.test_client()
    assert client.get("/.well-known/openid-configuration").status_code == 404
    assert client.get("/oauth/login").status_code == 404
    both = plain_app(OIDC_PROVIDERS=[google], BUILTIN_PROVIDER=True).test_client()
    assert both.get("/.well-known/openid-configuration").status_code == 200
    with pytest.raises(RuntimeError, match="No way to sign in"):
        plain_app(BUILTIN_PROVIDER=False)


def test_discovery_document(plain_app):
    from authlib.oidc.discovery import OpenIDProviderMetadata

    doc = plain_app().test_client().get("/.well-known/openid-configuration").json
    OpenIDProviderMetadata(doc).validate()
    assert doc["issuer"] == "https://localhost:3000"
    assert doc["code_challenge_methods_supported"] == ["S256"]
    assert doc["id_token_signing_alg_values_supported"] == ["RS256"]


def test_every_login_setting_is_documented():
    for key in AUTH_DEFAULTS:
        assert f"PA_{key}" in README, f"PA_{key} is not in the README"
