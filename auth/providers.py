"""The sign-in providers, configured as data: any number of OpenID Connect providers by issuer
URL (discovery), client id, secret and display name, plus the built-in provider of this app.

External providers come from PA_OIDC_PROVIDERS (JSON) or instance/providers.json, e.g.
  [{"name": "entra", "display_name": "Microsoft work or school account",
    "issuer": "https://login.microsoftonline.com/organizations/v2.0", "client_id": "…"}]
Each secret comes from the environment: PA_OIDC_<NAME>_SECRET (e.g. PA_OIDC_ENTRA_SECRET).

Raises RuntimeError at start-up for a provider that is incomplete or has no secret.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from authlib.common.security import is_secure_transport
from flask import Flask, current_app

BUILTIN = "local"  # the built-in provider's name in URLs (/auth/start/local)
BUILTIN_CLIENT_ID = "partnership-agreements"
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
ENTRA_HOST = "login.microsoftonline.com"


@dataclass(frozen=True)
class Provider:
    name: str
    display_name: str
    issuer: str  # as configured: discovery is at {issuer}/.well-known/openid-configuration
    client_id: str
    client_secret: str = field(repr=False)
    scope: str = "openid email profile"
    builtin: bool = False
    # Entra multi-tenant only: the tenant ids allowed in (empty: any tenant).
    allowed_tenants: tuple[str, ...] = ()
    # Certificate file to trust for the back channel (the local dev certificate), else default.
    ca_bundle: str | None = None

    @property
    def entra(self) -> bool:
        return self.issuer.startswith(f"https://{ENTRA_HOST}/")

    @property
    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


def _secret_variable(name: str) -> str:
    return f"PA_OIDC_{name.upper().replace('-', '_')}_SECRET"


def _external(app: Flask) -> list[Provider]:
    entries = app.config.get("OIDC_PROVIDERS")
    path = Path(app.instance_path) / "providers.json"
    if not entries and path.exists():
        entries = json.loads(path.read_text())
    if isinstance(entries, str):
        entries = json.loads(entries)
    providers = []
    for entry in entries or []:
        name = str(entry.get("name", ""))
        if not NAME.match(name) or name == BUILTIN:
            raise RuntimeError(f"Sign-in provider name {name!r}: use a-z, 0-9 and -, not 'local'.")
        for key in ("issuer", "client_id"):
            if not entry.get(key):
                raise RuntimeError(f"Sign-in provider {name!r} needs {key!r}.")
        if not is_secure_transport(entry["issuer"]):
            raise RuntimeError(f"Sign-in provider {name!r}: the issuer must be an https URL.")
        secret = os.environ.get(_secret_variable(name)) or entry.get("client_secret")
        if not secret:
            raise RuntimeError(
                f"Sign-in provider {name!r} has no secret: set {_secret_variable(name)}."
            )
        providers.append(
            Provider(
                name=name,
                display_name=entry.get("display_name") or name,
                issuer=entry["issuer"].rstrip("/"),
                client_id=entry["client_id"],
                client_secret=secret,
                scope=entry.get("scope", "openid email profile"),
                allowed_tenants=tuple(entry.get("allowed_tenants", ())),
                ca_bundle=entry.get("ca_bundle"),
            )
        )
    if len({p.name for p in providers}) != len(providers):
        raise RuntimeError("Two sign-in providers have the same name.")
    return providers


def builtin_enabled(app: Flask) -> bool:
    setting = app.config["BUILTIN_PROVIDER"]
    if setting == "auto":
        return not app.extensions["sign_in_providers"]
    return setting in (True, "true", "1", 1)


def builtin_issuer(app: Flask) -> str:
    return app.config["PUBLIC_ORIGIN"].rstrip("/")


def builtin_client_secret(app: Flask) -> str:
    """The app's secret as a client of its own provider, derived from the secret key."""
    key = app.config["SECRET_KEY"].encode()
    return hmac.new(key, b"built-in provider client secret", hashlib.sha256).hexdigest()


def _builtin(app: Flask) -> Provider:
    issuer = builtin_issuer(app)
    cert = Path(app.instance_path) / "localhost.crt"
    local_https = app.config["MODE"] == "local" and issuer.startswith("https://localhost")
    return Provider(
        name=BUILTIN,
        display_name=app.config["BUILTIN_DISPLAY_NAME"],
        issuer=issuer,
        client_id=BUILTIN_CLIENT_ID,
        client_secret=builtin_client_secret(app),
        builtin=True,
        ca_bundle=str(cert) if local_https and cert.exists() else None,
    )


def load(app: Flask) -> None:
    """Read and check the providers at start-up. Raises RuntimeError when none is usable."""
    app.extensions["sign_in_providers"] = {p.name: p for p in _external(app)}
    if not app.extensions["sign_in_providers"] and not builtin_enabled(app):
        raise RuntimeError("No way to sign in: configure PA_OIDC_PROVIDERS or the built-in one.")


def all_providers() -> dict[str, Provider]:
    """Every provider a user may choose, the built-in one (when on) first. The built-in one is
    made per call: its issuer follows PUBLIC_ORIGIN."""
    app = current_app
    external = app.extensions["sign_in_providers"]
    return ({BUILTIN: _builtin(app)} if builtin_enabled(app) else {}) | external
