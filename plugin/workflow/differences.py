"""Word-level differences between two texts of a section (difflib), as runs that are kept,
deleted or inserted. Joining the kept and deleted runs gives the old text exactly; joining the
kept and inserted runs gives the new text exactly. A line break is a run of its own, so a
document can track a paragraph that was added or removed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["same", "del", "ins"]
# Words, runs of spaces, single line breaks and single punctuation marks: joined, the text.
TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Run:
    op: Op
    text: str


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def _add(runs: list[Run], op: Op, parts: list[str]) -> None:
    text = "".join(parts)
    if not text:
        return
    if runs and runs[-1].op == op:
        runs[-1] = Run(op, runs[-1].text + text)
    else:
        runs.append(Run(op, text))


def word_changes(old: str, new: str) -> list[Run]:
    """The runs that turn `old` into `new`, word by word (deletions before insertions)."""
    a, b = tokens(old), tokens(new)
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(runs, "same", a[i1:i2])
        else:
            _add(runs, "del", a[i1:i2])
            _add(runs, "ins", b[j1:j2])
    return runs


def old_text(runs: list[Run]) -> str:
    return "".join(r.text for r in runs if r.op != "ins")


def new_text(runs: list[Run]) -> str:
    return "".join(r.text for r in runs if r.op != "del")
