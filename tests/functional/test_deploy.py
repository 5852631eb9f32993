"""The Kubernetes deployment: a pinned chart, the images it names, and the same configuration as ``bsc hub``."""
import re
from pathlib import Path

import yaml
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[2]
KUBE = ROOT / "deploy" / "kubernetes"


def test_the_chart_version_is_pinned_and_matches_the_hub_image():
    version = re.search(r"^CHART_VERSION=(\d+\.\d+\.\d+)\b", (KUBE / "install.sh").read_text(), re.M).group(1)
    assert f"FROM quay.io/jupyterhub/k8s-hub:{version} AS hub" in (KUBE / "Dockerfile").read_text()


def test_the_values_give_the_same_configuration_as_bsc_hub(monkeypatch):
    values = yaml.safe_load((KUBE / "values.yaml").read_text())
    assert values["hub"]["db"]["type"] == "postgres" and values["cull"]["enabled"]
    assert values["singleuser"]["defaultUrl"] == "/voila/render/00_home.ipynb"
    monkeypatch.setenv("BSC_DB", "postgresql+psycopg://ws@db/ws")
    monkeypatch.setenv("BSC_HUB_URL", "https://workbooks.example.org")
    monkeypatch.setenv("BSC_TRUSTED_PROXIES", values["hub"]["extraEnv"]["BSC_TRUSTED_PROXIES"])
    c = Config()
    exec(values["hub"]["extraConfig"]["bsc-workbooks"], {"c": c})
    assert c.JupyterHub.authenticator_class == "bsc_widgets.hub.authenticator.WorkspaceAuthenticator"
    assert c.WorkspaceAuthenticator.workspace == "postgresql+psycopg://ws@db/ws"
    assert c.WorkspaceAuthenticator.trusted_proxies == ["10.0.0.0/8"]      # the TLS proxy's pod network
    assert c.KubeSpawner.environment["BSC_HUB_URL"] == "https://workbooks.example.org"
    assert c.KubeSpawner.args == ["--config=/opt/bsc/singleuser_config.py"]
    assert "cp /opt/bsc/src/bsc_widgets/hub/singleuser_config.py /opt/bsc/singleuser_config.py" in (
        KUBE / "Dockerfile").read_text()
    # each person's server draws charts with plotly's basic bundle, copied from npm into the image
    assert "ENV BSC_PLOTLY_JS=/opt/bsc/plotly-basic.min.js" in (KUBE / "Dockerfile").read_text()
