"""What a job sends to Flink: the jar to run and the run/plan request (the SQL runner and its script for SQL jobs)."""

from __future__ import annotations

import secrets
import shlex
from dataclasses import dataclass
from pathlib import Path

from flink.client import FlinkClient, RunRequest
from flink.errors import FlinkRejected
from flink.local import RUNNER_CLASS
from models import Cluster, Jar, Job, Udf
from services.errors import NotFound, ValidationFailed
from services.jars import jar_path as stored_path
from services.runtime import Runtime, jar_missing
from services.script import Restore, Script, build_script, job_settings

SQL_JOB, JAR_JOB = 0, 1


def pipeline_name(job: Job, run_id: int | None) -> str:
    """The Flink job's name: the job's, tagged so hlink finds the Flink job again after a restart of its own.

    A random token makes the name unique even across hlink installations (or databases) sharing a cluster,
    whose job and run ids may coincide.
    """
    return f"{job.job_name} [hlink job {job.id} run {run_id or 0} {secrets.token_hex(4)}]"


@dataclass
class Submission:
    """Everything needed to plan or run one job on its cluster."""

    client: FlinkClient
    jar_id: str
    jar_path: Path
    request: RunRequest
    script: Script | None  # SQL jobs only


async def cluster_of(job: Job) -> Cluster:
    """The job's cluster, or a validation error naming clusterId."""
    if job.cluster_id is None:
        raise ValidationFailed({"clusterId": f"job {job.id} has no cluster to run on"})
    cluster = await Cluster.get_or_none(id=job.cluster_id)
    if cluster is None:
        raise NotFound("cluster", job.cluster_id)
    return cluster


async def prepare(
    runtime: Runtime, job: Job, pipeline: str, restore: Restore | None = None, *, planning: bool = False
) -> Submission:
    """Build the request for ``job`` and make sure the cluster has the jars it needs.

    For ``planning`` the checkpoint interval is left out: it does not change the job graph, and Flink 2.3's
    planner, with checkpointing on, compiles generated code without the classes of USING JAR functions.
    """
    cluster = await cluster_of(job)
    client = runtime.client(cluster.address)
    if job.job_type == JAR_JOB:
        jar = await Jar.get_or_none(res_uname=job.use_jar) if job.use_jar else None
        if jar is None:
            raise ValidationFailed({"useJar": "a JAR job needs an uploaded jar (useJar)"})
        if not (job.entry_class or jar.entry_class):
            raise ValidationFailed({"entryClass": "a JAR job needs its entry class"})
        jar_path = runtime.storage.resolve(stored_path(jar))
        ((jar_id, _),) = await runtime.ensure_jars(client, [jar_path])
        request = RunRequest(
            entry_class=job.entry_class or jar.entry_class or "",
            program_args=program_args(job.program),
            parallelism=job.parallelism,
            configuration=job_settings(job, pipeline, restore, checkpointing=not planning),
        )
        _restore(request, restore)
        return Submission(client, jar_id, jar_path, request, None)
    runner_id = await runtime.runner_id(client)
    paths: dict[int, str] = {}

    async def udf_path(udf: Udf) -> str:
        if udf.id not in paths:
            udf_jar = runtime.storage.resolve(udf.udf_path)
            ((_, server_path),) = await runtime.ensure_jars(client, [udf_jar], need_path=True)
            paths[udf.id] = server_path
        return paths[udf.id]

    script = await build_script(job, pipeline, restore, udf_path, checkpointing=not planning)
    request = RunRequest(
        entry_class=RUNNER_CLASS,
        program_args=script.statements,
        parallelism=job.parallelism,
        configuration=script.settings,
    )
    _restore(request, restore)
    assert runtime.runner_jar is not None
    return Submission(client, runner_id, runtime.runner_jar, request, script)


def program_args(program: str | None) -> list[str]:
    """A JAR job's program arguments, split like a shell does (quotes keep spaces)."""
    try:
        return shlex.split(program or "")
    except ValueError as error:
        raise ValidationFailed({"program": f"cannot split the program arguments: {error}"}) from None


def _restore(request: RunRequest, restore: Restore | None) -> None:
    if restore is not None:
        request.savepoint_path = restore.path
        request.allow_non_restored_state = restore.allow_non_restored


async def with_jar_retry(runtime: Runtime, submission: Submission, plan: bool) -> object:
    """Plan or run; when the cluster lost the jar (restarted), upload again once and retry."""
    for attempt in (0, 1):
        try:
            if plan:
                return await submission.client.plan(submission.jar_id, submission.request)
            return await submission.client.run(submission.jar_id, submission.request)
        except FlinkRejected as error:
            if attempt or not jar_missing(error):
                raise
            runtime.forget_uploads(submission.client)
            ((submission.jar_id, _),) = await runtime.ensure_jars(submission.client, [submission.jar_path])
    raise AssertionError("unreachable")
