"""PDF through LibreOffice: `soffice --headless --convert-to pdf`, each conversion with a
profile folder of its own, a timeout, and a bounded number of conversions at a time across
every process of the install (slot lock files in the instance folder)."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from plugin.workflow.errors import DomainError


class PdfUnavailable(DomainError):
    status = 503
    title = "PDF conversion unavailable"


@contextmanager
def _slot(folder: Path, slots: int, wait: float):
    """Hold one of `slots` lock files; raises PdfUnavailable when none frees up in `wait` s."""
    folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        for n in range(slots):
            handle = open(folder / f"slot-{n}.lock", "w")  # noqa: SIM115 (held while converting)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() > deadline:
            raise PdfUnavailable(
                "Every PDF converter is busy; try again in a minute.", retry_after=30
            )
        time.sleep(0.1)


def to_pdf(
    docx: bytes,
    *,
    soffice: str = "soffice",
    timeout: float = 60,
    slots: int = 2,
    lock_folder: Path,
) -> bytes:
    """The PDF of a .docx. Raises PdfUnavailable (503) when LibreOffice is not installed, is
    busy, fails or runs out of time."""
    program = shutil.which(soffice)
    if program is None:
        raise PdfUnavailable(
            "PDF download needs LibreOffice, which is not installed on this server "
            f"('{soffice}' was not found). The .docx download works without it."
        )
    with (
        _slot(lock_folder, slots, wait=timeout),
        tempfile.TemporaryDirectory(prefix="pa-pdf-") as work,
    ):
        folder = Path(work)
        source = folder / "agreement.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        process = subprocess.Popen(  # noqa: S603 (a fixed command; the file name is ours)
            command,
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(folder)},
            start_new_session=True,  # its own process group: a timeout ends all of it
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise PdfUnavailable(
                f"LibreOffice did not finish the PDF within {timeout:g} seconds."
            ) from None
        result = folder / "agreement.pdf"
        if not result.exists():
            raise PdfUnavailable("LibreOffice could not convert this document to PDF.")
        return result.read_bytes()
