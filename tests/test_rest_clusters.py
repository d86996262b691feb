"""/cluster paths."""

from tests.helpers import add_cluster, envelope_fail, envelope_ok


async def test_add_list_update_info_delete(client):
    cid = await add_cluster(client, "prod", "http://127.0.0.5:8081/")
    await add_cluster(client, "test")
    page = envelope_ok(await client.get("/cluster/list", params={"curPage": 1, "pageSize": 1}))
    assert page["total"] == 2 and page["pages"] == 2 and page["size"] == 1 and page["current"] == 1
    assert len(page["records"]) == 1 and page["searchCount"] is True
    named = envelope_ok(await client.get("/cluster/list", params={"name": "pro"}))
    assert [r["name"] for r in named["records"]] == ["prod"]
    assert named["records"][0]["address"] == "http://127.0.0.5:8081"  # trailing slash dropped
    envelope_ok(await client.put("/cluster/update", params={"id": cid, "remark": "eu", "name": "prod-eu"}))
    info = envelope_ok(await client.get("/cluster/info", params={"clusterId": cid}))
    assert info["name"] == "prod-eu" and info["remark"] == "eu" and info["type"] == 1
    drop = envelope_ok(await client.get("/cluster/check/list"))
    assert {c["name"] for c in drop} == {"prod-eu", "test"}
    envelope_ok(await client.delete("/cluster/delete", params={"id": cid}))
    envelope_fail(await client.get("/cluster/info", params={"clusterId": cid}), 404)


async def test_type_by_name_and_the_acting_user_comes_from_the_token_not_a_header(client):
    r = await client.post(
        "/cluster/add",
        params={"address": "https://127.0.0.1:8443", "name": "y", "type": "yarn"},
        headers={"X-Hlink-User": "alice"},
    )
    data = envelope_ok(r)
    assert data["type"] == 2 and data["createBy"] == "admin" and data["createTime"]


async def test_bad_input(client):
    body = envelope_fail(await client.post("/cluster/add", params={"name": "x"}), 400)
    assert set(body["data"]["fields"]) == {"address", "type"}
    body = envelope_fail(
        await client.post("/cluster/add", params={"name": "x", "address": "ftp://a", "type": "1"}), 400
    )
    assert "address" in body["data"]["fields"]
    body = envelope_fail(
        await client.post("/cluster/add", params={"name": "x", "address": "http://a:1", "type": "7"}), 400
    )
    assert "type" in body["msg"]
    envelope_fail(await client.put("/cluster/update", params={"id": "abc"}), 400)
    envelope_fail(await client.put("/cluster/update", params={"id": 999}), 404)
    envelope_fail(await client.delete("/cluster/delete", params={"id": 999}), 404)
    envelope_fail(await client.get("/cluster/list", params={"pageSize": 100000}), 400)
    envelope_fail(await client.get("/cluster/list", params={"curPage": 0}), 400)


async def test_cluster_with_jobs_cannot_be_deleted(client):
    cid = await add_cluster(client)
    envelope_ok(await client.post("/jobs/addDO", json={"jobName": "j", "clusterId": cid}))
    body = envelope_fail(await client.delete("/cluster/delete", params={"id": cid}), 409)
    assert "still has jobs" in body["msg"]
