"""The connected graph: queries, mutations with typed errors, limits and the statement budget."""

import json

from hlink.models import Column, Datasource, Job, JobDatasource
from tests.conftest import gql
from tests.helpers import add_cluster, add_ds, envelope_ok, token_just_used
from tests.jars import jar_bytes

WALK = """
query Walk {
  clusters { totalCount items { name jobs { jobName sinks { runSql datasource { tableName } }
    sources { tableName dsType columns { name level children { name flinkType children { name } } } } } } }
}"""

#: GraphQL multipart requests must carry a header that makes browsers ask first (cross-site uploads)
PREFLIGHT = {"Apollo-Require-Preflight": "true"}


async def test_one_request_walks_cluster_jobs_datasources_columns_children(client):
    cid = await add_cluster(client)
    src, sink = await add_ds(client, "orders"), await add_ds(client, "sunk", "sink", "print")
    envelope_ok(
        await client.post(
            "/jobs/addDO",
            json={
                "jobName": "j",
                "clusterId": cid,
                "jobDsVOS": [
                    {"dsId": src, "dsType": "source"},
                    {"dsId": sink, "dsType": "sink", "runSql": "INSERT INTO sunk SELECT * FROM orders"},
                ],
            },
        )
    )
    data = (await gql(client, WALK))["data"]["clusters"]
    assert data["totalCount"] == 1
    job = data["items"][0]["jobs"][0]
    assert job["jobName"] == "j"
    assert job["sinks"] == [{"runSql": "INSERT INTO sunk SELECT * FROM orders", "datasource": {"tableName": "sunk"}}]
    source = job["sources"][0]
    assert source["tableName"] == "orders" and source["dsType"] == "SOURCE"
    user = next(c for c in source["columns"] if c["name"] == "user")
    assert [c["name"] for c in source["columns"]] == ["id", "user"]
    assert [(c["name"], c["flinkType"]) for c in user["children"]] == [("name", "STRING"), ("tags", "ARRAY<STRING>")]


async def test_statement_count_is_bounded_for_100_jobs(client, sql_counter):
    cluster_ids = [await add_cluster(client, f"c{i}") for i in range(3)]
    ds_ids = [await add_ds(client, f"t{i}") for i in range(4)]
    for i in range(100):
        await Job.create(job_name=f"job{i}", cluster_id=cluster_ids[i % 3])
    jobs = await Job.all()
    await JobDatasource.bulk_create(
        [
            JobDatasource(job_id=j.id, datasource_id=ds_ids[n % 4], ds_type="source", sort=k)
            for n, j in enumerate(jobs)
            for k in range(2)
            if (n + k) % 4 != n % 4 or k == 0
        ]
    )
    query = """{ jobs(limit: 100) { totalCount items { jobName cluster { name jobs(limit: 10) { jobName } }
      mappings { role datasource { tableName jobs(limit: 10) { role job { jobName } }
        columns { name children { name children { name } } } } } sources { tableName } } } }"""
    await token_just_used()
    sql_counter.reset()
    result = await gql(client, query)
    assert "errors" not in result, result
    items = result["data"]["jobs"]["items"]
    assert len(items) == 100 and result["data"]["jobs"]["totalCount"] == 100
    assert all(i["cluster"]["name"].startswith("c") and i["mappings"] for i in items)
    assert any(c["children"] for i in items for m in i["mappings"] for c in m["datasource"]["columns"])
    # count + page, clusters, jobs per cluster, mappings per job, datasources, mappings per datasource,
    # jobs of those mappings, columns, the bearer token's lookup and the largest lists stored (the cost
    # estimate's, read once every few seconds): the same for 10 rows or 10,000
    assert len(sql_counter.statements) <= 11, sql_counter.statements


