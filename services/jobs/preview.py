"""The upgrade preview (issue 20): what moving a job from one version to another would do to its state,
judged from the stored versions and, when asked with a runtime, from the restore point's metadata
(services/jobs/heldstate.py, one runner call that starts no Flink job): nothing stops or starts."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field

from hlink.masking import MASK, is_secret, mask_text
from hlink.models import Job, JobRun, JobVersion
from hlink.runtime import Runtime
from hlink.services.access.roles import require
from hlink.services.actor import Role
from hlink.services.errors import NotFound, ValidationFailed
from hlink.services.jobs.heldstate import RestoreState, restore_state
from hlink.services.jobs.verdict import ALL_CARRIED, Judgement, Operator, Verdict, judge, worst
from hlink.services.jobs.versions import running_number


@dataclass
class Preview:
    job_id: int
    from_version: int | None
    to_version: int
    verdict: Verdict
    reasons: list[str]
    diff: str
    operators: list[Operator] = field(default_factory=list)
    #: the restore point's state, when the preview read it (``None``: not asked, or nothing to read it for)
    restore: RestoreState | None = None


async def upgrade_preview(job_id: int, to_version: int | None = None, runtime: Runtime | None = None) -> Preview:
    """The verdict of running ``to_version`` (the newest by default) in place of the version the job runs (or
    its last run ran, or, when it never ran, the version before). With ``runtime``, the restore point an upgrade
    would use is read too, and state it holds that the new version's job has no operator for makes the verdict
    at least PARTIAL (upgrades judge from the plans alone: their restore point, the stop's savepoint, is written
    after the judgement)."""
    require(Role.VIEWER)
    job = await Job.get_or_none(id=job_id)
    if job is None:
        raise NotFound("job", job_id)
    stored = await JobVersion.filter(job_id=job_id).order_by("-number")
    if not stored:
        raise ValidationFailed({"jobId": f"job {job_id} has no version yet (a SQL job needs a sink)"})
    by_number = {v.number: v for v in stored}
    if to_version is None:
        to_version = stored[0].number
    target = by_number.get(to_version)
    if target is None:
        raise ValidationFailed({"toVersion": f"job {job_id} has no version {to_version}"})
    source = by_number.get(await _from_number(job, to_version) or 0)
    if source is None:
        return Preview(job_id, None, to_version, Verdict.COMPATIBLE, ["no earlier version ran: no state to carry"], "")
    judgement = judge_versions(source, target)
    held = None
    if runtime is not None and source.job_type == 0 and target.job_type == 0 and (source.plan or target.plan):
        held = await restore_state(runtime, job, source, target)
        with_state(judgement, held, target.number)
    return Preview(
        job_id,
        source.number,
        to_version,
        judgement.verdict,
        [mask_text(r) for r in judgement.reasons],
        diff(source, target),
        [_masked(o) for o in judgement.operators],
        held,
    )


def with_state(judgement: Judgement, held: RestoreState, to_version: int) -> None:
    """The plans' verdict with what the restore point holds: state no operator of the new version's job takes
    would be dropped (PARTIAL at least); what could not be read or matched is said, the verdict left as is."""
    judgement.reasons += held.problems
    dropped = held.dropped if held.matched else []
    for state in dropped:
        judgement.reasons.append(
            f"{state.name}: its state in the restore point ({state.state_bytes} bytes, operator id "
            f"{state.operator_id}) has no operator in version {to_version}'s job: it would be dropped"
        )
    if dropped:
        judgement.verdict = worst(judgement.verdict, Verdict.PARTIAL)
        judgement.reasons = [r for r in judgement.reasons if r != ALL_CARRIED]


async def _from_number(job: Job, to_version: int) -> int | None:
    runs = await JobRun.filter(job_id=job.id).order_by("-id")
    running = running_number(job, runs)
    if running is not None:
        return running
    ran = next((r.version for r in runs if r.version is not None), None)
    if ran is not None:
        return ran
    before = await JobVersion.filter(job_id=job.id, number__lt=to_version).order_by("-number").first()
    return before.number if before else None


def judge_versions(source: JobVersion, target: JobVersion) -> Judgement:
    """The plans' verdict, with what lies outside them: the functions' jars, a JAR job, a plan missing."""
    outside: list[str] = []
    jars_before = {u["name"]: u["sha256"] for u in source.udfs}
    for udf in target.udfs:
        if udf["name"] in jars_before and jars_before[udf["name"]] != udf["sha256"]:
            outside.append(f"function {udf['name']}: its jar changed, what its state holds cannot be judged")
    if source.number == target.number:
        return Judgement(Verdict.COMPATIBLE, ["the same version: its state is carried as it is"])
    if source.job_type != 0 or target.job_type != 0:
        if (source.jar or {}) != (target.jar or {}):
            outside.append("a JAR job's jar or arguments changed: a JAR job has no plan to compare")
        else:
            outside.append("a JAR job has no plan to compare")
        return Judgement(Verdict.UNKNOWN, outside)
    missing = [v for v in (source, target) if not v.plan]
    if missing:
        for v in missing:
            why = f": {v.plan_error}" if v.plan_error else " (its cluster did not answer)"
            outside.append(f"version {v.number} has no compiled plan to compare{why}")
        if source.flink_version != target.flink_version:
            outside.append(f"Flink version {source.flink_version} -> {target.flink_version} without a plan")
        return Judgement(Verdict.UNKNOWN, outside)
    judged = judge(json.loads(source.plan or "{}"), json.loads(target.plan or "{}"))
    if source.flink_version != target.flink_version:
        judged.reasons.append(f"Flink version {source.flink_version} -> {target.flink_version}: plans compared")
    if outside:  # the plans may agree, a function's new jar may not: unknown, unless certainly incompatible
        judged.verdict = worst(judged.verdict, Verdict.UNKNOWN)
        judged.reasons = outside + [r for r in judged.reasons if r != ALL_CARRIED]
    return judged


def _masked(operator: Operator) -> Operator:
    """A plan's descriptions may quote literals of the SQL: masked as the script is."""
    operator.name, operator.reason = mask_text(operator.name), mask_text(operator.reason)
    return operator


def text(version: JobVersion) -> str:
    """What a diff compares of a version: its masked script (settings, functions, DDL, INSERTs) or a JAR's
    jar and settings, and its functions' jars."""
    lines = (version.script or "").splitlines()
    if version.script is None:
        lines = [
            f"SET '{k}' = '{MASK if is_secret(k) else mask_text(str(v))}'" for k, v in sorted(version.settings.items())
        ]
        lines += [f"-- jar {k}: {mask_text(str(v))}" for k, v in sorted((version.jar or {}).items())]
    lines += [f"-- function {u['name']}: {u['className']}, jar sha256 {u['sha256']}" for u in version.udfs]
    return "\n".join(lines) + "\n"


def diff(source: JobVersion, target: JobVersion) -> str:
    """A unified diff of two versions' texts (secrets masked as in the versions)."""
    return "".join(
        difflib.unified_diff(
            text(source).splitlines(keepends=True),
            text(target).splitlines(keepends=True),
            fromfile=f"version {source.number}",
            tofile=f"version {target.number}",
        )
    )
