"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, and apps that send
through it with the jobs run by the test (no worker thread)."""

from __future__ import annotations

import email
import email.policy
import re
import socket
import threading
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller

from plugin import create_app
from plugin.jobs.worker import run_until_idle
from plugin.store.db import dispose

LINK = re.compile(r"https://localhost:3000/[^\s\"<>]+")


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: email.message.EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, subtype: str) -> str:
        body = self.message.get_body(preferencelist=(subtype,))
        assert body is not None, f"no text/{subtype} part"
        return body.get_content()

    def links(self) -> list[str]:
        return LINK.findall(self.part("plain"))


@dataclass
class Inbox:
    """What the SMTP server accepted. `refuse` holds recipients it answers 550 to; `on_data`
    runs when a message's DATA arrives, before the server answers (the kill test uses it)."""

    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    on_data: object = None
    on_rcpt: object = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def to(self, address: str) -> list[Received]:
        with self.lock:
            return [m for m in self.messages if address in m.recipients]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        if self.on_rcpt:
            self.on_rcpt()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        if self.on_data:
            self.on_data()
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def inbox():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


def mail_config(database_url: str, port: int, **more) -> dict:
    return {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key",
        "AUDIT_KEY": "test-audit-key",
        "PUBLIC_ORIGIN": "https://localhost:3000",
        "SMTP_URL": f"smtp://127.0.0.1:{port}?starttls=no",
        "MAIL_FROM": "Partnership Agreements <agreements@example.org>",
        "JOBS_BACKOFF_SECONDS": 0.01,
        "JOBS_MAX_ATTEMPTS": 3,
        **more,
    }


@pytest.fixture
def app(own_database_url, tmp_path, inbox):
    """The shared `app` fixture, sending through the loopback SMTP server, on an empty database
    of its own: the tests here run the job queue until it is idle, and on the shared database
    they would also run (and wait on) every job earlier tests left queued."""
    app = create_app(mail_config(own_database_url, inbox.port))
    app.instance_path = str(tmp_path)
    yield app
    dispose(app)


@pytest.fixture
def run_jobs(app):
    def run() -> int:
        return run_until_idle(app)

    return run
