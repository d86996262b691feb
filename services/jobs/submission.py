"""What a job sends to Flink: the jar to run and the run/plan request (the SQL runner and its script for SQL jobs),
under the Flink job id hlink chose for the submission, and the fence of a submission in flight.

Each submission runs under a Flink job id of hlink's choosing, written on its run before the request leaves
(``t_job_run.chosen_job_id``): Flink starts the job under exactly that id and refuses a second one with it, so
whoever looks later (the submitter after a lost answer, any replica's reconciler after a crash) asks Flink for
that id, and a retry can never start a second job. While its request is in flight the submitting process
refreshes the run's heartbeat (``t_job_run.heartbeat_at``): a submission whose heartbeat is fresh is in flight
on a live process, however long Flink takes, and one whose heartbeat stopped was left by a dead process and is
settled at the next reconcile cycle. A Flink job that starts under the id of a submission hlink had already
given up (a stalled process, a request Flink took long to act on) is cancelled, never left untracked.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import shlex
import zipfile
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from hlink.flink.client import FlinkClient, RunRequest
from hlink.flink.errors import FlinkError, FlinkRejected
from hlink.flink.sqlrunner import RUNNER_CLASS
from hlink.flink.versions import FlinkVersion
from hlink.models import Cluster, Jar, Job, JobRun
from hlink.runtime import Runtime
from hlink.services.artifacts.jars import jar_path as stored_path
from hlink.services.clusters.clients import jar_missing
from hlink.services.errors import NotFound, ValidationFailed
from hlink.services.jobs import versions
from hlink.services.jobs.script import Restore, Script, build_script, job_settings, run_settings
from hlink.services.jobs.states import now

SQL_JOB, JAR_JOB = 0, 1
T = TypeVar("T")
log = logging.getLogger("hlink.submission")
#: how often the submitting process refreshes its run's heartbeat while the request is in flight
HEARTBEAT_SECONDS = 2.0
#: a heartbeat older than this means the submitting process is gone (five beats missed: a busy process still
#: beats, and a false verdict costs no duplicate: a Flink job starting after it is cancelled)
HEARTBEAT_STALE = timedelta(seconds=10)


def new_job_id() -> str:
    """A Flink job id of hlink's choosing: 32 hex digits, random (so no two submissions anywhere share one)."""
    return secrets.token_hex(16)


def submitter_alive(run: JobRun, at: datetime | None = None) -> bool:
    """Whether the process submitting ``run`` still beats: its request may be in flight, however long it takes."""
    return run.heartbeat_at is not None and (at or now()) - run.heartbeat_at <= HEARTBEAT_STALE


@contextlib.asynccontextmanager
async def heartbeat(run_id: int) -> AsyncIterator[None]:
    """Refresh the run's heartbeat every :data:`HEARTBEAT_SECONDS` while the block runs (the submission)."""

    async def beat() -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            try:
                await JobRun.filter(id=run_id, end_time__isnull=True).update(heartbeat_at=now())
            except Exception as error:  # a database that does not answer: the next beat tries again
                log.warning("run %s: its heartbeat was not written: %s", run_id, error)

    task = asyncio.create_task(beat())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def clusters_with_released_submissions(grace: float) -> set[int]:
    """The clusters where Flink may still start a submission hlink released within the last ``grace`` seconds
    (the reconciler visits them, to cancel such a job: see :func:`disown`)."""
    since = now() - timedelta(seconds=grace) - HEARTBEAT_STALE
    rows = await JobRun.filter(
        end_time__gte=since, final_state="NOT_SUBMITTED", chosen_job_id__not_isnull=True, cluster_id__not_isnull=True
    ).values_list("cluster_id", flat=True)
    return {int(str(i)) for i in rows}


async def known_to_flink(client: FlinkClient, jid: str) -> str | None:
    """Flink's state of job ``jid``, or ``None`` when Flink does not know it (or does not answer)."""
    try:
        return str((await client.job(jid)).get("state") or "INITIALIZING")
    except FlinkError:
        return None


