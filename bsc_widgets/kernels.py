"""How our Jupyter kernels are run, by Voilà (``bsc serve`` and the hub alike) and by papermill's reports.

A page's widgets reach the server as one message each, in a burst once its cell has run: the set-up page
sent about 1,800. ZeroMQ keeps at most 1,000 unread messages at each end of a kernel's output channel and
silently drops the rest. On a busy server, which reads them a little late, the drop took the page's own
output with it, and Voilà showed a blank page (one time in thirty on a loaded test machine). So:

- the server's end of that channel keeps up to ``BACKLOG`` messages (``AllMessagesClient`` for the page's
  run, ``keep_every_message`` for the browser's connection), which bounds its memory if a kernel ever floods;
- Voilà and papermill wait ``IOPUB_WAIT`` seconds, not nbclient's 4, for a cell's last messages after it has
  finished, which on a busy server can come later than 4 seconds.
"""
from __future__ import annotations

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient

BACKLOG = 100_000   # messages
IOPUB_WAIT = 30     # seconds

# closed tabs leave kernels behind (voila#1458): idle ones are culled
KERNELS = {"MappingKernelManager": {"cull_idle_timeout": 600, "cull_interval": 60},
           "VoilaExecutor": {"iopub_timeout": IOPUB_WAIT},
           "ServerKernelManager": {"client_class": "bsc_widgets.kernels.AllMessagesClient"}}


def keep_every_message(context: zmq.Context) -> zmq.Context:
    """Sockets made from ``context`` from now on hold up to ``BACKLOG`` unread messages."""
    context.setsockopt(zmq.RCVHWM, BACKLOG)
    return context


class AllMessagesClient(AsyncKernelClient):
    """The client Voilà runs a page's notebook with, which keeps every message of a burst."""

    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        return keep_every_message(zmq.asyncio.Context())
