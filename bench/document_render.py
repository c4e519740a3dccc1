"""Benchmark: rendering the final agreement (our render: sandboxed autoescaped docxtpl, binding
part, fixed core properties and zip) next to a bare docxtpl render of the same template and
context, printed with the ratio beside its target (1.25x); and one PDF conversion through
LibreOffice, if installed. Both timed parts build the template's context from the same data.

    .venv/bin/python bench/document_render.py [--rounds 20] [--kind partnership]

The agreement is the guidance's example with every section of the kind filled in and approved
by three partners. It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from docxtpl import DocxTemplate

from plugin.documents.check import example_data
from plugin.documents.content import context
from plugin.documents.pdf import PdfUnavailable, to_pdf
from plugin.documents.render import render, template_path


def timed(job, rounds: int) -> float:
    job()  # warm up
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        job()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--kind", default="partnership")
    args = parser.parse_args()
    data = example_data(args.kind, final=True)
    template = template_path(args.kind)

    def bare() -> bytes:
        tpl = DocxTemplate(str(template))
        tpl.render(context(data), autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
        return out.getvalue()

    ours = timed(lambda: render(data, template), args.rounds)
    plain = timed(bare, args.rounds)
    size = len(render(data, template))
    print(
        f"final agreement: {len(data.sections)} sections, {len(data.parties)} parties, "
        f"{len(data.approvals)} certificate rows, {size / 1024:.0f} KiB"
    )
    print(f"final render (ours)      {ours * 1000:8.1f} ms  (median of {args.rounds})")
    print(f"bare docxtpl render      {plain * 1000:8.1f} ms")
    print(f"ratio ours / bare        {ours / plain:8.2f}x  (target at most 1.25x)")
    with tempfile.TemporaryDirectory() as locks:
        try:
            start = time.perf_counter()
            pdf = to_pdf(render(data, template), lock_folder=Path(locks))
            print(
                f"PDF (LibreOffice, once)  {(time.perf_counter() - start) * 1000:8.1f} ms, "
                f"{len(pdf) / 1024:.0f} KiB"
            )
        except PdfUnavailable as exc:
            print(f"PDF: {exc.detail}")


if __name__ == "__main__":
    main()
