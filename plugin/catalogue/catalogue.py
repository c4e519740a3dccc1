"""The loaded catalogue: look-ups, required sections by kind and level, fields, clauses, checks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from jinja2 import Template
from pydantic import BaseModel

from plugin.workflow.errors import CatalogueError, InvalidInput, NotFound
from plugin.workflow.text import text_sha256

from .checks import Context, Finding, Party, run_checks
from .clauses import render_clause
from .definitions import Checklist, FactSpec, Kind, Level, Section, Source
from .fields import complete, repoint_parties, validate_fields


@dataclass(frozen=True)
class Catalogue:
    """The guidance as data. Build it with load_catalogue(); it never changes after that."""

    sources: dict[str, Source]
    sections: dict[str, Section]
    templates: dict[str, Template]
    value_models: dict[str, type[BaseModel]]
    levels: dict[str, Level]  # in continuum order, networking first
    kinds: dict[str, Kind]
    checklists: list[Checklist]
    example_parties: list[Party]
    facts: dict[str, FactSpec] = field(default_factory=dict)
    examples: dict[str, dict] = field(default_factory=dict)  # kind -> {parties, sections}
    # sha256 of the clause that fields render, by (section, fields, parties): rendering is pure,
    # so entries never go stale; bounded, and cleared when full.
    _rendered: dict = field(default_factory=dict, compare=False, repr=False)

    def kind(self, key: str) -> Kind:
        """Raises InvalidInput for an unknown kind."""
        if key not in self.kinds:
            raise InvalidInput(
                f"Unknown agreement kind '{key}'. Use one of: {', '.join(self.kinds)}."
            )
        return self.kinds[key]

    def level(self, key: str) -> Level:
        """Raises InvalidInput for an unknown level."""
        if key not in self.levels:
            raise InvalidInput(f"Unknown level '{key}'. Use one of: {', '.join(self.levels)}.")
        return self.levels[key]

    def section(self, key: str, kind: str | None = None) -> Section:
        """Raises NotFound for a section key that is not in the catalogue (or not in that kind)."""
        if key not in self.sections or (kind and key not in self.kind(kind).sections):
            raise NotFound(f"There is no section '{key}' in this agreement.")
        return self.sections[key]

    def sections_for(self, kind: str) -> list[Section]:
        """The sections a kind offers, in document order."""
        return [self.sections[k] for k in self.kind(kind).sections]

    def facts_of(self, kind: str, fields: Mapping[str, dict] | None = None) -> dict[str, bool]:
        """The facts that decide what is required, read from the sections' current fields:
        fixed by the kind, else the partners' answer, else the catalogue's default."""
        fixed, fields = self.kind(kind).facts, fields or {}
        out = {}
        for key, spec in self.facts.items():
            answer = (fields.get(spec.section) or {}).get(spec.field)
            out[key] = fixed.get(key, spec.default if answer is None else bool(answer))
        return out

    def why_required(
        self, kind: str, level: str, facts: Mapping[str, bool] | None = None
    ) -> dict[str, list[str]]:
        """For each required section, in document order, why it is required (with sources)."""
        the_kind, the_level = self.kind(kind), self.level(level)
        facts = {**self.facts_of(kind), **(facts or {})}
        order = list(self.levels)
        reasons: dict[str, list[str]] = {}
        for key in the_kind.always_required:
            reasons.setdefault(key, []).append(f"Every {the_kind.title.lower()} needs it.")
        for lv in self.levels.values():
            for key in lv.sections:
                reasons.setdefault(key, []).append(
                    f"Needed from the {lv.title.lower()} level up (our reading of OU 1.4)."
                )
            if lv.key == the_level.key:
                break
        for section in self.sections.values():
            for rule in section.requires:
                if (
                    (not rule.kinds or kind in rule.kinds)
                    and (
                        rule.from_level is None
                        or order.index(level) >= order.index(rule.from_level)
                    )
                    and (rule.if_fact is None or facts.get(rule.if_fact))
                ):
                    reasons.setdefault(section.key, []).append(
                        f"{rule.why} ({', '.join(rule.source)})"
                    )
        return {k: reasons[k] for k in the_kind.sections if k in reasons}

    def required_sections(
        self, kind: str, level: str, facts: Mapping[str, bool] | None = None
    ) -> list[str]:
        """Sections that must be approved before finalising, in document order: the kind's own
        essentials, the level's and those below it, and each section's requirement rules
        (by kind, level and the facts about the work: young people served, joint delivery)."""
        return list(self.why_required(kind, level, facts))

    def required_for(self, kind: str, level: str, fields: Mapping[str, dict]) -> list[str]:
        """required_sections with the facts read from the sections' current fields."""
        return self.required_sections(kind, level, self.facts_of(kind, fields))

    def parts(
        self, kind: str, level: str | None, fields: Mapping[str, dict] | None = None
    ) -> dict[str, str]:
        """Each section of the kind in the document's order, with the part it stands in: the
        core, or an annex (an annex `core_when_required` joins the core where required)."""
        required = set(self.required_for(kind, level, fields or {})) if level else set()
        part = {
            s.key: "core"
            if s.part == "core" or (s.core_when_required and s.key in required)
            else "annex"
            for s in self.sections_for(kind)
        }
        return {k: v for k, v in part.items() if v == "core"} | {
            k: v for k, v in part.items() if v == "annex"
        }

    def validate_fields(
        self,
        key: str,
        values: object,
        parties: Sequence[Party],
        agreement_title: str | None = None,
    ) -> dict:
        """Raises NotFound (unknown section) or InvalidInput (bad values). Given the agreement's
        title, the fields filled from the agreement take it, whatever was sent."""
        section = self.section(key)
        clean = validate_fields(section, values, [p.id for p in parties], self.value_models[key])
        if agreement_title is not None:
            for spec in section.fields:
                if spec.from_agreement == "title":
                    clean[spec.key] = agreement_title
        return clean

    def render_clause(
        self, key: str, values: dict, parties: Sequence[Party], kind: str = "partnership"
    ) -> str:
        """Clause text for already-validated values, in the voice of the agreement's kind."""
        return render_clause(self.section(key), self.templates[key], values, parties, kind)

    def check(
        self,
        key: str,
        values: dict,
        parties: Sequence[Party],
        context: Context | None = None,
        judges_fields: bool = False,
    ) -> list[Finding]:
        """What a section still lacks, in words. Cross-section checks read `context`."""
        return run_checks(self.section(key), values, parties, context, judges_fields)

    def findings(
        self,
        kind: str,
        fields: Mapping[str, dict],
        parties: Sequence[Party],
        text_hashes: Mapping[str, str] | None = None,
        level: str | None = None,
        today: dt.date | None = None,
    ) -> dict[str, list[Finding]]:
        """Every section's findings, each section's checks seeing the others' fields.

        `fields` holds the sections' current (validated) fields, `text_hashes` the sha256 of
        their current text: where the text is not what the fields render, it was edited by
        hand, and the findings say that they judge the fields. `level` decides which `must`
        checks are only advice at lower levels. `today` (the caller's date) enables the checks
        against "now"; without it they are skipped, so the core stays pure."""
        text_hashes = text_hashes or {}
        filled = {s.key: complete(s, fields.get(s.key) or {}) for s in self.sections_for(kind)}
        context = Context(
            others=filled,
            facts=self.facts_of(kind, fields),
            level=level,
            levels=tuple(self.levels),
            today=today,
        )
        out = {}
        for section in self.sections_for(kind):
            values = filled[section.key]
            sha = text_hashes.get(section.key)
            edited = (
                sha is not None and self.rendered_sha256(section.key, values, parties, kind) != sha
            )
            out[section.key] = self.check(section.key, values, parties, context, edited)
        return out

    def rendered_sha256(
        self, key: str, values: dict, parties: Sequence[Party], kind: str = "partnership"
    ) -> str | None:
        """sha256 of the clause the fields render (None if they cannot be rendered)."""
        cache_key = (key, kind, json.dumps(values, sort_keys=True), tuple(parties))
        if cache_key not in self._rendered:
            if len(self._rendered) >= 4096:
                self._rendered.clear()
            try:
                self._rendered[cache_key] = text_sha256(
                    self.render_clause(key, values, parties, kind)
                )
            except CatalogueError:
                self._rendered[cache_key] = None
        return self._rendered[cache_key]

    def example_parties_of(self, kind: str) -> list[Party]:
        """The parties of a kind's example: its own (co-working: two workers), else the shared."""
        own = self.examples.get(kind)
        return own["parties"] if own else self.example_parties

    def example_fields(self, kind: str) -> tuple[list[Party], dict[str, dict]]:
        """A kind's example: its parties, and every section's example fields, validated."""
        parties = self.example_parties_of(kind)
        return parties, {
            s.key: self.validate_fields(s.key, self.example_for(s.key, parties, kind), parties)
            for s in self.sections_for(kind)
        }

    def example_for(self, key: str, parties: Sequence[Party], kind: str = "partnership") -> dict:
        """A section's example fields, with the example parties replaced, in order, by `parties`.

        A kind may carry its own example (co-working: two workers); else the section's own."""
        own = self.examples.get(kind)
        ids = {ex.id: p.id for ex, p in zip(self.example_parties_of(kind), parties, strict=True)}
        section = self.section(key)
        values = own["sections"].get(key, section.example) if own else section.example
        return repoint_parties(section.fields, values, ids)

    def as_json(self) -> dict:
        """The public description of the catalogue served at GET /api/v1/catalogue."""

        def dump(model) -> dict:
            return model.model_dump(mode="json", by_alias=True, exclude_none=True)

        return {
            "kinds": [
                {
                    **dump(k),
                    "required_by_level": {
                        lv: self.required_sections(k.key, lv) for lv in self.levels
                    },
                    "why_required_by_level": {
                        lv: self.why_required(k.key, lv) for lv in self.levels
                    },
                }
                for k in self.kinds.values()
            ],
            "levels": [dump(lv) for lv in self.levels.values()],
            "sections": [dump(s) for s in self.sections.values()],
            "checklists": [dump(c) for c in self.checklists],
            "facts": [dump(f) for f in self.facts.values()],
            "sources": [dump(s) for s in self.sources.values()],
        }
