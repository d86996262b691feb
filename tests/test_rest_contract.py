"""The REST contract, field by field.

The original's API document (a copy in ``tests/spec/hlink-api.md``) is the contract of the REST layer. These
tests parse it (every section's path, method and response example) and hold hlink's live answers to it: every
documented path is called on a real Flink cluster with real objects to act on, and every key path of every
response example (``data.records[].jobDsVOS[].runSql``) must be in the answer, with a value of the example's
type. Where hlink deliberately answers otherwise, ``DIFFERENCES`` says where and why.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from tests.helpers import (
    add_cluster,
    ds_body,
    envelope_fail,
    envelope_ok,
    job_body,
    prop,
    wait_flink_state,
)
from tests.jars import jar_bytes

pytestmark = pytest.mark.flink_lines  # what hlink says to Flink differs by line

SPEC = Path(__file__).resolve().parent / "spec" / "hlink-api.md"

Route = tuple[str, str]  # (method, documented path)
Segments = tuple[str, ...]
ITEMS = "[]"  # a key path segment: every item of a list
ANY_KEY = "*"  # a key path segment: every value of a map
#: Swagger's name for "any key" of a map (``/dict/list`` answers dictType → entries)
MAP_KEY = re.compile(r"additionalProperties\d+")

#: Where hlink's answer deliberately differs from a response example: (method, path, key path) → why. The
#: test fails on an entry that no longer differs, so the list stays as short as the truth.
DIFFERENCES: dict[tuple[str, str, str], str] = {
    # Only the addDO answer (its example and its table: the persistence entity) types this as a boolean; the
    # addDO request, the list and detail answers and the dictionary checkpoint_cleanup_mode all use the integer
    # codes 0/1, which hlink stores, and one field answers one type everywhere.
    ("POST", "/jobs/addDO", "data.checkpointCleanupMode"): "an integer code, as everywhere else in the document",
}


@dataclass(frozen=True)
class Endpoint:
    """One section of the document: a path, its method and its response example."""

    title: str
    method: str
    path: str
    example: Any  # the parsed response example; None where the document shows none (a file, a bare id)

    @property
    def route(self) -> Route:
        return (self.method, self.path)


def endpoints() -> list[Endpoint]:
    """Every documented path, parsed from the document itself."""
    assert SPEC.is_file(), f"the API document is the contract of these tests and is not at {SPEC}"
    found: list[Endpoint] = []
    for section in re.split(r"^## ", SPEC.read_text(encoding="utf-8"), flags=re.M)[1:]:
        title = section.splitlines()[0].strip()
        path = re.search(r"\*\*接口地址\*\*:`([^`]+)`", section)
        method = re.search(r"\*\*请求方式\*\*:`([^`]+)`", section)
        example = re.search(r"\*\*响应示例\*\*:\s*```\w*\n(.*?)```", section, re.S)
        assert path and method and example, f"section {title!r} lacks its path, method or response example"
        text = example.group(1).strip()
        found.append(Endpoint(title, method.group(1).upper(), path.group(1), json.loads(text) if text else None))
    return found


def key_paths(example: Any, prefix: Segments = ()) -> dict[Segments, Any]:
    """Every key path of an example with the example's value there (list items are ``[]``, a map's keys ``*``)."""
    found: dict[Segments, Any] = {}
    if isinstance(example, dict):
        for key, value in example.items():
            path = (*prefix, ANY_KEY if MAP_KEY.fullmatch(key) else key)
            found[path] = value
            found.update(key_paths(value, path))
    elif isinstance(example, list):
        for item in example:
            found.update(key_paths(item, (*prefix, ITEMS)))
    return found


def shown(path: Segments) -> str:
    """``("data", "records", "[]", "id")`` → ``data.records[].id``."""
    return ".".join(path).replace(f".{ITEMS}", ITEMS)


def reach(answer: Any, path: Segments) -> list[Any]:
    """Every live value at a key path (lists and maps fan out; a missing key adds nothing)."""
    values = [answer]
    for segment in path:
        step: list[Any] = []
        for value in values:
            if segment == ITEMS and isinstance(value, list):
                step.extend(value)
            elif segment == ANY_KEY and isinstance(value, dict):
                step.extend(value.values())
            elif segment not in (ITEMS, ANY_KEY) and isinstance(value, dict) and segment in value:
                step.append(value[segment])
        values = step
    return values


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def same_kind(documented: Any, live: Any) -> bool:
    """A live value of the example's type. Jackson wrote empty fields as null, so null is of every type, and an
    empty object in an example is Swagger's ``object``: Java's Object, any value (a boolean, a list, text)."""
    return live is None or documented == {} or kind(documented) == kind(live)


def problems_of(endpoint: Endpoint, answer: Any) -> dict[str, str]:
    """Key path → what is wrong with it in a live answer: missing, nothing live to look in, or another type."""
    problems: dict[str, str] = {}
    for path, documented in key_paths(endpoint.example).items():
        parent, key = path[:-1], path[-1]
        holders = reach(answer, parent)
        if not holders:
            problems[shown(path)] = f"nothing live at {shown(parent)} to look in (an empty list?)"
            continue
        if key == ANY_KEY:
            missing = [h for h in holders if not (isinstance(h, dict) and h)]
        else:
            missing = [h for h in holders if not (isinstance(h, dict) and key in h)]
        if missing:
            problems[shown(path)] = f"missing in {len(missing)} of {len(holders)} live objects"
            continue
        wrong = [v for v in reach(answer, path) if not same_kind(documented, v)]
        if wrong:
            problems[shown(path)] = f"documented as {kind(documented)}, answered {wrong[:3]!r}"
    return problems


class Contract:
    """Calls documented paths and keeps every successful live answer under its documented (method, path)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.answers: dict[Route, list[Any]] = {}
        self.files: dict[Route, bytes] = {}

    async def call(self, method: str, path: str, ids: dict[str, Any] | None = None, **request: Any) -> Any:
        """One documented path (``ids`` fill its ``{placeholders}``); asserts success and returns ``data``."""
        response = await self.client.request(method, path.format(**(ids or {})), **request)
        data = envelope_ok(response)
        self.answers.setdefault((method, path), []).append(response.json())
        return data

    async def text(self, path: str, **request: Any) -> str:
        """A path that answers a text body, not an envelope (the snowflake id)."""
        response = await self.client.get(path, **request)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain"), response
        self.files[("GET", path)] = response.content
        return response.text

    async def download(self, path: str, **request: Any) -> bytes:
        """A path that answers a file, not an envelope."""
        response = await self.client.get(path, **request)
        assert response.status_code == 200, response.text
        self.files[("GET", path)] = response.content
        return response.content


