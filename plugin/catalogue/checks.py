"""Completeness checks: the named rules a section's data can ask for, reporting in words.

Each rule takes the check's parameters from the catalogue, the section's (validated, complete)
values and the agreement's parties, and yields a message for each thing that is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from plugin.workflow.state import Party

from .definitions import Check, Condition, Section


@dataclass(frozen=True)
class Finding:
    """Something a section still lacks, in words, with the guidance it comes from."""

    section: str
    message: str
    source: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"section": self.section, "message": self.message, "source": list(self.source)}


def is_set(value: object) -> bool:
    """True when a value says something: not None, not blank text, not an empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def _label(item: dict) -> str:
    text = next((v for v in item.values() if isinstance(v, str) and v.strip()), None)
    return text.strip() if text else "(untitled)"


def _refs(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _required(
    check: Check, section: Section, values: dict, parties: Sequence[Party]
) -> Iterator[str]:
    if not is_set(values.get(check.field)):
        yield check.message


def _min_items(
    check: Check, section: Section, values: dict, parties: Sequence[Party]
) -> Iterator[str]:
    if len(values.get(check.field) or []) < check.min:
        yield check.message.format(min=check.min)


def _each_item_has(
    check: Check, section: Section, values: dict, parties: Sequence[Party]
) -> Iterator[str]:
    labels = {sub.key: sub.label for sub in section.field(check.field).fields or ()}
    for item in values.get(check.field) or []:
        missing = [labels[k].lower() for k in check.keys or () if not is_set(item.get(k))]
        if missing:
            yield check.message.format(item=_label(item), missing=", ".join(missing))


def _each_party_in(
    check: Check, section: Section, values: dict, parties: Sequence[Party]
) -> Iterator[str]:
    value = values.get(check.field) or []
    if check.ref is None:  # a `parties` field: every party must be listed
        covered = set(value)
    else:
        covered = {
            ref
            for item in value
            if all(is_set(item.get(k)) for k in check.with_ or ())
            for ref in _refs(item.get(check.ref))
        }
    for party in parties:
        if party.id not in covered:
            yield check.message.format(party=party.name)


def _any_item(
    check: Check, section: Section, values: dict, parties: Sequence[Party]
) -> Iterator[str]:
    items = values.get(check.field) or []
    if not any(all(item.get(k) == v for k, v in (check.match or {}).items()) for item in items):
        yield check.message


def _one_of(
    check: Check, section: Section, values: dict, parties: Sequence[Party]
) -> Iterator[str]:
    if not any(is_set(values.get(f)) and values.get(f) is not False for f in check.fields or ()):
        yield check.message


RULES: dict[str, Callable[[Check, Section, dict, Sequence[Party]], Iterator[str]]] = {
    "required": _required,
    "min_items": _min_items,
    "each_item_has": _each_item_has,
    "each_party_in": _each_party_in,
    "any_item": _any_item,
    "one_of": _one_of,
}


def applies(condition: Condition | None, values: dict) -> bool:
    """Whether a check's `when` condition holds for these values."""
    if condition is None:
        return True
    value = values.get(condition.field)
    if condition.in_ is not None:
        return value in condition.in_
    return is_set(value) == bool(condition.is_set)


def run_checks(section: Section, values: dict, parties: Sequence[Party]) -> list[Finding]:
    """Every finding for one section's values; an empty list means the section is complete."""
    return [
        Finding(section.key, message, tuple(check.source))
        for check in section.checks
        if applies(check.when, values)
        for message in RULES[check.rule](check, section, values, parties)
    ]
