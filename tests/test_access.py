"""Accounts, roles, tokens and the audit trail: every path and operation needs a bearer token, roles are checked
in the services for both faces, and every change and sign-in is on the trail (issue 12)."""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from hlink.gate import COOKIE
from hlink.models import AuditEntry, Token
from hlink.services.access import accounts, floodgate
from hlink.services.jobs.states import now
from tests.conftest import gql
from tests.helpers import (
    AUTH,
    add_cluster,
    code_of,
    created_ds,
    ds_body,
    envelope_fail,
    envelope_ok,
    failures_allowed,
)

ROOT = Path(__file__).resolve().parent.parent
CREATE_USER = """mutation($n: String!, $r: UserRole!, $p: String) { createUser(name: $n, role: $r, password: $p) {
  issued { secret token { id } } user { name role } error { __typename } } }"""


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def make_user(client: httpx.AsyncClient, name: str, role: str, password: str | None = None) -> dict[str, Any]:
    made = (await gql(client, CREATE_USER, {"n": name, "r": role, "p": password}))["data"]["createUser"]
    assert made["error"] is None, made
    return {"secret": made["issued"]["secret"], "token_id": made["issued"]["token"]["id"]}


async def test_every_path_and_operation_needs_a_token(client: httpx.AsyncClient) -> None:
    anonymous = {"Authorization": ""}
    for method, path in (("GET", "/jobs/list"), ("POST", "/cluster/add"), ("GET", "/dict/list"), ("GET", "/ds/list")):
        answer = await client.request(method, path, headers=anonymous)
        assert answer.status_code == 401 and answer.json()["success"] is False, (path, answer.text)
        assert answer.headers["www-authenticate"].startswith("Bearer")
    query = await client.post("/graphql", json={"query": "{ jobs { totalCount } }"}, headers=anonymous)
    assert query.status_code == 401
    wrong = await client.get("/jobs/list", headers=bearer("hlk_not-a-token-of-anyones-at-all"))
    assert wrong.status_code == 401 and "unknown" in wrong.json()["msg"]
    assert (await client.get("/health", headers=anonymous)).status_code == 200
    page = await client.get("/graphql", headers={**anonymous, "Accept": "text/html"})
    assert page.status_code == 200, "the GraphiQL page itself is open"


async def test_roles_are_checked_in_the_services_for_both_faces(client: httpx.AsyncClient) -> None:
    viewer = bearer((await make_user(client, "vera", "VIEWER"))["secret"])
    developer = bearer((await make_user(client, "dev", "DEVELOPER"))["secret"])
    cluster = await add_cluster(client)

    assert envelope_ok(await client.get("/jobs/list", headers=viewer)) is not None, "viewers read"
    refused = envelope_fail(await client.post("/ds/addDO", json=ds_body("v_t"), headers=viewer), 403)
    assert "vera is a viewer" in refused["msg"] and "developer" in refused["msg"]
    mutation = "mutation($id: ID!) { deleteCluster(id: $id) { deletedId error { __typename } } }"
    body = {"query": mutation, "variables": {"id": str(cluster)}}
    typed = await client.post("/graphql", json=body, headers=developer)
    assert typed.json()["data"]["deleteCluster"] == {"deletedId": None, "error": {"__typename": "ForbiddenError"}}

    created = await created_ds(client, ds_body("d_t"), headers=developer)
    assert created["createBy"] == "dev", "the acting user comes from the token"
    params: dict[str, Any] = {"name": "n", "address": "http://127.0.0.1:9", "type": 1}
    envelope_fail(await client.post("/cluster/add", params=params, headers=developer), 403)
    assert envelope_ok(await client.get("/cluster/list"))["total"] == 1, "nothing was made or deleted"


