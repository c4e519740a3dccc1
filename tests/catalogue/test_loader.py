"""The shipped catalogue loads and is complete; each kind of malformed data fails by name."""

import itertools
import shutil
from pathlib import Path

import pytest
import yaml

from plugin.catalogue import default_catalogue, load_catalogue
from plugin.catalogue.loader import DATA_DIR
from plugin.workflow.errors import CatalogueError

STRUCTURE_KEYS = [
    "partners_and_context",
    "purpose_and_aims",
    "relationship_level",
    "people_served",
    "roles_and_responsibilities",
    "resources_and_costs",
    "information_exchange",
    "meetings_and_communication",
    "governance_and_decisions",
    "power_and_voice",
    "escalation_and_disagreement",
    "publicity_and_credit",
    "individual_worker_arrangements",
    "monitoring_and_evaluation",
    "review_and_revision",
    "duration_and_ending",
    "code_of_conduct",
    "health_and_safety",
]


def test_all_eighteen_sections_in_both_kinds_and_four_levels():
    catalogue = default_catalogue()
    # STRUCTURE.md's eighteen, plus the co-workers section a co-working agreement opens with
    assert sorted(catalogue.sections) == sorted([*STRUCTURE_KEYS, "co_workers"])
    assert list(catalogue.levels) == ["networking", "coordination", "cooperation", "collaboration"]
    assert set(catalogue.kinds) == {"partnership", "co_working"}
    assert set(catalogue.kinds["partnership"].sections) == set(STRUCTURE_KEYS)


def test_levels_build_on_each_other():
    catalogue = default_catalogue()
    required = [set(catalogue.required_sections("partnership", lv)) for lv in catalogue.levels]
    assert all(lower < higher for lower, higher in itertools.pairwise(required))
    assert required[-1] == set(STRUCTURE_KEYS)
    assert "information_exchange" in required[0] and "roles_and_responsibilities" not in required[0]


def test_co_working_always_needs_conduct_safety_roles_and_meetings():
    required = set(default_catalogue().required_sections("co_working", "networking"))
    assert {
        "code_of_conduct",
        "health_and_safety",
        "roles_and_responsibilities",
        "meetings_and_communication",
    } <= required


def test_every_prompt_names_a_known_source():
    catalogue = default_catalogue()
    for section in catalogue.sections.values():
        assert section.prompts
        for prompt in section.prompts:
            assert prompt.source and all(tag in catalogue.sources for tag in prompt.source)


@pytest.mark.parametrize(
    ("key", "field_keys"),
    [
        ("purpose_and_aims", None),  # OU 3.2: what data, how, by whom, for whom
        ("escalation_and_disagreement", None),  # OU 3.2: contact between meetings
    ],
)
def test_ou_3_2_details_are_asked_for(key, field_keys):
    section = default_catalogue().sections[key]
    text = yaml.safe_dump(section.model_dump(mode="json")).lower()
    if key == "purpose_and_aims":
        assert all(word in text for word in ("data", "whom", "how"))
    else:
        assert "between meetings" in text


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit_yaml(path: Path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


ROLES = "sections/05_roles_and_responsibilities.yaml"
REVIEW = "sections/15_review_and_revision.yaml"


def _set(path, value):
    def change(data):
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


BROKEN = [
    # (file, change, words the error must contain)
    (ROLES, _set(["prompts", 0, "source"], ["OU 9.9"]), ["05_roles", "prompts[0]", "OU 9.9"]),
    (ROLES, _set(["prompts", 0, "source"], []), ["05_roles", "prompts.0.source"]),
    (ROLES, _set(["checks", 0, "field"], "chores"), ["05_roles", "checks[0]", "chores"]),
    (ROLES, _set(["checks", 1, "keys"], ["owner", "colour"]), ["checks[1]", "colour"]),
    (ROLES, _set(["clause"], "{{ budget }}"), ["05_roles", "budget"]),
    (
        ROLES,
        _set(["clause"], "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
        ["05_roles", "unsafe"],
    ),
    (ROLES, _set(["clause"], "{% for %}"), ["05_roles", "clause template"]),
    (
        ROLES,
        _set(["example", "lead_partner"], "Riverside"),
        ["05_roles", "example", "lead_partner"],
    ),
    (ROLES, _set(["example", "lead_partner"], 7), ["05_roles", "example", "Party 7"]),
    (ROLES, _set(["fields", 0, "type"], "colour"), ["05_roles", "fields.0.type"]),
    (ROLES, _set(["checks", 0, "message"], "{who} is missing"), ["checks[0]", "placeholder"]),
    (ROLES, _set(["key"], "partners_and_context"), ["appears twice"]),
    (ROLES, _set(["checks", 1, "code"], "roles.party_without_responsibility"), ["appears twice"]),
    (ROLES, _set(["checks", 1, "label"], "colour"), ["checks[1]", "colour"]),
    (ROLES, _set(["checks", 1, "or"], {"due": "colour"}), ["checks[1]", "colour"]),
    (ROLES, _set(["requires", 0, "from_level"], "friendship"), ["requires[0]", "friendship"]),
    (ROLES, _set(["requires", 0, "source"], ["Blog"]), ["requires[0]", "Blog"]),
    (ROLES, _set(["part"], "appendix"), ["05_roles", "part"]),
    (ROLES, _set(["checks", 0, "must_from"], "friendship"), ["checks[0]", "friendship"]),
    (REVIEW, _set(["checks", 1, "other"], "duration_and_ending.finish"), ["checks[1]", "finish"]),
    (REVIEW, _set(["checks", 1, "field"], "change_process"), ["checks[1]", "change_process"]),
    ("facts.yaml", _set(["facts", 0, "field"], "target_groups"), ["facts.yaml", "young_people"]),
    (
        "example_co_working.yaml",
        _set(["sections", "co_workers", "workers", 0, "worker"], 9),
        ["example_co_working.yaml", "co_workers"],
    ),
    (
        "levels.yaml",
        _set(["levels", 1, "sections"], ["roles", "budgets"]),
        ["levels.yaml", "coordination", "roles"],
    ),
    (
        "kinds.yaml",
        _set(["kinds", 1, "always_required"], ["snacks"]),
        ["kinds.yaml", "co_working", "snacks"],
    ),
    (
        "reflection.yaml",
        _set(["checklists", 0, "items", 2, "source"], ["Wikipedia"]),
        ["reflection.yaml", "items[2]", "Wikipedia"],
    ),
]


@pytest.mark.parametrize(("file", "change", "words"), BROKEN)
def test_malformed_catalogue_fails_naming_file_and_entry(data_copy, file, change, words):
    edit_yaml(data_copy / file, change)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data_copy)
    for word in words:
        assert word in str(caught.value)


def test_unreadable_yaml_names_the_file(data_copy):
    (data_copy / ROLES).write_text("key: [unclosed\n")
    with pytest.raises(
        CatalogueError, match=r"05_roles_and_responsibilities\.yaml: cannot be read as YAML"
    ):
        load_catalogue(data_copy)


def test_the_unchanged_copy_loads(data_copy):
    assert len(load_catalogue(data_copy).sections) == 19
