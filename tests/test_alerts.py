"""Alerts (issue 13, 6) against a real local HTTP receiver: a job that fails, is lost, or stays UNKNOWN too long
notifies once per incident, and once more when it recovers; deliveries are retried; DingTalk, WeCom and Slack
get their own bodies; receivers must be allowed by configuration."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest

from hlink.models import AlertIncident, Job
from hlink.services.alerts import incidents
from hlink.services.allowlist import AllowList
from hlink.services.jobs.states import now
from tests.conftest import gql
from tests.helpers import add_cluster, envelope_ok


@dataclass
class Receiver:
    """An HTTP server of the test's own that records every POST and can fail the first few."""

    failures: int = 0
    received: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
        )
        body = json.loads(await reader.readexactly(length))
        if self.failures > 0:
            self.failures -= 1
            writer.write(b"HTTP/1.1 503 Busy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        else:
            self.received.append(body)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        await writer.drain()
        writer.close()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    got = Receiver()
    server = await asyncio.start_server(got.handle, "127.0.0.1", 0)
    got.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/hook"
    try:
        yield got
    finally:
        server.close()
        await server.wait_closed()


async def _channel(client: httpx.AsyncClient, kind: str, url: str) -> dict[str, Any]:
    mutation = """mutation($k: ChannelKind!, $u: String!) { createAlertChannel(name: "ops", kind: $k, url: $u) {
      channel { id host kind } error { __typename ... on ValidationError { fields { field message } } } } }"""
    return dict((await gql(client, mutation, {"k": kind, "u": url}))["data"]["createAlertChannel"])


async def _rule(client: httpx.AsyncClient, channel: str, unknown_after: int = 0) -> str:
    mutation = """mutation($c: ID!, $u: Int!) { createAlertRule(name: "jobs", channelId: $c, unknownAfter: $u) {
      rule { id } error { __typename } } }"""
    made = (await gql(client, mutation, {"c": channel, "u": unknown_after}))["data"]["createAlertRule"]
    assert made["error"] is None, made
    return str(made["rule"]["id"])


async def _job(client: httpx.AsyncClient) -> int:
    cluster = await add_cluster(client, "c", "http://127.0.0.1:9")
    job = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "fraud", "jobType": 1, "clusterId": cluster}))
    return int(job["id"])


async def _evaluate(job_id: int) -> None:
    """What the cycle of the replica holding the job's cluster does about alerts, given the job's row as the cycle
    holds it (the rules reviewed over its rows), and then the delivery pass beside the cycle."""
    job = await Job.get(id=job_id)
    watch = await incidents.Watch.start()
    await watch.review([job], {int(job.cluster_id or 0)})
    await incidents.notify(AllowList())  # loopback: where the tests' receivers listen


async def test_once_per_incident_and_once_resolved_with_retries(client: httpx.AsyncClient, receiver: Receiver) -> None:
    channel = await _channel(client, "WEBHOOK", receiver.url)
    assert channel["error"] is None and channel["channel"]["host"] == "127.0.0.1", channel
    await _rule(client, channel["channel"]["id"])
    job = await _job(client)
    await _evaluate(job)
    assert receiver.received == [], "a job that never ran raises nothing"

    receiver.failures = 2  # the receiver is busy twice: the delivery is retried
    await Job.filter(id=job).update(job_status=3, flink_state="FAILED")
    for _ in range(3):
        await _evaluate(job)
    assert len(receiver.received) == 1, receiver.received
    fired = receiver.received[0]
    assert fired["status"] == "firing" and fired["kind"] == "failed" and fired["job"]["id"] == job, fired
    assert "job " + str(job) + " (fraud) failed" in fired["text"]

    await Job.filter(id=job).update(job_status=1, flink_state="RUNNING")
    for _ in range(3):
        await _evaluate(job)
    assert [r["status"] for r in receiver.received] == ["firing", "resolved"], receiver.received

    await Job.filter(id=job).update(job_status=3, flink_state="LOST")  # lost: a new incident
    await _evaluate(job)
    assert receiver.received[-1]["kind"] == "lost" and len(receiver.received) == 3
    shown = await gql(client, "{ alertIncidents { kind notified resolvedAt } }")
    assert [(i["kind"], i["notified"]) for i in shown["data"]["alertIncidents"]] == [
        ("lost", "opened"),
        ("failed", "resolved"),
    ]


async def test_unknown_for_too_long_and_the_chat_robots_bodies(client: httpx.AsyncClient, receiver: Receiver) -> None:
    for kind in ("DINGTALK", "WECOM", "SLACK"):
        channel = (await _channel(client, kind, receiver.url))["channel"]
        await _rule(client, channel["id"], unknown_after=60)
    job = await _job(client)
    await Job.filter(id=job).update(job_status=1, flink_state="UNKNOWN", status_time=now() - timedelta(seconds=30))
    await _evaluate(job)
    assert receiver.received == [], "not UNKNOWN long enough yet"
    await Job.filter(id=job).update(status_time=now() - timedelta(seconds=90))
    await _evaluate(job)
    bodies = receiver.received
    assert len(bodies) == 3 and sum(1 for b in bodies if b.get("msgtype") == "text") == 2, bodies
    texts = [str(b["text"]) if isinstance(b["text"], str) else str(b["text"]["content"]) for b in bodies]
    assert all("reads UNKNOWN" in text for text in texts), texts
    assert await AlertIncident.filter(kind="unknown").count() == 3


async def test_a_receiver_must_be_allowed(client: httpx.AsyncClient) -> None:
    refused = await _channel(client, "SLACK", "https://hooks.slack.com/services/T000/B000/secret")
    assert refused["error"]["__typename"] == "ValidationError", refused
    assert "HLINK_ALERT_ALLOW" in refused["error"]["fields"][0]["message"]
