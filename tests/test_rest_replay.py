"""A whole session of one of the original's pages, replayed against hlink (issue 22).

The original's pages were axios clients of a Spring Boot 2.2 service: they signed in once and from then on sent
only the ``_haiabao_token_`` cookie, sent plain parameters in the query string, as x-www-form-urlencoded
bodies (PUT and DELETE too) or as multipart fields beside the file, sent numbers and codes as strings and an
empty optional number as ``""``, read ``res.data.success`` in ``then()`` (so every refusal had to be HTTP 200),
and read a few fields of each answer. This module plays such a page over every documented path, in the
original's shapes, with the page's own assertions: ``success``, the fields it reads and their types. Beside it,
``tests/test_rest_contract.py`` checks every documented key of every answer.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.gate import COOKIE
from hlink.models import Cluster
from hlink.services.access.accounts import create_user
from hlink.services.actor import SYSTEM, Role, acting_as
from tests.jars import jar_bytes
from tests.test_rest_contract import endpoints

Route = tuple[str, str]
PASSWORD = "a page's own password"
#: the original's time text, in its zone (GMT+8)
TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
GMT8 = timezone(timedelta(hours=8))


class Page:
    """The original's page: axios, a cookie, and ``res.data.success`` read in ``then()`` (any HTTP status but 200
    would reject the promise before the page's own message handling ran)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.called: set[Route] = set()

    async def send(self, method: str, path: str, ids: dict[str, Any] | None = None, **request: Any) -> httpx.Response:
        response = await self.http.request(method, path.format(**(ids or {})), **request)
        self.called.add((method, path))
        assert response.status_code == 200, (method, path, response.status_code, response.text[:300])
        return response

    async def ok(self, method: str, path: str, ids: dict[str, Any] | None = None, **request: Any) -> Any:
        """``then(res => { if (res.data.success) use(res.data.data) })``."""
        body = (await self.send(method, path, ids, **request)).json()
        assert body["success"] is True and isinstance(body["msg"], str), (method, path, body)
        return body["data"]

    async def refused(
        self, code: int, method: str, path: str, ids: dict[str, Any] | None = None, **request: Any
    ) -> str:
        """``else message.error(res.data.msg)``: HTTP 200, success false, the code in the envelope."""
        body = (await self.send(method, path, ids, **request)).json()
        assert (body["success"], body["code"]) == (False, code) and body["msg"], (method, path, body)
        msg: str = body["msg"]
        return msg


def form(**fields: Any) -> dict[str, Any]:
    """An x-www-form-urlencoded body, every value a string, as a browser's form sends it."""
    return {"data": {k: v if isinstance(v, list) else str(v) for k, v in fields.items()}}


def recent(text: str) -> None:
    """A time of a row written just now: the original's text, in GMT+8."""
    assert TIME.fullmatch(text), text
    written = datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=GMT8)
    assert abs(written - datetime.now(UTC)) < timedelta(minutes=5), text


@pytest.fixture
async def page(client: httpx.AsyncClient) -> AsyncIterator[Page]:
    """A browser session on the app: no Authorization header, only what the sign-in's cookie gives."""
    with acting_as(SYSTEM):  # set-up as the system: the services refuse work without an actor
        await create_user("page", Role.ADMIN, PASSWORD)
    transport = httpx.ASGITransport(app=client.hlink_app)  # type: ignore[attr-defined]
    async with httpx.AsyncClient(transport=transport, base_url="http://hlink.test") as http:
        yield Page(http)


async def sign_in(page: Page) -> None:
    signed = await page.http.post("/auth/login", json={"name": "page", "password": PASSWORD})
    assert signed.status_code == 200 and signed.json()["success"] is True, signed.text
    cookie = signed.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie, cookie
    assert page.http.cookies.get(COOKIE) == signed.json()["data"]["token"]


# -- the session -------------------------------------------------------------------------------------------


async def reference(page: Page) -> None:
    snowflake = await page.send("GET", "/dict/getSnowflakeId")
    assert snowflake.headers["content-type"].startswith("text/plain") and snowflake.text.isdigit(), snowflake.text
    dicts = await page.ok("GET", "/dict/list")
    assert {"ds_type", "schema_type", "dc_type_source"} <= set(dicts)
    assert all(
        isinstance(e["dictLabel"], str) for e in await page.ok("GET", "/dict/list/{dictType}", {"dictType": "ds_type"})
    )
    table = await page.ok("GET", "/doc/get/{key}", {"key": "schema"})  # the JSON-Schema to Flink type table
    assert "TIMESTAMP(3)" in table and "BIGINT" in table and "ROW<" in table


