"""Load the guidance catalogue from its YAML files and validate it, failing with file and entry."""

from __future__ import annotations

import string
from pathlib import Path
from typing import TypeVar

import yaml
from jinja2 import meta
from pydantic import BaseModel, ValidationError

from plugin.workflow.errors import CatalogueError, InvalidInput

from .catalogue import Catalogue
from .checks import PLACEHOLDERS, Party, code_of
from .clauses import ENVIRONMENT, VOICES, compile_clause, render_clause
from .definitions import Check, Checklist, FactSpec, FieldSpec, Kind, Level, Section, Source
from .fields import validate_fields, values_model

DATA_DIR = Path(__file__).parent / "data"
LIST_TYPES = {"parties", "list", "records"}
M = TypeVar("M", bound=BaseModel)
# libyaml's safe loader where PyYAML was built with it (several times faster), else PyYAML's.
SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE)  # noqa: S506 (safe)
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path.name}: cannot be read as YAML: {exc}") from None


def _parse(model: type[M], data: object, where: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise CatalogueError(f"{where}: {loc}: {first['msg']}") from None


def _parse_list(model: type[M], path: Path, key: str) -> list[M]:
    data = _read(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise CatalogueError(f"{path.name}: expected a top-level '{key}' list")
    items = [_parse(model, item, f"{path.name}: {key}[{i}]") for i, item in enumerate(data[key])]
    _unique([getattr(i, "key", None) or getattr(i, "tag", None) for i in items], path.name)
    return items


def _unique(keys: list[str], where: str) -> None:
    seen = set()
    for key in keys:
        if key in seen:
            raise CatalogueError(f"{where}: '{key}' appears twice")
        seen.add(key)


def _check_sources(tags: list[str], known: set[str], where: str) -> None:
    for tag in tags:
        if tag not in known:
            raise CatalogueError(f"{where}: unknown source tag '{tag}'")


def _check_field(spec: FieldSpec, where: str) -> None:
    if (spec.type == "choice") != bool(spec.options):
        raise CatalogueError(f"{where}: field '{spec.key}': options go with type choice, and only")
    if (spec.type == "records") != bool(spec.fields):
        raise CatalogueError(f"{where}: field '{spec.key}': fields go with type records, and only")
    _unique([f.key for f in spec.fields or ()], f"{where}: field '{spec.key}'")
    for sub in spec.fields or ():
        if sub.type == "records":
            raise CatalogueError(f"{where}: field '{spec.key}.{sub.key}': records do not nest")
        _check_field(sub, where)


def _check_check(section: Section, check: Check, where: str) -> None:
    def need(key: str | None, types: set[str] | None = None) -> FieldSpec:
        spec = section.field(key) if key else None
        if spec is None:
            raise CatalogueError(f"{where}: rule '{check.rule}' names unknown field '{key}'")
        if types and spec.type not in types:
            raise CatalogueError(f"{where}: rule '{check.rule}' needs '{key}' of type {types}")
        return spec

    def subs(spec: FieldSpec, keys: list[str], types: set[str] | None = None) -> None:
        for key in keys:
            sub = next((f for f in spec.fields or () if f.key == key), None)
            if sub is None or (types and sub.type not in types):
                raise CatalogueError(f"{where}: '{spec.key}' has no suitable sub-field '{key}'")

    if check.rule == "required":
        need(check.field)
    elif check.rule == "min_items":
        need(check.field, LIST_TYPES)
    elif check.rule == "each_item_has":
        subs(need(check.field, {"records"}), check.keys or [])
    elif check.rule == "each_party_in":
        if check.ref is None:
            need(check.field, {"parties"})
        else:
            spec = need(check.field, {"records"})
            subs(spec, [check.ref], {"party", "parties"})
            subs(spec, check.with_ or [])
    elif check.rule == "any_item":
        subs(need(check.field, {"records"}), list(check.match or {}))
    elif check.rule == "one_of":
        for key in check.fields or []:
            need(key)
    elif check.rule == "date_within_term":
        need(check.field, {"date"})
    elif check.rule in ("each_aim_measured", "linked_to_aim"):
        subs(need(check.field, {"records"}), ["aim"])
    elif check.rule in ("change_agreed_by_all", "min_distinct_parties"):
        spec = need(check.field, {"records"})
        subs(spec, [check.ref or "?"], {"party", "parties"})
        subs(spec, check.with_ or [])
    if check.rule in ("date_within_term", "each_aim_measured", "linked_to_aim") and not check.other:
        raise CatalogueError(f"{where}: rule '{check.rule}' needs `other` (section.field)")
    if check.label:
        subs(need(check.field, {"records"}), [check.label])
    if check.or_:
        subs(need(check.field, {"records"}), [*check.or_, *check.or_.values()])
    if check.when:
        need(check.when.field)
    used = {name for _, name, _, _ in string.Formatter().parse(check.message) if name}
    if used - PLACEHOLDERS:
        raise CatalogueError(f"{where}: message uses unknown placeholder(s) {used - PLACEHOLDERS}")


def _check_section(section: Section, known_sources: set[str], parties: list[Party], where: str):
    _unique([f.key for f in section.fields], where)
    for spec in section.fields:
        _check_field(spec, where)
    _check_sources(section.purpose_source, known_sources, f"{where}: purpose_source")
    for i, prompt in enumerate(section.prompts):
        _check_sources(prompt.source, known_sources, f"{where}: prompts[{i}]")
    for i, check in enumerate(section.checks):
        _check_sources(check.source, known_sources, f"{where}: checks[{i}]")
        _check_check(section, check, f"{where}: checks[{i}]")
    try:
        template = compile_clause(section)
    except CatalogueError as exc:
        raise CatalogueError(f"{where}: {exc}") from None
    variables = meta.find_undeclared_variables(ENVIRONMENT.parse(section.clause))
    unknown = variables - {f.key for f in section.fields} - {"all_parties", *VOICES["partnership"]}
    if unknown:
        raise CatalogueError(f"{where}: clause uses unknown field(s) {sorted(unknown)}")
    try:
        example = validate_fields(section, section.example, [p.id for p in parties])
    except InvalidInput as exc:
        raise CatalogueError(f"{where}: example: {exc.extra['errors'][0]}") from None
    try:  # render the example now, so that a broken or unsafe template never reaches a user
        text = render_clause(section, template, example, parties)
    except CatalogueError as exc:
        raise CatalogueError(f"{where}: {exc}") from None
    if not text:
        raise CatalogueError(f"{where}: clause renders empty for the example")
    return template


def read_sources_and_examples(directory: Path = DATA_DIR) -> tuple[list[Source], list[Party]]:
    """The source tags prompts may cite, and the example parties sections' examples refer to."""
    sources = _parse_list(Source, directory / "sources.yaml", "sources")
    examples = _read(directory / "examples.yaml")
    if not isinstance(examples, dict) or not isinstance(examples.get("parties"), list):
        raise CatalogueError("examples.yaml: expected a top-level 'parties' list")
    return sources, [Party(int(p["id"]), str(p["name"])) for p in examples["parties"]]


def _kind_example(path: Path, sections: dict, templates: dict, kinds: dict) -> tuple[str, dict]:
    """A kind's own example (its parties, and values for every section it offers), validated
    and rendered now, as the sections' examples are."""
    data = _read(path)
    if not isinstance(data, dict) or data.get("kind") not in kinds:
        raise CatalogueError(f"{path.name}: expected a known 'kind'")
    parties = [Party(int(p["id"]), str(p["name"])) for p in data.get("parties") or []]
    values = data.get("sections") or {}
    for key in kinds[data["kind"]].sections:
        if key not in values:
            raise CatalogueError(f"{path.name}: no example for section '{key}'")
        try:
            clean = validate_fields(sections[key], values[key], [p.id for p in parties])
            render_clause(sections[key], templates[key], clean, parties)
        except (InvalidInput, CatalogueError) as exc:
            raise CatalogueError(f"{path.name}: {key}: {exc} {exc.extra}") from None
    return data["kind"], {"parties": parties, "sections": values}


def check_section_file(path: Path, directory: Path = DATA_DIR):
    """Validate one section file on its own; return the section and its compiled clause."""
    sources, parties = read_sources_and_examples(directory)
    section = _parse(Section, _read(path), path.name)
    return section, _check_section(section, {s.tag for s in sources}, parties, path.name), parties


def load_catalogue(directory: Path = DATA_DIR) -> Catalogue:
    """Read and validate every catalogue file. Raises CatalogueError naming the file and entry."""
    sources, parties = read_sources_and_examples(directory)
    known = {s.tag for s in sources}
    sections: dict[str, Section] = {}
    templates = {}
    for path in sorted((directory / "sections").glob("*.yaml")):
        section = _parse(Section, _read(path), path.name)
        where = f"sections/{path.name}: {section.key}"
        if section.key in sections:
            raise CatalogueError(f"{where}: section key appears twice")
        templates[section.key] = _check_section(section, known, parties, where)
        sections[section.key] = section
    levels = _parse_list(Level, directory / "levels.yaml", "levels")
    kinds = _parse_list(Kind, directory / "kinds.yaml", "kinds")
    checklists = _parse_list(Checklist, directory / "reflection.yaml", "checklists")
    facts = _parse_list(FactSpec, directory / "facts.yaml", "facts")
    for fact in facts:
        where = f"facts.yaml: {fact.key}"
        _check_sources(fact.source, known, where)
        spec = sections[fact.section].field(fact.field) if fact.section in sections else None
        if spec is None or spec.type != "bool":
            raise CatalogueError(f"{where}: '{fact.section}.{fact.field}' is not a bool field")
    codes: set[str] = set()
    for section in sections.values():
        for i, check in enumerate(section.checks):
            where = f"sections: {section.key}: checks[{i}]"
            code = code_of(section, check)
            if code in codes:
                raise CatalogueError(f"{where}: code '{code}' appears twice")
            codes.add(code)
            if check.must_from and check.must_from not in {lv.key for lv in levels}:
                raise CatalogueError(f"{where}: unknown level '{check.must_from}'")
            if check.other:
                other, key = check.other.split(".")
                if other not in sections or sections[other].field(key) is None:
                    raise CatalogueError(f"{where}: `other` names unknown field '{check.other}'")
        for i, rule in enumerate(section.requires):
            where = f"sections: {section.key}: requires[{i}]"
            _check_sources(rule.source, known, where)
            if rule.from_level and rule.from_level not in {lv.key for lv in levels}:
                raise CatalogueError(f"{where}: unknown level '{rule.from_level}'")
            if set(rule.kinds) - {k.key for k in kinds}:
                raise CatalogueError(f"{where}: unknown kind in {rule.kinds}")
    for level in levels:
        _check_sources(level.source, known, f"levels.yaml: {level.key}")
        for key in level.sections:
            if key not in sections:
                raise CatalogueError(f"levels.yaml: {level.key}: unknown section '{key}'")
    for kind in kinds:
        _unique(kind.sections, f"kinds.yaml: {kind.key}")
        for key in [*kind.sections, *kind.always_required]:
            if key not in sections:
                raise CatalogueError(f"kinds.yaml: {kind.key}: unknown section '{key}'")
    for checklist in checklists:
        for i, item in enumerate(checklist.items):
            _check_sources(item.source, known, f"reflection.yaml: {checklist.key}: items[{i}]")
    examples = {}
    for path in sorted(directory.glob("example_*.yaml")):
        kind_key, own = _kind_example(path, sections, templates, {k.key: k for k in kinds})
        examples[kind_key] = own
    return Catalogue(
        facts={f.key: f for f in facts},
        examples=examples,
        sources={s.tag: s for s in sources},
        sections=sections,
        templates=templates,
        value_models={key: values_model(s) for key, s in sections.items()},
        levels={lv.key: lv for lv in levels},
        kinds={k.key: k for k in kinds},
        checklists=checklists,
        example_parties=parties,
    )
