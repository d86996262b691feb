"""Benchmark: the GraphQL jobs page against REST /jobs/list and a hand-written Starlette endpoint.

Loads 1,000 jobs (10 clusters, 50 datasources with nested columns, 2 mappings per job) into a fresh SQLite
database, then measures, in one run and side by side, requests/s, p50 and p99 of:
  - GraphQL: 100 jobs with nested cluster, datasources and columns (with children);
  - REST /jobs/list?pageSize=100 (the document's flat job page);
  - a hand-written Starlette endpoint that reads the same rows as the GraphQL query with raw ORM calls;
and the SQL statements per GraphQL request. Run: .venv/bin/python -m bench.api_pages [--requests N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from tortoise import connections

from hlink import database
from hlink.app import create_app
from hlink.config import load_settings
from hlink.models import Cluster, Column, Datasource, Job, JobDatasource
from hlink.schema.enums import JobStatus
from hlink.services.access.accounts import bootstrap_admin

QUERY = """{ jobs(limit: 100) { totalCount items { id jobName jobStatus cluster { id name address }
  mappings { role runSql datasource { id tableName tableType
    columns { name flinkType children { name flinkType } } } } } } }"""


async def load(jobs: int = 1000) -> None:
    clusters = [await Cluster.create(name=f"cluster-{i}", address=f"http://127.0.0.1:{8081 + i}") for i in range(10)]
    sources = []
    for i in range(50):
        ds = await Datasource.create(
            ds_name=f"ds {i}",
            ds_type="source" if i % 2 == 0 else "sink",
            table_name=f"t{i}",
            table_key=f"t{i}",
            table_type="datagen" if i % 2 == 0 else "print",
        )
        cols = [
            Column(
                datasource_id=ds.id,
                virtual_id=f"{i}-{k}",
                virtual_pid="0",
                level=1,
                name=f"c{k}",
                flink_type="BIGINT",
                sort=k,
            )
            for k in range(4)
        ]
        cols.append(
            Column(
                datasource_id=ds.id,
                virtual_id=f"{i}-r",
                virtual_pid="0",
                level=1,
                name="r",
                flink_type="ROW<a STRING, b INT>",
                sort=4,
            )
        )
        cols += [
            Column(
                datasource_id=ds.id,
                virtual_id=f"{i}-r{n}",
                virtual_pid=f"{i}-r",
                level=2,
                name=n,
                flink_type="STRING",
                sort=5,
            )
            for n in ("a", "b")
        ]
        await Column.bulk_create(cols)
        sources.append(ds)
    rows = [Job(job_name=f"job-{i}", cluster_id=clusters[i % 10].id, parallelism=1) for i in range(jobs)]
    await Job.bulk_create(rows)
    mappings = []
    for n, job in enumerate(await Job.all()):
        src, sink = sources[(2 * n) % 50], sources[(2 * n + 1) % 50]
        mappings.append(JobDatasource(job_id=job.id, datasource_id=src.id, ds_type="source", sort=0))
        mappings.append(
            JobDatasource(
                job_id=job.id,
                datasource_id=sink.id,
                ds_type="sink",
                sort=1,
                run_sql=f"INSERT INTO {sink.table_name} SELECT * FROM {src.table_name}",
            )
        )
    await JobDatasource.bulk_create(mappings)


async def handwritten(request: Request) -> JSONResponse:
    """The same rows as the GraphQL query, read with plain ORM calls and shaped by hand."""
    total = await Job.all().count()
    jobs = await Job.all().order_by("-id").limit(100)
    clusters = {c.id: c for c in await Cluster.filter(id__in={j.cluster_id for j in jobs})}
    maps = await JobDatasource.filter(job_id__in=[j.id for j in jobs]).order_by("sort", "id")
    ds = {d.id: d for d in await Datasource.filter(id__in={m.datasource_id for m in maps})}
    cols: dict[int, list[Column]] = {}
    for c in await Column.filter(datasource_id__in=list(ds)).order_by("sort", "id"):
        cols.setdefault(c.datasource_id, []).append(c)

    def columns(ds_id: int) -> list[dict[str, Any]]:
        every = cols.get(ds_id, [])

        def children(c: Column) -> list[dict[str, Any]]:
            return [{"name": k.name, "flinkType": k.flink_type} for k in every if k.virtual_pid == c.virtual_id]

        return [
            {"name": c.name, "flinkType": c.flink_type, "children": children(c)} for c in every if c.virtual_pid == "0"
        ]

    items = []
    for j in jobs:
        cluster = clusters.get(j.cluster_id or 0)
        items.append(
            {
                "id": j.id,
                "jobName": j.job_name,
                "jobStatus": JobStatus(j.job_status).name,  # as GraphQL answers it
                "cluster": {"id": cluster.id, "name": cluster.name, "address": cluster.address} if cluster else None,
                "mappings": [
                    {
                        "role": m.ds_type,
                        "runSql": m.run_sql,
                        "datasource": {
                            "id": m.datasource_id,
                            "tableName": ds[m.datasource_id].table_name,
                            "tableType": ds[m.datasource_id].table_type,
                            "columns": columns(m.datasource_id),
                        },
                    }
                    for m in maps
                    if m.job_id == j.id
                ],
            }
        )
    return JSONResponse({"totalCount": total, "items": items})


async def measure_turns(targets: list[tuple[httpx.AsyncClient, str, str, dict[str, Any]]], n: int) -> list[list[float]]:
    """Each target's request times, taken in turns (one request of each per round, after a warm-up), so that
    whatever else the machine does weighs on every target alike. A time is the process's CPU time for the
    request (the app runs in this process): what the request costs, whatever else runs on the machine. Before
    each request the garbage of the ones before is collected, untimed: a collection of the older generations
    costs whichever request happens to trigger it (tens of milliseconds), which would charge one target for
    another's garbage; what a request's own allocations cost while it runs is still timed."""
    for client, method, url, kw in targets:
        await client.request(method, url, **kw)  # warm-up
    times: list[list[float]] = [[] for _ in targets]
    for _ in range(n):
        for i, (client, method, url, kw) in enumerate(targets):
            gc.collect()
            t0 = time.process_time()
            r = await client.request(method, url, **kw)
            times[i].append(time.process_time() - t0)
            assert r.status_code == 200, r.text[:300]
    return times


def summary(name: str, times: list[float]) -> tuple[str, float, float]:
    rps = len(times) / sum(times)
    p50 = statistics.median(times) * 1000
    p99 = statistics.quantiles(times, n=100)[98] * 1000
    print(f"{name:<38} {rps:>8.1f} req/s   p50 {p50:>7.2f} ms   p99 {p99:>7.2f} ms")
    return name, rps, p50


async def main(n: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="hlink-bench-"))
    url = f"sqlite://{folder / 'bench.sqlite3'}"
    await database.migrate(url)
    await database.connect(url)
    print("loading 1,000 jobs, 10 clusters, 50 datasources with nested columns ...", flush=True)
    await load()
    token = await bootstrap_admin() or ""  # the bench acts as the first admin, as a deployment's frontend would
    app = create_app(
        load_settings(
            {"HLINK_DATABASE_URL": url, "HLINK_STORAGE_DIR": str(folder / "s"), "HLINK_DATA_DIR": str(folder)}
        ),
        manage_database=False,
    )
    raw = Starlette(routes=[Route("/raw", handwritten)])
    async with (
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://b", headers={"Authorization": f"Bearer {token}"}
        ) as c,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=raw), base_url="http://b") as r,
    ):
        gql_answer = (await c.post("/graphql", json={"query": QUERY})).json()
        assert "errors" not in gql_answer and len(gql_answer["data"]["jobs"]["items"]) == 100
        statements = count_statements()
        await c.post("/graphql", json={"query": QUERY})
        per_request = statements()
        graphql, rest, raw_times = await measure_turns(
            [
                (c, "POST", "/graphql", {"json": {"query": QUERY}}),
                (c, "GET", "/jobs/list?pageSize=100", {}),
                (r, "GET", "/raw", {}),
            ],
            n,
        )
        print("CPU time per request (requests/s of one core), taken in turns:")
        results = [
            summary("GraphQL jobs page (100, nested)", graphql),
            summary("REST /jobs/list (100, flat)", rest),
            summary("hand-written Starlette (100, nested)", raw_times),
        ]
    _, base, base_p50 = results[2]
    print(f"\nSQL statements per GraphQL request: {per_request}")
    for name, rps, p50 in results[:2]:
        print(f"ratio {name} / hand-written: {rps / base:.2f}x throughput, {base_p50 / p50:.2f}x by the medians")
    await database.disconnect()


def count_statements() -> Any:
    """Wrap the connection's query methods; the returned function gives the count since wrapping."""
    conn = connections.get("default")
    seen = [0]
    for name in ("execute_query", "execute_query_dict"):
        original = getattr(conn, name)

        async def wrapped(*a: Any, _o: Any = original, **k: Any) -> Any:
            seen[0] += 1
            return await _o(*a, **k)

        setattr(conn, name, wrapped)
    return lambda: seen[0]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    asyncio.run(main(parser.parse_args().requests))
