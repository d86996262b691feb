"""Highly available clusters without Flink (issue 23): several addresses on both faces, each allowed by the
allow-list; a client that moves on from a job manager refusing connections or electing a leader, and never
sends a request that may have arrived to another; a job an HA cluster does not list is UNKNOWN for the
recovery window, then LOST (at once without HA). The failover itself is tests/test_ha_failover.py, on Flink."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from hlink.flink.client import FlinkClient, RunRequest
from hlink.flink.errors import FlinkUnavailable
from hlink.models import Cluster, Job, JobRun
from hlink.models.status import FAILED, RUNNING
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.states import now
from tests.conftest import gql
from tests.helpers import envelope_fail, envelope_ok

A, B, C = "http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3"
CREATE = """mutation($input: ClusterInput!) { createCluster(input: $input) {
  cluster { address addresses haType } error { __typename ... on ValidationError { fields { field message } } } } }"""


async def test_a_cluster_lists_every_job_manager_on_both_faces(client: httpx.AsyncClient) -> None:
    params = {"name": "ha", "address": A, "addresses": f"{A}, {B}/", "type": "1", "haType": "zookeeper"}
    added = envelope_ok(await client.post("/cluster/add", params=params))
    assert (added["address"], added["addresses"], added["haType"]) == (A, [A, B], "ZOOKEEPER")
    plain = envelope_ok(await client.post("/cluster/add", params={"name": "one", "address": C, "type": "1"}))
    assert (plain["addresses"], plain["haType"]) == (None, "NONE"), "the original's form: one address, no HA"
    # standbys may change under running jobs; the first address not
    await Job.create(job_name="j", cluster_id=added["id"], job_status=RUNNING, flink_state="RUNNING")
    changed = envelope_ok(await client.put("/cluster/update", params={"id": added["id"], "addresses": f"{A},{C}"}))
    assert changed["addresses"] == [A, C]
    envelope_fail(await client.put("/cluster/update", params={"id": added["id"], "addresses": f"{B},{C}"}), 409)
    alone = envelope_ok(await client.put("/cluster/update", params={"id": added["id"], "addresses": A}))
    assert (alone["address"], alone["addresses"]) == (A, None), "no standbys: one job manager again"

    made = await gql(client, CREATE, {"input": {"name": "g", "addresses": [B, C], "haType": "KUBERNETES"}})
    assert made["data"]["createCluster"]["cluster"] == {"address": B, "addresses": [B, C], "haType": "KUBERNETES"}


async def test_every_address_must_be_allowed(client: httpx.AsyncClient) -> None:
    params = {"name": "x", "address": A, "addresses": f"{A},http://10.1.2.3:8081", "type": "1"}
    refused = envelope_fail(await client.post("/cluster/add", params=params), 400)
    assert "HLINK_CLUSTER_ALLOW" in refused["data"]["fields"]["addresses"], refused
    bad_kind = envelope_fail(await client.post("/cluster/add", params={**params, "addresses": B, "haType": "X"}), 400)
    assert "haType" in bad_kind["data"]["fields"], bad_kind
    made = await gql(client, CREATE, {"input": {"name": "g", "addresses": [A, "http://169.254.169.254/"]}})
    fields = made["data"]["createCluster"]["error"]["fields"]
    assert [f["field"] for f in fields] == ["addresses"] and "HLINK_CLUSTER_ALLOW" in fields[0]["message"]
    assert not await Cluster.exists()


async def test_the_client_moves_on_from_a_refused_or_electing_job_manager() -> None:
    asked: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        port = request.url.port or 0
        asked.append(port)
        if port == 1:
            raise httpx.ConnectError("refused")
        if port == 2:
            return httpx.Response(
                503, json={"errors": ["Service temporarily unavailable due to an ongoing leader election"]}
            )
        return httpx.Response(200, json={"taskmanagers": 1})

    async with FlinkClient(f"{A},{B},{C}", transport=httpx.MockTransport(answer)) as flink:
        assert (await flink.overview())["taskmanagers"] == 1
        assert flink.address == C and asked == [1, 2, 3]
        await flink.overview()
        assert asked == [1, 2, 3, 3], "the job manager that answered is asked first next time"


async def test_a_request_that_may_have_arrived_is_never_sent_to_another_job_manager() -> None:
    asked: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.port or 0)
        raise httpx.ReadTimeout("no answer")

    async with FlinkClient(f"{A},{B}", transport=httpx.MockTransport(answer)) as flink:
        with pytest.raises(FlinkUnavailable) as raised:
            await flink.run("x.jar", RunRequest(entry_class="E"))
    assert raised.value.maybe_sent and asked == [1]


async def _job_on(ha_type: str, jid: str) -> Job:
    cluster = await Cluster.create(name=ha_type, address=A, addresses=[A, B], ha_type=ha_type)
    job = await Job.create(
        job_name=ha_type, cluster_id=cluster.id, job_status=RUNNING, flink_state="RUNNING", flink_job_id=jid
    )
    await JobRun.create(job_id=job.id, pipeline_name=ha_type, flink_job_id=jid, start_time=now())
    return job


async def test_a_job_an_ha_cluster_does_not_list_is_unknown_until_the_recovery_window_ends(
    client: httpx.AsyncClient,
) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]

    def listing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"jobs": []})  # a new leader that has not listed its recovered jobs yet

    ha = await _job_on("ZOOKEEPER", "a" * 32)
    plain = await _job_on("NONE", "b" * 32)
    for job in (ha, plain):
        cluster = await Cluster.get(id=job.cluster_id)
        runtime.flink._clients[cluster.endpoint] = FlinkClient(cluster.endpoint, transport=httpx.MockTransport(listing))
    runtime.ha_recovery = 60.0
    await reconcile_once(runtime)
    seen = await Job.get(id=ha.id)
    assert (seen.job_status, seen.flink_state, seen.flink_job_id) == (RUNNING, "UNKNOWN", "a" * 32)
    assert (await JobRun.get(job_id=ha.id)).end_time is None
    lost = await Job.get(id=plain.id)
    assert (lost.job_status, lost.flink_state) == (FAILED, "LOST"), "without HA a job not listed is lost at once"

    # the window is over (the cluster answered and Flink last confirmed the job longer ago): lost as today
    runtime.answering_since[ha.cluster_id] -= 120
    await Job.filter(id=ha.id).update(status_time=now() - timedelta(seconds=120))
    await reconcile_once(runtime)
    seen = await Job.get(id=ha.id)
    assert (seen.job_status, seen.flink_state) == (FAILED, "LOST")
    assert (await JobRun.get(job_id=ha.id)).final_state == "LOST"
