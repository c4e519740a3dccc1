"""The production web server (gunicorn, with the repository's gunicorn.conf.py): its access log
keeps paths without query strings, and its own refusals are problem+json."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx
import pytest

pytest.importorskip("gunicorn")

from bench.server import gunicorn


@pytest.fixture(scope="module")
def served(database_url, tmp_path_factory):
    log = tmp_path_factory.mktemp("gunicorn") / "access.log"
    with gunicorn(database_url, "-w", "1", "--access-logfile", str(log)) as base:
        yield base, log


def raw_request(base: str, request: bytes) -> bytes:
    address = urlsplit(base)
    with socket.create_connection((address.hostname, address.port), timeout=10) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


def test_access_log_has_paths_without_query_strings(served):
    base, log = served
    httpx.get(f"{base}/auth/callback", params={"code": "SECRET-CODE-42", "state": "STATE-7"})
    httpx.get(f"{base}/healthz?x=QUERY-9", headers={"Referer": f"{base}/x?code=REFERER-CODE"})
    written = log.read_text()
    assert "GET /auth/callback HTTP/1.1" in written and "GET /healthz HTTP/1.1" in written
    for secret in ("SECRET-CODE-42", "STATE-7", "QUERY-9", "REFERER-CODE"):
        assert secret not in written


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Big: " + b"b" * 9000 + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400),
    ],
)
def test_refusals_by_the_web_server_are_problem_json(served, request_bytes, status):
    answer = raw_request(served[0], request_bytes)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(f"HTTP/1.1 {status} ".encode())
    assert b"Content-Type: application/problem+json" in head
    assert f'"status": {status}'.encode() in body
