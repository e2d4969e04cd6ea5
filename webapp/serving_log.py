"""gunicorn's error log without client addresses (its access log is already configured without them)."""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger

# IPv4 and IPv6 literals, as gunicorn writes them ("Invalid request from ip=203.0.113.5: ...")
ADDRESS = re.compile(
    r"\b(?:\d{1,3}\.){3}\d{1,3}\b"  # IPv4
    r"|(?<![\w:])(?=[0-9a-fA-F:.]*::)(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F.]{0,15}(?![\w:])"  # IPv6 with ::
    r"|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])"  # full IPv6
)


class _Redact(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = ADDRESS.sub("[address]", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class RedactingLogger(Logger):
    """gunicorn's logger with client IP addresses removed from error-log lines."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        self.error_log.addFilter(_Redact())
