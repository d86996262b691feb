"""Every bad input gets a clear 4xx naming the problem, and changes nothing: the causes of the 500s and the
wrong deletions an attacker found (issue 12), each on its own."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets

from hlink.app import create_app
from hlink.models import Cluster, Datasource, Job
from hlink.services.catalog.flinktypes import BadType, parse_type
from tests.conftest import gql
from tests.helpers import AUTH, add_cluster, app_settings, ds_body, envelope_fail, envelope_ok


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


async def test_deeply_nested_json_bodies_are_refused(client: httpx.AsyncClient) -> None:
    for path in ("/jobs/addDO", "/ds/addDO"):
        answer = envelope_fail(
            await client.post(path, content=nested(100_000), headers={"content-type": "application/json"}), 400
        )
        assert "nested too deeply" in answer["msg"], answer
    body = '{"jobName": ' + nested(100_000) + "}"
    answer = envelope_fail(await client.post("/jobs/addDO", content=body), 400)
    assert "nested too deeply" in answer["msg"]


async def test_deeply_nested_schema_files_are_refused(client: httpx.AsyncClient) -> None:
    sample = '{"a": ' * 5000 + "1" + "}" * 5000
    params = {"schemaType": "json", "structureType": "nested"}
    answer = envelope_fail(
        await client.post("/ds/schemaAnalysisDO", params=params, files={"file": ("deep.json", sample.encode())}), 400
    )
    assert "nested" in answer["msg"], answer


async def test_nan_and_infinity_are_refused(client: httpx.AsyncClient) -> None:
    cluster = await add_cluster(client)
    for constant in ("NaN", "Infinity", "-Infinity"):
        body = f'{{"jobName": {constant}, "clusterId": {cluster}, "jobType": 1}}'
        answer = envelope_fail(await client.post("/jobs/addDO", content=body), 400)
        assert constant in answer["msg"], answer
    assert await Job.all().count() == 0


async def test_ids_are_ascii_digits_only(client: httpx.AsyncClient) -> None:
    cluster = await add_cluster(client)
    for arabic in ("\u0661", "\u0660\u0661", "\uff11"):  # Arabic-Indic 1, 01, fullwidth 1: int() reads them
        answer = envelope_fail(await client.delete("/cluster/delete", params={"id": arabic}), 400)
        assert "id" in answer["msg"]
    assert await Cluster.filter(id=cluster).exists()


async def test_a_nul_byte_in_a_download_path_is_refused(client: httpx.AsyncClient) -> None:
    answer = envelope_fail(
        await client.get("/file/down", params={"fileName": "a\x00b", "filePath": "jars/a\x00b"}), 400
    )
    assert "filePath" in answer["msg"] or "fileName" in answer["msg"], answer


async def test_a_malformed_cluster_address_is_refused(client: httpx.AsyncClient) -> None:
    for address in ("http://[::1", "http://[zz]:8081", "http://127.0.0.1:99999"):
        answer = envelope_fail(
            await client.post("/cluster/add", params={"name": "x", "address": address, "type": 1}), 400
        )
        assert "address" in answer["msg"], answer
    assert await Cluster.all().count() == 0


@pytest.mark.parametrize(
    "path,params",
    [
        ("/ds/list", {"dsType": "source", "tableType": "k" * 300}),
        ("/jobs/list", {"jobCode": "c" * 300}),
        ("/jobs/list", {"flinkJobId": "f" * 300}),
        ("/dict/list/" + "t" * 300, {}),
        ("/ds/list", {"dsType": "source", "dsName": "%" * 15_000}),
        ("/jobs/list", {"jobName": "_" * 60_000}),
    ],
)
async def test_overlong_filters_are_refused(client: httpx.AsyncClient, path: str, params: dict[str, str]) -> None:
    response = await client.get(path, params=params)
    assert "at most" in envelope_fail(response, 400)["msg"]


GOOD_TYPES = [
    ("varchar(10)", "VARCHAR(10)"),
    ("DECIMAL(10, 2)", "DECIMAL(10, 2)"),
    ("TIMESTAMP(3) WITH LOCAL TIME ZONE", "TIMESTAMP(3) WITH LOCAL TIME ZONE"),
    ("ARRAY<ROW<a INT, `b c` STRING 'its comment'>>", "ARRAY<ROW<`a` INT, `b c` STRING 'its comment'>>"),
    ("MAP<STRING, ARRAY<INT>>", "MAP<STRING, ARRAY<INT>>"),
    ("ROW(a INT, b STRING)", "ROW<`a` INT, `b` STRING>"),
    ("INT ARRAY NOT NULL", "INT ARRAY NOT NULL"),
    ("INTERVAL DAY(2) TO SECOND(3)", "INTERVAL DAY(2) TO SECOND(3)"),
]
BAD_TYPES = [
    "STRING) WITH ('connector' = 'filesystem'",
    "INT, evil STRING",
    "ARRAY",
    "ROW<a>",
    "ROW<>",
    "FOO",
    "DECIMAL(10, 2, 3)",
    "INT -- a comment",
    "ARRAY<" * 40 + "INT" + ">" * 40,
]


@pytest.mark.parametrize("written,canonical", GOOD_TYPES)
def test_flink_types_parse_against_flinks_grammar(written: str, canonical: str) -> None:
    assert parse_type(written) == canonical


@pytest.mark.parametrize("written", BAD_TYPES)
def test_what_is_not_a_flink_type_is_refused(written: str) -> None:
    with pytest.raises(BadType):
        parse_type(written)


async def test_a_column_type_that_is_not_flinks_never_reaches_the_ddl(client: httpx.AsyncClient) -> None:
    body = ds_body("typed", "source", "datagen")
    body["dsSchemaColumnVOS"][0]["flinkType"] = "STRING) WITH ('connector' = 'filesystem', 'path' = '/etc'"
    answer = envelope_fail(await client.post("/ds/addDO", json=body), 400)
    assert "dsSchemaColumnVOS[0].flinkType" in answer["msg"] and "not a Flink SQL type" in answer["msg"], answer
    assert await Datasource.all().count() == 0
    # a column with nested columns may name the bare ROW or ARRAY: its children give the fields
    nested = ds_body("typed", "source", "datagen")
    nested["dsSchemaColumnVOS"][1]["flinkType"] = "ROW"
    nested["id"] = envelope_ok(await client.post("/ds/addDO", json=nested))
    nested["dsSchemaColumnVOS"][0]["flinkType"] = "ROW"  # a column without nested columns may not
    answer = envelope_fail(await client.put("/ds/modifyDO", json=nested), 400)
    assert "dsSchemaColumnVOS[0].flinkType" in answer["msg"], answer


async def test_graphql_ids_are_ascii_digits_only(client: httpx.AsyncClient) -> None:
    cluster = await add_cluster(client)
    mutation = "mutation($id: ID!) { deleteCluster(id: $id) { deletedId error { __typename } } }"
    for arabic in ("\u0661", "\uff11"):
        answer = (await gql(client, mutation, {"id": arabic}))["data"]["deleteCluster"]
        assert answer["deletedId"] is None and answer["error"]["__typename"] == "ValidationError", answer
    assert await Cluster.filter(id=cluster).exists()


async def test_graphql_variables_refuse_nan(client: httpx.AsyncClient) -> None:
    query = '{"query": "mutation($n: ID!) { runJob(id: $n) { error { __typename } } }", "variables": {"n": NaN}}'
    response = await client.post("/graphql", content=query, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "NaN" in response.text, response.text


def _chunks(total: int, size: int = 64 * 1024) -> Any:
    async def body() -> Any:
        sent = 0
        while sent < total:
            yield b"x" * min(size, total - sent)
            sent += size

    return body()


async def test_a_chunked_upload_over_the_limit_is_cut_off_while_it_streams(
    client: httpx.AsyncClient, storage_dir: Any
) -> None:
    boundary = "hlinkboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="jarfile"; filename="big.jar"\r\n'
        "Content-Type: application/java-archive\r\n\r\n"
    ).encode()

    async def multipart() -> Any:
        yield head
        async for chunk in _chunks(50 * 1024 * 1024):  # 50 MB against a 1 MB limit, no Content-Length
            yield chunk

    headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
    response = await client.post("/jars/upload", params={"entryClass": "a.B"}, content=multipart(), headers=headers)
    assert response.status_code == 413 and response.json()["success"] is False, response.text[:300]
    assert "limit" in response.json()["msg"]
    assert not any(p.is_file() for p in storage_dir.rglob("*")), "nothing was stored"


async def test_a_graphql_upload_over_the_limit_is_refused(client: httpx.AsyncClient) -> None:
    operations = json.dumps(
        {
            "query": "mutation($f: Upload!) { uploadJar(file: $f) { error { __typename } } }",
            "variables": {"f": None},
        }
    )
    files: dict[str, Any] = {
        "operations": (None, operations),
        "map": (None, '{"0": ["variables.f"]}'),
        "0": ("big.jar", b"x" * (3 << 20)),
    }
    response = await client.post("/graphql", files=files, headers={"Apollo-Require-Preflight": "true"})
    assert response.status_code == 413, response.text[:300]
    declared = await client.post(
        "/jobs/addDO", content=b"{}", headers={"content-length": str(64 << 20), "content-type": "application/json"}
    )
    assert declared.status_code == 413


async def test_a_request_longer_than_the_time_limit_is_stopped(database_url: str, tmp_path: Any) -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(30)  # takes the request, never answers

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    settings = app_settings(database_url, tmp_path, HLINK_REQUEST_TIMEOUT="0.5")
    app = create_app(settings, manage_database=False)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://hlink.test", headers=AUTH) as http:
            cluster = await add_cluster(http, "silent", f"http://127.0.0.1:{port}")
            started = asyncio.get_running_loop().time()
            answer = await http.get("/cluster/info", params={"clusterId": cluster})
            elapsed = asyncio.get_running_loop().time() - started
        assert answer.status_code == 503 and "HLINK_REQUEST_TIMEOUT" in answer.json()["msg"], answer.text
        assert elapsed < 3, elapsed
    finally:
        await app.state.runtime.close()
        server.close()


async def test_only_upload_paths_take_upload_sized_bodies(client: httpx.AsyncClient) -> None:
    big = b"{" + b" " * (17 << 20) + b"}"  # 17 MB: over the 16 MB any JSON body may be
    for kind in ("application/json", "multipart/form-data; boundary=x", "multipart/application/json"):
        answer = await client.post("/jobs/addDO", content=big, headers={"content-type": kind})
        assert answer.status_code == 413, (kind, answer.text[:200])


async def test_a_batch_names_at_most_a_hundred_jobs(client: httpx.AsyncClient) -> None:
    ids = "&".join(f"jobIds={i}" for i in range(1, 150))
    answer = envelope_fail(await client.post(f"/jobs/runBatch?{ids}"), 400)
    assert "at most 100" in answer["msg"]


async def test_a_nul_character_in_graphql_text_is_a_clear_error_on_every_database(client: httpx.AsyncClient) -> None:
    literal = await gql(
        client,
        'mutation { createCluster(input: {name: "a\\u0000b", address: "http://127.0.0.1:9"}) { cluster { id } } }',
    )
    assert literal["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", literal
    assert "NUL" in literal["errors"][0]["message"], literal
    variable = await gql(
        client,
        "mutation($i: ClusterInput!) { createCluster(input: $i) { cluster { id } } }",
        {"i": {"name": "ok", "address": "http://127.0.0.1:9", "remark": "x\x00y"}},
    )
    assert variable["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", variable
    assert "$i" in variable["errors"][0]["message"], variable
    listed = await gql(client, "{ clusters { totalCount } }")
    assert listed["data"]["clusters"]["totalCount"] == 0, "nothing was written"


async def test_a_nul_character_in_a_subscription_is_refused_before_it_starts(served: str) -> None:
    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"
        query = "subscription($id: ID) { jobStatus(id: $id) { jobId } }"
        await ws.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": {"id": "1\x00"}}})
        )
        answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
        errors = answer["payload"]["errors"] if answer["type"] == "next" else answer["payload"]
        assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT" and "NUL" in errors[0]["message"], answer
