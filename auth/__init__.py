"""Login and identity: OpenID Connect sign-in through any provider, the built-in provider,
API tokens and the guard that reads them, and the sign-in hand-off to the pane."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

# Defaults in code; PA_* environment variables and the test mapping override them.
DEFAULTS = {
    "OIDC_PROVIDERS": None,  # JSON list of external providers (else instance/providers.json)
    "BUILTIN_PROVIDER": "auto",  # on when no external provider is configured; true / false
    "BUILTIN_REGISTRATION": True,  # anyone may register a local account
    "BUILTIN_DISPLAY_NAME": "An account on this service",
    "SIGNING_KEY_FILE": None,  # the built-in provider's RSA key (PEM); generated locally
    "LOGIN_MAX_FAILURES_PER_ACCOUNT": 5,  # per account from one address
    "LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES": 100,  # then only known addresses get in
    "LOGIN_MAX_FAILURES_PER_IP": 30,
    "LOGIN_WINDOW_MINUTES": 15,
    # Proxies in front of the app whose X-Forwarded-For / -Proto to believe (rate limits count
    # per client address; behind a proxy, remote_addr would be the proxy's for everyone).
    "PROXY_HOPS": 0,
}


def init_app(app: Flask) -> None:
    """Sign-in pages, the built-in provider (when on) and the token endpoints of the API.
    Raises RuntimeError when the providers' configuration is unusable."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    from . import cli, provider_views, providers, server, views

    if int(app.config["PROXY_HOPS"]):
        hops = int(app.config["PROXY_HOPS"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    providers.load(app)
    if providers.builtin_enabled(app):
        server.init_app(app)
        app.register_blueprint(provider_views.bp)
    app.register_blueprint(views.bp)
    app.cli.add_command(cli.clients_cli)
    app.cli.add_command(cli.tokens_cli)
