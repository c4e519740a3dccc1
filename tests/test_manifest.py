"""manifest.json and the manifest the server serves for its own origin, validated offline against
the official schema that the npm package @microsoft/app-manifest ships (`npm ci` installs it;
`make test` does that first). Two validators: Python's jsonschema here, and the package's own
(ajv) through node. Also the icons the manifests name, and the app package for administrators."""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from plugin import addin, create_app
from plugin.store.db import dispose

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "node_modules" / "@microsoft" / "app-manifest" / "build" / "json-schemas" / "teams"
ORIGIN = "https://agreements.example.org"


def schema_for(manifest: dict) -> dict:
    version = re.search(r"/teams/(v[0-9.]+|vDevPreview)/", manifest["$schema"]).group(1)
    path = SCHEMAS / version / "MicrosoftTeams.schema.json"
    if not SCHEMAS.exists():
        pytest.skip(
            "the manifest schemas come with the npm packages: run `npm ci` (make test does)"
        )
    assert path.exists(), f"{path} is missing from @microsoft/app-manifest"
    return json.loads(path.read_text(encoding="utf-8"))


def schema_errors(manifest: dict) -> list[str]:
    validator = Draft4Validator(schema_for(manifest), format_checker=Draft4Validator.FORMAT_CHECKER)
    return sorted(
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(manifest)
    )


def official_errors(tmp_path: Path, **manifests: dict) -> dict[str, list[str]]:
    """The errors @microsoft/app-manifest's own validator finds, per manifest."""
    node = shutil.which("node")
    assert node, "node is needed to run the manifest package's validator"
    if not SCHEMAS.exists():
        pytest.skip(
            "the manifest validator comes with the npm packages: run `npm ci` (make test does)"
        )
    files = []
    for name, manifest in manifests.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(manifest), encoding="utf-8")
        files.append(str(path))
    run = subprocess.run(  # noqa: S603  (node from PATH, our own script and files)
        [node, str(ROOT / "tests" / "js" / "validate-manifest.mjs"), *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert run.stdout, run.stderr
    found = json.loads(run.stdout)
    return {Path(file).stem: errors for file, errors in found.items()}


@pytest.fixture
def committed() -> dict:
    return json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def make_app(tmp_path: Path):
    """Apps whose PUBLIC_ORIGIN is not the local one (the manifest needs no database)."""
    apps = []

    def make(origin: str):
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "test-secret-key",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.db'}",
                "PUBLIC_ORIGIN": origin,
            }
        )
        app.instance_path = str(tmp_path)
        apps.append(app)
        return app

    yield make
    for app in apps:
        dispose(app)


