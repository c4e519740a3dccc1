"""Interop with tools nobody here wrote (panva's oidc-provider and openid-client, run by node):
skipped, with the reason, only when node or those npm packages are missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def need_node_package(name: str) -> str:
    """The node executable, once `name` is installed under node_modules; else skip."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    if not (ROOT / "node_modules" / name / "package.json").exists():
        pytest.skip(f"the npm package {name} is not installed (npm ci)")
    return node


class NodeScript:
    """A node script talking JSON lines on stdin and stdout."""

    def __init__(self, script: str, *args: str):
        self.process = subprocess.Popen(  # noqa: S603 (our own script)
            [shutil.which("node") or "node", str(HERE / script), *args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def read(self) -> dict:
        """The next JSON line (lines that are not JSON, such as a library's notices, skipped)."""
        while line := self.process.stdout.readline():
            if line.startswith("{"):
                return json.loads(line)
        self.process.wait(10)
        raise AssertionError(f"node said nothing: {self.process.stderr.read()}")

    def send(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()
