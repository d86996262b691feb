"""/ds paths: datasources with nested columns and connector properties."""

from tests.helpers import add_cluster, add_ds, created_ds, ds_body, envelope_fail, envelope_ok, prop


async def test_document_example_is_accepted_and_detail_has_tree_and_masked_password(client):
    body = ds_body("orders", "side", "mysql")
    body["dsSchemaColumnVOS"].append(None)  # the document's own example sends [null]
    created = await created_ds(client, body)
    detail = envelope_ok(await client.get("/ds/get", params={"id": created["id"]}))
    assert detail["tableName"] == "orders" and detail["dsType"] == "side" and detail["structureType"] == 1
    cols = {c["name"]: c for c in detail["dsSchemaColumnVOS"]}
    assert set(cols) == {"id", "user", "name", "tags"}
    assert cols["name"]["virtualPid"] == cols["user"]["virtualId"] and cols["name"]["level"] == 2
    assert cols["id"]["dsId"] == created["id"]
    props = {p["fieldName"]: p for p in detail["jsonFieldVO"]["jsonValue"]}
    assert props["password"]["fieldValue"] == "******"
    assert props["url"]["fieldValue"] == "jdbc:mysql://db:3306/f"
    # the connector form's attributes, whatever the client sent with the value
    assert (props["url"]["label"], props["url"]["required"], props["url"]["type"]) == ("JDBC URL", True, "inputfield")
    assert props["cacheType"]["option"] and props["max_retries"]["fieldValue"] is None
    assert "tableKey" not in detail


async def test_modify_keeps_masked_secret_and_replaces_columns(client):
    ds_id = await add_ds(client, "orders", "side", "mysql")
    detail = envelope_ok(await client.get("/ds/get", params={"id": ds_id}))
    detail["dsName"] = "renamed"
    detail["dsSchemaColumnVOS"] = [{"name": "only", "flinkType": "STRING", "joinKey": 1}]
    envelope_ok(await client.put("/ds/modifyDO", json=detail))  # sends the mask back
    from hlink.models import DatasourceProperties

    stored = await DatasourceProperties.get(datasource_id=ds_id)
    assert {p["fieldName"]: p["fieldValue"] for p in stored.json_value}["password"] == "s3cret"
    after = envelope_ok(await client.get("/ds/get", params={"id": ds_id}))
    assert after["dsName"] == "renamed"
    assert [c["name"] for c in after["dsSchemaColumnVOS"]] == ["only"]
    assert after["dsSchemaColumnVOS"][0]["virtualId"]  # generated when missing


async def test_the_detail_form_sent_back_keeps_values_and_takes_union_field_changes(client):
    from hlink.models import DatasourceProperties

    body = ds_body("users", "side", "mysql")
    body["jsonFieldVO"]["jsonValue"] += [prop("cacheType", "W_TinyLFU"), prop("maximumSize", "500")]
    ds_id = envelope_ok(await client.post("/ds/addDO", json=body))
    detail = envelope_ok(await client.get("/ds/get", params={"id": ds_id}))
    fields = detail["jsonFieldVO"]["jsonValue"]
    cache = next(f for f in fields if f["fieldName"] == "cacheType")
    tiny = next(o for o in cache["option"] if o["name"] == "W_TinyLFU")
    union = {u["fieldName"]: u for u in tiny["unionFields"]}
    assert union["maximumSize"]["fieldValue"] == "500" and union["expireAfterWrite"]["fieldValue"] is None
    assert not any(f["fieldName"] == "maximumSize" for f in fields)  # union fields live inside their option
    union["maximumSize"]["fieldValue"] = "800"
    union["expireAfterWrite"]["fieldValue"] = "30"
    envelope_ok(await client.put("/ds/modifyDO", json=detail))
    stored = (await DatasourceProperties.get(datasource_id=ds_id)).json_value
    values = {p["fieldName"]: p["fieldValue"] for p in stored}
    assert (values["maximumSize"], values["expireAfterWrite"], values["password"]) == ("800", "30", "s3cret")
    assert not any("option" in p for p in stored)  # the form's own option trees are not stored
    again = envelope_ok(await client.get("/ds/get", params={"id": ds_id}))["jsonFieldVO"]["jsonValue"]
    assert shown_values(again) == {**shown_values(fields), "maximumSize": "800", "expireAfterWrite": "30"}


def shown_values(fields):
    """fieldName → fieldValue of a detail's form, union fields included."""
    union = {u["fieldName"]: u["fieldValue"] for f in fields for o in f["option"] for u in o["unionFields"]}
    return {**{f["fieldName"]: f["fieldValue"] for f in fields}, **union}


