"""The Word add-in's manifest, served for this server's own public origin, and its icons.

The committed `manifest.json` (top level) names https://localhost:3000, where `make run` serves.
A server elsewhere serves the same manifest with every https://localhost:3000 replaced by its
PUBLIC_ORIGIN, so an administrator can deploy the add-in for an organisation from it:
`GET /manifest.json`, or the app package (manifest and its two icons) `GET /manifest.zip`.
The XML add-in-only manifest `GET /manifest.xml` (Word on Mac and iPad, perpetual Office, the admin
centre's Office add-in upload) is built from the same dict, element by element with lxml.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, send_from_directory
from lxml import etree

LOCAL_ORIGIN = "https://localhost:3000"
ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "manifest.json"
ASSETS = Path(__file__).resolve().parent / "taskpane" / "assets"


def committed_manifest() -> dict[str, Any]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def manifest_for(origin: str, manifest: dict[str, Any] | None = None) -> dict[str, Any]:
    """The manifest with every https://localhost:3000 in its strings replaced by `origin`."""
    origin = origin.rstrip("/")

    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(LOCAL_ORIGIN, origin)
        if isinstance(value, list):
            return [swap(item) for item in value]
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        return value

    return swap(committed_manifest() if manifest is None else manifest)


def app_package(manifest: dict[str, Any]) -> bytes:
    """A zip of manifest.json and the icons it names, at the paths it names them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for relative in manifest["icons"].values():
            package.write(ROOT / relative, relative)
    return buffer.getvalue()


OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1"
BASIC = "http://schemas.microsoft.com/office/officeappbasictypes/1.0"
OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def xml_manifest(manifest: dict[str, Any]) -> bytes:
    """The XML add-in-only manifest (a TaskPaneApp for Word) saying what `manifest` says."""
    extension = manifest["extensions"][0]
    page = extension["runtimes"][0]["code"]["page"]
    origin = page.split("/pane/")[0]
    group = extension["ribbons"][0]["tabs"][0]["groups"][0]
    button = group["controls"][0]
    icons = {icon["size"]: icon["url"] for icon in button["icons"]}
    alternates = extension["alternates"][0]["alternateIcons"]
    words = [c for c in extension["requirements"]["capabilities"] if c["name"] == "WordApi"]

    def add(parent, tag, text=None, ns=OFFICE, **attributes):
        element = etree.SubElement(parent, f"{{{ns}}}{tag}", attributes)
        element.text = text
        return element

    def typed(parent, tag, kind, ns=OVERRIDES, **attributes):
        element = add(parent, tag, ns=ns, **attributes)
        element.set(f"{{{XSI}}}type", kind)
        return element

    root = etree.Element(f"{{{OFFICE}}}OfficeApp", nsmap={None: OFFICE, "bt": BASIC, "xsi": XSI})
    root.set(f"{{{XSI}}}type", "TaskPaneApp")
    add(root, "Id", manifest["id"])
    add(root, "Version", manifest["version"])
    add(root, "ProviderName", manifest["developer"]["name"])
    language, _, region = manifest["localizationInfo"]["defaultLanguageTag"].partition("-")
    add(root, "DefaultLocale", f"{language}-{region.upper()}" if region else language)
    add(root, "DisplayName", DefaultValue=manifest["name"]["full"])
    add(root, "Description", DefaultValue=manifest["description"]["short"])
    add(root, "IconUrl", DefaultValue=icons[32])
    add(root, "HighResolutionIconUrl", DefaultValue=alternates["icon"]["url"])
    add(root, "SupportUrl", DefaultValue=manifest["developer"]["websiteUrl"])
    add(add(root, "AppDomains"), "AppDomain", origin)
    add(add(root, "Hosts"), "Host", Name="Document")
    sets = add(add(root, "Requirements"), "Sets", DefaultMinVersion="1.1")
    for capability in words:
        add(sets, "Set", Name="WordApi", MinVersion=capability["minVersion"])
    add(add(root, "DefaultSettings"), "SourceLocation", DefaultValue=page)
    add(root, "Permissions", "ReadWriteDocument")

    overrides = etree.SubElement(root, f"{{{OVERRIDES}}}VersionOverrides", nsmap={None: OVERRIDES})
    overrides.set(f"{{{XSI}}}type", "VersionOverridesV1_0")
    host = typed(add(overrides, "Hosts", ns=OVERRIDES), "Host", "Document")
    desktop = add(host, "DesktopFormFactor", ns=OVERRIDES)
    point = typed(desktop, "ExtensionPoint", "PrimaryCommandSurface")
    tab = add(
        point, "OfficeTab", ns=OVERRIDES, id=extension["ribbons"][0]["tabs"][0]["builtInTabId"]
    )

    def icon_set(parent, prefix):
        icon = add(parent, "Icon", ns=OVERRIDES)
        for size in (16, 32, 80):
            add(icon, "Image", ns=BASIC, size=str(size), resid=f"{prefix}.{size}")

    group_element = add(tab, "Group", ns=OVERRIDES, id=group["id"])
    add(group_element, "Label", ns=OVERRIDES, resid="Group.Label")
    icon_set(group_element, "Icon")
    control = typed(group_element, "Control", "Button", id=button["id"])
    add(control, "Label", ns=OVERRIDES, resid="Button.Label")
    supertip = add(control, "Supertip", ns=OVERRIDES)
    add(supertip, "Title", ns=OVERRIDES, resid="Button.Title")
    add(supertip, "Description", ns=OVERRIDES, resid="Button.Description")
    icon_set(control, "Icon")
    action = typed(control, "Action", "ShowTaskpane")
    add(action, "TaskpaneId", button["actionId"], ns=OVERRIDES)
    add(action, "SourceLocation", ns=OVERRIDES, resid="Pane.Url")

    resources = add(overrides, "Resources", ns=OVERRIDES)
    images = add(resources, "Images", ns=BASIC)
    for size in (16, 32, 80):
        add(images, "Image", ns=BASIC, id=f"Icon.{size}", DefaultValue=icons[size])
    add(add(resources, "Urls", ns=BASIC), "Url", ns=BASIC, id="Pane.Url", DefaultValue=page)
    short = add(resources, "ShortStrings", ns=BASIC)
    add(short, "String", ns=BASIC, id="Group.Label", DefaultValue=group["label"])
    add(short, "String", ns=BASIC, id="Button.Label", DefaultValue=button["label"])
    add(short, "String", ns=BASIC, id="Button.Title", DefaultValue=button["supertip"]["title"])
    long = add(resources, "LongStrings", ns=BASIC)
    description = button["supertip"]["description"]
    add(long, "String", ns=BASIC, id="Button.Description", DefaultValue=description)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>{title}</h1>{body}</main></body></html>
"""

