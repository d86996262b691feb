"""What the service holds per process, beside the database: the Flink clients and the job status events.

A cache, never the truth: the database is. Both faces get the same one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hlink.flink.client import FlinkJob
from hlink.services.artifacts.storage import Storage
from hlink.services.background import SideTasks
from hlink.services.clusters.clients import FlinkClients
from hlink.services.clusters.leases import Leases
from hlink.services.events import Events
from hlink.services.policy import Policy


class ClusterHook(Protocol):
    """Work the reconciler does on the clusters it holds, beside the jobs' (the data previews' clean-up): the
    clusters it must visit, and one visit once a cluster's job list has come (bounded by the cluster's share)."""

    async def clusters(self) -> set[int]: ...

    async def visit(self, runtime: Runtime, cluster_id: int, address: str, flink_jobs: list[FlinkJob]) -> None: ...


@dataclass
class Runtime:
    """The storage folder, the Flink client registry (:class:`FlinkClients`) and the event bus (:class:`Events`)."""

    storage: Storage
    flink: FlinkClients
    #: the operator's limits and lists (HLINK_PAGE_CAP, HLINK_TIME_ZONE, the allow-lists ...), passed to what
    #: applies each
    policy: Policy = field(default_factory=Policy)
    events: Events = field(default_factory=Events)
    #: jobs this process is submitting right now: the reconciler leaves them alone
    submitting: set[int] = field(default_factory=set)
    #: how many savepoints (and retained checkpoints) each job keeps; older ones are disposed of through Flink
    savepoint_retention: int = 10
    #: seconds before a lost submission that Flink does not know by name is released
    submission_grace: float = 300.0
    #: seconds a highly available cluster may answer without listing a job before the job is LOST
    ha_recovery: float = 120.0
    #: since when (time.time()) each highly available cluster this process reconciles has answered without a
    #: break: a job its leader does not list counts as lost only once it has been absent that long after both
    #: this and its last confirmed state (a cache: another replica starts counting afresh, later never sooner)
    answering_since: dict[int, float] = field(default_factory=dict)
    #: seconds a savepoint or stop request waits before answering "in progress" (the reconciler follows it on)
    operation_wait: float = 60.0
    #: seconds a batch request works on its jobs before it answers what is done (the rest goes on)
    batch_wait: float = 120.0
    #: which clusters this replica reconciles (each cluster in exactly one replica at a time)
    leases: Leases = field(default_factory=Leases)
    #: work kept off the reconcile cycle and the requests (alert delivery, follow-ups, savepoint disposal)
    side: SideTasks = field(default_factory=SideTasks)
    #: what else the reconciler looks at on the clusters it holds (app.py registers the previews' sweep)
    cluster_hooks: list[ClusterHook] = field(default_factory=list)
    #: data previews: the most rows one may ask for, and how many may run at once per user and per cluster
    preview_max_rows: int = 1000
    preview_per_user: int = 2
    preview_per_cluster: int = 2

    @classmethod
    def create(
        cls, storage: Storage, runner_jar: Path | None, savepoint_retention: int = 10, policy: Policy | None = None
    ) -> Runtime:
        """A runtime whose UDF bundles live in the storage folder; its Flink clients ask only clusters the
        policy's allow-list allows."""
        policy = policy or Policy()
        clients = FlinkClients(runner_jar=runner_jar, bundles=storage.root / "bundles", allowed=policy.clusters)
        return cls(storage=storage, flink=clients, policy=policy, savepoint_retention=savepoint_retention)

    async def close(self) -> None:
        """Stop the side work, close every Flink client and give up the reconciler's leases."""
        await self.side.close()
        await self.flink.close()
        await self.leases.close()
        await self.events.close()
