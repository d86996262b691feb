"""Generated DDL against the session's real Flink: built-in connectors planned through the validation path, a
missing connector said plainly, any analysed column tree accepted by the planner (hypothesis), and the issue's
end-to-end: a nested JSON Schema → a filesystem datasource → a SQL job reading nested fields that runs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hlink.flink.client import FlinkClient, RunRequest
from hlink.flink.errors import FlinkRejected
from hlink.flink.local import LocalFlink
from hlink.flink.sqlrunner import RUNNER_CLASS
from hlink.models import Column
from hlink.services.catalog.ddl import TableSpec, create_table, quote
from hlink.services.catalog.schema_analysis import NESTED, SchemaProblem, analyse
from tests.conftest import RUNNER_JAR
from tests.helpers import add_cluster, envelope_fail, envelope_ok, prop
from tests.test_flink_lifecycle import flink_state

pytestmark = pytest.mark.flink_lines  # what hlink says to Flink differs by line

NESTED_COLUMNS = [
    {"name": "id", "flinkType": "BIGINT", "virtualId": "1"},
    {"name": "user", "flinkType": "ROW", "virtualId": "2"},
    {"name": "name", "flinkType": "STRING", "virtualId": "3", "virtualPid": "2"},
    {"name": "tags", "flinkType": "ARRAY<STRING>", "virtualId": "4", "virtualPid": "2"},
    {"name": "lines", "flinkType": "ARRAY", "virtualId": "5"},
    {"name": "sku", "flinkType": "STRING", "virtualId": "6", "virtualPid": "5"},
    {"name": "ts", "flinkType": "TIMESTAMP(3)", "virtualId": "7"},
]


async def datasource(
    client: httpx.AsyncClient, table: str, ds_type: str, connector: str, props: list[dict[str, Any]], **extra: Any
) -> int:
    body = {
        "dsName": table,
        "dsType": ds_type,
        "tableName": table,
        "tableType": connector,
        "dsSchemaColumnVOS": extra.pop("columns", NESTED_COLUMNS),
        "jsonFieldVO": {"jsonValue": props},
        **extra,
    }
    return int(envelope_ok(await client.post("/ds/addDO", json=body)))


async def test_every_builtin_connector_is_planned_by_the_cluster(
    client: httpx.AsyncClient, flink: LocalFlink, tmp_path: Path
) -> None:
    cluster = await add_cluster(client, address=flink.url)
    event_time = [dict(c, eventTime=1) if c["name"] == "ts" else c for c in NESTED_COLUMNS]
    gen = await datasource(client, "gen", "source", "datagen", [prop("rows-per-second", "5")], columns=event_time)
    files = await datasource(client, "files", "source", "filesystem", [prop("path", f"file://{tmp_path}/in")])
    sinks = {
        "shown": await datasource(client, "shown", "sink", "print", [prop("print-identifier", "x")]),
        "hole": await datasource(client, "hole", "sink", "blackhole", []),
        "kept": await datasource(client, "kept", "sink", "filesystem", [prop("path", f"file://{tmp_path}/out")]),
    }
    body = {
        "jobName": "every builtin",
        "jobType": 0,
        "clusterId": cluster,
        "jobDsVOS": [
            {"dsId": gen, "dsType": "source"},
            {"dsId": files, "dsType": "source"},
            *[
                {
                    "dsId": ds,
                    "dsType": "sink",
                    "runSql": f"INSERT INTO {t} SELECT id, `user`, lines, ts FROM "
                    + ("gen" if t != "kept" else "files"),
                }
                for t, ds in sinks.items()
            ],
        ],
    }
    job = envelope_ok(await client.post("/jobs/addDO", json=body))
    assert job["validationStatus"] == 1, job["validationError"]
    plan = " ".join(n["description"] for n in job["validationPlan"]["nodes"])
    assert all(t in plan for t in ("gen", "files", "shown", "hole", "StreamingFileWriter")), plan
    assert "WatermarkAssigner" in plan


@pytest.mark.parametrize(
    ("ds_type", "connector", "props", "expected"),
    [
        (
            "source",
            "kafka",
            [prop("bootstrap_servers", "k:9092"), prop("connector_topic", "t"), prop("group_id", "g")],
            "connector 'kafka' is not available on this cluster (table missing_conn)",
        ),
        (
            "sink",
            "jdbc",
            [
                prop("connector_url", "jdbc:postgresql://db/f"),
                prop("table_name", "t"),
                prop("connector_username", "u"),
                prop("connector_password", "p"),
            ],
            "connector 'jdbc' is not available on this cluster (table missing_conn)",
        ),
    ],
)
async def test_a_connector_the_cluster_lacks_is_said_plainly(
    client: httpx.AsyncClient,
    flink: LocalFlink,
    ds_type: str,
    connector: str,
    props: list[dict[str, Any]],
    expected: str,
) -> None:
    cluster = await add_cluster(client, address=flink.url)
    missing = await datasource(client, "missing_conn", ds_type, connector, props)
    other = await datasource(
        client,
        "other",
        "sink" if ds_type == "source" else "source",
        "blackhole" if ds_type == "source" else "datagen",
        [],
    )
    source, sink = (missing, other) if ds_type == "source" else (other, missing)
    sink_table = "other" if ds_type == "source" else "missing_conn"
    source_table = "missing_conn" if ds_type == "source" else "other"
    body = {
        "jobName": "lacking",
        "jobType": 0,
        "clusterId": cluster,
        "jobDsVOS": [
            {"dsId": source, "dsType": "source"},
            {
                "dsId": sink,
                "dsType": "sink",
                "runSql": f"INSERT INTO {sink_table} SELECT id, `user`, lines, ts FROM {source_table}",
            },
        ],
    }
    job = envelope_ok(await client.post("/jobs/addDO", json=body))
    assert job["validationStatus"] == 2
    assert job["validationError"]["message"].startswith(expected), job["validationError"]
    answer = await client.post(f"/jobs/run/{job['id']}")
    assert expected in envelope_fail(answer, 400)["msg"] and "\\tat " not in answer.text


# -- property: whatever the analyser makes of a JSON sample, the planner accepts as DDL --------------------

NAMES = st.text(alphabet="abcXYZ_09 -.`é名", min_size=1, max_size=6).filter(lambda s: s.strip() != "")
SCALARS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=5),
    st.none(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(NAMES, inner, min_size=1, max_size=4),
    ),
    max_leaves=12,
)
SAMPLES = st.dictionaries(NAMES, VALUES, min_size=1, max_size=5)


def columns_of(sample: dict[str, Any]) -> list[Column]:
    """The analyser's nested columns as stored rows; a sample it refuses (mixed arrays, a name twice) is
    discarded, and those errors are tested in test_schema_analysis."""
    try:
        analysed = analyse(json.dumps(sample).encode(), 0, NESTED)
    except SchemaProblem:
        assume(False)
        raise
    return [
        Column(
            id=i + 1,
            virtual_id=c.virtual_id,
            virtual_pid=c.virtual_pid,
            name=c.name,
            flink_type=c.flink_type,
            join_key=0,
            event_time=0,
            sort=i,
        )
        for i, c in enumerate(analysed)
    ]


async def plan(flink: LocalFlink, statements: list[str]) -> None:
    async with FlinkClient(flink.url) as client:
        jars = await client.jars()
        runner = next((f["id"] for f in jars if "hlink-sql-runner" in str(f.get("name"))), None)
        if runner is None:
            runner, _ = await client.upload_jar(RUNNER_JAR, "hlink-sql-runner-property.jar")
        await client.plan(runner, RunRequest(entry_class=RUNNER_CLASS, program_args=statements))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sample=SAMPLES)
def test_any_analysed_column_tree_becomes_ddl_the_planner_accepts(flink: LocalFlink, sample: dict[str, Any]) -> None:
    columns = columns_of(sample)
    source = TableSpec(
        "src",
        "source",
        "filesystem",
        tuple(columns),
        (("connector", "filesystem"), ("path", "file:///nonexistent"), ("format", "json")),
    )
    sink = TableSpec("snk", "sink", "blackhole", tuple(columns), (("connector", "blackhole"),))
    top = ", ".join(quote(str(c.name)) for c in columns if c.virtual_pid == "0")
    statements = [create_table(source), create_table(sink), f"INSERT INTO `snk` SELECT {top} FROM `src`"]
    try:
        asyncio.run(plan(flink, statements))
    except FlinkRejected as error:
        raise AssertionError(f"{error.message}\n" + "\n".join(statements)) from None


# -- the end-to-end ---------------------------------------------------------------------------------

ORDER_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "user": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}},
        },
        "lines": {
            "type": "array",
            "items": {"type": "object", "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}},
        },
    },
}
ORDERS = [
    {"id": 1, "user": {"name": "ann", "tags": ["new", "vip"]}, "lines": [{"sku": "a-1", "qty": 2}]},
    {"id": 2, "user": {"name": "bob", "tags": ["old"]}, "lines": [{"sku": "b-7", "qty": 1}, {"sku": "c", "qty": 5}]},
]


async def test_nested_json_schema_to_a_running_job_reading_nested_fields(
    client: httpx.AsyncClient, flink: LocalFlink, tmp_path: Path
) -> None:
    analysed = envelope_ok(
        await client.post(
            "/ds/schemaAnalysisDO",
            params={"schemaType": "0", "structureType": "1"},
            files={"file": ("orders.schema.json", json.dumps(ORDER_SCHEMA).encode(), "application/json")},
        )
    )
    # schemaFile is the file's content, as the original answered; the file is kept under schemas/
    assert json.loads(analysed["schemaFile"]) == ORDER_SCHEMA
    assert list(client.app_state.storage.root.glob("schemas/*"))  # type: ignore[attr-defined]
    columns = analysed["dsSchemaColumnVOS"]
    assert [(c["name"], c["level"]) for c in columns] == [
        ("id", 1),
        ("user", 1),
        ("name", 2),
        ("tags", 2),
        ("lines", 1),
        ("sku", 2),
        ("qty", 2),
    ]
    data = tmp_path / "in"
    await anyio.Path(data).mkdir()
    await anyio.Path(data / "orders.json").write_text("".join(json.dumps(o) + "\n" for o in ORDERS))
    cluster = await add_cluster(client, address=flink.url)
    source = await datasource(
        client,
        "orders",
        "source",
        "filesystem",
        [prop("path", f"file://{data}"), prop("format", "json")],
        columns=columns,
        schemaFile=analysed["schemaFile"],
        structureType=1,
    )
    detail = envelope_ok(await client.get("/ds/get", params={"id": source}))
    assert "`user` ROW<`name` STRING, `tags` ARRAY<STRING>>" in detail["dsDdl"]
    assert "`lines` ARRAY<ROW<`sku` STRING, `qty` BIGINT>>" in detail["dsDdl"]
    out = tmp_path / "out"
    flat = [
        {"name": "id", "flinkType": "BIGINT"},
        {"name": "who", "flinkType": "STRING"},
        {"name": "first_tag", "flinkType": "STRING"},
        {"name": "first_sku", "flinkType": "STRING"},
    ]
    sink = await datasource(
        client, "picked", "sink", "filesystem", [prop("path", f"file://{out}"), prop("format", "csv")], columns=flat
    )
    sql = "INSERT INTO picked SELECT id, `user`.name, `user`.tags[1], lines[1].sku FROM orders"
    body = {
        "jobName": "nested fields",
        "jobType": 0,
        "clusterId": cluster,
        "checkpointInterval": 500,
        "jobDsVOS": [{"dsId": source, "dsType": "source"}, {"dsId": sink, "dsType": "sink", "runSql": sql}],
    }
    job = envelope_ok(await client.post("/jobs/addDO", json=body))
    assert job["validationStatus"] == 1, job["validationError"]
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "FINISHED", within=90)
    rows = sorted(
        line
        for f in out.rglob("*")
        if f.is_file() and not f.name.startswith(".")
        for line in f.read_text().splitlines()
    )
    assert rows == ["1,ann,new,a-1", "2,bob,old,b-7"]
