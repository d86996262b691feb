"""Which clusters this replica reconciles: on PostgreSQL, one session-level advisory lock per cluster, so each
cluster's reconciler runs in exactly one replica at a time; when that replica dies its session ends, the locks
go with it, and another replica takes them at its next cycle. On SQLite (one process) every cluster is ours.

Leases are handed back, too. The lease session is used once a cycle and carries PostgreSQL's
``idle_session_timeout``: a replica that stalls (stopped, its event loop blocked) leaves its session idle, the
server ends it, and its clusters go to the others, as when it dies. And each replica holds at most its fair share
of the clusters to reconcile (their number over the replicas' lease sessions, rounded up), handing back the
rest, so a replica joining takes its part of the work from those already there.
"""

from __future__ import annotations

import logging
import math
from typing import Any

log = logging.getLogger("hlink.leases")
#: the first key of hlink's cluster locks (the second is the cluster's id)
NAMESPACE = 0x686C6E6B


class Leases:
    """Every cluster is this process's (SQLite: hlink runs as one process)."""

    async def held(self, cluster_ids: list[int]) -> set[int]:
        """The clusters among ``cluster_ids`` this replica reconciles now."""
        return set(cluster_ids)

    async def close(self) -> None:
        """Give up the leases."""


#: the shortest idle time after which a lease session is ended: longer than the longest healthy cycle (a cluster's
#: poll and its bounded share, services/jobs/reconciler.py), so only a stalled replica loses its leases
MIN_IDLE = 20.0
#: the application name of every replica's lease session (how replicas count one another)
APPLICATION = "hlink-leases"


class AdvisoryLeases(Leases):
    """PostgreSQL advisory locks held on a connection of this replica's own."""

    def __init__(self, database_url: str, idle_timeout: float = 30.0) -> None:
        """``idle_timeout``: seconds the lease session may stay unused before the server ends it (longer than a
        reconcile cycle's interval: a replica that goes that long without a cycle has stalled)."""
        self._dsn = "postgresql://" + database_url.split("://", 1)[1]
        self._idle_ms = str(int(idle_timeout * 1000))
        self._connection: Any = None
        self._held: set[int] = set()

    async def held(self, cluster_ids: list[int]) -> set[int]:
        import asyncpg

        try:
            if self._connection is None or self._connection.is_closed():
                self._held.clear()  # a new session holds nothing
                settings = {"application_name": APPLICATION, "idle_session_timeout": self._idle_ms}
                self._connection = await asyncpg.connect(self._dsn, timeout=5, server_settings=settings)
            # the session is alive, so the locks it took are still its own; and it counts the replicas
            replicas = await self._connection.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
                APPLICATION,
                timeout=5,
            )
            wanted = set(cluster_ids)
            share = math.ceil(len(wanted) / max(1, int(replicas or 1)))
            for cluster_id in sorted(self._held - wanted) + sorted(self._held & wanted)[share:]:
                await self._connection.fetchval("SELECT pg_advisory_unlock($1, $2)", NAMESPACE, cluster_id)
                self._held.discard(cluster_id)  # no work there, or more than the share: another replica's
            for cluster_id in sorted(wanted - self._held):
                if len(self._held) >= share:
                    break
                if await self._connection.fetchval("SELECT pg_try_advisory_lock($1, $2)", NAMESPACE, cluster_id):
                    self._held.add(cluster_id)
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning("the reconciler's leases are lost until the database answers again: %s", error)
            await self.close()
            return set()
        return self._held & set(cluster_ids)

    async def close(self) -> None:
        self._held.clear()
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                await connection.close(timeout=5)
            except Exception:  # a connection already broken has nothing left to close
                connection.terminate()


def leases_for(database_url: str, interval: float = 10.0) -> Leases:
    """Advisory locks on PostgreSQL (a session idle for three cycles, and at least :data:`MIN_IDLE`, is ended
    by the server), every cluster on SQLite."""
    if database_url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        return AdvisoryLeases(database_url, idle_timeout=max(MIN_IDLE, 3 * interval))
    return Leases()
