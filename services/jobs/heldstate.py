"""The state a restore point holds (issue 20): which operators hold state in the savepoint an upgrade would
resume from, read from its metadata, and which operator of each version's job would take it.

One call of the SQL runner's ``--hlink-state-map`` mode on the job's cluster (``/jars/{id}/plan``: no Flink job
starts) translates both versions' compiled plans into their stream graphs as a run of them would (each stream
node's operator id: the murmur3 hash of its uid ``<node id>_<transformation>``), and reads the savepoint's
``_metadata`` (each operator id with its state). A state whose operator id the new version's job lacks would be
dropped at restore. Whatever cannot be read is a reason, never an error: the preview still answers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from hlink.flink.client import RunRequest
from hlink.flink.errors import FlinkError
from hlink.flink.sqlrunner import PLAN, RUNNER_CLASS, STATE_MAP
from hlink.flink.versions import FlinkVersion
from hlink.masking import mask_text
from hlink.models import Job, JobVersion, Udf
from hlink.runtime import Runtime
from hlink.services.catalog.ddl import literal
from hlink.services.errors import DomainError
from hlink.services.jobs.restore import would_resume
from hlink.services.jobs.submission import cluster_of
from hlink.services.jobs.versions import state_from_script

#: how long the runner may take over translating two plans and reading one savepoint's metadata
STATE_MAP_WAIT = 60.0
#: a plan-run operator's uid: ``<plan node id>_<transformation>``
_UID = re.compile(r"^(\d+)_")


@dataclass
class HeldState:
    """One operator's state in the restore point, with the operator of each version that would take it."""

    operator_id: str
    name: str
    state_bytes: int
    keyed: bool
    operator_state: bool
    uid: str | None = None
    from_id: int | None = None
    to_id: int | None = None
    #: whether the new version's job has an operator of this id (else the state would be dropped)
    carried: bool = False


@dataclass
class RestoreState:
    """What the preview found in the restore point: its path (``None``: none read) and the state it holds."""

    path: str | None
    note: str
    held: list[HeldState] = field(default_factory=list)
    #: why the state could not be read or matched (a reason of the verdict, not an error)
    problems: list[str] = field(default_factory=list)
    #: whether the state was matched to the new version's operators (its plan translated, the savepoint read,
    #: written by a plan run)
    matched: bool = False
    #: written by a run of the script: its operator ids are its topology's hashes, which no plan's match
    from_script: bool = False

    @property
    def dropped(self) -> list[HeldState]:
        return [h for h in self.held if not h.carried]


async def restore_state(runtime: Runtime, job: Job, source: JobVersion, target: JobVersion) -> RestoreState:
    """The restore point an upgrade from ``source`` to ``target`` would use, read and matched to both plans."""
    path, note = await would_resume(job)
    running = job.job_status in (1, 9) and job.flink_job_id is not None
    if path is None and not running:
        return RestoreState(path, note)
    try:
        client = runtime.flink.client((await cluster_of(job)).endpoint)
        if path is None and job.flink_job_id:
            # no savepoint kept of the running Flink job: its newest completed checkpoint holds its operators
            latest = (await client.checkpoints(job.flink_job_id)).get("latest", {}).get("completed") or {}
            if latest.get("external_path"):
                path = str(latest["external_path"])
                note = f"checkpoint {latest.get('id')} of the running Flink job (the upgrade's stop writes a savepoint)"
    except (FlinkError, DomainError) as error:
        return RestoreState(path, note, problems=[f"the restore point could not be looked up: {_message(error)}"])
    found = RestoreState(path, note)
    if path is None:
        return found
    if await state_from_script(job.id, path):
        found.from_script = True
        found.problems.append(
            "the restore point was written by a run of the script, whose operator ids are hashed from its "
            "topology: a restore runs the script again, and its state is not matched to the plans"
        )
    plans = [v for v in (source, target) if v.plan]
    try:
        runner = await runtime.flink.runner([runtime.storage.resolve(u.udf_path) for u in await _udfs(plans)])
        jar_id = await runtime.flink.ensure_jar(client, runner)
        answer = await client.state_map(jar_id, _request(plans, path), STATE_MAP_WAIT)
    except (FlinkError, DomainError, OSError) as error:
        found.problems.append(f"the restore point {path} could not be read: {_message(error)}")
        return found
    return _matched(found, answer, source if source.plan else None, target if target.plan else None)


