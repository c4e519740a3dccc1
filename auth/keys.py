"""Secrets kept in the instance folder: the built-in provider's signing key (RSA, for RS256 ID
tokens) and its public JWKS. Files are created with mode 0600 from the start (never chmod later).

Raises RuntimeError when production mode has no configured signing key.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask, current_app
from joserfc.jwk import RSAKey

from plugin.private_files import create_secret_file


def new_private_key_pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def require_configured_key(app: Flask) -> None:
    """Raises RuntimeError outside local mode when no signing key is configured."""
    if app.config["MODE"] != "local" and not (
        app.config.get("SIGNING_KEY") or app.config.get("SIGNING_KEY_FILE")
    ):
        raise RuntimeError(
            "The built-in sign-in provider needs PA_SIGNING_KEY_FILE (an RSA private key in "
            "PEM) outside local mode, or turn it off with PA_BUILTIN_PROVIDER=false."
        )


def signing_key() -> RSAKey:
    """The current app's signing key, loaded (or made) on first use."""
    app = current_app
    if "oidc_signing_key" not in app.extensions:
        app.extensions["oidc_signing_key"] = load_signing_key(app)
    return app.extensions["oidc_signing_key"]


def load_signing_key(app: Flask) -> RSAKey:
    """The provider's private key: PA_SIGNING_KEY (PEM) or PA_SIGNING_KEY_FILE; in local mode,
    made on first run as instance/oidc_signing_key.pem."""
    require_configured_key(app)
    pem = app.config.get("SIGNING_KEY")
    if not pem and app.config.get("SIGNING_KEY_FILE"):
        pem = Path(app.config["SIGNING_KEY_FILE"]).read_text()
    if not pem:
        path = Path(app.instance_path) / "oidc_signing_key.pem"
        if not path.exists():
            create_secret_file(path, new_private_key_pem())
        pem = path.read_text()
    key = RSAKey.import_key(pem)  # refuses anything but an RSA key
    if not key.is_private:
        raise RuntimeError("The signing key must be an RSA private key, not a public one.")
    key.ensure_kid()
    return key


def public_jwks(key: RSAKey) -> dict:
    """The JSON Web Key Set published at the provider's jwks_uri (public part only)."""
    public = key.as_dict(private=False)
    return {"keys": [{**public, "use": "sig", "alg": "RS256"}]}
