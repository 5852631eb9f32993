"""Each person's server, as the hub starts it: JupyterHub's single-user server, without the one import it never uses.

jupyter_events validates its event schemas with jsonschema, which builds a grammar for the "iri" format when
``rfc3987_syntax`` is importable: 1.2 of the 3.2 seconds a person's server took to start, on every sign-in. No event
of the server's uses that format, and jsonschema skips a format whose checker cannot be imported.
"""
from __future__ import annotations

import sys

UNUSED = ("rfc3987_syntax",)


def main() -> None:
    for name in UNUSED:
        sys.modules.setdefault(name, None)   # ``import`` of it now raises ImportError, which jsonschema expects
    from jupyterhub.singleuser import main as serve

    sys.exit(serve())


if __name__ == "__main__":
    main()
