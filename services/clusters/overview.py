"""A cluster's live overview from Flink: version, task managers, slots and job counts, one or all summed."""

from __future__ import annotations

import asyncio
from typing import Any

from hlink.flink.errors import FlinkError
from hlink.models import Cluster
from hlink.services.clusters.clients import FlinkClients

#: Flink's /overview figures under the dashboard's names (the document's ClusterOverviewWithVersion) ...
DASHBOARD_FIGURES = {
    "taskmanagers": "taskmanagers",
    "slotsTotal": "slots-total",
    "slotsAvailable": "slots-available",
    "jobsRunning": "jobs-running",
    "jobsFinished": "jobs-finished",
    "jobsCancelled": "jobs-cancelled",
    "jobsFailed": "jobs-failed",
}
#: ... and under /cluster/info's names (slotRunningCount, the slots in use, is computed)
INFO_FIGURES = {
    "taskManagerCount": "taskmanagers",
    "slotTotal": "slots-total",
    "slotAvailableCount": "slots-available",
    "jobCompleteCount": "jobs-finished",
    "jobCancelCount": "jobs-cancelled",
    "jobFailureCount": "jobs-failed",
}
COUNTS = (*DASHBOARD_FIGURES, *INFO_FIGURES, "slotRunningCount")


def _figures(overview: dict[str, Any]) -> dict[str, Any]:
    """Flink's /overview under both of the document's naming schemes; a figure Flink leaves out is None."""
    figures: dict[str, Any] = {
        "flinkVersion": overview.get("flink-version"),
        "flinkCommit": overview.get("flink-commit"),
        **{name: overview.get(key) for name, key in (DASHBOARD_FIGURES | INFO_FIGURES).items()},
    }
    total, available = figures["slotTotal"], figures["slotAvailableCount"]
    both = isinstance(total, int) and isinstance(available, int)
    figures["slotRunningCount"] = total - available if both else None
    return figures


async def cluster_live(flink: FlinkClients, cluster: Cluster) -> dict[str, Any]:
    """Version, task managers, slots and job counts, and the job manager address that answered
    (``activeAddress``);
    ``reachable`` false (with the reason, and every figure
    None) when it is down."""
    client = flink.client(cluster.endpoint)
    try:
        overview = await client.overview()
    except FlinkError as error:
        return {"reachable": False, "error": error.message, "activeAddress": None, **_figures({})}
    # the client asks the job manager that answered last and moves on from one that stops answering
    return {"reachable": True, "activeAddress": client.address, **_figures(overview)}


async def clusters_summed(flink: FlinkClients, clusters: list[Cluster]) -> dict[str, Any]:
    """Every registered cluster as one: the figures summed over the reachable ones, their distinct Flink
    versions (and commits) comma-separated; how many clusters there are and which did not answer."""
    lives = await asyncio.gather(*(cluster_live(flink, c) for c in clusters))  # slow clusters in parallel
    up = [live for live in lives if live["reachable"]]

    def distinct(name: str) -> str | None:
        return ", ".join(sorted({str(live[name]) for live in up if live[name]})) or None

    return {
        "flinkVersion": distinct("flinkVersion"),
        "flinkCommit": distinct("flinkCommit"),
        **{name: sum(live[name] or 0 for live in up) for name in COUNTS},
        "clusterCount": len(clusters),
        "reachableCount": len(up),
        "unreachable": [
            {"id": c.id, "name": c.name, "error": live["error"]}
            for c, live in zip(clusters, lives, strict=True)
            if not live["reachable"]
        ],
    }
