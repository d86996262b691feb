"""The upgrade verdict (issue 20 item 3): operators of two versions' plans, compiled by a real Flink, paired
up and judged, and ``upgradePreview`` answering it with no Flink job started or stopped."""

from __future__ import annotations

import asyncio
import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.models import JobVersion
from hlink.services.jobs.preview import judge_versions
from hlink.services.jobs.verdict import Change, Verdict, judge
from tests.conftest import gql
from tests.test_access import bearer, make_user
from tests.test_flink_lifecycle import add_ds, flink_state
from tests.test_versions import flink_jobs, job_body, save, versions, with_sql

pytestmark = pytest.mark.flink_lines  # each line's planner writes its own plans

COUNT = "SELECT COUNT(*) AS id, name FROM gen_t GROUP BY name"
EDITS = {
    # a filter after the aggregate: the aggregate's state means the same
    "filter": "SELECT id, name FROM (SELECT COUNT(*) AS id, name FROM gen_t GROUP BY name) WHERE id > 1",
    # another GROUP BY key: every count would be read under a key it was not counted by
    "key": "SELECT COUNT(*) AS id, name FROM gen_t GROUP BY name, id",
    # a second aggregate call: another accumulator layout (and the projection before it goes: ids shift)
    "agg": "SELECT COUNT(*) + MAX(id) AS id, name FROM gen_t GROUP BY name",
}
PREVIEW = """query($id: ID!, $to: Int) { upgradePreview(jobId: $id, toVersion: $to) {
  jobId fromVersion toVersion verdict reasons diff
  operators { name type change stateful reason fromId toId }
} }"""


def plan_ids(plan: dict[str, Any]) -> set[int]:
    return {n["id"] for n in plan["nodes"]}


def aggregates(operators: list[Any]) -> list[Any]:
    return [o for o in operators if "GroupAggregate" in o.name]


async def preview(
    client: httpx.AsyncClient, job_id: int, to: int | None = None, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": PREVIEW, "variables": {"id": str(job_id), "to": to}}, headers=headers
    )
    answer: dict[str, Any] = response.json()
    assert "errors" not in answer, answer
    found: dict[str, Any] = answer["data"]["upgradePreview"]
    return found


