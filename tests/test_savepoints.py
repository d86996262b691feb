"""Savepoints kept up to a retention count (older ones disposed of through Flink) and restarts that name their
restore point, on the session's real Flink clusters (both versions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.models import Savepoint
from tests.conftest import gql
from tests.helpers import envelope_fail, envelope_ok
from tests.test_flink_lifecycle import blackhole_job, flink_state

pytestmark = pytest.mark.flink_lines  # what hlink says to Flink differs by line


def on_disk(path: str) -> bool:
    return Path(path.removeprefix("file:")).exists()


async def test_each_job_keeps_its_newest_savepoints_and_flink_disposes_of_the_rest(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    runtime.savepoint_retention = 2
    job = await blackhole_job(client, pipeline, "kept", "hole_kept")
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    paths = []
    for _ in range(3):
        paths.append(envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))["savepointPath"])
        await runtime.side.idle()  # disposals run beside the request, in a side task
    assert len(set(paths)) == 3
    kept = [s.path for s in await Savepoint.filter(job_id=job["id"]).order_by("id")]
    assert kept == paths[1:], kept
    assert not on_disk(paths[0]), "the oldest was disposed of through Flink"
    assert all(on_disk(p) for p in paths[1:])
    stopped = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    await runtime.side.idle()
    kept = [s.path for s in await Savepoint.filter(job_id=job["id"]).order_by("id")]
    assert kept == [paths[2], stopped["savepoint"]["savepointPath"]] and not on_disk(paths[1])


async def test_a_restart_names_its_restore_point(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "restore points", "hole_restore")
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    first = envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))
    chosen = await Savepoint.get(path=first["savepointPath"])

    # a restore point that does not exist is refused before anything stops
    envelope_fail(await client.post(f"/jobs/restart/{job['id']}", params={"restoreFrom": "savepoint"}), 400)
    envelope_fail(
        await client.post(f"/jobs/restart/{job['id']}", params={"restoreFrom": "savepoint", "savepointId": 999999}),
        404,
    )
    envelope_fail(await client.post(f"/jobs/restart/{job['id']}", params={"restoreFrom": "yesterday"}), 400)
    assert envelope_ok(await client.get(f"/jobs/{job['id']}"))["flinkJobId"] == run["flinkJobId"]
    await flink_state(flink, run["flinkJobId"], "RUNNING")

    params = {"restoreFrom": "savepoint", "savepointId": chosen.id}
    again = envelope_ok(await client.post(f"/jobs/restart/{job['id']}", params=params))
    assert again["restoredFrom"] == first["savepointPath"], "the chosen savepoint, not the stop's newer one"
    await flink_state(flink, again["flinkJobId"], "RUNNING")

    mutation = (
        "mutation($id: ID!) { restartJob(id: $id, restoreFrom: NONE) "
        "{ run { flinkJobId restoredFrom } error { __typename } } }"
    )
    fresh = (await gql(client, mutation, {"id": str(job["id"])}))["data"]["restartJob"]
    assert fresh["error"] is None and fresh["run"]["restoredFrom"] is None, fresh
    await flink_state(flink, fresh["run"]["flinkJobId"], "RUNNING")

    latest = envelope_ok(await client.post(f"/jobs/restart/{job['id']}"))  # the default: the newest
    newest = await Savepoint.filter(job_id=job["id"]).order_by("-id").first()
    assert newest is not None and latest["restoredFrom"] == newest.path and newest.kind == "stop"
    await flink_state(flink, latest["flinkJobId"], "RUNNING")
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
