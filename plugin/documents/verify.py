"""Verify a .docx against the record: is it a finalised agreement held here, unchanged, and if
not, which sections differ from the stored final document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from plugin.workflow.text import normalise, text_sha256

from .reading import ReadDocument, read_document


@dataclass(frozen=True)
class Verdict:
    verified: bool
    detail: str
    agreement_id: int | None = None
    version: int | None = None
    sha256: str = ""
    sections: list[dict] = field(default_factory=list)  # the sections that differ


def compare(upload: bytes, read: ReadDocument, record: bytes, limit: int) -> Verdict:
    """Compare an upload with the stored final document of the agreement it names."""
    binding = read.binding
    assert binding is not None
    sha = hashlib.sha256(upload).hexdigest()
    base = {"agreement_id": binding.agreement_id, "version": binding.version, "sha256": sha}
    if sha == hashlib.sha256(record).hexdigest():
        return Verdict(
            True,
            f"This is the final agreement {binding.agreement_id}, version {binding.version}, "
            "exactly as held here.",
            **base,
        )
    kept = read_document(record, max(limit, len(record)))
    differ = []
    for key, text in kept.sections.items():
        title = kept.titles.get(key, key)
        if key not in read.sections:
            differ.append({"key": key, "title": title, "problem": "missing"})
        elif text_sha256(normalise(read.sections[key])) != text_sha256(text):
            differ.append({"key": key, "title": title, "problem": "changed"})
    differ += [
        {"key": key, "title": read.titles.get(key, key), "problem": "added"}
        for key in read.sections
        if key not in kept.sections
    ]
    if differ:
        names = ", ".join(f"'{d['title']}' ({d['problem']})" for d in differ)
        detail = f"This copy differs from the final agreement held here: {names}."
    else:
        detail = (
            "Every section's text matches the final agreement held here, but the file differs "
            "elsewhere (formatting, the certificate or other content): it is not the file "
            "issued."
        )
    return Verdict(False, detail, sections=differ, **base)
