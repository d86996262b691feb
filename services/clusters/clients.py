"""The Flink clients of this process: one per cluster, with the jars uploaded there and each cluster's version."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import anyio
import anyio.to_thread

from hlink.flink.client import FlinkClient
from hlink.flink.errors import FlinkRejected
from hlink.flink.sqlrunner import RunnerBuildError, build_runner, bundle, runner_is_current
from hlink.services.allowlist import AllowList
from hlink.services.errors import ValidationFailed


@dataclass
class FlinkClients:
    """One Flink client per cluster address, shared by REST and GraphQL, with what each cluster holds: the jars
    this process uploaded there (by content hash) and its Flink version."""

    #: hlink's SQL runner jar (built on first use) and where a job's runner with its UDF classes is bundled
    runner_jar: Path | None
    bundles: Path
    #: where clusters may live (HLINK_CLUSTER_ALLOW): a client of any other address refuses every call
    allowed: AllowList = field(default_factory=AllowList)
    _clients: dict[str, FlinkClient] = field(default_factory=dict)
    _uploads: dict[tuple[str, str], str] = field(default_factory=dict)
    _digests: dict[tuple[str, int, float], str] = field(default_factory=dict)
    _listed: dict[str, dict[str, str]] = field(default_factory=dict)
    _versions: dict[str, str] = field(default_factory=dict)

    def client(self, address: str) -> FlinkClient:
        """The shared client of one cluster (connection pooling across requests): ``address`` is a cluster's
        :attr:`~hlink.models.Cluster.endpoint`, every job manager's address comma-separated, each of which the
        allow-list must allow."""
        if address not in self._clients:
            denied = [a for a in address.split(",") if a.strip() and not self.allowed.allows(a.strip())]
            refusal = f"{denied[0].strip()} is not allowed by HLINK_CLUSTER_ALLOW" if denied else None
            self._clients[address] = FlinkClient(address, refusal=refusal)
        return self._clients[address]

    async def close(self) -> None:
        for client in self._clients.values():
            await client.close()
        self._clients.clear()

    def _digest(self, path: Path) -> str:
        """A short hash of the file's contents, computed once per path, size and modification time."""
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime)
        if key not in self._digests:
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            self._digests[key] = digest.hexdigest()[:12]
        return self._digests[key]

    def _upload_name(self, path: Path) -> str:
        return f"{path.stem}-{self._digest(path)}.jar"

    def _bundle(self, runner: Path, udf_jars: list[Path]) -> Path:
        # named by the cached digests of its parts: a job's runs and validations hash nothing again
        parts = "".join(self._digest(p) for p in (runner, *udf_jars))
        return bundle(runner, udf_jars, self.bundles, hashlib.sha256(parts.encode()).hexdigest()[:16])

    async def _listing(self, client: FlinkClient) -> dict[str, str]:
        """The jars the cluster holds (id → name), asked once per cluster until an upload goes missing."""
        if client.address not in self._listed:
            self._listed[client.address] = {str(f.get("id")): str(f.get("name")) for f in await client.jars()}
        return self._listed[client.address]

    async def ensure_jar(self, client: FlinkClient, path: Path) -> str:
        """The cluster's id of a local jar, uploaded unless the cluster has it.

        What this process uploaded is trusted without asking (a submission that finds a jar gone uploads it
        again: :func:`services.jobs.submission.with_jar_retry`). Otherwise a jar the cluster already holds under the
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
        return await anyio.to_thread.run_sync(self._bundle, self.runner_jar, udf_jars)

    async def version(self, client: FlinkClient) -> str:
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