async def test_the_verdict_of_real_plans_and_the_preview_of_a_running_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    sink = await add_ds(client, "cnt_t", "sink", "print")
    other = await add_ds(client, "max_t", "sink", "print")
    body = job_body(pipeline["cluster"], pipeline["source"], sink, COUNT)
    job = await save(client, body)
    numbers = {"count": 1}
    for n, (name, sql) in enumerate(EDITS.items(), start=2):
        await save(client, with_sql(body, sink, sql), job["id"])
        numbers[name] = n
    # an unrelated new query with its own aggregate, into another sink
    extra = {"dsId": other, "dsType": "sink", "runSql": "SELECT MAX(id) AS id, name FROM gen_t GROUP BY name"}
    await save(client, {**body, "jobDsVOS": [*body["jobDsVOS"], extra]}, job["id"])
    numbers["extra"] = 5
    plans = {v["number"]: v["plan"] for v in (await versions(client, job["id"]))["versions"]}
    assert sorted(plans) == [1, 2, 3, 4, 5] and all(plans.values()), "each version compiled by the cluster"

    # the pure verdict over the two plans
    same = judge(plans[1], plans[1])
    assert same.verdict is Verdict.COMPATIBLE and {o.change for o in same.operators} == {Change.UNCHANGED}

    filtered = judge(plans[1], plans[numbers["filter"]])
    assert filtered.verdict is Verdict.COMPATIBLE, filtered.reasons
    (agg,) = aggregates(filtered.operators)
    assert (agg.change, agg.stateful, agg.from_id, agg.to_id) == (Change.UNCHANGED, True, 4, 4)
    changed = [o for o in filtered.operators if o.change is Change.CHANGED]
    assert [o.name for o in changed] == ["Calc(select=[id, name], where=[(id > 1)])"] and not changed[0].stateful

    rekeyed = judge(plans[1], plans[numbers["key"]])
    assert rekeyed.verdict is Verdict.INCOMPATIBLE
    (agg,) = aggregates(rekeyed.operators)
    assert agg.change is Change.CHANGED and "grouping key [gen_t.name] -> [gen_t.id, gen_t.name]" in agg.reason

    two_calls = judge(plans[1], plans[numbers["agg"]])
    assert two_calls.verdict is Verdict.INCOMPATIBLE
    (agg,) = aggregates(two_calls.operators)
    assert agg.change is Change.CHANGED and "aggregate calls [COUNT(*): BIGINT NOT NULL] -> [COUNT(*)" in agg.reason
    assert "MAX(gen_t.id)" in agg.reason and "grouping key" not in agg.reason, "the key is still name"
    assert agg.from_id == 4 and agg.to_id not in plan_ids(plans[1]), "paired along the graph; a new id: no state"
    removed = [o for o in two_calls.operators if o.change is Change.REMOVED]
    assert [(o.name, o.stateful) for o in removed] == [("Calc(select=[name])", False)], removed

    added = judge(plans[1], plans[numbers["extra"]])
    assert added.verdict is Verdict.PARTIAL, added.reasons
    kept, new = aggregates(added.operators)
    assert (kept.change, kept.from_id, kept.to_id) == (Change.UNCHANGED, 4, 4)
    assert (new.change, new.stateful, new.from_id) == (Change.ADDED, True, None) and "MAX" in new.name
    assert any("starts empty" in r for r in added.reasons), added.reasons

    # the preview of a running job: compared from the version it runs, nothing on Flink touched
    await save(client, body, job["id"])  # version 6: the first SQL again, which the run runs
    run = (await client.post(f"/jobs/run/{job['id']}")).json()["data"]
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    for n, sql in enumerate(EDITS.values(), start=7):
        await save(client, with_sql(body, sink, sql), job["id"])
        numbers[f"running {n}"] = n
    before = await flink_jobs(flink)
    viewer = bearer((await make_user(client, "vic", "VIEWER"))["secret"])
    newest = await preview(client, job["id"], headers=viewer)  # viewers may preview; the newest version by default
    assert (newest["fromVersion"], newest["toVersion"], newest["verdict"]) == (6, 9, "INCOMPATIBLE"), newest
    assert any("aggregate calls" in r for r in newest["reasons"]), newest["reasons"]
    assert newest["diff"].startswith("--- version 6\n+++ version 9\n"), newest["diff"]
    assert any(line.startswith("+") and "MAX(id)" in line for line in newest["diff"].splitlines())
    compatible = await preview(client, job["id"], 7)
    assert compatible["verdict"] == "COMPATIBLE" and compatible["fromVersion"] == 6, compatible
    by_change = {o["change"] for o in compatible["operators"]}
    assert by_change == {"UNCHANGED", "CHANGED"}, compatible["operators"]
    assert all(not o["stateful"] for o in compatible["operators"] if o["change"] == "CHANGED")
    assert (await preview(client, job["id"], 8))["verdict"] == "INCOMPATIBLE"
    assert (await preview(client, job["id"], 5))["verdict"] == "PARTIAL"
    assert (await preview(client, job["id"], 6))["verdict"] == "COMPATIBLE", "the version it runs"
    assert await flink_jobs(flink) == before, "previews started, stopped or changed no Flink job"
    detail = (await client.get(f"/jobs/{job['id']}")).json()["data"]
    assert (detail["version"], detail["flinkJobId"], detail["jobStatus"]) == ("6", run["flinkJobId"], 1)
    assert (await client.post(f"/jobs/cancel/{job['id']}")).json()["data"]["jobStatus"] == 2


