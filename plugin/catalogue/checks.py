"""Completeness checks: the named rules a section's data can ask for, reporting in words.

Each rule takes the check's parameters from the catalogue, the section's (validated, complete)
values, the agreement's parties and a `Context` (the other sections' values and the facts about
the work), and yields a message for each thing that is missing. A message names only what is
missing, and names a record by the field that names it ("the meeting "Steering group"").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from plugin.workflow.state import Party

from .definitions import Check, Condition, FieldSpec, Section

JUDGES_FIELDS = " (This judges the section's fields: its text was edited by hand after them.)"


@dataclass(frozen=True)
class Finding:
    """Something a section still lacks, in words, with how much it matters and its sources."""

    section: str
    message: str
    source: tuple[str, ...]
    code: str = ""
    severity: str = "should"  # "must" blocks finalising unless accepted with a reason
    judges_fields: bool = False  # the text was edited by hand after the fields it judges

    def as_dict(self) -> dict:
        return {
            "section": self.section,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": list(self.source),
            "judges_fields": self.judges_fields,
        }


@dataclass(frozen=True)
class Context:
    """What a check may read beyond its own section: other sections' values, facts, labels."""

    others: Mapping[str, dict] = field(default_factory=dict)
    facts: Mapping[str, bool] = field(default_factory=dict)
    level: str | None = None  # the agreement's level, if known
    levels: Sequence[str] = ()  # every level, in continuum order
    today: dt.date | None = None  # the caller's date; checks against "now" skip when None


def is_set(value: object) -> bool:
    """True when a value says something: not None, not blank text, not an empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def code_of(section: Section, check: Check) -> str:
    """The check's stable code: its own, or one made from its rule and field(s)."""
    if check.code:
        return check.code
    parts = [check.field or "_".join(check.fields or ()), check.rule, *(check.keys or ())]
    parts += check.with_ or ()
    return f"{section.key}.{'_'.join(p for p in parts if p)}"


def _sub(section: Section, field_key: str, sub_key: str) -> FieldSpec | None:
    spec = section.field(field_key)
    return next((f for f in (spec.fields if spec else None) or () if f.key == sub_key), None)


