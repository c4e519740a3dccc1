"""When two party names are the same name: compared after Unicode compatibility normalisation
(NFKC), case folding, dropping invisible (format) characters and collapsing white space, so
"Police Unit", "POLICE UNIT" and "Police Unit\u200b" (a zero-width space) count as one party."""

from __future__ import annotations

import unicodedata


def party_name_key(name: str) -> str:
    """The form in which two party names are compared."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKC", text.casefold())
    return " ".join(text.split())
