"""A data preview: the first rows of a job's sink query, a datasource or an ad-hoc query, bounded in rows and
time, through the cluster's job manager only, with nothing written and nothing left running.

The SQL runner runs the query in its preview mode (flink/runner/HlinkSqlRunner.java, ``Preview``): inside the
job manager, collecting from the collect sink's coordinator, and answering the rows through the failing answer of
``/jars/{id}/run``. A preview is not a job: no run row, no status event; its row in ``t_preview`` (slots.py) is
what limits how many run at once and what lets the reconciler cancel its Flink job if hlink dies meanwhile.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from hlink.flink.client import RunRequest
from hlink.flink.errors import FlinkError, FlinkRejected, FlinkUnavailable
from hlink.flink.sqlrunner import PREVIEW, RUNNER_CLASS
from hlink.flink.versions import FlinkVersion
from hlink.masking import mask_sql
from hlink.models import Cluster
from hlink.runtime import Runtime
from hlink.services.access.audit import guarded
from hlink.services.actor import Role
from hlink.services.checks import Checks
from hlink.services.clusters.clients import jar_missing
from hlink.services.errors import NotFound, Refused, Unavailable, ValidationFailed
from hlink.services.jobs.states import now
from hlink.services.jobs.submission import new_job_id
from hlink.services.preview import slots, statements
from hlink.services.preview.live import Deliver, follow

log = logging.getLogger("hlink.preview")
DEFAULT_ROWS, DEFAULT_SECONDS, MAX_SECONDS = 100, 30, 180
#: what the submission may take beside the preview's own seconds (planning, the jar's upload, the job's start):
#: how long hlink waits for the answer, and how long after its seconds the reconciler cancels a job left behind
MARGIN_SECONDS = 30
#: the most bytes of rows (as JSON) one preview hands back, whatever its limit: a row may be large
MAX_BYTES = 2 * 1024 * 1024
REASONS = ("LIMIT", "TIME", "ENDED", "BYTES")


@dataclass(frozen=True)
class PreviewInput:
    """What to preview; ``sql`` alone needs ``job_id`` or ``datasource_id`` for its tables."""

    job_id: int | None = None
    datasource_id: int | None = None
    sql: str | None = None
    cluster_id: int | None = None
    limit: int | None = None
    seconds: int | None = None


@dataclass
class PreviewResult:
    """The rows and why the preview stopped."""

    id: int
    columns: list[tuple[str, str]]
    #: the result table as it stood when the preview stopped, each row its values in column order
    rows: list[list[Any]]
    #: LIMIT (the limit was reached), TIME (its seconds were up), ENDED (the source ended), BYTES (too large)
    reason: str
    #: whether rows may be missing: every reason but ENDED
    truncated: bool
    #: an updating query (a GROUP BY): its first changes as Flink emitted them, ``{kind, row}`` each
    updating: bool = False
    changes: list[dict[str, Any]] = field(default_factory=list)
    flink_job_id: str = ""
    seconds: float = 0.0


def _bounds(runtime: Runtime, data: PreviewInput) -> tuple[int, int]:
    limit = DEFAULT_ROWS if data.limit is None else data.limit
    seconds = DEFAULT_SECONDS if data.seconds is None else data.seconds
    checks = Checks()
    checks.in_range("limit", limit, 1, runtime.preview_max_rows)
    checks.in_range("seconds", seconds, 1, MAX_SECONDS)
    if data.sql is not None and len(data.sql) > 100_000:
        checks.add("sql", "is longer than 100000 characters")
    checks.done()
    return limit, seconds


@guarded("preview.run", Role.DEVELOPER, "preview")
async def preview(runtime: Runtime, data: PreviewInput, live: Deliver | None = None) -> PreviewResult:
    """Run one preview to its end (limit, time, or the source's end) and answer its rows. Bad input and SQL that
    does not plan are refused with their place before any Flink job starts; a cluster with no free task slot,
    or with as many previews as allowed, refuses at once. With ``live``, the changes it keeps are also handed
    to ``live`` as they arrive (live.py)."""
    started = now()
    limit, seconds = _bounds(runtime, data)
    plan = await statements.plan(data.job_id, data.datasource_id, data.sql, data.cluster_id)
    cluster = await Cluster.get_or_none(id=plan.cluster_id)
    if cluster is None:
        raise NotFound("cluster", plan.cluster_id)
    client = runtime.flink.client(cluster.endpoint)
    try:
        version = FlinkVersion.parse(await runtime.flink.version(client))
        plan = await statements.plan(data.job_id, data.datasource_id, data.sql, data.cluster_id, version)
        free = int((await client.overview()).get("slots-available") or 0)
    except FlinkUnavailable as error:
        raise Unavailable(error.message) from None
    except FlinkRejected as error:
        raise Refused(error.message) from None
    if free < plan.parallelism:
        raise Refused(
            f"cluster {cluster.id} has {free} free task slots and the preview needs {plan.parallelism}: "
            "nothing was started; try again when a job has ended"
        )
    try:
        runner = await runtime.flink.runner([runtime.storage.resolve(u.udf_path) for u in plan.udfs])
        jar_id = await runtime.flink.ensure_jar(client, runner)
    except (NotFound, OSError) as error:
        raise ValidationFailed({"udf": f"the jars of the functions cannot be read: {error}"}) from None
    except FlinkError as error:
        raise Unavailable(error.message) from None
    jid = new_job_id()
    request = RunRequest(
        entry_class=RUNNER_CLASS,
        program_args=[
            PREVIEW,
            *plan.script.statements,
            f"limit={limit} seconds={seconds} job={jid} bytes={MAX_BYTES} live={int(live is not None)}",
        ],
        version=version,
    )
    deadline = started + timedelta(seconds=seconds + MARGIN_SECONDS)
    row = await slots.admit(runtime, cluster.id, jid, plan.pipeline, deadline)
    try:
        run = _run(runtime, client, jar_id, runner, request, seconds + MARGIN_SECONDS)
        answer = await (run if live is None else follow(client, jid, run, live))
    except FlinkRejected as error:
        if error.statement is not None and error.statement >= 0:
            raise plan.locate(error.statement, mask_sql(error.message)) from None
        raise Refused(f"the preview failed: {mask_sql(error.message)}") from None
    except FlinkUnavailable as error:
        raise Unavailable(error.message) from None
    finally:
        await slots.finish_shielded(client, row)
    return _result(row.id, answer, (now() - started).total_seconds())


async def _run(
    runtime: Runtime, client: Any, jar_id: str, runner: Any, request: RunRequest, within: float
) -> dict[str, Any]:
    """The runner's answer; a jar the cluster lost (it restarted) is uploaded again, once."""
    try:
        answer: dict[str, Any] = await client.preview(jar_id, request, within)
        return answer
    except FlinkRejected as error:
        if not jar_missing(error):
            raise
    runtime.flink.forget_uploads(client)
    jar_id = await runtime.flink.ensure_jar(client, runner)
    again: dict[str, Any] = await client.preview(jar_id, request, within)
    return again


def _result(preview_id: int, answer: dict[str, Any], took: float) -> PreviewResult:
    reason = str(answer.get("reason"))
    if reason not in REASONS:
        raise Refused(f"the SQL runner answered a preview that stopped for no known reason: {reason[:40]!r}")
    columns = [(str(c.get("name")), str(c.get("type"))) for c in answer.get("columns") or []]
    return PreviewResult(
        id=preview_id,
        columns=columns,
        rows=list(answer.get("rows") or []),
        reason=reason,
        truncated=reason != "ENDED",
        updating=bool(answer.get("updating")),
        changes=list(answer.get("changes") or []),
        flink_job_id=str(answer.get("jobId") or ""),
        seconds=round(took, 3),
    )


def kept_changes(result: PreviewResult) -> list[dict[str, Any]]:
    """The changes a preview kept, in the order Flink emitted them (what a live preview streams): an updating
    query's changes, an appending query's rows as inserts."""
    return result.changes if result.updating else [{"kind": "+I", "row": r} for r in result.rows]


def rows_json(result: PreviewResult) -> str:
    """The rows as one JSON text (for logs and benchmarks)."""
    return json.dumps(result.rows)