async def clusters(page: Page, flink: LocalFlink) -> int:
    added = await page.ok("POST", "/cluster/add", **form(name="prod", address=flink.url, type="1"))
    assert isinstance(added["id"], int) and added["delFlag"] == 0 and added["type"] == 1, added
    recent(added["createTime"])
    msg = await page.refused(409, "POST", "/cluster/add", **form(name="prod", address=flink.url, type="standalone"))
    assert "prod" in msg
    updated = await page.ok("PUT", "/cluster/update", **form(id=added["id"], remark="the page's remark"))
    assert updated["remark"] == "the page's remark"
    listed = await page.ok("GET", "/cluster/list", params={"curPage": "1", "pageSize": "10", "type": ""})
    assert listed["total"] == 1 and listed["records"][0]["name"] == "prod"
    assert [c["id"] for c in await page.ok("GET", "/cluster/check/list")] == [added["id"]]
    info = await page.ok("GET", "/cluster/info", params={"clusterId": str(added["id"])})
    assert info["reachable"] is True and isinstance(info["slotTotal"], int) and info["flinkVersion"] == flink.version
    dashboard = await page.ok("GET", "/dashboard/clusterInfo", params={"clusterId": ""})  # blank: every cluster
    assert dashboard["clusterCount"] == 1 and isinstance(dashboard["taskmanagers"], int)
    spare = await page.ok("POST", "/cluster/add", **form(name="spare", address="http://127.0.0.1:9", type="1"))
    assert await page.ok("DELETE", "/cluster/delete", **form(id=spare["id"])) == {}
    return int(added["id"])


SAMPLE = {"id": 7, "name": "ann", "ts": "2026-12-03T10:00:00Z"}


async def datasources(page: Page) -> dict[str, int]:
    types = await page.ok("GET", "/ds/getTypeList")
    assert "BIGINT" in types["flinkSQLTypes"] and isinstance(types["basicTypes"], list)
    template = await page.ok("GET", "/ds/getFieldTemplete", params={"dsType": "source", "tableType": "kafka"})
    assert template and all(isinstance(f["defaultValue"], str) and isinstance(f["fieldValue"], str) for f in template)
    assert any(f["defaultValue"] == "" for f in template), "a field without a default carries an empty string"

    # the schema file as the page uploads it: the codes as multipart fields beside the file
    content = json.dumps(SAMPLE)
    analysed = await page.ok(
        "POST",
        "/ds/schemaAnalysisDO",
        data={"schemaType": "0", "structureType": "0"},
        files={"file": ("orders.json", content.encode(), "application/json")},
    )
    assert analysed["schemaFile"] == content, "the file's content, which the page puts into schemaFile"
    assert [c["name"] for c in analysed["dsSchemaColumnVOS"]] == ["id", "name", "ts"]

    assert await page.ok("GET", "/ds/checkTableName", params={"tableName": "orders", "dsId": ""}) is True
    ids: dict[str, int] = {}
    for table, ds_type, connector, form_values in (
        ("orders", "source", "datagen", [{"fieldName": "rows-per-second", "fieldValue": "5"}]),
        ("shown", "sink", "blackhole", []),
        ("spare", "sink", "print", []),
    ):
        body = original_ds(table, ds_type, connector, form_values, content if ds_type == "source" else "")
        new_id = await page.ok("POST", "/ds/addDO", json=body)
        assert isinstance(new_id, int), "the new id, as the original answered"
        ids[table] = new_id
    msg = await page.refused(1, "GET", "/ds/checkTableName", params={"tableName": "orders"})
    assert "orders" in msg

    detail = await page.ok("GET", "/ds/get", params={"id": str(ids["orders"])})
    # the original's root ROW node: its children are the table's columns, the event time kept
    assert [(c["name"], c["level"], c["virtualPid"]) for c in detail["dsSchemaColumnVOS"]] == [
        ("id", 1, "0"),
        ("name", 1, "0"),
        ("ts", 1, "0"),
    ]
    assert "WATERMARK FOR `ts`" in detail["dsDdl"] and "root" not in detail["dsDdl"], detail["dsDdl"]
    assert detail["schemaFile"] == content and detail["dsVersion"] == 0  # "" read as null: the default
    detail["dsName"] = "orders, renamed"
    detail["dsVersion"] = ""  # the form's empty number
    await page.ok("PUT", "/ds/modifyDO", json=detail)
    listed = await page.ok("GET", "/ds/list", params={"dsType": "source", "curPage": "1", "pageSize": ""})
    assert [r["dsName"] for r in listed["records"]] == ["orders, renamed"]
    assert await page.ok("DELETE", "/ds/removeDO", **form(id=ids.pop("spare"))) == {}
    return ids


