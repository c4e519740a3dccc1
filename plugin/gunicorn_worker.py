"""gunicorn's threaded worker, answering the requests gunicorn itself refuses (a request line or
headers too long, a malformed request) as problem+json like the app does. Named in
gunicorn.conf.py; needs the `server` extra."""

from __future__ import annotations

import json

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker


def write_problem(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's `util.write_error`, with an RFC 9457 body instead of an HTML page."""
    body = json.dumps(
        {"type": "about:blank", "title": reason, "status": status_int, "detail": mesg}
    ).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/problem+json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin1") + body)


class ProblemJsonWorker(ThreadWorker):
    """gunicorn's gthread worker; its refusals (made before the app sees the request) are
    problem+json. gunicorn has no hook for their body, so its writer is replaced once, here."""

    def handle_error(self, req, client, addr, exc):
        util.write_error = write_problem
        super().handle_error(req, client, addr, exc)
