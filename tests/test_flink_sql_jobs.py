"""SQL jobs written the way the original's clients write them (a sink's runSql is its SELECT), on each tested
Flink version, with the cluster's own job list counted: hlink never leaves a Flink job it does not track."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hlink.flink.client import FlinkClient, RunRequest
from hlink.flink.errors import FlinkRejected
from hlink.flink.local import LocalFlink
from hlink.flink.sqlrunner import RUNNER_CLASS
from hlink.flink.versions import FlinkVersion
from tests.conftest import RUNNER_JAR
from tests.helpers import add_cluster, envelope_fail, envelope_ok, job_log
from tests.test_flink_lifecycle import add_ds, add_job, flink_state

pytestmark = pytest.mark.flink_lines  # what hlink says to Flink differs by line


async def flink_jobs(flink: LocalFlink) -> list[dict[str, Any]]:
    """Every job the cluster knows, whatever its state."""
    async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
        jobs: list[dict[str, Any]] = (await http.get("/jobs/overview")).json()["jobs"]
        return jobs


async def source_and_sink(client: httpx.AsyncClient, flink: LocalFlink, sink: str) -> tuple[int, int, int]:
    cluster = await add_cluster(client, address=flink.url)
    source = await add_ds(client, "clicks", "source", "datagen", **{"rows-per-second": "20"})
    return cluster, source, await add_ds(client, sink, "sink", "blackhole")


async def test_a_select_runs_savepoints_stops_and_restarts_leaving_exactly_one_flink_job(
    client: httpx.AsyncClient, flink: LocalFlink
) -> None:
    cluster, source, sink = await source_and_sink(client, flink, "shown")
    before = await flink_jobs(flink)
    sql = "-- the rows for the dashboard\nSELECT id, UPPER(name) FROM clicks WHERE id > 0;"
    job = await add_job(client, "select form", cluster, source, sink, sql, checkpointInterval=1000)
    assert job["validationStatus"] == 1, job["validationError"]
    assert envelope_ok(await client.post("/jobs/addDO", json={**_body(job), "jobName": "again"}))
    assert len(await flink_jobs(flink)) == len(before), "saving and validating start no Flink job"

    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    after_run = await flink_jobs(flink)
    assert len(after_run) == len(before) + 1, "a run adds exactly one Flink job"
    overview = envelope_ok(await client.get(f"/jobs/overview/{job['id']}"))
    assert overview["jid"] == run["flinkJobId"] and overview["state"] == "RUNNING"

    savepoint = envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))
    stopped = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    assert (stopped["jobStatus"], stopped["flinkState"]) == (2, "CANCELED"), stopped
    assert stopped["savepoint"]["kind"] == "stop" and stopped["savepoint"]["savepointPath"]
    assert stopped["savepoint"]["savepointPath"] != savepoint["savepointPath"]

    restarted = envelope_ok(await client.post(f"/jobs/restart/{job['id']}"))
    assert restarted["restoredFrom"] == stopped["savepoint"]["savepointPath"]
    await flink_state(flink, restarted["flinkJobId"], "RUNNING")
    known = {j["jid"] for j in before}
    ours = [j for j in await flink_jobs(flink) if j["jid"] not in known]
    assert {j["jid"] for j in ours} == {run["flinkJobId"], restarted["flinkJobId"]}, ours
    assert [j["jid"] for j in ours if j["state"] == "RUNNING"] == [restarted["flinkJobId"]], ours
    log = await job_log(client, job["id"])
    assert [r["flinkJobId"] for r in log["runs"]] == [restarted["flinkJobId"], run["flinkJobId"]]
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


def _body(job: dict[str, Any]) -> dict[str, Any]:
    return {
        "jobName": job["jobName"],
        "jobType": 0,
        "clusterId": job["clusterId"],
        "jobDsVOS": [{"dsId": m["dsId"], "dsType": m["dsType"], "runSql": m["runSql"]} for m in job["jobDsVOS"]],
    }


async def test_a_query_error_is_placed_in_the_users_select_and_a_failed_run_leaves_no_flink_job(
    client: httpx.AsyncClient, flink: LocalFlink
) -> None:
    cluster, source, sink = await source_and_sink(client, flink, "shown_e")
    before = await flink_jobs(flink)
    job = await add_job(client, "typo", cluster, source, sink, "SELECT id,\n       nme FROM clicks")
    assert job["validationStatus"] == 2
    error = job["validationError"]
    assert (error["field"], error["line"], error["column"]) == ("jobDsVOS[1].runSql", 2, 8), error
    # Flink's own positions in the message are the user's too (Flink counted the INSERT line hlink added)
    assert error["message"].startswith("From line 2, column 8 to line 2, column 10: Column 'nme' not found"), error
    refused = envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 400)
    assert "line 2, column 8" in refused["data"]["fields"]["jobDsVOS[1].runSql"], refused
    assert len(await flink_jobs(flink)) == len(before)


async def test_the_runner_refuses_a_statement_that_would_start_a_job_of_its_own_before_planning(
    flink: LocalFlink,
) -> None:
    table = "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen')"
    sink = "CREATE TABLE out_t (id BIGINT) WITH ('connector' = 'blackhole')"
    insert = "INSERT INTO out_t SELECT id FROM src"
    before = await flink_jobs(flink)
    async with FlinkClient(flink.url) as client:
        runner, _ = await client.upload_jar(RUNNER_JAR, "hlink-sql-runner-refusals.jar")
        for statements, index, reason in (
            ([table, "SELECT * FROM src", sink, insert], 1, "this one starts with SELECT"),
            (
                [table, "/* copy */ CREATE TABLE c WITH ('connector'='blackhole') AS SELECT * FROM src", insert],
                1,
                "CREATE TABLE ... AS SELECT",
            ),
            ([table, sink, "EXPLAIN " + insert, insert], 2, "starts with EXPLAIN"),
            ([table, sink, "EXECUTE STATEMENT SET BEGIN " + insert + "; END"], 2, "starts with EXECUTE"),
            ([table, sink], -1, "the script has no INSERT statement"),
        ):
            for call in (client.run, client.plan):
                with pytest.raises(FlinkRejected) as refused:
                    await call(runner, RunRequest(entry_class=RUNNER_CLASS, program_args=statements))
                assert refused.value.statement == index and reason in refused.value.message, refused.value.message
        # comments, computed columns and quoted text are not mistaken for what they are not
        ok = [
            "-- a source\nCREATE TABLE src (id BIGINT, ts AS PROCTIME()) WITH ('connector' = 'datagen')",
            sink,
            "SET 'pipeline.name' = 'it''s planned'",
            insert,
        ]
        plan = await client.plan(runner, RunRequest(entry_class=RUNNER_CLASS, program_args=ok))
        assert plan["nodes"], plan
    assert len(await flink_jobs(flink)) == len(before), "neither refusals nor plans start a Flink job"


async def test_hlink_reads_each_clusters_version(client: httpx.AsyncClient, flink: LocalFlink) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    version = FlinkVersion.parse(await runtime.flink.version(runtime.flink.client(flink.url)))
    assert version == FlinkVersion.parse(flink.version)
    assert version >= FlinkVersion(1, 20)


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        ("INSERT INTO other_t SELECT id, name FROM clicks", "line 1, column 13: inserts into other_t"),
        ("SELECT id, name FROM clicks;\n  SELECT id, name FROM clicks", "line 2, column 3: holds 2 statements"),
        ("SET 'parallelism.default' = '2'", "line 1, column 1: starts with SET"),
        ("\n  CREATE TABLE x (id BIGINT)", "line 2, column 3: starts with CREATE"),
        ("   ", "is empty: give the query whose rows go into this sink"),
        ("INSERT INTO `Shown` SELECT id, name FROM clicks", "line 1, column 13: inserts into Shown, not"),
        ("INSERT INTO other_db.shown SELECT id, name FROM clicks", "inserts into other_db.shown, not"),
    ],
)
async def test_a_sinks_runsql_that_is_not_its_query_is_refused_on_save_at_its_place(
    client: httpx.AsyncClient, sql: str, where: str
) -> None:
    cluster = await add_cluster(client)
    source = await add_ds(client, "clicks", "source", "datagen")
    sink = await add_ds(client, "shown", "sink", "blackhole")
    body = {
        "jobName": "bad sql",
        "jobType": 0,
        "clusterId": cluster,
        "jobDsVOS": [{"dsId": source, "dsType": "source"}, {"dsId": sink, "dsType": "sink", "runSql": sql}],
    }
    answer = envelope_fail(await client.post("/jobs/addDO", json=body), 400)
    assert where in answer["data"]["fields"]["jobDsVOS[1].runSql"], answer
    assert envelope_ok(await client.get("/jobs/list"))["total"] == 0, "nothing is saved"


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id, name FROM clicks",
        "select id, name from clicks;",
        "/* note */ WITH c AS (SELECT id, name FROM clicks) SELECT * FROM c",
        "INSERT INTO `shown` SELECT id, name FROM clicks",
        "insert into default_catalog.default_database.shown select id, name from clicks",
        "SELECT id, name FROM clicks; /* the whole query */ -- and a note",
        "VALUES (1, 'a')",
    ],
)
async def test_a_sinks_query_or_its_own_insert_is_accepted(client: httpx.AsyncClient, sql: str) -> None:
    cluster = await add_cluster(client, address="http://127.0.0.1:9")  # nothing answers: saved as a draft
    source = await add_ds(client, "clicks", "source", "datagen")
    sink = await add_ds(client, "shown", "sink", "blackhole")
    job = await add_job(client, "good sql", cluster, source, sink, sql)
    assert job["jobDsVOS"][1]["runSql"] == sql, "the user's text is stored as given"
    script = (await client.post("/graphql", json={"query": f"{{ job(id: {job['id']}) {{ script }} }}"})).json()
    statement = script["data"]["job"]["script"].split(";\n\n")[-1].strip().rstrip(";")
    if sql.lower().startswith("insert"):
        assert statement == sql.strip(), statement
    else:
        assert statement == "INSERT INTO `shown`\n" + sql.split(";")[0].strip(), statement


def test_run_requests_ask_each_version_for_what_it_reads() -> None:
    settings = {"execution.checkpointing.dir": "file:///c", "execution.state-recovery.path": "file:///s"}
    for version, keys in (
        ("2.3.0", {"execution.checkpointing.dir", "execution.state-recovery.path"}),
        ("1.20.5", {"execution.checkpointing.dir", "execution.state-recovery.path"}),
        ("1.19.1", {"state.checkpoints.dir", "execution.savepoint.path"}),
    ):
        request = RunRequest(
            entry_class="E", savepoint_path="file:///s", configuration=settings, version=FlinkVersion.parse(version)
        )
        body = request.body()
        assert set(body["flinkConfiguration"]) == keys, version
        # both 1.20 and 2.x read the claim mode from this field (2.x ignores recoveryClaimMode)
        assert body["claimMode"] == "NO_CLAIM" and body["savepointPath"] == "file:///s"


@pytest.mark.parametrize(
    ("ddl", "where"),
    [
        ("INSERT INTO t SELECT 1", "line 1, column 1: starts with INSERT INTO"),
        ("CREATE TABLE t (id INT) WITH ('connector' = 'datagen');\nSET 'a' = 'b'", "line 2, column 1: holds 2"),
        ("CREATE VIEW v AS SELECT 1", "starts with CREATE VIEW"),
    ],
)
async def test_a_datasources_own_ddl_is_one_create_table(client: httpx.AsyncClient, ddl: str, where: str) -> None:
    body = {"dsName": "t", "dsType": "source", "tableName": "t", "tableType": "datagen", "dsDdl": ddl, "ddlEnable": 1}
    answer = envelope_fail(await client.post("/ds/addDO", json=body), 400)
    assert where in answer["data"]["fields"]["dsDdl"], answer
