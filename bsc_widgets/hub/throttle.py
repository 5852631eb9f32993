"""Throttled sign-in: after a few failures, each further attempt for that name, or from that address, waits.

The address is the visitor's own only where the hub can know it (``visitor``): configurable-http-proxy, in front
of the hub on this machine, adds the address that reached it to ``X-Forwarded-For``; a TLS proxy in front of
that adds the visitor's, and is believed only when it is named (``bsc hub --trusted-proxy``). Without a trusted
proxy, every visitor behind one would share its address, so an address's failures then slow its sign-ins down
(``AddressSlowdown``) instead of locking them out: one stranger's 50 made-up names cannot lock out a whole
collaborative. The per-name limit protects each account either way.
"""
from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass, field


@dataclass
class Throttle:
    """Failures per key within ``window`` seconds; past ``free`` of them, a wait that doubles from ``first_wait``
    up to ``longest``. A success clears the key. Kept in the hub's memory: a restart forgives."""

    free: int = 5
    window: float = 900.0
    first_wait: float = 30.0
    longest: float = 900.0
    clock: callable = time.monotonic
    failures: dict[str, list[float]] = field(default_factory=dict)

    def _recent(self, key: str) -> list[float]:
        now = self.clock()
        kept = [t for t in self.failures.get(key, []) if now - t < max(self.window, self.longest)]
        if kept:
            self.failures[key] = kept
        else:
            self.failures.pop(key, None)
        return kept

    def wait(self, key: str) -> float:
        """Seconds before this key may try again (0: now)."""
        recent = self._recent(key)
        over = len(recent) - self.free
        if over < 0:
            return 0.0
        pause = min(self.longest, self.first_wait * 2 ** over)
        return max(0.0, recent[-1] + pause - self.clock())

    def failed(self, key: str) -> None:
        self._recent(key)
        self.failures.setdefault(key, []).append(self.clock())
        if len(self.failures) > 100_000:  # a flood of made-up names must not grow the hub without end
            self.failures.pop(next(iter(self.failures)))

    def succeeded(self, key: str) -> None:
        self.failures.pop(key, None)


@dataclass
class AddressSlowdown(Throttle):
    """For an address that may be shared by everyone (a proxy not named as trusted): past ``free`` failures, each
    attempt is answered a little later (``step`` seconds more per failure, at most ``slowest``), never refused."""

    free: int = 50
    step: float = 0.05
    slowest: float = 3.0

    def wait(self, key: str) -> float:
        return 0.0

    def delay(self, key: str) -> float:
        over = len(self._recent(key)) - self.free
        return 0.0 if over < 0 else min(self.slowest, self.step * (over + 1))


def _networks(addresses) -> list:
    out = []
    for a in addresses:
        a = str(a).strip()
        if a:
            out.append(ipaddress.ip_network(a, strict=False))
    return out


def visitor(forwarded_for: list[str], peer: str, trusted: list) -> str:
    """The visitor's address: the rightmost address in ``X-Forwarded-For`` (configurable-http-proxy's record of who
    reached it, which a visitor cannot forge) and, past each trusted proxy, the one that proxy recorded. An address
    a visitor wrote into the header themselves is to the left of every address a proxy added, so it is never read
    unless every proxy after it is trusted. ``X-Real-Ip`` is never read."""
    hops = [a.strip() for header in forwarded_for for a in header.split(",") if a.strip()]
    if not hops:
        return peer
    networks = _networks(trusted)
    for address in reversed(hops):
        if not _inside(address, networks):
            return address
    return hops[0]


def _inside(address: str, networks: list) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in n for n in networks)


def trusted_list(text: str | None) -> list[str]:
    """``--trusted-proxy`` values (an address or a network such as 10.0.0.0/8), checked: a bad one is an error."""
    out = []
    for part in (text or "").split(","):
        part = part.strip()
        if part:
            ipaddress.ip_network(part, strict=False)      # raises ValueError, said by the command line
            out.append(part)
    return out
