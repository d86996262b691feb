"""What the service holds while it runs, beside the database: Flink clients, uploaded jars, live events."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import anyio

from flink.client import FlinkClient
from flink.errors import FlinkRejected
from services.errors import ValidationFailed
from services.storage import Storage


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


@dataclass
class Runtime:
    """Shared by REST and GraphQL: one Flink client per cluster address, the jars each cluster already has."""

    storage: Storage
    runner_jar: Path | None
    events: Events = field(default_factory=Events)
    #: jobs this process is submitting right now: the reconciler leaves them alone
    submitting: set[int] = field(default_factory=set)
    _clients: dict[str, FlinkClient] = field(default_factory=dict)
    _uploads: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    _digests: dict[tuple[str, int, float], str] = field(default_factory=dict)

    def client(self, address: str) -> FlinkClient:
        """The shared client of one cluster (connection pooling across requests)."""
        if address not in self._clients:
            self._clients[address] = FlinkClient(address)
        return self._clients[address]

    async def close(self) -> None:
        for client in self._clients.values():
            await client.close()
        self._clients.clear()

    def _upload_name(self, path: Path) -> str:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime)
        if key not in self._digests:
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            self._digests[key] = digest.hexdigest()[:12]
        return f"{path.stem}-{self._digests[key]}.jar"

    async def listing(self, client: FlinkClient) -> dict[str, str]:
        """The jars the cluster holds now: id → name (one call, shared by a submission's jars)."""
        return {str(f.get("id")): str(f.get("name")) for f in await client.jars()}

    async def ensure_jar(
        self, client: FlinkClient, path: Path, listed: dict[str, str], *, need_path: bool = False
    ) -> tuple[str, str]:
        """(jar id, path on the job manager) of a local jar, uploaded unless ``listed`` shows the cluster has it.

        Without ``need_path`` a jar the cluster already holds under the same content-hashed name is reused
        (after a restart of hlink, say); the job manager's file path is only known from an upload's answer.
        """
        if not await anyio.Path(path).exists():
            raise ValidationFailed({"jar": f"{path.name} is missing from the storage folder"})
        key = (client.address, self._upload_name(path))
        known = self._uploads.get(key)
        if known is None or known[0] not in listed:
            same = next((jar_id for jar_id, name in listed.items() if name == key[1]), None)
            known = (same, "") if same and not need_path else await client.upload_jar(path, key[1])
        elif need_path and not known[1]:
            known = await client.upload_jar(path, key[1])
        self._uploads[key] = known
        listed[known[0]] = key[1]
        return known

    def runner(self) -> Path:
        """hlink's SQL runner jar, or a validation error saying how to build it."""
        if self.runner_jar is None or not self.runner_jar.exists():
            raise ValidationFailed(
                {"jobType": "SQL jobs need hlink's SQL runner; build it with `hlink flink up` or `hlink flink runner`"}
            )
        return self.runner_jar

    def forget_uploads(self, client: FlinkClient) -> None:
        """After a 'jar not found', ask the cluster again next time."""
        for key in [k for k in self._uploads if k[0] == client.address]:
            del self._uploads[key]


def jar_missing(error: FlinkRejected) -> bool:
    """Flink's answer when a jar id it once gave is gone (cluster restarted, jar deleted)."""
    return error.status in (400, 404) and "jar" in error.message.lower() and "exist" in error.message.lower()
