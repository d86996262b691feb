"""/jobs paths (create, update, delete, list, detail)."""

from hlink.models import Job, JobDatasource
from tests.helpers import add_cluster, add_ds, envelope_fail, envelope_ok, job_body, token_just_used


async def _mapped(client):
    cid = await add_cluster(client)
    src = await add_ds(client, "orders")
    side = await add_ds(client, "users", "side", "mysql")
    sink = await add_ds(client, "enriched", "sink", "print")
    mappings = [
        {"dsId": src, "dsType": "source", "id": 0, "jobId": 0, "runSql": ""},
        {"dsId": side, "dsType": "side", "id": 0, "jobId": 0, "runSql": ""},
        {
            "dsId": sink,
            "dsType": "sink",
            "id": 0,
            "jobId": 0,
            "runSql": "INSERT INTO enriched SELECT o.id FROM orders o "
            "JOIN users FOR SYSTEM_TIME AS OF o.proctime u ON o.id = u.id",
        },
    ]
    return cid, (src, side, sink), mappings


async def test_document_example_creates_job_with_mapping(client):
    cid, (src, side, sink), mappings = await _mapped(client)
    job = envelope_ok(await client.post("/jobs/addDO", json=job_body(cid, mappings)))
    assert job["jobName"] == "enrich orders" and job["jobStatus"] == 0 and job["jobStatusName"] == "not running"
    assert job["clusterName"] == "local" and job["jobTypeName"] == "SQL" and job["parallelism"] == 2
    assert job["checkpointInterval"] == 60000 and job["restartStrategy"] == 1
    assert [(m["dsId"], m["dsType"]) for m in job["jobDsVOS"]] == [(src, "source"), (side, "side"), (sink, "sink")]
    assert job["jobDsVOS"][2]["runSql"].startswith("INSERT INTO enriched")
    assert job["jobDsVOS"][0]["runSql"] is None
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert detail["jobDsVOS"] == job["jobDsVOS"] and detail["createBy"] == "admin"


async def test_update_replaces_mapping_and_keeps_omitted_fields(client):
    cid, (src, _, sink), mappings = await _mapped(client)
    job = envelope_ok(await client.post("/jobs/addDO", json=job_body(cid, mappings)))
    update = {
        "id": job["id"],
        "jobDesc": "changed",
        "jobDsVOS": [
            {"dsId": src, "dsType": "source"},
            {"dsId": sink, "dsType": "sink", "runSql": "INSERT INTO enriched SELECT id FROM orders"},
        ],
    }
    after = envelope_ok(await client.post("/jobs/updateDO", json=update))
    assert after["jobDesc"] == "changed" and after["jobName"] == "enrich orders" and after["parallelism"] == 2
    assert [m["dsId"] for m in after["jobDsVOS"]] == [src, sink]
    assert await JobDatasource.filter(job_id=job["id"]).count() == 2


async def test_list_filters_and_pages(client):
    cid = await add_cluster(client)
    for i in range(5):
        envelope_ok(await client.post("/jobs/addDO", json={"jobName": f"job-{i}", "clusterId": cid, "jobType": i % 2}))
    page = envelope_ok(await client.get("/jobs/list", params={"curPage": 2, "pageSize": 2}))
    assert page["total"] == 5 and page["pages"] == 3 and page["current"] == 2
    assert [r["jobName"] for r in page["records"]] == ["job-2", "job-1"]  # newest first
    assert page["records"][0]["clusterName"] == "local"
    jar_jobs = envelope_ok(await client.get("/jobs/list", params={"jobType": 1}))
    assert {r["jobName"] for r in jar_jobs["records"]} == {"job-1", "job-3"}
    named = envelope_ok(await client.get("/jobs/list", params={"jobName": "JOB-4"}))
    assert [r["jobName"] for r in named["records"]] == ["job-4"]
    envelope_fail(await client.get("/jobs/list", params={"jobStatus": "running"}), 400)


async def test_list_records_carry_their_mapping_in_a_fixed_number_of_statements(client, sql_counter):
    cid, _, mappings = await _mapped(client)
    counts = []
    for jobs in (1, 6):
        while len(envelope_ok(await client.get("/jobs/list", params={"pageSize": 50}))["records"]) < jobs:
            envelope_ok(await client.post("/jobs/addDO", json=job_body(cid, mappings)))
        await token_just_used()
        sql_counter.reset()
        page = envelope_ok(await client.get("/jobs/list", params={"pageSize": 50}))
        counts.append(len(sql_counter.statements))
        assert all([m["dsType"] for m in r["jobDsVOS"]] == ["source", "side", "sink"] for r in page["records"])
        assert all("validationPlan" not in r for r in page["records"])  # the job graph is the detail's
    # the page, its count, its clusters, its mappings: the same for 1 job as for 6
    assert counts[0] == counts[1], counts


