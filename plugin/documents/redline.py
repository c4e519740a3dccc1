"""Version n+1 as a Word redline against the last final version: the draft document of the
current text, in which each section's content control shows, with Word's own tracked changes
(w:ins / w:del, with author and date), how its text differs from the final text, word by word.

Built from section texts (plugin/workflow/differences.py), not by comparing whole documents:
each paragraph keeps the layout the template gives the line it stands for.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass

import docx
from lxml import etree

from plugin.workflow.differences import Run

from .render import fixed_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(frozen=True)
class Change:
    """One section's difference from the final text, and who made it when."""

    runs: list[Run]
    author: str
    date: dt.datetime  # naive UTC


class _Ids:
    def __init__(self) -> None:
        self.next = 9000  # clear of the template's own ids

    def __call__(self) -> str:
        self.next += 1
        return str(self.next)


def _mark(tag: str, change: Change, ids: _Ids) -> etree._Element:
    mark = etree.Element(_w(tag))
    mark.set(_w("id"), ids())
    mark.set(_w("author"), change.author)
    mark.set(_w("date"), change.date.replace(microsecond=0).isoformat() + "Z")
    return mark


def _run(text: str, deleted: bool, run_props) -> etree._Element:
    run = etree.Element(_w("r"))
    if run_props is not None:
        run.append(copy.deepcopy(run_props))
    t = etree.SubElement(run, _w("delText" if deleted else "t"))
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run


def _paragraphs(change: Change, layouts: list, ids: _Ids) -> list[etree._Element]:
    """The section's paragraphs: one per line of either text, each run and paragraph mark
    marked as inserted or deleted where it differs."""
    out: list[etree._Element] = []
    line = 0  # which line of the new text the paragraph stands at (for its layout)

    def start() -> etree._Element:
        paragraph = etree.Element(_w("p"))
        props = layouts[min(line, len(layouts) - 1)][0]
        if props is not None:
            paragraph.append(copy.deepcopy(props))
        out.append(paragraph)
        return paragraph

    paragraph = start()
    for run in change.runs:
        pieces = run.text.split("\n")
        for i, piece in enumerate(pieces):
            if i > 0:  # a paragraph mark, kept, inserted or deleted
                if run.op != "same":
                    props = paragraph.find(_w("pPr"))
                    if props is None:
                        props = etree.Element(_w("pPr"))
                        paragraph.insert(0, props)
                    marks = props.find(_w("rPr"))
                    if marks is None:
                        marks = etree.SubElement(props, _w("rPr"))
                    marks.append(_mark(run.op, change, ids))
                if run.op != "del":
                    line += 1
                paragraph = start()
            if not piece:
                continue
            run_props = layouts[min(line, len(layouts) - 1)][1]
            element = _run(piece, run.op == "del", run_props)
            if run.op == "same":
                paragraph.append(element)
            else:
                wrapper = _mark(run.op, change, ids)
                wrapper.append(element)
                paragraph.append(wrapper)
    return out


def _layouts(content: etree._Element) -> list:
    """(paragraph properties, first run's properties) of each paragraph the template made."""
    found = []
    for paragraph in content.iter(_w("p")):
        props = paragraph.find(_w("pPr"))
        if props is not None:
            props = copy.deepcopy(props)
            for marks in props.findall(_w("rPr")):  # a mark's own properties are per paragraph
                props.remove(marks)
        first = paragraph.find(f"{_w('r')}/{_w('rPr')}")
        found.append((props, first, _sort(_said(paragraph))))
    return found or [(None, None, "text")]


def _sort(text: str) -> str:
    """Which sort of line the template lays out: a list line, a blank line or other text."""
    return "bullet" if text.startswith("- ") else "gap" if not text.strip() else "text"


def _said(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_w("t"), _w("delText")))


def _restyle(paragraphs: list[etree._Element], layouts: list) -> None:
    """A paragraph laid out as another sort of line (a list line, a blank line, other text),
    which happens to lines only the final text had, takes the layout of a line of its sort."""
    for paragraph in paragraphs:
        sort = _sort(_said(paragraph))
        props = paragraph.find(_w("pPr"))
        style = props.find(_w("pStyle")) if props is not None else None
        mine = style.get(_w("val")) if style is not None else None
        like = next((lay for lay in layouts if lay[2] == sort), None)
        if like is None or like[0] is None:
            continue
        their = like[0].find(_w("pStyle"))
        if their is None or their.get(_w("val")) == mine:
            continue
        marks = props.find(_w("rPr")) if props is not None else None
        fresh = copy.deepcopy(like[0])
        if marks is not None:
            fresh.append(marks)
        if props is not None:
            paragraph.remove(props)
        paragraph.insert(0, fresh)


def redline(draft: bytes, changes: Mapping[str, Change]) -> bytes:
    """The draft .docx with each changed section's control rewritten as tracked changes."""
    document = docx.Document(io.BytesIO(draft))
    ids = _Ids()
    for sdt in document.element.body.iter(_w("sdt")):
        tag = sdt.find(f"{_w('sdtPr')}/{_w('tag')}")
        key = (tag.get(_w("val")) or "")[3:] if tag is not None else ""
        content = sdt.find(_w("sdtContent"))
        if key not in changes or content is None or not tag.get(_w("val")).startswith("pa:"):
            continue
        layouts = _layouts(content)
        for child in list(content):
            content.remove(child)
        paragraphs = _paragraphs(changes[key], layouts, ids)
        _restyle(paragraphs, layouts)
        for paragraph in paragraphs:
            content.append(paragraph)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue())
