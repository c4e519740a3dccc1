"""Check the rows of an agreement against its audit events: what the events say happened must
be exactly what the tables hold. A row edited or forged in the database, without a matching
event (which the keyed chain protects), is reported in words.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plugin.workflow.text import normalise, text_sha256

from .models import Agreement, Approval, ChangeRequest, Event, Member, Party, Revision


def fields_sha256(fields: dict) -> str:
    """The hash a revision's event keeps of its fields (canonical JSON: sorted keys, no spaces)."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class _Replay:
    """The rows the events imply, built by folding the events in order."""

    def __init__(self) -> None:
        self.version, self.status, self.title = 1, "drafting", None
        self.fields: dict[tuple[str, int], str | None] = {}  # None: an older event without it
        self.parties: set[tuple[int, str]] = set()
        self.members: Counter = Counter()
        self.revisions: dict[tuple[str, int], tuple] = {}
        self.approvals: list[list] = []  # [version, section, party, revision, sha, user, active]
        self.requests: dict[int, list] = {}

    def _end(self, section: str, party_id: int) -> None:
        for a in self.approvals:
            if a[0] == self.version and a[1] == section and a[2] == party_id and a[6]:
                a[6] = False

    def fold(self, event: Event) -> None:
        d = event.data
        match event.kind:
            case "agreement_created":
                self.parties = {(p["id"], p["name"]) for p in d["parties"]}
                self.title = d["title"]
                owner = d.get("owner")
                if owner:
                    self.members[(owner["user_id"], owner["party_id"], owner["role"])] += 1
            case "member_joined":
                self.members[(d["user_id"], d["party_id"], d["role"])] += 1
            case "member_removed":
                self.members[(d["user_id"], d["party_id"], d["role"])] -= 1
                for section in d.get("approvals_ended", ()):  # absent from older events
                    self._end(section, d["party_id"])
            case "revision_added":
                r = d["revision"]
                key = (r["section"], r["number"])
                self.revisions[key] = (r["text"], r["sha256"], r["source"], self.version)
                self.revisions[key] += (event.actor_id,)
                self.fields[key] = r.get("fields_sha256")
            case "approval_given":
                a = d["approval"]
                self._end(a["section"], a["party_id"])
                self.approvals.append(
                    [
                        self.version,
                        a["section"],
                        a["party_id"],
                        a["revision"],
                        a["sha256"],
                        event.actor_id,
                        True,
                    ]
                )
            case "approval_withdrawn":
                self._end(d["section"], d["party_id"])
            case "change_requested":
                r = d["request"]
                self.requests[r["id"]] = [
                    self.version,
                    r["section"],
                    r["party_id"],
                    r["revision"],
                    r["sha256"],
                    r["comment"],
                    "open",
                    event.actor_id,
                ]
            case "change_request_closed":
                if d["request_id"] in self.requests:
                    self.requests[d["request_id"]][6] = d["outcome"]
            case "finalised":
                self.status = "final"
            case "renegotiated":
                self.status, self.version = "drafting", d["version"]
                for r in self.requests.values():
                    if r[6] == "open":
                        r[6] = "superseded"


def row_problems(session: Session, agreement: Agreement, events: list[Event]) -> list[str]:
    """Every way the agreement's rows differ from what its events say, in words."""
    replay = _Replay()
    for event in events:
        replay.fold(event)
    aid = agreement.id
    problems: list[str] = []
    if (agreement.status, agreement.version) != (replay.status, replay.version):
        problems.append(
            f"the agreement is {agreement.status} version {agreement.version}, "
            f"but its events say {replay.status} version {replay.version}"
        )
    if agreement.title != replay.title:
        problems.append("the agreement's title differs from the one it was created with")
    parties = {
        (p.id, p.name) for p in session.scalars(sa.select(Party).where(Party.agreement_id == aid))
    }
    if parties != replay.parties:
        problems.append("the parties differ from those the agreement was created with")
    problems += _revision_problems(session, aid, replay)
    problems += _approval_problems(session, aid, replay)
    problems += _request_problems(session, aid, replay)
    members = Counter(
        (m.user_id, m.party_id, m.role)
        for m in session.scalars(sa.select(Member).where(Member.agreement_id == aid))
    )
    for user_id, party_id, role in sorted((members - replay.members).elements()):
        problems.append(f"member (user {user_id}, party {party_id}, {role}) has no event")
    for user_id, party_id, role in sorted((replay.members - members).elements()):
        problems.append(f"member (user {user_id}, party {party_id}, {role}) is missing")
    return problems


def _revision_problems(session: Session, aid: int, replay: _Replay) -> list[str]:
    problems: list[str] = []
    rows = session.scalars(sa.select(Revision).where(Revision.agreement_id == aid)).all()
    newest: dict[str, int] = {}
    for r in rows:
        name = f"revision {r.number} of '{r.section_key}'"
        newest[r.section_key] = max(newest.get(r.section_key, 0), r.number)
        if normalise(r.text) != r.text or text_sha256(r.text) != r.sha256:
            problems.append(f"{name}: its text does not match its sha256")
        expected = replay.revisions.get((r.section_key, r.number))
        if expected is None:
            problems.append(f"{name} has no event")
        elif expected != (r.text, r.sha256, r.source, r.version, r.author_id):
            problems.append(f"{name} differs from its event")
        elif replay.fields[(r.section_key, r.number)] not in (None, fields_sha256(r.fields)):
            problems.append(f"{name}: its fields differ from its event")
    for r in rows:
        if r.current != (r.number == newest[r.section_key]):
            problems.append(f"revision {r.number} of '{r.section_key}' is wrongly marked current")
    present = {(r.section_key, r.number) for r in rows}
    for section, number in sorted(replay.revisions.keys() - present):
        problems.append(f"revision {number} of '{section}' is missing")
    return problems


def _approval_problems(session: Session, aid: int, replay: _Replay) -> list[str]:
    rows = Counter(
        (a.version, a.section_key, a.party_id, a.revision_number, a.sha256, a.user_id, a.active)
        for a in session.scalars(sa.select(Approval).where(Approval.agreement_id == aid))
    )
    expected = Counter(tuple(a) for a in replay.approvals)
    problems = [
        f"approval of '{a[1]}' revision {a[3]} by party {a[2]} "
        f"({'in force' if a[6] else 'ended'}) has no event"
        for a in sorted((rows - expected).elements())
    ]
    problems += [
        f"approval of '{a[1]}' revision {a[3]} by party {a[2]} "
        f"({'in force' if a[6] else 'ended'}) is missing"
        for a in sorted((expected - rows).elements())
    ]
    return problems


def _request_problems(session: Session, aid: int, replay: _Replay) -> list[str]:
    problems: list[str] = []
    rows = session.scalars(sa.select(ChangeRequest).where(ChangeRequest.agreement_id == aid))
    seen = set()
    for c in rows:
        seen.add(c.number)
        row = [
            c.version,
            c.section_key,
            c.party_id,
            c.revision_number,
            c.sha256,
            c.comment,
            c.status,
            c.raised_by,
        ]
        if replay.requests.get(c.number) != row:
            problems.append(f"change request {c.number} differs from its events")
    problems += [f"change request {n} is missing" for n in sorted(replay.requests.keys() - seen)]
    return problems
