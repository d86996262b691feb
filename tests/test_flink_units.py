"""Fast checks of the pure parts of the Flink path: statement splitting, error reading, settings, DDL."""

from __future__ import annotations

import httpx
import pytest

from hlink.flink.client import FlinkClient, RunRequest
from hlink.flink.errors import FlinkRejected, FlinkUnavailable, failed_statement, readable_cause
from hlink.models import Column, Datasource, Job
from hlink.services.catalog.ddl import TableSpec, create_table, options_of, quote, spec_of
from hlink.services.errors import ValidationFailed
from hlink.services.jobs.script import Restore, job_settings
from hlink.services.jobs.submission import program_args
from hlink.services.sqltext import place, split_statements

TRACE = """org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.
\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$1(JarRunHandler.java:114)
Caused by: org.apache.flink.client.program.ProgramInvocationException: The main method caused an error
\tat org.apache.flink.client.program.PackagedProgram.callMainMethod(PackagedProgram.java:373)
Caused by: java.lang.IllegalArgumentException: hlink statement #3 failed: SQL validation failed. From line 1, \
column 26 to line 1, column 28: Column 'nme' not found in any table
Caused by: Column 'nme' not found in any table
\tat hlink.runner.HlinkSqlRunner.main(HlinkSqlRunner.java:57)
"""


def test_the_runner_report_names_the_statement_and_keeps_the_placed_message() -> None:
    assert failed_statement(TRACE) == (
        3,
        "SQL validation failed. From line 1, column 26 to line 1, column 28: Column 'nme' not found in any table",
    )


def test_without_a_runner_report_the_last_caused_by_line_is_read() -> None:
    trace = "x.Y: outer\n\tat a.b(C.java:1)\nCaused by: java.lang.ClassNotFoundException: demo.Nope\n\tat q.r(S.java:2)"
    assert readable_cause(trace) == "demo.Nope"
    assert readable_cause("") == "Flink gave no reason"


def test_statements_split_outside_quotes_and_comments_with_their_start() -> None:
    text = "-- a comment; not a split\nINSERT INTO a SELECT ';' FROM b;\n\n  INSERT INTO `x;y` /* ; */ SELECT 1;;"
    pieces = split_statements(text)
    assert [p.sql for p in pieces] == [
        "-- a comment; not a split\nINSERT INTO a SELECT ';' FROM b",
        "INSERT INTO `x;y` /* ; */ SELECT 1",
    ]
    assert (pieces[1].line, pieces[1].column) == (4, 3)
    assert place(pieces[1], 1, 5) == (4, 7)
    assert place(pieces[1], 2, 5) == (5, 5)


def test_job_settings_map_the_documented_codes_to_flink_keys() -> None:
    job = Job(
        id=1,
        job_name="j",
        parallelism=3,
        checkpoint_interval=5000,
        checkpoint_mode=1,
        checkpoint_cleanup_mode=1,
        checkpoint_statebackend_type=2,
        checkpoint_statebackend_path="file:///ck",
        restart_strategy=2,
        failure_rate=4,
        failure_interval=2,
        delay_interval=7,
        enable_minibatch_optimization=1,
        table_exec_minibatch_allowlatency=2,
        table_exec_minibatch_size=500,
        table_optimizer_agg_phase_strategy=1,
        table_optimizer_distinct_agg_split_enabled=1,
    )
    s = job_settings(job, "j [hlink job 1 5f3a09c2]", Restore("file:///sp", allow_non_restored=True))
    assert s == {
        "pipeline.name": "j [hlink job 1 5f3a09c2]",
        "parallelism.default": "3",
        "execution.checkpointing.interval": "5000 ms",
        "execution.checkpointing.mode": "AT_LEAST_ONCE",
        "execution.checkpointing.externalized-checkpoint-retention": "DELETE_ON_CANCELLATION",
        "state.backend.type": "rocksdb",
        "execution.checkpointing.dir": "file:///ck",
        "restart-strategy.type": "failure-rate",
        "restart-strategy.failure-rate.max-failures-per-interval": "4",
        "restart-strategy.failure-rate.failure-rate-interval": "2 min",
        "restart-strategy.failure-rate.delay": "7 s",
        "table.exec.mini-batch.enabled": "true",
        "table.exec.mini-batch.allow-latency": "2 s",
        "table.exec.mini-batch.size": "500",
        "table.optimizer.agg-phase-strategy": "TWO_PHASE",
        "table.optimizer.distinct-agg.split.enabled": "true",
        "execution.state-recovery.path": "file:///sp",
        "execution.state-recovery.ignore-unclaimed-state": "true",
    }
    job.checkpoint_interval = 0
    assert "execution.checkpointing.interval" not in job_settings(job, "j")


