"""Helpers shared by the test layers (plain functions and data, not fixtures)."""
import contextlib
import io
import multiprocessing
import os
import signal
import socket
import subprocess
import threading

BOUND_S = 60  # generous: every import finishes or refuses within seconds (benchmarks/hostile_files.py)


def xlsx_bytes(rows) -> bytes:
    """A real .xlsx holding ``rows`` on its first sheet."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _invoke(args, queue):
    from click.testing import CliRunner

    from bsc_widgets.cli import main

    result = CliRunner().invoke(main, args)
    queue.put((result.exit_code, result.output))


def bsc_bounded(*args) -> tuple[int, str]:
    """``bsc ARGS`` in a forked process, stopped if it runs past BOUND_S: a file that hangs an import
    fails its test instead of hanging the suite."""
    import pytest

    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_invoke, args=([str(a) for a in args], queue))
    child.start()
    try:
        code, output = queue.get(timeout=BOUND_S)
    except Exception:  # noqa: BLE001 - queue.Empty: it hung
        child.kill()
        pytest.fail(f"bsc {' '.join(map(str, args))[:120]} did not finish within {BOUND_S} s")
    child.join(10)
    return code, output


def stop(proc: subprocess.Popen, grace: float = 20) -> None:
    """Stop a server the tests started (in its own session) the way a person would, then make sure."""
    if proc.poll() is None:
        proc.terminate()  # bsc serve passes this on to Voilà, which shuts its kernels down
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # anything of its group still running
    except OSError:
        pass
    proc.wait()


# What people may type or paste into any field: every workbook is tested against these.
HOSTILE = {
    "empty": "",
    "huge": "A teacher’s long note. " * 860,  # 19,780 characters: just under the longest a text field takes
    "emoji": "Great week 🎉👩🏽‍🏫 — 子どもたち, niños, أطفال",
    "script": "<script>window.__pwned = 1; alert('x')</script>",
    "img": "\"><img src=x onerror=\"window.__pwned=1\">",
    "formula": "=HYPERLINK(\"http://evil\")",
}

# Longer than any text field takes (20,000 characters): refused with the limit named, never stored.
TOO_LONG = "A teacher’s long note. " * 4600


def walk(widget):
    """Every widget inside a widget tree, the tree itself first."""
    stack = [widget]
    while stack:
        wdg = stack.pop()
        yield wdg
        stack.extend(getattr(wdg, "children", ()) or ())


def widget_text(widget) -> str:
    """Every piece of HTML and every value shown anywhere inside a widget tree (for component tests)."""
    out = []
    stack = [widget]
    while stack:
        wdg = stack.pop()
        for attr in ("value", "description"):
            v = getattr(wdg, attr, None)
            if isinstance(v, str):
                out.append(v)
        stack.extend(getattr(wdg, "children", ()) or ())
    return "\n".join(out)


def postgres_schema(url: str, name: str) -> str:
    """A fresh schema of a PostgreSQL database, as a URL of its own (the hub and a workspace each get one,
    since both keep an ``alembic_version`` table)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"


class Relay:
    """A TCP relay in front of a loopback server that can drop every connection and refuse new ones,
    as a phone's Wi-Fi does, and then come back. The browser sees real closed sockets."""

    def __init__(self, target_port: int):
        self.target, self.up, self.pairs = target_port, True, []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            server = socket.create_connection(("127.0.0.1", self.target))
            with self._lock:
                self.pairs.append((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src, dst) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.close()
            except OSError:
                pass

    def cut(self) -> None:
        self.up = False
        with self._lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for s in pair:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


class MailCatcher:
    """A real SMTP server on loopback (aiosmtpd), keeping every message it accepts; an address starting
    with "refused" is refused, as a real server refuses an unknown mailbox."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"

    def options(self) -> list[str]:
        return ["--smtp-host", "127.0.0.1", "--smtp-port", str(self.port), "--smtp-security", "none",
                "--from", "Growing Together <advisor@example.org>"]

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def login(port: int, username: str, password: str, source: str | None = None) -> int:
    """One sign-in through the hub's own form, as a browser posts it, from ``source`` (a loopback address such as
    127.0.0.5, so that one machine plays many visitors) to ``port`` (the hub's, or a proxy's in front of it):
    the status it answers (302 signed in, 403 refused, 429 throttled)."""
    import http.client
    from urllib.parse import urlencode

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                            source_address=(source, 0) if source else None)
    try:
        connection.request("GET", "/hub/login")
        response = connection.getresponse()
        response.read()
        cookies = [c.split(";")[0] for c in response.headers.get_all("Set-Cookie")]   # _xsrf, and the session's
        xsrf = next(c.split("=", 1)[1] for c in cookies if c.startswith("_xsrf="))
        body = urlencode({"username": username, "password": password, "_xsrf": xsrf})
        connection.request("POST", "/hub/login?next=", body=body, headers={
            "Cookie": "; ".join(cookies), "Content-Type": "application/x-www-form-urlencoded"})
        answer = connection.getresponse()
        answer.read()
        return answer.status
    finally:
        connection.close()


@contextlib.contextmanager
def proxy_in_front_of(port: int, proxy: str):
    """A reverse proxy (configurable-http-proxy, the command ``proxy``) on loopback in front of ``port``, as a site's
    TLS proxy is: it adds the address that reached it to X-Forwarded-For. Yields its own port; stopped after."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        front = s.getsockname()[1]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        api = s.getsockname()[1]
    proc = subprocess.Popen([proxy, "--ip", "127.0.0.1", "--port", str(front), "--api-ip", "127.0.0.1",
                             "--api-port", str(api), "--default-target", f"http://127.0.0.1:{port}"],
                            env=dict(os.environ, CONFIGPROXY_AUTH_TOKEN="front"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        import time

        deadline = time.time() + 30
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", front)) == 0:
                    break
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError("the proxy in front did not start")
            time.sleep(0.2)
        yield front
    finally:
        stop(proc)


def close_like_a_person(context) -> None:
    """Close a browser's pages as a person closes a tab, then the browser: each page's unload handlers run, so
    Voilà's sends its server the beacon that frees the page's kernel. (Closing the context alone unloads
    nothing: every page's kernel then lived on until the idle cull, some 70 of them over the browser tests.)"""
    import time

    for page in list(context.pages):
        if page.is_closed():
            continue
        try:
            with page.expect_event("close", timeout=5_000):
                page.close(run_before_unload=True)
        except Exception:  # noqa: BLE001 - a page that will not unload is closed with its browser below
            pass
    time.sleep(0.2)     # the beacons leave the browser before its context ends
    context.close()


def downgrade(db, revision: str) -> None:
    """Take a SQLite workspace back to an older schema, as an older version of the product left it (foreign keys
    off while tables are rebuilt, as SQLite's own advice for altering tables says)."""
    from alembic import command
    from sqlalchemy import create_engine

    from bsc_widgets.store import migrate

    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.begin() as conn:
            command.downgrade(migrate._config(conn), revision)
    finally:
        engine.dispose()
