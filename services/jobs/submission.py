"""What a job sends to Flink: the jar to run and the run/plan request (the SQL runner and its script for SQL jobs)."""

from __future__ import annotations

import secrets
import shlex
import zipfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from flink.client import FlinkClient, RunRequest
from flink.errors import FlinkRejected
from flink.sqlrunner import RUNNER_CLASS
from flink.versions import FlinkVersion
from models import Cluster, Jar, Job
from runtime import Runtime
from services.artifacts.jars import jar_path as stored_path
from services.clusters.clients import jar_missing
from services.errors import NotFound, ValidationFailed
from services.jobs import versions
from services.jobs.script import Restore, Script, build_script, job_settings

SQL_JOB, JAR_JOB = 0, 1
T = TypeVar("T")


def pipeline_name(job: Job) -> str:
    """The Flink job's name for one submission: the job's, tagged so hlink finds the Flink job again after a
    restart of its own. The random token makes it unique even across hlink installations (or databases)
    sharing a cluster, whose job ids may coincide; the run row stores it."""
    return f"{job.job_name} [hlink job {job.id} {secrets.token_hex(4)}]"


@dataclass
class Submission:
    """Everything needed to plan or run one job on its cluster, and what it was made from (to make it again)."""

    client: FlinkClient
    jar_id: str
    jar_path: Path
    request: RunRequest
    script: Script | None  # SQL jobs only
    job: Job
    pipeline: str
    restore: Restore | None


async def cluster_of(job: Job) -> Cluster:
    """The job's cluster, or a validation error naming clusterId."""
    if job.cluster_id is None:
        raise ValidationFailed({"clusterId": f"job {job.id} has no cluster to run on"})
    cluster = await Cluster.get_or_none(id=job.cluster_id)
    if cluster is None:
        raise NotFound("cluster", job.cluster_id)
    return cluster


async def prepare(runtime: Runtime, job: Job, pipeline: str, restore: Restore | None = None) -> Submission:
    """Build the request for ``job`` in the terms of its cluster's Flink version, with the jars it needs there."""
    cluster = await cluster_of(job)
    client = runtime.flink.client(cluster.address)
    version = FlinkVersion.parse(await runtime.flink.version(client))
    if job.job_type == JAR_JOB:
        jar = await Jar.get_or_none(res_uname=job.use_jar) if job.use_jar else None
        if jar is None:
            raise ValidationFailed({"useJar": "a JAR job needs an uploaded jar (useJar)"})
        if not (job.entry_class or jar.entry_class):
            raise ValidationFailed({"entryClass": "a JAR job needs its entry class"})
        jar_path = runtime.storage.resolve(stored_path(jar))
        jar_id = await runtime.flink.ensure_jar(client, jar_path)
        request = RunRequest(
            entry_class=job.entry_class or jar.entry_class or "",
            program_args=program_args(job.program),
            parallelism=job.parallelism,
            configuration=job_settings(job, pipeline, restore, version=version),
            version=version,
        )
        _restore(request, restore)
        return Submission(client, jar_id, jar_path, request, None, job, pipeline, restore)
    script = await build_script(job, pipeline, restore, version=version)
    # the version this definition is (made when it changed) and, once compiled, its plan's arguments
    _, script = await versions.to_submit(runtime, client, job, script, pipeline, restore.path if restore else None)
    try:
        runner = await runtime.flink.runner([runtime.storage.resolve(udf.udf_path) for udf in script.udfs])
    except (NotFound, OSError, zipfile.BadZipFile) as error:
        names = ", ".join(udf.udf_name for udf in script.udfs)
        raise ValidationFailed({"udf": f"the jars of the functions {names} cannot be read: {error}"}) from None
    runner_id = await runtime.flink.ensure_jar(client, runner)
    request = RunRequest(
        entry_class=RUNNER_CLASS,
        program_args=script.statements,
        parallelism=job.parallelism,
        configuration=script.settings,
        version=version,
    )
    _restore(request, restore)
    return Submission(client, runner_id, runner, request, script, job, pipeline, restore)


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


async def with_jar_retry(
    runtime: Runtime, submission: Submission, call: Callable[[str, RunRequest], Awaitable[T]]
) -> T:
    """``call`` (the client's plan or run) on the submission. Uploads are trusted without asking the cluster;
    when it lost one (it restarted), the submission is made again, uploading what is missing, and tried once
    more. ``submission`` is updated in place, so a caller placing an error sees what was sent."""
    try:
        return await call(submission.jar_id, submission.request)
    except FlinkRejected as error:
        if not jar_missing(error):
            raise
    runtime.flink.forget_uploads(submission.client)
    fresh = await prepare(runtime, submission.job, submission.pipeline, submission.restore)
    submission.__dict__.update(fresh.__dict__)
    return await call(submission.jar_id, submission.request)
