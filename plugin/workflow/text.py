"""Normalising section text, and the sha256 that approvals name.

The same rules run in the task pane (JS); tests/vectors/normalisation.json holds the shared vectors.
Normalisation: Unicode NFC; every line break (CRLF, CR, vertical tab, form feed, U+0085, U+2028,
U+2029) becomes LF; on each line, runs of SPACE_CHARS become one space and the ends are trimmed;
runs of blank lines become one blank line; blank lines at the start and end are dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
# Spelled out rather than \s, whose meaning differs between Python and JS: tab, space, NBSP,
# the Unicode space separators (Zs), and U+FEFF, which Word can leave behind.
SPACE_CHARS = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff"
_SPACES = re.compile(f"[{SPACE_CHARS}]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """The canonical form of section text that hashing and comparison use."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def text_sha256(text: str) -> str:
    """Hex sha256 of the normalised text, UTF-8 encoded."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


# Characters that XML 1.0 (and so .docx) cannot hold, PostgreSQL refuses (NUL), or UTF-8 cannot
# encode (lone surrogates). Vertical tab and form feed are Word's soft breaks: section text may
# carry them, as normalise() turns them into line breaks.
_UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_UNFIT_IN_SECTION_TEXT = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# Bidirectional embeddings, overrides and isolates reorder how text is shown, so that the wording
# people read and approve can differ from the wording stored ("Trojan Source", CVE-2021-42574).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def refuse_unfit_characters(text: str, section_text: bool = False) -> str:
    """Return `text`, or raise ValueError naming the first character a document cannot hold,
    or a bidirectional control that could make the text read differently from what it says."""
    match = (_UNFIT_IN_SECTION_TEXT if section_text else _UNFIT).search(text)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise ValueError(f"contains the control character {code}, which a document cannot hold")
    match = _BIDI_CONTROLS.search(text)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise ValueError(
            f"contains the bidirectional control {code}, which can make text read differently "
            "from what it says"
        )
    return text
