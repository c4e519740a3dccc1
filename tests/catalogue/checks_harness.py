"""What the check-table tests share: the findings of one section of a kind's complete example
after one change to its fields (the other sections as in the example), and the tables of exact
findings kept beside test_checks_table.py (`test_checks_<area>.py`, each with its `TABLE`)."""

import importlib
from pathlib import Path

from plugin.catalogue import default_catalogue
from plugin.workflow.text import text_sha256

CATALOGUE = default_catalogue()


def findings_after(kind, key, change, hand_edited_text=None, today=None):
    parties, fields = CATALOGUE.example_fields(kind)
    fields[key] = CATALOGUE.validate_fields(
        key, {**CATALOGUE.example_for(key, parties, kind), **change}, parties
    )
    hashes = {key: text_sha256(hand_edited_text)} if hand_edited_text else None
    return CATALOGUE.findings(kind, fields, parties, hashes, today=today)[key]


def example_clauses(kind: str, keys=None) -> dict[str, str]:
    """Each section's clause in a kind's example (only `keys`, if given), in document order."""
    parties, fields = CATALOGUE.example_fields(kind)
    return {
        key: CATALOGUE.render_clause(key, values, parties, kind)
        for key, values in fields.items()
        if keys is None or key in keys
    }


def tables_beside() -> list:
    """Every row of the area tables: `TABLE` of each test_checks_<area>.py in this folder."""
    here = Path(__file__).parent
    return [
        row
        for path in sorted(here.glob("test_checks_*.py"))
        if path.stem != "test_checks_table"
        for row in getattr(importlib.import_module(path.stem), "TABLE", [])
    ]
