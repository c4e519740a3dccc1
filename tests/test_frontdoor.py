"""The front door at `/`: a short page for a newcomer, every link on it answering."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

import httpx
import pytest

from plugin import frontdoor
from tests.auth.conftest import make_live_app


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.scripts = self.styles = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        self.scripts += tag == "script"
        self.styles += tag == "style" or "style" in attrs


def page_links(client) -> tuple[str, Links]:
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    links = Links()
    links.feed(html)
    return html, links


def test_front_door_says_what_this_is_and_how_to_start(client):
    html, links = page_links(client)
    assert "youth work" in html
    for href in (
        "/auth/login?next=/pane/",
        "/pane/",
        "/manifest.json",
        "/manifest.zip",
        "/manifest.xml",
    ):
        assert href in links.hrefs, href
    assert "admin centre" in html
    # The CSP allows no inline script or style.
    assert links.scripts == 0 and links.styles == 0


@pytest.fixture
def live(database_url, tmp_path):
    """The app on a real loopback HTTP server, so that sign-in reaches the built-in provider."""
    site = make_live_app(database_url, tmp_path)
    yield site
    site.stop()


def test_every_link_on_the_front_door_answers(live):
    with httpx.Client(follow_redirects=True, timeout=30) as browser:
        response = browser.get(live.url + "/")
        assert response.status_code == 200
        links = Links()
        links.feed(response.text)
        assert len(links.hrefs) >= 8
        for href in links.hrefs:
            answer = browser.get(urljoin(live.url + "/", href))
            assert answer.status_code == 200, href


def test_front_door_is_served_by_its_own_blueprint(app):
    assert app.view_functions["frontdoor.home"] is frontdoor.home
