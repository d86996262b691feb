"""What the domain counts for Prometheus (served at /metrics by observability.py)."""

from __future__ import annotations

from prometheus_client import REGISTRY, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from tortoise.functions import Count

from hlink.models import Job

GRAPHQL_SECONDS = Histogram("hlink_graphql_operation_duration_seconds", "GraphQL operations by type.", ["operation"])
RECONCILE_SECONDS = Histogram("hlink_reconcile_cycle_duration_seconds", "Reconciliation cycles of this replica.")
SUBMISSIONS = Counter(
    "hlink_submissions_total", "Job submissions by outcome: accepted, refused, unconfirmed.", ["outcome"]
)

_JOB_STATES: dict[tuple[str, str], int] = {}


class JobStates(Collector):
    """``hlink_jobs``: jobs by state and cluster, as the last reconciliation cycle (or readiness check) counted."""

    def collect(self):  # type: ignore[no-untyped-def]
        family = GaugeMetricFamily("hlink_jobs", "Jobs by Flink state and cluster id.", labels=["state", "cluster"])
        for (state, cluster), count in sorted(_JOB_STATES.items()):
            family.add_metric([state, cluster], count)
        yield family


REGISTRY.register(JobStates())


async def count_jobs() -> None:
    """Refresh the job counts the metrics show (one grouped query)."""
    rows = (
        await Job.all()
        .annotate(n=Count("id"))
        .group_by("flink_state", "cluster_id")
        .values_list("flink_state", "cluster_id", "n")
    )
    counts = {(str(state or "NONE"), str(cluster or "")): int(n) for state, cluster, n in rows}
    _JOB_STATES.clear()
    _JOB_STATES.update(counts)