async def disown(client: FlinkClient, run: JobRun, jid: str, why: str) -> bool:
    """A Flink job started for a submission hlink no longer tracks (it gave the submission up, or the job moved
    on): cancel it and say so on its run, which then accounts for it. ``False`` when Flink did not take the
    cancel (the next look tries again)."""
    try:
        await client.cancel(jid)
    except FlinkRejected as error:
        if error.status != 404:  # 404: Flink no longer has it; anything else: it may still run
            log.warning("run %s: Flink job %s could not be cancelled: %s", run.id, jid, error.message)
            return False
    except FlinkError as error:
        log.warning("run %s: Flink job %s could not be cancelled: %s", run.id, jid, error.message)
        return False
    failure = f"{run.failure}; {why}" if run.failure else why
    await JobRun.filter(id=run.id).update(
        flink_job_id=jid, final_state="CANCELED", end_time=run.end_time or now(), failure=failure
    )
    log.warning("run %s: Flink job %s cancelled: %s", run.id, jid, why)
    return True


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
    #: the Flink job id the run request names (a run's chosen id; ``None`` for a plan)
    chosen: str | None = None
    #: the stored version it runs (an upgrade's or a rollback's); ``None``: the job's definition as it is
    pinned: int | None = None


async def cluster_of(job: Job) -> Cluster:
    """The job's cluster, or a validation error naming clusterId."""
    if job.cluster_id is None:
        raise ValidationFailed({"clusterId": f"job {job.id} has no cluster to run on"})
    cluster = await Cluster.get_or_none(id=job.cluster_id)
    if cluster is None:
        raise NotFound("cluster", job.cluster_id)
    return cluster


async def prepare(
    runtime: Runtime,
    job: Job,
    pipeline: str,
    restore: Restore | None = None,
    chosen: str | None = None,
    pinned: int | None = None,
) -> Submission:
    """Build the request for ``job`` in the terms of its cluster's Flink version, with the jars it needs there;
    ``chosen``: the Flink job id it runs under; ``pinned``: the stored version to run instead of the job's
    definition as it is (an upgrade's or a rollback's)."""
    cluster = await cluster_of(job)
    client = runtime.flink.client(cluster.endpoint)
    version = FlinkVersion.parse(await runtime.flink.version(client))
    pin = await versions.pinned(job.id, pinned) if pinned is not None else None
    if (pin.job_type if pin else job.job_type) == JAR_JOB:
        if pin is not None:
            jar: Jar | None = await versions.jar_of(runtime, pin)
            entry, program = (pin.jar or {}).get("entryClass"), (pin.jar or {}).get("program")
            settings = version.keys({**pin.settings, **run_settings(pipeline, restore)})
        else:
            jar = await Jar.get_or_none(res_uname=job.use_jar) if job.use_jar else None
            entry, program = job.entry_class, job.program
            settings = job_settings(job, pipeline, restore, version=version)
        if jar is None:
            raise ValidationFailed({"useJar": "a JAR job needs an uploaded jar (useJar)"})
        if not (entry or jar.entry_class):
            raise ValidationFailed({"entryClass": "a JAR job needs its entry class"})
        jar_path = runtime.storage.resolve(stored_path(jar))
        jar_id = await runtime.flink.ensure_jar(client, jar_path)
        request = RunRequest(
            entry_class=entry or jar.entry_class or "",
            program_args=program_args(program),
            parallelism=job.parallelism,
            configuration=settings,
            job_id=chosen,
            version=version,
        )
        _restore(request, restore)
        return Submission(client, jar_id, jar_path, request, None, job, pipeline, restore, chosen, pinned)
    if pin is not None:
        script = await versions.script_of(runtime, pin, pipeline, restore, version)
    else:
        script = await build_script(job, pipeline, restore, version=version)
    # the version this definition is (made when it changed) and, once compiled, its plan's arguments
    restored = restore.path if restore else None
    _, script = await versions.to_submit(runtime, client, job, script, pipeline, restored, pin)
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
        job_id=chosen,
        version=version,
    )
    _restore(request, restore)
    return Submission(client, runner_id, runner, request, script, job, pipeline, restore, chosen, pinned)


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
    fresh = await prepare(
        runtime, submission.job, submission.pipeline, submission.restore, submission.chosen, submission.pinned
    )
    submission.__dict__.update(fresh.__dict__)
    return await call(submission.jar_id, submission.request)