@pytest.fixture
def served(make_app) -> dict:
    response = make_app(ORIGIN).test_client().get("/manifest.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def test_the_committed_and_the_served_manifest_are_valid(committed, served, tmp_path):
    assert schema_errors(committed) == []
    assert schema_errors(served) == []
    assert official_errors(tmp_path, committed=committed, served=served) == {
        "committed": [],
        "served": [],
    }


def test_both_validators_catch_a_broken_manifest(committed, tmp_path):
    broken = copy.deepcopy(committed)
    broken["extensions"][0]["requirements"]["scopes"] = ["doc"]
    broken["extensions"][0]["runtimes"][0]["code"]["page"] = "ftp://localhost/pane/"
    del broken["developer"]

    errors = schema_errors(broken)
    official = official_errors(tmp_path, broken=broken)["broken"]

    assert any(error.startswith("extensions/0/requirements/scopes/0") for error in errors)
    assert any(error.startswith("extensions/0/runtimes/0/code/page") for error in errors)
    assert any("'developer' is a required property" in error for error in errors)
    assert any("/extensions/0/requirements/scopes/0" in error for error in official)
    assert any("developer" in error for error in official)


def test_the_served_manifest_names_the_public_origin_only(served, committed):
    text = json.dumps(served)
    assert "localhost" not in text
    assert served["extensions"][0]["runtimes"][0]["code"]["page"] == f"{ORIGIN}/pane/"
    assert served["developer"]["privacyUrl"] == f"{ORIGIN}/privacy"
    # Everything else is the committed manifest: same id, version, requirements, permissions.
    assert json.loads(text.replace(ORIGIN, addin.LOCAL_ORIGIN)) == committed


def test_a_trailing_slash_in_the_origin_is_dropped(make_app):
    manifest = make_app(ORIGIN + "/").test_client().get("/manifest.json").get_json()
    assert manifest["extensions"][0]["runtimes"][0]["code"]["page"] == f"{ORIGIN}/pane/"


def test_the_local_server_serves_the_committed_manifest(client, committed):
    assert client.get("/manifest.json").get_json() == committed


def test_a_word_task_pane_with_the_permissions_it_needs(committed):
    assert float(committed["manifestVersion"]) >= 1.17
    assert committed["$schema"].endswith(
        f"/v{committed['manifestVersion']}/MicrosoftTeams.schema.json"
    )
    (extension,) = committed["extensions"]
    assert extension["requirements"]["scopes"] == ["document"]
    assert {"name": "WordApi", "minVersion": "1.4"} in extension["requirements"]["capabilities"]
    assert committed["authorization"]["permissions"]["resourceSpecific"] == [
        {"name": "Document.ReadWrite.User", "type": "Delegated"}
    ]
    (tab,) = extension["ribbons"][0]["tabs"]
    assert tab["builtInTabId"] == "TabHome"
    (button,) = tab["groups"][0]["controls"]
    actions = {action["id"]: action for action in extension["runtimes"][0]["actions"]}
    assert actions[button["actionId"]]["type"] == "openPage"


def png_size_and_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGBA rows of an 8-bit RGBA PNG whose rows use filter 0 (ours do)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        crc = struct.unpack(">I", data[position + 8 + length : position + 12 + length])[0]
        assert zlib.crc32(kind + body) == crc
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour_type = header[:4]
    assert (depth, colour_type) == (8, 6)
    raw = zlib.decompress(idat)
    stride = 1 + width * 4
    rows = [raw[i * stride : (i + 1) * stride] for i in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, height, [row[1:] for row in rows]


def icon_urls(manifest: dict) -> list[tuple[int, str]]:
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "size" in value and "url" in value:
                found.append((value["size"], value["url"]))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(manifest)
    return found


def test_every_icon_the_served_manifest_names_is_served_at_its_size(served, make_app):
    client = make_app(ORIGIN).test_client()
    urls = icon_urls(served)
    assert {size for size, _ in urls} >= {16, 32, 64, 80}
    for size, url in urls:
        assert url.startswith(f"{ORIGIN}/pane/assets/")
        with client.get(url.removeprefix(ORIGIN)) as response:
            assert response.status_code == 200, url
            assert response.mimetype == "image/png"
            width, height, _ = png_size_and_pixels(response.data)
        expected = 128 if url.endswith("icon-128.png") else size  # the high-resolution icon
        assert (width, height) == (expected, expected), url


def test_the_app_icons_have_the_required_sizes_and_the_outline_is_white(committed):
    width, height, _ = png_size_and_pixels((ROOT / committed["icons"]["color"]).read_bytes())
    assert (width, height) == (192, 192)
    width, height, rows = png_size_and_pixels((ROOT / committed["icons"]["outline"]).read_bytes())
    assert (width, height) == (32, 32)
    pixels = [row[i : i + 4] for row in rows for i in range(0, len(row), 4)]
    assert all(pixel[3] == 0 or pixel[:3] == b"\xff\xff\xff" for pixel in pixels)
    assert any(pixel[3] == 255 for pixel in pixels)


def test_the_committed_icons_are_what_the_script_draws(tmp_path):
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts" / "make_icons.py")
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)

    make_icons.main(tmp_path)
    for name in make_icons.ICONS:
        assert (tmp_path / name).read_bytes() == (addin.ASSETS / name).read_bytes(), name


def test_the_app_package_holds_the_served_manifest_and_its_icons(served, make_app):
    response = make_app(ORIGIN).test_client().get("/manifest.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as package:
        assert json.loads(package.read("manifest.json")) == served
        for relative in served["icons"].values():
            assert package.read(relative) == (ROOT / relative).read_bytes()


def test_an_asset_outside_the_folder_is_not_served(client):
    assert client.get("/pane/assets/../../addin.py").status_code == 404
    assert client.get("/pane/assets/..%2F..%2Faddin.py").status_code == 404
    assert client.get("/pane/assets/missing.png").status_code == 404


def test_the_privacy_and_terms_pages_the_manifest_links_exist(client, committed):
    for url in (committed["developer"]["privacyUrl"], committed["developer"]["termsOfUseUrl"]):
        response = client.get(url.removeprefix(addin.LOCAL_ORIGIN))
        assert response.status_code == 200
        assert response.mimetype == "text/html"
        assert b"<h1>" in response.data