def original_ds(table: str, ds_type: str, connector: str, values: list[dict[str, Any]], schema: str) -> dict[str, Any]:
    """A datasource form as the original's page posted it: its column tree under a ``root`` ROW node at level 0,
    empty optional numbers as ``""``, the codes as strings."""
    root = f"{table}0"
    columns = [
        {"name": "root", "flinkType": "ROW", "virtualId": root, "virtualPid": "0", "level": 0, "eventTime": ""},
        {"name": "id", "flinkType": "BIGINT", "basicType": "long", "virtualId": f"{table}1", "virtualPid": root,
         "level": 1, "joinKey": "", "eventTime": "0"},
        {"name": "name", "flinkType": "STRING", "virtualId": f"{table}2", "virtualPid": root, "level": 1},
        {"name": "ts", "flinkType": "TIMESTAMP(3)", "virtualId": f"{table}3", "virtualPid": root, "level": 1,
         "eventTime": "1" if ds_type == "source" else "0"},
    ]  # fmt: skip
    return {
        "dsName": table,
        "dsType": ds_type,
        "tableName": table,
        "tableType": connector,
        "schemaType": "0",
        "structureType": "1",
        "ddlEnable": "",
        "dsVersion": "",
        "schemaFile": schema,
        "dsSchemaColumnVOS": columns,
        "jsonFieldVO": {"jsonValue": values},
    }


async def artifacts(page: Page, cluster: int) -> None:
    content = jar_bytes()
    uploaded = await page.ok(
        "POST",
        "/jars/upload",
        data={"clusterId": str(cluster), "entryClass": "acme.Job", "resType": "0", "status": ""},
        files={"jarfile": ("job.jar", content, "application/java-archive")},
    )
    assert uploaded["status"] == "success" and isinstance(uploaded["id"], int)
    jars = await page.ok("GET", "/jars/list")
    assert jars[0]["clusterId"] == cluster, "the multipart clusterId is kept"
    assert jars[0]["entryClass"] == "acme.Job" and isinstance(jars[0]["resSizeStr"], str)
    assert (await page.ok("GET", "/jars/listPage", params={"curPage": "1"}))["total"] == 1
    down = await page.send("GET", "/file/down", params={"filePath": "jars", "fileName": uploaded["filename"]})
    assert down.content == content
    assert await page.ok("DELETE", "/jars/removeDO", **form(jarid=uploaded["id"])) == {}

    udf = await page.ok(
        "POST",
        "/ds/udf/upload",
        data={"udfClass": "acme.Upper", "udfName": "to_upper", "udfType": "SCALA", "udfDesc": ""},
        files={"jarfile": ("udf.jar", jar_bytes("acme/Upper.class"), "application/java-archive")},
    )
    listed = await page.ok("GET", "/ds/udf/list", params={"curPage": "1", "pageSize": "10"})
    assert [u["id"] for u in listed["records"]] == [udf["id"]]
    changed = await page.ok("PUT", "/ds/udf/update", **form(id=udf["id"], udfDesc="upper-cases"))
    assert changed["udfDesc"] == "upper-cases"
    assert await page.ok("DELETE", "/ds/udf/delete", params={"id": str(udf["id"])}) == {}


async def until_running(page: Page, job_id: int) -> dict[str, Any]:
    for _ in range(200):
        detail: dict[str, Any] = await page.ok("GET", "/jobs/{jobId}", {"jobId": job_id})
        if detail["flinkState"] == "RUNNING":
            return detail
        await asyncio.sleep(0.2)
    raise AssertionError(f"job {job_id} never ran: {detail['flinkState']}")


