"""Sign-in floods (issue 18 item 9, issue 24 item 6): attempts are rate-limited per process and per client address
before anything is written or hashed, attempts on names that do not exist leave no row, argon2 runs a few at a
time, hlink stays responsive for everyone else, and nobody can lock a name out from one address."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from hlink.models import AuditEntry
from tests.conftest import DATABASES
from tests.helpers import AUTH, code_of, failures_allowed
from tests.test_access import make_user

ANONYMOUS = {"Authorization": ""}


def from_address(client: httpx.AsyncClient, host: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=client.hlink_app, client=(host, 40000))  # type: ignore[attr-defined]
    return httpx.AsyncClient(transport=transport, base_url="http://hlink.test")


@pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)  # the gate refuses before any row is read
async def test_a_flood_of_random_names_is_refused_cheaply_and_hlink_stays_responsive(
    client: httpx.AsyncClient,
) -> None:
    before = await AuditEntry.filter(action="login").count()

    async def attempt(i: int) -> int:
        body = {"name": f"nobody-{i}", "password": "guess"}
        return code_of(await client.post("/auth/login", json=body, headers=ANONYMOUS))

    flood = asyncio.gather(*(attempt(i) for i in range(300)))
    await asyncio.sleep(0.05)  # the flood is under way
    started = time.monotonic()
    other = await client.get("/jobs/list", headers=AUTH)  # another caller, signed in
    waited = time.monotonic() - started
    codes = await flood
    assert other.status_code == 200 and waited < 1.5, waited
    assert codes.count(429) >= 200 and set(codes) <= {401, 429}, codes  # the rate, not argon2, answered most
    assert await AuditEntry.filter(action="login").count() == before, "unknown names leave no row"


async def test_nobody_locks_a_name_out_from_one_address(client: httpx.AsyncClient) -> None:
    await make_user(client, "ada", "ADMIN", "the right one")
    async with from_address(client, "10.9.8.7") as attacker, from_address(client, "10.1.1.1") as owner:
        for _ in range(failures_allowed(client) + 2):
            await attacker.post("/auth/login", json={"name": "ada", "password": "guess"})
        refused = await attacker.post("/auth/login", json={"name": "ada", "password": "the right one"})
        assert code_of(refused) == 429, refused.text
        signed = await owner.post("/auth/login", json={"name": "ada", "password": "the right one"})
        assert signed.status_code == 200, signed.text
    rows = await AuditEntry.filter(action="login", entity_id="ada").values_list("actor", flat=True)
    assert {str(r) for r in rows} == {"10.9.8.7", "10.1.1.1"}, rows  # each attempt names the address it came from