async def test_bad_job_input_names_fields_and_writes_nothing(client):
    _, (src, _, _), _ = await _mapped(client)
    body = envelope_fail(
        await client.post(
            "/jobs/addDO",
            json={
                "jobName": "",
                "clusterId": 999,
                "parallelism": 0,
                "checkpointMode": 7,
                "jobType": 4,
                "jobDsVOS": [
                    {"dsId": src, "dsType": "sink"},
                    {"dsId": 4242, "dsType": "source"},
                    {"dsId": src, "dsType": "lookup"},
                    {"dsType": "source", "runSql": "x"},
                ],
            },
        ),
        400,
    )
    fields = body["data"]["fields"]
    assert {"jobName", "clusterId", "parallelism", "checkpointMode", "jobType"} <= set(fields)
    assert "jobDsVOS[0].dsType" in fields and "jobDsVOS[1].dsId" in fields and "jobDsVOS[2].dsType" in fields
    assert "jobDsVOS[3].dsId" in fields
    assert await Job.all().count() == 0 and await JobDatasource.all().count() == 0
    body = envelope_fail(
        await client.post("/jobs/addDO", json={"jobName": "x", "jobType": "sql", "jobDsVOS": "a"}), 400
    )
    assert body["data"]["fields"] == {"jobType": "must be an integer, got 'sql'", "jobDsVOS": "must be a list"}
    body = envelope_fail(await client.post("/jobs/addDO", json={"jobName": "x", "useJar": "nothing.jar"}), 400)
    assert "useJar" in body["data"]["fields"]
    envelope_fail(await client.post("/jobs/addDO", content=b"not json"), 400)
    envelope_fail(await client.post("/jobs/addDO", content=b""), 400)
    envelope_fail(await client.post("/jobs/addDO", json={"jobName": "x", "checkpointInterval": 2**70}), 400)
    envelope_fail(await client.post("/jobs/updateDO", json={"jobName": "x"}), 400)
    envelope_fail(await client.post("/jobs/updateDO", json={"id": 999, "jobName": "x"}), 404)
    envelope_fail(await client.get("/jobs/999"), 404)
    envelope_fail(await client.get("/jobs/abc"), 404, http=404)  # job ids are numbers: no such path
    envelope_fail(await client.delete("/jobs/removeDO"), 400)
    envelope_fail(await client.delete("/jobs/removeDO", params={"id": 999}), 404)
    envelope_fail(await client.put("/jobs/addDO", json={}), 405)


async def test_delete_job_and_running_job_refused(client):
    cid = await add_cluster(client)
    job = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "j", "clusterId": cid}))
    await Job.filter(id=job["id"]).update(job_status=1)
    body = envelope_fail(await client.delete("/jobs/removeDO", params={"id": job["id"]}), 409)
    assert "cancel it first" in body["msg"]
    await Job.filter(id=job["id"]).update(job_status=2)
    envelope_ok(await client.delete("/jobs/removeDO", params={"id": job["id"]}))
    envelope_fail(await client.get(f"/jobs/{job['id']}"), 404)


async def test_minibatch_needs_its_latency_and_size(client):
    cid = await add_cluster(client)
    body = {**job_body(cid, []), "enableMinibatchOptimization": 1, "tableExecMinibatchSize": 500}
    body.pop("jobDsVOS", None)
    fields = envelope_fail(await client.post("/jobs/addDO", json=body), 400)["data"]["fields"]
    assert list(fields) == ["tableExecMinibatchAllowlatency"]
    body["tableExecMinibatchAllowlatency"] = 2
    job = envelope_ok(await client.post("/jobs/addDO", json=body))
    # turning it off needs nothing more; an update keeps the stored latency and size
    envelope_ok(await client.post("/jobs/updateDO", json={"id": job["id"], "tableExecMinibatchSize": 100}))
    assert await Job.filter(table_exec_minibatch_size=100, table_exec_minibatch_allowlatency=2).count() == 1
