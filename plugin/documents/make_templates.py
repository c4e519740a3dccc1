"""Build the shipped Word templates (templates_docx/<kind>.docx) from code, so they can be
rebuilt and reviewed: `python -m plugin.documents.make_templates`.

The templates carry docxtpl tags. Each section's clause sits in a content control (w:sdt)
tagged `pa:{{ section.key }}` and titled with the section title; README "Adapting a template"
lists the variables a template may use and the parts it must keep.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from .render import GRID_CAPTION, fixed_zip

TEMPLATES = Path(__file__).resolve().parents[2] / "templates_docx"
INK, TEAL, MUTED, TINT, RULE = "222222", "1F4E5F", "5F6B6D", "EEF4F5", "BFCDD1"
FONT = "Calibri"  # LibreOffice maps it to the metric-compatible Carlito
TC_END = "{%tc endfor %}"

KINDS = {
    "partnership": {
        "parties_heading": "The partners",
        "statement": (
            "This agreement records how the partners intend to work together. It is not a "
            "legally binding contract and creates no legal obligations between them. Each "
            "partner's statutory duties and legal responsibilities (safeguarding, data "
            "protection, policing, education and any other) come first: where this agreement "
            "and such a duty pull in different directions, the duty prevails, and the partner "
            "concerned tells the others as soon as it can."
        ),
        "signoff_intro": (
            "Each partner approved every section of this agreement online, on behalf of its "
            "organisation; the approval certificate that follows records who approved which "
            "wording and when. Partners who also want ink signatures may sign below."
        ),
        "signoff_draft": (
            "Once every partner has approved every section online, this page and the approval "
            "certificate that follows record it. Partners who also want ink signatures may sign "
            "the final version below."
        ),
        "party_column": "Partner",
        "organisation_column": "For",
    },
    "co_working": {
        "parties_heading": "The workers",
        "statement": (
            "This agreement records how the workers named above intend to work together. It is "
            "not a legally binding contract and does not change anyone's contract of employment. "
            "Each worker's employer's policies and statutory duties (safeguarding, data "
            "protection and any other) come first: where this agreement and such a duty pull in "
            "different directions, the duty prevails, and the worker concerned tells the others "
            "as soon as they can."
        ),
        "signoff_intro": (
            "Each worker approved every section of this agreement online; the approval "
            "certificate that follows records who approved which wording and when. Workers who "
            "also want ink signatures may sign below."
        ),
        "signoff_draft": (
            "Once every worker has approved every section online, this page and the approval "
            "certificate that follows record it. Workers who also want ink signatures may sign "
            "the final version below."
        ),
        "party_column": "Worker",
        "organisation_column": "Organisation",
    },
}


def _plain_font(style, size: float, color: str = INK, bold: bool = False) -> None:
    """Set a style's font, dropping theme fonts (they would win over the name)."""
    font = style.font
    font.name, font.size, font.bold = FONT, Pt(size), bold
    font.color.rgb = RGBColor.from_string(color)
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        if "Theme" in attr:
            del rfonts.attrib[attr]
    rfonts.set(qn("w:eastAsia"), FONT)
    rfonts.set(qn("w:cs"), FONT)


def _paragraph_style(doc, name: str, size: float, **options):
    styles = doc.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name not in ("Normal",) and style.base_style is None and name.startswith("PA "):
        style.base_style = styles["Normal"]
    _plain_font(style, size, options.get("color", INK), options.get("bold", False))
    fmt = style.paragraph_format
    fmt.space_before = Pt(options.get("before", 0))
    fmt.space_after = Pt(options.get("after", 6))
    fmt.line_spacing = options.get("line", 1.15)
    fmt.keep_with_next = options.get("keep")
    if "indent" in options:
        fmt.left_indent, fmt.first_line_indent = Cm(options["indent"]), Cm(-0.4)
    style.font.italic = options.get("italic", False)
    style.font.all_caps = options.get("caps", False)
    if options.get("page_break"):
        fmt.page_break_before = True
    return style


