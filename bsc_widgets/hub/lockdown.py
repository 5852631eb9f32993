"""What each person's own server allows: the workbooks' pages and the widget channel behind them, nothing else.

The server runs Voilà as an extension of jupyter_server (``singleuser_config.py`` turns JupyterLab and
terminals off, and lets only widget messages through to a kernel). Every REST resource is refused
here: contents, sessions, kernel specs, the kernels API itself. The exceptions are what Voilà's page
needs of the kernel behind it: reading that one kernel's status, and its websocket, on which only
widget messages pass (``execute_request`` is dropped).
"""
from __future__ import annotations

from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
from jupyterhub.singleuser.extension import JupyterHubAuthorizer

# Messages a page may send to its kernel (Voilà's own list: widgets, never code).
WIDGET_MESSAGES = ["comm_open", "comm_close", "comm_msg", "comm_info_request", "kernel_info_request",
                   "shutdown_request"]


class VoilaOnlyAuthorizer(JupyterHubAuthorizer):
    def is_authorized(self, handler, user, action, resource) -> bool:
        if not super().is_authorized(handler, user, action, resource):
            return False
        allowed = resource == "kernels" and (isinstance(handler, KernelWebsocketHandler) or (
            isinstance(handler, KernelHandler) and action == "read"))
        if not allowed:
            self.log.warning("refused %s %s (%s on %s) to %s", handler.request.method, handler.request.path, action,
                             resource, user.username)
        return allowed