async def jobs(page: Page, cluster: int, ds: dict[str, int]) -> None:
    body = {
        "jobName": "page's job",
        "jobType": "0",
        "clusterId": str(cluster),
        "parallelism": "1",
        "checkpointInterval": "",  # empty optional numbers, as the page's form sends them
        "checkpointTimeout": "",
        "restartAttempts": "",
        "savepointPath": "",
        "jobDsVOS": [
            {"dsId": str(ds["orders"]), "dsType": "source", "runSql": ""},
            {"dsId": str(ds["shown"]), "dsType": "sink", "runSql": "SELECT id, name, ts FROM orders"},
        ],
    }
    job = await page.ok("POST", "/jobs/addDO", json=body)
    assert re.fullmatch(r"S\d{14}\d{4}", job["jobCode"]), job["jobCode"]  # made on create, as the original
    # "" read as null: the defaults apply
    assert (job["checkpointInterval"], job["jobStatus"], job["validationStatus"]) == (0, 0, 1), job
    ids = {"jobId": job["id"]}
    assert await page.ok("GET", "/jobs/{jobId}/log", ids) == "", "a job that never ran has an empty log"
    await page.ok("POST", "/jobs/updateDO", json={"id": str(job["id"]), "jobDesc": "described", "parallelism": ""})
    listed = await page.ok("GET", "/jobs/list", params={"curPage": "1", "pageSize": "10", "jobStatus": ""})
    assert [r["id"] for r in listed["records"]] == [job["id"]] and listed["records"][0]["jobDesc"] == "described"

    run = await page.ok("POST", "/jobs/run/{jobId}", ids)
    assert isinstance(run["flinkJobId"], str)
    await until_running(page, job["id"])
    assert (await page.ok("GET", "/jobs/overview/{jobId}", ids))["state"] == "RUNNING"
    savepoint = await page.ok("GET", "/jobs/savepoint/{jobId}", ids)
    assert isinstance(savepoint["savepointPath"], str), savepoint
    detail = await page.ok("GET", "/jobs/{jobId}", ids)
    assert detail["savepointPath"] == savepoint["savepointPath"], "the job's savepointPath follows its newest"
    recent(detail["modifyTime"])
    log = await page.ok("GET", "/jobs/{jobId}/log", ids)
    assert isinstance(log, str) and run["flinkJobId"] in log

    stopped = await page.ok("POST", "/jobs/cancel/{jobId}", ids)
    assert stopped["jobStatus"] == 2
    await page.ok("POST", "/jobs/restart/{jobId}", ids)
    await until_running(page, job["id"])
    # batches: success, and each failed job's answer under its id; jobIds comma-separated or repeated
    failed = await page.ok("POST", "/jobs/cancelBatch", **form(jobIds=f"{job['id']},999999"))
    assert set(failed) == {"999999"} and failed["999999"]["code"] == 404 and failed["999999"]["success"] is False
    assert await page.ok("POST", "/jobs/runBatch", **form(jobIds=[str(job["id"])])) == {}
    await until_running(page, job["id"])
    assert await page.ok("POST", "/jobs/restartBatch", params={"jobIds": str(job["id"])}) == {}
    await until_running(page, job["id"])
    await page.ok("POST", "/jobs/cancel/{jobId}", ids)

    # refusals as the page's then() sees them
    await page.refused(404, "GET", "/jobs/{jobId}", {"jobId": 999999})
    await page.refused(409, "DELETE", "/ds/removeDO", **form(id=ds["orders"]))  # mapped by the job
    msg = await page.refused(400, "POST", "/jobs/addDO", json={**body, "parallelism": "many"})
    assert "parallelism" in msg
    assert await page.ok("DELETE", "/jobs/removeDO", **form(id=job["id"])) == {}


async def test_a_page_of_the_original_works_unchanged(page: Page, flink: LocalFlink) -> None:
    await sign_in(page)
    await reference(page)
    cluster = await clusters(page, flink)
    ds = await datasources(page)
    await artifacts(page, cluster)
    await jobs(page, cluster, ds)
    documented = {e.route for e in endpoints()}
    assert documented == page.called, f"documented paths the page did not call: {documented - page.called}"
    # signed out (the cookie gone), the interceptor's answer is HTTP 401, as the original's
    page.http.cookies.clear()
    anonymous = await page.http.get("/jobs/list")
    assert anonymous.status_code == 401 and anonymous.json()["success"] is False


