"""Login fixtures: apps served on real loopback HTTP servers, and a browser-like walk through
the sign-in flow with httpx (cookies kept, redirects followed by hand)."""

from __future__ import annotations

import re
import threading
import uuid
from html import unescape
from urllib.parse import urljoin

import httpx
import pytest
from werkzeug.serving import make_server

from plugin import create_app
from plugin.store import schema
from plugin.store.db import dispose, make_engine
from tests.conftest import Draining

PASSWORD = "correct horse battery staple"
# httpx's default TLS settings, made once: each client would otherwise load the CA bundle
# again (about 45 ms of CPU per client, hundreds of clients per run).
TLS = httpx.create_ssl_context()


class Live:
    """An app on a threaded HTTP server on 127.0.0.1; PUBLIC_ORIGIN is the server's own URL
    (so the built-in provider's issuer is that URL, as in production)."""

    def __init__(self, host: str = "127.0.0.1"):
        # Browsers keep cookies per host, not per port: two instances get two host names.
        self.server = make_server("127.0.0.1", 0, None, threaded=True)
        self.url = f"http://{host}:{self.server.server_port}"
        self.thread: threading.Thread | None = None
        self.app = None

    def serve(self, app):
        app.config["PUBLIC_ORIGIN"] = self.url
        self.app = app
        self.server.app = self.draining = Draining(app)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()
        return self

    def stop(self):
        if self.thread:
            self.server.shutdown()
            self.thread.join(5)
        self.server.server_close()
        if self.app:
            self.draining.drain()
            dispose(self.app)


def live_config(database_url: str, **extra) -> dict:
    # Tests talk plain HTTP on loopback, where a Secure cookie would not come back.
    return {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key-" + uuid.uuid4().hex,
        "SESSION_COOKIE_SECURE": False,
        **extra,
    }


def make_live_app(database_url: str, instance, **extra):
    live = Live()
    app = create_app(live_config(database_url, PUBLIC_ORIGIN=live.url, **extra))
    app.instance_path = str(instance)
    return live.serve(app)


@pytest.fixture
def servers():
    started: list[Live] = []
    yield started
    for live in reversed(started):
        live.stop()


@pytest.fixture
def site(database_url, tmp_path, servers):
    """This app, with the built-in provider, live on loopback."""
    live = make_live_app(database_url, tmp_path)
    servers.append(live)
    return live


@pytest.fixture(scope="module")
def shared_site(database_url, tmp_path_factory):
    """One live app for a module of tests that only read from it."""
    live = make_live_app(database_url, tmp_path_factory.mktemp("site"))
    yield live
    live.stop()


@pytest.fixture
def fresh_database(tmp_path):
    """Another empty, migrated SQLite database (for a second instance)."""
    url = f"sqlite:///{tmp_path / f'other-{uuid.uuid4().hex[:6]}.db'}"
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    return url


class Browser:
    """A browser as far as sign-in needs one: cookies, redirects followed by hand, forms."""

    def __init__(self):
        self.http = httpx.Client(timeout=30, follow_redirects=False, verify=TLS)
        self.history: list[httpx.Response] = []

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self._keep(self.http.get(url, **kwargs))

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self._keep(self.http.post(url, **kwargs))

    def _keep(self, response):
        self.history.append(response)
        return response

    def follow(self, response: httpx.Response, stop=None) -> httpx.Response:
        """Follow redirects until a page, or until `stop(url)` says to hand over the URL."""
        while response.is_redirect:
            url = urljoin(str(response.url), response.headers["Location"])
            if stop and stop(url):
                response.stop_url = url
                return response
            response = self.get(url)
        return response

    def submit(self, page: httpx.Response, fields: dict, form_action: str | None = None):
        """Post a form of `page` with its hidden fields (csrf, return) and `fields`."""
        html = page.text
        hidden = dict(
            (unescape(n), unescape(v))
            for n, v in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html)
        )
        action = form_action or unescape(
            re.search(r'<form method="post" action="([^"]*)"', html)[1]
        )
        return self.post(urljoin(str(page.url), action), data={**hidden, **fields})

    def close(self):
        self.http.close()


@pytest.fixture
def browser():
    b = Browser()
    yield b
    b.close()


def hand_off(page: httpx.Response) -> dict:
    """The data- attributes /auth/complete gives its script."""
    element = re.search(r'<p id="hand-off"([^>]*)>', page.text)
    assert element, page.text
    return {k: unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', element[1])}


def new_email() -> str:
    return f"person-{uuid.uuid4().hex[:10]}@example.org"


def register_and_sign_in(
    browser: Browser, base: str, email: str, next_path: str = "/pane/", **params
) -> httpx.Response:
    """From /auth/login through the built-in provider's registration back to /auth/complete."""
    login_page = browser.follow(
        browser.get(f"{base}/auth/login", params={"next": next_path, **params})
    )
    assert login_page.status_code == 200 and "Sign in" in login_page.text
    link = unescape(re.search(r'<a href="([^"]*register[^"]*)"', login_page.text)[1])
    form = browser.get(urljoin(str(login_page.url), link))
    assert form.status_code == 200
    done = browser.submit(
        form,
        {"email": email, "name": "Amina Shah", "password": PASSWORD, "password_again": PASSWORD},
    )
    return browser.follow(done)


def sign_in(browser: Browser, base: str, email: str, password: str = PASSWORD, **params):
    """From /auth/login through the built-in provider's login form to where it leads."""
    login_page = browser.follow(browser.get(f"{base}/auth/login", params=params))
    assert login_page.status_code == 200, login_page.text
    return browser.follow(browser.submit(login_page, {"email": email, "password": password}))
