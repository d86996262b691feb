"""The lifecycle through GraphQL on the session's real Flink: mutations, Job.runs/savepoints, live status pushed
over graphql-transport-ws by a real uvicorn server."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import websockets

from hlink.flink.local import LocalFlink
from tests.conftest import gql
from tests.helpers import AUTH


async def ask(client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """The data of a GraphQL answer that has no errors."""
    body = await gql(client, query, variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


JOB_FIELDS = """
  id jobStatus flinkState flinkJobId
  validation { status problem { message field line column } graph { name nodes { id parallelism } } }
  runs { flinkJobId finalState restoredFrom }
  savepoints { kind path }
  script
"""


async def make_job(client: httpx.AsyncClient, flink: LocalFlink, sql: str) -> dict[str, Any]:
    """A datagen → print job created through GraphQL; the answer is the created job."""
    cluster = await ask(
        client,
        'mutation($a: String!) { createCluster(input: {name: "g", address: $a}) { cluster { id } } }',
        {"a": flink.url},
    )
    cluster_id = cluster["createCluster"]["cluster"]["id"]
    ids = {}
    for table, ds_type, connector in (("clicks", "SOURCE", "datagen"), ("shown", "SINK", "print")):
        made = await ask(
            client,
            "mutation($i: DatasourceInput!) { createDatasource(input: $i) { datasource { id } error { __typename } } }",
            {
                "i": {
                    "dsName": table,
                    "dsType": ds_type,
                    "tableName": table,
                    "tableType": connector,
                    "columns": [
                        {"name": "user", "flinkType": "BIGINT"},
                        {"name": "page", "flinkType": "STRING"},
                    ],
                    "properties": [{"fieldName": "rows-per-second", "fieldValue": "5"}]
                    if connector == "datagen"
                    else [],
                }
            },
        )
        ids[table] = made["createDatasource"]["datasource"]["id"]
    created = await ask(
        client,
        "mutation($i: JobInput!) { createJob(input: $i) { job {" + JOB_FIELDS + "} error { __typename } } }",
        {
            "i": {
                "jobName": "clicks shown",
                "clusterId": cluster_id,
                "mappings": [
                    {"dsId": ids["clicks"], "role": "SOURCE"},
                    {"dsId": ids["shown"], "role": "SINK", "runSql": sql},
                ],
            }
        },
    )
    job: dict[str, Any] = created["createJob"]["job"]
    return job


async def test_graphql_lifecycle_with_live_status(client: httpx.AsyncClient, flink: LocalFlink, served: str) -> None:
    job = await make_job(client, flink, "INSERT INTO shown SELECT `user`, page FROM clicks")
    assert job["validation"]["status"] == "VALID", job["validation"]
    assert job["validation"]["graph"]["nodes"][0]["parallelism"] == 1
    assert "CREATE TABLE `clicks`" in job["script"] and "'connector' = 'print'" in job["script"]

    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {
                        "query": "subscription($id: ID!) { jobStatus(id: $id) { jobId jobStatus flinkState } }",
                        "variables": {"id": job["id"]},
                    },
                }
            )
        )
        # the first event is the job's current state (so the subscription is registered before the run starts)
        first = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert first["payload"]["data"]["jobStatus"] == {
            "jobId": job["id"],
            "jobStatus": "NOT_RUNNING",
            "flinkState": None,
        }, first
        async with httpx.AsyncClient(base_url=f"http://{served}", headers=AUTH) as http:
            ran = (
                await http.post(
                    "/graphql",
                    json={
                        "query": "mutation($id: ID!) { runJob(id: $id) { run { flinkJobId } error { __typename } } }",
                        "variables": {"id": job["id"]},
                    },
                )
            ).json()["data"]["runJob"]
        assert ran["error"] is None and ran["run"]["flinkJobId"]
        states: list[str] = []
        while not states or states[-1] not in ("RUNNING", "INITIALIZING", "CREATED"):
            message = json.loads(await asyncio.wait_for(ws.recv(), 30))
            assert message["type"] == "next", message
            event = message["payload"]["data"]["jobStatus"]
            assert event["jobId"] == job["id"]
            states.append(event["flinkState"])
        assert states[0] == "SUBMITTING"

    again = await ask(
        client,
        "mutation($id: ID!) { runJob(id: $id) { error { __typename ... on ConflictError { message } } } }",
        {"id": job["id"]},
    )
    assert again["runJob"]["error"]["__typename"] == "ConflictError"

    for _ in range(10):
        saved = await ask(
            client,
            "mutation($id: ID!) { triggerSavepoint(id: $id) { savepoint { kind path } "
            "error { __typename ... on RefusedError { message } } } }",
            {"id": job["id"]},
        )
        if saved["triggerSavepoint"]["savepoint"]:
            break
        await asyncio.sleep(0.5)
    assert saved["triggerSavepoint"]["savepoint"]["kind"] == "TRIGGERED", saved
    stopped = await ask(
        client,
        "mutation($id: ID!) { cancelJob(id: $id) { job { jobStatus } savepoint { kind } note } }",
        {"id": job["id"]},
    )
    assert stopped["cancelJob"]["job"]["jobStatus"] == "CANCELLED"
    assert stopped["cancelJob"]["savepoint"]["kind"] == "STOP", stopped

    detail = await ask(
        client,
        "query($id: ID!) { job(id: $id) {"
        + JOB_FIELDS
        + " cluster { overview { reachable slotsTotal flinkVersion } } } }",
        {"id": job["id"]},
    )
    found = detail["job"]
    assert [s["kind"] for s in found["savepoints"]] == ["STOP", "TRIGGERED"]
    assert [r["finalState"] for r in found["runs"]] == ["FINISHED"]
    assert found["cluster"]["overview"] == {"reachable": True, "slotsTotal": 4, "flinkVersion": flink.version}


async def test_validate_job_places_flink_error_in_the_sink_sql(client: httpx.AsyncClient, flink: LocalFlink) -> None:
    job = await make_job(client, flink, "INSERT INTO shown\n  SELECT `user`, pge FROM clicks")
    problem = job["validation"]["problem"]
    assert job["validation"]["status"] == "INVALID"
    assert (problem["field"], problem["line"], problem["column"]) == ("mappings[1].runSql", 2, 18), problem
    fixed = await ask(
        client, "mutation($id: ID!) { updateJob(id: $id, input: {mappings: []}) { job { id } } }", {"id": job["id"]}
    )
    assert fixed["updateJob"]["job"]["id"] == job["id"]
    validated = await ask(
        client,
        "mutation($id: ID!) { validateJob(id: $id) { job { validation { status problem { message field } } } } }",
        {"id": job["id"]},
    )
    problem = validated["validateJob"]["job"]["validation"]["problem"]
    assert validated["validateJob"]["job"]["validation"]["status"] == "INVALID"
    assert problem["field"] == "mappings" and "source" in problem["message"]
    ran = await ask(
        client,
        "mutation($id: ID!) { runJob(id: $id) { error { __typename "
        "... on ValidationError { fields { field message } } } } }",
        {"id": job["id"]},
    )
    assert ran["runJob"]["error"]["__typename"] == "ValidationError"


async def test_batch_mutations_answer_each_id(client: httpx.AsyncClient) -> None:
    answer = await ask(
        client,
        'mutation { cancelJobs(ids: ["999", "abc", "999"]) { jobId job { id } error { __typename '
        "... on NotFoundError { message } ... on ValidationError { fields { field } } } } }",
    )
    outcomes = {o["jobId"]: o for o in answer["cancelJobs"]}
    assert list(outcomes) == ["abc", "999"]  # one answer per distinct id, unparseable ones first
    assert outcomes["999"]["error"] == {"__typename": "NotFoundError", "message": "job 999 does not exist"}
    assert outcomes["abc"]["error"]["__typename"] == "ValidationError" and outcomes["abc"]["job"] is None
