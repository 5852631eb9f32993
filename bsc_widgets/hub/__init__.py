"""The multi-user deployment: JupyterHub in front of the workbooks, one workspace, sign-in from its accounts.

- ``authenticator``: passwords and one-time invitation links checked against the workspace's accounts,
  with throttled sign-in;
- ``spawner``: each person's own server, running Voilà only;
- ``lockdown``: what that server refuses (JupyterLab, terminals, the kernels and contents API, code);
- ``config``: the one configuration, used by ``bsc hub`` and by the Kubernetes deployment;
- ``run``: ``bsc hub``.
"""
