"""Benchmark: the least a write can cost on this stack, as a ratio of /healthz in the same run,
on SQLite and (when TEST_DATABASE_URL is set) PostgreSQL; the yardstick for bench/writes.py.

    .venv/bin/python -m bench.write_floor [--seconds 3] [--rounds 3] [--postgres URL]

It serves bench/floor_app.py (Flask and SQLAlchemy Core with the product's engine settings, and
no product: no sign-in, rules, ORM, audit chain or answer to speak of) with the product's
gunicorn command and runs wrk -t8 -c8 against: /healthz; one row inserted in a transaction of its
own; and the statements of a section save in the product's order with nothing decided between
them, each client on an agreement of its own (bench/lua/floor.lua). Printed: requests a second
(median of the rounds) and the ratio to /healthz, beside the target #16 set for the product's
writes (0.2x). A product save cannot do better than the last line. It asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
from pathlib import Path

from bench.agreement_state import SERVER
from bench.floor_app import make_tables
from bench.server import gunicorn, on_each_database
from bench.writes import CLIENTS, TARGET_RATIO

LUA = Path(__file__).parent / "lua" / "floor.lua"
ENDPOINTS = {
    "/healthz": None,
    "one insert": "/one",
    "a save's statements": "/shaped/",
}


def wrk(base: str, path: str | None, seconds: float) -> float:
    command = ["wrk", "-t", str(CLIENTS), "-c", str(CLIENTS), "-d", f"{seconds:g}s"]
    env = dict(os.environ)
    if path is None:
        url = f"{base}/healthz"
    else:
        command += ["-s", str(LUA)]
        env["BENCH_PATH"], url = path, base
    out = subprocess.run(  # noqa: S603 (wrk with our own arguments)
        [*command, url], capture_output=True, text=True, check=True, env=env
    ).stdout
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def statements(url: str) -> dict[str, int]:
    """The statements each floor endpoint sends, BEGIN and COMMIT included (in process); the
    token's look-up (one statement on the raw autocommit connection) is not seen, as in
    bench/writes.py's count."""
    import sqlalchemy as sa

    from bench import floor_app

    seen: list[str] = []

    def count(*_args) -> None:
        seen.append("statement")

    def begin(conn) -> None:
        if conn.dialect.name != "sqlite":  # SQLite's BEGIN IMMEDIATE is a statement already
            seen.append("BEGIN")

    events = (("before_cursor_execute", count), ("begin", begin), ("commit", count))
    for name, listener in events:
        sa.event.listen(sa.Engine, name, listener)
    client, counted = floor_app.create_app(url).test_client(), {}
    try:
        for name, path in ENDPOINTS.items():
            seen.clear()
            if path is None:
                client.get("/healthz")
            else:
                body = {"text": "Counted."}
                answer = client.post(path + ("1" if path.endswith("/") else ""), json=body)
                assert answer.status_code == 201, answer.data
            counted[name] = len(seen)
    finally:
        for name, listener in events:
            sa.event.remove(sa.Engine, name, listener)
    return counted


def run(label: str, url: str, args) -> None:
    make_tables(url, CLIENTS)
    counted = statements(url)
    figures: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
    with gunicorn(url, *SERVER, app="bench.floor_app:create_app()") as base:
        for path in ENDPOINTS.values():
            wrk(base, path, 1)  # warm every worker up (not counted)
        for _ in range(args.rounds):
            for name, path in ENDPOINTS.items():
                figures[name].append(wrk(base, path, args.seconds))
    trivial = statistics.median(figures["/healthz"])
    print(
        f"\n{label}, the floor: gunicorn {' '.join(SERVER)}; wrk -t{CLIENTS} -c{CLIENTS} "
        f"-d{args.seconds}s x {args.rounds} rounds (median); no product in the app"
    )
    print(f"{'':<26}{'statements':>11}{'req/s':>8}{'vs /healthz':>13}{'target for writes':>19}")
    for name in ENDPOINTS:
        rate = statistics.median(figures[name])
        target = "" if name == "/healthz" else f"{TARGET_RATIO:>18.1f}x"
        print(f"{name:<26}{counted[name]:>11}{rate:>8.0f}{rate / trivial:>12.3f}x{target}")
    print(
        "statements: BEGIN and COMMIT included; the save's shape also looks a token up first "
        "(one statement), as bench.writes counts the product's"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL"))
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    on_each_database(run, parser.parse_args(), "pa_bench_floor")


if __name__ == "__main__":
    main()