async def test_sign_in_by_path_and_mutation_and_tokens_expire_and_are_revoked(client: httpx.AsyncClient) -> None:
    await make_user(client, "lena", "DEVELOPER", "correct horse battery")
    anonymous = {"Authorization": ""}
    wrong = await client.post("/auth/login", json={"name": "lena", "password": "wrong one"}, headers=anonymous)
    assert wrong.status_code == 401 and wrong.json()["msg"] == "wrong name or password"
    nobody = await client.post("/auth/login", json={"name": "ghost", "password": "wrong one"}, headers=anonymous)
    assert nobody.status_code == 401 and nobody.json()["msg"] == "wrong name or password", "not which half"
    signed = envelope_ok(
        await client.post("/auth/login", json={"name": "lena", "password": "correct horse battery"}, headers=anonymous)
    )
    assert signed["token"].startswith("hlk_") and signed["expiresAt"]
    assert envelope_ok(await client.get("/jobs/list", headers=bearer(signed["token"]))) is not None
    # the sign-in also set the original's cookie, which signs in the requests that carry it (a browser's)
    assert client.cookies.get(COOKIE) == signed["token"]
    assert envelope_ok(await client.get("/jobs/list", headers=anonymous)) is not None
    client.cookies.clear()  # anonymous from here on

    login = (
        'mutation { login(name: "lena", password: "correct horse battery") { issued { secret } error { __typename } } }'
    )
    answer = await client.post("/graphql", json={"query": login}, headers=anonymous)
    assert answer.status_code == 200, answer.text
    secret = answer.json()["data"]["login"]["issued"]["secret"]
    both = (
        'mutation { login(name: "lena", password: "x") { error { __typename } } deleteCluster(id: "1") { deletedId } }'
    )
    sneaky = await client.post("/graphql", json={"query": both}, headers=anonymous)
    assert sneaky.status_code == 401, "a document that does more than sign in needs a token"

    token = await Token.get(prefix=secret[:10])
    await Token.filter(id=token.id).update(expires_at=now() - timedelta(seconds=1))
    assert (await client.get("/jobs/list", headers=bearer(secret))).status_code == 401, "expired"
    revoke = "mutation($id: ID!) { revokeToken(id: $id) { token { revokedAt } error { __typename } } }"
    signed_row = await Token.get(prefix=signed["token"][:10])
    revoked = (await gql(client, revoke, {"id": str(signed_row.id)}))["data"]["revokeToken"]
    assert revoked["error"] is None and revoked["token"]["revokedAt"]
    assert (await client.get("/jobs/list", headers=bearer(signed["token"]))).status_code == 401, "revoked"


async def test_every_change_and_sign_in_is_on_the_audit_trail(client: httpx.AsyncClient) -> None:
    viewer = bearer((await make_user(client, "audra", "VIEWER"))["secret"])
    await client.post("/ds/addDO", json=ds_body("a_t"), headers=viewer)  # denied
    created = await created_ds(client, ds_body("a_t"))
    envelope_fail(await client.delete("/ds/removeDO", params={"id": 999999}), 404)  # failed
    await client.post("/auth/login", json={"name": "audra", "password": "not hers"}, headers={"Authorization": ""})
    entries = [(e.actor, e.action, e.outcome, e.entity_id) for e in await AuditEntry.all().order_by("id")]
    assert ("admin", "user.create", "ok", entries[0][3]) == entries[0]
    assert ("audra", "datasource.create", "denied", None) in entries
    assert ("admin", "datasource.create", "ok", str(created["id"])) in entries
    assert ("admin", "datasource.delete", "failed", "999999") in entries
    assert ("127.0.0.1", "login", "failed", "audra") in entries  # an attempt names its address
    rows = await AuditEntry.all()
    assert all("not hers" not in json.dumps(r.detail or {}) for r in rows), "no input value is kept"

    query = "query($a: String) { auditLog(actor: $a) { totalCount items { actor action outcome message } } }"
    trail = (await gql(client, query, {"a": "audra"}))["data"]["auditLog"]
    assert trail["totalCount"] == 1 and {i["outcome"] for i in trail["items"]} == {"denied"}  # her own doing
    as_viewer = await client.post("/graphql", json={"query": query, "variables": {}}, headers=viewer)
    assert as_viewer.json()["data"] is None and "admin" in as_viewer.json()["errors"][0]["message"]


