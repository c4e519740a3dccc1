"""Where a PDF's parts begin, read page by page with poppler's pdftotext: the summary (page 1),
the annexes, the signing page and the certificate. For the page-count tests and `make bench`."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

OPENINGS = {"Annexes", "Signed for the partners", "Signed for the workers"}


@dataclass(frozen=True)
class PageCounts:
    total: int
    annexes_from: int | None  # the page the annexes begin on (None: no annexes)
    signing_from: int
    certificate_from: int
    core: int  # pages from the summary to the last core section

    @property
    def certificate(self) -> int:
        return self.total - self.certificate_from + 1


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page. Raises FileNotFoundError when pdftotext is not installed."""
    program = shutil.which("pdftotext")
    if program is None:
        raise FileNotFoundError("pdftotext (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory(prefix="pa-pages-") as work:
        path = Path(work) / "agreement.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(  # noqa: S603 (a fixed command on our own file)
            [program, "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _first(pages: list[str], heading: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(heading)}\s*$", re.MULTILINE)
    return next((i + 1 for i, page in enumerate(pages) if pattern.search(page)), None)


def page_counts(pdf: bytes) -> PageCounts:
    """Raises ValueError when the PDF has no signing page or certificate heading."""
    pages = page_texts(pdf)
    signing = _first(pages, "Signed for the partners") or _first(pages, "Signed for the workers")
    certificate = _first(pages, "Approval certificate")
    if signing is None or certificate is None:
        raise ValueError("no signing page or approval certificate found")
    # The contents on page 1 lists "Annexes" too: look from page 2 on.
    annexes = _first(pages[1:], "Annexes")
    annexes = annexes + 1 if annexes else None
    end = annexes or signing
    # The core ends on the page before when that part opens its page (under the header line).
    opening = [line.strip() for line in pages[end - 1].splitlines() if line.strip()][1:2]
    core = end - 1 if opening and opening[0] in OPENINGS else end
    return PageCounts(len(pages), annexes, signing, certificate, core)
