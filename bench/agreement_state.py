"""Benchmark: agreement-state reads under the production server, against /healthz on the same
server in the same run, on SQLite and (when reachable) PostgreSQL.

    .venv/bin/python -m bench.agreement_state [--seconds 5] [--connections 8] [--postgres URL]

For each database it migrates a fresh database, drafts two three-party agreements (every section
filled from the catalogue's examples; the second then gets 100 revisions per section), serves
the app with gunicorn (`-w 4 -k gthread --threads 4`, a separate process on a free port) and
runs `wrk` against: /healthz; the state's conditional GET (304); the full state (identity and
compressed); the full state of the 100-revision agreement. It then times building the state
body without the cache (in process) for 1 and 100 revisions per section. It prints figures and
ratios; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import time

import sqlalchemy as sa

from bench.server import KEYS, gunicorn, on_each_database, prepare
from plugin import create_app
from plugin.api.views import agreement_out
from plugin.catalogue import Party, default_catalogue
from plugin.store import agreements as store
from plugin.store.db import dispose, get_session
from plugin.store.models import Member

SERVER = tuple(os.environ.get("BENCH_GUNICORN", "-w 4 -k gthread --threads 4").split())


def _app(url: str):
    return create_app(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": KEYS["PA_SECRET_KEY"],
            "AUDIT_KEY": KEYS["PA_AUDIT_KEY"],
        }
    )


def draft(app, token: str, revisions: int) -> int:
    """A drafted agreement with `revisions` revisions of every section; returns its id."""
    client, catalogue = app.test_client(), default_catalogue()
    headers = {"Authorization": f"Bearer {token}"}
    agreement = client.post(
        "/api/v1/agreements",
        headers=headers,
        json={
            "title": "Benchmark",
            "kind": "partnership",
            "level": "collaboration",
            "parties": [{"name": p.name} for p in catalogue.example_parties],
        },
    ).json
    parties = [Party(p["id"], p["name"]) for p in agreement["parties"]]
    for section in catalogue.sections_for("partnership"):
        path = f"/api/v1/agreements/{agreement['id']}/sections/{section.key}"
        fields = catalogue.example_for(section.key, parties)
        saved = client.put(path, headers=headers, json={"base_revision": 0, "fields": fields})
        assert saved.status_code == 201, saved.json
        text = saved.json["revision"]["text"]
        for n in range(2, revisions + 1):
            body = {"base_revision": n - 1, "text": f"{text}\n\nRevision {n}."}
            assert client.put(path, headers=headers, json=body).status_code == 201
    return agreement["id"]


def wrk(url: str, seconds: float, connections: int, headers: dict[str, str]) -> float:
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds:g}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    # wrk with our own arguments
    done = subprocess.run([*command, url], capture_output=True, text=True, check=True)  # noqa: S603
    out = done.stdout
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def build_ms(app, aid: int, rounds: int = 30) -> float:
    """Time to build the state body without the cache, in process (best of `rounds`: the
    least disturbed by other work on the machine)."""
    times = []
    with app.app_context():
        session = get_session()
        agreement = session.get(store.Agreement, aid)
        member = session.scalar(sa.select(Member).where(Member.agreement_id == aid))
        for _ in range(rounds):
            session.expire_all()
            start = time.perf_counter()
            agreement_out(session, agreement, member, default_catalogue()).model_dump(mode="json")
            times.append((time.perf_counter() - start) * 1000)
            session.rollback()
    return min(times)


def run(label: str, url: str, args) -> None:
    token = prepare(url)
    app = _app(url)
    one, hundred = draft(app, token, 1), draft(app, token, args.revisions)
    auth = {"Authorization": f"Bearer {token}"}
    with gunicorn(url, *SERVER) as base:
        import httpx

        full = httpx.get(f"{base}/api/v1/agreements/{one}", headers=auth)
        zipped = httpx.get(
            f"{base}/api/v1/agreements/{one}", headers={**auth, "Accept-Encoding": "gzip"}
        )
        etag = full.headers["ETag"]
        state, state_100 = f"{base}/api/v1/agreements/{one}", f"{base}/api/v1/agreements/{hundred}"
        runs = {
            "/healthz": (f"{base}/healthz", {}),
            "state 304": (state, {**auth, "If-None-Match": etag}),
            "state full": (state, auth),
            "state full, gzip": (state, {**auth, "Accept-Encoding": "gzip"}),
            f"state full, {args.revisions} revisions": (state_100, auth),
        }
        figures: dict[str, list[float]] = {name: [] for name in runs}
        for target, headers in runs.values():  # warm every worker up (not counted)
            wrk(target, 1, args.connections, headers)
        for _ in range(args.rounds):
            for name, (target, headers) in runs.items():
                figures[name].append(wrk(target, args.seconds, args.connections, headers))
    cold_1, cold_100 = build_ms(app, one), build_ms(app, hundred)
    dispose(app)
    trivial = statistics.median(figures["/healthz"])
    compressed = int(zipped.headers.get("Content-Length", len(zipped.content)))
    print(
        f"\n{label}: gunicorn {' '.join(SERVER)}; wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s x {args.rounds} rounds (median); state body "
        f"{len(full.content) / 1024:.0f} KiB ({compressed / 1024:.0f} KiB gzip)"
    )
    print(f"{'endpoint':<32}{'req/s':>10}{'vs /healthz':>13}")
    for name, values in figures.items():
        median = statistics.median(values)
        print(f"{name:<32}{median:>10.0f}{median / trivial:>12.2f}x")
    flat = statistics.median(
        figures[f"state full, {args.revisions} revisions"]
    ) / statistics.median(figures["state full"])
    print(f"full state, {args.revisions} vs 1 revisions per section: {flat:.2f}x the throughput")
    print(
        f"building the body without the cache (best of 30): {cold_1:.1f} ms (1 revision), "
        f"{cold_100:.1f} ms ({args.revisions}): {cold_100 / cold_1:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--revisions", type=int, default=100)
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL"))
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    on_each_database(run, args, "pa_bench")


if __name__ == "__main__":
    main()
