"""Job versions: every saved change of what a job runs is an immutable, numbered version (issue 20).

A version holds what would run: a SQL job's statements (settings, function registrations, one ``CREATE TABLE``
per mapped datasource as it is now, the sinks' INSERTs), the functions' jar digests, a JAR job's jar digest,
entry class and arguments, and the cluster's Flink version the script is written for. Saving a definition that
runs the same makes no version; a save (or a datasource edit, found at the next save or run) that changes any
of these makes the next number, with a line per change. A SQL version is compiled by its cluster's planner
into a compiled plan (FLIP-190) when it is made, or at its first run when the cluster was down then, and every
SQL run runs its version's plan (``--hlink-execute-plan``); a run records the version it started. Secrets:
``script`` is masked (what anyone may read), the statements and the plan are sealed whole at rest.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
from tortoise.exceptions import IntegrityError

from hlink.flink.client import FlinkClient, RunRequest
from hlink.flink.errors import FlinkError, FlinkRejected, FlinkUnavailable
from hlink.flink.sqlrunner import COMPILE_PLAN, EXECUTE_PLAN, RUNNER_CLASS
from hlink.flink.versions import FlinkVersion
from hlink.masking import MASK, is_secret, mask_sql, mask_text
from hlink.models import Cluster, Jar, Job, JobRun, JobVersion, Savepoint, Udf
from hlink.runtime import Runtime
from hlink.services.actor import stamp_new
from hlink.services.artifacts.jars import jar_path
from hlink.services.catalog.ddl import literal
from hlink.services.errors import DomainError, ValidationFailed
from hlink.services.jobs.script import Origin, Restore, Script, build_script, job_settings, run_settings
from hlink.services.jobs.states import now
from hlink.services.jobs.verdict import keep_ids

log = logging.getLogger(__name__)

SQL_JOB = 0
ACTIVE = (1, 9)
#: settings of one run, not of the version: its Flink job's name and its restore point (old names too)
PER_RUN = frozenset(
    {
        "pipeline.name",
        "execution.state-recovery.path",
        "execution.state-recovery.ignore-unclaimed-state",
        "execution.savepoint.path",
        "execution.savepoint.ignore-unclaimed-state",
    }
)
_PLACEHOLDER = "hlink version"


@dataclass
class Draft:
    """What the job's definition runs today, in a version's terms."""

    job_type: int
    statements: list[dict[str, Any]] | None  # [{kind, table, sql}] with secrets
    settings: dict[str, str]
    udfs: list[dict[str, str]]
    jar: dict[str, Any] | None
    flink_version: str | None
    script: Script | None = None
    #: the version's statements as anyone may read them (secrets masked)
    shown: str | None = None

    def same_as(self, version: JobVersion) -> bool:
        return (
            self.job_type == version.job_type
            and self.statements == _statements(version)
            and self.settings == version.settings
            and self.udfs == version.udfs
            and self.jar == version.jar
            and self.flink_version == version.flink_version
        )


def _statements(version: JobVersion) -> list[dict[str, Any]] | None:
    return json.loads(version.statements) if version.statements else None


async def _cluster_version(runtime: Runtime, job: Job) -> tuple[FlinkClient | None, str | None]:
    """The job's cluster's client and Flink version; no version when it has no cluster or does not answer."""
    if job.cluster_id is None:
        return None, None
    cluster = await Cluster.get_or_none(id=job.cluster_id)
    if cluster is None:
        return None, None
    client = runtime.flink.client(cluster.endpoint)
    try:
        return client, await runtime.flink.version(client) or None
    except FlinkError:
        return client, None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


async def _digest(runtime: Runtime, relative: str) -> str:
    try:
        return await anyio.to_thread.run_sync(_sha256, runtime.storage.resolve(relative))
    except (OSError, DomainError):
        return "missing"


async def draft(runtime: Runtime, job: Job, flink_version: str | None) -> Draft:
    """The job's definition as a version would hold it; a SQL job that cannot make a script raises
    ValidationFailed (naming the field), as a run would."""
    version = FlinkVersion.parse(flink_version)
    if job.job_type != SQL_JOB:
        stored = await Jar.get_or_none(res_uname=job.use_jar) if job.use_jar else None
        jar = {
            "name": job.use_jar,
            "sha256": await _digest(runtime, jar_path(stored)) if stored else "missing",
            "entryClass": job.entry_class or (stored.entry_class if stored else None),
            "program": job.program,
        }
        settings = _own(job_settings(job, _PLACEHOLDER, version=version))
        return Draft(job.job_type, None, settings, [], jar, flink_version)
    script = await build_script(job, _PLACEHOLDER, version=version)
    kept = [
        i
        for i, (sql, o) in enumerate(zip(script.statements, script.origins, strict=True))
        if not (o.kind == "setting" and _setting_key(sql) in PER_RUN)
    ]
    statements = [
        {"kind": script.origins[i].kind, "table": script.origins[i].table, "sql": script.statements[i]} for i in kept
    ]
    masked = await build_script(job, _PLACEHOLDER, mask=True, version=version)
    shown = mask_sql("".join(masked.statements[i] + ";\n\n" for i in kept).rstrip() + "\n")
    udfs = [
        {"name": u.udf_name, "className": u.udf_class, "sha256": await _digest(runtime, u.udf_path)}
        for u in script.udfs
    ]
    return Draft(job.job_type, statements, _own(script.settings), udfs, None, flink_version, script, shown)


def _own(settings: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in settings.items() if k not in PER_RUN}


def _setting_key(sql: str) -> str:
    # SET 'key' = 'value' as script.py writes it (a doubled quote escapes one)
    return sql.split("'", 2)[1] if sql.count("'") >= 2 else ""


async def newest(job_id: int) -> JobVersion | None:
    return await JobVersion.filter(job_id=job_id).order_by("-number").first()


async def record(runtime: Runtime, job: Job) -> JobVersion | None:
    """The version the job's definition runs today: the newest one when nothing changed, else a new one (and
    its plan compiled when the cluster answers). ``None`` when the definition cannot run at all (a SQL job
    without a sink, say): there is nothing to version yet."""
    client, flink_version = await _cluster_version(runtime, job)
    if flink_version is None:  # the cluster is silent: the version it was last written for stands
        last = await newest(job.id)
        flink_version = last.flink_version if last else None
    try:
        current = await draft(runtime, job, flink_version)
    except DomainError:
        return None
    for _ in range(3):  # two savers may race for the next number: the unique (job, number) decides
        last = await newest(job.id)
        if last is not None and current.same_as(last):
            version = last
            break
        try:
            version = await JobVersion.create(
                job_id=job.id,
                number=(last.number + 1) if last else 1,
                job_type=current.job_type,
                script=current.shown,
                statements=json.dumps(current.statements) if current.statements is not None else None,
                settings=current.settings,
                udfs=current.udfs,
                jar=current.jar,
                flink_version=current.flink_version,
                changes=changes(last, current),
                **stamp_new(),
            )
            break
        except IntegrityError:
            continue
    else:
        return await newest(job.id)
    if client is not None and current.script is not None:
        await compile_plan(runtime, client, version, current.script)
    return version


async def compile_plan(runtime: Runtime, client: FlinkClient, version: JobVersion, script: Script) -> None:
    """Compile a SQL version into its plan on its cluster (``/jars/{id}/plan``: no Flink job starts), unless it
    has one or the planner refused it already. A silent cluster leaves it for the first run."""
    if version.job_type != SQL_JOB or version.plan or version.plan_error or not version.flink_version:
        return
    statements = [s["sql"] for s in _statements(version) or []]
    request = RunRequest(
        entry_class=RUNNER_CLASS,
        program_args=[COMPILE_PLAN, *statements],
        configuration=version.settings,
        version=FlinkVersion.parse(version.flink_version),
    )
    try:
        runner = await runtime.flink.runner([runtime.storage.resolve(u.udf_path) for u in script.udfs])
        jar_id = await runtime.flink.ensure_jar(client, runner)
        plan = await client.compile_plan(jar_id, request)
    except FlinkUnavailable:
        return
    except FlinkRejected as error:
        version.plan_error = mask_sql(error.message)
        await JobVersion.filter(id=version.id).update(plan_error=version.plan_error)
        return
    except (DomainError, OSError) as error:
        log.warning("job %s version %s: no plan compiled: %s", version.job_id, version.number, error)
        return
    plan = await _keeping_ids(version, normalized(plan))
    version.plan, version.compiled_at = plan, now()
    # the one change a version takes after it is written: only while it has no plan (a replica may race)
    await JobVersion.filter(id=version.id, plan__isnull=True).update(plan=plan, compiled_at=version.compiled_at)


def normalized(plan: str) -> str:
    """The plan with its nodes numbered 1, 2, ... in Flink's order. The planner numbers them from a counter of
    the job manager's process (the same SQL compiled twice reads 1..8, then 11..18), and the operators' uids
    are ``<node id>_<name>``, which savepoint state is matched by: numbered alike, the same SQL gives the same
    plan and operator ids, whenever and wherever it was compiled."""
    document = json.loads(plan)
    ids = {node["id"]: n for n, node in enumerate(sorted(document["nodes"], key=lambda x: x["id"]), start=1)}
    for node in document["nodes"]:
        node["id"] = ids[node["id"]]
    for edge in document.get("edges", []):
        edge["source"], edge["target"] = ids[edge["source"]], ids[edge["target"]]
    return json.dumps(document)


async def _keeping_ids(version: JobVersion, plan: str) -> str:
    """The plan with the node ids of the earlier versions' plans kept where their state still fits
    (services/jobs/verdict.py ``keep_ids``): a run of it restores that state from an earlier version's run."""
    earlier = [
        json.loads(v.plan)
        for v in await JobVersion.filter(job_id=version.job_id, number__lt=version.number).order_by("-number")
        if v.plan
    ]
    return json.dumps(keep_ids(earlier, json.loads(plan))) if earlier else plan


