"""Where messages go: an SMTP relay named by PA_SMTP_URL, or .eml files in instance/outbox/.

smtp://host[:port]  STARTTLS is required (a relay that does not offer it is refused), unless
                    the URL says ?starttls=no, which is accepted only for a loopback host.
smtps://host[:port] TLS from the first byte (port 465 by default).
User and password come from PA_SMTP_USER / PA_SMTP_PASSWORD, never from the URL, so a logged
URL carries no secret.
"""

from __future__ import annotations

import ipaddress
import smtplib
import ssl
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit


class RelayRefused(Exception):
    """The relay refused for good (a recipient, the sender): retrying does not help."""


@dataclass(frozen=True)
class Relay:
    host: str
    port: int
    implicit_tls: bool
    starttls: bool
    user: str
    password: str
    timeout: float

    @property
    def where(self) -> str:
        return f"{'smtps' if self.implicit_tls else 'smtp'}://{self.host}:{self.port}"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def relay_from(config) -> Relay | None:
    """The relay PA_SMTP_URL names, or None (write .eml files). Raises ValueError for a URL
    that is not smtp:// or smtps://, carries a password, or turns STARTTLS off off-loopback."""
    url = (config.get("SMTP_URL") or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError("PA_SMTP_URL must look like smtp://host:587 or smtps://host:465.")
    if parts.password:
        raise ValueError("Put the SMTP password in PA_SMTP_PASSWORD, not in PA_SMTP_URL.")
    implicit = parts.scheme == "smtps"
    starttls = not implicit and parse_qs(parts.query).get("starttls", ["yes"])[0] != "no"
    if not implicit and not starttls and not _loopback(parts.hostname):
        raise ValueError("STARTTLS can be turned off only for a relay on loopback.")
    return Relay(
        host=parts.hostname,
        port=parts.port or (465 if implicit else 587),
        implicit_tls=implicit,
        starttls=starttls,
        user=config.get("SMTP_USER") or parts.username or "",
        password=config.get("SMTP_PASSWORD") or "",
        timeout=float(config.get("SMTP_TIMEOUT_SECONDS", 30)),
    )


def connect(relay: Relay) -> smtplib.SMTP:
    """An SMTP session ready for MAIL FROM: TLS as the URL says, signed in when a user is set.
    Raises OSError / smtplib.SMTPException when the relay cannot be reached or refuses."""
    context = ssl.create_default_context()
    if relay.implicit_tls:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            relay.host, relay.port, timeout=relay.timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(relay.host, relay.port, timeout=relay.timeout)
    try:
        smtp.ehlo()
        if relay.starttls:
            if not smtp.has_extn("starttls"):
                raise RelayRefused(
                    f"{relay.where} does not offer STARTTLS; mail is not sent in clear."
                )
            smtp.starttls(context=context)
            smtp.ehlo()
        if relay.user:
            smtp.login(relay.user, relay.password)
    except BaseException:
        smtp.close()
        raise
    return smtp
