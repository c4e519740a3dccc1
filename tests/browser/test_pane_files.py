"""The pane's files as the server serves them (no browser needed): the page, its modules and
stylesheet under the CSP, nothing else from the folder, and no inline script or style."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser

import brotli
import pytest

from plugin.taskpane import HERE

MODULES = sorted(p.name for p in HERE.glob("*.js"))
# Written by plugin/taskpane/generate/ from node_modules (Fluent's web components, bundled): not our
# own code, so the house rules on our modules below do not apply to it.
GENERATED = {"fluent.js"}
OWN = [name for name in MODULES if name not in GENERATED]


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
    assert scripts[0] == "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
    assert re.fullmatch(r"app\.[0-9a-f]{12}\.js", scripts[1]) and len(scripts) == 2
    sheets = [a["href"] for t, a in page.tags if t == "link" and a.get("rel") == "stylesheet"]
    assert [re.sub(r"\.[0-9a-f]{12}\.css$", ".css", s) for s in sheets] == [
        "tokens.css",
        "pane.css",
    ]


def test_the_pane_loads_in_one_round(client):
    """Every module is preloaded under its content-hashed name, served immutable and
    compressed as asked; the page itself is revalidated each time."""
    with client.get("/pane/", headers={"Accept-Encoding": "br, gzip"}) as response:
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.headers["Content-Encoding"] == "br"
    with client.get("/pane/") as response:
        html = response.get_data(as_text=True)
    page = Tags()
    page.feed(html)
    preloaded = [a["href"] for t, a in page.tags if t == "link" and a.get("rel") == "modulepreload"]
    assert sorted(re.sub(r"\.[0-9a-f]{12}\.js$", ".js", h) for h in preloaded) == MODULES
    for name in preloaded:
        with client.get(f"/pane/{name}", headers={"Accept-Encoding": "gzip"}) as response:
            assert response.status_code == 200
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert response.headers["Content-Encoding"] == "gzip"
            body = gzip.decompress(response.get_data())
        # Each module imports the others by their hashed names: nothing is fetched twice.
        for imported in re.findall(rb'from "\./([\w.-]+)"', body):
            assert imported.decode() in preloaded, (name, imported)
    with client.get(f"/pane/{preloaded[0]}", headers={"Accept-Encoding": "br"}) as response:
        assert response.headers["Content-Encoding"] == "br"
        assert brotli.decompress(response.get_data())
        etag = response.headers["ETag"]
    with client.get(
        f"/pane/{preloaded[0]}", headers={"Accept-Encoding": "br", "If-None-Match": etag}
    ) as response:
        assert response.status_code == 304


@pytest.mark.parametrize("name", [*MODULES, "tokens.css", "pane.css"])
def test_each_module_and_the_stylesheet_is_served(client, name):
    with client.get(f"/pane/{name}") as response:
        assert response.status_code == 200
    assert response.mimetype == ("text/css" if name.endswith(".css") else "text/javascript")
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers.get("ETag")


@pytest.mark.parametrize(
    "path",
    [
        "/pane/__init__.py",
        "/pane/pane.html.bak",
        "/pane/../security.py",
        "/pane/none.js",
        "/pane/generate/tokens.mjs",  # the build scripts (node only) are not the page's
        "/pane/generate/fluent-entry.mjs",
    ],
)
def test_nothing_else_is_served_from_the_pane_folder(client, path):
    with client.get(path) as response:
        assert response.status_code == 404


@pytest.mark.parametrize("name", OWN)
def test_user_text_never_goes_in_as_html(name):
    source = (HERE / name).read_text()
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", source)


def test_only_word_js_touches_office_js():
    for name in MODULES:
        if name != "word.js":
            source = (HERE / name).read_text()
            assert not re.search(r"\b(Office|Word)\.[A-Za-z_]", source), name


@pytest.mark.parametrize("name", OWN)
def test_each_pane_module_stays_small(name):
    """One idea a module (house style: about 300 lines, split past 500)."""
    lines = (HERE / name).read_text().count("\n")
    assert lines <= 500, f"{name} has {lines} lines: split it by idea"


def test_the_pane_css_takes_its_colours_from_fluents_tokens():
    """No colour is written in pane.css: each is a Fluent token from tokens.css (generated from
    @fluentui/tokens, light and dark stated once in light-dark(); tests/js/pane-build.test.js
    checks it against the package), and the dark side is picked by color-scheme, not a second
    block for dark mode."""
    css = (HERE / "pane.css").read_text()
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", css)
    assert "var(--colorNeutralBackground1)" in css
    assert "prefers-color-scheme" not in css  # color-scheme picks the side, system or Word
    tokens = (HERE / "tokens.css").read_text()
    assert "--colorNeutralBackground1: light-dark(#ffffff, #292929);" in tokens
