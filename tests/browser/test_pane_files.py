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
    assert scripts[0] == "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
    assert re.fullmatch(r"app\.[0-9a-f]{12}\.js", scripts[1]) and len(scripts) == 2
    sheets = [a["href"] for t, a in page.tags if t == "link" and a["rel"] == "stylesheet"]
    assert len(sheets) == 1 and re.fullmatch(r"pane\.[0-9a-f]{12}\.css", sheets[0])


def _page_links(client) -> tuple[str, list[str], str]:
    with client.get("/pane/") as response:
        page = Tags()
        page.feed(response.get_data(as_text=True))
    entry = next(
        a["src"] for t, a in page.tags if t == "script" and "src" in a and "app." in a["src"]
    )
    preloads = [a["href"] for t, a in page.tags if t == "link" and a["rel"] == "modulepreload"]
    sheet = next(a["href"] for t, a in page.tags if t == "link" and a["rel"] == "stylesheet")
    return entry, preloads, sheet


def test_the_page_preloads_every_module_it_will_load_so_they_come_in_one_round(client):
    """Each module the page loads, through any chain of imports, is named on the page itself."""
    entry, preloads, _ = _page_links(client)
    assert entry in preloads
    seen, todo = set(), [entry]
    while todo:
        name = todo.pop()
        seen.add(name)
        with client.get(f"/pane/{name}") as response:
            assert response.status_code == 200, name
            source = response.get_data(as_text=True)
        found = re.findall(r"""from\s*["']\./([^"']+)["']""", source)
        assert all(re.fullmatch(r"[a-z-]+\.[0-9a-f]{12}\.js", f) for f in found), found
        todo += [f for f in found if f not in seen]
    assert seen == set(preloads)


def test_hashed_files_are_cached_for_good_and_compressed_once_each_way(client):
    import gzip

    import brotli

    entry, _, sheet = _page_links(client)
    for name in (entry, sheet):
        with client.get(f"/pane/{name}", headers={"Accept-Encoding": "identity"}) as plain:
            body = plain.get_data()
        assert plain.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        with client.get(f"/pane/{name}", headers={"Accept-Encoding": "gzip"}) as zipped:
            assert zipped.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(zipped.get_data()) == body
        with client.get(f"/pane/{name}", headers={"Accept-Encoding": "gzip, br"}) as br:
            assert br.headers["Content-Encoding"] == "br"
            assert brotli.decompress(br.get_data()) == body
            assert br.headers["Vary"] == "Accept-Encoding"
            again = client.get(
                f"/pane/{name}",
                headers={"If-None-Match": br.headers["ETag"], "Accept-Encoding": "br"},
            )
            assert again.status_code == 304
    with client.get("/pane/") as page:
        assert page.headers["Cache-Control"] == "no-cache"


def test_a_changed_module_changes_its_name_and_its_importers_names(tmp_path):
    from plugin.taskpane.build import build

    for name in ("pane.html", "pane.css"):
        (tmp_path / name).write_bytes((HERE / name).read_bytes())
    for path in HERE.glob("*.js"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    before = build(tmp_path)
    with (tmp_path / "text.js").open("a") as text:
        text.write("\n// changed\n")
    after = build(tmp_path)
    changed = {n for n in before.hashed if before.hashed[n] != after.hashed[n]}
    assert {"text.js", "word.js", "linked-document.js", "app.js"} <= changed
    assert "api.js" not in changed and "pane.css" not in changed
    assert after.hashed["app.js"] in after.page.body.decode()


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
