"""Page counts of both examples' final documents, through the real LibreOffice, next to the
preview's estimate: pages in all, the core (summary to the last core section), where the
annexes, the signing page and the certificate begin.

    .venv/bin/python bench/document_pages.py

It prints figures; it asserts nothing (tests/documents/test_page_counts.py holds the limits).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from plugin.catalogue.preview import page_estimates
from plugin.documents.check import example_data
from plugin.documents.pages import page_counts
from plugin.documents.pdf import PdfUnavailable, to_pdf
from plugin.documents.render import render, template_path

# The limits of #13 (tests/documents/test_page_counts.py asserts them): pages in all, core
# pages (the summary to the last core section), certificate pages.
LIMITS = {"partnership": (14, 7, 1), "co_working": (6, None, 1)}


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        for kind in ("partnership", "co_working"):
            content = render(example_data(kind), template_path(kind))
            try:
                pdf = to_pdf(content, lock_folder=Path(work), timeout=120)
            except PdfUnavailable as exc:
                print(f"{kind}: no PDF ({exc.detail})")
                continue
            real = page_counts(pdf)
            core, total = page_estimates(kind)
            print(
                f"{kind:12} {real.total:3d} pages (preview: {total}), core {real.core} "
                f"(preview: {core}), annexes from page {real.annexes_from}, signing page "
                f"{real.signing_from}, certificate {real.certificate_from} "
                f"({real.certificate} page)"
            )
            most, core_most, cert_most = LIMITS[kind]
            print(
                f"{'':12} limits: at most {most} pages in all"
                + (f", core at most {core_most}" if core_most else "")
                + f", certificate {cert_most} page; preview within a tenth of the real count"
            )


if __name__ == "__main__":
    main()
