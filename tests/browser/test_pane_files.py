"""The pane's files as the server serves them (no browser needed): the page, its modules and
stylesheet under the CSP, nothing else from the folder, and no inline script or style."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from plugin.taskpane import HERE

MODULES = sorted(p.name for p in HERE.glob("*.js"))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.inline_script = False
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_script = True


def test_the_pane_page_loads_only_its_own_files_and_office_js(client):
    with client.get("/pane/") as response:
        html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self' https://appsforoffice.microsoft.com;" in csp
    assert "style-src 'self';" in csp
    page = Tags()
    page.feed(html)
    assert not page.inline_script
    assert not [t for t, attrs in page.tags if "style" in attrs or t == "style"]
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    scripts = [attrs["src"] for t, attrs in page.tags if t == "script"]
    assert scripts == ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "app.js"]
    assert ("link", {"rel": "stylesheet", "href": "pane.css"}) in page.tags


@pytest.mark.parametrize("name", [*MODULES, "pane.css"])
def test_each_module_and_the_stylesheet_is_served(client, name):
    with client.get(f"/pane/{name}") as response:
        assert response.status_code == 200
    assert response.mimetype == ("text/css" if name.endswith(".css") else "text/javascript")
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers.get("ETag")


@pytest.mark.parametrize(
    "path", ["/pane/__init__.py", "/pane/pane.html.bak", "/pane/../security.py", "/pane/none.js"]
)
def test_nothing_else_is_served_from_the_pane_folder(client, path):
    with client.get(path) as response:
        assert response.status_code == 404


@pytest.mark.parametrize("name", MODULES)
def test_user_text_never_goes_in_as_html(name):
    source = (HERE / name).read_text()
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", source)


def test_only_word_js_touches_office_js():
    for name in MODULES:
        if name != "word.js":
            source = (HERE / name).read_text()
            assert not re.search(r"\b(Office|Word)\.[A-Za-z_]", source), name