async def state_from_script(job_id: int, path: str | None) -> bool:
    """Whether a restore point was written by a run of the script, not of a plan (a run before plans were
    kept, or of a version without one): its operator ids are the script's, which a plan's do not match."""
    if not path:
        return False
    kept = await Savepoint.filter(job_id=job_id, path=path).order_by("-id").first()
    if kept is None or kept.run_id is None:
        return False  # a path of the user's own: assumed hlink's current way
    run = await JobRun.get_or_none(id=kept.run_id)
    return run is not None and not run.from_plan


async def to_submit(
    runtime: Runtime,
    client: FlinkClient,
    job: Job,
    script: Script,
    pipeline: str,
    restore: str | None,
    pinned: JobVersion | None = None,
) -> tuple[JobVersion | None, Script]:
    """What a SQL submission sends, asked by services/jobs/submission.py: the version the job's definition
    runs today (made when a datasource changed since the last save), or the ``pinned`` one an upgrade or a
    rollback runs (``script`` is then :func:`script_of` it), and, when it has a compiled plan, the runner's
    arguments that run that plan, else ``script`` as it is (also when it restores state that a script run
    wrote). The run row of ``pipeline`` records the version's number and which of the two ran."""
    version = pinned or await record(runtime, job)
    if version is None:
        return None, script
    from_plan = bool(version.plan) and not await state_from_script(job.id, restore)
    await JobRun.filter(job_id=job.id, pipeline_name=pipeline).update(version=version.number, from_plan=from_plan)
    if not from_plan or not version.plan:
        return version, script
    plan_run = Script(settings=script.settings, udfs=script.udfs)
    plan_run.add(EXECUTE_PLAN, Origin("setting"))
    for sql, origin in zip(script.statements, script.origins, strict=True):
        if origin.kind in ("setting", "function"):  # the plan holds the tables and the queries
            plan_run.add(sql, origin)
    plan_run.add(version.plan, Origin("plan"))
    return version, plan_run


