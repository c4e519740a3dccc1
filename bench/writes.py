"""Benchmark: writes (a section save, an approval) under the production server, against
/healthz on the same server in the same run, on SQLite and (when TEST_DATABASE_URL is set)
PostgreSQL; and each write's time in process.

    .venv/bin/python -m bench.writes [--seconds 3] [--rounds 3] [--postgres URL]

Each of 8 clients (wrk -t8 -c8, one connection per thread: bench/lua/writes.lua) writes to an
agreement of its own: saves one section again and again, or approves, one after another,
sections nobody has approved yet (three partners, a user speaking for each). Printed: requests
a second (median of the rounds) as a ratio of /healthz beside the target (0.2x); p95 beside its
target (50 ms), timed by 8 Python clients running the same plan after the wrk rounds; the
in-process median beside its target (5 ms); and the statements each write sends. It asserts
nothing.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import re
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from auth import tokens
from bench.agreement_state import SERVER, _app
from bench.server import gunicorn, on_each_database, prepare
from plugin.store import users
from plugin.store.db import dispose, write_session
from plugin.store.models import Member

LUA = Path(__file__).parent / "lua" / "writes.lua"
CLIENTS = 8
SAVED = "purpose_and_aims"
TARGET_RATIO, TARGET_P95, TARGET_MS = 0.2, 50.0, 5.0


def _approval_body(party_id: int, sha: str) -> dict:
    return {"party_id": party_id, "revision_sha256": sha, "confirms_authority": True}


class Drafting:
    """Agreements made in process (test client), each with a user speaking for every party."""

    def __init__(self, app, token: str) -> None:
        self.app, self.client = app, app.test_client()
        self.owner = token

    def _user_token(self) -> tuple[int, str]:
        with self.app.app_context():
            session = write_session()  # as the app writes: queued, never a stale snapshot
            user = users.create_user(session, f"w{time.time_ns()}@example.org", "Writer")
            token = tokens.issue(session, user, 2)
            session.commit()
            return user.id, token

    def agreement(self) -> dict:
        answer = self.client.post(
            "/api/v1/agreements",
            headers={"Authorization": f"Bearer {self.owner}"},
            json={
                "title": "Writes",
                "kind": "partnership",
                "level": "collaboration",
                "parties": [{"name": "Riverside"}, {"name": "Eastfield"}, {"name": "Northside"}],
            },
        )
        return answer.json

    def approvals_plan(self, thread: int, agreements: int) -> list[str]:
        """Plan lines: every section of `agreements` new agreements drafted, to be approved
        by each party in turn."""
        lines = []
        for _ in range(agreements):
            state = self.agreement()
            speakers = [(state["parties"][0]["id"], self.owner)]
            for party in state["parties"][1:]:
                user_id, token = self._user_token()
                with self.app.app_context():
                    session = write_session()
                    session.add(
                        Member(
                            agreement_id=state["id"],
                            user_id=user_id,
                            party_id=party["id"],
                            role="approver",
                        )
                    )
                    session.commit()
                speakers.append((party["id"], token))
            for section in state["sections"]:
                path = f"/api/v1/agreements/{state['id']}/sections/{section['key']}"
                saved = self.client.put(
                    path,
                    headers={"Authorization": f"Bearer {self.owner}"},
                    json={"base_revision": 0, "text": f"The {section['title']} clause."},
                ).json
                sha = saved["revision"]["sha256"]
                for party_id, token in speakers:
                    body = _approval_body(party_id, sha)
                    lines.append(f"{thread}\tapprove\t{path}/approvals\t{token}\t{_json(body)}")
        return lines

    def saves_plan(self) -> list[str]:
        return [
            f"{t}\tsave\t/api/v1/agreements/{self.agreement()['id']}/sections/{SAVED}"
            f"\t{self.owner}\t-"
            for t in range(CLIENTS)
        ]


def _json(body: dict) -> str:
    return json.dumps(body)


def wrk(url: str, seconds: float, plan: Path | None = None) -> tuple[float, float, int]:
    """(requests a second, p95 ms, requests that wrote nothing)."""
    command = ["wrk", "-t", str(CLIENTS), "-c", str(CLIENTS), "-d", f"{seconds:g}s"]
    env = dict(os.environ)
    if plan is not None:
        command += ["-s", str(LUA)]
        env["BENCH_PLAN"] = str(plan)
    else:
        command += ["--latency"]
    out = subprocess.run(  # noqa: S603 (wrk with our own arguments)
        [*command, url], capture_output=True, text=True, check=True, env=env
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    found = re.search(r"BENCH p95_ms=([\d.]+) not_written=(\d+)", out)
    if found:
        return rate, float(found.group(1)), int(found.group(2))
    return rate, float("nan"), 0


def p95_ms(base: str, plan: list[str], seconds: float) -> float:
    """p95 of the requests' times, measured by 8 Python clients (one thread and keep-alive
    connection each) running the same plan as wrk: wrk's own percentiles are not reliable
    with a script that reads answers (they add up to more than the run)."""
    host, port = base.removeprefix("http://").split(":")
    lines = [line.split("\t") for line in plan]
    times: list[float] = []
    end = time.monotonic() + seconds

    def client(mine: list[list[str]]) -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        revision = 0
        todo = itertools.cycle(mine) if mine[0][1] == "save" else mine
        for n, (_, kind, path, token, body) in enumerate(todo):
            if time.monotonic() > end:
                break
            if kind == "save":
                method, body = "PUT", json.dumps({"base_revision": revision, "text": f"P {n}."})
            else:
                method = "POST"
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            start = time.perf_counter()
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            times.append((time.perf_counter() - start) * 1000)
            if kind == "save" and answer.status in (201, 409):
                revision = int(re.search(rb'"number":\s*(\d+)', data).group(1))
        connection.close()

    threads = [
        threading.Thread(target=client, args=([x for x in lines if x[0] == str(t)],))
        for t in range(CLIENTS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statistics.quantiles(times, n=20)[-1]


def in_process_ms(app, token: str, drafting: Drafting, rounds: int = 40) -> tuple[float, float]:
    """Median ms of a save and of an approval through the test client (no HTTP server)."""
    client, auth = app.test_client(), {"Authorization": f"Bearer {token}"}
    state = drafting.agreement()
    party = state["parties"][0]["id"]
    path = f"/api/v1/agreements/{state['id']}/sections/{SAVED}"
    saves, approvals, base = [], [], 0
    for n in range(rounds + 5):
        start = time.perf_counter()
        saved = client.put(path, headers=auth, json={"base_revision": base, "text": f"W {n}."})
        took = time.perf_counter() - start
        base, sha = saved.json["revision"]["number"], saved.json["revision"]["sha256"]
        start = time.perf_counter()
        approved = client.post(path + "/approvals", headers=auth, json=_approval_body(party, sha))
        if n >= 5:  # the first few warm up
            saves.append(took * 1000)
            approvals.append((time.perf_counter() - start) * 1000)
        assert approved.status_code == 201, approved.json
    return statistics.median(saves), statistics.median(approvals)


def statement_counts(app, token: str, drafting: Drafting) -> tuple[int, int]:
    """Statements one save and one approval send (BEGIN and COMMIT included; the token's
    look-up, one statement on the autocommit connection, is not seen by SQLAlchemy's events)."""
    from bench.profile_writes import statements

    client, auth = app.test_client(), {"Authorization": f"Bearer {token}"}
    state = drafting.agreement()
    path = f"/api/v1/agreements/{state['id']}/sections/{SAVED}"
    seen = statements(app)
    saved = client.put(path, headers=auth, json={"base_revision": 0, "text": "Counted."})
    save = len(seen)
    seen.clear()
    body = _approval_body(state["parties"][0]["id"], saved.json["revision"]["sha256"])
    assert client.post(path + "/approvals", headers=auth, json=body).status_code == 201
    return save, len(seen)


def run(label: str, url: str, args) -> None:
    token = prepare(url)
    app = _app(url)
    drafting = Drafting(app, token)
    save_ms, approve_ms = in_process_ms(app, token, drafting)
    counted = statement_counts(app, token, drafting)
    with app.test_request_context():
        start = time.perf_counter()
        for _ in range(200):
            app.test_client().get("/healthz")
        healthz_ms = (time.perf_counter() - start) / 200 * 1000
    figures: dict[str, list[tuple[float, float, int]]] = {
        "/healthz": [],
        "save": [],
        "approval": [],
    }
    with tempfile.TemporaryDirectory() as tmp, gunicorn(url, *SERVER) as base:
        saves = Path(tmp) / "saves.plan"
        saves.write_text("\n".join(drafting.saves_plan()) + "\n")
        wrk(f"{base}/healthz", 1)  # warm every worker up (not counted)
        wrk(base, 1, saves)
        for _ in range(args.rounds):
            approvals = Path(tmp) / "approvals.plan"
            lines = [x for t in range(CLIENTS) for x in drafting.approvals_plan(t, args.agreements)]
            approvals.write_text("\n".join(lines) + "\n")
            figures["/healthz"].append(wrk(f"{base}/healthz", args.seconds))
            figures["save"].append(wrk(base, args.seconds, saves))
            figures["approval"].append(wrk(base, args.seconds, approvals))
        saves_p95 = p95_ms(base, saves.read_text().splitlines(), args.seconds)
        lines = [x for t in range(CLIENTS) for x in drafting.approvals_plan(t, args.agreements)]
        approvals_p95 = p95_ms(base, lines, args.seconds)
    dispose(app)
    trivial = statistics.median(r for r, _, _ in figures["/healthz"])
    print(
        f"\n{label} writes: gunicorn {' '.join(SERVER)}; wrk -t{CLIENTS} -c{CLIENTS} "
        f"-d{args.seconds}s x {args.rounds} rounds (median), each client on its own agreement"
    )
    print(f"{'':<10}{'req/s':>8}{'vs /healthz':>13}{'target':>8}{'p95 ms':>9}{'target':>8}")
    for name, p95 in (("save", saves_p95), ("approval", approvals_p95)):
        rate = statistics.median(r for r, _, _ in figures[name])
        unwritten = sum(u for _, _, u in figures[name])
        note = f"   ({unwritten} answered without writing)" if unwritten else ""
        print(
            f"{name:<10}{rate:>8.0f}{rate / trivial:>12.3f}x{TARGET_RATIO:>7.1f}x"
            f"{p95:>9.1f}{TARGET_P95:>8.0f}{note}"
        )
    print(f"/healthz  {trivial:>8.0f}")
    print(
        f"in process (median of 40): save {save_ms:.1f} ms, approval {approve_ms:.1f} ms "
        f"(target {TARGET_MS:.0f} ms each; /healthz {healthz_ms:.2f} ms): "
        f"{save_ms / TARGET_MS:.2f}x and {approve_ms / TARGET_MS:.2f}x of the target"
    )
    print(
        f"statements: save {counted[0]}, approval {counted[1]} (BEGIN and COMMIT included), "
        "each after the token's look-up (one statement); `python -m bench.profile_writes` "
        "lists them"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--agreements", type=int, default=6, help="per client and round (enough never to run dry)"
    )
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL"))
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    on_each_database(run, args, "pa_bench_w")


if __name__ == "__main__":
    main()