async def test_cross_site_forms_and_uploads_are_refused(client: httpx.AsyncClient) -> None:
    foreign = {"Origin": "http://evil.example"}
    form = await client.post("/cluster/add", data={"name": "x"}, headers=foreign)
    assert form.status_code == 403 and "evil.example" in form.json()["msg"]
    upload = await client.post("/jars/upload", files={"jarfile": ("a.jar", b"PK")}, headers=foreign)
    assert upload.status_code == 403
    operations = json.dumps({"query": "mutation($f: Upload!) { uploadJar(file: $f) { jar { id } } }", "variables": {}})
    files: dict[str, Any] = {"operations": (None, operations), "map": (None, "{}")}
    bare = await client.post("/graphql", files=files)
    refused = bare.json()["errors"][0]  # GraphQL shapes its own refusals
    assert bare.status_code == 403 and "Apollo-Require-Preflight" in refused["message"]
    assert refused["extensions"]["code"] == "FORBIDDEN"


def test_the_command_line_makes_users_and_tokens(tmp_path: Path) -> None:
    env = {**os.environ, "HLINK_DATABASE_URL": f"sqlite://{tmp_path / 'cli.sqlite3'}"}

    def hlink(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "hlink.cli", *args]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    made = hlink("user", "add", "carl", "--role", "developer")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().splitlines()[-1].startswith("hlk_"), "the token is the last line"
    again = hlink("user", "add", "carl", "--role", "developer")
    assert again.returncode == 1 and "exists" in again.stderr and "Traceback" not in again.stderr
    bad = hlink("user", "add", "dora", "--role", "root")
    assert bad.returncode == 2 and "admin, developer, viewer" in bad.stderr
    extra = hlink("token", "create", "carl", "--days", "7")
    assert extra.returncode == 0 and extra.stdout.strip().splitlines()[-1].startswith("hlk_")
    token_id = extra.stdout.split()[1]
    revoked = hlink("token", "revoke", token_id)
    assert revoked.returncode == 0 and f"token {token_id} revoked" in revoked.stdout
    demoted = hlink("user", "set", "carl", "--role", "viewer", "--disable")
    assert demoted.returncode == 0 and "carl: viewer, disabled" in demoted.stdout, demoted.stderr
    with sqlite3.connect(tmp_path / "cli.sqlite3") as db:  # who did it: the OS user, and whom it was done to
        trail = db.execute('SELECT actor, action, entity_id, outcome FROM "t_audit" ORDER BY id').fetchall()
    me = f"cli:{getpass.getuser()}"
    assert (
        (me, "user.create", "carl", "ok") in trail
        and (me, "user.update", "carl", "ok") in trail
        and (me, "token.revoke", token_id, "ok") in trail
    ), trail


async def test_a_websocket_signs_in_with_its_connection_init(served: str) -> None:
    for payload in ({}, bearer("hlk_not-a-token-of-anyones-at-all")):
        async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
            await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 5)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"


async def test_no_query_runs_anonymously_and_one_sign_in_at_a_time(client: httpx.AsyncClient) -> None:
    anonymous = {"Authorization": "", "Accept": "text/html"}
    query = await client.get("/graphql", params={"query": "{ clusters { totalCount } }"}, headers=anonymous)
    assert query.status_code == 401, "the page is open, a query in its address is not"
    await make_user(client, "olga", "VIEWER", "long enough password")
    one = 'login(name: "olga", password: "PW") { error { __typename } }'
    two = "mutation { a: " + one.replace("PW", "x1") + " b: " + one.replace("PW", "x2") + " }"
    tried = await client.post("/graphql", json={"query": two}, headers={"Authorization": ""})
    assert tried.status_code == 401, "aliases would try many passwords at once"
    huge = {"query": 'mutation { login(name: "olga", password: "' + "x" * 20_000 + '") { error { __typename } } }'}
    assert (await client.post("/graphql", json=huge, headers={"Authorization": ""})).status_code == 401


