"""A seeded secret of every kind a fuzz run still found shown (issue 24 item 4, issue 18 item 11), searched for in
every answer that shows its row, in the log, and (for those sealed at rest) in the SQLite file: a cluster address
with user:password@, JAR program arguments, savepoint and checkpoint folders with credentials, URL passwords
holding @, a quote or a blank, URL parameters (apikey, access_token, sig, SharedAccessKey, AccountKey), options
named authorization, auth, bearer, connection.string, lookup.header.Authorization, own-DDL literals written as
adjacent strings, U&'...' or with a doubled quote, and query strings in the access log."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from hlink.logs import Context
from tests.conftest import gql
from tests.helpers import ds_body, envelope_ok, prop

#: secrets of the kinds that are sealed at rest as well as masked when shown
SEALED = {
    "program": "Sprogram1",
    "url_at": "Sp@ss w'rd2",
    "apikey": "Sapikey3",
    "token": "Saccesstoken4",
    "sig": "Ssig5",
    "sak": "Ssharedkey6",
    "account": "Saccountkey7",
    "authorization": "Sauthz8",
    "auth": "Sauth9",
    "bearer": "Sbearer10",
    "connection": "Sconn11",
    "header": "Sheader12",
    "adjacent": "Sadj13",
    "unicode": "Suni14",
    "doubled": "Sdbl15",
    "own_header": "Sownheader19",
}
#: shown masked; stored as given (the address is how a cluster is found again: put credentials in Flink's config)
MASKED = {"address": "Sclusterpw16", "savepoints": "Ssavepoint17", "checkpoints": "Scheckpoint18"}


async def seed(client: httpx.AsyncClient) -> tuple[int, int, int, int]:
    cluster = envelope_ok(
        await client.post(
            "/cluster/add",
            params={"name": "creds", "type": 1, "address": f"http://hl:{MASKED['address']}@127.0.0.1:9"},
        )
    )
    cluster_id = int(cluster["id"]) if isinstance(cluster, dict) else int(cluster)
    job = envelope_ok(
        await client.post(
            "/jobs/addDO",
            json={
                "jobName": "jar with secrets",
                "jobType": 1,
                "clusterId": cluster_id,
                "program": f"--input /in --password {SEALED['program']} --parallelism 2",
                "stateSavepointsDir": f"s3://AKIA:{MASKED['savepoints']}@bucket/sp",
                "checkpointStatebackendPath": f"s3://AKIA:{MASKED['checkpoints']}@bucket/ck",
            },
        )
    )
    properties = [
        prop("rows-per-second", "5"),
        prop("some.url", f"jdbc:mysql://u:{SEALED['url_at']}@db:3306/x"),
        prop("other.url", f"https://h/x?apikey={SEALED['apikey']}&access_token={SEALED['token']}&sig={SEALED['sig']}"),
        prop("bus.endpoint", f"Endpoint=sb://x/;SharedAccessKeyName=n;SharedAccessKey={SEALED['sak']}"),
        prop("blob.conn", f"DefaultEndpointsProtocol=https;AccountName=a;AccountKey={SEALED['account']}"),
        prop("http.authorization", SEALED["authorization"]),
        prop("http.auth", SEALED["auth"]),
        prop("http.bearer", SEALED["bearer"]),
        prop("connection.string", SEALED["connection"]),
        prop("lookup.header.authorization", SEALED["header"]),
    ]
    generated = envelope_ok(
        await client.post("/ds/addDO", json=ds_body("creds_t", jsonFieldVO={"jsonValue": properties}))
    )
    own = (
        "CREATE TABLE own_t (id BIGINT) WITH ('connector' = 'datagen', "
        f"'password' = 'Sadj' '13{SEALED['adjacent'][-2:]}', 'x.token' = U&'{SEALED['unicode']}', "
        f"'y.secret' = 'a''{SEALED['doubled']}', 'lookup.header.Authorization' = '{SEALED['own_header']}')"
    )
    own = own.replace(f"'13{SEALED['adjacent'][-2:]}'", "'13'")  # 'Sadj' '13': the secret is Sadj13, split in two
    mine = envelope_ok(await client.post("/ds/addDO", json=ds_body("own_t", ddlEnable=1, dsDdl=own)))
    return cluster_id, int(job["id"]), int(generated), int(mine)


def leaks(text: str) -> list[str]:
    every = {**SEALED, **MASKED}
    found = [kind for kind, secret in every.items() if secret in text]
    if "Sadj" in text and "'13'" in text:
        found.append("adjacent (in two parts)")
    return found


async def test_every_kind_of_secret_is_masked_in_every_answer_and_sealed_at_rest(
    client: httpx.AsyncClient, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):  # hlink's lines (the ORM's DEBUG lines echo SQL parameters)
        cluster_id, job_id, ds_id, own_id = await seed(client)
        answers = [
            await client.get("/cluster/check/list"),
            await client.get("/cluster/list"),
            await client.get("/cluster/info", params={"clusterId": cluster_id}),
            await client.get("/jobs/list"),
            await client.get(f"/jobs/{job_id}"),
            await client.get("/ds/list", params={"dsType": "source"}),
            await client.get("/ds/get", params={"id": ds_id}),
            await client.get("/ds/get", params={"id": own_id}),
        ]
        graph = await gql(
            client,
            """{ clusters { items { address } } jobs { items { program stateSavepointsDir checkpointStatebackendPath
                 script } } datasources { items { dsDdl ddl properties { fieldName fieldValue } } } }""",
        )
        refused = await client.post(f"/jobs/run/{job_id}")  # the cluster does not answer: its address in the message
    assert all(a.status_code == 200 for a in answers) and "errors" not in graph, [a.text[:200] for a in answers]
    texts = [a.text for a in answers] + [str(graph), refused.text]
    assert "******" in texts[-2], "the answers show masks"
    for text in texts:
        assert not leaks(text), (leaks(text), text[:2000])
    ours = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore")))
    assert not leaks(ours), ours[-2000:]  # hlink's log (httpx's lines are the test client's own)
    if database_url.startswith("sqlite://"):
        path = Path(database_url.removeprefix("sqlite://").split("?")[0])
        stored = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*")).decode("latin-1")
        assert [k for k, s in SEALED.items() if s in stored] == [], "sealed at rest"


def test_the_access_log_writes_paths_without_query_values() -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5", "GET", "/cluster/add?name=x&address=http://u:Spw@h:1&access_token=Stok", "1.1", 200), None,
    )  # fmt: skip
    Context().filter(record)
    line = record.getMessage()
    assert "Spw" not in line and "Stok" not in line, line
    assert "/cluster/add?name=*&address=*&access_token=*" in line, line
