"""Trials of the production shape (deploy/production.py), for its test and its benchmark:

- `writes_through`: clients each save one section of their own agreement again and again
  through nginx, each write with its Idempotency-Key, retrying a write that got no answer (or a
  502/503/504) with the same key, while one app instance is stopped part way through;
- `slow_clients`: connections that send their request headers one line a second, while an
  ordinary client asks for something with a 5-second timeout.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

RETRIED = (502, 503, 504)


@dataclass
class Acknowledged:
    """A write the server answered with 2xx: what was sent and the first answer."""

    agreement_id: int
    section: str
    key: str
    body: dict
    status: int
    answer: dict


@dataclass
class Client:
    """One client: its agreement, the section it saves, and what it was told."""

    agreement_id: int
    section: str
    acknowledged: list[Acknowledged] = field(default_factory=list)
    retries: int = 0
    failed: int = 0  # writes never acknowledged, even after retrying


def _save_all(
    origin: str, token: str, client: Client, writes: int, name: str, done: Callable[[], None]
) -> None:
    path = f"{origin}/api/v1/agreements/{client.agreement_id}/sections/{client.section}"
    headers = {"Authorization": f"Bearer {token}"}
    base = 0
    with httpx.Client(verify=False, timeout=15) as http:  # noqa: S501 (loopback, self-signed)
        for n in range(1, writes + 1):
            key = f"{name}-{client.agreement_id}-{n}"
            body = {"base_revision": base, "text": f"Clause written by {name}, write {n}."}
            for attempt in range(20):
                try:
                    answer = http.put(path, json=body, headers={**headers, "Idempotency-Key": key})
                except httpx.TransportError:
                    answer = None
                if answer is not None and answer.status_code not in RETRIED:
                    break
                client.retries += 1
                time.sleep(min(0.05 * 2**attempt, 1))
            if answer is None or not 200 <= answer.status_code < 300:
                client.failed += 1
                break  # the chain of base revisions is broken: this client stops
            saved = answer.json()
            client.acknowledged.append(
                Acknowledged(
                    client.agreement_id, client.section, key, body, answer.status_code, saved
                )
            )
            base = saved["revision"]["number"]
            done()


def writes_through(
    origin: str,
    token: str,
    agreements: list[int],
    section: str,
    writes: int,
    stop_at: int,
    stop: Callable[[], None],
) -> list[Client]:
    """Every client writes `writes` times; after `stop_at` acknowledged writes in all, `stop()`
    runs (in its own thread, while the load goes on). Returns the clients, with what they were
    told."""
    clients = [Client(a, section) for a in agreements]
    count, lock, stopper = [0], threading.Lock(), []

    def done() -> None:
        with lock:
            count[0] += 1
            if count[0] == stop_at:
                stopper.append(threading.Thread(target=stop))
                stopper[0].start()

    threads = [
        threading.Thread(target=_save_all, args=(origin, token, c, writes, f"client{i}", done))
        for i, c in enumerate(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for t in stopper:
        t.join()
    return clients


def replay(origin: str, token: str, write: Acknowledged) -> httpx.Response:
    """Send an acknowledged write again, with its Idempotency-Key."""
    path = f"{origin}/api/v1/agreements/{write.agreement_id}/sections/{write.section}"
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": write.key}
    return httpx.put(path, json=write.body, headers=headers, verify=False, timeout=15)  # noqa: S501


def _slow_client(port: int, stop: threading.Event, tls: bool) -> None:
    """Send a request's header lines one a second, until told to stop or dropped."""
    lines = [b"GET /healthz HTTP/1.1\r\n", b"Host: localhost\r\n"]
    lines += [f"X-Slow-{n}: {'x' * 40}\r\n".encode() for n in range(600)]
    with contextlib.suppress(OSError):
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        if tls:
            context = ssl.create_default_context()
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
            raw = context.wrap_socket(raw, server_hostname="localhost")
        with raw:
            for line in lines:
                if stop.wait(1):
                    return
                raw.sendall(line)  # raises once nginx has dropped this client


def slow_clients(
    port: int, url: str, *, slow: int = 40, requests: int = 10, tls: bool = True, token: str = ""
) -> tuple[int, int, list[float]]:
    """With `slow` slow connections open on `port`, ask for `url` `requests` times (5 s
    timeout each). Returns (answered, timed out or failed, seconds each answer took)."""
    stop = threading.Event()
    threads = [
        threading.Thread(target=_slow_client, args=(port, stop, tls), daemon=True)
        for _ in range(slow)
    ]
    for t in threads:
        t.start()
    time.sleep(3)  # every slow client is connected and dribbling
    answered, failed, took = 0, 0, []
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        for _ in range(requests):
            start = time.perf_counter()
            try:
                answer = httpx.get(url, headers=headers, timeout=5, verify=False)  # noqa: S501
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                answered += 1
                took.append(time.perf_counter() - start)
            else:
                failed += 1
            time.sleep(0.2)
    finally:
        stop.set()
        for t in threads:
            t.join(5)
    return answered, failed, took