async def pinned(job_id: int, number: int) -> JobVersion:
    """Version ``number`` of the job, which an upgrade or a rollback runs instead of the definition as it is."""
    version = await JobVersion.get_or_none(job_id=job_id, number=number)
    if version is None:
        raise ValidationFailed({"toVersion": f"job {job_id} has no version {number}"})
    return version


async def udfs_of(runtime: Runtime, version: JobVersion) -> list[Udf]:
    """The registered functions a stored version calls, each still with the jar the version recorded: hlink keeps
    one jar per function, so a version whose function's jar was replaced since cannot run as it was."""
    rows = {u.udf_name: u for u in await Udf.filter(udf_name__in=[u["name"] for u in version.udfs])}
    for wanted in version.udfs:
        row = rows.get(wanted["name"])
        if row is None:
            raise ValidationFailed({"udf": f"function {wanted['name']} of version {version.number} is gone"})
        if await _digest(runtime, row.udf_path) != wanted["sha256"]:
            raise ValidationFailed(
                {
                    "udf": f"the jar of function {wanted['name']} changed since version {version.number} and its "
                    "old jar is not kept: that version cannot run as it was"
                }
            )
    return [rows[u["name"]] for u in version.udfs]


async def script_of(
    runtime: Runtime, version: JobVersion, pipeline: str, restore: Restore | None, flink: FlinkVersion
) -> Script:
    """The statement script of a stored SQL version, with the settings of one run (its name, restore point)."""
    settings = flink.keys({**version.settings, **run_settings(pipeline, restore)})
    script = Script(settings=settings, udfs=await udfs_of(runtime, version))
    for key, value in settings.items():
        script.add(f"SET {literal(key)} = {literal(value)}", Origin("setting"))
    for statement in _statements(version) or []:
        if statement["kind"] != "setting":
            script.add(statement["sql"], Origin(statement["kind"], table=statement["table"]))
    return script


