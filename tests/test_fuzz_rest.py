"""Fuzzing the REST layer (issue 12) with schemathesis, from its own description (/v3/api-docs, issue 13).

Every operation gets requests generated from its declared parameters and bodies, sent as the admin to a real
uvicorn serving the app: valid ones, about half of whose ids, bodies and files are aimed at real rows and
contents (a cluster at a loopback port that refuses connections, two datasources, a job, a jar, a UDF), and
invalid ones. Whatever they send, no answer is a 5xx (a refusal is HTTP 200 with its code in the envelope, as
the original answered; a Flink cluster that does not answer is code 503), no handler fails with an unexpected
exception, and every answer is one the description declares: its status, content type and schema. No Flink is
needed: the lifecycle paths reach only the refusing cluster, and must answer as cleanly as a bad id does."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode
from schemathesis import Config as SchemathesisConfig
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hlink.models import DictEntry, HelpDoc, Job
from hlink.rest.openapi import document
from hlink.services.access import accounts
from hlink.services.errors import Unauthorized, ValidationFailed
from hlink.services.jobs.definitions import JobFilter
from hlink.services.paging import check_filter
from tests.helpers import (
    AUTH,
    Unexpected,
    add_cluster,
    add_ds,
    ds_body,
    envelope_fail,
    envelope_ok,
    job_body,
    unexpected_errors,
)
from tests.jars import jar_bytes

#: the operations that ask the job's Flink cluster: a 503 there is the declared answer of a cluster that does
#: not answer (the seeded one), not a fault of hlink's; anywhere else a 5xx is one
ASK_FLINK = r"^/jobs/(run|cancel|restart|savepoint|overview)|^/jobs/\{jobId\}/log$"
CONFIG = SchemathesisConfig.from_dict(
    {
        # every request carries the admin's token (AUTH), not a generated one: the gate has its own tests
        "generation": {"with-security-parameters": False},
        "operations": [
            {
                "include-path-regex": ASK_FLINK,
                "checks": {"not_a_server_error": {"expected-statuses": ["2xx", "3xx", "4xx", "503"]}},
            }
        ],
    }
)
SCHEMA = schemathesis.openapi.from_dict(document(), config=CONFIG)
OPERATIONS = {op.label: op for op in (result.ok() for result in SCHEMA.get_all_operations() if isinstance(result, Ok))}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: bounded: the whole file in about a minute on 2 cores; derandomized, so every run sends the same requests
FUZZ = settings(
    max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
#: which seeded row an id parameter names, by its name (``id`` by the path's area)
ID_KINDS = {"jobId": "job", "jobIds": "job", "clusterId": "cluster", "dsId": "ds", "jarid": "jar"}
AREAS = (("/ds/udf", "udf"), ("/jobs", "job"), ("/ds", "ds"), ("/cluster", "cluster"), ("/jars", "jar"))
#: uploads that are what their paths expect: a jar, a JSON sample
FILES = {"jarfile": jar_bytes(), "file": b'{"id": 1, "user": {"name": "a", "tags": ["x", "y"]}, "at": 1.5}'}


def _negatable(operation: dict[str, Any]) -> bool:
    """Whether an operation takes input that can be made invalid: a body, a query parameter or an integer path
    parameter (any string fits a string path segment)."""
    kinds = {(p["in"], p["schema"].get("type")) for p in operation["parameters"]}
    return "requestBody" in operation or any(where == "query" or kind == "integer" for where, kind in kinds)


#: operations with something to get wrong (the others take no input: nothing invalid to generate)
WITH_INPUT = [
    f"{method.upper()} {path}"
    for path, item in document()["paths"].items()
    for method, operation in item.items()
    if _negatable(operation)
]


@pytest.fixture
def unexpected() -> Iterator[Unexpected]:
    with unexpected_errors("hlink", "hlink.rest") as handler:
        yield handler


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A loopback port bound but not listening: every connection is refused, and no other process (another
    session's Flink) can take the port while the test runs."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield held.getsockname()[1]


@pytest.fixture
async def seeds(client: httpx.AsyncClient, refusing_port: int) -> dict[str, Any]:
    """Real rows for the generated requests to name: a cluster nobody answers at, a source and a sink, a SQL job
    mapping them on that cluster, a jar and a UDF; a dictionary type, a help document, a stored file."""
    # bounded: a stop or savepoint left in flight on the silent cluster answers "in progress" at once, not after
    # HLINK_OPERATION_WAIT (60 s)
    client.app_state.runtime.operation_wait = 0  # type: ignore[attr-defined]
    address = f"http://127.0.0.1:{refusing_port}"
    cluster = await add_cluster(client, "fuzzed", address)
    source = await add_ds(client, "fz_in", "source", "datagen")
    sink = await add_ds(client, "fz_out", "sink", "print")
    mappings = [
        {"dsId": source, "dsType": "source"},
        {"dsId": sink, "dsType": "sink", "runSql": "SELECT * FROM fz_in"},
    ]
    job = envelope_ok(await client.post("/jobs/addDO", json=job_body(cluster, mappings)))["id"]
    jar = envelope_ok(await client.post("/jars/upload", files={"jarfile": ("fz.jar", FILES["jarfile"])}))
    udf = envelope_ok(
        await client.post(
            "/ds/udf/upload",
            params={"udfClass": "acme.Fz", "udfName": "fz", "udfType": "SCALA"},
            files={"jarfile": ("fz-udf.jar", jar_bytes("acme/Fz.class"))},
        )
    )
    entry, help_doc = await DictEntry.first(), await HelpDoc.first()
    assert entry is not None and help_doc is not None
    return {
        "cluster": cluster,
        "address": address,
        "ds": source,
        "mappings": mappings,
        "job": job,
        "jar": jar["id"],
        "udf": udf["id"],
        "dictType": entry.dict_type,
        "key": help_doc.doc_key,
        "filePath": f"jars/{jar['filename']}",
    }


def _kind(name: str, path: str) -> str | None:
    if name == "id":
        return next((kind for prefix, kind in AREAS if path.startswith(prefix)), None)
    return ID_KINDS.get(name)


def _valid_body(label: str, seeds: dict[str, Any], n: int) -> dict[str, Any] | None:
    """A body the path accepts, to lay generated values over."""
    job = job_body(seeds["cluster"], seeds["mappings"], jobName=f"fuzzed {n}")
    bodies: dict[str, dict[str, Any]] = {
        "POST /jobs/addDO": job,
        "POST /jobs/updateDO": {**job, "id": seeds["job"]},
        "POST /ds/addDO": ds_body(f"fz_{n}"),
        "PUT /ds/modifyDO": {**ds_body("fz_in"), "id": seeds["ds"]},
    }
    return bodies.get(label)


def aim(case: Case[Any], seeds: dict[str, Any], data: st.DataObject) -> None:
    """Point about half of a valid case's ids, names, bodies and files at the seeded rows and real contents, so
    requests reach past the first check into real code."""
    for values in (case.path_parameters, case.query):
        for name in list(values or {}):
            seeded = seeds.get(_kind(name, case.path) or name)
            if values is not None and seeded is not None and data.draw(st.booleans(), label=f"aim {name}"):
                values[name] = [seeded] if name == "jobIds" else seeded
    if not isinstance(case.body, dict) or not data.draw(st.booleans(), label="aim body"):
        return
    if case.media_type == "multipart/form-data":
        parts: dict[str, Any] = dict(case.body)
        parts.update((name, FILES[name]) for name in case.body if name in FILES)
        case.body = parts
        return
    base = _valid_body(case.operation.label, seeds, data.draw(st.integers(0, 10**6), label="n"))
    if base is not None:
        kept = data.draw(st.sets(st.sampled_from(sorted(case.body))) if case.body else st.just(set()), label="kept")
        case.body = {**base, **{name: case.body[name] for name in kept}}


async def _send(case: Case[Any], served: str, http: requests.Session) -> schemathesis.Response:
    """Send a case to the served app (from a thread: the event loop serves it meanwhile) and hold the answer
    to the description."""
    response = await asyncio.to_thread(case.call, base_url=f"http://{served}", headers=AUTH, session=http, timeout=60)
    case.validate_response(response, checks=CHECKS)
    return response


@pytest.mark.parametrize("label", list(OPERATIONS))
@FUZZ
@given(data=st.data())
async def test_valid_requests_answer_as_described(
    served: str,
    seeds: dict[str, Any],
    session: requests.Session,
    unexpected: Unexpected,
    label: str,
    data: st.DataObject,
) -> None:
    case = data.draw(OPERATIONS[label].as_strategy(generation_mode=GenerationMode.POSITIVE), label="case")
    aim(case, seeds, data)
    unexpected.seen.clear()
    await _send(case, served, session)
    assert not unexpected.seen, unexpected.seen


@pytest.mark.parametrize("label", WITH_INPUT)
@FUZZ
@given(data=st.data())
async def test_invalid_requests_answer_as_described(
    served: str,
    seeds: dict[str, Any],
    session: requests.Session,
    unexpected: Unexpected,
    label: str,
    data: st.DataObject,
) -> None:
    case = data.draw(OPERATIONS[label].as_strategy(generation_mode=GenerationMode.NEGATIVE), label="case")
    unexpected.seen.clear()
    await _send(case, served, session)
    assert not unexpected.seen, unexpected.seen


async def _lifecycle(served: str, http: requests.Session, seeds: dict[str, Any]) -> dict[str, tuple[int, Any]]:
    """Each path that asks Flink, on the seeded job and cluster: label → (status, data)."""
    job, jobs, cluster = {"jobId": seeds["job"]}, {"jobIds": [seeds["job"]]}, {"clusterId": seeds["cluster"]}
    cases: dict[str, tuple[dict[str, Any] | None, dict[str, Any] | None]] = {  # (path parameters, query)
        "POST /jobs/run/{jobId}": (job, None),
        "POST /jobs/runBatch": (None, jobs),
        "POST /jobs/cancel/{jobId}": (job, None),
        "POST /jobs/cancelBatch": (None, jobs),
        "POST /jobs/restart/{jobId}": (job, {"restoreFrom": "latest"}),
        "POST /jobs/restartBatch": (None, jobs),
        "GET /jobs/savepoint/{jobId}": (job, None),
        "GET /jobs/overview/{jobId}": (job, None),
        "GET /jobs/{jobId}/log": (job, None),
        "GET /cluster/info": (None, cluster),
        "GET /dashboard/clusterInfo": (None, cluster),
    }
    answers = {}
    for label, (path, query) in cases.items():
        response = await _send(OPERATIONS[label].Case(path_parameters=path, query=query), served, http)
        body = response.json()
        # a refusal is HTTP 200, success false and its code in the envelope, as the original answered
        assert response.status_code == 200 and body["success"] is (body["code"] == 200), body
        answers[label] = (body["code"], body["data"] if body["success"] else body["msg"])
    return answers


async def test_the_lifecycle_against_an_unreachable_cluster_answers_cleanly(
    served: str, seeds: dict[str, Any], session: requests.Session, unexpected: Unexpected
) -> None:
    # a job that never ran: what needs the cluster is 503 (it did not answer), what needs a Flink job is 409;
    # a batch succeeds with each job's failed answer, and the log of a job that never ran is empty
    answers = await _lifecycle(served, session, seeds)
    statuses = {label: status for label, (status, _) in answers.items()}
    assert statuses == {
        "POST /jobs/run/{jobId}": 503,
        "POST /jobs/runBatch": 200,
        "POST /jobs/cancel/{jobId}": 409,
        "POST /jobs/cancelBatch": 200,
        "POST /jobs/restart/{jobId}": 503,
        "POST /jobs/restartBatch": 200,
        "GET /jobs/savepoint/{jobId}": 409,
        "GET /jobs/overview/{jobId}": 409,
        "GET /jobs/{jobId}/log": 200,
        "GET /cluster/info": 200,
        "GET /dashboard/clusterInfo": 200,
    }, answers
    job = str(seeds["job"])
    for label, code in (
        ("POST /jobs/runBatch", 503),
        ("POST /jobs/cancelBatch", 409),
        ("POST /jobs/restartBatch", 503),
    ):
        assert answers[label][1][job]["code"] == code and answers[label][1][job]["success"] is False, answers[label]
    assert "did not answer" in answers["POST /jobs/run/{jobId}"][1]
    assert answers["GET /jobs/{jobId}/log"][1] == ""
    assert answers["GET /cluster/info"][1]["reachable"] is False
    # a job Flink is said to be running: stopping it, a savepoint and its view all need the cluster
    await Job.filter(id=seeds["job"]).update(job_status=1, flink_state="RUNNING", flink_job_id="ab" * 16)
    answers = await _lifecycle(served, session, seeds)
    for label in ("POST /jobs/cancel/{jobId}", "GET /jobs/savepoint/{jobId}", "GET /jobs/overview/{jobId}"):
        assert answers[label][0] == 503, (label, answers[label])
    assert answers["GET /jobs/{jobId}/log"][0] == 200 and "did not answer" in answers["GET /jobs/{jobId}/log"][1]
    assert answers["POST /jobs/run/{jobId}"][0] == 409, answers["POST /jobs/run/{jobId}"]
    assert not unexpected.seen, unexpected.seen


async def test_a_file_name_too_long_for_the_file_system_is_not_found(client: httpx.AsyncClient) -> None:
    """Found by the fuzzer: /file/down with a name over the file system's limit (ENAMETOOLONG) was a 500."""
    answer = await client.get("/file/down", params={"filePath": "x" * 300})  # right under the storage folder
    envelope_fail(answer, 404)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/jobs/list", {"jobType": str(-(2**63) + 1)}),
        ("/cluster/list", {"type": str(2**40)}),
        ("/jars/list", {"resType": str(-(2**33))}),
        ("/ds/list", {"dsType": "source", "schemaType": str(2**31)}),
    ],
)
async def test_a_filter_beyond_its_column_is_refused(
    client: httpx.AsyncClient, path: str, params: dict[str, str]
) -> None:
    """Found by the fuzzer on PostgreSQL: a list filter beyond the column's 32 bits reached the query (a 500)."""
    (name,) = set(params) - {"dsType"}
    answer = await client.get(path, params=params)
    assert "must be between" in envelope_fail(answer, 400)["data"]["fields"][name]


