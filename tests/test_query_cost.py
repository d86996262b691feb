"""GraphQL queries priced before they run (issue 12): page sizes multiply through nested lists, fields that ask
Flink or build a script weigh more, and a query over HLINK_GRAPHQL_MAX_COST is refused with nothing executed."""

from __future__ import annotations

import httpx

from tests.conftest import gql
from tests.helpers import add_cluster, envelope_ok
from tests.statements import StatementCounter

DEEP = """query($n: Int!) { datasources(limit: $n) { items { jobs { job { mappings { datasource {
  columns { children { name } } jobs { job { jobName } } } } } } } } }"""


async def test_a_query_over_the_cost_limit_is_refused_before_it_runs(
    client: httpx.AsyncClient, sql_counter: StatementCounter
) -> None:
    sql_counter.reset()
    refused = await gql(client, DEEP, {"n": 500})
    assert refused.get("data") is None, refused
    error = refused["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY" and error["extensions"]["cost"] > 1_000_000, error
    assert "HLINK_GRAPHQL_MAX_COST" in error["message"]
    assert all('"t_token"' in s for s in sql_counter.statements), sql_counter.statements  # the token, no more
    small = await gql(client, DEEP, {"n": 2})
    assert "errors" not in small and small["data"]["datasources"]["items"] == [], small


async def test_aliases_add_up_and_heavy_fields_weigh_more(client: httpx.AsyncClient) -> None:
    one = "a: jobs(limit: 500) { items { mappings { datasource { columns { children { children { name } } } } } } }"
    assert "errors" not in await gql(client, "{ " + one + " }")
    many = "{ " + " ".join(one.replace("a:", f"a{i}:") for i in range(25)) + " }"
    assert (await gql(client, many))["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    heavy = "{ jobs(limit: 500) { items { script flinkView mappings { datasource { ddl columns { name } } } } } }"
    answer = await gql(client, heavy)
    assert answer["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY", answer


async def test_nested_lists_take_limits(client: httpx.AsyncClient) -> None:
    cluster = await add_cluster(client)
    for i in range(3):
        envelope_ok(await client.post("/jobs/addDO", json={"jobName": f"j{i}", "jobType": 1, "clusterId": cluster}))
    query = "query($k: Int!) { cluster(id: $id) { jobs(limit: $k) { jobName } } }".replace("$id", f'"{cluster}"')
    assert len((await gql(client, query, {"k": 2}))["data"]["cluster"]["jobs"]) == 2
    unlimited = query.replace("query($k: Int!)", "query").replace("(limit: $k)", "")
    assert len((await gql(client, unlimited))["data"]["cluster"]["jobs"]) == 3
    refused = await gql(client, query, {"k": 501})
    assert "limit" in refused["errors"][0]["message"] and "500" in refused["errors"][0]["message"], refused
