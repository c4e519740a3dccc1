"""The one-page summary that opens a document: who, what for, from when to when, each party's
contact, the next review and where to turn when things go wrong, read from the sections' fields.
A line whose facts are missing is left out, never printed blank."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

FREQUENCY = {  # review_and_revision.review_frequency, as a phrase after "reviewed"
    "monthly": "monthly",
    "termly": "each term",
    "six_monthly": "every six months",
    "annually": "every year",
    "yearly": "every year",
}


def long_date(value: object) -> str:
    """'2027-01-08' → '8 January 2027'; anything else as it is ('' for nothing)."""
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value or ""))
        except ValueError:
            return str(value or "").strip()
    return f"{day.day} {day:%B %Y}"


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def _joined(parts: Sequence[str]) -> str:
    parts = [p for p in parts if p]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def _records(fields: Mapping, key: str) -> list[Mapping]:
    value = fields.get(key)
    return [r for r in value if isinstance(r, Mapping)] if isinstance(value, list) else []


def _contacts(kind: str, fields: Mapping[str, Mapping], names: Mapping[int, str]) -> list[dict]:
    """One line per party: the lead contact (partnership) or the worker's job and how to reach
    them (co-working), where the fields say."""
    lines = []
    if kind == "co_working":
        for r in _records(fields.get("co_workers", {}), "workers"):
            name = names.get(r.get("worker"))
            job = _joined([_text(r.get("role")), _text(r.get("organisation"))]).replace(
                " and ", ", ", 1
            )
            details = "; ".join(p for p in (job, _text(r.get("contact"))) if p)
            if name and details:
                lines.append({"label": name, "text": details})
        return lines
    for r in _records(fields.get("partners_and_context", {}), "partners"):
        name = names.get(r.get("partner"))
        who = (_text(r.get("contact_name")), _text(r.get("contact_role")))
        contact = ", ".join(p for p in who if p)
        if name and contact:
            lines.append({"label": name, "text": contact})
    return lines


def _term(kind: str, fields: Mapping[str, Mapping]) -> str:
    opening = fields.get("co_workers" if kind == "co_working" else "partners_and_context", {})
    ending = fields.get("duration_and_ending", {})
    start, end = long_date(opening.get("start_date")), long_date(ending.get("end_date"))
    if ending.get("open_ended"):
        end = ""
    if start and end:
        return f"From {start} to {end}"
    if start:
        open_ended = ending.get("open_ended")
        return f"From {start}, with no set end date" if open_ended else f"From {start}"
    return f"Until {end}" if end else ""


def _review(fields: Mapping[str, Mapping]) -> str:
    review = fields.get("review_and_revision", {})
    when = long_date(review.get("next_review"))
    often = FREQUENCY.get(_text(review.get("review_frequency")), "")
    if when and often:
        return f"{when}; then reviewed {often}"
    return when


def _trouble(fields: Mapping[str, Mapping], names: Mapping[int, str]) -> str:
    escalation = fields.get("escalation_and_disagreement", {})
    steps = _records(escalation, "escalation_steps")
    first = ""
    if steps:
        step = steps[0]
        who, when = _text(step.get("who")), _text(step.get("timescale"))
        first = _text(step.get("step")).rstrip(".")
        extra = ", ".join(p for p in (who, when) if p)
        first = f"{first} ({extra})" if first and extra else first
    managers = [
        ", ".join(p for p in (_text(m.get("manager")), _text(m.get("role"))) if p)
        for m in _records(escalation, "delivery_managers")
    ]
    managers = [m for m in managers if m]
    if first and managers:
        return f"{first}. Then the managers: {'; '.join(managers)}."
    if managers:
        return f"The managers: {'; '.join(managers)}."
    return f"{first}." if first else ""


def summary_lines(
    kind: str,
    people: str,
    parties: Sequence[str],
    fields: Mapping[str, Mapping],
    names: Mapping[int, str],
) -> list[dict]:
    """The summary's lines ({label, text}), each only where its facts are recorded."""
    purpose = _text(fields.get("purpose_and_aims", {}).get("purpose_statement"))
    lines = [
        {"label": people.capitalize(), "text": _joined(list(parties))},
        {"label": "What for", "text": purpose},
        {"label": "When", "text": _term(kind, fields)},
        {"label": "Next review", "text": _review(fields)},
        {"label": "If things go wrong", "text": _trouble(fields, names)},
    ]
    contacts = _contacts(kind, fields, names)
    out = [line for line in lines[:3] if line["text"]]
    out += [
        {"label": "Contacts" if i == 0 else "", "text": f"{c['label']}: {c['text']}"}
        for i, c in enumerate(contacts)
    ]
    return out + [line for line in lines[3:] if line["text"]]
