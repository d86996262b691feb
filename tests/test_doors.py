"""Doors that must stay shut (issue 24 item 6, issue 18 item 11): one Authorization header only; a role check
with nobody acting fails closed; /ready costs anonymous callers one shared answer."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from models import User
from services.access import accounts
from services.actor import SYSTEM, Role, acting_as
from services.errors import Unauthorized
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
    answers = await asyncio.gather(*(client.get("/ready", headers={"Authorization": ""}) for _ in range(50)))
    assert all(a.status_code == 200 for a in answers)
    assert len(sql_counter.statements) <= 4, sql_counter.statements  # migrations, clusters, the job count
