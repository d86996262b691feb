"""The reconciler at scale (issue 19, item 6): the active-jobs query a cycle runs is served by the partial index of
migration 22 (EXPLAIN on PostgreSQL and SQLite, over a table of mostly idle jobs), and a cycle writes one
cluster's changes in one transaction."""

from __future__ import annotations

import httpx
from tortoise import connections

from hlink.models import Cluster, Job
from hlink.models.status import FAILED, NOT_RUNNING, RUNNING, SUBMITTING
from hlink.runtime import Runtime
from hlink.services.jobs.reconciler import ACTIVE_JOBS, reconcile_once
from tests.statements import StatementCounter

#: idle jobs beside the active ones: a table the planner would rather not read whole
IDLE_JOBS = 4000
ACTIVE_ON_ONE = 20


async def _jobs(cluster_id: int) -> None:
    idle = [
        Job(job_name=f"idle{i}", cluster_id=cluster_id, job_status=(NOT_RUNNING, FAILED)[i % 2], flink_state="FINISHED")
        for i in range(IDLE_JOBS)
    ]
    active = [
        Job(
            job_name=f"active{i}",
            cluster_id=cluster_id,
            job_status=(RUNNING, SUBMITTING)[i % 2],
            flink_state="RUNNING",
            flink_job_id=f"{i:032x}",
        )
        for i in range(ACTIVE_ON_ONE)
    ]
    await Job.bulk_create(idle + active, batch_size=1000)


async def _plan(sql: str) -> str:
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        await conn.execute_script('ANALYZE "t_job"')
        rows = await conn.execute_query_dict("EXPLAIN " + sql)
        return "\n".join(str(r["QUERY PLAN"]) for r in rows)
    await conn.execute_script("ANALYZE")
    rows = await conn.execute_query_dict("EXPLAIN QUERY PLAN " + sql)
    return "\n".join(str(r["detail"]) for r in rows)


async def test_the_active_jobs_query_uses_its_partial_index(client: httpx.AsyncClient) -> None:
    cluster = await Cluster.create(name="indexed", address="http://127.0.0.1:9")
    await _jobs(cluster.id)
    plan = await _plan(ACTIVE_JOBS)
    assert "idx_t_job_active" in plan, plan
    assert "Seq Scan" not in plan, plan  # PostgreSQL reads no row of the table beside the index's
    # and it is the very query a cycle sends (its rows come back as the active jobs alone)
    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    with StatementCounter() as counter:
        cycle = await reconcile_once(runtime, poll_timeout=0.5)
    assert ACTIVE_JOBS in counter.statements, counter.statements[:3]
    active = [int(str(i)) for i in await Job.filter(job_name__startswith="active").values_list("id", flat=True)]
    assert sorted(cycle.unknown) == sorted(active), "the silent cluster's active jobs read UNKNOWN, no idle one"


async def test_one_clusters_changes_are_one_transaction(client: httpx.AsyncClient) -> None:
    """A cluster that does not answer turns all its active jobs UNKNOWN in one commit: a statement that fails
    in the middle of it (the database refusing the tenth write) leaves none of them written."""
    cluster = await Cluster.create(name="atomic", address="http://127.0.0.1:9")
    await _jobs(cluster.id)
    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    conn = connections.get("default")
    kind = type(conn)
    original = kind.execute_query
    updates = {"n": 0}

    async def refuse_the_tenth(self: object, query: str, values: list[object] | None = None) -> object:
        if query.startswith('UPDATE "t_job"'):
            updates["n"] += 1
            if updates["n"] == 10:
                raise ConnectionError("the database refused the tenth write")
        return await original(self, query, values)

    kind.execute_query = refuse_the_tenth
    try:
        first = await reconcile_once(runtime, poll_timeout=0.5)
    finally:
        kind.execute_query = original
    assert updates["n"] == 10 and first.unknown == [], "the cluster's part failed at its tenth write"
    assert not await Job.filter(flink_state="UNKNOWN").exists(), "and none of its writes stayed"
    second = await reconcile_once(runtime, poll_timeout=0.5)
    assert len(second.unknown) == ACTIVE_ON_ONE
    assert await Job.filter(flink_state="UNKNOWN").count() == ACTIVE_ON_ONE
