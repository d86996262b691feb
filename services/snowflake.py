"""Snowflake ids (time, worker, sequence) for column virtualIds, as the original generated them."""

from __future__ import annotations

import threading
import time

EPOCH_MS = 1_288_834_974_657  # the classic snowflake epoch


class Snowflake:
    """64-bit, time-ordered ids: 41 bits of milliseconds, 10 of worker, 12 of sequence."""

    def __init__(self, worker: int = 1) -> None:
        self.worker = worker & 0x3FF
        self._lock = threading.Lock()
        self._last = -1
        self._seq = 0

    def next_id(self) -> int:
        with self._lock:
            now = int(time.time() * 1000)
            if now < self._last:  # the clock went back: keep ids increasing
                now = self._last
            if now == self._last:
                self._seq = (self._seq + 1) & 0xFFF
                if self._seq == 0:  # 4096 ids in one millisecond: move to the next
                    now = self._last + 1
            else:
                self._seq = 0
            self._last = now
            return ((now - EPOCH_MS) << 22) | (self.worker << 12) | self._seq


_generator = Snowflake()


def next_id() -> str:
    """A new snowflake id as a string (JavaScript cannot hold 64-bit integers)."""
    return str(_generator.next_id())
