"""A running job's restart into an edited version is judged before anything stops (issue 20): a compatible edit
restarts from the stop's savepoint, an incompatible one is refused as the original's clients read a refusal,
with the running Flink job untouched; a fresh start (restoreFrom none) is not judged."""

from __future__ import annotations

from typing import Any

import httpx

from hlink.flink.local import LocalFlink
from hlink.models import Job, JobRun
from tests.helpers import envelope_fail, envelope_ok
from tests.test_flink_lifecycle import add_ds, flink_state
from tests.test_upgrade_verdict import COUNT, EDITS
from tests.test_versions import job_body, save, with_sql


async def test_a_restart_into_an_incompatible_version_is_refused_before_anything_stops(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    sink = await add_ds(client, "judged_t", "sink", "blackhole")
    body = job_body(pipeline["cluster"], pipeline["source"], sink, COUNT, checkpointInterval=1000)
    job = await save(client, body)
    first = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, first["flinkJobId"], "RUNNING")

    # a filter after the aggregate: compatible, restarted from the stop's savepoint into version 2
    await save(client, with_sql(body, sink, EDITS["filter"]), job["id"])
    second = envelope_ok(await client.post(f"/jobs/restart/{job['id']}"))
    assert second["flinkJobId"] != first["flinkJobId"]
    await flink_state(flink, second["flinkJobId"], "RUNNING")
    run = await JobRun.get(id=second["runId"])
    assert run.version == 2 and run.restored_from, (run.version, run.restored_from)

    # another GROUP BY key: refused with the verdict's reason, the running job left as it was
    await save(client, with_sql(body, sink, EDITS["key"]), job["id"])
    runs = await JobRun.filter(job_id=job["id"]).count()
    refused = envelope_fail(await client.post(f"/jobs/restart/{job['id']}"), 422)
    assert "INCOMPATIBLE" in refused["msg"] and "grouping key" in refused["msg"], refused
    assert "version 3" in refused["msg"] and "version 2" in refused["msg"], refused
    await flink_state(flink, second["flinkJobId"], "RUNNING")
    row = await Job.get(id=job["id"])
    assert (row.flink_job_id, row.job_status) == (second["flinkJobId"], 1)
    assert await JobRun.filter(job_id=job["id"]).count() == runs, "nothing was stopped or run"

    # a fresh start carries no state: not judged
    fresh = envelope_ok(await client.post(f"/jobs/restart/{job['id']}", params={"restoreFrom": "none"}))
    await flink_state(flink, fresh["flinkJobId"], "RUNNING")
    assert (await JobRun.get(id=fresh["runId"])).restored_from is None
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}", params={"withSavepoint": "false"}))
