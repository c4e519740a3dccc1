"""The pane's files as browsers get them, made once per process (and again when a file changes):
each module and the stylesheet under a content-hashed name (its imports rewritten to the hashed
names, so a module's hash covers what it loads), compressed once as gzip and brotli, and the page
naming them, with a `modulepreload` link for every module it will load, so that the browser asks
for all of them in one round instead of one import level at a time.

No npm and no build step: `make run` serves it as it is; `flask pane build DIR` writes the same
files for a web server in front (see deploy/)."""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import brotli

# `from "./x.js"`, `import "./x.js"` and `import("./x.js")`: our modules import each other only
# by a relative name in the same folder (tests/browser/test_pane_files.py holds them to it).
IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])\./([A-Za-z0-9_-]+\.js)\2""")
PAGE = "pane.html"
ENTRY = "app.js"
STYLESHEET = "pane.css"
MIMETYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}


@dataclass(frozen=True)
class File:
    """One file as served: its body and the same bytes compressed each way."""

    name: str
    body: bytes
    gzip: bytes
    br: bytes

    @property
    def mimetype(self) -> str:
        return MIMETYPES[Path(self.name).suffix]

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.body).hexdigest()[:20]

    @classmethod
    def of(cls, name: str, body: bytes) -> File:
        # mtime=0: the same bytes give the same gzip, whichever process or day made them.
        return cls(name, body, gzip.compress(body, 9, mtime=0), brotli.compress(body, quality=11))


@dataclass(frozen=True)
class Built:
    page: File
    files: dict[str, File]  # by hashed name
    hashed: dict[str, str]  # plain name -> hashed name
    preloaded: tuple[str, ...]  # the hashed modules the page preloads, in load order


def imports_of(source: str) -> list[str]:
    return [m.group(3) for m in IMPORT.finditer(source)]


def hashed_name(name: str, body: bytes) -> str:
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(body).hexdigest()[:12]}.{suffix}"


def build(folder: Path) -> Built:
    """Build the pane from `folder`. Raises ValueError on an import cycle or a missing module."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.js")}
    hashed: dict[str, str] = {}
    files: dict[str, File] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in hashed:
            return
        if name in path:
            raise ValueError(f"the pane's modules import each other in a circle: {path}")
        if name not in sources:
            raise ValueError(f"{path[-1] if path else 'the page'} imports {name}, which is missing")
        for dependency in imports_of(sources[name]):
            visit(dependency, (*path, name))
        text = IMPORT.sub(lambda m: f"{m[1]}{m[2]}./{hashed[m[3]]}{m[2]}", sources[name])
        body = text.encode("utf-8")
        hashed[name] = hashed_name(name, body)
        files[hashed[name]] = File.of(hashed[name], body)

    for name in sorted(sources):
        visit(name, ())
    css = (folder / STYLESHEET).read_bytes()
    hashed[STYLESHEET] = hashed_name(STYLESHEET, css)
    files[hashed[STYLESHEET]] = File.of(hashed[STYLESHEET], css)
    preloaded = tuple(hashed[n] for n in load_order(ENTRY, sources))
    page = _page((folder / PAGE).read_text(encoding="utf-8"), hashed, preloaded)
    return Built(File.of(PAGE, page.encode("utf-8")), files, hashed, preloaded)


def load_order(entry: str, sources: dict[str, str]) -> list[str]:
    """Every module `entry` loads, itself included, dependencies first."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name not in order:
            for dependency in imports_of(sources[name]):
                visit(dependency)
            order.append(name)

    visit(entry)
    return order


def _page(html: str, hashed: dict[str, str], preloaded: Iterable[str]) -> str:
    entry = f'<script type="module" src="{ENTRY}"></script>'
    if entry not in html or f'href="{STYLESHEET}"' not in html:
        raise ValueError(f"{PAGE} must load {STYLESHEET} and {ENTRY} as a module")
    links = "".join(f'<link rel="modulepreload" href="{name}">\n  ' for name in preloaded)
    html = html.replace(f'href="{STYLESHEET}"', f'href="{hashed[STYLESHEET]}"')
    return html.replace(entry, f'{links}<script type="module" src="{hashed[ENTRY]}"></script>')


def signature(folder: Path) -> tuple:
    """What the build depends on: the name, size and change time of every file it reads."""
    paths = [*folder.glob("*.js"), folder / STYLESHEET, folder / PAGE]
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in paths))


class Pane:
    """The current build of one folder, rebuilt when a file changes. Files of earlier builds are
    still served, so a page loaded before the change keeps working."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._lock = threading.Lock()
        self._signature: tuple | None = None
        self._built: Built | None = None
        self._files: dict[str, File] = {}

    def current(self) -> Built:
        now = signature(self.folder)
        with self._lock:
            if now != self._signature or self._built is None:
                self._built = build(self.folder)
                self._signature = now
                self._files.update(self._built.files)
            return self._built

    def file(self, name: str) -> File | None:
        self.current()
        return self._files.get(name)


def write(built: Built, out: Path) -> list[Path]:
    """Write the page and every hashed file, each beside its .gz and .br, into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file in [built.page, *built.files.values()]:
        for suffix, body in (("", file.body), (".gz", file.gzip), (".br", file.br)):
            path = out / f"{file.name}{suffix}"
            path.write_bytes(body)
            written.append(path)
    return written
