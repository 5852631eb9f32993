"""The SMTP server to send through: given by options or the environment (``BSC_SMTP_*``), never stored."""
from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass

from ..base.errors import BscError
from ..base.language import _

SECURITY = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = "starttls"      # STARTTLS on 587; "ssl" for 465; "none" only for a server on this machine
    user: str | None = None
    password: str | None = None
    sender: str = ""

    @classmethod
    def from_environment(cls, **given) -> "SmtpSettings":
        """Options given on the command line, else ``BSC_SMTP_HOST``, ``_PORT``, ``_SECURITY``, ``_USER``,
        ``_PASSWORD`` and ``BSC_MAIL_FROM``."""
        env = os.environ
        values = {k: v for k, v in given.items() if v not in (None, "")}
        host = values.get("host") or env.get("BSC_SMTP_HOST")
        sender = values.get("sender") or env.get("BSC_MAIL_FROM")
        if not host or not sender:
            raise BscError(_("Sending needs an SMTP server and a sender address: give --smtp-host and --from, or set "
                             "BSC_SMTP_HOST and BSC_MAIL_FROM."))
        security = values.get("security") or env.get("BSC_SMTP_SECURITY") or "starttls"
        if security not in SECURITY:
            raise BscError(_("The SMTP security must be starttls, ssl or none, not “%(given)s”.", given=security))
        port = values.get("port") or env.get("BSC_SMTP_PORT") or (465 if security == "ssl" else 587)
        try:
            port = int(port)
        except ValueError:
            raise BscError(_("The SMTP port must be a number, not “%(given)s”.", given=port)) from None
        return cls(host=host, port=port, security=security, user=values.get("user") or env.get("BSC_SMTP_USER"),
                   password=values.get("password") or env.get("BSC_SMTP_PASSWORD"), sender=sender)

    def connect(self, timeout: float = 30) -> smtplib.SMTP:
        """A connection, secured and signed in as asked; a refusal becomes a plain message."""
        try:
            if self.security == "ssl":
                client = smtplib.SMTP_SSL(self.host, self.port, timeout=timeout, context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=timeout)
                if self.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
            if self.user:
                client.login(self.user, self.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            raise BscError(_("Cannot send through %(server)s: %(why)s. Nothing was sent.",
                             server=f"{self.host}:{self.port}", why=str(exc) or type(exc).__name__)) from None
        return client