# -- the live tour ---------------------------------------------------------------------------------------------


def side_form() -> list[dict[str, Any]]:
    """A MySQL side table's form with a secret and the W-TinyLFU cache option's union fields filled in."""
    return [
        prop("url", "jdbc:mysql://db:3306/f"),
        prop("table", "users"),
        prop("user", "feature"),
        prop("password", "s3cret"),
        prop("cacheType", "W_TinyLFU"),
        prop("maximumSize", "500"),
        prop("expireAfterWrite", "30"),
    ]


def flat_columns() -> list[dict[str, Any]]:
    return [
        {"name": "id", "flinkType": "BIGINT", "virtualId": "k1", "virtualPid": "0", "level": 1, "joinKey": 1},
        {"name": "name", "flinkType": "STRING", "virtualId": "k2", "virtualPid": "0", "level": 1},
    ]


async def tour_reference_and_artifacts(c: Contract, cluster: int) -> None:
    """Dictionaries, help documents, jars, UDFs and the download path."""
    snowflake = await c.text("/dict/getSnowflakeId")
    assert snowflake.isdigit()  # the bare digits, as the original answered
    await c.call("GET", "/dict/list")
    await c.call("GET", "/dict/list/{dictType}", {"dictType": "ds_type"})
    await c.call("GET", "/doc/get/{key}", {"key": "sql_job"})

    content = jar_bytes()
    jar = await c.call(
        "POST",
        "/jars/upload",
        params={"clusterId": cluster, "entryClass": "acme.Job", "resType": 0, "status": 0},
        files={"jarfile": ("job.jar", content, "application/java-archive")},
    )
    listed = await c.call("GET", "/jars/list")
    assert listed[0]["resUname"] == jar["filename"] and listed[0]["resSize"] == len(content)
    await c.call("GET", "/jars/listPage")
    assert await c.download("/file/down", params={"filePath": "jars", "fileName": jar["filename"]}) == content
    await c.call("DELETE", "/jars/removeDO", params={"jarid": listed[0]["id"]})

    await c.call(
        "POST",
        "/ds/udf/upload",
        params={"udfClass": "acme.Upper", "udfName": "to_upper", "udfType": "SCALA", "udfDesc": "upper-case"},
        files={"jarfile": ("udf.jar", jar_bytes("acme/Upper.class"), "x")},
    )
    udf = (await c.call("GET", "/ds/udf/list"))["records"][0]
    await c.call("PUT", "/ds/udf/update", params={"id": udf["id"], "udfDesc": "new words"})
    await c.call("DELETE", "/ds/udf/delete", params={"id": udf["id"]})


