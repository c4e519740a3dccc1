"""Render a document from a docxtpl template: autoescaped, in Jinja's sandbox, with the binding
custom XML part, fixed core properties and a zip whose bytes depend only on the content."""

from __future__ import annotations

import io
import uuid
import zipfile
from functools import cache
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
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


def environment() -> ImmutableSandboxedEnvironment:
    """Every template renders in the sandbox (shipped or not), with autoescaping on, so that
    an `&` or `<` typed by a partner comes out as text and never as markup."""
    return ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


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
    buffer = io.BytesIO()
    tpl.save(buffer)
    return fixed_zip(buffer.getvalue())


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
