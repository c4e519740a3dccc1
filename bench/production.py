"""Benchmark: the production shape (nginx in front of two gunicorn instances on PostgreSQL and
Redis, deploy/production.py) under a load of writes while one instance is stopped, and under
slow clients.

    .venv/bin/python -m bench.production [--clients 8] [--writes 40] [--postgres URL]

Prints writes sent, acknowledged and found afterwards, the retries the stop caused, whether a
retry with its Idempotency-Key got its first answer, whether the audit chain verifies, and how
many of 10 ordinary requests were answered within 5 s while 40 clients sent their headers one
line a second (target: 10 of 10). It asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bench.server import postgres_schema
from deploy.production import NGINX, Stack, issue_token, migrate
from deploy.trial import replay, slow_clients, writes_through

KEYS = {"PA_SECRET_KEY": "bench-secret", "PA_AUDIT_KEY": "bench-audit"}
SECTION = "purpose_and_aims"


def _agreement(origin: str, token: str) -> int:
    answer = httpx.post(
        f"{origin}/api/v1/agreements",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "title": "Production bench",
            "kind": "partnership",
            "level": "cooperation",
            "parties": [{"name": "Riverside Youth Team"}, {"name": "Eastfield Police"}],
        },
        verify=False,  # noqa: S501 (loopback, self-signed)
    )
    return answer.json()["id"]


def run(url: str, args, run_folder: Path) -> None:
    from auth.keys import new_private_key_pem
    from plugin.private_files import create_secret_file

    migrate(url)
    token = issue_token(url, KEYS, "Bench")
    signing = run_folder / "signing.pem"
    create_secret_file(signing, new_private_key_pem())
    env = {**KEYS, "DATABASE_URL": url, "PA_SIGNING_KEY_FILE": str(signing)}
    env["PA_REDIS_URL"] = "redis://127.0.0.1:6379/13"
    auth = {"Authorization": f"Bearer {token}"}
    with Stack(run_folder / "run", env) as stack:
        origin = f"https://127.0.0.1:{stack.https_port}"
        agreements = [_agreement(origin, token) for _ in range(args.clients)]
        start = time.perf_counter()
        clients = writes_through(
            origin,
            token,
            agreements,
            SECTION,
            args.writes,
            stop_at=args.clients * args.writes // 3,
            stop=lambda: stack.stop_instance(0, signal.SIGKILL),
        )
        took = time.perf_counter() - start
        acknowledged = [w for c in clients for w in c.acknowledged]
        found = 0
        for c in clients:
            history = httpx.get(
                f"{origin}/api/v1/agreements/{c.agreement_id}/sections/{SECTION}/revisions",
                headers=auth,
                verify=False,  # noqa: S501
            ).json()
            present = {(r["number"], r["sha256"]) for r in history["revisions"]}
            found += sum(
                (w.answer["revision"]["number"], w.answer["revision"]["sha256"]) in present
                for w in c.acknowledged
            )
        replays = [replay(origin, token, c.acknowledged[0]) for c in clients if c.acknowledged]
        same = sum(
            r.headers.get("Idempotent-Replayed") == "true" and r.json() == c.acknowledged[0].answer
            for r, c in zip(replays, clients, strict=False)
        )
        chains = [
            httpx.get(
                f"{origin}/api/v1/agreements/{a}/events",
                headers=auth,
                verify=False,  # noqa: S501
            ).json()["chain"]["valid"]
            for a in agreements
        ]
        sent = args.clients * args.writes
        print(
            f"\nProduction shape: nginx + 2 x gunicorn ({' '.join(stack.gunicorn_args)}) on "
            f"PostgreSQL; instance 1 killed (SIGKILL) after {sent // 3} writes"
        )
        print(
            f"writes sent {sent}, acknowledged {len(acknowledged)}, found {found} "
            f"(target: all acknowledged found) in {took:.1f} s"
        )
        print(
            f"retries caused by the stop: {sum(c.retries for c in clients)} by the clients, "
            f"{stack.passed_on()} by nginx to the other instance; "
            f"writes given up: {sum(c.failed for c in clients)}"
        )
        print(f"Idempotency-Key retry got its first answer: {same} of {len(replays)}")
        print(f"audit chains verified: {sum(chains)} of {len(chains)}")
        answered, failed, times = slow_clients(stack.https_port, f"{origin}/api/v1/me", token=token)
        median = f"{statistics.median(times) * 1000:.0f} ms" if times else "-"
        print(
            f"40 slow clients (headers one line a second) through nginx: {failed} of "
            f"{answered + failed} ordinary requests timed out (target 0 of 10); median {median}"
        )
        answered, failed, times = slow_clients(  # the same, straight to the instance left
            stack.app_ports[1], f"{stack.instance_url(1)}/api/v1/me", token=token, tls=False
        )
        median = f"{statistics.median(times) * 1000:.0f} ms" if times else "-"
        print(
            f"the same straight to an instance, without nginx: {failed} of {answered + failed} "
            f"timed out; median {median}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--writes", type=int, default=40)
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL"))
    args = parser.parse_args()
    if NGINX is None:
        print("\nProduction shape: nginx is not installed (apt-get install nginx); skipped.")
        return
    if not args.postgres:
        print("\nProduction shape: needs PostgreSQL; set TEST_DATABASE_URL. Skipped.")
        return
    with postgres_schema(args.postgres, "pa_bench_prod") as url:
        if url:
            with tempfile.TemporaryDirectory(prefix="pa-prod-") as tmp:
                run(url, args, Path(tmp))


if __name__ == "__main__":
    main()