async def tour_datasources(c: Contract) -> dict[str, int]:
    """Every /ds path; the side table's detail is the document's /ds/get example filled in."""
    await c.call("GET", "/ds/getTypeList")
    await c.call("GET", "/ds/getFieldTemplete", params={"dsType": "side", "tableType": "mysql"})
    sample = json.dumps({"id": 1, "user": {"name": "a", "tags": ["x"]}}).encode()
    analysed = await c.call(
        "POST",
        "/ds/schemaAnalysisDO",
        params={"schemaType": "0", "structureType": "1"},
        files={"file": ("orders.json", sample, "application/json")},
    )
    assert [col["name"] for col in analysed["dsSchemaColumnVOS"]][:2] == ["id", "user"]
    assert await c.call("GET", "/ds/checkTableName", params={"tableName": "gen_c"}) is True

    ids = {}
    for table, ds_type, connector, form in (
        ("gen_c", "source", "datagen", [prop("rows-per-second", "20")]),
        ("hole_c", "sink", "blackhole", []),
        ("users_c", "side", "mysql", side_form()),
        ("spare_c", "sink", "print", []),
    ):
        body = ds_body(table, ds_type, connector, dsSchemaColumnVOS=flat_columns(), structureType=0)
        body["jsonFieldVO"] = {"jsonValue": form}
        ids[table] = int(await c.call("POST", "/ds/addDO", json=body))
    assert (await c.call("GET", "/ds/list", params={"dsType": "source"}))["records"][0]["tableName"] == "gen_c"

    detail = await c.call("GET", "/ds/get", params={"id": ids["users_c"]})
    check_filled_form(detail["jsonFieldVO"]["jsonValue"])
    # the detail sent back as it is (the mask, union fields inside their option) keeps every stored value
    detail["dsName"] = "users, renamed"
    union = {
        u["fieldName"]: u for f in detail["jsonFieldVO"]["jsonValue"] for o in f["option"] for u in o["unionFields"]
    }
    union["maximumSize"]["fieldValue"] = "800"
    await c.call("PUT", "/ds/modifyDO", json=detail)
    after = envelope_ok(await c.client.get("/ds/get", params={"id": ids["users_c"]}))
    assert after["dsName"] == "users, renamed"
    values = {f["fieldName"]: f["fieldValue"] for f in after["jsonFieldVO"]["jsonValue"]}
    assert values["password"] == "******" and values["url"] == "jdbc:mysql://db:3306/f", values
    after_union = {
        u["fieldName"]: u["fieldValue"]
        for f in after["jsonFieldVO"]["jsonValue"]
        for o in f["option"]
        for u in o["unionFields"]
    }
    assert after_union["maximumSize"] == "800" and after_union["expireAfterWrite"] == "30", after_union
    assert "s3cret" not in after["dsDdl"]

    await c.call("DELETE", "/ds/removeDO", params={"id": ids.pop("spare_c")})
    return ids


