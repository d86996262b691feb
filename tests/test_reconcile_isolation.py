"""Nothing slow holds up the reconcile cycle (issue 18, item 4): alert delivery, operation follow-ups and
savepoint disposal run in side tasks of their own (services/background.py). Tested with the service's own loop
against a real Flink cluster and a real local HTTP receiver that accepts connections and never answers."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.models import AlertIncident, Job
from hlink.models.status import RUNNING
from hlink.runtime import Runtime
from hlink.services.jobs.reconciler import reconcile_forever
from tests.conftest import gql
from tests.helpers import add_cluster, envelope_ok
from tests.test_flink_lifecycle import blackhole_job, flink_state

#: the loop's interval in this test
INTERVAL = 0.5


@pytest.fixture
async def silent_receiver() -> AsyncIterator[tuple[str, asyncio.Event]]:
    """A real HTTP server on the loopback that accepts every connection, reads nothing and never answers; the
    event is set once a connection came (a delivery is under way)."""
    connected = asyncio.Event()
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        connected.set()
        await reader.read()  # until the client gives up

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/hook", connected
    finally:
        server.close()
        for writer in held:
            writer.close()
        await server.wait_closed()


async def test_a_silent_alert_receiver_holds_up_no_other_clusters_status(
    client: httpx.AsyncClient,
    flink: LocalFlink,
    pipeline: dict[str, Any],
    silent_receiver: tuple[str, asyncio.Event],
) -> None:
    url, delivering = silent_receiver
    made = await gql(
        client,
        """mutation($u: String!) { createAlertChannel(name: "silent", kind: WEBHOOK, url: $u) { channel { id } } }""",
        {"u": url},
    )
    channel = made["data"]["createAlertChannel"]["channel"]["id"]
    rule = await gql(
        client,
        """mutation($c: ID!) { createAlertRule(name: "all", channelId: $c) { rule { id } error { __typename } } }""",
        {"c": channel},
    )
    assert rule["data"]["createAlertRule"]["error"] is None, rule
    job = await blackhole_job(client, pipeline, "followed", "hole_followed")  # on the pipeline's cluster
    jid = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))["flinkJobId"]
    await flink_state(flink, jid, "RUNNING")
    # another cluster (the same Flink under another name) with a job Flink does not know: it reads LOST at the
    # first cycle, and its incident's notification goes to the receiver that never answers
    other = await add_cluster(client, "elsewhere", flink.url.replace("127.0.0.1", "localhost"))
    lost = await Job.create(
        job_name="lost", cluster_id=other, job_status=RUNNING, flink_state="RUNNING", flink_job_id="f" * 32
    )
    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    loop = asyncio.create_task(reconcile_forever(runtime, INTERVAL))
    try:
        await asyncio.wait_for(delivering.wait(), 30)  # the notification of the lost job is stuck in delivery
        assert await AlertIncident.filter(job_id=lost.id).exists()
        async with httpx.AsyncClient(base_url=flink.url) as http:  # the followed job fails on Flink's side
            assert (await http.patch(f"/jobs/{jid}", params={"mode": "cancel"})).status_code == 202
        await flink_state(flink, jid, "CANCELED")
        started = asyncio.get_running_loop().time()
        while (stored := await Job.get(id=job["id"])).flink_state != "CANCELED":
            assert asyncio.get_running_loop().time() - started < 4 * INTERVAL + 2, (
                f"the job's status did not follow within a cycle or two: {stored.flink_state}"
            )
            await asyncio.sleep(0.1)
        assert runtime.side.running("alerts"), "the delivery to the silent receiver is still under way, beside"
    finally:
        loop.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await loop
        await runtime.side.close()
