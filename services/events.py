"""Job status events: what changed, published to GraphQL subscribers, of this process or of every replica."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

log = logging.getLogger("hlink.events")


@dataclass(frozen=True)
class JobEvent:
    """A job's status changed (pushed to GraphQL subscribers). ``revision`` is the job's revision once changed:
    every change bumps it, so a subscriber that sees a gap knows it missed one (and reads the job again)."""

    job_id: int
    job_status: int
    flink_state: str | None
    flink_job_id: str | None
    message: str | None = None
    revision: int = field(kw_only=True)
    #: an upgrade's move (services/jobs/upgrades.py): its id and new status; the job's own state may be unchanged
    upgrade_id: int | None = field(default=None, kw_only=True)
    upgrade_status: str | None = field(default=None, kw_only=True)


class Subscription:
    """One subscriber's bounded queue of the events of one job (or of all), registered when it is made: an event
    published after that is never missed, so a subscriber may read the current state after subscribing."""

    def __init__(self, subscribers: dict[asyncio.Queue[JobEvent], int | None], job_id: int | None) -> None:
        self._queue: asyncio.Queue[JobEvent] = asyncio.Queue(maxsize=100)
        self._subscribers = subscribers
        subscribers[self._queue] = job_id

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> JobEvent:
        return await self._queue.get()

    async def aclose(self) -> None:
        """Stop receiving."""
        self._subscribers.pop(self._queue, None)


class Events:
    """In-process publish/subscribe of job status changes: one bounded queue per subscriber."""

    def __init__(self) -> None:
        self._subscribers: dict[asyncio.Queue[JobEvent], int | None] = {}

    def publish(self, event: JobEvent) -> None:
        for queue, job_id in list(self._subscribers.items()):
            if job_id is not None and job_id != event.job_id:
                continue
            if queue.full():  # a subscriber that stopped reading loses its oldest news, never blocks others
                queue.get_nowait()
            queue.put_nowait(event)

    async def start(self) -> None:
        """Begin delivering (nothing to do for one process)."""

    async def close(self) -> None:
        """Stop delivering."""

    def subscribe(self, job_id: int | None = None) -> Subscription:
        """The events of job ``job_id`` (all jobs when ``None``) from now on; ``aclose`` it when done."""
        return Subscription(self._subscribers, job_id)


#: the PostgreSQL channel status events travel on between replicas
CHANNEL = "hlink_job_status"


class SharedEvents(Events):
    """Events that reach the subscribers of every replica: delivered here at once, and sent to the others with
    PostgreSQL's NOTIFY on the database they share (each replica LISTENs on a connection of its own). A replica
    that cannot reach the database keeps delivering its own events and catches up once it reconnects."""

    def __init__(self, database_url: str) -> None:
        super().__init__()
        self._dsn = "postgresql://" + database_url.split("://", 1)[1]
        self._origin = uuid.uuid4().hex  # this replica: its own notifications come back and are skipped
        self._listener: Any = None
        self._sender: Any = None
        self._sending: set[asyncio.Task[None]] = set()
        #: one NOTIFY at a time on the sending connection (asyncpg runs one operation per connection), in order
        self._send_lock = asyncio.Lock()
        self._watch: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Listen, and keep listening across database restarts."""
        await self._listen()
        self._watch = asyncio.create_task(self._keep_listening())

    async def _listen(self) -> None:
        """Connect and LISTEN; on any failure, stay without a listener (the watcher tries again).

        Any failure, not only a PostgresError: a session the database ends between the connect and the LISTEN
        (a restart at that moment) makes asyncpg raise InterfaceError, which would otherwise end the watcher and
        with it every event from the other replicas until this one restarts."""
        import asyncpg

        connection = None
        try:
            connection = await asyncpg.connect(self._dsn, timeout=5)
            await connection.add_listener(CHANNEL, self._received)
        except Exception as error:
            log.warning("status events from other replicas paused: %r", error)
            if connection is not None:
                connection.terminate()
            self._listener = None
            return
        self._listener = connection

    async def _keep_listening(self) -> None:
        while True:
            await asyncio.sleep(1)
            try:
                if self._listener is None or self._listener.is_closed():
                    await self._listen()
            except Exception:  # the watcher must outlive anything: without it this replica hears no other
                log.exception("listening again for status events failed; trying again in a second")

    def _received(self, connection: Any, pid: int, channel: str, payload: str) -> None:
        try:
            message = json.loads(payload)
            if message.pop("origin", None) == self._origin:
                return
            super().publish(JobEvent(**message))
        except (ValueError, TypeError) as error:
            log.warning("a status event that is not one was ignored: %s", error)

    def publish(self, event: JobEvent) -> None:
        super().publish(event)
        task = asyncio.create_task(self._notify(event))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _notify(self, event: JobEvent) -> None:
        import asyncpg

        fields = {**asdict(event), "origin": self._origin}
        if fields["message"] and len(fields["message"]) > 2000:  # NOTIFY carries at most 8000 bytes
            fields["message"] = fields["message"][:2000] + "..."
        payload = json.dumps(fields)
        async with self._send_lock:
            try:
                if self._sender is None or self._sender.is_closed():
                    self._sender = await asyncpg.connect(self._dsn, timeout=5)
                await self._sender.execute("SELECT pg_notify($1, $2)", CHANNEL, payload)
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
                log.warning("a status event did not reach the other replicas: %s", error)
                if self._sender is not None:
                    self._sender.terminate()
                self._sender = None

    async def close(self) -> None:
        """Stop listening and sending."""
        if self._watch is not None:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
            self._watch = None
        for task in list(self._sending):
            with contextlib.suppress(Exception):
                await task
        for connection in (self._listener, self._sender):
            if connection is not None and not connection.is_closed():
                await connection.close()
        self._listener = self._sender = None


def events_for(database_url: str) -> Events:
    """Status events shared through PostgreSQL between replicas, or this process's own on SQLite."""
    if database_url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        return SharedEvents(database_url)
    return Events()
