"""Read an edited .docx back into an agreement, section by section, from the base revision
the document's binding names: unchanged, a new revision (source `import`), a conflict (the
server moved on since the file was made: nothing overwritten), missing, empty or unknown.

A document without a binding (Google Docs drops custom XML parts; a retyped document never had
one) names no base revision. Its sections, found by heading (or by whatever markers survived),
are compared with the current revisions: equal is unchanged; different is `base_unknown` and
saves nothing, since the editor may have started from an older revision. The caller sees the
current revision and confirms it explicitly (`confirmed`: key -> revision number); only then
does the text become a new revision, and a confirmation the section has moved past is refused
(409) like any edit on a stale revision."""

from __future__ import annotations

from dataclasses import dataclass

from plugin.catalogue import Catalogue
from plugin.workflow import rules
from plugin.workflow.errors import Conflict, InvalidInput
from plugin.workflow.state import AgreementState, Effect, apply_all
from plugin.workflow.text import normalise, text_sha256

from .reading import BadDocument, ReadDocument


class WrongAgreement(BadDocument):
    title = "Document of another agreement"


@dataclass(frozen=True)
class Outcome:
    key: str
    title: str
    outcome: str  # unchanged | updated | conflict | base_unknown | missing | empty | unknown
    revision: int | None
    detail: str
    found_by: str | None = None  # tag | bookmark | heading; None when not in the document
    confirm: str | None = None  # base_unknown: "<key>:<revision>", what confirms this text


def _found_by(read: ReadDocument, key: str) -> str | None:
    return read.found_by.get(key, "tag") if key in read.sections else None


def check_binding(read: ReadDocument, agreement_id: int, origin: str) -> None:
    """Raises WrongAgreement when the binding names another agreement or another server, and
    BadDocument for a document without a binding in which no section could be found."""
    binding = read.binding
    if binding is None:
        if not read.sections:
            raise BadDocument(
                "This document has no link to an agreement (no binding part, as after an "
                "export from Google Docs or retyping), and none of this agreement's section "
                "headings were found in it, so no section could be matched. Nothing was "
                "changed. Give each section its own heading, worded as its title, or download "
                "the agreement's document and edit that one."
            )
        return
    if binding.origin != origin:
        raise WrongAgreement(
            f"This document was made by another server ({binding.origin}), not {origin}."
        )
    if binding.agreement_id != agreement_id:
        raise WrongAgreement(
            f"This document belongs to agreement {binding.agreement_id}, not {agreement_id}."
        )


def plan_import(
    state: AgreementState,
    read: ReadDocument,
    catalogue: Catalogue,
    kind: str,
    previous_fields: dict[str, dict],
    confirmed: dict[str, int] | None = None,
) -> tuple[list[Outcome], list[Effect]]:
    """What the document changes, decided by the rules on the locked state. Raises Conflict
    when the agreement is final; `confirmed` is for a document without a binding only (see
    the module's description)."""
    if state.status == "final":
        raise Conflict(
            f"Version {state.version} of this agreement is final and cannot change. "
            "Renegotiate it to import edits."
        )
    keys = [s.key for s in catalogue.sections_for(kind)]
    if read.binding is None:
        return _plan_unbound(state, read, keys, previous_fields, confirmed or {})
    if confirmed:
        raise InvalidInput(
            "This document is bound to the agreement, so it names the revision each section "
            "was made from: there is nothing to confirm. Import it without 'confirm'."
        )
    outcomes: list[Outcome] = []
    effects: list[Effect] = []
    for key in keys:
        title = state.titles[key]
        current = state.revisions.get(key)
        mark = read.binding.section(key)
        if key not in read.sections:
            if mark is not None or current is not None:
                outcomes.append(
                    Outcome(
                        key,
                        title,
                        "missing",
                        current and current.number,
                        "The section's content control is not in the document.",
                    )
                )
            continue
        text = normalise(read.sections[key])
        base = mark.revision if mark else 0
        if not text:
            if current is not None:
                outcomes.append(
                    Outcome(
                        key,
                        title,
                        "empty",
                        current.number,
                        "The section is empty in the document; its text was kept.",
                    )
                )
            continue
        sha = text_sha256(text)
        if (mark and sha == mark.sha256) or (current and sha == current.sha256):
            outcomes.append(
                Outcome(key, title, "unchanged", current and current.number, "No change.")
            )
            continue
        if base != (current.number if current else 0):
            outcomes.append(
                Outcome(
                    key,
                    title,
                    "conflict",
                    current and current.number,
                    f"Changed in the document, but the section has moved on since revision "
                    f"{base}, which the document was made from: nothing was overwritten. "
                    "Download the current document and make the change again.",
                )
            )
            continue
        new = rules.edit(state, key, base, text, previous_fields.get(key), "import")
        state = apply_all(state, new)
        effects += new
        outcomes.append(
            Outcome(
                key,
                title,
                "updated",
                state.revisions[key].number,
                "A new revision; approvals of this section start again.",
            )
        )
    outcomes = [
        Outcome(
            o.key,
            o.title,
            o.outcome,
            o.revision,
            o.detail + NOTES.get(read.found_by.get(o.key, ""), ""),
            _found_by(read, o.key),
        )
        for o in outcomes
    ]
    return outcomes + _unknown(read, keys), effects