async def test_a_websocket_stops_acting_once_its_token_is_revoked(client: httpx.AsyncClient, served: str) -> None:
    made = await make_user(client, "wanda", "DEVELOPER")
    create = (
        'mutation { createCluster(input: {name: "w", address: "http://127.0.0.1:1", type: STANDALONE}) '
        "{ cluster { createBy } error { __typename } } }"
    )
    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": bearer(made["secret"])}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"
        revoke = "mutation($id: ID!) { revokeToken(id: $id) { error { __typename } } }"
        assert (await gql(client, revoke, {"id": made["token_id"]}))["data"]["revokeToken"]["error"] is None
        # a mutation, and a subscription (which Strawberry runs on another path), are both refused
        for n, query in enumerate((create, "subscription { jobStatus { jobId } }")):
            await ws.send(json.dumps({"id": str(n), "type": "subscribe", "payload": {"query": query}}))
            answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
            assert answer["type"] in ("next", "error") and answer["id"] == str(n), answer
            errors = answer["payload"]["errors"] if answer["type"] == "next" else answer["payload"]
            assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED", answer
    assert envelope_ok(await client.get("/cluster/list"))["total"] == 0


async def test_repeated_failed_sign_ins_of_one_name_are_throttled_across_replicas(client: httpx.AsyncClient) -> None:
    await make_user(client, "tara", "VIEWER", "the right one")
    anonymous = {"Authorization": ""}
    for _ in range(failures_allowed(client)):
        wrong = await client.post("/auth/login", json={"name": "tara", "password": "guess"}, headers=anonymous)
        assert wrong.status_code == 401, wrong.text
    # the count lives in the audit trail (the database), not in this process: every replica refuses alike
    refused = await client.post("/auth/login", json={"name": "tara", "password": "the right one"}, headers=anonymous)
    assert "too many failed sign-ins for 'tara'" in envelope_fail(refused, 429)["msg"], refused.text
    graph = await client.post(
        "/graphql",
        json={
            "query": 'mutation { login(name: "tara", password: "the right one") '
            "{ issued { secret } error { __typename ... on ForbiddenError { message } } } }"
        },
        headers=anonymous,
    )
    error = graph.json()["data"]["login"]
    assert error["issued"] is None and "too many failed sign-ins" in error["error"]["message"], graph.text
    other = await client.post("/auth/login", json={"name": "admin", "password": "guess"}, headers=anonymous)
    assert other.status_code == 401, "another name is not throttled"
    outcomes = [
        str(o) for o in await AuditEntry.filter(action="login", entity_id="tara").values_list("outcome", flat=True)
    ]
    assert outcomes.count("denied") == 1 and outcomes.count("ok") == 0, outcomes  # one denial a window
    # once the failures age out of the window, the right password works again
    await AuditEntry.filter(action="login", entity_id="tara").update(
        at=now() - accounts.LOGIN_WINDOW - timedelta(seconds=1)
    )
    signed = await client.post("/auth/login", json={"name": "tara", "password": "the right one"}, headers=anonymous)
    assert signed.status_code == 200, signed.text


async def test_a_burst_of_simultaneous_sign_ins_gets_no_more_guesses_than_the_limit(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(floodgate, "GLOBAL_PER_SECOND", 1000)  # the trail's count under test, not the rate
    await make_user(client, "burst", "VIEWER", "the right one")
    anonymous = {"Authorization": ""}
    body = {"name": "burst", "password": "guess"}
    answers = await asyncio.gather(*(client.post("/auth/login", json=body, headers=anonymous) for _ in range(30)))
    codes = [code_of(a) for a in answers]
    # each attempt is counted before its password is checked: the burst's attempts see each other
    assert codes.count(401) <= failures_allowed(client) and codes.count(401) + codes.count(429) == 30, codes
    outcomes = [
        str(o) for o in await AuditEntry.filter(action="login", entity_id="burst").values_list("outcome", flat=True)
    ]
    assert outcomes.count("failed") == codes.count(401) and "ok" not in outcomes, outcomes
    # refused attempts checked no password: the window still allows the guesses left, then no more
    guesses = codes.count(401)
    for _ in range(failures_allowed(client) + 1):
        later = await client.post("/auth/login", json=body, headers=anonymous)
        if code_of(later) == 429:
            break
        assert later.status_code == 401, later.text
        guesses += 1
    assert guesses == failures_allowed(client), guesses
    denials = await AuditEntry.filter(entity_id="burst", outcome="denied").count()
    await client.post("/auth/login", json=body, headers=anonymous)
    assert await AuditEntry.filter(entity_id="burst", outcome="denied").count() == denials, "one denial a window"
