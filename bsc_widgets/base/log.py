"""The server's own log: where tracebacks go, so that no page and no report ever shows one."""
from __future__ import annotations

import logging
import sys


def server_log() -> logging.Logger:
    """A logger that writes to the server's own stderr, never into a cell's output (which Voilà shows)."""
    log = logging.getLogger("bsc_widgets.server")
    if not log.handlers:
        log.addHandler(logging.StreamHandler(sys.__stderr__))
        log.propagate = False
    return log
