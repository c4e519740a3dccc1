"""The pane's plain modules (status wording, API client, invitation links, drafts) under node's
own test runner: tests/browser/modules/*.test.mjs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

MODULE_TESTS = Path(__file__).parent / "modules"
NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_pane_modules_pass_their_node_tests():
    files = sorted(str(p) for p in MODULE_TESTS.glob("*.test.mjs"))
    assert files
    result = subprocess.run(  # noqa: S603 (a fixed command on our own files)
        [NODE, "--test", *files], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
