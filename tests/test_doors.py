"""Doors that must stay shut (issue 24 item 6, issue 18 item 11): one Authorization header only; a role check
with nobody acting fails closed; /ready costs anonymous callers one shared answer."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from hlink.models import AuditEntry as AuditEntryRows
from hlink.models import Token, User
from hlink.observability import READY_TTL
from hlink.services.access import accounts
from hlink.services.actor import SYSTEM, Role, acting_as
from hlink.services.errors import Unauthorized
from tests.helpers import ADMIN_TOKEN
from tests.statements import StatementCounter


async def test_two_authorization_headers_are_refused(client: httpx.AsyncClient) -> None:
    headers = [("Authorization", "Bearer hlk_unknown"), ("Authorization", f"Bearer {ADMIN_TOKEN}")]
    response = await client.get("/jobs/list", headers=httpx.Headers(headers))
    assert response.status_code == 401 and "one Authorization header" in response.text, response.text
    alone = await client.get("/jobs/list")
    assert alone.status_code == 200


async def test_a_role_check_with_nobody_acting_fails_closed(client: httpx.AsyncClient) -> None:
    with pytest.raises(Unauthorized):
        await accounts.create_user("nobody", Role.ADMIN)
    assert not await User.filter(name="nobody").exists()
    with acting_as(SYSTEM):  # hlink's own work names itself
        user, _ = await accounts.create_user("somebody", Role.VIEWER)
    assert user.name == "somebody"


async def test_ready_is_one_shared_answer(client: httpx.AsyncClient, sql_counter: StatementCounter) -> None:
    sql_counter.reset()
    started = time.monotonic()
    answers = await asyncio.gather(*(client.get("/ready", headers={"Authorization": ""}) for _ in range(50)))
    assert all(a.status_code == 200 for a in answers)
    # one answer for every READY_TTL seconds the fifty take (one window, unless the machine is very busy)
    windows = 1 + int((time.monotonic() - started) // READY_TTL)
    assert len(sql_counter.statements) <= 4 * windows, sql_counter.statements  # migrations, clusters, job count


UPDATE = """mutation($n: String!, $r: UserRole, $d: Boolean, $p: String) {
  updateUser(name: $n, role: $r, disabled: $d, password: $p) {
    user { name role disabled } error { __typename ... on ConflictError { message } } } }"""


async def test_admins_change_roles_disable_users_and_reset_passwords(client: httpx.AsyncClient) -> None:
    from tests.conftest import gql
    from tests.helpers import ds_body, envelope_fail
    from tests.test_access import bearer, make_user

    dev = bearer((await make_user(client, "devi", "DEVELOPER", "first password"))["secret"])
    assert (await client.post("/ds/addDO", json=ds_body("d_t"), headers=dev)).status_code == 200
    changed = (await gql(client, UPDATE, {"n": "devi", "r": "VIEWER"}))["data"]["updateUser"]
    assert changed["user"] == {"name": "devi", "role": "VIEWER", "disabled": False}, changed
    envelope_fail(await client.post("/ds/addDO", json=ds_body("d_u"), headers=dev), 403)
    await gql(client, UPDATE, {"n": "devi", "p": "second password"})
    anonymous = {"Authorization": ""}
    old = await client.post("/auth/login", json={"name": "devi", "password": "first password"}, headers=anonymous)
    new = await client.post("/auth/login", json={"name": "devi", "password": "second password"}, headers=anonymous)
    assert old.status_code == 401 and new.status_code == 200, (old.text, new.text)
    await gql(client, UPDATE, {"n": "devi", "d": True})
    assert (await client.get("/jobs/list", headers=dev)).status_code == 401, "a disabled user's token is refused"
    actions = await AuditEntryRows.filter(action="user.update", entity_id="devi").count()
    assert actions == 3


async def test_nobody_revokes_or_demotes_the_last_admin_access(client: httpx.AsyncClient) -> None:
    from tests.conftest import gql
    from tests.test_access import make_user

    me = await gql(client, "{ me { name } users { name } }")
    assert me["data"]["me"]["name"] == "admin"
    own = await Token.get(label="bootstrap")
    revoke = 'mutation { revokeToken(id: "%s") { token { id } error { __typename ... on ConflictError { message } } } }'
    refused = (await gql(client, revoke % own.id))["data"]["revokeToken"]
    assert refused["error"]["__typename"] == "ConflictError" and "no admin with a token" in refused["error"]["message"]
    demoted = (await gql(client, UPDATE, {"n": "admin", "d": True}))["data"]["updateUser"]
    assert demoted["error"]["__typename"] == "ConflictError", demoted
    await make_user(client, "second", "ADMIN")  # another admin with a token: now the first may go
    try:
        assert (await gql(client, revoke % own.id))["data"]["revokeToken"]["error"] is None
        assert (await client.get("/jobs/list")).status_code == 401, "revoked"
    finally:
        await Token.filter(id=own.id).update(revoked_at=None)  # the token every other test acts with
