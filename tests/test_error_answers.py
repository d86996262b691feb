"""The HTTP 500s and internal errors a fuzz run could still reach (issue 24 item 5, issue 18 item 11), each a
typed answer now: bodies that are JSON but not an object, a multipart map that is a list, a string sent as an
Upload, an unknown fragment, a Long out of range, a client that goes away; and an unexpected GraphQL error
answers "internal error" with the request id, its text only in the log."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest

from hlink.services.clusters import registry
from tests.conftest import gql
from tests.helpers import unexpected_errors

LOGGERS = ("hlink", "hlink.graphql", "hlink.rest", "strawberry", "uvicorn.error")


@pytest.mark.parametrize("body", ['"x"', "5", "true", "null"])
async def test_a_graphql_body_that_is_not_an_object_is_a_400(client: httpx.AsyncClient, body: str) -> None:
    with unexpected_errors(*LOGGERS) as seen:
        response = await client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "JSON object" in response.text, response.text
    assert not seen.seen


@pytest.mark.parametrize(
    ("operations", "files_map"),
    [
        ('{"query": "mutation($f: Upload!) { uploadJar(file: $f) { jar { id } } }", "variables": {"f": null}}', "[]"),
        ('"x"', "{}"),
        ('{"query": "{ __typename }", "variables": {"f": null}}', '{"0": [5]}'),
    ],
)
async def test_a_malformed_multipart_request_is_a_400(
    client: httpx.AsyncClient, operations: str, files_map: str
) -> None:
    with unexpected_errors(*LOGGERS) as seen:
        response = await client.post(
            "/graphql",
            data={"operations": operations, "map": files_map},
            files={"0": ("a.jar", b"PK")},
            headers={"Apollo-Require-Preflight": "true"},
        )
    assert response.status_code == 400, response.text
    assert not seen.seen


async def variables_error(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    with unexpected_errors(*LOGGERS) as seen:
        answer = await gql(client, query, variables)
    assert not seen.seen
    assert answer.get("data") is None, answer
    error: dict[str, Any] = answer["errors"][0]
    return error


async def test_a_string_sent_as_an_upload_is_bad_input(client: httpx.AsyncClient) -> None:
    query = "mutation($f: Upload!) { uploadJar(file: $f) { jar { id } } }"
    error = await variables_error(client, query, {"f": "not a file"})
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "multipart" in error["message"], error


async def test_a_long_out_of_range_is_bad_input(client: httpx.AsyncClient) -> None:
    query = "mutation($n: Long!) { updateJob(id: 1, input: {checkpointInterval: $n}) { error { __typename } } }"
    error = await variables_error(client, query, {"n": 2**64})
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "64-bit" in error["message"], error


async def test_an_unknown_fragment_is_a_validation_error(client: httpx.AsyncClient) -> None:
    error = await variables_error(client, "{ jobs { items { ...Missing } } }", {})
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED" and "Unknown fragment" in error["message"]


async def test_an_unexpected_error_is_masked_and_logged(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: object) -> object:
        raise RuntimeError("/srv/hlink/internal/path SELECT secret")

    monkeypatch.setattr(registry, "list_clusters", broken)
    with caplog.at_level(logging.ERROR):
        response = await client.post(
            "/graphql", json={"query": "{ clusters { totalCount } }"}, headers={"X-Request-Id": "probe42"}
        )
    error = response.json()["errors"][0]
    assert error["message"] == "internal error (request probe42); the log has the details", error
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "secret" not in response.text
    assert "/srv/hlink/internal/path SELECT secret" in caplog.text  # the log keeps it


async def test_a_client_that_disconnects_is_one_line(client: httpx.AsyncClient) -> None:
    app = client.hlink_app  # type: ignore[attr-defined]
    sent: list[dict[str, Any]] = []
    token = client.headers["authorization"].encode()
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/ds/addDO",
        "raw_path": b"/ds/addDO",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"100"), (b"authorization", token)],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("hlink.test", 80),
        "client": ("127.0.0.1", 5),
        "root_path": "",
    }
    messages: list[dict[str, Any]] = [
        {"type": "http.request", "body": b'{"dsName"', "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    with unexpected_errors(*LOGGERS) as seen:
        await app(scope, receive, send)
    assert not seen.seen, seen.seen
    assert sent and sent[0]["type"] == "http.response.start" and sent[0]["status"] != 500, sent
    json.loads(sent[1]["body"])  # an envelope, for whoever is left to read it