def check_filled_form(fields: list[dict[str, Any]]) -> None:
    """jsonFieldVO.jsonValue: the connector form's attributes with the stored values, secrets masked."""
    by_name = {f["fieldName"]: f for f in fields}
    url = by_name["url"]
    assert (url["label"], url["type"], url["required"], url["fieldValue"]) == (
        "JDBC URL",
        "inputfield",
        True,
        "jdbc:mysql://db:3306/f",
    )
    assert by_name["password"]["fieldValue"] == "******"
    retries = by_name["max_retries"]  # not filled in: no value, the form's default applies
    assert (retries["type"], retries["fieldValue"], retries["defaultValue"]) == ("numberfield", None, "3")
    cache = by_name["cacheType"]
    assert cache["type"] == "combobox" and cache["fieldValue"] == "W_TinyLFU"
    tiny = next(o for o in cache["option"] if o["name"] == "W_TinyLFU")
    assert tiny["hasUnion"] is True
    assert {u["fieldName"]: u["fieldValue"] for u in tiny["unionFields"]}["maximumSize"] == "500"
    assert [f["sequence"] for f in fields] == list(range(len(fields)))


async def overview_of(flink: LocalFlink) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
        answer: dict[str, Any] = (await http.get("/overview")).json()
        return answer


async def tour_cluster_figures(c: Contract, flink: LocalFlink, cluster: int, down: int) -> None:
    """/cluster/info and /dashboard/clusterInfo while a job runs, against Flink's own /overview."""
    documented = {
        "taskManagerCount": "taskmanagers",
        "slotTotal": "slots-total",
        "slotAvailableCount": "slots-available",
        "jobCancelCount": "jobs-cancelled",
        "jobCompleteCount": "jobs-finished",
        "jobFailureCount": "jobs-failed",
    }
    for _ in range(10):  # a job another test left stopping may still free its slots: read until they agree
        info = await c.call("GET", "/cluster/info", params={"clusterId": cluster})
        flink_says = await overview_of(flink)
        if {k: info[k] for k in documented} == {k: flink_says[v] for k, v in documented.items()}:
            break
        await asyncio.sleep(0.5)
    assert {k: info[k] for k in documented} == {k: flink_says[v] for k, v in documented.items()}
    assert info["slotRunningCount"] == info["slotTotal"] - info["slotAvailableCount"] >= 1  # the job holds one
    assert info["flinkVersion"] == flink.version and info["reachable"] is True

    one = await c.call("GET", "/dashboard/clusterInfo", params={"clusterId": cluster})
    assert one["id"] == cluster and one["slotsTotal"] == info["slotTotal"]
    summed = await c.call("GET", "/dashboard/clusterInfo")  # the other cluster does not answer: it adds nothing
    assert isinstance(summed, dict), summed
    for key in ("taskmanagers", "slotsTotal", "slotsAvailable", "jobsRunning", "jobsFinished", "jobsCancelled"):
        assert summed[key] == one[key], key
    assert (summed["flinkVersion"], summed["clusterCount"], summed["reachableCount"]) == (flink.version, 2, 1)
    assert [u["id"] for u in summed["unreachable"]] == [down]


async def running(flink: LocalFlink, answer: dict[str, Any]) -> str:
    """Wait until the run an answer reports is RUNNING on Flink; its Flink job id."""
    jid = str(answer["flinkJobId"])
    await wait_flink_state(flink.url, jid, "RUNNING")
    return jid


