"""Turn a section's field values into clause text with its (sandboxed) Jinja wording template.

User text only ever reaches a template as data; templates come from the catalogue, and run in
Jinja's immutable sandbox so that even a hostile template cannot reach Python internals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from jinja2 import StrictUndefined, Template, pass_context
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from plugin.workflow.errors import CatalogueError
from plugin.workflow.text import normalise

from .checks import Party
from .definitions import FieldSpec, Section


def join_words(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [str(i) for i in items if i not in (None, "")]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def long_date(value: str | None) -> str:
    """'2027-03-31' -> '31 March 2027' (UK style)."""
    if not value:
        return ""
    day = dt.date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


@pass_context
def _party(context, ref: int | None) -> str:
    names = context["_party_names"]
    return names.get(ref, "an unnamed party") if ref is not None else "a party still to be named"


@pass_context
def _parties(context, refs: Sequence[int]) -> str:
    return join_words([_party(context, r) for r in refs or ()])


def strip_lead(text: str | None, word: str) -> str:
    """'If funding ends' -> 'funding ends' after an introduction that already says 'if'."""
    text = (text or "").strip()
    head, _, rest = text.partition(" ")
    return rest if head.casefold() == word.casefold() and rest else text


@pass_context
def _party_and(context, ref: int | None, text: str | None) -> str:
    """'Police Unit: Fiona Reid'; just the name when the text repeats it (a worker who is their
    own contact), just the text when no party is chosen."""
    text = (text or "").strip()
    if ref is None:
        return text or "a party still to be named"
    name = _party(context, ref)
    return name if not text or text.casefold() == name.casefold() else f"{name}: {text}"


@pass_context
def _label(context, value: str | None, path: str) -> str:
    if value is None:
        return ""
    return context["_labels"].get(path, {}).get(value, value)


def make_environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,  # clause text is plain text; .docx and HTML escape it on output
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        party=_party,
        parties=_parties,
        party_and=_party_and,
        strip_lead=strip_lead,
        label=_label,
        and_list=join_words,
        date=long_date,
    )
    return env


ENVIRONMENT = make_environment()


def compile_clause(section: Section) -> Template:
    """Compile a section's wording template. Raises CatalogueError naming the section."""
    try:
        return ENVIRONMENT.from_string(section.clause)
    except TemplateError as exc:
        raise CatalogueError(f"section '{section.key}': clause template: {exc}") from None


def _labels(fields: Sequence[FieldSpec], prefix: str = "") -> dict[str, dict[str, str]]:
    out = {}
    for spec in fields:
        if spec.options:
            out[prefix + spec.key] = dict(spec.options)
        if spec.fields:
            out.update(_labels(spec.fields, f"{prefix}{spec.key}."))
    return out


_JOINS = [  # where user text meets template punctuation, keep one mark (an ellipsis stays)
    (re.compile(r"(?<!\.)([!?])\.(?!\.)"), r"\1"),  # "Why?." -> "Why?"
    (re.compile(r"(?<!\.)[.;:,]([.;:,])(?!\.)"), r"\1"),  # "ends.." "ends;." "ends.:" -> one mark
]


def tidy(text: str) -> str:
    """Normalise as stored text is (runs of spaces, blank lines), and where user text's own
    end punctuation meets the template's, keep the template's."""
    text = normalise(text)
    for pattern, repl in _JOINS:
        text = pattern.sub(repl, text)
    return text


# How a clause speaks of those who agree it (#13): a partnership of "the partners", a co-working
# agreement of the workers as "we" (OU 3.2: the workers' own arrangement).
VOICES: dict[str, dict[str, str]] = {
    "partnership": {
        "we": "the partners",
        "We": "The partners",
        "our": "the partners'",
        "Our": "The partners'",
        "each_of_us": "each partner",
        "their": "their",
        "they": "they",
        "us": "the partners",
        "any_of_us": "any partner",
        "all_of_us": "All partners",
        "whichever": "whichever partner they come from",
        "the_work": "the partnership",
        "someone_unnamed": "A partner still to be named",
        "member": "partner",
        "whoever_is_asked": "Partners asked",
        "who_we_are": "the partner organisations named in this agreement",
    },
    "co_working": {
        "we": "we",
        "We": "We",
        "our": "our",
        "Our": "Our",
        "each_of_us": "each of us",
        "their": "our",
        "they": "we",
        "us": "us",
        "any_of_us": "either of us",
        "all_of_us": "Both of us",
        "whichever": "whichever organisation they come from",
        "the_work": "our joint work",
        "someone_unnamed": "A worker still to be named",
        "member": "of us",
        "whoever_is_asked": "Whichever of us is asked",
        "who_we_are": "the workers named in this agreement",
    },
}


def voice(kind: str) -> dict[str, str]:
    """The words a clause of this kind uses for those who agree it (partnership if unknown)."""
    return dict(VOICES.get(kind, VOICES["partnership"]))


def render_clause(
    section: Section,
    template: Template,
    values: dict,
    parties: Sequence[Party],
    kind: str = "partnership",
) -> str:
    """The clause text for validated values, in the voice of the agreement's kind. Raises
    CatalogueError if the template misbehaves."""
    context = {**voice(kind), **values}
    context["_party_names"] = {p.id: p.name for p in parties}
    context["_labels"] = _labels(section.fields)
    context["all_parties"] = [p.id for p in parties]
    try:
        return tidy(template.render(context))
    except SecurityError as exc:
        raise CatalogueError(f"section '{section.key}': clause template is unsafe: {exc}") from None
    except (TemplateError, TypeError, ValueError) as exc:
        raise CatalogueError(f"section '{section.key}': clause template failed: {exc}") from None