async def test_create_update_delete_through_mutations(client):
    cluster = (
        await gql(
            client,
            'mutation { createCluster(input: {name: "g", address: "http://127.0.0.1:8081", type: STANDALONE}) '
            "{ cluster { id name } error { __typename } } }",
        )
    )["data"]["createCluster"]
    assert cluster["error"] is None and cluster["cluster"]["name"] == "g"
    cid = cluster["cluster"]["id"]
    ds = (
        await gql(
            client,
            """mutation($in: DatasourceInput!) { createDatasource(input: $in) {
        datasource { id tableName columns { name children { name } } properties { fieldName fieldValue } }
        error { __typename } } }""",
            {
                "in": {
                    "dsName": "s",
                    "dsType": "SOURCE",
                    "tableName": "clicks",
                    "tableType": "datagen",
                    "columns": [
                        {"name": "u", "flinkType": "ROW<a INT>", "virtualId": "7"},
                        {"name": "a", "flinkType": "INT", "virtualPid": "7"},
                    ],
                    "properties": [{"fieldName": "rows-per-second", "fieldValue": "7"}],
                }
            },
        )
    )["data"]["createDatasource"]
    assert ds["error"] is None
    assert ds["datasource"]["columns"] == [{"name": "u", "children": [{"name": "a"}]}]
    assert ds["datasource"]["properties"] == [{"fieldName": "rows-per-second", "fieldValue": "7"}]
    job = (
        await gql(
            client,
            """mutation($in: JobInput!) { createJob(input: $in) { job { id jobName cluster { id }
        sources { tableName } jobStatusName checkpointInterval } error { __typename } } }""",
            {
                "in": {
                    "jobName": "gj",
                    "clusterId": cid,
                    "checkpointInterval": 3_000_000_000,
                    "mappings": [{"dsId": ds["datasource"]["id"], "role": "SOURCE"}],
                }
            },
        )
    )["data"]["createJob"]
    assert job["error"] is None and job["job"]["cluster"]["id"] == cid
    assert job["job"]["sources"] == [{"tableName": "clicks"}] and job["job"]["checkpointInterval"] == 3_000_000_000
    upd = (
        await gql(
            client,
            'mutation($id: ID!) { updateJob(id: $id, input: {jobDesc: "d"}) { job { jobName jobDesc } } }',
            {"id": job["job"]["id"]},
        )
    )["data"]["updateJob"]
    assert upd["job"] == {"jobName": "gj", "jobDesc": "d"}
    usage = (
        await gql(
            client,
            "query($id: ID!) { datasource(id: $id) { jobs { role job { jobName } } } }",
            {"id": ds["datasource"]["id"]},
        )
    )["data"]["datasource"]["jobs"]
    assert usage == [{"role": "SOURCE", "job": {"jobName": "gj"}}]
    deleted = (
        await gql(
            client,
            "mutation($id: ID!) { deleteJob(id: $id) { deletedId error { __typename } } }",
            {"id": job["job"]["id"]},
        )
    )["data"]["deleteJob"]
    assert deleted == {"deletedId": job["job"]["id"], "error": None}
    assert await Job.all().count() == 0


async def test_typed_errors(client):
    cid = await add_cluster(client)
    src = await add_ds(client, "orders")
    await gql(
        client,
        'mutation($c: ID!, $d: ID!) { createJob(input: {jobName: "u", clusterId: $c, '
        "mappings: [{dsId: $d, role: SOURCE}]}) { job { id } } }",
        {"c": str(cid), "d": str(src)},
    )
    errors = """ error { __typename ... on ValidationError { message fields { field message } }
                 ... on ConflictError { message } ... on NotFoundError { entity key message } } """
    bad = (
        await gql(
            client,
            'mutation { createJob(input: {jobName: "", parallelism: 0, clusterId: "999", '
            'mappings: [{dsId: "1", role: SINK}]}) { job { id } ' + errors + " } }",
        )
    )["data"]["createJob"]
    fields = {f["field"] for f in bad["error"]["fields"]}
    assert bad["job"] is None and bad["error"]["__typename"] == "ValidationError"
    assert {"jobName", "parallelism", "clusterId"} <= fields and any(f.startswith("mappings[0]") for f in fields)
    missing = await gql(
        client, 'mutation { updateCluster(id: "999", input: {name: "x"}) { cluster { id } ' + errors + " } }"
    )
    assert missing["data"]["updateCluster"]["error"] == {
        "__typename": "NotFoundError",
        "entity": "cluster",
        "key": "999",
        "message": "cluster 999 does not exist",
    }
    conflict = await gql(client, f'mutation {{ deleteDatasource(id: "{src}") {{ deletedId ' + errors + " } }")
    assert conflict["data"]["deleteDatasource"]["error"]["__typename"] == "ConflictError"
    taken = await gql(
        client,
        'mutation { createDatasource(input: {dsName: "x", dsType: SOURCE, tableName: "ORDERS", '
        'tableType: "datagen"}) { datasource { id } ' + errors + " } }",
    )
    assert "already taken" in taken["data"]["createDatasource"]["error"]["message"]
    bad_id = (await gql(client, 'mutation { deleteJob(id: "abc") { deletedId ' + errors + " } }"))["data"]["deleteJob"]
    assert bad_id["error"]["fields"] == [{"field": "id", "message": "is not a valid id: 'abc'"}]
    assert await Datasource.all().count() == 1 and await Column.all().count() == 4


