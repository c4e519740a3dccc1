"""Render a document from a docxtpl template: autoescaped, in Jinja's sandbox, with the binding
custom XML part, fixed core properties and a zip whose bytes depend only on the content."""

from __future__ import annotations

import io
import threading
import uuid
import zipfile
from functools import cache
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .binding import NS, Binding, to_xml
from .content import DocumentData, binding_of, context

GRID_CAPTION = "Approval grid"  # the certificate's grid (make_templates names it so)
SHIPPED = Path(__file__).resolve().parents[2] / "templates_docx"
CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def template_path(kind: str, folder: str | Path | None = None) -> Path:
    """templates_docx/<kind>.docx, or the same name in an organisation's own folder."""
    return Path(folder or SHIPPED) / f"{kind}.docx"


@cache
def _template_bytes(path: Path, mtime: float) -> bytes:
    return path.read_bytes()


class _CompiledOnce(ImmutableSandboxedEnvironment):
    """The sandbox, compiling each template source once per process: a document's parts (body,
    headers, footers, properties) are the same source at every render of the same template, so
    the compiled code is kept under that source (a changed template is another source)."""

    KEPT = 256  # sources; a template has about 30, and an organisation a few templates

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self._compiled: dict[str, Template] = {}
        self._lock = threading.Lock()

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            with self._lock:
                if len(self._compiled) >= self.KEPT:
                    self._compiled.pop(next(iter(self._compiled)))  # the oldest
                self._compiled[source] = compiled
        return compiled


_ENVIRONMENT = _CompiledOnce()


def environment() -> ImmutableSandboxedEnvironment:
    """Every template renders in the sandbox (shipped or not), with autoescaping on, so that
    an `&` or `<` typed by a partner comes out as text and never as markup. One per process."""
    return _ENVIRONMENT


def render_template(template: Path, variables: dict) -> DocxTemplate:
    """A rendered docxtpl document. Raises jinja2 errors for a broken template."""
    tpl = DocxTemplate(io.BytesIO(_template_bytes(template, template.stat().st_mtime)))
    tpl.render(variables, jinja_env=environment(), autoescape=True)
    return tpl


def render(data: DocumentData, template: Path) -> bytes:
    """The .docx bytes of a draft or final document; the same data gives the same bytes."""
    tpl = render_template(template, context(data))
    document = tpl.docx
    for table in document.element.body.iter(qn("w:tbl")):
        _share_party_columns(table)
    _attach_binding(document, binding_of(data))
    props = document.core_properties
    props.title = data.title
    props.subject = data.kind_label
    props.author = props.last_modified_by = "Partnership Agreements for Word"
    props.created = props.modified = data.date.replace(tzinfo=None, microsecond=0)
    props.revision = data.version
    props.keywords = "final" if data.final else "draft"
    return fixed_package(document)


def _share_party_columns(table) -> None:
    """The certificate's grid (captioned GRID_CAPTION) repeats its party column once per party:
    keep the first two columns as the template has them and share the rest of the width
    equally between the parties, so no party's column is squeezed."""
    caption = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
    if caption is None or caption.get(qn("w:val")) != GRID_CAPTION:
        return
    columns = table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    if len(columns) < 3:
        return
    widths = [int(c.get(qn("w:w"))) for c in columns]
    total, fixed = sum(widths), widths[:2]
    share = (total - sum(fixed)) // (len(columns) - 2)
    widths = fixed + [share] * (len(columns) - 2)
    for column, width in zip(columns, widths, strict=True):
        column.set(qn("w:w"), str(width))
    for row in table.iter(qn("w:tr")):
        for cell, width in zip(row.findall(qn("w:tc")), widths, strict=False):
            tcw = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if tcw is not None:
                tcw.set(qn("w:w"), str(width))
                tcw.set(qn("w:type"), "dxa")


def _attach_binding(document, binding: Binding) -> None:
    """Replace any binding part the template carried with this document's own."""
    main = document.part
    for rid, rel in list(main.rels.items()):
        if rel.reltype == RT.CUSTOM_XML and NS.encode() in rel.target_part.blob:
            main.drop_rel(rid)
    package = main.package
    item_name = package.next_partname("/customXml/item%d.xml")
    number = item_name.idx
    item = Part(item_name, "application/xml", to_xml(binding), package)
    guid = uuid.uuid5(uuid.NAMESPACE_URL, f"{binding.origin}/agreements/{binding.agreement_id}")
    props_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{{{str(guid).upper()}}}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    props = Part(
        PackURI(f"/customXml/itemProps{number}.xml"), CUSTOM_XML_PROPS_TYPE, props_xml, package
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    main.relate_to(item, RT.CUSTOM_XML)


class _FixedZipWriter:
    """python-docx's physical package writer, with fixed timestamps and attributes: the parts
    are compressed once, straight into the archive whose bytes depend only on the content."""

    def __init__(self, out: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)

    def write(self, uri: PackURI, blob: bytes) -> None:
        member = zipfile.ZipInfo(uri.membername, date_time=ZIP_EPOCH)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.create_system = 0
        member.external_attr = 0
        self._zip.writestr(member, blob)

    def close(self) -> None:
        self._zip.close()


def fixed_package(document) -> bytes:
    """The document's .docx bytes, written as python-docx writes a package (content types,
    package relationships, parts), into a fixed zip (the same bytes as fixed_zip gives)."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()  # as python-docx's own save does
    out = io.BytesIO()
    writer = _FixedZipWriter(out)
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, package.parts)
    writer.close()
    return out.getvalue()


def fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps and attributes, members in their order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            member.external_attr = 0
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
