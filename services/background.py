"""Work that must never hold up a reconcile cycle or a request: alert delivery, operation follow-ups, savepoint
disposal. Each runs in a task of its own, bounded in time, and at most one per key at once (a key whose work
still runs is skipped, and the next cycle starts it again), so a silent alert receiver or a slow disposal delays
nothing else. Process memory only: what the work does is recorded in the database, and a replica that dies with
work under way leaves it to the next look (claims, open operations and savepoint rows outlive it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable

log = logging.getLogger("hlink.background")


class SideTasks:
    """This process's side work, by key."""

    def __init__(self) -> None:
        self._running: dict[Hashable, asyncio.Task[None]] = {}

    def spawn(self, key: Hashable, work: Callable[[], Awaitable[object]], within: float) -> bool:
        """Start ``work()`` in its own task, stopped after ``within`` seconds, unless ``key``'s work still runs
        (``False``: skipped)."""
        task = self._running.get(key)
        if task is not None and not task.done():
            return False
        self._running[key] = asyncio.create_task(self._bounded(key, work, within), name=f"hlink {key}")
        return True

    async def _bounded(self, key: Hashable, work: Callable[[], Awaitable[object]], within: float) -> None:
        try:
            async with asyncio.timeout(within):
                await work()
        except TimeoutError:
            log.warning("%s took longer than %.0f s: stopped, and tried again at a later look", key, within)
        except Exception:
            log.exception("%s failed", key)
        finally:
            if self._running.get(key) is asyncio.current_task():
                del self._running[key]

    async def wait(self, key: Hashable, within: float) -> bool:
        """Until ``key``'s work has ended or ``within`` seconds have passed (the work goes on): whether it ended."""
        task = self._running.get(key)
        if task is None:
            return True
        done, _ = await asyncio.wait({task}, timeout=within)
        return bool(done)

    def running(self, key: Hashable) -> bool:
        task = self._running.get(key)
        return task is not None and not task.done()

    async def idle(self) -> None:
        """Until every side task started so far has ended (the tests wait on it, never on a sleep)."""
        while tasks := [t for t in self._running.values() if not t.done()]:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def close(self) -> None:
        """Stop every side task (shutdown)."""
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._running.clear()
