"""A GraphQL page reads what it is asked for (issue 19 item 5): only the columns its fields need, whole rows for
fields that hand a row to a service, and the page's edges read beforehand, answering exactly as when each
edge is resolved on its own."""

from __future__ import annotations

import re
from typing import Any

import httpx

from hlink.models import Cluster, Column, Datasource, Job, JobDatasource
from tests.conftest import gql
from tests.statements import StatementCounter

EDGES = """cluster { id name address }
  mappings { role runSql datasource { id tableName tableType columns { name flinkType children { name } } } }
  sinks: mappings(role: SINK) { runSql datasource { tableName } }"""


async def seed(jobs: int = 3) -> None:
    cluster = await Cluster.create(name="c", address="http://127.0.0.1:9")
    sources = []
    for i, kind in enumerate(("source", "sink")):
        ds = await Datasource.create(
            ds_name=f"d{i}", ds_type=kind, table_name=f"t{i}", table_key=f"t{i}", table_type="datagen"
        )
        await Column.bulk_create(
            [
                Column(datasource_id=ds.id, virtual_id=f"{i}a", virtual_pid="0", level=1, name="a", sort=0),
                Column(datasource_id=ds.id, virtual_id=f"{i}r", virtual_pid="0", level=1, name="r", sort=1),
                Column(datasource_id=ds.id, virtual_id=f"{i}b", virtual_pid=f"{i}r", level=2, name="b", sort=2),
            ]
        )
        sources.append(ds)
    for n in range(jobs):
        job = await Job.create(
            job_name=f"j{n}", cluster_id=cluster.id, parallelism=1, validation_plan={"name": f"plan {n}", "nodes": []}
        )
        await JobDatasource.create(job_id=job.id, datasource_id=sources[0].id, ds_type="source", sort=0)
        await JobDatasource.create(
            job_id=job.id, datasource_id=sources[1].id, ds_type="sink", sort=1, run_sql="SELECT * FROM t0"
        )


def selects(statements: list[str], table: str) -> list[str]:
    """The statements reading rows of ``table`` (not the counts the cost estimate reads)."""
    return [s for s in statements if s.startswith('SELECT "') and f'FROM "{table}"' in s]


async def test_a_page_reads_only_the_columns_it_asks_for(client: httpx.AsyncClient) -> None:
    await seed()
    with StatementCounter() as counter:
        answer = await gql(client, f"{{ jobs(limit: 10) {{ items {{ id jobName jobStatus {EDGES} }} }} }}")
    assert "errors" not in answer, answer
    items = answer["data"]["jobs"]["items"]
    assert [i["jobName"] for i in items] == ["j2", "j1", "j0"]
    assert items[0]["mappings"][0]["datasource"]["columns"][1] == {
        "name": "r",
        "flinkType": None,
        "children": [{"name": "b"}],
    }
    assert items[0]["sinks"] == [{"runSql": "SELECT * FROM t0", "datasource": {"tableName": "t1"}}]
    [page] = [s for s in selects(counter.statements, "t_job") if "LIMIT" in s]
    assert "job_name" in page and "validation_plan" not in page and "create_time" not in page, page
    for table in ("t_cluster", "t_ds", "t_ds_column", "t_job_ds"):
        reads = selects(counter.statements, table)
        assert len(reads) == 1, reads  # one statement per edge, whatever the page size
        assert "create_time" not in reads[0], reads


async def test_fields_that_need_whole_rows_get_them(client: httpx.AsyncClient) -> None:
    await seed(1)
    query = """{ jobs(limit: 5) { items { jobName validation { graph { name } } mappings { datasource { ddl } } } } }"""
    with StatementCounter() as counter:
        answer = await gql(client, query)
    assert "errors" not in answer, answer
    [item] = answer["data"]["jobs"]["items"]
    assert item["validation"]["graph"]["name"] == "plan 0"
    assert "CREATE TABLE" in item["mappings"][0]["datasource"]["ddl"]
    [page] = [s for s in selects(counter.statements, "t_job") if "LIMIT" in s]
    assert "validation_plan" in page, page
    columns = selects(counter.statements, "t_ds_column")
    assert columns and all("create_time" in s for s in columns), "\n".join(counter.statements)


async def test_a_page_answers_as_each_job_alone(client: httpx.AsyncClient) -> None:
    """The page's edges, read beforehand for all its jobs, answer as the same edges of one job asked alone
    (resolved edge by edge), through fragments, aliases and __typename too."""
    await seed()
    fragment = f"fragment J on Job {{ __typename id jobName {EDGES} ... on Job {{ jobType }} }}"
    page = await gql(client, f"{{ jobs(limit: 10) {{ items {{ ...J }} }} }} {fragment}")
    assert "errors" not in page, page
    for item in page["data"]["jobs"]["items"]:
        alone: dict[str, Any] = await gql(client, f'{{ job(id: "{item["id"]}") {{ ...J }} }} {fragment}')
        assert alone == {"data": {"job": item}}


async def test_plain_leaf_fields_answer_as_graphql_cores_own_path(client: httpx.AsyncClient) -> None:
    """schema/execution.py reads a plain scalar or enum field directly; the same document through graphql-core's
    generic path (Strawberry's own execution context) answers the same: values, enums, ids, nulls, and a field
    whose stored value its type refuses, with the same located error."""
    from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

    from hlink.schema.execution import HlinkExecutionContext

    await seed()
    await Job.filter(job_name="j1").update(job_status=1, flink_state="RUNNING")
    await Cluster.filter(name="c").update(remark="r")
    document = (
        "{ jobs(limit: 10) { totalCount items { id jobName jobStatus flinkState jobDesc parallelism createTime "
        "cluster { id name address remark type } " + EDGES + " } } }"
    )
    broken = "{ jobs(limit: 10) { items { id jobName jobStatus } } }"
    schema = client.app_state.schema  # type: ignore[attr-defined]
    assert schema.execution_context_class is HlinkExecutionContext

    async def both(query: str) -> tuple[dict[str, Any], dict[str, Any]]:
        direct = await gql(client, query)
        schema.execution_context_class = StrawberryGraphQLCoreExecutionContext
        try:
            return direct, await gql(client, query)
        finally:
            schema.execution_context_class = HlinkExecutionContext

    direct, generic = await both(document)
    assert "errors" not in direct and direct["data"]["jobs"]["totalCount"] == 3, direct
    items = direct["data"]["jobs"]["items"]
    assert [(j["jobStatus"], j["flinkState"], j["jobDesc"]) for j in items][1] == ("RUNNING", "RUNNING", None), items
    assert items[0]["cluster"]["remark"] == "r" and items[0]["id"] == str(items[0]["id"]), items
    assert direct == generic
    await Job.filter(job_name="j2").update(job_status=77)  # no status has that code: the enum refuses it
    direct, generic = await both(broken)
    [error], [same] = direct.pop("errors"), generic.pop("errors")
    assert direct == generic == {"data": None} and error["path"] == ["jobs", "items", 0, "jobStatus"], error
    request_id = re.compile(r"request \w+")  # each answer names its own request
    assert request_id.sub("", error.pop("message")) == request_id.sub("", same.pop("message")) and error == same
