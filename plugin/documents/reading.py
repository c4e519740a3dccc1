"""Read an uploaded .docx safely: it is hostile until proven otherwise.

Checked in this order, each failure a BadDocument (a 4xx problem) naming what is wrong: the
size; that it is a zip; the number of members and their declared sizes (a zip bomb announces
itself, or is caught while streaming, as the bytes actually inflated are counted against the
same limits); no macros (vbaProject, macro-enabled content types); the parts we need are there;
XML without DTDs or entities, parsed by lxml with entity resolution, the network and huge trees
off. Only the parts that are needed are ever inflated, each within a bounded size.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from plugin.workflow.errors import DomainError

from .binding import Binding, BindingError, from_element, is_binding

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_MEMBERS = 1000
MAX_PART_BYTES = 16 * 1024 * 1024  # one inflated XML part
MAX_TOTAL_BYTES = 64 * 1024 * 1024  # all members, as declared
MAX_RATIO = 200  # inflated / compressed, per member of any size worth checking
CHUNK = 64 * 1024
MAIN = "word/document.xml"
MACRO_MARKERS = (b"macroEnabled", b"vbaProject", b"vbaData")


class BadDocument(DomainError):
    status = 422
    title = "Unusable document"


class TooLarge(DomainError):
    status = 413
    title = "Document too large"


@dataclass(frozen=True)
class ReadDocument:
    """What an uploaded .docx says: its binding (or None) and each tagged section's text."""

    binding: Binding | None
    sections: dict[str, str]  # section key -> text, in document order
    titles: dict[str, str]
    found_by: dict[str, str] = field(default_factory=dict)  # key -> "bookmark" | "heading"
    # Headings that name no section of the agreement (read only when titles were given).
    other_headings: tuple[str, ...] = ()


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, counted while streaming so a lying header cannot exceed the limit."""
    if info.file_size > MAX_PART_BYTES:
        raise BadDocument(f"The part {info.filename} is larger than any real document needs.")
    out, total = io.BytesIO(), 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > MAX_PART_BYTES or total > info.file_size:
                    raise BadDocument(
                        f"The part {info.filename} inflates beyond its declared or allowed size "
                        "(a zip bomb?); the file was refused."
                    )
                out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise BadDocument(f"The part {info.filename} cannot be read: {exc}.") from None
    return out.getvalue()


def _xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> etree._Element:
    data = _inflate(archive, info)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # XML is case-sensitive: no other spelling
        raise BadDocument(
            f"The part {info.filename} declares a DTD or entities, which a Word document never "
            "needs; the file was refused."
        )
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise BadDocument(f"The part {info.filename} is not well-formed XML: {exc}.") from None


def open_archive(data: bytes, limit: int) -> zipfile.ZipFile:
    """Raises TooLarge, or BadDocument for anything that is not a plausible, macro-free .docx."""
    if len(data) > limit:
        raise TooLarge(f"The file is larger than the limit of {limit} bytes.")
    if not data.startswith(b"PK"):
        raise BadDocument("This is not a .docx file (a .docx is a zip archive).")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BadDocument(f"This is not a readable .docx file: {exc}.") from None
    if len(members) > MAX_MEMBERS:
        raise BadDocument(f"The archive holds more than {MAX_MEMBERS} parts; refused.")
    if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise BadDocument("The archive would inflate beyond the allowed size (a zip bomb?).")
    for member in members:
        if member.flag_bits & 0x1:
            raise BadDocument("The document is encrypted or password-protected; refused.")
        if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise BadDocument(
                f"The part {member.filename} is compressed beyond any real document "
                "(a zip bomb?); refused."
            )
        if "vbaproject" in member.filename.lower() or member.filename.lower().endswith(".bin"):
            raise BadDocument(
                "The document contains macros (a macro-enabled .docm); only plain .docx "
                "files are accepted."
            )
    return archive


def _member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    try:
        return archive.getinfo(name)
    except KeyError:
        raise BadDocument(f"The document has no {name} part; it is not a Word document.") from None


def _paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"):
        if node.tag == f"{{{W}}}t":
            parts.append(node.text or "")
        elif node.tag == f"{{{W}}}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def control_text(sdt: etree._Element) -> str:
    """A content control's text: one line per paragraph (as the server lays it out)."""
    content = sdt.find(f"{{{W}}}sdtContent")
    if content is None:
        return ""
    paragraphs = list(content.iter(f"{{{W}}}p"))
    if not paragraphs:  # a control inside a paragraph
        return _paragraph_text(content)
    return "\n".join(_paragraph_text(p) for p in paragraphs)


def tagged_sections(root: etree._Element) -> tuple[dict[str, str], dict[str, str]]:
    """Text and title of each content control tagged pa:<key>. Raises BadDocument if a tag
    appears twice (the document would say two things about one section)."""
    texts: dict[str, str] = {}
    titles: dict[str, str] = {}
    for sdt in root.iter(f"{{{W}}}sdt"):
        tag = sdt.find(f"{{{W}}}sdtPr/{{{W}}}tag")
        value = tag.get(f"{{{W}}}val", "") if tag is not None else ""
        if not value.startswith("pa:"):
            continue
        key = value[3:]
        if key in texts:
            raise BadDocument(f"The section '{key}' appears twice in the document.")
        alias = sdt.find(f"{{{W}}}sdtPr/{{{W}}}alias")
        titles[key] = alias.get(f"{{{W}}}val", "") if alias is not None else ""
        texts[key] = control_text(sdt)
    return texts, titles