def _styles(doc) -> None:
    _paragraph_style(doc, "Normal", 10.5, line=1.0)
    _paragraph_style(doc, "Title", 22, color=TEAL, bold=True, after=2, line=1.0)
    title = doc.styles["Title"].element
    for border in title.findall(qn("w:pPr") + "/" + qn("w:pBdr")):
        border.getparent().remove(border)
    _paragraph_style(doc, "Heading 1", 12, color=TEAL, bold=True, before=8, after=2, keep=True)
    _paragraph_style(doc, "Heading 2", 11, color=TEAL, bold=True, before=8, after=3, keep=True)
    _paragraph_style(doc, "PA Part", 15, color=TEAL, bold=True, after=6, keep=True, page_break=1)
    _paragraph_style(doc, "PA Annexes", 15, color=TEAL, bold=True, before=14, after=4, keep=True)
    _paragraph_style(doc, "PA Eyebrow", 9, color=TEAL, bold=True, caps=True, after=4)
    _paragraph_style(doc, "PA Meta", 10, color=MUTED, after=8)
    _paragraph_style(doc, "PA Party", 11, bold=True, after=3)
    _paragraph_style(doc, "PA Status", 8.5, color=MUTED, italic=True, after=4, keep=True)
    _paragraph_style(doc, "PA Clause", 10.5, after=3, line=1.0)
    _paragraph_style(doc, "PA Bullet", 10.5, after=1, indent=0.6, line=1.0)
    _paragraph_style(doc, "PA Gap", 4, after=0, line=1.0)
    _paragraph_style(doc, "PA Note", 9.5, color=INK, after=4, before=2, line=1.05)
    _paragraph_style(doc, "PA Small", 8, color=MUTED, after=0, line=1.0)
    _paragraph_style(doc, "PA Cell", 8, after=0, line=1.0)
    _paragraph_style(doc, "PA Head Cell", 8, color="FFFFFF", bold=True, after=0, line=1.0)
    _paragraph_style(doc, "PA Hash", 7.5, color=MUTED, after=0, line=1.0)
    _paragraph_style(doc, "PA Label", 9.5, color=TEAL, bold=True, after=0, line=1.05)
    _paragraph_style(doc, "PA Fact", 10, after=0, line=1.05)
    _paragraph_style(doc, "PA Contents", 9.5, after=0, line=1.05)
    _paragraph_style(doc, "PA Contents Part", 9.5, bold=True, before=2, after=0, line=1.05)
    _paragraph_style(
        doc, "PA Cert Heading", 10, color=TEAL, bold=True, before=6, after=2, keep=True
    )
    _paragraph_style(doc, "PA Small Clause", 8.5, after=3, line=1.0)
    _paragraph_style(doc, "PA Cert Line", 8.5, before=4, after=1, line=1.0)
    _paragraph_style(doc, "PA Small Bullet", 8.5, after=1, indent=0.5, line=1.0)
    _paragraph_style(doc, "PA Mono", 8, color=MUTED, after=2)
    doc.styles["PA Mono"].font.name = "Courier New"
    doc.styles["PA Hash"].font.name = "Courier New"
    _shade(doc.styles["PA Note"].element, TINT, left_border=TEAL)
    _shade(doc.styles["PA Status"].element, None)


def _shade(style_element, fill: str | None, left_border: str | None = None) -> None:
    ppr = style_element.get_or_add_pPr()
    if left_border:
        ppr.append(
            parse_xml(
                f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="8" '
                f'w:color="{left_border}"/></w:pBdr>'
            )
        )
    if fill:
        ppr.append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
        )


def _rule(paragraph, color: str = TEAL, size: int = 12) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{size}" w:space="6" '
            f'w:color="{color}"/></w:pBdr>'
        )
    )


def _raw(doc, xml: str) -> None:
    """Append raw WordprocessingML to the body (before the final section properties)."""
    anchor = doc.add_paragraph()._p
    anchor.addprevious(parse_xml(xml))
    anchor.getparent().remove(anchor)


