"""Connector forms (REST and GraphQL), checks of saved properties against them, and a golden DDL per connector.

The golden files live in tests/golden/ddl/<dsType>-<tableType>[-keyed].sql; HLINK_UPDATE_GOLDEN=1 rewrites them
(then read the diff before committing it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.services.catalog.connectors import FORMS
from tests.conftest import gql
from tests.helpers import created_ds, envelope_fail, envelope_ok, prop

GOLDEN = Path(__file__).parent / "golden" / "ddl"

#: valid filled forms, one per connector form
FILLED: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("source", "kafka"): [
        prop("bootstrap_servers", "k1:9092,k2:9092"),
        prop("connector_topic", "orders"),
        prop("group_id", "features"),
        prop("startup_mode", "specific-offsets"),
        prop("partition_offset", "0,42;1,300"),
        prop("format", "json"),
        prop("ignore_parse_errors", "true"),
        prop("watermark_delay", "3"),
    ],
    ("sink", "kafka"): [prop("bootstrap_servers", "k1:9092"), prop("connector_topic", "out"), prop("format", "avro")],
    ("side", "kafka"): [prop("bootstrap_servers", "k1:9092"), prop("connector_topic", "users"), prop("format", "json")],
    ("sink", "mysql"): [
        prop("connector_url", "jdbc:mysql://db:3306/f"),
        prop("table_name", "out"),
        prop("connector_username", "u"),
        prop("connector_password", "pw"),
        prop("write_max_rows", "500"),
    ],
    ("sink", "oracle"): [
        prop("connector_url", "jdbc:oracle:thin:@db:1521/f"),
        prop("table_name", "OUT"),
        prop("connector_username", "u"),
        prop("connector_password", "pw"),
    ],
    ("sink", "jdbc"): [
        prop("connector_url", "jdbc:postgresql://db:5432/f"),
        prop("table_name", "out"),
        prop("connector_username", "u"),
        prop("connector_password", "pw"),
    ],
    ("side", "mysql"): [
        prop("url", "jdbc:mysql://db:3306/f"),
        prop("table", "users"),
        prop("user", "u"),
        prop("password", "pw"),
        prop("cacheType", "W_TinyLFU"),
        prop("maximumSize", "5000"),
    ],
    ("side", "oracle"): [
        prop("url", "jdbc:oracle:thin:@db:1521/f"),
        prop("table", "USERS"),
        prop("user", "u"),
        prop("password", "pw"),
    ],
    ("side", "jdbc"): [
        prop("url", "jdbc:postgresql://db:5432/f"),
        prop("table", "users"),
        prop("user", "u"),
        prop("password", "pw"),
    ],
    ("sink", "hbase"): [prop("connector_table_name", "ns:out"), prop("connector_zookeeper_quorum", "zk:2181")],
    ("side", "http"): [prop("requestUrl", "https://users.example/api"), prop("cacheType", "W_TinyLFU")],
    ("side", "redis"): [prop("host", "cache"), prop("password", "pw")],
    ("source", "datagen"): [
        prop("rows-per-second", "100"),
        prop("fields.id.kind", "sequence"),
        prop("fields.id.start", "1"),
        prop("fields.id.end", "1000"),
    ],
    ("source", "filesystem"): [prop("path", "file:///data/in"), prop("format", "csv")],
    ("sink", "filesystem"): [prop("path", "file:///data/out"), prop("sink.rolling-policy.rollover-interval", "1 min")],
    ("sink", "print"): [prop("print-identifier", "debug")],
    ("sink", "blackhole"): [],
}


def columns(role: str, keyed: bool) -> list[dict[str, Any]]:
    """A key, a nested ROW with an ARRAY, an ARRAY<ROW>, a reserved-word column and an event time."""
    return [
        {"name": "id", "flinkType": "BIGINT", "virtualId": "1", "joinKey": 1 if keyed else 0},
        {"name": "user", "flinkType": "ROW", "virtualId": "2"},
        {"name": "name", "flinkType": "STRING", "virtualId": "3", "virtualPid": "2"},
        {"name": "tags", "flinkType": "ARRAY<STRING>", "virtualId": "4", "virtualPid": "2"},
        {"name": "lines", "flinkType": "ARRAY", "virtualId": "5"},
        {"name": "sku", "flinkType": "STRING", "virtualId": "6", "virtualPid": "5"},
        {"name": "select", "flinkType": "STRING", "virtualId": "7"},
        {"name": "ts", "flinkType": "TIMESTAMP(3)", "virtualId": "8", "eventTime": 1 if role == "source" else 0},
    ]


CASES = [(ds, t, ds == "side") for ds, t in FILLED] + [("sink", "mysql", True), ("sink", "kafka", True)]


def test_every_form_has_a_filled_example() -> None:
    assert {(f.ds_type, f.table_type) for f in FORMS} == set(FILLED)


@pytest.mark.parametrize(("ds_type", "table_type", "keyed"), CASES)
async def test_golden_ddl(client: httpx.AsyncClient, ds_type: str, table_type: str, keyed: bool) -> None:
    body = {
        "dsName": "t",
        "dsType": ds_type,
        "tableName": "t_" + table_type,
        "tableType": table_type,
        "dsSchemaColumnVOS": columns(ds_type, keyed),
        "jsonFieldVO": {"jsonValue": FILLED[(ds_type, table_type)]},
    }
    created = await created_ds(client, body)
    ddl = created["dsDdl"]
    golden = GOLDEN / f"{ds_type}-{table_type}{'-keyed' if keyed and ds_type == 'sink' else ''}.sql"
    if os.environ.get("HLINK_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(ddl + "\n")
    assert ddl + "\n" == golden.read_text()
    assert "'pw'" not in ddl  # secrets are masked where the DDL is shown
    graph = await gql(client, "query($id: ID!) { datasource(id: $id) { ddl } }", {"id": created["id"]})
    assert graph["data"]["datasource"]["ddl"] == ddl


async def test_own_ddl_is_used_when_enabled(client: httpx.AsyncClient) -> None:
    own = "CREATE TABLE t (x INT) WITH ('connector' = 'datagen')"
    body = {"dsName": "t", "dsType": "source", "tableName": "t", "tableType": "datagen", "dsDdl": own, "ddlEnable": 1}
    assert (await created_ds(client, body))["dsDdl"] == own


async def test_field_template_and_type_list(client: httpx.AsyncClient) -> None:
    fields = envelope_ok(await client.get("/ds/getFieldTemplete", params={"dsType": "source", "tableType": "kafka"}))
    by_name = {f["fieldName"]: f for f in fields}
    assert by_name["bootstrap_servers"]["required"] is True and by_name["bootstrap_servers"]["type"] == "inputfield"
    mode = by_name["startup_mode"]
    assert mode["type"] == "combobox" and mode["defaultValue"] == "latest-offset"
    specific = next(o for o in mode["option"] if o["name"] == "specific-offsets")
    assert specific["hasUnion"] and specific["unionFields"][0]["fieldName"] == "partition_offset"
    assert [f["sequence"] for f in fields] == list(range(len(fields)))
    missing = envelope_fail(await client.get("/ds/getFieldTemplete", params={"dsType": "sink", "tableType": "x"}), 404)
    assert "print" in missing["msg"]  # names what the role has
    envelope_fail(await client.get("/ds/getFieldTemplete", params={"dsType": "sink"}), 400)
    types = envelope_ok(await client.get("/ds/getTypeList"))
    assert "BIGINT" in types["flinkSQLTypes"] and "ROW" in types["flinkSQLTypes"] and "long" in types["basicTypes"]


async def test_graphql_forms_are_typed(client: httpx.AsyncClient) -> None:
    answer = await gql(
        client,
        """{ connectorForm(dsType: SIDE, tableType: "mysql") { connector builtin fields { fieldName kind required
             optionKey options { name unionFields { fieldName required min max optionKey } } } }
             connectorForms(dsType: SINK) { tableType builtin } typeList { basicTypes } }""",
    )
    form = answer["data"]["connectorForm"]
    assert form["connector"] == "jdbc" and form["builtin"] is False
    cache = next(f for f in form["fields"] if f["fieldName"] == "cacheType")
    assert cache["kind"] == "COMBOBOX" and cache["required"]
    lfu = next(o for o in cache["options"] if o["name"] == "W_TinyLFU")["unionFields"]
    assert {
        "fieldName": "maximumSize",
        "required": True,
        "min": 1.0,
        "max": 100_000_000.0,
        "optionKey": "lookup.partial-cache.max-rows",
    } in lfu
    sinks = {f["tableType"]: f["builtin"] for f in answer["data"]["connectorForms"]}
    assert sinks["print"] and sinks["blackhole"] and not sinks["kafka"]
    assert "timestamp" in answer["data"]["typeList"]["basicTypes"]


@pytest.mark.parametrize(
    ("ds_type", "table_type", "values", "errors"),
    [
        (
            "source",
            "kafka",
            [],
            {
                "bootstrap_servers": "Bootstrap servers is required",
                "connector_topic": "Topic is required",
                "group_id": "Consumer group is required",
            },
        ),
        (
            "source",
            "kafka",
            [*FILLED[("source", "kafka")][:3], prop("startup_mode", "specific-offsets")],
            {"partition_offset": "Partition offsets is required"},
        ),
        (
            "source",
            "kafka",
            [*FILLED[("source", "kafka")][:3], prop("startup_mode", "newest")],
            {
                "startup_mode": "must be one of earliest-offset, latest-offset, group-offsets, specific-offsets, "
                "timestamp"
            },
        ),
        (
            "source",
            "kafka",
            [
                *FILLED[("source", "kafka")][:3],
                prop("startup_mode", "specific-offsets"),
                prop("partition_offset", "0:42"),
            ],
            {"partition_offset": "must look like 0,42;1,300"},
        ),
        (
            "sink",
            "mysql",
            [*FILLED[("sink", "mysql")][:4], prop("write_max_rows", "0")],
            {"write_max_rows": "must be between 1 and 1e+06"},
        ),
        (
            "sink",
            "mysql",
            [*FILLED[("sink", "mysql")][:4], prop("write_max_rows", "many")],
            {"write_max_rows": "must be a number, got 'many'"},
        ),
        (
            "side",
            "jdbc",
            [prop("url", "jdbc:mysql://x/y"), *FILLED[("side", "jdbc")][1:]],
            {"url": "must start with jdbc:postgresql://"},
        ),
        ("source", "datagen", [prop("zookeeper", "x")], {"zookeeper": "is not a field of the datagen source form"}),
        ("side", "redis", [prop("host", "c"), prop("port", "70000")], {"port": "must be between 1 and 65535"}),
    ],
)
async def test_saving_checks_properties_against_the_form(
    client: httpx.AsyncClient, ds_type: str, table_type: str, values: list[dict[str, Any]], errors: dict[str, str]
) -> None:
    body = {
        "dsName": "t",
        "dsType": ds_type,
        "tableName": "checked",
        "tableType": table_type,
        "dsSchemaColumnVOS": [{"name": "id", "flinkType": "BIGINT", "joinKey": 1 if ds_type == "side" else 0}],
        "jsonFieldVO": {"jsonValue": values},
    }
    fields = envelope_fail(await client.post("/ds/addDO", json=body), 400)["data"]["fields"]
    assert fields == {f"jsonFieldVO.jsonValue.{k}": v for k, v in errors.items()}
    assert envelope_ok(await client.get("/ds/list", params={"dsType": ds_type}))["total"] == 0


async def test_an_update_is_checked_against_the_new_connector(client: httpx.AsyncClient) -> None:
    body = {"dsName": "t", "dsType": "source", "tableName": "moving", "tableType": "datagen"}
    ds = await created_ds(client, body)
    fields = envelope_fail(await client.put("/ds/modifyDO", json={"id": ds["id"], "tableType": "kafka"}), 400)
    assert "jsonFieldVO.jsonValue.bootstrap_servers" in fields["data"]["fields"]
    graph = await gql(
        client,
        'mutation($id: ID!) { updateDatasource(id: $id, input: {tableType: "kafka"}) { error { __typename '
        "... on ValidationError { fields { field message } } } } }",
        {"id": ds["id"]},
    )
    error = graph["data"]["updateDatasource"]["error"]
    assert {"field": "properties.bootstrap_servers", "message": "Bootstrap servers is required"} in error["fields"]
