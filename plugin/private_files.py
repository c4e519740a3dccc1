"""Secrets kept in the instance folder: created readable by their owner only (mode 0600) from
the first byte, never chmod-ed afterwards, and whole or not at all."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def create_secret_file(path: Path, data: bytes) -> None:
    """Write `data` to `path`, readable by its owner only, unless `path` exists already. The
    file appears whole or not at all, and of two processes racing, one wins for both."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)  # atomic: fails if another process made it first
    finally:
        draft.unlink()
