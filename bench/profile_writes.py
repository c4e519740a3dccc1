"""Profile a section save and an approval in process: the statements each sends to the database
(counted with SQLAlchemy's cursor events), and where the time goes (cProfile, top functions).

    .venv/bin/python -m bench.profile_writes [--postgres URL] [--rounds 200] [--top 25]

SQLite by default (a fresh file); `--postgres URL` profiles a fresh schema of that database
instead. It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from bench.agreement_state import _app
from bench.server import postgres_schema, prepare
from bench.writes import SAVED, Drafting, _approval_body
from plugin.store.db import dispose, engine_of


def statements(app) -> list[str]:
    """A list that fills with every statement the app sends (both engines: the session's, and
    the autocommit one of single reads, whose statements are marked `(single)`)."""
    seen: list[str] = []

    def count(conn, _cursor, statement, _params, _context, _many):
        single = " (single)" if conn.engine is app.extensions["single_reads"] else ""
        seen.append(" ".join(statement.split())[:100] + single)

    for engine in (engine_of(app), app.extensions["single_reads"]):
        sa.event.listen(engine, "before_cursor_execute", count)
    sa.event.listen(engine_of(app), "commit", lambda *_a: seen.append("COMMIT"))
    sa.event.listen(engine_of(app), "rollback", lambda *_a: seen.append("ROLLBACK"))
    if engine_of(app).dialect.name != "sqlite":  # psycopg sends BEGIN itself
        sa.event.listen(engine_of(app), "begin", lambda *_a: seen.append("BEGIN"))
    return seen


def profile(url: str, rounds: int, top: int) -> None:
    token = prepare(url)
    app = _app(url)
    drafting = Drafting(app, token)
    client, auth = app.test_client(), {"Authorization": f"Bearer {token}"}
    state = drafting.agreement()
    party = state["parties"][0]["id"]
    path = f"/api/v1/agreements/{state['id']}/sections/{SAVED}"
    seen = statements(app)
    base = 0

    def save() -> str:
        nonlocal base
        saved = client.put(path, headers=auth, json={"base_revision": base, "text": f"P {base}."})
        assert saved.status_code == 201, saved.json
        base = saved.json["revision"]["number"]
        return saved.json["revision"]["sha256"]

    def approve(sha: str) -> None:
        approved = client.post(path + "/approvals", headers=auth, json=_approval_body(party, sha))
        assert approved.status_code == 201, approved.json

    for _ in range(10):  # warm up
        approve(save())
    for name, run in (("save", save), ("approval", lambda: approve(save()))):
        seen.clear()
        if name == "approval":
            sha = save()
            seen.clear()
            approve(sha)
        else:
            run()
        print(
            f"\n{name}: {len(seen)} statements (with BEGIN and COMMIT), and before them the "
            "token's look-up (one statement on the raw autocommit connection, which SQLAlchemy's "
            "events do not see)"
        )
        for line in seen:
            print(f"  {line}")

    times: dict[str, list[float]] = {"save": [], "approval": []}
    profiler = cProfile.Profile()
    for _ in range(rounds):
        start = time.perf_counter()
        profiler.enable()
        sha = save()
        profiler.disable()
        times["save"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        profiler.enable()
        approve(sha)
        profiler.disable()
        times["approval"].append((time.perf_counter() - start) * 1000)
    print()
    for name, took in times.items():
        print(f"{name}: median {statistics.median(took):.2f} ms (under cProfile, {rounds} rounds)")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(top)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    print(out.getvalue())
    dispose(app)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if not args.postgres:
        with tempfile.TemporaryDirectory() as tmp:
            profile(f"sqlite:///{Path(tmp) / 'profile.db'}", args.rounds, args.top)
        return
    with postgres_schema(args.postgres, "pa_profile_w") as url:
        if url:
            profile(url, args.rounds, args.top)


if __name__ == "__main__":
    main()