async def test_a_text_filter_with_a_nul_is_refused(client: httpx.AsyncClient) -> None:
    """Found by the fuzzer on PostgreSQL: a NUL in a list filter reached the query (a 500). REST refuses it as
    it reads the query; the services' filter check refuses it for GraphQL too."""
    answer = await client.get("/jobs/list", params={"flinkJobId": "ab\x00cd"})
    assert envelope_fail(answer, 400)["data"]["fields"] == {"flinkJobId": "must not contain a NUL character"}
    with pytest.raises(ValidationFailed) as refused:
        check_filter(JobFilter(flink_job_id="ab\x00cd"), Job)
    assert refused.value.fields == {"flinkJobId": "must not contain a NUL character"}


async def test_a_nul_in_any_text_is_refused_before_it_is_stored(client: httpx.AsyncClient) -> None:
    """Found by the fuzzer on PostgreSQL, whose text cannot hold a NUL: a name, a remark, a class or a
    description with one was a 500 on every path that stores it. Each is a 400 naming the field."""
    cluster = await add_cluster(client, "nul", "http://127.0.0.1:9")
    upload = {"jarfile": ("n.jar", FILES["jarfile"])}
    udf = {"udfClass": "acme.N", "udfName": "n", "udfType": "SCALA", "udfDesc": "a\x00"}
    sent: dict[str, tuple[str, str, dict[str, Any]]] = {  # field → (method, path, request)
        "name": ("POST", "/cluster/add", {"params": {"name": "a\x00", "address": "http://127.0.0.1:8", "type": "1"}}),
        "remark": ("PUT", "/cluster/update", {"params": {"id": cluster, "remark": "a\x00"}}),
        "jobName": ("POST", "/jobs/addDO", {"json": job_body(cluster, [], jobName="a\x00")}),
        "dsName": ("POST", "/ds/addDO", {"json": ds_body("nul_t", dsName="a\x00")}),
        "entryClass": ("POST", "/jars/upload", {"params": {"entryClass": "a\x00"}, "files": upload}),
        "udfDesc": ("POST", "/ds/udf/upload", {"params": udf, "files": upload}),
        "password": ("POST", "/auth/login", {"json": {"name": "admin", "password": "\x00"}}),
    }
    for name, (method, path, request) in sent.items():
        answer = await client.request(method, path, **request)
        fields = envelope_fail(answer, 400)["data"]["fields"]
        assert fields[name] == "must not contain a NUL character", (name, answer.text)


