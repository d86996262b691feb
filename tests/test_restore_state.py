"""The state in the restore point (issue 20 item 3): ``upgradePreview`` reads the savepoint's metadata through
the SQL runner (no Flink job starts), matches each operator's state to both versions' operators by operator id,
and the verdict counts state the new version would drop."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.models import Job, JobVersion
from hlink.services.jobs import heldstate
from hlink.services.jobs.heldstate import RestoreState
from hlink.services.jobs.preview import with_state
from hlink.services.jobs.verdict import ALL_CARRIED, Judgement, Verdict
from tests.conftest import gql
from tests.helpers import envelope_ok
from tests.test_upgrades import COUNT, counting_job
from tests.test_versions import flink_jobs, save, with_sql

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
    assert isinstance(agg, dict)
    return agg


async def test_the_preview_reads_the_restore_points_state_and_names_what_would_be_dropped(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    body, counts, _, run = await counting_job(client, flink, pipeline)  # checkpointed each second
    job_id = body.pop("id")
    await save(client, with_sql(body, counts, f"SELECT id, name FROM ({COUNT}) WHERE id > 0"), job_id)  # v2
    before = await flink_jobs(flink)

    # no savepoint kept yet: the running Flink job's newest completed checkpoint holds its operators
    for _ in range(60):
        early = await preview(client, job_id, 2)
        if early["restorePoint"]:
            break
        await asyncio.sleep(0.5)
    assert early["restorePointNote"].startswith("checkpoint "), early
    keyed = [(h["fromId"], h["toId"], h["carried"]) for h in early["restoreState"] if h["keyed"]]
    assert keyed == [(4, 4, True)], early

    savepoint = envelope_ok(await client.get(f"/jobs/savepoint/{job_id}"))
    await save(client, with_sql(body, counts, "SELECT id, name FROM gen_t"), job_id)  # v3: no aggregate

    compatible = await preview(client, job_id, 2)
    assert compatible["verdict"] == "COMPATIBLE", compatible["reasons"]
    assert compatible["restorePointNote"].startswith("savepoint "), compatible
    assert compatible["restorePoint"].rstrip("/").endswith(savepoint["savepointPath"].rstrip("/").rsplit("/", 1)[-1])
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
    assert run["flinkJobId"] in {j for j, _, _ in before}


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


def test_state_counts_as_dropped_only_once_matched_to_the_new_versions_job() -> None:
    plan = json.dumps({"nodes": [{"id": 4, "type": "stream-exec-group-aggregate_1", "description": "Agg"}]})
    old, new = (cast(JobVersion, SimpleNamespace(number=n, plan=plan)) for n in (1, 2))
    held = {"operators": [{"operatorId": "aa", "stateBytes": 10, "keyed": True}, {"operatorId": "bb"}]}
    mapped = {"nodes": [{"operatorId": "aa", "uid": "4_group-aggregate"}]}

    def judged(answer: dict[str, Any], from_script: bool = False) -> tuple[Judgement, RestoreState]:
        found = RestoreState("file:/sp", "a savepoint", from_script=from_script)
        if from_script:
            found.problems.append("written by a run of the script")
        found = heldstate._matched(found, answer, old, new)
        judgement = Judgement(Verdict.COMPATIBLE, [ALL_CARRIED])
        with_state(judgement, found, 2)
        return judgement, found

    kept, found = judged({"plans": [mapped, mapped], "savepoint": held})
    assert kept.verdict is Verdict.COMPATIBLE and kept.reasons == [ALL_CARRIED], kept.reasons
    assert [(h.operator_id, h.name, h.from_id, h.to_id, h.carried) for h in found.held] == [("aa", "Agg", 4, 4, True)]

    gone, _ = judged({"plans": [mapped, {"nodes": []}], "savepoint": held})
    assert gone.verdict is Verdict.PARTIAL and ALL_CARRIED not in gone.reasons
    assert any("operator id aa" in r and "dropped" in r for r in gone.reasons), gone.reasons

    # the new plan did not translate: nothing is known to be dropped, and the reason says why
    unknown, _ = judged({"plans": [mapped, {"error": "java.lang.NoSuchMethodException: x"}], "savepoint": held})
    assert unknown.verdict is Verdict.COMPATIBLE and any("could not be translated" in r for r in unknown.reasons)

    # state a script run wrote: its ids are the topology's, not matched to the plans
    scripted, _ = judged({"plans": [mapped, {"nodes": []}], "savepoint": held}, from_script=True)
    assert scripted.verdict is Verdict.COMPATIBLE and any("script" in r for r in scripted.reasons)

    unread, _ = judged({"plans": [mapped, mapped], "savepoint": {"error": "java.io.IOException: bad"}})
    assert unread.verdict is Verdict.COMPATIBLE and any("could not be read" in r for r in unread.reasons)
