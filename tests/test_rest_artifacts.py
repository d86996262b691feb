"""/jars, /ds/udf and /file/down: uploads live in the storage folder and nowhere else."""

import os

from tests.helpers import add_cluster, envelope_fail, envelope_ok
from tests.jars import jar_bytes


async def test_jar_upload_list_download_delete(client, storage_dir):
    cid = await add_cluster(client)
    content = jar_bytes()
    r = await client.post(
        "/jars/upload",
        params={"clusterId": cid, "entryClass": "acme.Job", "resType": 0, "status": 0},
        files={"jarfile": ("job.jar", content, "application/java-archive")},
    )
    up = envelope_ok(r)
    assert up["status"] == "success" and up["filename"].endswith("_job.jar")
    stored = storage_dir / "jars" / up["filename"]
    assert stored.read_bytes() == content
    listed = envelope_ok(await client.get("/jars/list", params={"clusterId": cid}))
    assert [(j["resName"], j["resUname"], j["resSize"], j["entryClass"]) for j in listed] == [
        ("job.jar", up["filename"], len(content), "acme.Job")
    ]
    assert listed[0]["resSizeStr"].endswith("B")
    page = envelope_ok(await client.get("/jars/listPage", params={"pageSize": 5}))
    assert page["total"] == 1 and page["records"][0]["id"] == listed[0]["id"]
    down = await client.get("/file/down", params={"filePath": "jars", "fileName": up["filename"]})
    assert down.status_code == 200 and down.content == content
    envelope_ok(await client.delete("/jars/removeDO", params={"jarid": listed[0]["id"]}))
    assert not stored.exists()
    assert envelope_ok(await client.get("/jars/list")) == []


async def test_jar_run_by_a_job_cannot_be_deleted(client):
    up = envelope_ok(await client.post("/jars/upload", files={"jarfile": ("job.jar", jar_bytes(), "x")}))
    envelope_ok(await client.post("/jobs/addDO", json={"jobName": "jarjob", "jobType": 1, "useJar": up["filename"]}))
    jar_id = envelope_ok(await client.get("/jars/list"))[0]["id"]
    body = envelope_fail(await client.delete("/jars/removeDO", params={"jarid": jar_id}), 409)
    assert "jarjob" in body["msg"]


async def test_bad_uploads(client, storage_dir):
    body = envelope_fail(
        await client.post("/jars/upload", files={"jarfile": ("notes.txt", b"hello", "text/plain")}), 400
    )
    assert "jarfile" in body["data"]["fields"]
    body = envelope_fail(await client.post("/jars/upload", files={"jarfile": ("fake.jar", b"not a zip", "x")}), 400)
    assert "not a jar" in body["msg"]
    envelope_fail(await client.post("/jars/upload", files={"jarfile": ("empty.jar", b"", "x")}), 400)
    envelope_fail(await client.post("/jars/upload", files={"other": ("a.jar", jar_bytes(), "x")}), 400)
    envelope_fail(await client.post("/jars/upload", content=b"raw"), 400)
    big = jar_bytes(size=2 * 1024 * 1024)  # the test app allows 1 MB
    assert envelope_fail(await client.post("/jars/upload", files={"jarfile": ("big.jar", big, "x")}), 413, http=413)
    envelope_fail(
        await client.post("/jars/upload", params={"clusterId": 999}, files={"jarfile": ("a.jar", jar_bytes(), "x")}),
        400,
    )
    envelope_fail(await client.delete("/jars/removeDO", params={"jarid": 999}), 404)
    envelope_fail(await client.delete("/jars/removeDO"), 400)
    leftovers = [f for _, _, files in os.walk(storage_dir) for f in files]
    assert leftovers == []  # nothing half-written stays behind


async def test_download_stays_inside_storage(client, storage_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("outside")
    envelope_fail(await client.get("/file/down", params={"filePath": "../secret.txt"}), 400)
    envelope_fail(await client.get("/file/down", params={"filePath": str(secret)}), 404)  # absolute → inside root
    envelope_fail(await client.get("/file/down", params={"filePath": "jars/missing.jar"}), 404)
    envelope_fail(await client.get("/file/down"), 400)


async def test_udf_upload_list_update_delete(client, storage_dir):
    r = await client.post(
        "/ds/udf/upload",
        params={"udfClass": "acme.Upper", "udfName": "to_upper", "udfType": "SCALA", "udfDesc": "upper-case"},
        files={"jarfile": ("udf.jar", jar_bytes("acme/Upper.class"), "x")},
    )
    up = envelope_ok(r)
    assert up["filename"].startswith("udfs/") and (storage_dir / up["filename"]).is_file()
    page = envelope_ok(await client.get("/ds/udf/list", params={"udfName": "upper"}))
    udf = page["records"][0]
    assert (udf["udfName"], udf["udfClass"], udf["udfType"], udf["jarName"]) == (
        "to_upper",
        "acme.Upper",
        "SCALA",
        "udf.jar",
    )
    envelope_ok(await client.put("/ds/udf/update", params={"id": udf["id"], "udfDesc": "new words"}))
    assert envelope_ok(await client.get("/ds/udf/list"))["records"][0]["udfDesc"] == "new words"
    again = await client.post(
        "/ds/udf/upload",
        params={"udfClass": "acme.U", "udfName": "TO_UPPER", "udfType": "SCALA"},
        files={"jarfile": ("udf.jar", jar_bytes(), "x")},
    )
    envelope_fail(again, 409)
    envelope_ok(await client.delete("/ds/udf/delete", params={"id": udf["id"]}))
    assert not (storage_dir / up["filename"]).exists()
    envelope_fail(await client.delete("/ds/udf/delete", params={"id": udf["id"]}), 404)


async def test_udf_called_by_a_job_cannot_be_deleted(client):
    from tests.helpers import add_ds

    up = await client.post(
        "/ds/udf/upload",
        params={"udfClass": "acme.Upper", "udfName": "to_upper", "udfType": "SCALA"},
        files={"jarfile": ("udf.jar", jar_bytes(), "x")},
    )
    envelope_ok(up)
    src, sink = await add_ds(client, "orders"), await add_ds(client, "sunk", "sink", "print")
    envelope_ok(
        await client.post(
            "/jobs/addDO",
            json={
                "jobName": "caller",
                "jobDsVOS": [
                    {"dsId": src, "dsType": "source"},
                    {"dsId": sink, "dsType": "sink", "runSql": "INSERT INTO sunk SELECT To_Upper (name) FROM orders"},
                ],
            },
        )
    )
    udf_id = envelope_ok(await client.get("/ds/udf/list"))["records"][0]["id"]
    body = envelope_fail(await client.delete("/ds/udf/delete", params={"id": udf_id}), 409)
    assert "to_upper" in body["msg"]


async def test_bad_udf_input(client):
    body = envelope_fail(
        await client.post(
            "/ds/udf/upload",
            params={"udfClass": "not a class", "udfName": "1x", "udfType": "SCALAR"},
            files={"jarfile": ("u.jar", jar_bytes(), "x")},
        ),
        400,
    )
    assert {"udfClass", "udfName", "udfType"} <= set(body["data"]["fields"])
    envelope_fail(await client.put("/ds/udf/update", params={"id": 999, "udfDesc": "x"}), 404)