async def test_a_sign_in_name_with_a_nul_is_just_wrong(database_url: str) -> None:
    """Found by the fuzzer on PostgreSQL: the sign-in looked the name up as it was (a 500; GraphQL's login
    calls the same service). REST now refuses the NUL as it reads the body; the service answers a wrong pair."""
    with pytest.raises(Unauthorized, match="wrong name or password"):
        await accounts.login("ad\x00min", "x", "-", 10)


async def test_a_number_beyond_its_column_is_refused_before_it_is_stored(client: httpx.AsyncClient) -> None:
    """Found by the fuzzer on PostgreSQL: a count, a version or a status beyond the column's 32 bits was a 500."""
    cluster = await add_cluster(client, "wide", "http://127.0.0.1:9")
    wide = 2**35
    sent: dict[str, tuple[str, dict[str, Any]]] = {  # field → (path, request)
        "failureInterval": ("/jobs/addDO", {"json": job_body(cluster, [], failureInterval=wide)}),
        "dsVersion": ("/ds/addDO", {"json": ds_body("wide_t", dsVersion=wide)}),
        "status": ("/jars/upload", {"params": {"status": wide}, "files": {"jarfile": ("w.jar", FILES["jarfile"])}}),
    }
    for name, (path, request) in sent.items():
        answer = await client.post(path, **request)
        assert envelope_fail(answer, 400)["data"]["fields"][name].startswith("must be between"), (name, answer.text)