def _p(text: str, style_id: str) -> str:
    return (
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def _section_block(doc, loop: str) -> None:
    """Heading, approval status, and the clause in a content control tagged pa:<key>, inside a
    bookmark pair named pa_<key>."""
    doc.add_paragraph("{%p for section in " + loop + " %}")
    doc.add_paragraph("{{ section.number }}  {{ section.title }}", "Heading 1")
    doc.add_paragraph("{%p if section.status %}")
    doc.add_paragraph("{{ section.status }}", "PA Status")
    doc.add_paragraph("{%p endif %}")
    lines = "".join(
        _p(t, s).replace(f" {nsdecls('w')}", "")
        for t, s in [
            ("{%p for line in section.lines %}", "Normal"),
            ("{%p if line.bullet %}", "Normal"),
            ("{{ line.text }}", "PABullet"),
            ("{%p elif line.text %}", "Normal"),
            ("{{ line.text }}", "PAClause"),
            ("{%p else %}", "Normal"),
            ("{{ line.text }}", "PAGap"),
            ("{%p endif %}", "Normal"),
            ("{%p endfor %}", "Normal"),
        ]
    )
    _raw(
        doc,
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{{{{ section.title }}}}"/>'
        '<w:tag w:val="pa:{{ section.key }}"/><w:id w:val="{{ section.control_id }}"/>'
        # A bookmark pair pa_<key> too: LibreOffice and Google Docs keep bookmarks, not tags.
        '</w:sdtPr><w:sdtContent><w:bookmarkStart w:id="{{ section.control_id }}" '
        f'w:name="pa_{{{{ section.key }}}}"/>{lines}'
        '<w:bookmarkEnd w:id="{{ section.control_id }}"/></w:sdtContent></w:sdt>',
    )
    doc.add_paragraph("{%p endfor %}")


def _cell(cell, text: str, style: str, fill: str | None = None, width: float | None = None):
    cell.paragraphs[0].text = text
    cell.paragraphs[0].style = style
    if fill:
        cell._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
        )
    if width:
        cell.width = Cm(width)


def _table(doc, headings: list[str], cells: list[str], loop: str, widths: list[float]):
    """A table with a repeated heading row and one row per item of `loop`."""
    table = doc.add_table(rows=4, cols=len(headings))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Cm(width)
    table._tbl.tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    table._tbl.tblPr.append(
        parse_xml(
            f"<w:tblBorders {nsdecls('w')}>"
            f'<w:top w:val="single" w:sz="4" w:color="{RULE}"/>'
            f'<w:bottom w:val="single" w:sz="4" w:color="{RULE}"/>'
            f'<w:insideH w:val="single" w:sz="4" w:color="{RULE}"/></w:tblBorders>'
        )
    )
    table._tbl.tblPr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:top w:w="40" w:type="dxa"/>'
            '<w:left w:w="90" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
            '<w:right w:w="90" w:type="dxa"/></w:tblCellMar>'
        )
    )
    head, start, row, end = table.rows
    head._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    for i, (title, text, width) in enumerate(zip(headings, cells, widths, strict=True)):
        _cell(head.cells[i], title, "PA Head Cell", TEAL, width)
        _cell(row.cells[i], text, "PA Cell", None, width)
        _cell(start.cells[i], "{%tr for " + loop + " %}" if i == 0 else "", "PA Cell", None, width)
        _cell(end.cells[i], "{%tr endfor %}" if i == 0 else "", "PA Cell", None, width)
    return table


