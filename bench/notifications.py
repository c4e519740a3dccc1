"""Benchmark: section saves per second with notifications on, as a ratio to the same saves with
them off (goal: at least 0.9, since sending is off the request).

    .venv/bin/python -m bench.notifications [--seconds 5] [--rounds 3] [--threads 4]
                                            [--postgres URL]

A three-party agreement (an approver for each other party, so every save notifies two people),
served by gunicorn (`-w 4 -k gthread --threads 4`, a separate process on a free port). `wrk`
saves sections with PUT: each wrk thread has one connection and one section of its own, and its
Lua script takes the base revision of the next save from the answer to the last, so every save
makes a new revision. "off": PA_NOTIFICATIONS=false. "on": notifications on, so each save also
writes its outbox row (the request's whole extra cost); the jobs wait. "on + worker": the same
with a `flask jobs work` process beside the server, sending to an SMTP sink on loopback, as in
production (on a small machine it competes with the server for the CPU and, on SQLite, for the
write lock). Rounds alternate the three; medians are printed. Asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from aiosmtpd.controller import Controller

from bench.server import KEYS, free_port, gunicorn, prepare
from plugin import create_app
from plugin.catalogue import default_catalogue
from plugin.store import users
from plugin.store.db import dispose, get_session
from plugin.store.models import Member

SERVER = tuple(os.environ.get("BENCH_GUNICORN", "-w 4 -k gthread --threads 4").split())

LUA = """
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local sections = {%(sections)s}
local base, n = 0, 0
request = function()
  n = n + 1
  local body = string.format('{"base_revision": %%d, "text": "Save %%d by thread %%d."}',
    base, n, id)
  return wrk.format("PUT", "%(prefix)s" .. sections[id + 1], {
    ["Authorization"] = "Bearer %(token)s", ["Content-Type"] = "application/json"}, body)
end
response = function(status, headers, body)
  local number = body:match('"number":%%s*(%%d+)')
  if number then base = tonumber(number) end
end
"""


class Sink:
    """An SMTP server that accepts and drops every message (counts them)."""

    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"


def agreement(url: str, token: str) -> int:
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "s", "AUDIT_KEY": KEYS["PA_AUDIT_KEY"]})
    client, catalogue = app.test_client(), default_catalogue()
    made = client.post(
        "/api/v1/agreements",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "title": "Benchmark",
            "kind": "partnership",
            "level": "coordination",
            "parties": [{"name": p.name} for p in catalogue.example_parties[:3]],
        },
    ).json
    with app.app_context():
        session = get_session()
        for n, party in enumerate(made["parties"][1:]):
            user = users.create_user(session, f"approver{n}-{os.getpid()}@example.org", "Approver")
            session.add(
                Member(
                    agreement_id=made["id"], user_id=user.id, party_id=party["id"], role="approver"
                )
            )
        session.commit()
    dispose(app)
    return made["id"]


@contextlib.contextmanager
def jobs_worker(url: str, smtp_port: int, instance: Path):
    env = {
        **os.environ,
        **KEYS,
        "DATABASE_URL": url,
        "PA_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}?starttls=no",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "plugin", "jobs", "work"],
        env=env,
        cwd=instance,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def saves(base: str, script: Path, seconds: int, threads: int) -> tuple[float, int]:
    command = [
        "wrk",
        "-t",
        str(threads),
        "-c",
        str(threads),
        "-d",
        f"{seconds}s",
        "-s",
        str(script),
    ]
    out = subprocess.run([*command, base], capture_output=True, text=True, check=True).stdout  # noqa: S603
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), int(
        errors[1]
    ) if errors else 0


def run(label: str, url: str, args) -> None:
    token = prepare(url)
    aid = agreement(url, token)
    keys = [s.key for s in default_catalogue().sections_for("partnership")][: args.threads]
    script = Path(tempfile.mkdtemp(prefix="pa-bench-")) / "save.lua"
    script.write_text(
        LUA
        % {
            "sections": ", ".join(f'"{k}"' for k in keys),
            "prefix": f"/api/v1/agreements/{aid}/sections/",
            "token": token,
        }
    )
    sink = Sink()
    smtp = Controller(sink, hostname="127.0.0.1", port=free_port())
    smtp.start()
    figures: dict[str, list[float]] = {"off": [], "on": [], "on + worker": []}
    refused = 0
    try:
        for _ in range(args.rounds):
            for mode in figures:
                os.environ["PA_NOTIFICATIONS"] = "false" if mode == "off" else "true"
                with contextlib.ExitStack() as stack:
                    if mode == "on + worker":  # started first: it has imported by the warm-up
                        stack.enter_context(jobs_worker(url, smtp.port, script.parent))
                    base = stack.enter_context(gunicorn(url, *SERVER))
                    saves(base, script, 5, args.threads)  # warm every worker up (not counted)
                    rate, errors = saves(base, script, args.seconds, args.threads)
                figures[mode].append(rate)
                refused += errors
    finally:
        os.environ.pop("PA_NOTIFICATIONS", None)
        smtp.stop()
    on, off = statistics.median(figures["on"]), statistics.median(figures["off"])
    busy = statistics.median(figures["on + worker"])
    print(
        f"\n{label}: gunicorn {' '.join(SERVER)}; wrk -t{args.threads} -c{args.threads} "
        f"-d{args.seconds}s x {args.rounds} rounds (median), PUT a section (a new revision each)"
    )
    print(f"saves/s, notifications off: {off:.0f}")
    print(f"saves/s, notifications on:  {on:.0f}  (on / off: {on / off:.2f}; goal at least 0.90)")
    print(
        f"saves/s, on + worker:       {busy:.0f}  (on + worker / off: {busy / off:.2f}; "
        f"the worker sent {sink.count} mails)"
    )
    if refused:
        print(f"({refused} saves refused as stale: each run's first save per thread)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{Path(folder) / 'bench.db'}", args)
    if args.postgres:
        from tests.conftest import _drop_abandoned_schemas  # noqa: F401  (same schema habit)

        run("PostgreSQL", args.postgres, args)


if __name__ == "__main__":
    main()
