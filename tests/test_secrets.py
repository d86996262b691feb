"""Secrets masked wherever they are shown (issue 12), recognised by what they are: options named like a password,
secret, token, key, JAAS configuration or credentials, credentials inside URLs, and the same inside a user's own
DDL; only the script sent to Flink carries them."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise import connections

from hlink.masking import is_secret, mask_sql, mask_text
from hlink.models import Datasource, DatasourceProperties, Job, sealed
from hlink.services.jobs.script import build_script
from hlink.services.jobs.submission import pipeline_name
from tests.conftest import gql
from tests.helpers import SECRET_KEY, add_cluster, ds_body, envelope_ok, prop

JAAS = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="app" password="jaas-pw";'
SECRETS = ("jaas-pw", "s3cret", "url-pw", "param-pw", "ddl-pw", "tok-123")


def shown(value: Any) -> str:
    return json.dumps(value)


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


@pytest.mark.parametrize(
    "name,secret",
    [
        ("password", True),
        ("properties.sasl.jaas.config", True),
        ("properties.ssl.truststore.password", True),
        ("s3.access-key", True),
        ("api_token", True),
        ("gcp.credentials", True),
        ("key.format", False),
        ("key.fields", False),
        ("properties.bootstrap.servers", False),
        ("username", False),
    ],
)
def test_secrets_are_recognised_by_their_names(name: str, secret: bool) -> None:
    assert is_secret(name) is secret


def test_credentials_inside_urls_and_ddl_are_masked() -> None:
    assert mask_text("jdbc:mysql://app:url-pw@db:3306/f?useSSL=true&password=param-pw") == (
        "jdbc:mysql://app:******@db:3306/f?useSSL=true&password=******"
    )
    assert mask_text("http://127.0.0.1:8081/jobs") == "http://127.0.0.1:8081/jobs"
    ddl = "CREATE TABLE t (a INT) WITH ('connector' = 'jdbc', 'password' = 'ddl-pw', 'it''s' = 'x')"
    assert mask_sql(ddl) == "CREATE TABLE t (a INT) WITH ('connector' = 'jdbc', 'password' = '******', 'it''s' = 'x')"


async def test_no_read_shows_a_secret_and_only_the_script_sent_to_flink_carries_them(
    client: httpx.AsyncClient,
) -> None:
    side = ds_body("users", "side", "mysql")
    side["jsonFieldVO"]["jsonValue"][0]["fieldValue"] = "jdbc:mysql://app:url-pw@db:3306/f?password=param-pw"
    side_id = envelope_ok(await client.post("/ds/addDO", json=side))
    kafka = ds_body("orders", "source", "kafka")
    kafka["jsonFieldVO"]["jsonValue"] += [
        prop("properties.sasl.jaas.config", JAAS),
        prop("properties.security.protocol", "SASL_SSL"),
        prop("api-token", "tok-123"),
    ]
    kafka_id = envelope_ok(await client.post("/ds/addDO", json=kafka))
    own = ds_body("own", "sink", "blackhole")
    own["ddlEnable"] = 1
    own["dsDdl"] = "CREATE TABLE own (id BIGINT) WITH ('connector' = 'blackhole', 'password' = 'ddl-pw')"
    own_id = envelope_ok(await client.post("/ds/addDO", json=own))

    for ds_id in (side_id, kafka_id, own_id):
        detail = envelope_ok(await client.get("/ds/get", params={"id": ds_id}))
        assert not leaks(shown(detail)), (ds_id, leaks(shown(detail)))
    for ds_type in ("source", "side", "sink"):
        listed = envelope_ok(await client.get("/ds/list", params={"dsType": ds_type, "pageSize": 50}))
        assert listed["total"] == 1 and not leaks(shown(listed)), leaks(shown(listed))
    query = "{ datasources(limit: 50) { items { dsDdl ddl properties { fieldName fieldValue } } } }"
    graph = await gql(client, query)
    assert "errors" not in graph and not leaks(shown(graph)), leaks(shown(graph))

    # an update that sends back what it was shown keeps the stored secrets
    shown_side = envelope_ok(await client.get("/ds/get", params={"id": side_id}))
    again = {**side, "id": side_id, "dsName": "users again", "jsonFieldVO": shown_side["jsonFieldVO"]}
    envelope_ok(await client.put("/ds/modifyDO", json=again))
    stored = await DatasourceProperties.get(datasource_id=side_id)
    values = {p["fieldName"]: p["fieldValue"] for p in stored.json_value}
    assert values["url"].startswith("jdbc:mysql://app:url-pw@") and values["password"] == "s3cret"

    cluster = await add_cluster(client)
    mappings = [
        {"dsId": kafka_id, "dsType": "source"},
        {"dsId": side_id, "dsType": "side"},
        {"dsId": own_id, "dsType": "sink", "runSql": "SELECT id FROM orders"},
    ]
    job = envelope_ok(
        await client.post("/jobs/addDO", json={"jobName": "j", "clusterId": cluster, "jobDsVOS": mappings})
    )
    script = (await gql(client, "query($id: ID!) { job(id: $id) { script } }", {"id": str(job["id"])}))["data"]
    assert script["job"]["script"] and not leaks(script["job"]["script"]), leaks(script["job"]["script"])
    row = await Job.get(id=job["id"])
    sent = (await build_script(row, pipeline_name(row))).text()
    assert set(leaks(sent)) == set(SECRETS), "the script Flink gets carries every secret"
    assert (await Datasource.get(id=own_id)).ds_ddl.endswith("'password' = 'ddl-pw')"), "read back as given"

    # at rest, sealed: the database itself holds none of them
    conn = connections.get("default")
    raw = await conn.execute_query_dict('SELECT "json_value" FROM "t_ds_json_field"')
    raw += await conn.execute_query_dict('SELECT "ds_ddl" FROM "t_ds"')
    assert not leaks(shown(raw)) and shown(raw).count("enc:v1:") == 5, shown(raw)[:500]


def test_the_key_is_made_once_private_and_a_wrong_key_says_so(tmp_path: Path) -> None:
    made = sealed.key_file(tmp_path / "data" / "secret.key")
    assert stat.S_IMODE((tmp_path / "data" / "secret.key").stat().st_mode) == 0o600
    assert sealed.key_file(tmp_path / "data" / "secret.key") == made, "made once, then read"
    text = sealed.seal("s3cret")
    assert text.startswith("enc:v1:") and sealed.unseal(text) == "s3cret" and sealed.seal(text) == text
    try:
        sealed.configure(made)
        with pytest.raises(sealed.SealError, match="HLINK_SECRET_KEY"):
            sealed.unseal(text)
    finally:
        sealed.configure(SECRET_KEY)


def test_more_credentials_are_recognised() -> None:
    assert mask_text("jdbc:oracle:thin:scott/tiger@db:1521/orcl") == "jdbc:oracle:thin:scott/******@db:1521/orcl"
    assert mask_text("jdbc:mysql://u:p/ss@db/f?pass=x") == "jdbc:mysql://u:******@db/f?pass=******"
    assert is_secret("avro-confluent.basic-auth.user-info")
    assert mask_sql("WITH ('password' /* why */ = 'pw')") == "WITH ('password' /* why */ = '******')"


def test_logged_graphql_errors_leave_out_the_input_they_quote() -> None:
    from hlink.schema import redacted

    message = "Variable '$input' got invalid value {'fieldName': 'password', 'fieldValue': 'hunter2'}; bad"
    assert "hunter2" not in redacted(message) and redacted(message).startswith("Variable '$input' got invalid value")