def test_ddl_folds_nested_columns_quotes_names_and_adds_time_attributes() -> None:
    columns = (
        Column(id=1, virtual_id="1", virtual_pid="0", name="key", flink_type="BIGINT", join_key=1, sort=0),
        Column(id=2, virtual_id="2", virtual_pid="0", name="user", flink_type="ROW", sort=1),
        Column(id=3, virtual_id="3", virtual_pid="2", name="name", flink_type="STRING", sort=0),
        Column(id=4, virtual_id="4", virtual_pid="2", name="orders", flink_type="ARRAY", sort=1),
        Column(id=5, virtual_id="5", virtual_pid="4", name="sku", flink_type="STRING", sort=0),
        Column(id=6, virtual_id="6", virtual_pid="0", name="ts", flink_type="TIMESTAMP(3)", event_time=1, sort=2),
    )
    props: list[dict[str, object]] = [
        {"fieldName": "rows-per-second", "fieldValue": 5},
        {"fieldName": "watermark_delay", "fieldValue": "3"},
    ]
    ds = Datasource(table_name="order", ds_type="source", table_type="datagen", ddl_enable=0)
    ddl = create_table(spec_of(ds, "source", columns, props))
    assert ddl == (
        "CREATE TABLE `order` (\n"
        "  `key` BIGINT,\n"
        "  `user` ROW<`name` STRING, `orders` ARRAY<ROW<`sku` STRING>>>,\n"
        "  `ts` TIMESTAMP(3),\n"
        "  `proctime` AS PROCTIME(),\n"
        "  WATERMARK FOR `ts` AS `ts` - INTERVAL '3' SECOND\n"
        ") WITH (\n"
        "  'connector' = 'datagen',\n"
        "  'rows-per-second' = '5'\n"
        ")"
    )
    side = create_table(TableSpec("dim", "side", "jdbc", columns[:1], options_of("side", "jdbc", [])))
    assert "PRIMARY KEY (`key`) NOT ENFORCED" in side and "`proctime` AS PROCTIME()" in side
    assert quote("a`b") == "`a``b`"


async def test_client_errors_are_typed_and_readable() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/jobs/overview":
            raise httpx.ConnectError("refused")
        return httpx.Response(500, json={"errors": [TRACE]})

    async with FlinkClient("127.0.0.1:1", transport=httpx.MockTransport(answer)) as client:
        with pytest.raises(FlinkRejected) as rejected:
            await client.plan("x.jar", RunRequest(entry_class="E"))
        assert rejected.value.statement == 3 and rejected.value.status == 500
        assert rejected.value.message.startswith("SQL validation failed. From line 1, column 26")
        with pytest.raises(FlinkUnavailable):
            await client.jobs()
        with pytest.raises(FlinkRejected):
            await client.job("../../etc")


def test_program_arguments_split_like_a_shell() -> None:
    assert program_args("--name 'a b' -x") == ["--name", "a b", "-x"]
    assert program_args(None) == []
    with pytest.raises(ValidationFailed) as error:
        program_args("--name 'open")
    assert "program" in error.value.fields