def bookmarked_sections(root: etree._Element) -> dict[str, str]:
    """Text of each section between bookmarks named pa_<key> (what LibreOffice and Google Docs
    keep of a section when they drop its content control): one line per paragraph, from the
    paragraph of the first start of that name to the last paragraph with text before its last
    end. (LibreOffice may write a start without an end, and an empty pair of the same name.)"""
    names: dict[str, str] = {}  # bookmark id: key
    firsts: dict[str, int] = {}
    lasts: dict[str, int] = {}
    paragraphs: list[etree._Element] = []
    p, start = f"{{{W}}}p", f"{{{W}}}bookmarkStart"
    for node in root.iter(p, start, f"{{{W}}}bookmarkEnd"):
        if node.tag == p:
            paragraphs.append(node)
            continue
        holder = next(node.iterancestors(p), None)
        mark = node.get(f"{{{W}}}id", "")
        if node.tag == start:
            name = node.get(f"{{{W}}}name", "")
            if name.startswith("pa_"):
                names[mark] = name[3:]
                here = len(paragraphs) - 1 if holder is not None else len(paragraphs)
                firsts.setdefault(name[3:], here)
            continue
        key = names.get(mark)
        if key is None:
            continue
        last = len(paragraphs) - 1
        if holder is not None and last > firsts[key] and not _text_before(holder, node):
            last -= 1  # the end moved to the start of the next paragraph
        lasts[key] = last
    return {
        key: "\n".join(_paragraph_text(paragraphs[i]) for i in range(firsts[key], last + 1))
        for key, last in lasts.items()
    }


def _text_before(paragraph: etree._Element, mark: etree._Element) -> bool:
    for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}bookmarkEnd"):
        if node is mark:
            return False
        if node.text:
            return True
    return False


_LABEL = re.compile(r"^\s*[0-9A-Z]{1,3}\.\s+")
_SKIPPED = {"PAStatus"}  # the approval status line the server writes under each heading


# Headings the product writes itself, which name no section (make_templates.py).
_OWN_HEADINGS = {"contents", "in short", "status of this agreement"}
MAX_OTHER_HEADINGS = 50


def headed_sections(
    root: etree._Element, titles: dict[str, str]
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Text under each heading that reads as a section's title ("2.  Shared purpose and aims"),
    up to the next heading, part or table: for a document with no controls and no bookmarks.
    Also the headings that name none of the sections (not the product's own), first ones first."""
    wanted = {title.strip().casefold(): key for key, title in titles.items()}
    body = root.find(f"{{{W}}}body")
    found: dict[str, list[str]] = {}
    others: list[str] = []
    current: list[str] | None = None
    for node in body if body is not None else ():
        if node.tag != f"{{{W}}}p":
            current = None
            continue
        style = node.find(f"{{{W}}}pPr/{{{W}}}pStyle")
        style_id = style.get(f"{{{W}}}val", "") if style is not None else ""
        text = _paragraph_text(node)
        # Only a heading counts: a section's title also stands in the summary and the contents.
        heading = style_id.startswith("Heading")
        name = _LABEL.sub("", text).strip()
        key = wanted.get(name.casefold()) if heading else None
        if key is not None and key not in found:
            current = found[key] = []
        elif style_id.startswith(
            ("Heading", "Title", "PAPart", "PAAnnexes", "PACert", "PAEyebrow")
        ):
            current = None
            if heading and key is None and name and name.casefold() not in _OWN_HEADINGS:
                others.append(name[:200])
        elif current is not None and style_id not in _SKIPPED:
            current.append(text)
    texts = {key: "\n".join(lines).strip("\n") for key, lines in found.items()}
    # A bare heading: still missing.
    return {key: text for key, text in texts.items() if text}, tuple(others[:MAX_OTHER_HEADINGS])


def read_document(data: bytes, limit: int, titles: dict[str, str] | None = None) -> ReadDocument:
    """Raises TooLarge or BadDocument; otherwise the binding (None if absent) and sections."""
    archive = open_archive(data, limit)
    types = _inflate(archive, _member(archive, "[Content_Types].xml"))
    if any(marker.lower() in types.lower() for marker in MACRO_MARKERS):
        raise BadDocument(
            "The document is macro-enabled (.docm); only plain .docx files are accepted."
        )
    _xml(archive, _member(archive, "[Content_Types].xml"))
    body = _xml(archive, _member(archive, MAIN))
    if body.tag != f"{{{W}}}document":
        raise BadDocument("word/document.xml is not a WordprocessingML document.")
    binding = None
    for info in archive.infolist():
        name = info.filename
        if name.startswith("customXml/item") and name.endswith(".xml") and "Props" not in name:
            root = _xml(archive, info)
            if is_binding(root):
                try:
                    binding = from_element(root)
                except BindingError as exc:
                    raise BadDocument(
                        f"The document's agreement binding is damaged: {exc}."
                    ) from None
                break
    texts, found_titles = tagged_sections(body)
    found_by: dict[str, str] = {}
    for key, text in bookmarked_sections(body).items():  # where an editor dropped the controls
        if key not in texts:
            texts[key], found_titles[key], found_by[key] = text, "", "bookmark"
    others: tuple[str, ...] = ()
    if titles:  # neither a control nor a bookmark: the section's heading, reported as such
        headed, others = headed_sections(body, titles)
        for key, text in headed.items():
            if key not in texts:
                texts[key], found_titles[key], found_by[key] = text, titles[key], "heading"
    return ReadDocument(binding, texts, found_titles, found_by, others)
