#!/usr/bin/env bash
# Install or upgrade the collaborative's hub on a Kubernetes cluster (helm 3, kubectl pointed at the cluster).
set -euo pipefail
CHART_VERSION=4.1.0   # Zero to JupyterHub; its hub image carries JupyterHub 5.2, within pyproject.toml's range
helm repo add jupyterhub https://hub.jupyter.org/helm-chart/ >/dev/null
helm repo update jupyterhub >/dev/null
helm upgrade --cleanup-on-fail --install bsc jupyterhub/jupyterhub --namespace bsc --create-namespace \
  --version "$CHART_VERSION" --values "$(dirname "$0")/values.yaml" "$@"
