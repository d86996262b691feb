"""Benchmark: a 100-row data preview through hlink against the same query's job submitted directly.

On each Flink version: a datagen source of exactly 100 rows (``number-of-rows``, so both end by themselves).
hlink: GraphQL ``preview(datasourceId, sql, limit: 100)``, request to answer (rows included). Direct: the SQL
runner's ``POST /jars/{id}/run`` of ``INSERT INTO <blackhole> <the same query>``, request until Flink reports
the job FINISHED. Taken in turns after one unmeasured warm-up of each; medians and their ratio (the goal: at most
1.2x plus the rows' transfer). It starts the test clusters in .hlink-test/flink-<version> on a free port (installed
from PyPI once, as the tests do) and stops them afterwards.

Run: .venv/bin/python -m bench.preview [--runs N] [--versions 2.3.0,1.20.5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from hlink import database
from hlink.app import create_app
from hlink.config import load_settings
from hlink.flink.client import RunRequest
from hlink.flink.local import LocalFlink, free_port, progress_to_stderr
from hlink.flink.sqlrunner import RUNNER_CLASS
from hlink.runtime import Runtime
from hlink.services.access.accounts import bootstrap_admin, create_token
from hlink.services.actor import SYSTEM, acting_as

ROOT = Path(__file__).resolve().parent.parent
QUERY = "SELECT id, v FROM {table} WHERE id IS NOT NULL"
PREVIEW = """query($ds: ID!, $c: ID!, $sql: String!) { preview(datasourceId: $ds, clusterId: $c, sql: $sql, limit: 100)
  { preview { rows reason } error { __typename } } }"""
DDL = (
    "CREATE TABLE {table} (id BIGINT, v STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '100', "
    "'rows-per-second' = '100000')"
)


async def _token() -> str:
    with acting_as(SYSTEM):
        return (await create_token("admin", "bench")).secret


async def measure(flink: LocalFlink, runs: int) -> tuple[list[float], list[float]]:
    settings = load_settings(
        {
            "HLINK_DATA_DIR": tempfile.mkdtemp(prefix="hlink-bench-"),
            "HLINK_LOCAL_FLINK": "0",
            "HLINK_RECONCILE_SECONDS": "0",
        }
    )
    app = create_app(settings, manage_database=False)
    token = await bootstrap_admin() or await _token()
    table = f"gen_{flink.version.replace('.', '_')}"
    through, direct = [], []
    async with (
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://hlink",
            headers={"Authorization": f"Bearer {token}"},
        ) as api,
        httpx.AsyncClient(base_url=flink.url, timeout=120) as http,
    ):
        cluster = (await api.post("/cluster/add", params={"name": table, "address": flink.url, "type": 1})).json()
        body = {
            "dsName": table,
            "dsType": "source",
            "tableName": table,
            "tableType": "datagen",
            "dsSchemaColumnVOS": [{"name": "id", "flinkType": "BIGINT"}, {"name": "v", "flinkType": "STRING"}],
            "jsonFieldVO": {
                "jsonValue": [
                    {"fieldName": "number-of-rows", "fieldValue": "100"},
                    {"fieldName": "rows-per-second", "fieldValue": "100000"},
                ]
            },
        }
        ds = (await api.post("/ds/addDO", json=body)).json()["data"]
        variables = {"ds": str(ds), "c": str(cluster["data"]["id"]), "sql": QUERY.format(table=table)}
        runtime: Runtime = app.state.runtime
        client = runtime.flink.client(flink.url)
        jar = await runtime.flink.ensure_jar(client, await runtime.flink.runner())
        statements = [
            DDL.format(table=table),
            "CREATE TABLE sink_t (id BIGINT, v STRING) WITH ('connector' = 'blackhole')",
            "INSERT INTO sink_t " + QUERY.format(table=table),
        ]
        request = RunRequest(entry_class=RUNNER_CLASS, program_args=statements).body()
        for attempt in range(runs + 1):  # the first of each is a warm-up
            start = time.perf_counter()
            answer = (await api.post("/graphql", json={"query": PREVIEW, "variables": variables})).json()
            took = time.perf_counter() - start
            found = answer["data"]["preview"]
            assert found["error"] is None and len(found["preview"]["rows"]) == 100, answer
            start = time.perf_counter()
            jid = (await http.post(f"/jars/{jar}/run", json=request)).json()["jobid"]
            while (await http.get(f"/jobs/{jid}")).json().get("state") != "FINISHED":  # noqa: ASYNC110 - Flink
                await asyncio.sleep(0.01)
            if attempt:
                through.append(took)
                direct.append(time.perf_counter() - start)
        await runtime.close()
    return through, direct


async def main(runs: int, versions: list[str]) -> None:
    url = f"sqlite://{tempfile.mkdtemp(prefix='hlink-bench-')}/bench.sqlite3"
    await database.migrate(url)
    await database.connect(url)
    for version in versions:
        flink = LocalFlink(ROOT / ".hlink-test" / f"flink-{version}", rest_port=free_port(), version=version)
        flink.start(progress_to_stderr)
        try:
            through, direct = await measure(flink, runs)
        finally:
            flink.stop()
        h, d = statistics.median(through), statistics.median(direct)
        print(f"Flink {version}: 100 rows of a 100-row datagen, median of {runs}:")
        print(f"  preview through hlink (request to rows)    {h * 1000:8.0f} ms")
        print(f"  the query's job direct (run to FINISHED)   {d * 1000:8.0f} ms")
        print(f"  ratio preview / direct                     {h / d:8.2f}x")
    await database.disconnect()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--versions", default="2.3.0,1.20.5", help="comma-separated Flink versions from PyPI")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.runs, [v.strip() for v in arguments.versions.split(",") if v.strip()]))
