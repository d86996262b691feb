"""GraphQL conventions frontends expect (issue 13, 7): top-level errors carry extensions.code, and a subscription
to a job that does not exist answers an error instead of staying silent."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
import websockets
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache
from websockets.typing import Origin, Subprotocol

from app import create_app
from config import load_settings
from flink.local import free_port
from schema import DOCUMENT_CACHE
from tests.conftest import gql
from tests.helpers import AUTH, SECRET_KEY

PROTOCOL = [Subprotocol("graphql-transport-ws")]


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
    settings = load_settings(
        {
            "HLINK_DATABASE_URL": database_url,
            "HLINK_DATA_DIR": str(tmp_path),
            "HLINK_SECRET_KEY": SECRET_KEY,
            "HLINK_LOCAL_FLINK": "0",
            "HLINK_RECONCILE_SECONDS": "0",
            "HLINK_CORS_ORIGINS": "http://frontend.example",
        }
    )
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
