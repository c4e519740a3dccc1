"""The approval certificate on one page: a grid of sections × parties (who approved, and when),
the approvers (name, job title, organisation, email and who verified it), who finalised, all in
the agreement's time zone with its offset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

SHORT_HASH = 12  # characters of a sha256 shown in the certificate


def local_time(moment: dt.datetime, zone: str) -> dt.datetime:
    """A stored time (naive UTC, or aware) in the agreement's time zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(ZoneInfo(zone))


def zone_label(moment: dt.datetime) -> str:
    """'GMT', 'BST', or 'UTC+05:30' where the zone has no letters for itself."""
    name = moment.tzname() or ""
    if name.isalpha():
        return name
    offset = moment.utcoffset() or dt.timedelta()
    sign = "-" if offset < dt.timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def offset_of(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta()
    sign = "-" if offset < dt.timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def human_time(moment: dt.datetime, zone: str) -> str:
    """'4 Dec 2026, 10:15 GMT': the time in the agreement's zone, with its abbreviation."""
    local = local_time(moment, zone)
    return f"{local.day} {local:%b %Y, %H:%M} {zone_label(local)}"


def short_date(moment: dt.datetime, zone: str) -> str:
    local = local_time(moment, zone)
    return f"{local.day} {local:%b %Y}"


TITLES = {"pc", "dc", "ds", "sgt", "sergeant", "inspector", "insp", "chief", "superintendent"}
TITLES |= {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "rev", "cllr", "councillor", "sir"}


def short_name(name: str) -> str:
    """'Joe Lindsay' → 'J. Lindsay', 'Inspector Fiona Reid' → 'F. Reid': the first given
    name's initial and the surname; a one-word name stays as it is."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    if len(words) < 2 or words[0].lower().rstrip(".") in TITLES:
        return name
    return f"{words[0][0]}. {words[-1]}"


def grid(
    sections: Sequence[Mapping],
    parties: Sequence[str],
    approvals: Sequence,
    zone: str,
) -> list[dict]:
    """One row per section (numbered as in the document): the hash of the wording approved and,
    per party, who approved it and on which day."""
    found = {(a.section_key, a.party): a for a in approvals}
    rows = []
    for section in sections:
        cells = []
        for party in parties:
            a = found.get((section["key"], party))
            who, when = (short_name(a.name), short_date(a.at, zone)) if a else ("", "")
            cells.append({"who": who, "when": when})
        if any(c["who"] for c in cells):
            rows.append(
                {
                    "section": f"{section['number']} {section['title']}",
                    "hash": section["sha256"][:SHORT_HASH],
                    "cells": cells,
                }
            )
    return rows


def approvers(approvals: Sequence, organisations: Mapping[str, str], zone: str) -> list[dict]:
    """Each person who approved, once, in the order of the parties: name, job title, the
    organisation they approved for, email and who verified it, and their first and last
    approval."""
    people: dict[tuple[str, str], dict] = {}
    for a in approvals:
        key = (a.party, a.email)
        people.setdefault(
            key,
            {
                "name": a.name,
                "job_title": a.job_title,
                "party": a.party,
                "organisation": organisations.get(a.party, a.party),
                "email": a.email,
                "email_standing": a.email_standing,
            },
        )
    return list(people.values())


def authority_note(approvals: Sequence, kind: str) -> str:
    """Whether each approver confirmed their authority to agree for their party, in words."""
    body = "their organisation" if kind == "partnership" else "their part in the work"
    missing = sorted({a.name for a in approvals if not a.authority})
    if not approvals:
        return ""
    if not missing:
        return f"Each approver confirmed, on approving, their authority to agree for {body}."
    return (
        f"Each approver confirmed that they have authority to agree for {body}, except "
        f"{', '.join(missing)}, who approved before this was asked."
    )