def _field(name: str):
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice update when laying out."""
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {name} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    )


def _footer(section) -> None:
    footer = section.footer
    first = footer.paragraphs[0]
    first.style = "PA Small"
    first.paragraph_format.tab_stops.add_tab_stop(Cm(17.2), WD_TAB_ALIGNMENT.RIGHT)
    _rule(first, RULE, 4)
    first.paragraph_format.space_before = Pt(0)
    first.add_run("{{ agreement.title }} · version {{ agreement.version }}\tPage ")
    first._p.append(_field("PAGE"))
    first.add_run(" of ")
    first._p.append(_field("NUMPAGES"))
    header = section.header.paragraphs[0]
    header.text = "{{ header_note }}"
    header.style = "PA Small"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _summary(doc) -> None:
    """The one-page summary: a label column and the facts, one row per recorded fact."""
    table = doc.add_table(rows=3, cols=2)
    table.autofit = False
    widths = [3.4, 13.8]
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Cm(width)
    table._tbl.tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    table._tbl.tblPr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:top w:w="40" w:type="dxa"/>'
            '<w:left w:w="0" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
            '<w:right w:w="120" w:type="dxa"/></w:tblCellMar>'
        )
    )
    start, row, end = table.rows
    _cell(start.cells[0], "{%tr for line in summary %}", "PA Cell", None, widths[0])
    _cell(start.cells[1], "", "PA Cell", None, widths[1])
    _cell(row.cells[0], "{{ line.label }}", "PA Label", None, widths[0])
    _cell(row.cells[1], "{{ line.text }}", "PA Fact", None, widths[1])
    _cell(end.cells[0], "{%tr endfor %}", "PA Cell", None, widths[0])
    _cell(end.cells[1], "", "PA Cell", None, widths[1])


def _contents(doc) -> None:
    """The core sections on the left, the annexes and the closing parts on the right."""
    doc.add_paragraph("Contents", "Heading 2")
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for column in table._tbl.tblGrid.gridCol_lst:
        column.w = Cm(8.6)
    table._tbl.tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    table._tbl.tblPr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
            '<w:right w:w="120" w:type="dxa"/></w:tblCellMar>'
        )
    )
    core, annexes = table.rows[0].cells
    for cell, lines in (
        (
            core,
            [
                ("{%p for section in core_sections %}", "PA Contents"),
                ("{{ section.number }}  {{ section.title }}", "PA Contents"),
                ("{%p endfor %}", "PA Contents"),
            ],
        ),
        (
            annexes,
            [
                ("{%p if annex_sections %}", "PA Contents"),
                ("Annexes", "PA Contents Part"),
                ("{%p for section in annex_sections %}", "PA Contents"),
                ("{{ section.number }}  {{ section.title }}", "PA Contents"),
                ("{%p endfor %}", "PA Contents"),
                ("{%p endif %}", "PA Contents"),
                ("Signing page and approval certificate", "PA Contents Part"),
            ],
        ),
    ):
        cell.width = Cm(8.6)
        cell.paragraphs[0].text, cell.paragraphs[0].style = lines[0]
        for text, style in lines[1:]:
            cell.add_paragraph(text, style)


def _grid(doc, words: dict) -> None:
    """Sections × parties: who approved and when. docxtpl's {%tc %} repeats the party column;
    render.py then shares the width left after the first two columns between the parties."""
    table = _table(
        doc,
        [
            "Section",
            "Text hash",
            "{%tc for party in parties %}",
            "{{ party.name }}",
            "{%tc endfor %}",
        ],
        [
            "{{ row.section }}",
            "{{ row.hash }}",
            "{%tc for cell in row.cells %}",
            "{{ cell.who }}\n{{ cell.when }}",
            TC_END,
        ],
        "row in grid",
        [4.7, 2.5, 3.3, 3.3, 3.3],
    )
    table._tbl.tblPr.append(parse_xml(f'<w:tblCaption {nsdecls("w")} w:val="{GRID_CAPTION}"/>'))
    for row in table.rows:
        row.cells[1].paragraphs[0].style = "PA Hash"
    table.rows[0].cells[1].paragraphs[0].style = "PA Head Cell"


def build(kind: str) -> Document:
    """The template of one agreement kind, as a python-docx Document."""
    words = KINDS[kind]
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.9)
    section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.5)
    section.header_distance = section.footer_distance = Cm(0.8)
    section.start_type = WD_SECTION.NEW_PAGE
    _footer(section)
    doc.core_properties.title = "{{ agreement.title }}"

    doc.add_paragraph("{{ kind_label }}", "PA Eyebrow")
    doc.add_paragraph("{{ agreement.title }}", "Title")
    meta = doc.add_paragraph(
        "Version {{ agreement.version }}  ·  {{ date }}  ·  {{ status_label }}", "PA Meta"
    )
    _rule(meta)
    doc.add_paragraph("{%p if is_draft %}")
    doc.add_paragraph("{{ draft_notice }}", "PA Note")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("In short", "Heading 2")
    _summary(doc)
    doc.add_paragraph("{%p if level_line %}")
    doc.add_paragraph("{{ level_line }}", "PA Status").paragraph_format.space_before = Pt(4)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Status of this agreement", "Heading 2")
    doc.add_paragraph(words["statement"], "PA Note")
    _contents(doc)

    doc.add_paragraph("The agreement", "PA Annexes")
    _section_block(doc, "core_sections")
    doc.add_paragraph("{%p if annex_sections %}")
    doc.add_paragraph("Annexes", "PA Annexes")
    doc.add_paragraph(
        "The annexes hold the working detail behind the core agreement. They are part of it and "
        "were approved in the same way.",
        "PA Clause",
    ).paragraph_format.keep_with_next = True
    _section_block(doc, "annex_sections")
    doc.add_paragraph("{%p endif %}")

    doc.add_paragraph("Signed for the " + words["party_column"].lower() + "s", "PA Annexes")
    doc.add_paragraph("{%p if is_draft %}")
    doc.add_paragraph(words["signoff_draft"], "PA Clause").paragraph_format.keep_with_next = True
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(words["signoff_intro"], "PA Clause").paragraph_format.keep_with_next = True
    doc.add_paragraph("{%p endif %}")
    signoff = _table(
        doc,
        [
            words["party_column"],
            "{% if is_draft %}Name and job title{% else %}Approved online by{% endif %}",
            "Signature",
            "Date",
        ],
        [
            "{{ party.name }}{% if party.organisation %}\n{{ party.organisation }}{% endif %}",
            "{{ party.approvers }}",
            "",
            "",
        ],
        "party in signatories",
        [4.6, 5.8, 4.2, 2.6],
    )
    signoff.rows[2].height = Cm(1.6)
    # The signing block stays whole: where it does not fit the page, all of it moves on.
    for row in signoff.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True

    doc.add_paragraph("Approval certificate", "PA Part")
    doc.add_paragraph("{%p if is_draft %}")
    doc.add_paragraph("{{ certificate_intro }}", "PA Clause")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ certificate_intro }}", "PA Small Clause")
    _grid(doc, words)
    doc.add_paragraph("Who approved", "PA Cert Heading")
    doc.add_paragraph("{{ authority_note }}", "PA Small Clause")
    _table(
        doc,
        ["Name", "Job title", words["organisation_column"], "Email"],
        [
            "{{ person.name }}",
            "{{ person.job_title }}",
            "{{ person.organisation }}",
            "{{ person.email }}\n{{ person.email_standing }}",
        ],
        "person in approvers",
        [3.6, 4.0, 4.2, 5.4],
    )
    doc.add_paragraph("{%p if finalised_by %}")
    doc.add_paragraph("Finalised by {{ finalised_by }} on {{ finalised_at }}.", "PA Cert Line")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("Finalised on {{ finalised_at }}.", "PA Cert Line")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Fingerprint of the whole agreement (SHA-256):", "PA Cert Line")
    doc.add_paragraph("{{ fingerprint }}", "PA Mono")
    doc.add_paragraph("{%p if accepted_findings %}")
    doc.add_paragraph("Findings the {{ people }} accepted", "PA Cert Heading")
    doc.add_paragraph("{%p for finding in accepted_findings %}")
    doc.add_paragraph(
        "- {{ finding.section }}: {{ finding.message }} Accepted because: {{ finding.reason }}",
        "PA Small Bullet",
    )
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if omitted_sections %}")
    doc.add_paragraph(
        "Left out of this agreement: {{ omitted_sections }} (optional sections whose wording "
        "not every {{ person }} approved).",
        "PA Small Clause",
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ verify_note }}", "PA Small Clause")
    doc.add_paragraph("{%p endif %}")
    return doc


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else TEMPLATES
    out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        buffer = io.BytesIO()
        build(kind).save(buffer)
        (out / f"{kind}.docx").write_bytes(fixed_zip(buffer.getvalue()))  # same code, same bytes
        print(f"wrote {out / f'{kind}.docx'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
