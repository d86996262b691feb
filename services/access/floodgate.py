"""Sign-in floods held off before they cost anything: every attempt passes a per-process rate limit, for all
callers together and per client address, before a row is written or argon2 runs (64 MiB and ~0.1 s of CPU
each), and at most :data:`HASHING_AT_ONCE` passwords are checked at a time with :data:`HASHING_QUEUE` waiting;
beyond that an attempt is refused at once (429). Process memory only, bounded: a replica protects itself, and the
failures that lock a name out (from one address) are counted in the audit trail, which every replica reads."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

from hlink.services.errors import Throttled

T = TypeVar("T")

#: sign-in attempts one process takes a second, from everyone
GLOBAL_PER_SECOND = 20
#: sign-in attempts one process takes from one client address a minute
PER_ADDRESS_PER_MINUTE = 60
#: addresses remembered at once (the oldest forgotten first): memory stays bounded under a spread flood
ADDRESSES = 10_000
#: passwords checked at once (argon2 in worker threads), and attempts that may wait for one
HASHING_AT_ONCE = 2
HASHING_QUEUE = 8


class _Window:
    """At most ``limit`` events within ``seconds``."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit, self.seconds = limit, seconds
        self.times: deque[float] = deque()

    def take(self, now: float) -> bool:
        while self.times and now - self.times[0] > self.seconds:
            self.times.popleft()
        if len(self.times) >= self.limit:
            return False
        self.times.append(now)
        return True


_everyone = _Window(GLOBAL_PER_SECOND, 1.0)
_addresses: OrderedDict[str, _Window] = OrderedDict()
_limiters: dict[int, CapacityLimiter] = {}


def admit(address: str) -> None:
    """Count one attempt from ``address``; :class:`Throttled` when this process takes no more now."""
    now = time.monotonic()
    window = _addresses.get(address)
    if window is None:
        window = _addresses[address] = _Window(PER_ADDRESS_PER_MINUTE, 60.0)
        while len(_addresses) > ADDRESSES:
            _addresses.popitem(last=False)
    _addresses.move_to_end(address)
    window.limit = PER_ADDRESS_PER_MINUTE
    if not window.take(now):
        raise Throttled(f"too many sign-in attempts from {address}: try again in a minute")
    _everyone.limit = GLOBAL_PER_SECOND  # read at each attempt: configurable while running
    if not _everyone.take(now):
        raise Throttled("too many sign-in attempts at once: try again in a few seconds")


def _limiter() -> CapacityLimiter:
    loop = id(asyncio.get_running_loop())  # one per event loop (tests run several)
    if loop not in _limiters:
        _limiters.clear()
        _limiters[loop] = CapacityLimiter(HASHING_AT_ONCE)
    return _limiters[loop]


async def hashing(check: Callable[..., T], *args: object) -> T:
    """Run ``check`` (argon2) in a worker thread, at most HASHING_AT_ONCE at a time; :class:`Throttled` when
    HASHING_QUEUE attempts wait already."""
    limiter = _limiter()
    if limiter.available_tokens == 0 and limiter.statistics().tasks_waiting >= HASHING_QUEUE:
        raise Throttled("too many sign-ins are being checked: try again in a few seconds")
    return await anyio.to_thread.run_sync(check, *args, limiter=limiter)


def forget() -> None:
    """Forget every count (tests)."""
    _everyone.times.clear()
    _addresses.clear()