def _words(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _plain(text: str) -> str:
    return " ".join(str(text).split()).rstrip(" .;:").casefold()


def item_name(check: Check, section: Section, item: dict, number: int) -> str:
    """'the meeting "Steering group"', or 'meeting 2 (no name given)' when the naming field is
    empty: a record is never called by some other field's value."""
    noun = check.noun or "entry"
    if check.label:
        name = item.get(check.label)
        if is_set(name):
            return f'the {noun} "{" ".join(str(name).split())}"'
        spec = _sub(section, check.field or "", check.label)
        what = spec.label.lower() if spec else noun
        return (
            f"{noun} {number} (" + ("not yet named" if what == noun else f"no {what} given") + ")"
        )
    return f"{noun} {number}"


def _refs(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _required(check, section, values, parties, ctx) -> Iterator[str]:
    if not is_set(values.get(check.field)):
        yield check.message


def _min_items(check, section, values, parties, ctx) -> Iterator[str]:
    if len([v for v in values.get(check.field) or [] if is_set(v)]) < check.min:
        yield check.message.format(min=check.min)


def _has(check: Check, item: dict, key: str) -> bool:
    """The record gives `key`, or the sub-field the check accepts in its place (`or`)."""
    other = (check.or_ or {}).get(key)
    return is_set(item.get(key)) or (other is not None and is_set(item.get(other)))


def _each_item_has(check, section, values, parties, ctx) -> Iterator[str]:
    for number, item in enumerate(values.get(check.field) or [], start=1):
        if not any(is_set(v) for v in item.values()):
            continue  # a blank row is not a record
        missing = [
            f'"{spec.label}"' + (f' or "{alt.label}"' if alt else "")
            for k in check.keys or ()
            if not _has(check, item, k) and (spec := _sub(section, check.field, k))
            for alt in [_sub(section, check.field, (check.or_ or {}).get(k, ""))]
        ]
        if missing:
            name = item_name(check, section, item, number)
            yield check.message.format(item=name, missing=_words(missing))


def _each_party_in(check, section, values, parties, ctx) -> Iterator[str]:
    value = values.get(check.field) or []
    if check.ref is None:  # a `parties` field: every party must be listed
        covered = set(value)
    else:
        covered = {
            ref
            for item in value
            if all(_has(check, item, k) for k in check.with_ or ())
            for ref in _refs(item.get(check.ref))
        }
    for party in parties:
        if party.id not in covered:
            yield check.message.format(party=party.name)


def _any_item(check, section, values, parties, ctx) -> Iterator[str]:
    items = values.get(check.field) or []
    if not any(all(item.get(k) == v for k, v in (check.match or {}).items()) for item in items):
        yield check.message


def _one_of(check, section, values, parties, ctx) -> Iterator[str]:
    if not any(is_set(values.get(f)) and values.get(f) is not False for f in check.fields or ()):
        yield check.message


def _other(check: Check, ctx: Context) -> object:
    other_section, other_field = (check.other or ".").split(".")
    return (ctx.others.get(other_section) or {}).get(other_field)


def _long_date(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def _date_within_term(check, section, values, parties, ctx) -> Iterator[str]:
    """The date in `field` falls on or before the end date read from `other`."""
    here, end = values.get(check.field), _other(check, ctx)
    if is_set(here) and is_set(end) and dt.date.fromisoformat(here) > dt.date.fromisoformat(end):
        yield check.message.format(date=_long_date(here), end=_long_date(end))


def _shared_aims(check: Check, ctx: Context) -> list[str]:
    return [a["aim"] for a in _other(check, ctx) or [] if is_set(a.get("aim"))]


def _each_aim_measured(check, section, values, parties, ctx) -> Iterator[str]:
    """Every shared aim (read from `other`) is named by at least one record of `field`."""
    linked = {_plain(i.get("aim")) for i in values.get(check.field) or [] if is_set(i.get("aim"))}
    for aim in _shared_aims(check, ctx):
        if _plain(aim) not in linked:
            yield check.message.format(aim=" ".join(aim.split()))


def _linked_to_aim(check, section, values, parties, ctx) -> Iterator[str]:
    """Every record of `field` names (in `aim`) one of the shared aims read from `other`;
    measures of the partnership itself (type `process`) need not."""
    shared = {_plain(a) for a in _shared_aims(check, ctx)}
    for number, item in enumerate(values.get(check.field) or [], start=1):
        if not any(is_set(v) for v in item.values()) or item.get("type") == "process":
            continue
        if not is_set(item.get("aim")) or _plain(item["aim"]) not in shared:
            yield check.message.format(item=item_name(check, section, item, number))


def _change_agreed_by_all(check, section, values, parties, ctx) -> Iterator[str]:
    """Every record of `field` that lists who agreed it (`ref`) lists every party."""
    names = {p.id: p.name for p in parties}
    for number, item in enumerate(values.get(check.field) or [], start=1):
        agreed = [r for r in item.get(check.ref) or [] if r in names]
        waiting = [names[p.id] for p in parties if p.id not in agreed]
        if agreed and waiting:
            yield check.message.format(
                item=item_name(check, section, item, number),
                agreed=_words([names[r] for r in agreed]),
                waiting=_words(waiting),
            )


def _min_distinct_parties(check, section, values, parties, ctx) -> Iterator[str]:
    """At least `min` different parties are named in `field` (by `ref`, with `with` set)."""
    named = {
        item.get(check.ref)
        for item in values.get(check.field) or []
        if item.get(check.ref) is not None and all(is_set(item.get(k)) for k in check.with_ or ())
    }
    if len(named) < check.min:
        yield check.message.format(min=check.min, count=len(named))


def _date_after_start(check, section, values, parties, ctx) -> Iterator[str]:
    """The date in `field` falls on or after the start date read from `other`."""
    here, start = values.get(check.field), _other(check, ctx)
    if (
        is_set(here)
        and is_set(start)
        and dt.date.fromisoformat(here) < dt.date.fromisoformat(start)
    ):
        yield check.message.format(date=_long_date(here), start=_long_date(start))


def _date_not_past(check, section, values, parties, ctx) -> Iterator[str]:
    """The date in `field` is not before the caller's `today` (skipped when today is unknown)."""
    here = values.get(check.field)
    if ctx.today is not None and is_set(here) and dt.date.fromisoformat(here) < ctx.today:
        yield check.message.format(date=_long_date(here))


def _items_not_future(check, section, values, parties, ctx) -> Iterator[str]:
    """No record of `field` has its date (sub-field `keys[0]`) after the caller's `today`."""
    key = (check.keys or ["date"])[0]
    for number, item in enumerate(values.get(check.field) or [], start=1):
        day = item.get(key)
        if ctx.today is not None and is_set(day) and dt.date.fromisoformat(day) > ctx.today:
            yield check.message.format(
                item=item_name(check, section, item, number), date=_long_date(day)
            )


def _distinct_in_items(check, section, values, parties, ctx) -> Iterator[str]:
    """No person is named twice across the records of `fields` (each by the sub-field at the
    same place in `keys`), ignoring case: each step of a ladder brings in someone new."""
    seen: dict[str, str] = {}
    for field_key, sub_key in zip(check.fields or (), check.keys or (), strict=True):
        spec = section.field(field_key)
        where = f'"{spec.label if spec else field_key}"'
        for item in values.get(field_key) or []:
            name = item.get(sub_key)
            if not is_set(name):
                continue
            first = seen.setdefault(_plain(name), where)
            if first is not where:
                both = f"twice in {where}" if first == where else f"in {first} and in {where}"
                yield check.message.format(item=" ".join(str(name).split()), where=both)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_REVIEW_IN_TEXT = re.compile(
    rf"\b(?:first|next) review\b[^.;]{{0,30}}?\b(?:(\d{{1,2}}) )?({_MONTHS}) (\d{{4}})",
    re.IGNORECASE,
)


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def _review_dates_agree(check, section, values, parties, ctx) -> Iterator[str]:
    """Every "first/next review in <month year>" written in another section names the month
    (and day, if given) of the date in `field`."""
    here = values.get(check.field)
    if not is_set(here):
        return
    day = dt.date.fromisoformat(here)
    for key, other in ctx.others.items():
        if key == section.key:
            continue
        for text in _texts(other):
            for found in _REVIEW_IN_TEXT.finditer(text):
                number, month, year = found.groups()
                said = (int(year), _MONTHS.split("|").index(month.capitalize()) + 1)
                if said != (day.year, day.month) or (number and int(number) != day.day):
                    yield check.message.format(item=found.group(0), date=_long_date(here))


Rule = Callable[[Check, Section, dict, Sequence[Party], Context], Iterator[str]]
RULES: dict[str, Rule] = {
    "required": _required,
    "min_items": _min_items,
    "each_item_has": _each_item_has,
    "each_party_in": _each_party_in,
    "any_item": _any_item,
    "one_of": _one_of,
    "date_within_term": _date_within_term,
    "each_aim_measured": _each_aim_measured,
    "linked_to_aim": _linked_to_aim,
    "change_agreed_by_all": _change_agreed_by_all,
    "min_distinct_parties": _min_distinct_parties,
    "date_after_start": _date_after_start,
    "date_not_past": _date_not_past,
    "items_not_future": _items_not_future,
    "distinct_in_items": _distinct_in_items,
    "review_dates_agree": _review_dates_agree,
}
PLACEHOLDERS = {
    "party",
    "item",
    "missing",
    "min",
    "date",
    "end",
    "aim",
    "agreed",
    "waiting",
    "count",
    "start",
    "where",
}


def applies(condition: Condition | None, values: dict) -> bool:
    """Whether a check's `when` condition holds for these values."""
    if condition is None:
        return True
    value = values.get(condition.field)
    if condition.in_ is not None:
        return value in condition.in_
    return is_set(value) == bool(condition.is_set)


def severity_of(check: Check, ctx: Context) -> str:
    """The check's severity; a `must` with `must_from` is advice below that level."""
    below = (
        check.must_from is not None
        and ctx.level in ctx.levels
        and ctx.levels.index(ctx.level) < ctx.levels.index(check.must_from)
    )
    return "should" if check.severity == "must" and below else check.severity


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def run_checks(
    section: Section,
    values: dict,
    parties: Sequence[Party],
    context: Context | None = None,
    judges_fields: bool = False,
) -> list[Finding]:
    """Every finding for one section's values; an empty list means the section is complete.

    `judges_fields` marks the findings of a section whose text was edited by hand after its
    fields, so that each message says it judges the fields."""
    ctx = context or Context()
    return [
        Finding(
            section.key,
            _sentence(message) + (JUDGES_FIELDS if judges_fields else ""),
            tuple(check.source),
            code_of(section, check),
            severity_of(check, ctx),
            judges_fields,
        )
        for check in section.checks
        if applies(check.when, values)
        and (check.if_fact is None or ctx.facts.get(check.if_fact, True))
        for message in RULES[check.rule](check, section, values, parties, ctx)
    ]
