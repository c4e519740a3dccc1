"""Where the test suite's time goes: runs `pytest -n auto --dist worksteal` (as `make test` does)
while sampling every process's CPU time on the machine twice a second, then prints the wall
time beside the 3-minute target (#16), the CPU seconds each kind of process used, and the least
wall time that CPU allows on this machine's cores (all of it divided by the cores).

    .venv/bin/python -m bench.suite_cpu [pytest arguments...]

A process that ends between two samples loses at most its last half second. It asserts
nothing; it is not part of `make bench` (it takes as long as the suite).
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import threading
import time

TARGET_SECONDS = 180
TICK = os.sysconf("SC_CLK_TCK")
KINDS = (  # the first match of a process's command line names its kind
    ("Chromium", ("chromium", "chrome")),
    ("LibreOffice", ("soffice", "oosplash")),
    ("gunicorn (servers the tests start)", ("gunicorn",)),
    ("nginx", ("nginx",)),
    ("Playwright's driver (node)", ("playwright", "node ")),
    ("PostgreSQL", ("postgres",)),
    ("Redis", ("redis",)),
    ("pytest and its workers", ("pytest", "execnet", "exec(eval(sys.stdin")),
    ("other Python (job workers, CLIs)", ("python",)),
)


def _kind(pid: str) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            command = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "gone"
    for kind, marks in KINDS:
        if any(mark in command for mark in marks):
            return kind
    return "the rest of the machine"


def _cpu_seconds(pid: str) -> tuple[str, float] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[19], (int(fields[11]) + int(fields[12])) / TICK  # start time, utime + stime


class Sampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.seen: dict[tuple[str, str], float] = {}
        self.kinds: dict[tuple[str, str], str] = {}
        self.stop = threading.Event()
        self.before = self._sample()  # what processes running already had used

    def _sample(self) -> dict[tuple[str, str], float]:
        now = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            found = _cpu_seconds(pid)
            if found:
                key = (pid, found[0])
                now[key] = found[1]
                if key not in self.kinds:
                    self.kinds[key] = _kind(pid)
        return now

    def run(self) -> None:
        while not self.stop.wait(0.5):
            self.seen.update(self._sample())
        self.seen.update(self._sample())

    def by_kind(self) -> collections.Counter:
        used: collections.Counter = collections.Counter()
        for key, seconds in self.seen.items():
            used[self.kinds[key]] += seconds - self.before.get(key, 0.0)
        return used


def main() -> None:
    sampler = Sampler()
    sampler.start()
    command = [sys.executable, "-m", "pytest", "-n", "auto", "--dist", "worksteal", "-q"]
    start = time.monotonic()
    done = subprocess.run([*command, *sys.argv[1:]], check=False)  # noqa: S603 (our own pytest)
    wall = time.monotonic() - start
    sampler.stop.set()
    sampler.join()
    used = sampler.by_kind()
    used.pop("gone", None)
    cores = os.cpu_count() or 1
    total = sum(used.values())
    print(
        f"\nwall {wall:.0f} s (target {TARGET_SECONDS} s: {wall / TARGET_SECONDS:.2f}x); "
        f"pytest's exit status {done.returncode}"
    )
    print(f"CPU {total:.0f} s on {cores} cores: at least {total / cores:.0f} s of wall time")
    for kind, seconds in used.most_common():
        print(f"{seconds:>8.0f} s {seconds / total:>5.0%}  {kind}")


if __name__ == "__main__":
    main()
