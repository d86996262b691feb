"""Readiness and metrics (issue 13, 4): /ready checks the database and the migrations and lists each cluster's
reachability; /metrics is scraped in Prometheus' format with the figures the issue names."""

from __future__ import annotations

import asyncio

import httpx
from prometheus_client.parser import text_string_to_metric_families

from hlink.observability import Reachability
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.metrics import RECONCILE_SECONDS
from tests.conftest import gql
from tests.helpers import add_cluster, envelope_ok

OPEN = {"Authorization": ""}


async def reconcile_cycle(client: httpx.AsyncClient) -> None:
    """One cycle of the service's background loop (off in the tests' app): timed as the loop times it."""
    with RECONCILE_SECONDS.time():
        await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]  # probes and scrapers carry no token


async def test_ready_lists_database_migrations_and_clusters(client: httpx.AsyncClient) -> None:
    reachable_not = await add_cluster(client, "down", "http://127.0.0.1:9")
    answer = await client.get("/ready", headers=OPEN)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == "ready" and body["database"] == "ok" and body["migrations"] == "current", body
    assert body["clusters"] == [{"id": reachable_not, "name": "down", "reachable": False}]
    assert "127.0.0.1:9" not in answer.text, "no address"


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


async def scrape(client: httpx.AsyncClient) -> Samples:
    answer = await client.get("/metrics", headers=OPEN)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain"), answer.text[:200]
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(answer.text)
        for s in family.samples
    }


def run_counts(samples: Samples) -> dict[str, float]:
    """How many answers of /jobs/run each status counted (the metrics are the process's: other tests add to them)."""
    route = "/jobs/run/{jobId:int}"
    return {
        dict(labels)["status"]: value
        for (name, labels), value in samples.items()
        if name == "hlink_http_request_duration_seconds_count" and dict(labels).get("route") == route
    }


async def test_metrics_are_scraped_in_prometheus_format(client: httpx.AsyncClient) -> None:
    envelope_ok(await client.get("/jobs/list"))
    await gql(client, "{ jobs { totalCount } }")
    cluster = await add_cluster(client, "down", "http://127.0.0.1:9")
    job = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "m", "jobType": 1, "clusterId": cluster}))
    earlier = run_counts(await scrape(client))
    refused = await client.post(f"/jobs/run/{job['id']}")  # refused: nothing answers there
    await client.get("/ready", headers=OPEN)  # refreshes the job counts
    samples = await scrape(client)
    names = {name for name, _ in samples}
    assert (
        "hlink_http_request_duration_seconds_count",
        (("method", "GET"), ("route", "/jobs/list"), ("status", "200")),
    ) in samples
    # the refused run answered HTTP 200 with its code in the envelope: the metrics count the code
    code = str(refused.json()["code"])
    assert refused.status_code == 200 and code != "200", refused.text
    runs = run_counts(samples)
    assert runs.get("200", 0) == earlier.get("200", 0), (earlier, runs)
    assert runs[code] == earlier.get(code, 0) + 1, (earlier, runs)
    assert any(n == "hlink_graphql_operation_duration_seconds_count" for n in names)
    assert samples[("hlink_jobs", (("cluster", str(cluster)), ("state", "NONE")))] == 1
    assert samples.get(("hlink_submissions_total", (("outcome", "refused"),)), 0) >= 1
    assert samples.get(("hlink_flink_call_errors_total", (("kind", "unavailable"),)), 0) >= 1
    before = samples.get(("hlink_reconcile_cycle_duration_seconds_count", ()), 0)
    await reconcile_cycle(client)
    again = await scrape(client)
    assert again[("hlink_reconcile_cycle_duration_seconds_count", ())] == before + 1


async def test_ready_asks_each_cluster_at_most_once_per_interval(client: httpx.AsyncClient) -> None:
    asked: list[bytes] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        asked.append(await reader.readline())  # the request line; then a reply that is not Flink's
        writer.write(b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    try:
        await add_cluster(client, "counted", f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}")
        reachability: Reachability = client.app_state.reachability  # type: ignore[attr-defined]
        reachability.ttl = 1.0
        answers = await asyncio.gather(*(client.get("/ready", headers=OPEN) for _ in range(10)))
        assert all(a.json()["clusters"][0]["reachable"] is False for a in answers), answers[0].text
        assert len(asked) == 1, asked  # ten anonymous calls at once: one call to the cluster
        await client.get("/ready", headers=OPEN)
        assert len(asked) == 1, asked
        await asyncio.sleep(1.2)
        await client.get("/ready", headers=OPEN)
        assert len(asked) == 2 and asked[1].startswith(b"GET /"), asked  # asked again once the answer aged
    finally:
        server.close()
        await server.wait_closed()
