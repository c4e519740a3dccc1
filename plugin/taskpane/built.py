"""The pane's files as served: content-hashed names, modules preloaded, compressed once.

Each module's imports are rewritten to the hashed names of the modules they import, so a module's
name changes whenever it or anything it imports changes (names are made dependencies first).
pane.html names the hashed stylesheets (tokens.css, pane.css) and app module and preloads every
module (`modulepreload`), so the browser fetches them all in one round. Every hashed file is kept
with its gzip and brotli bytes; `write(folder)` puts the same files on disk for a front web server.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import brotli

IMPORT = re.compile(r"""((?:\bfrom|\bimport)\s*\(?\s*)"\./([\w-]+\.js)\"""")
TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}


@dataclass(frozen=True)
class Built:
    """One file: its bytes, gzip'd and brotli'd once, and its type."""

    body: bytes
    gzip: bytes
    br: bytes
    mimetype: str

    @classmethod
    def of(cls, body: bytes, mimetype: str) -> Built:
        return _squeezed(body, mimetype)


@functools.lru_cache(maxsize=256)
def _squeezed(body: bytes, mimetype: str) -> Built:
    """Brotli at its best costs about 0.1 s a file: each file's bytes are squeezed once per
    process, however many apps the process makes (the tests make hundreds)."""
    return Built(body, gzip.compress(body, 9, mtime=0), brotli.compress(body, quality=11), mimetype)


def _hashed(name: str, body: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(body).hexdigest()[:12]}{dot}{ext}"


def build(folder: Path) -> tuple[dict[str, Built], Built, dict[str, str]]:
    """({hashed name: file}, pane.html, {plain name: hashed name}) for the pane's folder."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.js"))}
    names: dict[str, str] = {}
    files: dict[str, Built] = {}

    def make(name: str, seen: tuple[str, ...] = ()) -> str:
        if name in names:
            return names[name]
        if name in seen or name not in sources:
            raise ValueError(f"the pane's module {name} is missing or imports itself")
        text = IMPORT.sub(
            lambda m: f'{m.group(1)}"./{make(m.group(2), (*seen, name))}"', sources[name]
        )
        body = text.encode("utf-8")
        names[name] = _hashed(name, body)
        files[names[name]] = Built.of(body, TYPES[".js"])
        return names[name]

    for name in sources:
        make(name)
    # The stylesheets: tokens.css (Fluent's tokens, generated) and pane.css.
    for sheet in sorted(folder.glob("*.css")):
        css = sheet.read_bytes()
        names[sheet.name] = _hashed(sheet.name, css)
        files[names[sheet.name]] = Built.of(css, TYPES[".css"])

    html = (folder / "pane.html").read_text(encoding="utf-8")
    preload = "".join(
        f'  <link rel="modulepreload" href="{names[n]}">\n'
        for n in sorted(_reachable("app.js", sources))
    )
    # Preloads before Office.js (a classic script that holds the parser while it loads).
    for sheet in (n for n in names if n.endswith(".css")):
        html = html.replace(f'href="{sheet}"', f'href="{names[sheet]}"')
    last_sheet = f'<link rel="stylesheet" href="{names["pane.css"]}">\n'
    html = html.replace(last_sheet, last_sheet + preload)
    html = html.replace('src="app.js"', f'src="{names["app.js"]}"')
    return files, Built.of(html.encode("utf-8"), TYPES[".html"]), names


def _reachable(start: str, sources: dict[str, str]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(m.group(2) for m in IMPORT.finditer(sources[name]))
    return seen


def write(folder: Path, target: Path) -> list[Path]:
    """The built files on disk (with .gz and .br beside each), for nginx; pane.html too."""
    files, html, _ = build(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, built in [*files.items(), ("pane.html", html)]:
        for suffix, data in (("", built.body), (".gz", built.gzip), (".br", built.br)):
            path = target / f"{name}{suffix}"
            path.write_bytes(data)
            written.append(path)
    return written


if __name__ == "__main__":  # python -m plugin.taskpane.built TARGET
    import sys

    for path in write(Path(__file__).parent, Path(sys.argv[1])):
        print(path)
