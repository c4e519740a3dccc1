"""Preview sections: validate each file and print its clause rendered with the example parties.

python -m plugin.catalogue.preview                 # both example agreements, core then annexes
python -m plugin.catalogue.preview co_working      # just one kind's example agreement
python -m plugin.catalogue.preview FILE.yaml ...   # just these section files
"""

from __future__ import annotations

import sys
from pathlib import Path

from plugin.workflow.errors import CatalogueError

from .checks import run_checks
from .clauses import join_words, render_clause
from .fields import validate_fields
from .loader import check_section_file, load_catalogue

# The shipped templates' layout, measured with LibreOffice (tests/documents/test_page_counts.py
# checks the estimate against the real PDF): words of clause text on a page of A4, what each
# section's heading costs, and the summary with its contents and the signing page.
WORDS_PER_PAGE = 700  # measured against LibreOffice PDFs of both examples (#13)
HEADING_WORDS = 40
OPENING_WORDS = 200  # the summary and contents, before the first clause
PARTY_WORDS = 60  # each party's lines on the summary and the signing page


def example_agreement(kind: str = "partnership") -> str:
    """Every section of a kind's example agreement, rendered from its example fields: the short
    core first, then the annexes."""
    catalogue = load_catalogue()
    parties, values_of = catalogue.example_fields(kind)
    the_kind = catalogue.kind(kind)
    # The examples' partners chose cooperation; an annex their facts require joins the core.
    placed = catalogue.parts(kind, "cooperation", values_of)
    core = [k for k, part in placed.items() if part == "core"]
    parts = [f"{the_kind.title} between {join_words([p.name for p in parties])}"]
    for i, key in enumerate(placed):
        section, values = catalogue.section(key), values_of[key]
        heading = section.title if key in core else f"Annex {i - len(core) + 1}: {section.title}"
        parts.append(f"{heading}\n\n{catalogue.render_clause(section.key, values, parties, kind)}")
    return "\n\n\n".join(parts) + "\n"


def page_estimate(text: str, parties: int = 3) -> int:
    """Pages the text's sections fill, the summary page included; the certificate (one page
    more) starts on a page of its own."""
    sections = text.count("\n\n\n")
    words = len(text.split()) + HEADING_WORDS * sections + OPENING_WORDS + PARTY_WORDS * parties
    return -(-words // WORDS_PER_PAGE)


def page_estimates(kind: str) -> tuple[int, int]:
    """(core pages, pages in all) of a kind's example agreement, certificate included."""
    parties = len(load_catalogue().example_parties_of(kind))
    text = example_agreement(kind)
    return page_estimate(core_of(text), parties), page_estimate(text, parties) + 1


def core_of(text: str) -> str:
    """The text before the first annex."""
    return text.split("\n\n\nAnnex 1:", 1)[0]


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
            print("   ", f"[{finding.severity}]", finding.message, list(finding.source))
        print()


def main(argv: list[str]) -> int:
    try:
        if argv and all(a.endswith(".yaml") for a in argv):
            preview_files([Path(a) for a in argv])
            return 0
        for kind in argv or ["partnership", "co_working"]:
            print(example_agreement(kind))
            core, total = page_estimates(kind)
            print(
                f"--- about {core} pages from the summary to the last core section, {total} in "
                "all with the signing page and the one-page certificate\n\n"
            )
    except CatalogueError as exc:
        print(f"catalogue error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
