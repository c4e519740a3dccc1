"""The XML add-in-only manifest, made from manifest.json and validated offline against
Microsoft's published XSD schemas (tests/schemas/office/, see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from plugin import addin

SCHEMAS = Path(__file__).resolve().parent / "schemas" / "office"
ORIGIN = "https://agreements.example.org"
NS = {"o": addin.OFFICE, "v": addin.OVERRIDES, "bt": addin.BASIC}


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "OfficeAppManifestV1_1.xsd")))


def errors(schema, document: bytes) -> list[str]:
    schema.validate(etree.fromstring(document))
    return [f"{error.line}: {error.message}" for error in schema.error_log]


def test_committed_default_validates_against_the_xsd(schema):
    assert errors(schema, addin.xml_manifest(addin.committed_manifest())) == []


def test_served_manifest_validates_and_names_the_public_origin(app, client, schema):
    app.config["PUBLIC_ORIGIN"] = ORIGIN
    response = client.get("/manifest.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    assert errors(schema, response.data) == []
    root = etree.fromstring(response.data)
    assert root.get(f"{{{addin.XSI}}}type") == "TaskPaneApp"
    source = root.find("o:DefaultSettings/o:SourceLocation", NS).get("DefaultValue")
    assert source == ORIGIN + "/pane/"
    assert root.findtext("o:AppDomains/o:AppDomain", namespaces=NS) == ORIGIN
    assert root.findtext("o:Permissions", namespaces=NS) == "ReadWriteDocument"
    assert root.find("o:Hosts/o:Host", NS).get("Name") == "Document"
    assert "localhost" not in response.get_data(as_text=True)


def test_xml_says_what_the_json_says(client):
    manifest = addin.committed_manifest()
    root = etree.fromstring(addin.xml_manifest(manifest))
    json_word = next(
        c["minVersion"]
        for c in manifest["extensions"][0]["requirements"]["capabilities"]
        if c["name"] == "WordApi"
    )
    word = root.find("o:Requirements/o:Sets/o:Set[@Name='WordApi']", NS)
    assert word.get("MinVersion") == json_word
    assert root.findtext("o:Id", namespaces=NS) == manifest["id"]
    tab = root.find(".//v:ExtensionPoint/v:OfficeTab", NS)
    assert tab.get("id") == "TabHome"
    assert tab.find("v:Group/v:Control/v:Action", NS).get(f"{{{addin.XSI}}}type") == "ShowTaskpane"
    images = {
        i.get("id"): i.get("DefaultValue") for i in root.iterfind(".//bt:Images/bt:Image", NS)
    }
    assert sorted(images) == ["Icon.16", "Icon.32", "Icon.80"]
    for url in images.values():
        name = url.rsplit("/", 1)[1]
        response = client.get(f"/pane/assets/{name}")
        assert response.status_code == 200
        response.close()


def test_the_schema_refuses_a_manifest_that_breaks_it(schema):
    """The XSD is really applied: the same manifest without Permissions does not validate."""
    root = etree.fromstring(addin.xml_manifest(addin.committed_manifest()))
    root.remove(root.find("o:Permissions", NS))
    assert any(
        "Permissions" in message or "VersionOverrides" in message
        for message in errors(schema, etree.tostring(root))
    )


def test_user_text_is_escaped_not_concatenated(schema):
    manifest = addin.committed_manifest()
    manifest["name"]["full"] = 'Tom & Jerry <"Agreements">'
    document = addin.xml_manifest(manifest)
    assert errors(schema, document) == []
    root = etree.fromstring(document)
    assert root.find("o:DisplayName", NS).get("DefaultValue") == 'Tom & Jerry <"Agreements">'