# -- what the session cannot show on its own ------------------------------------------------------------------


async def test_the_cookie_signs_in_only_a_valid_token_and_never_a_foreign_page(page: Page) -> None:
    await sign_in(page)
    assert (await page.http.get("/cluster/list")).json()["success"] is True
    # a foreign page's request carries the cookie too: refused, whatever it asks
    foreign = await page.http.get("/cluster/list", headers={"Sec-Fetch-Site": "cross-site"})
    assert foreign.status_code == 403 and "cross-site" in foreign.json()["msg"]
    posted = await page.http.post(
        "/cluster/add", data={"name": "x", "address": "http://127.0.0.1:9"}, headers={"Origin": "http://evil.example"}
    )
    assert posted.status_code == 403 and await Cluster.filter(name="x").count() == 0
    # the original let any non-blank cookie in; hlink only a valid token, and a stale one leaves sign-in open
    page.http.cookies.clear()
    page.http.cookies.set(COOKIE, "anything")
    assert (await page.http.get("/cluster/list")).status_code == 401
    again = await page.http.post("/auth/login", json={"name": "page", "password": PASSWORD})
    assert again.status_code == 200 and again.json()["success"] is True


async def test_an_address_that_answers_but_is_not_flink_is_a_clear_refusal(page: Page) -> None:
    """Found replaying the original's page: /cluster/info and /dashboard/clusterInfo were a 500 (an
    AttributeError) for an address whose server answers 200 with a web page."""

    async def web_page(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        body = b"<html>a router's admin page: password=hunter2</html>"
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
        writer.write(head % len(body) + body)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(web_page, "127.0.0.1", 0)
    try:
        await sign_in(page)
        address = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        cluster = (await page.ok("POST", "/cluster/add", **form(name="router", address=address, type="1")))["id"]
        for path in ("/cluster/info", "/dashboard/clusterInfo"):
            info = await page.ok("GET", path, params={"clusterId": cluster})
            assert info["reachable"] is False and "not as Flink does" in info["error"], info
            assert "hunter2" not in json.dumps(info)
        summed = await page.ok("GET", "/dashboard/clusterInfo")
        assert summed["reachableCount"] == 0 and summed["unreachable"][0]["id"] == cluster
    finally:
        server.close()
        await server.wait_closed()


async def test_dates_are_written_in_the_configured_zone(
    database_url: str, tmp_path: Any, client: httpx.AsyncClient
) -> None:
    """HLINK_TIME_ZONE moves the original's time text (GMT+8 by default); a zone that is none is refused. The zone
    is each app's own: the session's app beside it, in the same process, still writes GMT+8."""
    from hlink.app import create_app
    from hlink.services import clock
    from tests.helpers import AUTH, app_settings, envelope_ok

    moment = datetime(2026, 12, 3, 17, 30, 5, tzinfo=UTC)
    assert clock.text(moment, clock.ORIGINAL_ZONE) == "2026-12-04 01:30:05"  # the default, as the original
    with pytest.raises(SystemExit, match="HLINK_TIME_ZONE"):
        app_settings(database_url, tmp_path, HLINK_TIME_ZONE="Mars/Olympus")
    app = create_app(app_settings(database_url, tmp_path, HLINK_TIME_ZONE="UTC"), manage_database=False)
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://hlink.test", headers=AUTH
        ) as http:
            made = envelope_ok(
                await http.post("/cluster/add", data={"name": "utc", "address": "http://127.0.0.1:9", "type": "1"})
            )
            written = datetime.strptime(made["createTime"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            assert abs(written - datetime.now(UTC)) < timedelta(minutes=5), made["createTime"]
            beside = envelope_ok(await client.get("/cluster/check/list"))
            [same] = [c for c in beside if c["id"] == made["id"]]
            eight = datetime.strptime(same["createTime"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            assert eight - written == timedelta(hours=8), (same["createTime"], made["createTime"])
    finally:
        await app.state.runtime.close()
