"""A fair share under load (issue 24 item 2): one caller's hundred small GraphQL pages over wide tables take turns
(HLINK_CALLER_CONCURRENCY at a time), and another caller's request still answers within a second."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest

from hlink.models import Column, Datasource
from hlink.services import sizes
from hlink.services.catalog import datasources
from tests.test_access import bearer, make_user

PAGE = "{ datasources(limit: 20) { items { columns { name } } } }"


async def test_another_caller_answers_within_a_second_while_one_sends_a_hundred_pages(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    running, most = 0, 0
    listing = datasources.list_datasources

    async def counted(*args: Any) -> Any:  # how many of the caller's pages are being read at once
        nonlocal running, most
        running += 1
        most = max(most, running)
        try:
            await asyncio.sleep(0.01)
            return await listing(*args)
        finally:
            running -= 1

    monkeypatch.setattr(datasources, "list_datasources", counted)
    tables = [
        await Datasource.create(ds_name=f"w{i}", ds_type="source", table_name=f"w{i}", table_key=f"w{i}")
        for i in range(20)
    ]
    await Column.bulk_create(
        [
            Column(datasource_id=t.id, virtual_id=f"{t.id}-{k}", virtual_pid="0", level=1, name=f"c{k}", sort=k)
            for t in tables
            for k in range(100)
        ]
    )
    sizes.forget()
    viewer = bearer((await make_user(client, "quiet", "VIEWER"))["secret"])
    pages = [asyncio.create_task(client.post("/graphql", json={"query": PAGE})) for _ in range(100)]
    await asyncio.sleep(0.2)  # the pages are under way
    started = time.monotonic()
    other = await client.get("/jobs/list", headers=viewer)
    waited = time.monotonic() - started
    answers = await asyncio.gather(*pages)
    assert other.status_code == 200 and waited < 1.0, waited
    assert all(a.status_code == 200 and "errors" not in a.json() for a in answers)
    assert len(answers[0].json()["data"]["datasources"]["items"][0]["columns"]) == 100
    assert most == 4, most  # HLINK_CALLER_CONCURRENCY: the caller's pages took turns