async def test_list_by_type_and_filters(client):
    await add_ds(client, "a_src")
    await add_ds(client, "b_sink", "sink", "print")
    page = envelope_ok(await client.get("/ds/list", params={"dsType": "sink"}))
    assert [r["tableName"] for r in page["records"]] == ["b_sink"] and page["total"] == 1
    assert "dsSchemaColumnVOS" not in page["records"][0]
    envelope_fail(await client.get("/ds/list"), 400)  # dsType is required
    envelope_fail(await client.get("/ds/list", params={"dsType": "lake"}), 400)


async def test_alias_unique_case_insensitive_and_check_table_name(client):
    ds_id = await add_ds(client, "Orders")
    body = envelope_fail(await client.post("/ds/addDO", json=ds_body("orders")), 409)
    assert "already taken" in body["msg"]
    taken = await client.get("/ds/checkTableName", params={"tableName": "ORDERS"})
    assert "already taken" in envelope_fail(taken, 1)["msg"]  # code 1, as the original's page expects
    assert envelope_ok(await client.get("/ds/checkTableName", params={"tableName": "orders", "dsId": ds_id})) is True
    assert envelope_ok(await client.get("/ds/checkTableName", params={"tableName": "users"})) is True
    envelope_fail(await client.get("/ds/checkTableName", params={"tableName": "1bad-name"}), 400)
    reserved = envelope_fail(await client.get("/ds/checkTableName", params={"tableName": "Order"}), 400)
    assert "reserved word" in reserved["data"]["fields"]["tableName"]
    envelope_fail(await client.get("/ds/checkTableName"), 400)


async def test_bad_column_trees_are_refused_and_nothing_is_written(client):
    from hlink.models import Column, Datasource

    cases = [
        [{"name": "a", "flinkType": "INT", "virtualId": "1", "virtualPid": "9"}],  # unknown parent
        [
            {"name": "a", "flinkType": "INT", "virtualId": "1", "virtualPid": "2"},
            {"name": "b", "flinkType": "INT", "virtualId": "2", "virtualPid": "1"},
        ],  # cycle
        [{"name": "a", "flinkType": "INT", "virtualId": "1"}, {"name": "b", "flinkType": "INT", "virtualId": "1"}],
        [{"name": "a", "flinkType": "INT"}, {"name": "A", "flinkType": "INT"}],  # same name at one level
        [{"flinkType": "INT"}],  # no name
        [{"name": "a", "flinkType": "INT", "joinKey": 5}],
    ]
    for columns in cases:
        body = envelope_fail(await client.post("/ds/addDO", json=ds_body("t", dsSchemaColumnVOS=columns)), 400)
        assert any(k.startswith("dsSchemaColumnVOS[") for k in body["data"]["fields"]), body
    assert await Datasource.all().count() == 0 and await Column.all().count() == 0


async def test_bad_datasource_input(client):
    body = envelope_fail(await client.post("/ds/addDO", json={"dsName": "x"}), 400)
    assert {"dsType", "tableName"} <= set(body["data"]["fields"])
    body = envelope_fail(await client.post("/ds/addDO", json=ds_body("t", tableType="mongo")), 400)
    assert "tableType" in body["data"]["fields"]
    body = envelope_fail(await client.post("/ds/addDO", json=ds_body("t", schemaType="json")), 400)
    assert "schemaType" in body["data"]["fields"]
    body = envelope_fail(await client.post("/ds/addDO", json=ds_body("t", jsonFieldVO={"jsonValue": [{"x": 1}]})), 400)
    assert "jsonFieldVO.jsonValue[0].fieldName" in body["data"]["fields"]
    side = ds_body("dim", "side", "mysql")
    for c in side["dsSchemaColumnVOS"]:
        c["joinKey"] = 0
    body = envelope_fail(await client.post("/ds/addDO", json=side), 400)
    assert "join key" in body["msg"]
    envelope_fail(await client.post("/ds/addDO", content=b"[1, 2"), 400)
    envelope_fail(await client.post("/ds/addDO", json=[1, 2]), 400)
    envelope_fail(await client.put("/ds/modifyDO", json={"dsName": "x"}), 400)  # no id
    envelope_fail(await client.put("/ds/modifyDO", json={"id": 12345, "dsName": "x"}), 404)
    envelope_fail(await client.get("/ds/get", params={"id": 12345}), 404)
    envelope_fail(await client.delete("/ds/removeDO", params={"id": 12345}), 404)


async def test_datasource_used_by_a_job_cannot_be_deleted(client):
    cid = await add_cluster(client)
    ds_id = await add_ds(client, "orders")
    envelope_ok(
        await client.post(
            "/jobs/addDO", json={"jobName": "j", "clusterId": cid, "jobDsVOS": [{"dsId": ds_id, "dsType": "source"}]}
        )
    )
    body = envelope_fail(await client.delete("/ds/removeDO", params={"id": ds_id}), 409)
    assert "used by jobs (j)" in body["msg"]
    other = await add_ds(client, "spare")
    envelope_ok(await client.delete("/ds/removeDO", params={"id": other}))
    envelope_fail(await client.get("/ds/get", params={"id": other}), 404)