async def tour_job(c: Contract, flink: LocalFlink, clusters: tuple[int, int], ds: dict[str, int]) -> None:
    """A SQL job through every /jobs path: save, list, run, watch, savepoint, stop, restart, batches, delete;
    the cluster figures are read while it runs."""
    sink_sql = "INSERT INTO hole_c SELECT id, name FROM gen_c"  # the full form: valid whatever runSql becomes
    mappings = [
        {"dsId": ds["gen_c"], "dsType": "source", "id": 0, "jobId": 0, "runSql": ""},
        {"dsId": ds["hole_c"], "dsType": "sink", "id": 0, "jobId": 0, "runSql": sink_sql},
    ]
    body = job_body(clusters[0], mappings, jobName="contract", parallelism=1)
    job = await c.call("POST", "/jobs/addDO", json=body)
    ids = {"jobId": job["id"]}
    assert (job["jobStatus"], job["jobType"]) == (0, 0)
    await c.call("POST", "/jobs/updateDO", json={"id": job["id"], "jobDesc": "the contract's job"})
    detail = await c.call("GET", "/jobs/{jobId}", ids)
    listed = await c.call("GET", "/jobs/list")
    row = next(r for r in listed["records"] if r["id"] == job["id"])
    assert row["jobDsVOS"] == detail["jobDsVOS"] and [m["dsType"] for m in row["jobDsVOS"]] == ["source", "sink"]
    assert listed["pages"] == math.ceil(listed["total"] / listed["size"]) and listed["current"] == 1

    await running(flink, await c.call("POST", "/jobs/run/{jobId}", ids))
    view = await c.call("GET", "/jobs/overview/{jobId}", ids)
    assert view["state"] == "RUNNING"
    await c.call("GET", "/jobs/{jobId}/log", ids)
    await c.call("GET", "/jobs/savepoint/{jobId}", ids)
    await tour_cluster_figures(c, flink, *clusters)

    stopped = await c.call("POST", "/jobs/cancel/{jobId}", ids)
    assert stopped["jobStatus"] == 2 and stopped["flinkState"] == "CANCELED", stopped
    await running(flink, await c.call("POST", "/jobs/restart/{jobId}", ids))
    batch = {"params": {"jobIds": [job["id"]]}}
    assert await c.call("POST", "/jobs/cancelBatch", **batch) == {}  # no job failed
    assert await c.call("POST", "/jobs/runBatch", **batch) == {}
    await running(flink, await c.call("GET", "/jobs/{jobId}", ids))
    assert await c.call("POST", "/jobs/restartBatch", **batch) == {}
    await running(flink, await c.call("GET", "/jobs/{jobId}", ids))

    # a batch in which a job failed: success, and that job's failed answer under its id (as the original)
    failed = await c.call("POST", "/jobs/cancelBatch", params={"jobIds": [job["id"], 999999]})
    assert list(failed) == ["999999"] and failed["999999"]["code"] == 404 and not failed["999999"]["success"]
    assert (await c.call("GET", "/jobs/{jobId}", ids))["jobStatus"] == 2
    await c.call("DELETE", "/jobs/removeDO", params={"id": job["id"]})


async def tour_clusters(c: Contract, flink: LocalFlink) -> tuple[int, int]:
    """The session's Flink, and a second cluster that does not answer (to be updated and deleted)."""
    cluster = int((await c.call("POST", "/cluster/add", params={"address": flink.url, "name": "c", "type": "1"}))["id"])
    down = await add_cluster(c.client, "down", "http://127.0.0.1:9")
    await c.call("PUT", "/cluster/update", params={"id": down, "remark": "never answers"})
    assert (await c.call("GET", "/cluster/list"))["total"] == 2
    assert {x["id"] for x in await c.call("GET", "/cluster/check/list")} == {cluster, down}
    return cluster, down


# -- the tests -------------------------------------------------------------------------------------------------


def test_the_document_parses_into_every_documented_path() -> None:
    found = endpoints()
    assert len(found) == 43 and len({e.route for e in found}) == 43  # ENDPOINTS.md numbers them
    paths = {shown(p) for p in key_paths(next(e for e in found if e.path == "/jobs/list").example)}
    assert "data.records[].jobDsVOS[].runSql" in paths and "data.searchCount" in paths
    dicts = {shown(p) for p in key_paths(next(e for e in found if e.path == "/dict/list").example)}
    assert "data.*[].dictLabel" in dicts  # Swagger's additionalProperties1: any dictionary type