def _request(plans: list[JobVersion], path: str) -> RunRequest:
    arguments = [STATE_MAP]
    for version in plans:
        flink = FlinkVersion.parse(version.flink_version)
        arguments += [f"SET {literal(k)} = {literal(v)}" for k, v in flink.keys(version.settings).items()]
        statements = json.loads(version.statements or "[]")
        arguments += [s["sql"] for s in statements if s["kind"] == "function"]  # a plan names them, holds none
        arguments += [PLAN, version.plan or ""]
    arguments.append(path)
    return RunRequest(
        entry_class=RUNNER_CLASS,
        program_args=arguments,
        version=FlinkVersion.parse(plans[-1].flink_version if plans else None),
    )


async def _udfs(plans: list[JobVersion]) -> list[Udf]:
    names = {u["name"] for v in plans for u in v.udfs}
    return list(await Udf.filter(udf_name__in=sorted(names))) if names else []


def _nodes(
    answer: dict[str, Any], index: int | None, version: JobVersion | None, found: RestoreState
) -> dict[str, int | None] | None:
    """A version's operator ids → its plan node ids (``None``: a stream node without a plan node's uid)."""
    if index is None or version is None:
        return None
    plans = answer.get("plans") or []
    plan: dict[str, Any] = plans[index] if index < len(plans) else {"error": "the runner answered no stream graph"}
    if "error" in plan:
        found.problems.append(
            f"version {version.number}'s plan could not be translated: {mask_text(str(plan['error']))[:500]}"
        )
        return None
    ids: dict[str, int | None] = {}
    for node in plan.get("nodes") or []:
        matched = _UID.match(node.get("uid") or "")
        ids[str(node["operatorId"])] = int(matched.group(1)) if matched else None
    return ids


def _matched(
    found: RestoreState, answer: dict[str, Any], source: JobVersion | None, target: JobVersion | None
) -> RestoreState:
    index = 0
    positions: list[int | None] = []
    for version in (source, target):
        positions.append(index if version is not None else None)
        index += version is not None
    old = _nodes(answer, positions[0], source, found)
    new = _nodes(answer, positions[1], target, found)
    savepoint = answer.get("savepoint") or {}
    if "error" in savepoint:
        found.problems.append(
            f"the restore point {found.path} could not be read: {mask_text(str(savepoint['error']))[:500]}"
        )
        return found
    pointer = savepoint.get("pointer")
    if pointer and found.path and pointer.rstrip("/") != found.path.rstrip("/"):
        # the checkpoint asked for was subsumed before it was read: the runner read the newest one beside it
        number = str(pointer).rstrip("/").rsplit("/", 1)[-1].removeprefix("chk-")
        found.path, found.note = str(pointer), f"checkpoint {number} of the running Flink job (a newer one than asked)"
    names = {**_names(source), **_names(target)}
    for operator in savepoint.get("operators") or []:
        held = ("stateBytes", "keyed", "operatorState", "coordinator")  # coordinator: a source's enumerator
        if not any(operator.get(k) for k in held):
            continue  # an operator that holds nothing: nothing to carry or drop
        op_id = str(operator["operatorId"])
        from_id = old.get(op_id) if old is not None else None
        to_id = new.get(op_id) if new is not None else None
        name = names.get((source.number if source else 0, from_id)) or names.get(
            (target.number if target else 0, to_id)
        )
        found.held.append(
            HeldState(
                operator_id=op_id,
                name=mask_text(name or str(operator.get("name") or "an operator of another job graph")),
                state_bytes=int(operator.get("stateBytes") or 0),
                keyed=bool(operator.get("keyed")),
                operator_state=bool(operator.get("operatorState")),
                uid=operator.get("uid"),
                from_id=from_id,
                to_id=to_id,
                carried=new is not None and op_id in new,
            )
        )
    found.matched = new is not None and not found.from_script
    if new is None and target is None:
        found.problems.append("the new version has no compiled plan: its operators cannot be matched to the state")
    return found


def _names(version: JobVersion | None) -> dict[tuple[int, int | None], str]:
    if version is None or not version.plan:
        return {}
    return {
        (version.number, n["id"]): str(n.get("description") or n["type"]) for n in json.loads(version.plan)["nodes"]
    }


def _message(error: Exception) -> str:
    return mask_text(getattr(error, "message", None) or str(error))[:500]
