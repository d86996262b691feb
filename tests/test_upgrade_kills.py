"""hlink killed with SIGKILL at each step of an upgrade (tests/killer.py: once STOPPING, SUBMITTING or OBSERVING
is written, before the call it leads to): a plain `hlink serve` started on the same database resumes the upgrade
to one outcome (STABLE) with exactly one running Flink job of the job, the new version's, and one run per Flink
job. Real processes on a real Flink cluster; the bookkeeping does not depend on the Flink line (the first)."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from tests.conftest import empty_database
from tests.helpers import AUTH, envelope_ok
from tests.killer import UPGRADE_POINTS
from tests.test_submission_kills import SETTLED_WITHIN, Story, replica, until

UPGRADE = """mutation($id: ID!) { upgradeJob(id: $id, stableSeconds: 1) {
  upgrade { id status } error { __typename } } }"""
UPGRADES = """query($id: ID!) { job(id: $id) { runningVersion { number }
  upgrades { id status fromVersion toVersion reason flinkJobId } } }"""


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("upgrade-kills") / "data"


async def _gql(http: httpx.AsyncClient, base: str, query: str, job_id: int) -> dict[str, Any]:
    answer = await http.post(f"{base}/graphql", json={"query": query, "variables": {"id": str(job_id)}})
    body: dict[str, Any] = answer.json()
    assert answer.status_code == 200 and not body.get("errors"), body
    return body


@pytest.mark.parametrize("point", UPGRADE_POINTS)
async def test_an_upgrade_killed_at_each_step_is_resumed_to_one_outcome(
    flink: LocalFlink, point: str, request: pytest.FixtureRequest, tmp_path: Path, data: Path
) -> None:
    url = await empty_database("sqlite", request, tmp_path, "hlink_kill_upgrade")
    async with httpx.AsyncClient(timeout=90, headers=AUTH) as http:
        story = Story(http, flink, f"upgraded {point}")
        try:
            async with replica(url, data) as (_, base):
                await story.create(base)
                first = envelope_ok(await http.post(f"{base}/jobs/run/{story.job_id}"))["flinkJobId"]
                await story.running(base, first)
                saved = envelope_ok(await http.get(f"{base}/jobs/{story.job_id}"))
                edit = {**saved, "jobDsVOS": saved["jobDsVOS"]}
                sink = next(m for m in edit["jobDsVOS"] if m["dsType"] == "sink")
                sink["runSql"] = sink["runSql"] + " WHERE id > 0"  # a filter: compatible
                envelope_ok(await http.post(f"{base}/jobs/updateDO", json=edit))
            async with replica(url, data, point) as (killer, base):
                try:
                    answer = await http.post(
                        f"{base}/graphql", json={"query": UPGRADE, "variables": {"id": str(story.job_id)}}
                    )
                except (httpx.RemoteProtocolError, httpx.ReadError):
                    pass  # the connection dropped with the process
                else:
                    pytest.fail(f"the killer replica answered: {answer.status_code} {answer.text}")
                assert await asyncio.wait_for(killer.wait(), 90) == -signal.SIGKILL
            async with replica(url, data) as (_, base):  # the next replica's reconciler resumes the upgrade

                async def settled() -> dict[str, Any] | None:
                    found = (await _gql(http, base, UPGRADES, story.job_id))["data"]["job"]
                    return (
                        found
                        if found["upgrades"] and found["upgrades"][0]["status"] in ("STABLE", "FAILED", "ROLLED_BACK")
                        else None
                    )

                job = await until(settled, SETTLED_WITHIN + 90, f"the upgrade killed at {point} ends")
                (upgrade,) = job["upgrades"]
                assert (upgrade["status"], upgrade["fromVersion"], upgrade["toVersion"]) == ("STABLE", 1, 2), upgrade
                assert job["runningVersion"] == {"number": 2}
                live = [jid for jid, j in (await story.flink_jobs()).items() if j["state"] == "RUNNING"]
                assert live == [upgrade["flinkJobId"]], (live, upgrade)
                await story.cancel(base)
                await story.one_flink_job_per_run(base, 2)  # the first run and the upgrade's
        finally:
            await story.leave_flink_clean()