async def test_lists_filter_paginate_and_cap(client):
    for i in range(3):
        await add_ds(client, f"src{i}")
    await add_ds(client, "snk", "sink", "print")
    page = await gql(
        client,
        "{ datasources(filter: {dsType: SOURCE}, limit: 2, offset: 1) "
        "{ totalCount limit offset items { tableName } } }",
    )
    assert page["data"]["datasources"] == {
        "totalCount": 3,
        "limit": 2,
        "offset": 1,
        "items": [{"tableName": "src1"}, {"tableName": "src0"}],
    }
    capped = await gql(client, "{ jobs(limit: 100000) { totalCount } }")
    assert capped["data"] is None and "limit" in capped["errors"][0]["message"]
    lookup = await gql(client, '{ job(id: "424242") { id } cluster(id: "1") { id } }')
    assert lookup["data"] == {"job": None, "cluster": None}
    dic = await gql(
        client, '{ dictionary(dictType: "job_status") { dictValue dictLabel } helpDoc(key: "udf") { title } }'
    )
    assert dic["data"]["dictionary"][0] == {"dictValue": "0", "dictLabel": "not running"}
    assert dic["data"]["helpDoc"]["title"] == "User-defined functions"
    free = await gql(client, '{ a: tableNameAvailable(tableName: "SRC0") b: tableNameAvailable(tableName: "new_one") }')
    assert free["data"] == {"a": False, "b": True}


async def test_depth_token_and_alias_limits(client):
    deep = "{ clusters { items { " + "jobs { cluster { " * 8 + "name" + " } }" * 8 + " } } }"
    result = await gql(client, deep)
    assert "exceeds maximum operation depth" in result["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{i}: snowflakeId" for i in range(40)) + " }"
    assert "aliases" in (await gql(client, aliases))["errors"][0]["message"]
    tokens = "{ " + " ".join("snowflakeId" for _ in range(6000)) + " }"
    assert "token" in (await gql(client, tokens))["errors"][0]["message"].lower()


async def test_jar_and_udf_uploads_and_their_usage(client):
    operations = {
        "query": 'mutation($f: Upload!) { uploadJar(file: $f, entryClass: "acme.Job") { jar { id resName resUname '
        "resSizeStr jobs { jobName } } error { __typename } } }",
        "variables": {"f": None},
    }
    r = await client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("job.jar", jar_bytes(), "application/java-archive")},
        headers=PREFLIGHT,
    )
    jar = r.json()["data"]["uploadJar"]["jar"]
    assert jar["resName"] == "job.jar" and jar["jobs"] == []
    await gql(
        client,
        'mutation($j: String!) { createJob(input: {jobName: "runner", jobType: JAR, useJar: $j}) { job { id } } }',
        {"j": jar["resUname"]},
    )
    used = await gql(client, "query($id: ID!) { jar(id: $id) { jobs { jobName jar { resName } } } }", {"id": jar["id"]})
    assert used["data"]["jar"]["jobs"] == [{"jobName": "runner", "jar": {"resName": "job.jar"}}]
    ops = {
        "query": 'mutation($f: Upload!) { uploadUdf(file: $f, udfName: "up", udfClass: "acme.Up") '
        "{ udf { id udfName udfType jobs { jobName } } error { __typename } } }",
        "variables": {"f": None},
    }
    r = await client.post(
        "/graphql",
        data={"operations": json.dumps(ops), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("u.jar", b"not a zip", "x")},
        headers=PREFLIGHT,
    )
    assert r.json()["data"]["uploadUdf"] == {"udf": None, "error": {"__typename": "ValidationError"}}


async def test_graphiql_is_served(client):
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