async def test_every_documented_key_is_in_the_live_answers(client: httpx.AsyncClient, flink: LocalFlink) -> None:
    c = Contract(client)
    cluster, down = await tour_clusters(c, flink)
    await tour_reference_and_artifacts(c, cluster)
    datasources = await tour_datasources(c)
    await tour_job(c, flink, (cluster, down), datasources)
    await c.call("DELETE", "/cluster/delete", params={"id": down})

    documented = endpoints()
    assert {e.route for e in documented} == set(c.answers) | set(c.files), "documented paths not called"
    problems: dict[tuple[str, str, str], str] = {}
    for endpoint in documented:
        for answer in c.answers.get(endpoint.route, []):
            assert answer["code"] == 200 and answer["success"] is True
            for path, problem in problems_of(endpoint, answer).items():
                problems.setdefault((*endpoint.route, path), problem)
            check_meanings(answer)
    unexplained = {k: v for k, v in problems.items() if k not in DIFFERENCES}
    assert not unexplained, "\n".join(f"{m} {p} {k}: {v}" for (m, p, k), v in unexplained.items())
    stale = set(DIFFERENCES) - set(problems)
    assert not stale, f"listed as differences but answered as documented: {stale}"


def check_meanings(answer: dict[str, Any]) -> None:
    """Documented meanings that are cheap to check anywhere in an answer: codes, roles, times, pages."""
    objects = reach(answer, ("data",)) + reach(answer, ("data", "records", ITEMS))
    for row in (o for o in objects if isinstance(o, dict)):
        # jobStatus: 0 not running, 1 running, 2 cancelled, 3 failed, 9 submitting; jobType: 0 SQL, 1 JAR
        assert row.get("jobStatus", 0) in (0, 1, 2, 3, 9) and row.get("jobType", 0) in (0, 1), row
        assert row.get("dsType", "source") in ("source", "sink", "side", "udf"), row
        for key in ("createTime", "modifyTime"):
            if row.get(key):  # as the original wrote them: yyyy-MM-dd HH:mm:ss (in its zone)
                datetime.strptime(row[key], "%Y-%m-%d %H:%M:%S")
    mappings = reach(answer, ("data", "jobDsVOS", ITEMS)) + reach(answer, ("data", "records", ITEMS, "jobDsVOS", ITEMS))
    assert all(m["dsType"] in ("source", "side", "sink") for m in mappings), mappings
    data = answer.get("data")
    if isinstance(data, dict) and {"records", "total", "size", "current", "pages"} <= set(data):
        assert data["total"] >= len(data["records"]) and data["current"] >= 1 and data["searchCount"] is True


async def test_a_wrong_method_on_every_documented_path_answers_405(client: httpx.AsyncClient) -> None:
    for endpoint in endpoints():
        url = endpoint.path.format(jobId=1, dictType="ds_type", key="sql_job")
        for method in ("GET", "POST", "PUT", "DELETE", "PATCH"):
            if method == endpoint.method:
                continue
            response = await client.request(method, url)
            body = envelope_fail(response, 405)
            assert body["data"] is None and url in body["msg"], body
            assert endpoint.method in response.headers["allow"], (method, url, response.headers)


async def test_a_batch_answers_each_failed_jobs_answer(client: httpx.AsyncClient) -> None:
    """As the original: a batch succeeds, and its data maps each job that failed to that job's failed answer."""
    idle = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "idle"}))["id"]
    for ids, codes in (([idle], {idle: 409}), ([999998], {999998: 404}), ([idle, 999998], {idle: 409, 999998: 404})):
        for path in ("/jobs/cancelBatch", "/jobs/runBatch", "/jobs/restartBatch"):
            if path != "/jobs/cancelBatch" and idle in ids:
                continue  # a job without a cluster fails otherwise; cancelling it is the clear case
            failed = envelope_ok(await client.post(path, params={"jobIds": ids}))
            assert {int(k): v["code"] for k, v in failed.items()} == codes, failed
            assert all(v["success"] is False and v["msg"] and v["data"] is None for v in failed.values()), failed
