"""Preview sections: validate each file and print its clause rendered with the example parties.

python -m plugin.catalogue.preview                 # the whole catalogue, as one agreement
python -m plugin.catalogue.preview FILE.yaml ...   # just these section files
"""

from __future__ import annotations

import sys
from pathlib import Path

from plugin.workflow.errors import CatalogueError

from .checks import run_checks
from .clauses import render_clause
from .fields import validate_fields
from .loader import check_section_file, load_catalogue


def example_agreement() -> str:
    """Every section of a partnership agreement, rendered from its example fields."""
    catalogue = load_catalogue()
    parties = catalogue.example_parties
    parts = [f"Partnership agreement between {', '.join(p.name for p in parties)}"]
    for section in catalogue.sections_for("partnership"):
        values = catalogue.validate_fields(section.key, section.example, parties)
        parts.append(f"{section.title}\n\n{catalogue.render_clause(section.key, values, parties)}")
    return "\n\n\n".join(parts) + "\n"


def preview_files(paths: list[Path]) -> None:
    for path in paths:
        section, template, parties = check_section_file(path)
        values = validate_fields(section, section.example, [p.id for p in parties])
        empty = validate_fields(section, {}, [p.id for p in parties])
        print(f"=== {section.title} ({section.key})\n")
        print(render_clause(section, template, values, parties))
        findings = [f.message for f in run_checks(section, values, parties)]
        print("\n--- findings for the example:", findings)
        print("--- findings when empty:")
        for finding in run_checks(section, empty, parties):
            print("   ", finding.message, list(finding.source))
        print()


def main(argv: list[str]) -> int:
    try:
        if argv:
            preview_files([Path(a) for a in argv])
        else:
            print(example_agreement())
    except CatalogueError as exc:
        print(f"catalogue error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
