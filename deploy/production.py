"""The production shape on one machine: nginx (TLS, buffering, the pane's static files) in front
of two app instances (gunicorn, each with its own port and instance folder, as on two machines)
sharing one PostgreSQL database (and Redis, when PA_REDIS_URL is set).

    DATABASE_URL=postgresql+psycopg://user@host/db .venv/bin/python -m deploy.production

It migrates the database, renders deploy/nginx.conf.template into var/production/nginx/ (or
PA_RUN_FOLDER), starts both instances and nginx (`nginx -p <run folder>`: every file it writes
stays there), and serves https://localhost:8443 until Ctrl-C. The keys come from the
environment (PA_SECRET_KEY, PA_AUDIT_KEY, PA_SIGNING_KEY_FILE); any that is missing is made once
into var/production/keys/ (mode 0600) and reused, and the script says so. The test
tests/production/ and bench/production.py start the same stack through `Stack`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from plugin.taskpane.built import write

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATE = HERE / "nginx.conf.template"
PANE = ROOT / "plugin" / "taskpane"
# Debian keeps nginx in /usr/sbin, which is not on every user's PATH.
NGINX = os.environ.get("PA_NGINX") or shutil.which(
    "nginx", path=f"{os.environ.get('PATH', os.defpath)}:/usr/sbin:/sbin"
)
GUNICORN = os.environ.get("PA_GUNICORN", "-w 2 --threads 8").split()  # worker: gunicorn.conf.py
_LOOPBACK = ssl._create_unverified_context()  # noqa: S323 (our own self-signed cert, loopback)
UPLOAD_MARGIN = 64 * 1024  # a multipart form's boundaries around the largest upload


def render(template: str, values: Mapping[str, object]) -> str:
    """The template with each {{NAME}} replaced. Raises KeyError for a name without a value."""
    out = template
    for name, value in values.items():
        out = out.replace("{{" + name + "}}", str(value))
    if "{{" in out:
        missing = out[out.index("{{") : out.index("}}", out.index("{{")) + 2]
        raise KeyError(f"no value for {missing} in {TEMPLATE.name}")
    return out


def nginx_config(
    run: Path,
    *,
    https_port: int,
    http_port: int,
    apps: list[str],
    cert: Path,
    key: Path,
    max_upload_bytes: int = 10 * 1024 * 1024,
    host: str = "127.0.0.1",
    server_name: str = "localhost",
) -> Path:
    """Write run/nginx.conf for a run folder of its own (pid, logs, temp files); return it."""
    (run / "static").mkdir(parents=True, exist_ok=True)
    run.chmod(0o755)  # nginx's workers (www-data when started as root) read and write here
    # The pane's hashed files, each beside its .gz, as the app would send them (built.py).
    pane = run / "static" / "pane"
    if pane.is_symlink():
        pane.unlink()
    write(PANE, pane)
    user = "user www-data;" if os.geteuid() == 0 and _has_user("www-data") else ""
    values = {
        "USER_LINE": user,
        "RUN": run,
        "MAX_BODY": max_upload_bytes + UPLOAD_MARGIN,
        "APP_1": apps[0],
        "APP_2": apps[1],
        "HTTP_LISTEN": f"{host}:{http_port}",
        "HTTPS_LISTEN": f"{host}:{https_port}",
        "HTTPS_PORT": https_port,
        "SERVER_NAME": server_name,
        "TLS_CERT": cert,
        "TLS_KEY": key,
        "STATIC_ROOT": run / "static",
    }
    path = run / "nginx.conf"
    path.write_text(render(TEMPLATE.read_text(), values))
    return path


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Stack:
    """nginx and two app instances. `env`: the instances' environment (database, keys...)."""

    run: Path
    env: dict[str, str]
    https_port: int = 0
    http_port: int = 0
    app_ports: list[int] = field(default_factory=list)
    gunicorn_args: list[str] = field(default_factory=lambda: list(GUNICORN))
    apps: list[subprocess.Popen] = field(default_factory=list)
    nginx: subprocess.Popen | None = None

    @property
    def origin(self) -> str:
        return f"https://localhost:{self.https_port}"

    def instance_url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.app_ports[n]}"

    def start(self) -> None:
        from plugin.devcert import ensure_certificate

        self.https_port = self.https_port or free_port()
        self.http_port = self.http_port or free_port()
        self.app_ports = self.app_ports or [free_port(), free_port()]
        self.run.mkdir(parents=True, exist_ok=True)
        cert, key = ensure_certificate(self.run)
        if "REQUESTS_CA_BUNDLE" not in self.env and "PA_PUBLIC_ORIGIN" not in self.env:
            # The app calls its built-in provider at its public origin, through nginx: with the
            # self-signed localhost certificate, it trusts that one beside the usual ones.
            import certifi

            bundle = self.run / "ca-bundle.pem"
            bundle.write_bytes(Path(certifi.where()).read_bytes() + b"\n" + cert.read_bytes())
            self.env["REQUESTS_CA_BUNDLE"] = str(bundle)
        for n in range(2):
            self.apps.append(self._start_instance(n))
        conf = nginx_config(
            self.run,
            https_port=self.https_port,
            http_port=self.http_port,
            apps=[f"127.0.0.1:{p}" for p in self.app_ports],
            cert=cert,
            key=key,
            max_upload_bytes=int(self.env.get("PA_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)),
        )
        if NGINX is None:
            raise RuntimeError("nginx is not installed: apt-get install nginx")
        # -e: the error log before the config is read (else /var/log/nginx/error.log)
        command = [NGINX, "-p", str(self.run), "-c", str(conf), "-e", str(self.run / "error.log")]
        subprocess.run([*command, "-t", "-q"], check=True)  # noqa: S603 (our own command)
        self.nginx = subprocess.Popen([*command, "-g", "daemon off;"])  # noqa: S603
        for n in range(2):
            _wait_for(f"{self.instance_url(n)}/healthz", self.apps[n])
        _wait_for(f"https://127.0.0.1:{self.https_port}/healthz", self.nginx)

    def _start_instance(self, n: int) -> subprocess.Popen:
        instance = self.run / f"instance-{n + 1}"
        instance.mkdir(exist_ok=True)
        env = {
            **os.environ,
            **self.env,
            "PA_MODE": "production",
            "PA_PROXY_HOPS": "1",
            "PA_INSTANCE_PATH": str(instance),
            "PA_PUBLIC_ORIGIN": self.env.get("PA_PUBLIC_ORIGIN", self.origin),
        }
        command = [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{self.app_ports[n]}"]
        command += [*self.gunicorn_args, "--graceful-timeout", "20"]
        command += ["--error-logfile", str(self.run / f"app-{n + 1}.log"), "plugin:create_app()"]
        # A session of its own: the instance (master and workers) can be stopped as one machine.
        return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)  # noqa: S603

    def stop_instance(self, n: int, sig: int = signal.SIGTERM) -> None:
        """SIGTERM: gunicorn's graceful stop (answers under way are finished). SIGKILL: the
        whole instance at once, workers too, as when its machine dies."""
        process = self.apps[n]
        if process.poll() is None:
            if sig == signal.SIGKILL:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.send_signal(sig)
            process.wait(30)

    def passed_on(self) -> int:
        """Requests nginx passed to the other instance after the first failed (access log)."""
        log = self.run / "access.log"
        return sum(", " in line for line in log.read_text().splitlines()) if log.exists() else 0

    def stop(self) -> None:
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful: finish the answers under way
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()
        for n in range(len(self.apps)):
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.stop_instance(n)

    def __enter__(self) -> Stack:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Raises RuntimeError if `url` does not answer 200 in time, or the process ends."""
    deadline = time.monotonic() + seconds
    while True:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=1, context=_LOOPBACK) as answer,  # noqa: S310
        ):
            if answer.status == 200:
                return
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer (see the logs in the run folder)")
        time.sleep(0.1)


def keys_from_environment(folder: Path) -> dict[str, str]:
    """PA_SECRET_KEY, PA_AUDIT_KEY and PA_SIGNING_KEY_FILE from the environment; each missing
    one made once into `folder` (mode 0600) and reused after, saying so."""
    from auth.keys import new_private_key_pem
    from plugin.private_files import create_secret_file

    folder.mkdir(parents=True, exist_ok=True)
    keys = {}
    for name in ("PA_SECRET_KEY", "PA_AUDIT_KEY"):
        if os.environ.get(name):
            keys[name] = os.environ[name]
            continue
        path = folder / name.lower()
        create_secret_file(path, secrets.token_urlsafe(48).encode())
        keys[name] = path.read_text().strip()
        print(f"{name} is not set: using {path} (set it from your secret store in production)")
    signing = os.environ.get("PA_SIGNING_KEY_FILE")
    if not signing:
        path = folder / "oidc_signing_key.pem"
        if not path.exists():
            create_secret_file(path, new_private_key_pem())
        signing = str(path)
        print(f"PA_SIGNING_KEY_FILE is not set: using {path}")
    keys["PA_SIGNING_KEY_FILE"] = signing
    return keys


def migrate(database_url: str) -> None:
    from plugin.store import schema
    from plugin.store.db import make_engine

    engine = make_engine(database_url)
    schema.upgrade(engine)
    engine.dispose()


def issue_token(database_url: str, keys: Mapping[str, str], label: str) -> str:
    """A live token (2 hours) of a new user, made with the stack's own keys (`PA_SECRET_KEY`,
    `PA_AUDIT_KEY`), for a load test or trial against the running stack."""
    import uuid

    from auth import tokens
    from plugin import create_app
    from plugin.store import users
    from plugin.store.db import dispose, get_session

    app = create_app(
        {
            "DATABASE_URL": database_url,
            "SECRET_KEY": keys["PA_SECRET_KEY"],
            "AUDIT_KEY": keys["PA_AUDIT_KEY"],
        }
    )
    with app.app_context():
        session = get_session()
        email = f"{label.lower()}-{uuid.uuid4().hex[:8]}@example.org"
        user = users.create_user(session, email, label)
        token = tokens.issue(session, user, 2)
        session.commit()
    dispose(app)
    return token


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        raise SystemExit(
            "Set DATABASE_URL to the PostgreSQL database both instances share, e.g. "
            "DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/agreements"
        )
    var = Path(os.environ.get("PA_RUN_FOLDER", ROOT / "var" / "production"))
    env = {"DATABASE_URL": url, **keys_from_environment(var / "keys")}
    for name in ("PA_REDIS_URL", "PA_PUBLIC_ORIGIN", "PA_MAX_UPLOAD_BYTES"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    migrate(url)
    stack = Stack(
        var / "nginx",
        env,
        https_port=int(os.environ.get("PA_HTTPS_PORT", 8443)),
        http_port=int(os.environ.get("PA_HTTP_PORT", 8080)),
        app_ports=[int(p) for p in os.environ.get("PA_APP_PORTS", "8001,8002").split(",")],
    )
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    with stack:
        print(
            f"Partnership Agreements on {stack.origin} (nginx) -> instances on "
            f"{', '.join(str(p) for p in stack.app_ports)}; logs in {stack.run}. Ctrl-C stops."
        )
        with contextlib.suppress(KeyboardInterrupt):
            while not stopping and all(p.poll() is None for p in [stack.nginx, *stack.apps]):
                time.sleep(0.5)


if __name__ == "__main__":
    main()
