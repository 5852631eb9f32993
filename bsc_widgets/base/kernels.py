"""How our Jupyter kernels are run, by Voilà (``bsc serve`` and the hub alike) and by papermill's reports.

A page's widgets reach the server as one message each, in a burst once its cell has run: the set-up page
sent about 1,800. ZeroMQ keeps at most 1,000 unread messages at each end of a kernel's output channel and
silently drops the rest. On a busy server, which reads them a little late, the drop took the page's own
output with it, and Voilà showed a blank page (one time in thirty on a loaded test machine). So:

- the server's end of that channel keeps up to ``BACKLOG`` messages (``AllMessagesClient`` for the page's
  run, ``keep_every_message`` for the browser's connection), which bounds its memory if a kernel ever floods;
- papermill's runs use ``AllMessagesKernels``, whose clients keep the same backlog;
- Voilà and papermill wait ``IOPUB_WAIT`` seconds, not nbclient's 4, for a cell's last messages after it has
  finished, which on a busy server can come later than 4 seconds.

Voilà runs a page's notebook when the page is asked for, before any browser connects. A page fetched but never
opened (a link preview, a crawler, a phone that gave up) held its kernel (80-130 MB) until the idle cull, ten
minutes later: ``WorkbookKernels`` frees a kernel no browser has connected to within ``UNOPENED`` seconds of its
last activity. A page that was opened keeps the ten minutes, so a phone that loses its connection for a while
finds its page still there.
"""
from __future__ import annotations

import datetime as dt

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import DottedObjectName, Integer, default

BACKLOG = 100_000   # messages
IOPUB_WAIT = 30     # seconds
UNOPENED = 120      # seconds: a page no browser opened

# closed tabs leave kernels behind (voila#1458): idle ones are culled
KERNELS = {"MappingKernelManager": {"cull_idle_timeout": 600, "cull_interval": 60},
           "VoilaExecutor": {"iopub_timeout": IOPUB_WAIT},
           "ServerKernelManager": {"client_class": "bsc_widgets.base.kernels.AllMessagesClient"},
           "VoilaConfiguration": {"multi_kernel_manager_class": "bsc_widgets.base.kernels.WorkbookKernels"}}


def keep_every_message(context: zmq.Context) -> zmq.Context:
    """Sockets made from ``context`` from now on hold up to ``BACKLOG`` unread messages."""
    context.setsockopt(zmq.RCVHWM, BACKLOG)
    return context


class AllMessagesClient(AsyncKernelClient):
    """The client Voilà runs a page's notebook with, which keeps every message of a burst."""

    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        return keep_every_message(zmq.asyncio.Context())


class AllMessagesKernels(AsyncKernelManager):
    """The kernel manager papermill runs a notebook with: its client keeps every message of a burst."""

    client_class = DottedObjectName("bsc_widgets.base.kernels.AllMessagesClient")

    @default("client_factory")
    def _all_messages_client(self) -> type:
        return AllMessagesClient


class WorkbookKernels(AsyncMappingKernelManager):
    """The pages' kernels (``bsc serve``'s Voilà, each person's server under the hub): one no browser ever connected
    to is shut down ``unopened_timeout`` seconds after its last activity; the rest as the idle cull says."""

    unopened_timeout = Integer(UNOPENED, config=True, help="Seconds after which a kernel no browser has connected to "
                                                           "is shut down.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.opened: set[str] = set()

    def notify_connect(self, kernel_id):
        self.opened.add(kernel_id)
        super().notify_connect(kernel_id)

    async def cull_kernel_if_idle(self, kernel_id):
        kernel = self._kernels.get(kernel_id)
        last = getattr(kernel, "last_activity", None)
        if (kernel is not None and last is not None and kernel_id not in self.opened
                and getattr(kernel, "execution_state", None) != "busy"
                and dt.datetime.now(dt.timezone.utc) - last > dt.timedelta(seconds=self.unopened_timeout)):
            self.log.warning("Culling kernel %s: no browser opened its page", kernel_id)
            await self.shutdown_kernel(kernel_id)
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        self.opened.discard(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)
