"""The state in the restore point (issue 20 item 3): ``upgradePreview`` reads the savepoint's metadata through
the SQL runner (no Flink job starts), matches each operator's state to both versions' operators by operator id,
and the verdict counts state the new version would drop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.models import Job
from tests.conftest import gql
from tests.helpers import envelope_ok
from tests.test_upgrade_verdict import flink_jobs
from tests.test_upgrades import COUNT, counting_job
from tests.test_versions import save, with_sql

pytestmark = pytest.mark.flink_lines  # each line's planner, stream graph and savepoint format

PREVIEW = """query($id: ID!, $to: Int) { upgradePreview(jobId: $id, toVersion: $to) {
  fromVersion toVersion verdict reasons restorePoint restorePointNote
  operators { name change stateful fromId toId }
  restoreState { operatorId name uid stateBytes keyed operatorState fromId toId carried }
} }"""


async def preview(client: httpx.AsyncClient, job_id: int, to: int | None = None) -> dict[str, Any]:
    answer = await gql(client, PREVIEW, {"id": str(job_id), "to": to})
    assert "errors" not in answer, answer
    found: dict[str, Any] = answer["data"]["upgradePreview"]
    return found


def aggregate_of(found: dict[str, Any]) -> dict[str, Any]:
    (agg,) = [o for o in found["operators"] if "GroupAggregate" in o["name"]]
    return agg


async def test_the_preview_reads_the_restore_points_state_and_names_what_would_be_dropped(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    body, counts, _, run = await counting_job(client, flink, pipeline)
    job_id = body.pop("id")
    savepoint = envelope_ok(await client.get(f"/jobs/savepoint/{job_id}"))
    await save(client, with_sql(body, counts, f"SELECT id, name FROM ({COUNT}) WHERE id > 0"), job_id)  # v2
    await save(client, with_sql(body, counts, "SELECT id, name FROM gen_t"), job_id)  # v3: no aggregate
    before = await flink_jobs(flink)

    compatible = await preview(client, job_id, 2)
    assert compatible["verdict"] == "COMPATIBLE", compatible["reasons"]
    assert compatible["restorePoint"] == savepoint["savepointPath"] or compatible["restorePoint"], compatible
    held = compatible["restoreState"]
    agg = aggregate_of(compatible)
    (state,) = [h for h in held if h["keyed"]]
    assert (state["fromId"], state["toId"], state["carried"]) == (agg["fromId"], agg["toId"], True), held
    assert "GroupAggregate" in state["name"] and int(state["stateBytes"]) > 0
    assert len(state["operatorId"]) == 32 and all(h["carried"] for h in held), held

    dropped = await preview(client, job_id, 3)
    assert dropped["verdict"] == "PARTIAL", dropped["reasons"]
    (gone,) = [h for h in dropped["restoreState"] if h["keyed"]]
    assert (gone["operatorId"], gone["toId"], gone["carried"]) == (state["operatorId"], None, False), gone
    assert any(gone["operatorId"] in r and "would be dropped" in r for r in dropped["reasons"]), dropped["reasons"]
    assert await flink_jobs(flink) == before, "previews started, stopped or changed no Flink job"
    assert (await client.post(f"/jobs/cancel/{job_id}")).json()["data"]["jobStatus"] == 2
    assert run["flinkJobId"]


async def test_a_missing_or_corrupt_restore_point_is_a_reason_not_an_error(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], tmp_path: Path
) -> None:
    from tests.test_flink_lifecycle import add_ds
    from tests.test_versions import job_body

    counts = await add_ds(client, "counts_t", "sink", "blackhole")
    missing = tmp_path / "no-such-savepoint"
    body = job_body(pipeline["cluster"], pipeline["source"], counts, COUNT, savepointPath=f"file://{missing}")
    job = await save(client, body)
    await save(client, with_sql(body, counts, f"SELECT id, name FROM ({COUNT}) WHERE id > 0"), job["id"])
    assert (await Job.get(id=job["id"])).savepoint_path == f"file://{missing}"

    found = await preview(client, job["id"])
    assert found["verdict"] == "COMPATIBLE" and found["restoreState"] == [], found
    assert found["restorePoint"] == f"file://{missing}"
    assert any("could not be read" in r and "no-such-savepoint" in r for r in found["reasons"]), found["reasons"]

    corrupt = tmp_path / "corrupt-savepoint"
    corrupt.mkdir()
    (corrupt / "_metadata").write_bytes(b"not a savepoint's metadata")
    await Job.filter(id=job["id"]).update(savepoint_path=f"file://{corrupt}")
    broken = await preview(client, job["id"])
    assert broken["verdict"] == "COMPATIBLE" and broken["restoreState"] == [], broken
    assert any("could not be read" in r for r in broken["reasons"]), broken["reasons"]
