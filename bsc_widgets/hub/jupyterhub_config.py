# The file `bsc hub` gives JupyterHub (-f): the settings come from the environment `bsc hub` sets.
from bsc_widgets.hub.config import HubSettings, configure

configure(get_config(), HubSettings.from_environment())  # noqa: F821 - traitlets provides get_config
