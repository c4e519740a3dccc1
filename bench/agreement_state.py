"""Benchmark: agreement-state GET throughput (full body, and 304 with If-None-Match) next to a
trivial JSON endpoint (/healthz) on the same server, printed with the ratios.

    .venv/bin/python bench/agreement_state.py [--requests 400] [--database-url URL]

It builds a fully drafted three-party agreement (every section filled from the catalogue's
examples), serves the app with a threaded WSGI server on 127.0.0.1, and times sequential
requests over one keep-alive connection. It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
from werkzeug.serving import make_server

from auth import tokens
from plugin import create_app
from plugin.catalogue import Party, default_catalogue
from plugin.store import schema, users
from plugin.store.db import engine_of, get_session


def build(database_url: str):
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "bench", "TESTING": False})
    schema.upgrade(engine_of(app))
    with app.app_context():
        session = get_session()
        user = users.create_user(session, f"bench-{time.time_ns()}@example.org", "Bench")
        token = tokens.issue(session, user, 1)
        session.commit()
    return app, token


def draft(client: httpx.Client) -> int:
    catalogue = default_catalogue()
    agreement = client.post(
        "/api/v1/agreements",
        json={
            "title": "Benchmark",
            "kind": "partnership",
            "level": "collaboration",
            "parties": [{"name": p.name} for p in catalogue.example_parties],
        },
    ).json()
    parties = [Party(p["id"], p["name"]) for p in agreement["parties"]]
    for section in catalogue.sections_for("partnership"):
        fields = catalogue.example_for(section.key, parties)
        response = client.put(
            f"/api/v1/agreements/{agreement['id']}/sections/{section.key}",
            json={"base_revision": 0, "fields": fields},
        )
        response.raise_for_status()
    return agreement["id"]


def rate(
    client: httpx.Client, path: str, n: int, headers: dict | None = None, expect: int = 200
) -> float:
    for _ in range(10):  # warm up
        client.get(path, headers=headers)
    start = time.perf_counter()
    for _ in range(n):
        response = client.get(path, headers=headers)
        if response.status_code != expect:
            raise SystemExit(f"{path}: expected {expect}, got {response.status_code}")
    return n / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        app, token = build(url)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as client:
            aid = draft(client)
            full = client.get(f"/api/v1/agreements/{aid}")
            etag = full.headers["ETag"]
            figures = {"healthz": [], "state (full body)": [], "state (304)": []}
            for _ in range(args.rounds):
                figures["healthz"].append(rate(client, "/healthz", args.requests))
                figures["state (full body)"].append(
                    rate(client, f"/api/v1/agreements/{aid}", args.requests)
                )
                figures["state (304)"].append(
                    rate(
                        client,
                        f"/api/v1/agreements/{aid}",
                        args.requests,
                        {"If-None-Match": etag},
                        304,
                    )
                )
        server.shutdown()
        app.extensions["store"].kw["bind"].dispose()
    trivial = statistics.median(figures["healthz"])
    print(
        f"database: {url.split(':')[0]}; {args.requests} sequential requests x {args.rounds} "
        f"rounds; state body {len(full.content) / 1024:.0f} KiB, 18 sections drafted"
    )
    print(f"{'endpoint':<20}{'req/s (median)':>16}{'vs /healthz':>14}")
    for name, values in figures.items():
        median = statistics.median(values)
        print(f"{name:<20}{median:>16.0f}{median / trivial:>13.2f}x")


if __name__ == "__main__":
    main()
