"""A real ``bsc serve`` (Voilà) on a free loopback port, driven by Debian's Chromium through Playwright.

Without Chromium these tests skip on a laptop, but fail under CI=true (the "browser" marker, in conftest.py).
"""
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from tests.support import stop, close_like_a_person

CHROMIUM = next((c for c in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"))
                 if c and os.path.exists(c)), None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory, pristine_db, today):
    """Voilà serving the workbooks on a copy of the sample workspace."""
    db = tmp_path_factory.mktemp("browser-ws") / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    port = _free_port()
    log = tmp_path_factory.mktemp("logs") / "voila.log"
    env = dict(os.environ, BSC_TODAY=today)
    with open(log, "w") as fh:
        # no kernels kept ready: these tests read what the server renders for each request (test_preheated.py
        # opens pages made ahead of their visitors)
        proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", str(db),
                                 "--port", str(port), "--preheat", "0"], stdout=fh, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    deadline = time.time() + 90
    while True:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        if proc.poll() is not None or time.time() > deadline:
            raise RuntimeError("voila did not start:\n" + log.read_text())
        time.sleep(0.2)
    yield {"url": f"http://127.0.0.1:{port}", "db": db, "log": log, "pid": proc.pid}
    stop(proc)


def log_tail(server: dict, lines: int = 40) -> str:
    """The last lines the test server wrote, to put beside a page that did not open."""
    return "\n".join(server["log"].read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records page errors and every request that leaves this machine."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    pg.errors, pg.external, pg.dialogs = [], [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.external.append(r.url)
          if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None)
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    close_like_a_person(context)


class Traffic:
    """What a page received: its responses, and the headers of each websocket handshake (through DevTools)."""

    def __init__(self, page):
        self.responses, self.handshakes = [], []
        page.on("response", lambda r: self.responses.append(r))
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketHandshakeResponseReceived", lambda e: self.handshakes.append(
            {k.lower(): v for k, v in e["response"]["headers"].items()}))

    def websockets_compressed(self) -> bool:
        return bool(self.handshakes) and all(
            "permessage-deflate" in h.get("sec-websocket-extensions", "") for h in self.handshakes)


def open_offline(browser, path, viewport: dict):
    """A report file opened from disk with the network off, as from an e-mail attachment: (context, page,
    the page's script errors, every address it tried to reach online)."""
    context = browser.new_context(offline=True, viewport=viewport)
    page = context.new_page()
    errors, online = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: online.append(r.url) if r.url.startswith("http") else None)
    page.goto(path.as_uri())
    return context, page, errors, online


# Words in the driver diagram and in every chart, measured as drawn: their size against the body text's, and
# whether they reach past the screen's edge. A chart's words are SVG text (plotly's), the diagram's HTML.
READABLE_JS = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector('.bsc-root, .bsc-report') || document.body).fontSize);
  const width = document.documentElement.clientWidth;
  const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const out = [];
  const words = [...document.querySelectorAll('.js-plotly-plot .main-svg text, .js-plotly-plot .infolayer text, '
                                            + '.bsc-dd-tall p, .bsc-dd-tall span, .bsc-dd-tall strong')];
  for (const e of words) {
    if (!shown(e) || !e.textContent.trim() || e.closest('.hoverlayer, .modebar')) continue;
    const size = parseFloat(getComputedStyle(e).fontSize), r = e.getBoundingClientRect();
    if (size < body - 0.5) out.push(`${e.textContent.trim().slice(0, 40)}: ${size}px < ${body}px`);
    if (r.right > width + 1 || r.left < -1) out.push(`${e.textContent.trim().slice(0, 40)}: past the edge`);
  }
  return out;
}"""


def assert_reads_on_a_phone(page) -> None:
    """No sideways scroll, and no word of the driver diagram or of a chart smaller than the body's or past the edge."""
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width + 2, "the page scrolls sideways"
    assert page.evaluate(READABLE_JS) == [], "words too small to read on a phone, or cut at its edge"
