"""Imports run one way (README, "How it is built"): the pure core at the bottom; the store, the
documents and the login's identity and tokens above it; the API and the login's views on top;
the app factory over everything. An import back up, or a new package with no place in the table,
fails here with the module that made it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The login's modules that serve requests or the command line; the rest of auth/ is identity.
AUTH_VIEWS = {"auth", "auth.views", "auth.provider_views", "auth.web", "auth.cli"}

LAYER = {
    "plugin.workflow": 0,
    "plugin.catalogue": 0,
    "plugin.private_files": 0,
    "plugin.store": 1,
    "plugin.documents": 1,
    "plugin.jobs": 1,
    "plugin.mail": 1,
    "auth.identity": 1,
    "plugin.notifications": 1,
    "plugin.clock": 1,
    "plugin.api": 2,
    "auth.views": 2,
    "plugin.addin": 2,
    "plugin.taskpane": 2,
    "plugin.security": 2,
    "plugin.settings": 2,
    "plugin.devcert": 2,
    "plugin.frontdoor": 2,
    "plugin": 3,
    "plugin.__main__": 4,
    "plugin.rq_job": 4,
}

# Within a layer, these arrows (and only these) are allowed; never the reverse.
SIDEWAYS = {
    ("plugin.catalogue", "plugin.workflow"),
    ("plugin.documents", "plugin.store"),
    ("auth.identity", "plugin.store"),
    ("plugin.jobs", "plugin.store"),
    ("plugin.mail", "plugin.store"),
    ("plugin.notifications", "plugin.store"),
    ("plugin.notifications", "plugin.jobs"),
    ("plugin.notifications", "plugin.mail"),
    ("plugin.notifications", "plugin.documents"),
    ("plugin.jobs", "plugin.documents"),
    ("plugin.mail", "plugin.jobs"),
    ("plugin.store", "plugin.private_files"),
    ("plugin.notifications", "plugin.clock"),
}


def component(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "plugin":
        return "plugin" if len(parts) == 1 else f"plugin.{parts[1]}"
    if parts[0] == "auth":
        return "auth.views" if ".".join(parts[:2]) in AUTH_VIEWS else "auth.identity"
    return None


def is_module(root: Path, name: str) -> bool:
    path = root.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imports(root: Path, path: Path) -> set[str]:
    """Every module `path` imports, at any depth of the file, with relative imports resolved."""
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    package = package.removesuffix(".__init__")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            subs = {f"{name}.{a.name}" for a in node.names if is_module(root, f"{name}.{a.name}")}
            found.update(subs if len(subs) == len(node.names) else subs | {name})
    return found


def arrows(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(from component, to component, importing module) for every import across components."""
    found = []
    for path in sorted([*root.glob("plugin/**/*.py"), *root.glob("auth/**/*.py")]):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        source = component(module)
        for target in imports(root, path):
            to = component(target)
            if to and source and to != source:
                found.append((source, to, module))
    return found


def test_every_package_has_a_layer():
    unknown = sorted({c for a in arrows() for c in a[:2] if c not in LAYER})
    assert not unknown, f"give these a place in LAYER (and the README's layering): {unknown}"


def back_up(root: Path = ROOT) -> list[str]:
    return [
        f"{module} ({source}) imports {to}"
        for source, to, module in arrows(root)
        if source in LAYER
        and to in LAYER
        and not (
            LAYER[to] < LAYER[source] or (LAYER[to] == LAYER[source] and (source, to) in SIDEWAYS)
        )
    ]


def test_imports_never_go_back_up():
    wrong = back_up()
    assert not wrong, "\n".join(sorted(set(wrong)))


@pytest.mark.parametrize(
    ("path", "line", "arrow"),
    [
        (
            "plugin/store/models.py",
            "from auth import identities",
            "(plugin.store) imports auth.identity",
        ),
        ("auth/tokens.py", "from plugin.api import schemas", "(auth.identity) imports plugin.api"),
        ("plugin/documents/records.py", "from auth.identities import x", "imports auth.identity"),
        ("plugin/workflow/rules.py", "from ..store import models", "imports plugin.store"),
        ("plugin/store/cli.py", "from auth import tokens", "(plugin.store) imports auth.identity"),
    ],
)
def test_an_import_back_up_is_found(tmp_path, path, line, arrow):
    """The arrows this layering removed, put back in a copy of the tree's shape, are caught."""
    for package in (
        "plugin",
        "plugin/store",
        "plugin/documents",
        "plugin/workflow",
        "plugin/api",
        "auth",
    ):
        (tmp_path / package).mkdir(parents=True, exist_ok=True)
        (tmp_path / package / "__init__.py").write_text("")
    for module in (
        "auth/identities.py",
        "auth/tokens.py",
        "plugin/api/schemas.py",
        "plugin/store/models.py",
    ):
        (tmp_path / module).touch()
    (tmp_path / path).write_text(line + "\n")
    assert any(arrow in w for w in back_up(tmp_path)), back_up(tmp_path)
