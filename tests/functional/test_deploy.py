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
    assert c.WorkspaceSignIn.workspace == "postgresql+psycopg://ws@db/ws"
    assert c.WorkspaceSignIn.trusted_proxies == ["10.0.0.0/8"]      # the TLS proxy's pod network
    assert c.KubeSpawner.environment["BSC_HUB_URL"] == "https://workbooks.example.org"
    assert c.KubeSpawner.args == ["--config=/opt/bsc/singleuser_config.py"]
    assert "cp /opt/bsc/src/bsc_widgets/hub/singleuser_config.py /opt/bsc/singleuser_config.py" in (
        KUBE / "Dockerfile").read_text()
    # each person's server draws charts with plotly's basic bundle, copied from npm into the image
    assert "ENV BSC_PLOTLY_JS=/opt/bsc/plotly-basic.min.js" in (KUBE / "Dockerfile").read_text()


def test_single_sign_on_is_one_option_and_its_settings_said_plainly_when_missing(monkeypatch, sample_db):
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    import pytest
    from click.testing import CliRunner

    from bsc_widgets.base.errors import BscError
    from bsc_widgets.cli import main
    from bsc_widgets.hub.run import free_port
    from bsc_widgets.hub.sso import configure_sso, provider_settings

    for name in ("BSC_SSO_ISSUER", "BSC_SSO_CLIENT_ID", "BSC_SSO_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    refused = CliRunner().invoke(main, ["hub", "--db", str(sample_db), "--port", str(free_port()), "--sso", "oidc"])
    assert refused.exit_code != 0 and "BSC_SSO_ISSUER, BSC_SSO_CLIENT_ID, BSC_SSO_CLIENT_SECRET" in refused.output

    class Discovery(BaseHTTPRequestHandler):     # a provider's discovery document, served on loopback
        def do_GET(self):
            body = json.dumps({"authorization_endpoint": "https://id.example.org/auth",
                               "token_endpoint": "https://id.example.org/token",
                               "userinfo_endpoint": "https://id.example.org/me"}).encode()
            self.send_response(200 if self.path == "/.well-known/openid-configuration" else 404)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Discovery)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        env = {"BSC_SSO_CLIENT_ID": "bsc", "BSC_SSO_CLIENT_SECRET": "secret"}
        with pytest.raises(BscError, match="BSC_SSO_ISSUER"):
            provider_settings(env)
        found = provider_settings({**env, "BSC_SSO_ISSUER": f"http://127.0.0.1:{server.server_port}",
                                   "BSC_SSO_VERIFIED_DOMAINS": "State.example.gov, "})
        c = Config()
        configure_sso(c, "https://workbooks.example.org/", found)
        assert c.JupyterHub.authenticator_class == "bsc_widgets.hub.sso.WorkspaceOIDCAuthenticator"
        assert c.GenericOAuthenticator.token_url == "https://id.example.org/token"
        assert c.GenericOAuthenticator.oauth_callback_url == "https://workbooks.example.org/hub/oauth_callback"
        assert c.WorkspaceOIDCAuthenticator.verified_domains == ["state.example.gov"]
        with pytest.raises(BscError, match="Cannot read the provider's settings"):
            provider_settings({**env, "BSC_SSO_ISSUER": f"http://127.0.0.1:{server.server_port}/nothing"})
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