async def jar_of(runtime: Runtime, version: JobVersion) -> Jar:
    """The stored jar a JAR version runs, still the one the version recorded (same name and contents)."""
    wanted = version.jar or {}
    stored = await Jar.get_or_none(res_uname=wanted.get("name")) if wanted.get("name") else None
    if stored is None or await _digest(runtime, jar_path(stored)) != wanted.get("sha256"):
        raise ValidationFailed(
            {"useJar": f"the jar of version {version.number} ({wanted.get('name')}) is gone or was replaced"}
        )
    return stored


# -- what changed -------------------------------------------------------------------------------------------


def changes(last: JobVersion | None, now_: Draft) -> str:
    """One line per change between the last version and the draft (the first version says so)."""
    if last is None:
        return "first version"
    lines: list[str] = []
    if last.flink_version != now_.flink_version:
        lines.append(f"Flink version {last.flink_version or 'unknown'} -> {now_.flink_version or 'unknown'}")
    if last.job_type != now_.job_type:
        lines.append("job type changed")
    for key in sorted(set(last.settings) | set(now_.settings)):
        before, after = last.settings.get(key), now_.settings.get(key)
        if before != after:
            lines.append(f"setting {key}: {_shown(key, before)} -> {_shown(key, after)}")
    old = {(s["kind"], s["table"]): s["sql"] for s in _statements(last) or [] if s["kind"] != "setting"}
    new = {(s["kind"], s["table"]): s["sql"] for s in now_.statements or [] if s["kind"] != "setting"}
    what = {"table": "table", "sql": "query into", "function": "function"}
    for key in sorted(set(old) | set(new), key=lambda k: (k[0], k[1] or "")):
        label = f"{what.get(key[0], key[0])} {key[1]}"
        if key not in old:
            lines.append(f"{label} added")
        elif key not in new:
            lines.append(f"{label} removed")
        elif old[key] != new[key]:
            lines.append(f"{label} changed")
    before_udfs = {u["name"]: u["sha256"] for u in last.udfs}
    for u in now_.udfs:
        if u["name"] in before_udfs and before_udfs[u["name"]] != u["sha256"]:
            lines.append(f"function {u['name']}: its jar changed")
    if (last.jar or {}) != (now_.jar or {}):
        for key in ("name", "sha256", "entryClass", "program"):
            if (last.jar or {}).get(key) != (now_.jar or {}).get(key):
                lines.append(f"jar {key} changed" if key != "sha256" else "jar contents changed")
    return "\n".join(lines) or "no change"


def _shown(key: str, value: str | None) -> str:
    if value is None:
        return "unset"
    return MASK if is_secret(key) else mask_text(value)


# -- reading ------------------------------------------------------------------------------------------------


def masked_plan(plan: str | None) -> Any:
    """A compiled plan as anyone may read it: connector options that are secrets masked, URL credentials too."""
    if not plan:
        return None
    return _mask_json(json.loads(plan), None)


def _mask_json(value: Any, key: str | None) -> Any:
    if isinstance(value, dict):
        return {k: _mask_json(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask_json(v, key) for v in value]
    if isinstance(value, str):
        return MASK if key is not None and value and is_secret(key) else mask_text(value)
    return value


def running_number(job: Job, runs: list[JobRun]) -> int | None:
    """The version the job's Flink job runs: the one its current run started (``runs`` newest first); none
    while it runs nothing."""
    if job.job_status not in ACTIVE:
        return None
    if job.flink_job_id:  # the run of the Flink job the job tracks
        current = next((r for r in runs if r.flink_job_id == job.flink_job_id), None)
    else:  # submitting, no Flink job id yet: the newest run
        current = runs[0] if runs else None
    return current.version if current else None


async def running_numbers(jobs: list[Job]) -> dict[int, int | None]:
    """:func:`running_number` of many jobs, in one query."""
    active = [j.id for j in jobs if j.job_status in ACTIVE]
    by_job: dict[int, list[JobRun]] = {}
    if active:
        for run in await JobRun.filter(job_id__in=active).order_by("job_id", "-id"):
            by_job.setdefault(run.job_id, []).append(run)
    return {j.id: running_number(j, by_job.get(j.id, [])) for j in jobs}