async def test_without_plans_the_verdict_is_unknown_and_bad_input_is_named(client: httpx.AsyncClient) -> None:
    source = await add_ds(client, "gen_t", "source", "datagen")
    sink = await add_ds(client, "out_t", "sink", "blackhole")
    body = job_body(None, source, sink, COUNT)  # no cluster: no planner, no plan
    job = await save(client, body)
    first = await preview(client, job["id"])
    assert (first["fromVersion"], first["toVersion"], first["verdict"]) == (None, 1, "COMPATIBLE"), first
    await save(client, with_sql(body, sink, EDITS["key"]), job["id"])
    unknown = await preview(client, job["id"])
    assert (unknown["fromVersion"], unknown["verdict"], unknown["operators"]) == (1, "UNKNOWN", []), unknown
    assert any("no compiled plan" in r for r in unknown["reasons"]), unknown["reasons"]
    assert any(line.startswith("+") and "GROUP BY name, id" in line for line in unknown["diff"].splitlines())

    missing = await gql(client, PREVIEW, {"id": str(job["id"]), "to": 7})
    assert missing["data"] is None and missing["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "toVersion" in missing["errors"][0]["message"]
    nobody = await gql(client, PREVIEW, {"id": "999999"})
    assert nobody["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    anonymous = await client.post(
        "/graphql",
        json={"query": PREVIEW, "variables": {"id": str(job["id"])}},
        headers={"Authorization": "Bearer hlk_not-a-token"},
    )
    assert anonymous.status_code == 401 or anonymous.json()["data"] is None, anonymous.text


def printed(flink: LocalFlink, prefix: str, after: dict[Path, int] | None = None) -> list[tuple[str, int, str]]:
    """The print sink's rows (kind, count, key) in the task managers' stdout, after the given offsets."""
    rows = []
    for out in sorted(flink.log_dir.glob("*taskexecutor*.out")):
        text = out.read_bytes()[(after or {}).get(out, 0) :].decode(errors="replace")
        rows += [
            (m[1], int(m[2]), m[3])
            for m in re.finditer(rf"^{prefix}(?::\d+)?> ([+-][IUD])\[(\d+), (.*)\]$", text, re.M)
        ]
    return rows


def offsets(flink: LocalFlink) -> dict[Path, int]:
    return {out: out.stat().st_size for out in flink.log_dir.glob("*taskexecutor*.out")}


async def wait_rows(flink: LocalFlink, prefix: str, after: dict[Path, int], keys: int) -> list[tuple[str, int, str]]:
    """The rows printed after ``after`` once ``keys`` keys have been updated (bounded)."""
    for _ in range(300):
        rows = printed(flink, prefix, after)
        if len({k for _, _, k in rows}) >= keys:
            return rows
        await asyncio.sleep(0.2)
    raise AssertionError(f"fewer than {keys} keys printed: {rows[-10:]}")


async def test_a_new_version_keeps_its_aggregates_node_id_and_a_restart_keeps_counting(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    prefix = f"counts{uuid.uuid4().hex[:8]}"
    counts = await add_ds(client, "counts_t", "sink", "print", **{"print-identifier": prefix})
    hole = await add_ds(client, "hole_t", "sink", "blackhole")
    # 16 keys: the first of datagen's hex characters
    count = "SELECT COUNT(*) AS id, SUBSTRING(name, 1, 1) AS name FROM gen_t GROUP BY SUBSTRING(name, 1, 1)"
    body = job_body(pipeline["cluster"], pipeline["source"], counts, count)
    job = await save(client, body)
    start = offsets(flink)
    run = (await client.post(f"/jobs/run/{job['id']}")).json()["data"]
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    await wait_rows(flink, prefix, start, 16)

    # a new query, first: the planner numbers its nodes before the count's, hlink gives the count its old id
    first = {"dsId": hole, "dsType": "sink", "runSql": "SELECT MAX(id) AS id, name FROM gen_t GROUP BY name"}
    await save(client, {**body, "jobDsVOS": [body["jobDsVOS"][0], first, *body["jobDsVOS"][1:]]}, job["id"])
    plans = {v["number"]: v["plan"] for v in (await versions(client, job["id"]))["versions"]}
    ids = {n: {x["description"]: x["id"] for x in p["nodes"] if "COUNT" in x["description"]} for n, p in plans.items()}
    assert list(ids[1].values()) == list(ids[2].values()), ids
    judged = await preview(client, job["id"])
    assert (judged["fromVersion"], judged["toVersion"], judged["verdict"]) == (1, 2, "PARTIAL"), judged

    before_restart = printed(flink, prefix, start)
    last = {k: c for _, c, k in before_restart}
    restart = offsets(flink)
    again = (await client.post(f"/jobs/restart/{job['id']}")).json()
    assert again["success"], again
    await flink_state(flink, again["data"]["flinkJobId"], "RUNNING")
    after = await wait_rows(flink, prefix, restart, 16)
    assert not [r for r in after if r[0] == "+I"], f"keys inserted anew after the restore: {after[:10]}"
    firsts: dict[str, int] = {}
    for kind, c, k in after:
        if kind == "+U":
            firsts.setdefault(k, c)
    assert all(firsts[k] > last[k] for k in firsts if k in last), (last, firsts)
    assert (await client.get(f"/jobs/{job['id']}")).json()["data"]["version"] == "2"
    assert (await client.post(f"/jobs/cancel/{job['id']}")).json()["data"]["jobStatus"] == 2


async def test_a_functions_new_jar_makes_the_verdict_unknown_unless_it_is_incompatible(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    """The plans may agree while a function's jar changed what it accumulates: unknown; a changed key stays
    incompatible whatever the jars."""
    sink = await add_ds(client, "cnt_t", "sink", "print")
    body = job_body(pipeline["cluster"], pipeline["source"], sink, COUNT)
    job = await save(client, body)
    await save(client, with_sql(body, sink, EDITS["filter"]), job["id"])
    await save(client, with_sql(body, sink, EDITS["key"]), job["id"])
    v1, v2, v3 = await JobVersion.filter(job_id=job["id"]).order_by("number")
    v1.udfs = [{"name": "tag", "className": "a.Tag", "sha256": "1" * 64}]
    v2.udfs = v3.udfs = [{"name": "tag", "className": "a.Tag", "sha256": "2" * 64}]
    same_plans = judge_versions(v1, v2)
    assert same_plans.verdict is Verdict.UNKNOWN and "function tag: its jar changed" in same_plans.reasons[0]
    assert judge_versions(v1, v3).verdict is Verdict.INCOMPATIBLE
    assert judge_versions(v2, v3).verdict is Verdict.INCOMPATIBLE, "the same jar: the key decides"
