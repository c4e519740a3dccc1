"""Benchmark: can slow clients stall the server? Four clients send their request headers one
byte a second to `gunicorn -w 4` while a normal client asks for /healthz; printed per worker
class: how many of the normal client's requests were answered, and how fast.

    .venv/bin/python -m bench.slow_clients [--worker-class sync gthread gevent] [--seconds 6]

(gevent is not a dependency: install it to try that class.)
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.server import gunicorn, prepare

WORKERS = 4


def slow_client(port: int, stop: threading.Event) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + b"x" * 200
    with socket.create_connection(("127.0.0.1", port)) as sock:
        for byte in request:
            if stop.is_set():
                return
            try:
                sock.send(bytes([byte]))
            except OSError:  # the server gave up on this client: that is a way to survive it
                return
            time.sleep(1)


def measure(base: str, seconds: float) -> tuple[int, int, float | None]:
    answered, tried, times = 0, 0, []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        tried += 1
        start = time.perf_counter()
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                answered += 1
                times.append(time.perf_counter() - start)
        except httpx.HTTPError:
            pass
    return answered, tried, statistics.median(times) * 1000 if times else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker-class", nargs="+", default=["sync", "gthread"])
    parser.add_argument("--seconds", type=float, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'slow.db'}"
        prepare(url)
        print(f"{'worker class':<14}{'answered':>10}{'median ms':>12}   (4 slow clients, -w 4)")
        for worker_class in args.worker_class:
            extra = ["--threads", "8"] if worker_class == "gthread" else []
            with gunicorn(url, "-w", str(WORKERS), "-k", worker_class, *extra) as base:
                port = int(base.rsplit(":", 1)[1])
                stop = threading.Event()
                slow = [
                    threading.Thread(target=slow_client, args=(port, stop), daemon=True)
                    for _ in range(WORKERS)
                ]
                for t in slow:
                    t.start()
                time.sleep(1)
                answered, tried, median = measure(base, args.seconds)
                stop.set()
            shown = f"{median:.1f}" if median is not None else "-"
            print(f"{worker_class:<14}{answered:>5}/{tried:<4}{shown:>12}")


if __name__ == "__main__":
    main()
