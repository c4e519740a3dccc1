"""Names and titles people read: which characters they may hold, and when two party names are
the same name.

A name or title refuses the characters a reader cannot see or that steer how text is shown:
C0 and C1 controls (Cc) and format characters (Cf: zero-width space and joiners, BOM, soft
hyphen, bidirectional controls).

Two party names are the same name when their keys are equal: Unicode compatibility
normalisation (NFKC), case folding, white space collapsed, then each character replaced by its
confusable skeleton (UTS #39, from the `confusable_homoglyphs` package's copy of Unicode's
confusables.txt), so "Police Unit", "POLICE UNIT" and "Pоlice Unit" (a Cyrillic о) are one party.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from confusable_homoglyphs.confusables import confusables_data

# Lone surrogates (Cs) are refused too (text.py), but kept out of the class: a pattern holding
# them cannot be written in UTF-8, so schema tools could not read it.
_HIDDEN_CATEGORIES = ("Cc", "Cf")


# The ranges _scan_hidden_ranges finds in Unicode 14.0.0 (Python 3.11's unicodedata), written out
# because the scan of every code point costs about 0.17 s at each process's start (gunicorn
# workers, job workers, the CLI). Another Unicode version is scanned; a test checks this table
# against the scan.
HIDDEN_RANGES_UNICODE = "14.0.0"
HIDDEN_RANGES = (
    (0x0, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD),
    (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip


def _scan_hidden_ranges() -> list[tuple[int, int]]:
    """Every run of code points in _HIDDEN_CATEGORIES, by this Python's Unicode data."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x110000):
        if unicodedata.category(chr(code)) in _HIDDEN_CATEGORIES:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


@functools.cache
def _hidden_ranges() -> list[tuple[int, int]]:
    if unicodedata.unidata_version == HIDDEN_RANGES_UNICODE:
        return list(HIDDEN_RANGES)
    return _scan_hidden_ranges()


@functools.cache
def hidden_class() -> str:
    """The regular-expression class of the characters names refuse (for patterns and schemas)."""
    parts = [chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in _hidden_ranges()]
    return "[" + "".join(parts) + "]"


@functools.cache
def name_pattern() -> str:
    """A name as a pattern: no hidden character, and something other than white space."""
    hidden = hidden_class()
    visible = "[^" + hidden[1:-1] + r"\s]"
    return f"^{hidden.replace('[', '[^', 1)}*{visible}{hidden.replace('[', '[^', 1)}*$"


def refuse_hidden_characters(text: str) -> str:
    """Return `text`, or raise ValueError naming the first control or format character in it."""
    match = re.search(hidden_class(), text)
    if match:
        char = match.group()
        name = unicodedata.name(char, "a control character")
        raise ValueError(
            f"contains U+{ord(char):04X} ({name.lower()}), an invisible or control character "
            "that names and titles may not hold"
        )
    return text


@functools.cache
def _skeleton_map() -> dict[str, str]:
    """Each confusable character to one representative of its class (the lowest code point),
    joining the classes confusables.txt links (union-find), single characters only."""
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.setdefault(c, c) != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for char, homoglyphs in confusables_data.items():
        for glyph in homoglyphs:
            other = glyph["c"].replace("\u200e", "")
            if len(char) == 1 and len(other) == 1:
                a, b = find(char), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {c: find(c) for c in parent}


def party_name_key(name: str) -> str:
    """The form in which two party names are compared."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKC", text.casefold())
    text = " ".join(text.split())
    skeleton = _skeleton_map()
    return "".join(skeleton.get(c, c) for c in unicodedata.normalize("NFD", text))
