"""Job status events: what changed, published to the GraphQL subscribers of this process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass


@dataclass(frozen=True)
class JobEvent:
    """A job's status changed (pushed to GraphQL subscribers)."""

    job_id: int
    job_status: int
    flink_state: str | None
    flink_job_id: str | None
    message: str | None = None


class Events:
    """In-process publish/subscribe of job status changes: one bounded queue per subscriber."""

    def __init__(self) -> None:
        self._subscribers: set[asyncio.Queue[JobEvent]] = set()

    def publish(self, event: JobEvent) -> None:
        for queue in list(self._subscribers):
            if queue.full():  # a subscriber that stopped reading loses its oldest news, never blocks others
                queue.get_nowait()
            queue.put_nowait(event)

    async def subscribe(self, job_id: int | None = None) -> AsyncIterator[JobEvent]:
        queue: asyncio.Queue[JobEvent] = asyncio.Queue(maxsize=100)
        self._subscribers.add(queue)
        try:
            while True:
                event = await queue.get()
                if job_id is None or event.job_id == job_id:
                    yield event
        finally:
            self._subscribers.discard(queue)
