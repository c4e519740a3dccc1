"""The pane's plain modules (status wording, API client, invitation links, drafts) under node's
own test runner: tests/browser/modules/*.test.mjs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from plugin.taskpane import HERE

MODULE_TESTS = Path(__file__).parent / "modules"
NODE = shutil.which("node")


def node(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (a fixed command on our own files)
        [NODE, *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def node_loads_the_pane_modules():
    if NODE is None:
        pytest.skip("node is not installed")
    # The pane's modules are ES modules named .js: node loads them when package.json says
    # "type": "module" or, without it, from node 20.19 / 22 on (module syntax detection).
    probe = node("--input-type=module", "-e", f"await import({str(HERE / 'status.js')!r});")
    if probe.returncode != 0:
        pytest.skip(f"this node cannot load the pane's ES modules: {probe.stderr.strip()[:200]}")


def test_pane_modules_pass_their_node_tests(node_loads_the_pane_modules):
    files = sorted(str(p) for p in MODULE_TESTS.glob("*.test.mjs"))
    assert files
    result = node("--test", *files)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
