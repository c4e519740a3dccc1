"""The custom XML part that binds a .docx to its agreement (namespace
urn:partnership-agreements:binding:1): agreement id, version, origin, and each section's
revision number and sha256 as laid out. The server writes it; the pane writes it too; both read
it to know which revision an edit in the document was based on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

NS = "urn:partnership-agreements:binding:1"
_SHA = re.compile(r"^[0-9a-f]{64}$")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


class BindingError(ValueError):
    """The binding part is malformed; the message says how."""


@dataclass(frozen=True)
class SectionMark:
    key: str
    revision: int
    sha256: str


@dataclass(frozen=True)
class Binding:
    agreement_id: int
    version: int
    origin: str
    sections: tuple[SectionMark, ...] = ()
    status: str = "draft"  # "draft" or "final": an addition to the contract, readers may ignore it
    fingerprint: str = ""  # final documents only
    extra: dict = field(default_factory=dict, compare=False)

    def section(self, key: str) -> SectionMark | None:
        return next((s for s in self.sections if s.key == key), None)


def to_xml(binding: Binding) -> bytes:
    """The part's bytes: <pa:agreement id version origin> holding one <pa:section> per section."""
    root = etree.Element(f"{{{NS}}}agreement", nsmap={"pa": NS})
    root.set("id", str(binding.agreement_id))
    root.set("version", str(binding.version))
    root.set("origin", binding.origin)
    root.set("status", binding.status)
    if binding.fingerprint:
        root.set("fingerprint", binding.fingerprint)
    for mark in binding.sections:
        child = etree.SubElement(root, f"{{{NS}}}section")
        child.set("key", mark.key)
        child.set("revision", str(mark.revision))
        child.set("sha256", mark.sha256)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def is_binding(root: etree._Element) -> bool:
    return root.tag == f"{{{NS}}}agreement"


def from_element(root: etree._Element) -> Binding:
    """Read a parsed <pa:agreement> element. Raises BindingError when malformed."""

    def number(element, name: str) -> int:
        value = element.get(name, "")
        if not value.isdigit() or len(value) > 10:
            raise BindingError(f"the attribute '{name}' is not a whole number")
        return int(value)

    marks = []
    for child in root.iterfind(f"{{{NS}}}section"):
        key, sha = child.get("key", ""), child.get("sha256", "")
        if not _KEY.match(key) or not _SHA.match(sha):
            raise BindingError("a <pa:section> has a malformed key or sha256")
        marks.append(SectionMark(key, number(child, "revision"), sha))
    if len({m.key for m in marks}) != len(marks):
        raise BindingError("a section is listed twice")
    return Binding(
        agreement_id=number(root, "id"),
        version=number(root, "version"),
        origin=root.get("origin", ""),
        sections=tuple(marks),
        status=root.get("status", "draft"),
        fingerprint=root.get("fingerprint", ""),
    )
