# The configuration of each person's own server under the hub (loaded with --config): Voilà only.
from bsc_widgets.base.kernels import KERNELS
from bsc_widgets.hub.lockdown import WIDGET_MESSAGES
from bsc_widgets.server.voila_server import SETTINGS, UNUSED_EXTENSIONS, opening

c = get_config()  # noqa: F821 - traitlets provides it when it loads this file
c.ServerApp.jpserver_extensions = {
    "voila": True, "jupyterlab": False, "notebook": False, "nbclassic": False, "jupyter_lsp": False,
    "jupyter_server_terminals": False, "notebook_shim": False,
    # as under `bsc serve`: plotly.js for the charts, cache headers, and the cookie a closed page's unload sends
    "bsc_widgets.server.voila_server": True,
}
c.ServerApp.terminals_enabled = False
c.ServerApp.authorizer_class = "bsc_widgets.hub.lockdown.VoilaOnlyAuthorizer"
c.MappingKernelManager.allowed_message_types = WIDGET_MESSAGES
for part, values in KERNELS.items():   # culling closed tabs' kernels; waiting for every widget (kernels.py)
    c[part].update(values)
c.ServerApp.kernel_manager_class = "bsc_widgets.base.kernels.WorkbookKernels"   # Voilà here uses the server's kernels
c.VoilaConfiguration.template = "bsc"
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.allow_template_override = "NO"
c.VoilaConfiguration.allow_theme_override = "NO"
c.VoilaConfiguration.extension_denylist = UNUSED_EXTENSIONS
c.VoilaConfiguration.prelaunch_hook = opening   # the loading screen names the page and the team
c.ContentsManager.allow_hidden = False
# On a machine where the hub itself runs as root (a container, this project's CI), so does each server.
c.ServerApp.allow_root = __import__("os").geteuid() == 0
# Compressed responses and websocket messages, and a photo past the upload limit still arriving, as under `bsc serve`.
c.ServerApp.tornado_settings = {k: SETTINGS[k] for k in ("compress_response", "websocket_max_message_size")}
c.ServerApp.websocket_compression_options = SETTINGS["websocket_compression_options"]
