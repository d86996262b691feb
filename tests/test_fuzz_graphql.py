"""Fuzzing the graph (issue 12): queries and mutations generated from the schema by hypothesis-graphql, valid
documents with arbitrary arguments, sent as the admin. Whatever they ask, the answer is never a 500 and no
resolver fails with an unexpected exception: bad input is a typed error or a GraphQL error naming it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from graphql import build_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from hlink.schema import SDL_PATH
from tests.helpers import Unexpected, unexpected_errors

SCHEMA = build_schema(SDL_PATH.read_text())
SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "Long": st.integers(-(2**63), 2**63 - 1).map(nodes.Int),
    "DateTime": st.sampled_from(["2026-11-25T12:00:00+00:00", "not a time", ""]).map(nodes.String),
    "JSON": st.sampled_from(['{"a": 1}', "[]", "nope"]).map(nodes.String),
}
#: need a multipart file (tested in test_graphql.py and test_bad_input.py)
UPLOADS = {"uploadJar", "uploadUdf", "analyzeSchema"}
MUTATIONS = [f for f in SCHEMA.mutation_type.fields if f not in UPLOADS] if SCHEMA.mutation_type else []
QUERIES = list(SCHEMA.query_type.fields) if SCHEMA.query_type else []
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


async def _send(client: httpx.AsyncClient, document: object, caught: Unexpected) -> None:
    caught.seen.clear()
    answer = await client.post("/graphql", json={"query": document}, timeout=30)
    assert answer.status_code < 500, (document, answer.text[:500])
    body = answer.json()
    assert "data" in body or "errors" in body, body
    for error in body.get("errors") or []:
        assert not str(error.get("message", "")).startswith("internal error"), (document, error)
    assert not caught.seen, (document, caught.seen)


@pytest.fixture
def unexpected() -> Any:
    with unexpected_errors("strawberry.execution", "hlink", "hlink.rest") as handler:
        yield handler


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@FUZZ
@given(document=queries(SCHEMA, fields=QUERIES, custom_scalars=SCALARS))
async def test_generated_queries_never_fail_unexpectedly(
    client: httpx.AsyncClient, unexpected: Unexpected, document: object
) -> None:
    await _send(client, document, unexpected)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@FUZZ
@given(document=mutations(SCHEMA, fields=MUTATIONS, custom_scalars=SCALARS))
async def test_generated_mutations_never_fail_unexpectedly(
    client: httpx.AsyncClient, unexpected: Unexpected, document: object
) -> None:
    await _send(client, document, unexpected)
