"""`flask --app plugin templates check FILE.docx`: check an organisation's template before use.

It reports variables the server does not provide (a typo would fail every render), and
renders the guidance's example agreement to find every section in a content control tagged
pa:<key> and titled with its title, with a binding part the add-in can read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import click
from flask.cli import AppGroup
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError

from plugin.catalogue import default_catalogue

from .content import DocumentData, SectionText, context
from .reading import BadDocument, read_document
from .render import environment, render

EXAMPLE_LEVEL = "cooperation"  # the level the examples' partners chose (#13: three partners)

templates_cli = AppGroup("templates", help="Word templates (docxtpl).")


def _slug(name: str) -> str:
    return "".join(c for c in name.lower().split()[0] if c.isalnum()) or "party"


def _example_approvers(kind: str, parties, fields: dict) -> dict[int, tuple[str, str, str]]:
    """Who approves for each example party: name, job title, email (from the fields)."""
    out = {}
    if kind == "co_working":
        for r in fields.get("co_workers", {}).get("workers", []):
            name = next(p.name for p in parties if p.id == r["worker"])
            org = r.get("organisation") or name
            out[r["worker"]] = (name, r.get("role", ""), org)
    else:
        for r in fields.get("partners_and_context", {}).get("partners", []):
            name = r.get("contact_name") or "Approver"
            org = next(p.name for p in parties if p.id == r["partner"])
            out[r["partner"]] = (name, r.get("contact_role", ""), org)
    return {
        pid: (name, title, f"{name.split()[-1].lower()}@{_slug(org)}-{pid}.example.org")
        for pid, (name, title, org) in out.items()
    }


def example_data(kind: str, final: bool = True) -> DocumentData:
    """The guidance's example agreement of a kind (its own parties and fields where it has
    them), every section filled in, approved by a named person for each party."""
    from .content import ApprovalLine

    catalogue = default_catalogue()
    parties, fields = catalogue.example_fields(kind)
    sections = []
    for section in catalogue.sections_for(kind):
        values = fields[section.key]
        text = catalogue.render_clause(section.key, values, parties, kind)
        sections.append(SectionText(section.key, section.title, 1, text, "core", fields=values))
    parts = catalogue.parts(kind, EXAMPLE_LEVEL, fields)
    by_key = {s.key: dataclasses.replace(s, part=parts[s.key]) for s in sections}
    sections = [by_key[key] for key in parts]
    people = _example_approvers(kind, parties, fields)
    when = dt.datetime(2027, 1, 4, 9, 30)
    approvals = tuple(
        ApprovalLine(
            s.key,
            p.name,
            *(people.get(p.id) or (f"Approver {i + 1}", "", f"approver{i + 1}@example.org"))[::2],
            when + dt.timedelta(minutes=7 * i + n),
            s.sha256,
            "Microsoft Entra ID" if i == 0 else "",
            (people.get(p.id) or ("", "", ""))[1],
            True,
        )
        for n, s in enumerate(sections)
        for i, p in enumerate(parties)
    )
    first = people.get(parties[0].id)
    return DocumentData(
        agreement_id=1,
        origin="https://localhost:3000",
        title=fields.get("co_workers", fields.get("partners_and_context", {})).get(
            "agreement_title"
        )
        or "Example agreement",
        kind=kind,
        kind_label=catalogue.kind(kind).title,
        level_label=catalogue.level(EXAMPLE_LEVEL).title,
        version=1,
        parties=tuple(p.name for p in parties),
        sections=tuple(sections),
        date=when + dt.timedelta(days=1),
        final=final,
        approvals=approvals if final else (),
        party_ids=tuple(p.id for p in parties),
        finalised_by=f"{first[0]}, {first[1]}" if first and final else "",
        finalised_for=parties[0].name if first and final else "",
    )


def check_template(path: Path, kind: str) -> list[str]:
    """The problems of a template, in words; empty when it is fit for use."""
    from docxtpl import DocxTemplate

    problems: list[str] = []
    try:
        tpl = DocxTemplate(str(path))
        known = set(context(example_data(kind)))
        unknown = tpl.get_undeclared_template_variables(environment()) - known
    except (TemplateError, OSError, KeyError, ValueError) as exc:
        return [f"the template cannot be read: {exc}"]
    problems += [
        f"uses the variable '{name}', which the server does not provide" for name in sorted(unknown)
    ]
    if problems:
        return problems
    for final in (False, True):
        data = example_data(kind, final)
        try:
            content = render(data, path)
        except (TemplateError, SecurityError) as exc:
            return [f"rendering the example agreement fails: {exc}"]
        try:
            read = read_document(content, 64 * 1024 * 1024)
        except BadDocument as exc:
            return [f"the rendered document is unusable: {exc.detail}"]
        label = "final" if final else "draft"
        for section in data.sections:
            if section.key not in read.sections:
                problems.append(
                    f"{label}: section '{section.key}' is not in a content control tagged "
                    f"pa:{section.key} (keep the sections loop and its content control)"
                )
            elif read.titles.get(section.key) != section.title:
                problems.append(
                    f"{label}: the control of '{section.key}' is not titled '{section.title}'"
                )
        if read.binding is None:
            problems.append(f"{label}: the rendered document has no binding part")
    return sorted(set(problems), key=problems.index)


@templates_cli.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", help="partnership or co_working; default: the file's name")
def check_command(file: Path, kind: str | None) -> None:
    """Check a custom template: undeclared variables, missing section tags. Exit 1 if unfit."""
    kind = kind or file.stem
    catalogue = default_catalogue()
    if kind not in catalogue.kinds:
        click.echo(
            f"error: say which kind it is for with --kind ({', '.join(catalogue.kinds)})", err=True
        )
        sys.exit(2)
    problems = check_template(file, kind)
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    if problems:
        sys.exit(1)
    click.echo(f"{file}: fit for use as the {kind} template.")
