"""Voilà as ``bsc serve`` runs it: responses compressed, extension files cached while they last, and a
closed page's kernel shut down.

- A first visit to a workbook moves several megabytes of JavaScript; gzip makes that about a quarter.
  Tornado compresses only when the application is built with ``compress_response`` (setting it later
  adds nothing), so the setting goes in where Voilà builds its application.
- Voilà marks every lab-extension file "no-cache", so a repeat visit asks again for each of about a
  hundred files: a round trip each, slow on a phone. A file whose name carries its content hash
  (``remoteEntry.1dda3c8f6e5cd2a3.js``) can never change, so it is kept for a year; the others are
  still asked for again.
"""
from __future__ import annotations

import re

from jupyter_server.base.handlers import FileFindHandler
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

HASHED = re.compile(r"\.[0-9a-f]{16,}\.(js|css|woff2?)$")
YEAR = "public, max-age=31536000, immutable"


class ExtensionFiles(FileFindHandler):
    def set_headers(self) -> None:
        super().set_headers()
        if HASHED.search(self.request.path):
            self.set_header("Cache-Control", YEAR)


class WorkbookPage(TornadoVoilaHandler):
    """A workbook page that sets its ``_xsrf`` cookie. Voilà's unload beacon sends that cookie to shut the
    page's kernel down; without it every shutdown was refused (403), and each closed tab kept its kernel
    until the idle cull."""

    async def prepare(self, *args, **kwargs):
        await super().prepare(*args, **kwargs)
        self.xsrf_token  # noqa: B018 - reading it sets the cookie


class BscVoila(Voila):
    def init_settings(self) -> dict:
        return {**super().init_settings(), "compress_response": True}

    def init_handlers(self) -> list:
        swap = {FileFindHandler: ExtensionFiles, TornadoVoilaHandler: WorkbookPage}
        return [(pattern, swap.get(handler, handler), *rest) for pattern, handler, *rest in super().init_handlers()]


main = BscVoila.launch_instance

if __name__ == "__main__":
    main()
