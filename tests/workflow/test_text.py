"""Normalisation and hashing against the shared vectors (the JS side reads the same file)."""

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.workflow.text import normalise, text_sha256

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
