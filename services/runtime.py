"""What the service holds while it runs, beside the database: Flink clients, uploaded jars, live events."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import anyio
import anyio.to_thread

from flink.client import FlinkClient
from flink.errors import FlinkRejected
from flink.sqlrunner import RunnerBuildError, build_runner, bundle, runner_is_current
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
    _uploads: dict[tuple[str, str], str] = field(default_factory=dict)
    _digests: dict[tuple[str, int, float], str] = field(default_factory=dict)
    _listed: dict[str, dict[str, str]] = field(default_factory=dict)
    _versions: dict[str, str] = field(default_factory=dict)

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

    async def _listing(self, client: FlinkClient) -> dict[str, str]:
        """The jars the cluster holds (id → name), asked once per cluster until an upload goes missing."""
        if client.address not in self._listed:
            self._listed[client.address] = {str(f.get("id")): str(f.get("name")) for f in await client.jars()}
        return self._listed[client.address]

    async def ensure_jar(self, client: FlinkClient, path: Path) -> str:
        """The cluster's id of a local jar, uploaded unless the cluster has it.

        What this process uploaded is trusted without asking (a submission that finds a jar gone uploads it
        again: :func:`services.submission.with_jar_retry`). Otherwise a jar the cluster already holds under the
        same content-hashed name is reused (after a restart of hlink, say).
        """
        if not await anyio.Path(path).exists():
            raise ValidationFailed({"jar": f"{path.name} is missing from the storage folder"})
        # hashing a large jar is file work: off the event loop (cached by path, size and time after the first)
        key = (client.address, await anyio.to_thread.run_sync(self._upload_name, path))
        known = self._uploads.get(key)
        if known is None:
            listed = await self._listing(client)
            known = next((jar_id for jar_id, name in listed.items() if name == key[1]), None)
            if known is None:
                known, _ = await client.upload_jar(path, key[1])
            listed[known] = key[1]
            self._uploads[key] = known
        return known

    async def runner(self, udf_jars: list[Path] | None = None) -> Path:
        """hlink's SQL runner jar, built on first use when it is missing or older than its source; with the
        classes of ``udf_jars`` bundled in when a job calls functions (kept in the storage folder)."""
        if self.runner_jar is None:
            raise ValidationFailed({"jobType": "SQL jobs need hlink's SQL runner, and no place for it is configured"})
        if not runner_is_current(self.runner_jar):
            try:
                await anyio.to_thread.run_sync(build_runner, self.runner_jar)
            except RunnerBuildError as error:
                raise ValidationFailed({"jobType": str(error)}) from None
        if not udf_jars:
            return self.runner_jar
        folder = self.storage.root / "bundles"
        return await anyio.to_thread.run_sync(bundle, self.runner_jar, udf_jars, folder)

    async def flink_version(self, client: FlinkClient) -> str:
        """The cluster's Flink version (``GET /config``), asked once per cluster and process."""
        if client.address not in self._versions:
            self._versions[client.address] = await client.version()
        return self._versions[client.address]

    def forget_uploads(self, client: FlinkClient) -> None:
        """After a 'jar not found' (the cluster restarted, or was replaced): ask the cluster again next time."""
        for key in [k for k in self._uploads if k[0] == client.address]:
            del self._uploads[key]
        self._listed.pop(client.address, None)
        self._versions.pop(client.address, None)


def jar_missing(error: FlinkRejected) -> bool:
    """Flink's answer when a jar id it once gave is gone (cluster restarted, jar deleted): "Jar file ... does
    not exist", with status 400 on some versions and 500 on others."""
    message = error.message.lower()
    return error.statement is None and "jar file" in message and "does not exist" in message
