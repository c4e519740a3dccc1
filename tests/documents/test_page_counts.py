"""Page counts of both examples' final documents, converted once per module with the real
LibreOffice (Carlito standing in for Calibri) and read page by page with pdftotext (#13)."""

from __future__ import annotations

import pytest

from plugin.catalogue.preview import page_estimates
from plugin.documents.check import example_data
from plugin.documents.pages import page_counts
from plugin.documents.pdf import to_pdf
from plugin.documents.render import render, template_path

pytestmark = pytest.mark.slow  # LibreOffice: run early (tests/conftest.py)

KINDS = ("partnership", "co_working")


@pytest.fixture(scope="module")
def counts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for kind in KINDS:
        content = render(example_data(kind), template_path(kind))
        out[kind] = page_counts(to_pdf(content, lock_folder=folder / "locks", timeout=120))
    return out


def test_the_three_partner_example_is_short_and_its_certificate_one_page(counts):
    three = counts["partnership"]
    assert three.total <= 14, three
    assert three.core <= 7, three  # the summary to the last core section
    assert three.certificate == 1, three
    assert three.signing_from <= three.certificate_from


def test_the_co_working_example_fits_six_pages(counts):
    two = counts["co_working"]
    assert two.total <= 6, two
    assert two.certificate == 1, two


@pytest.mark.parametrize("kind", KINDS)
def test_the_preview_estimates_the_real_pdf_within_a_tenth(counts, kind):
    core, total = page_estimates(kind)
    real = counts[kind]
    assert abs(total - real.total) <= 0.1 * real.total, (total, real)
    assert abs(core - real.core) <= max(1, 0.1 * real.core), (core, real)