PRIVACY = _PAGE.format(
    title="Privacy",
    body="""
<p>Partnership Agreements keeps what you need to draft and approve an agreement with your
partners, on the server your organisation runs it on:</p>
<ul>
<li>your name and email address, from the account you sign in with;</li>
<li>the agreements you take part in: their sections, every revision and who wrote it, every
approval and change request, and an audit trail of who did what and when;</li>
<li>sign-in tokens, stored hashed, which expire and end when you sign out.</li>
</ul>
<p>The Word add-in reads and writes only the document you open it in: the agreement's sections
(in tagged content controls) and a small binding record (a custom XML part). It does not read
the rest of your document. Nothing is sold or shared with anyone outside the agreement's
partners. Ask the server's administrator to see or delete what is kept about you.</p>
""",
)

TERMS = _PAGE.format(
    title="Terms of use",
    body="""
<p>Use Partnership Agreements to draft, review and approve agreements between the partners who
invited you. Approve a section only for the organisation you speak for, and only wording you
have read. The approval certificate records who approved which wording; the audit trail cannot
be changed without that being detected.</p>
<p>The software is provided under the MIT licence, without warranty. The guidance it shows is
a prompt for your own judgement, not legal advice.</p>
""",
)


def init_app(app: Flask) -> None:
    @app.get("/manifest.json")
    def manifest_json():
        manifest = manifest_for(current_app.config["PUBLIC_ORIGIN"])
        response = Response(
            json.dumps(manifest, indent=2, ensure_ascii=False), mimetype="application/json"
        )
        response.headers["Cache-Control"] = "no-cache"
        return response

    @app.get("/manifest.zip")
    def manifest_zip():
        package = app_package(manifest_for(current_app.config["PUBLIC_ORIGIN"]))
        response = Response(package, mimetype="application/zip")
        response.headers["Content-Disposition"] = (
            'attachment; filename="partnership-agreements-word.zip"'
        )
        response.headers["Cache-Control"] = "no-cache"
        return response

    @app.get("/manifest.xml")
    def manifest_xml():
        manifest = xml_manifest(manifest_for(current_app.config["PUBLIC_ORIGIN"]))
        response = Response(manifest, mimetype="application/xml")
        response.headers["Content-Disposition"] = 'attachment; filename="manifest.xml"'
        response.headers["Cache-Control"] = "no-cache"
        return response

    @app.get("/pane/assets/<path:name>")
    def pane_asset(name: str):
        return send_from_directory(ASSETS, name, max_age=3600)

    @app.get("/privacy")
    def privacy():
        return Response(PRIVACY, mimetype="text/html")

    @app.get("/terms")
    def terms():
        return Response(TERMS, mimetype="text/html")
