"""The loaded catalogue: look-ups, required sections by kind and level, fields, clauses, checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Template
from pydantic import BaseModel

from plugin.workflow.errors import InvalidInput, NotFound

from .checks import Finding, Party, run_checks
from .clauses import render_clause
from .definitions import Checklist, Kind, Level, Section, Source
from .fields import repoint_parties, validate_fields


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

    def required_sections(self, kind: str, level: str) -> list[str]:
        """Sections that must be approved before finalising: the level's and those below it,
        plus the kind's own essentials, limited to the sections the kind offers."""
        the_kind, wanted = self.kind(kind), set(self.kind(kind).always_required)
        for lv in self.levels.values():
            wanted.update(lv.sections)
            if lv.key == self.level(level).key:
                break
        return [k for k in the_kind.sections if k in wanted]

    def validate_fields(self, key: str, values: object, parties: Sequence[Party]) -> dict:
        """Raises NotFound (unknown section) or InvalidInput (bad values)."""
        section = self.section(key)
        return validate_fields(section, values, [p.id for p in parties], self.value_models[key])

    def render_clause(self, key: str, values: dict, parties: Sequence[Party]) -> str:
        """Clause text for already-validated values."""
        return render_clause(self.section(key), self.templates[key], values, parties)

    def check(self, key: str, values: dict, parties: Sequence[Party]) -> list[Finding]:
        """What a section still lacks, in words."""
        return run_checks(self.section(key), values, parties)

    def example_for(self, key: str, parties: Sequence[Party]) -> dict:
        """A section's example fields, with the example parties replaced, in order, by `parties`."""
        ids = {ex.id: p.id for ex, p in zip(self.example_parties, parties, strict=True)}
        section = self.section(key)
        return repoint_parties(section.fields, section.example, ids)

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
                }
                for k in self.kinds.values()
            ],
            "levels": [dump(lv) for lv in self.levels.values()],
            "sections": [dump(s) for s in self.sections.values()],
            "checklists": [dump(c) for c in self.checklists],
            "sources": [dump(s) for s in self.sources.values()],
        }