NOTES = {
    "bookmark": " Found by its bookmarks (the document had lost its content control).",
    "heading": " Found by its heading (the document had no content control or bookmark "
    "for it): check the text is the section's.",
}


def _unknown(read: ReadDocument, keys: list[str]) -> list[Outcome]:
    return [
        Outcome(
            key,
            read.titles.get(key, key),
            "unknown",
            None,
            "This agreement has no such section; it was ignored.",
            _found_by(read, key),
        )
        for key in read.sections
        if key not in keys
    ]


def _plan_unbound(
    state: AgreementState,
    read: ReadDocument,
    keys: list[str],
    previous_fields: dict[str, dict],
    confirmed: dict[str, int],
) -> tuple[list[Outcome], list[Effect]]:
    """A document without a binding: nothing is written on a guessed base. Raises
    InvalidInput for a confirmation naming no section of the agreement, StaleRevision when a
    confirmed revision is no longer the section's current one (nothing is written then)."""
    strangers = sorted(set(confirmed) - set(keys))
    if strangers:
        raise InvalidInput(
            f"This agreement has no section '{strangers[0]}' to confirm; nothing was changed."
        )
    for key, base in confirmed.items():
        current = state.revisions.get(key)
        number = current.number if current else 0
        if base != number:
            raise rules.StaleRevision(
                f"Section '{state.titles[key]}' has moved on since you checked it: its current "
                f"revision is {number}, not {base}. Nothing was changed. Compare the document "
                "with the current text and confirm again.",
                current=current,
            )
    outcomes: list[Outcome] = []
    effects: list[Effect] = []
    for key in keys:
        title = state.titles[key]
        current = state.revisions.get(key)
        number = current.number if current else 0
        if key not in read.sections:
            if current is not None:
                outcomes.append(
                    Outcome(
                        key,
                        title,
                        "missing",
                        number,
                        "The section's heading was not found in the document (without a "
                        "binding part, sections are found by their headings); its text was "
                        "kept.",
                    )
                )
            continue
        found = _found_by(read, key)
        note = NOTES.get(found or "", "")
        text = normalise(read.sections[key])
        if not text:
            if current is not None:
                outcomes.append(
                    Outcome(
                        key,
                        title,
                        "empty",
                        number,
                        "The section is empty in the document; its text was kept." + note,
                        found,
                    )
                )
            continue
        if current is not None and text_sha256(text) == current.sha256:
            outcomes.append(Outcome(key, title, "unchanged", number, "No change." + note, found))
            continue
        if key in confirmed:
            new = rules.edit(state, key, number, text, previous_fields.get(key), "import")
            state = apply_all(state, new)
            effects += new
            outcomes.append(
                Outcome(
                    key,
                    title,
                    "updated",
                    state.revisions[key].number,
                    f"A new revision on revision {number}, as you confirmed; approvals of this "
                    "section start again." + note,
                    found,
                )
            )
            continue
        was = (
            f"If it should replace revision {number}, the current one,"
            if current
            else "If it should become the section's first text,"
        )
        outcomes.append(
            Outcome(
                key,
                title,
                "base_unknown",
                number,
                "Changed in the document, but a document without a binding part does not say "
                "which revision it was made from, so nothing was saved (it may undo changes "
                f"made since). {was} import the document again confirming '{key}:{number}'." + note,
                found,
                f"{key}:{number}",
            )
        )
    return outcomes + _unknown(read, keys), effects
