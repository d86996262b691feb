"""Cluster addresses (issue 12): only hosts configuration allows (loopback by default, HLINK_CLUSTER_ALLOW adds
names and networks), never changed under running jobs, and a reply from something that is not Flink is not
echoed back. The list is each app's own (issue 19: settings passed explicitly, never a module global)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.app import create_app
from hlink.flink.client import FlinkClient
from hlink.flink.errors import FlinkRejected, FlinkUnavailable
from hlink.models import Cluster, Job
from hlink.services import allowlist
from hlink.services.clusters.clients import FlinkClients
from tests.helpers import AUTH, add_cluster, app_settings, envelope_fail, envelope_ok

WIDER = "10.0.0.0/8,*.flink.internal,flink-jm"


@pytest.fixture
async def wider(database_url: str, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app of its own, in this process beside the session's, that allows :data:`WIDER` too."""
    app = create_app(app_settings(database_url, tmp_path, HLINK_CLUSTER_ALLOW=WIDER), manage_database=False)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://hlink.test", headers=AUTH) as http:
            yield http
    finally:
        await app.state.runtime.close()


async def _add(client: httpx.AsyncClient, address: str) -> httpx.Response:
    return await client.post("/cluster/add", params={"name": address, "address": address, "type": 1})


async def test_only_loopback_is_a_cluster_by_default(client: httpx.AsyncClient) -> None:
    for address in ("http://127.0.0.1:8081", "http://localhost:8081", "http://[::1]:8081"):
        envelope_ok(await _add(client, address))
    for address in ("http://10.0.0.5:8081", "http://169.254.169.254/", "http://flink.example:8081"):
        refused = envelope_fail(await _add(client, address), 400)
        assert "HLINK_CLUSTER_ALLOW" in refused["data"]["fields"]["address"], refused
    assert await Cluster.all().count() == 3


async def test_the_configured_names_and_networks_are_allowed(
    client: httpx.AsyncClient, wider: httpx.AsyncClient
) -> None:
    for address in ("http://10.20.3.4:8081", "http://jm.flink.internal:8081", "http://flink-jm:8081"):
        envelope_ok(await _add(wider, address))
        # the app beside it, in the same process, keeps its own list: loopback only
        refused = envelope_fail(await _add(client, address), 400)
        assert "is not an allowed cluster host" in refused["data"]["fields"]["address"], refused
    for address in ("http://11.0.0.1:8081", "http://flink.internal.evil.example:8081", "http://flink-jm2:8081"):
        envelope_fail(await _add(wider, address), 400)
    with pytest.raises(ValueError, match="neither a CIDR"):
        allowlist.AllowList.parse(["bad host!"])


async def test_nothing_is_sent_to_an_address_no_longer_allowed() -> None:
    clients = FlinkClients(runner_jar=None, bundles=None)  # type: ignore[arg-type]
    try:
        started = asyncio.get_running_loop().time()
        with pytest.raises(FlinkUnavailable) as refused:
            await clients.client("http://10.9.9.9:8081").overview()
        assert "HLINK_CLUSTER_ALLOW" in refused.value.message and not refused.value.maybe_sent
        assert asyncio.get_running_loop().time() - started < 0.5, "refused at once, no connection tried"
    finally:
        await clients.close()


async def test_an_address_cannot_change_under_running_jobs(client: httpx.AsyncClient) -> None:
    cluster = await add_cluster(client)
    job = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "j", "jobType": 1, "clusterId": cluster}))
    await Job.filter(id=job["id"]).update(job_status=1, flink_state="RUNNING")
    moved = await client.put("/cluster/update", params={"id": cluster, "address": "http://127.0.0.2:8081"})
    assert envelope_fail(moved, 409)["msg"].startswith(f"cluster {cluster} runs 1 job(s)")
    renamed = await client.put("/cluster/update", params={"id": cluster, "name": "renamed"})
    assert envelope_ok(renamed)["name"] == "renamed", "other fields may change"
    assert (await Cluster.get(id=cluster)).address == "http://127.0.0.1:8081"
    await Job.filter(id=job["id"]).update(job_status=2, flink_state="CANCELED")
    envelope_ok(await client.put("/cluster/update", params={"id": cluster, "address": "http://127.0.0.2:8081"}))


async def test_a_reply_from_something_that_is_not_flink_is_not_echoed() -> None:
    async def not_flink(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        body = b"<html>internal admin console: password=hunter2</html>"
        writer.write(b"HTTP/1.1 500 Oops\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(not_flink, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with FlinkClient(f"http://127.0.0.1:{port}") as flink:
            with pytest.raises(FlinkRejected) as answered:
                await flink.overview()
        message: Any = answered.value.message
        assert "hunter2" not in message and "html" not in message and "answered 500" in message, message
    finally:
        server.close()
        await server.wait_closed()


def test_names_with_odd_characters_are_never_allowed() -> None:
    allowed = allowlist.AllowList.parse(["*.flink.internal"])
    assert allowed.allows("http://jm.flink.internal:8081")
    for address in ("http://evil.com\\.flink.internal:8081", "http://evil.com;.flink.internal:8081"):
        assert not allowed.allows(address), address
