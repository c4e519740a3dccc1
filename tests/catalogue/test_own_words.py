"""Guidance text is in our own words: no run of six words is taken from a source text."""

import re
from pathlib import Path

import pytest
import yaml

from plugin.catalogue.loader import DATA_DIR

SOURCES = Path(__file__).parents[2].parent / "shared" / "guidance" / "sources"
RUN = 6


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the guidance sources are kept beside the repo")
def test_no_sentence_is_copied_from_the_sources():
    source_runs = set().union(*(_runs(p.read_text()) for p in SOURCES.glob("*.txt")))
    copied = [
        (path.name, text[:80])
        for path in sorted(DATA_DIR.rglob("*.yaml"))
        if path.name != "sources.yaml"  # the sources' own titles, cited
        for text in _strings(yaml.safe_load(path.read_text()))
        if _runs(text) & source_runs
    ]
    assert copied == []
