"""/dict and /doc, and the envelope for unknown paths."""

from tests.helpers import envelope_fail, envelope_ok


async def test_dictionaries_are_seeded_from_the_domain(client):
    every = envelope_ok(await client.get("/dict/list"))
    assert {
        "ds_type",
        "dc_type_source",
        "dc_type_side",
        "dc_type_sink",
        "schema_type",
        "flink_time_type",
        "checkpoint_mode",
        "checkpoint_cleanup_mode",
        "statebackend_type",
        "restart_strategy",
    } <= set(every)
    sink = envelope_ok(await client.get("/dict/list/dc_type_sink"))
    expected = ["kafka", "mysql", "oracle", "hbase", "print", "blackhole", "filesystem", "jdbc"]
    assert [e["dictValue"] for e in sink] == expected
    assert [e["dictValue"] for e in sink if e["isDefault"] == "Y"] == ["mysql"]
    assert envelope_ok(await client.get("/dict/list/dc_type_slink")) == sink  # the original's spelling
    time_types = envelope_ok(await client.get("/dict/list/flink_time_type"))
    assert [(e["dictValue"], e["dictLabel"]) for e in time_types][1] == ("1", "ProcessingTime")
    envelope_fail(await client.get("/dict/list/no_such_dict"), 404)


async def test_snowflake_ids_are_unique_and_increasing(client):
    answers = [await client.get("/dict/getSnowflakeId") for _ in range(50)]
    # the bare digits as a text body, as the original answered
    assert all(a.status_code == 200 and a.headers["content-type"].startswith("text/plain") for a in answers)
    ids = [int(a.text) for a in answers if a.text.isdigit()]
    assert ids == sorted(ids) and len(set(ids)) == 50


async def test_help_documents(client):
    text = envelope_ok(await client.get("/doc/get/sql_job"))
    assert "INSERT INTO" in text
    envelope_fail(await client.get("/doc/get/nothing"), 404)


async def test_unknown_path_and_method(client):
    body = envelope_fail(await client.get("/no/such/path"), 404, http=404)  # no path: the router's own 404
    assert "/no/such/path" in body["msg"]
    envelope_fail(await client.post("/dict/list"), 405)
