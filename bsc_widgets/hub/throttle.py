"""Throttled sign-in: after a few failures, each further attempt for that name, or from that address, waits."""
from __future__ import annotations

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
