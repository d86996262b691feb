"""GraphQL conventions frontends expect (issue 13, 7): top-level errors carry extensions.code, a subscription to a
job that does not exist answers an error instead of staying silent, everything is described, and the documented codes
are enums."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
import websockets
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    specified_scalar_types,
)
from graphql import build_schema as build_schema_from_sdl
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache
from websockets.typing import Origin, Subprotocol

from hlink.app import create_app
from hlink.flink.local import free_port
from hlink.resolvers import roots
from hlink.schema import DOCUMENT_CACHE, SDL_PATH, build_schema
from tests.conftest import gql
from tests.helpers import AUTH, app_settings

PROTOCOL = [Subprotocol("graphql-transport-ws")]
#: GraphQL's own scalars, described by the specification rather than by hlink
GRAPHQL_SCALARS = frozenset(specified_scalar_types)


async def test_top_level_errors_carry_a_code(client: httpx.AsyncClient) -> None:
    cases = {
        "{ nope }": "GRAPHQL_VALIDATION_FAILED",
        '{ job(id: "x") { id } }': "BAD_USER_INPUT",
        "{ jobs(limit: 0) { totalCount } }": "BAD_USER_INPUT",
    }
    for query, code in cases.items():
        answer = await gql(client, query)
        assert answer["errors"][0]["extensions"]["code"] == code, (query, answer)
    viewer = await gql(
        client,
        'mutation { createUser(name: "vic", role: VIEWER) { issued { secret } error { __typename } } }',
    )
    secret = viewer["data"]["createUser"]["issued"]["secret"]
    denied = await client.post(
        "/graphql", json={"query": "{ users { name } }"}, headers={"Authorization": f"Bearer {secret}"}
    )
    assert denied.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN", denied.text


async def test_a_subscription_to_a_job_that_does_not_exist_is_an_error(served: str) -> None:
    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"
        query = 'subscription { jobStatus(id: "999999") { jobId } }'
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert answer["type"] in ("next", "error"), answer
        errors = answer["payload"]["errors"] if answer["type"] == "next" else answer["payload"]
        assert "job 999999 does not exist" in errors[0]["message"], answer
        assert errors[0]["extensions"]["code"] == "NOT_FOUND", answer


async def test_websocket_origins_follow_the_cors_origins(database_url: str, tmp_path: Path) -> None:
    settings = app_settings(database_url, tmp_path, HLINK_CORS_ORIGINS="http://frontend.example")
    app = create_app(settings, manage_database=False)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
        await asyncio.sleep(0.05)
    url = f"ws://127.0.0.1:{port}/graphql"
    try:
        async with websockets.connect(url, subprotocols=PROTOCOL, origin=Origin("http://frontend.example")) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
            assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"
        with pytest.raises(websockets.InvalidStatus) as refused:
            async with websockets.connect(url, subprotocols=PROTOCOL, origin=Origin("http://evil.example")):
                pass
        assert refused.value.response.status_code == 403
    finally:
        server.should_exit = True
        await task
        await app.state.runtime.close()


async def test_parsed_and_validated_documents_are_cached(client: httpx.AsyncClient) -> None:
    parsed: Any = _get_parse_cache(DOCUMENT_CACHE)
    validated: Any = _get_validate_cache(DOCUMENT_CACHE)
    query = "{ clusters(limit: 3) { totalCount } }"
    await gql(client, query)
    hits = parsed.cache_info().hits, validated.cache_info().hits
    for _ in range(3):
        assert "errors" not in await gql(client, query)
    assert parsed.cache_info().hits >= hits[0] + 3 and validated.cache_info().hits >= hits[1] + 3


def _undescribed(schema: GraphQLSchema) -> tuple[int, list[str]]:
    """How many types, fields, arguments and enum values the schema has, and which have no description."""
    seen, blank = 0, []
    for name, kind in schema.type_map.items():
        if name.startswith("__") or name in GRAPHQL_SCALARS:
            continue
        parts: list[tuple[str, Any]] = [(name, kind)]
        if isinstance(kind, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in kind.fields.items():
                parts.append((f"{name}.{field_name}", field))
                parts += [(f"{name}.{field_name}({a})", arg) for a, arg in getattr(field, "args", {}).items()]
        if isinstance(kind, GraphQLEnumType):
            parts += [(f"{name}.{v}", value) for v, value in kind.values.items()]
        seen += len(parts)
        blank += [where for where, part in parts if not (part.description or "").strip()]
    return seen, blank


async def test_every_type_field_argument_and_enum_value_is_described() -> None:
    served = build_schema(roots())._schema
    committed = build_schema_from_sdl(SDL_PATH.read_text())
    for schema in (served, committed):  # what introspection shows, and the committed SDL a frontend reads
        seen, blank = _undescribed(schema)
        assert seen > 700, seen  # the whole graph was walked
        assert blank == [], f"{len(blank)} of {seen} have no description: {blank[:20]}"


async def test_statuses_and_types_are_enums_in_graphql_and_codes_in_rest(client: httpx.AsyncClient) -> None:
    cluster = await gql(
        client,
        'mutation { createCluster(input: {name: "e", address: "http://127.0.0.1:9", type: STANDALONE}) '
        "{ cluster { id type } } }",
    )
    assert cluster["data"]["createCluster"]["cluster"]["type"] == "STANDALONE", cluster
    cluster_id = cluster["data"]["createCluster"]["cluster"]["id"]
    made = await gql(
        client,
        'mutation($c: ID!) { createJob(input: {jobName: "e", jobType: JAR, clusterId: $c, '
        "restartStrategy: FIXED_DELAY, checkpointMode: AT_LEAST_ONCE, timeType: EVENT_TIME}) "
        "{ job { id jobType jobStatus clusterType restartStrategy checkpointMode timeType jobStatusName } } }",
        {"c": cluster_id},
    )
    job = made["data"]["createJob"]["job"]
    assert (job["jobType"], job["jobStatus"], job["clusterType"]) == ("JAR", "NOT_RUNNING", "STANDALONE"), job
    assert (job["restartStrategy"], job["checkpointMode"], job["timeType"]) == (
        "FIXED_DELAY",
        "AT_LEAST_ONCE",
        "EVENT_TIME",
    )
    rest = (await client.get(f"/jobs/{job['id']}")).json()["data"]
    assert (rest["jobType"], rest["jobStatus"], rest["clusterType"], rest["restartStrategy"]) == (1, 0, 1, 1), rest
    assert (rest["checkpointMode"], rest["timeType"]) == (1, 2), rest
    listed = await gql(client, "{ jobs(filter: {jobType: JAR, jobStatus: NOT_RUNNING}) { items { id } } }")
    assert [j["id"] for j in listed["data"]["jobs"]["items"]] == [job["id"]], listed
    none = await gql(client, "{ jobs(filter: {jobStatus: RUNNING}) { totalCount } }")
    assert none["data"]["jobs"]["totalCount"] == 0, none
    wrong = await gql(client, 'mutation { createJob(input: {jobName: "x", jobType: 1}) { job { id } } }')
    assert wrong["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", wrong


async def test_a_subscription_over_plain_http_is_a_clear_400(client: httpx.AsyncClient) -> None:
    answer = await client.post("/graphql", json={"query": "subscription { jobStatus { jobId } }"})
    assert answer.status_code == 400, answer.text
    assert "subscription" in answer.text.lower() and "not allowed" in answer.text.lower(), answer.text
    still = await gql(client, "{ me { name } }")
    assert still["data"]["me"]["name"] == "admin", still
