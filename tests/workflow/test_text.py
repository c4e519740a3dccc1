"""Normalisation and hashing against the shared vectors (the JS side reads the same file)."""

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.workflow.text import normalise, refuse_unfit_characters, text_sha256

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "normalisation.json").read_text())


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_vector(case):
    assert normalise(case["input"]) == case["normalised"]
    assert text_sha256(case["input"]) == case["sha256"]


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@given(
    st.text(), st.sampled_from(["\r\n", "\r", "\n"]), st.sampled_from([" ", "  ", "\t", "\u00a0"])
)
def test_line_endings_and_spacing_do_not_change_the_hash(text, newline, space):
    words = text.split()
    base = "\n".join(words)
    variant = newline.join(f"{space}{w}{space}" for w in words)
    assert text_sha256(variant) == text_sha256(base)


def test_hash_is_of_utf8_normal_form():
    assert text_sha256("  a  b ") == hashlib.sha256(b"a b").hexdigest()
    assert text_sha256("a") != text_sha256("b")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1f", "\ud800", "\uffff"])
def test_characters_a_document_cannot_hold_are_refused(char):
    with pytest.raises(ValueError, match=f"U\\+{ord(char):04X}"):
        refuse_unfit_characters(f"a{char}b")


def test_word_soft_breaks_are_fit_only_in_section_text():
    assert refuse_unfit_characters("a\vb\fc\td\ne\r", section_text=True)
    with pytest.raises(ValueError):
        refuse_unfit_characters("a\vb")
