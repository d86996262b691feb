"""In a real headless Chromium: GraphiQL served by hlink itself works with no network but hlink's (the explorer,
a query, a subscription's event), a page of another origin reaches hlink's WebSocket and GraphQL over HTTP only
when HLINK_CORS_ORIGINS names it, and the REST API page (Swagger UI) renders every operation offline too."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
import uvicorn
from playwright.async_api import Page, WebSocket
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.types import ASGIApp

from hlink.app import create_app
from hlink.flink.local import free_port
from tests.helpers import ADMIN_TOKEN, AUTH, app_settings, envelope_ok
from tests.replicas import select_job

if TYPE_CHECKING:
    from tests.browser import OpenContext

pytest_plugins = ["tests.browser"]  # the session's Chromium

QUERY_EDITOR = "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror"
SUBSCRIPTION = "subscription { jobStatus { jobId flinkState message } }"
#: a frontend on another origin: it opens hlink's WebSocket as a browser must (the token in connection_init, no
#: handshake header) and posts GraphQL with fetch (CORS: a JSON body with a token makes the browser ask first)
PROBE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>another origin</title></head><body><script>
window.heard = [];
window.subscribe = (url, token, query) => new Promise((resolve) => {
  const socket = new WebSocket(url, "graphql-transport-ws");
  let opened = false;
  socket.onopen = () => {
    opened = true;
    socket.send(JSON.stringify({type: "connection_init", payload: {Authorization: "Bearer " + token}}));
  };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    window.heard.push(message);
    if (message.type === "connection_ack") {
      socket.send(JSON.stringify({id: "1", type: "subscribe", payload: {query: query}}));
      resolve({opened: opened, ack: true});
    }
  };
  socket.onclose = (event) => resolve({opened: opened, ack: false, code: event.code});
});
window.post = async (url, token, query) => {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {"content-type": "application/json", "authorization": "Bearer " + token},
      body: JSON.stringify({query: query}),
    });
    return {status: response.status, body: await response.json()};
  } catch (error) {
    return {error: String(error)};
  }
};
</script></body></html>"""


async def subscribe(page: Page, url: str) -> Any:
    """The probe page opens hlink's WebSocket at ``url``, signs in, and subscribes to every job's status."""
    return await page.evaluate("([u, t, q]) => subscribe(u, t, q)", [url, ADMIN_TOKEN, SUBSCRIPTION])


async def post(page: Page, url: str, query: str) -> Any:
    """The probe page posts ``query`` to ``url`` with fetch and the admin's token."""
    return await page.evaluate("([u, t, q]) => post(u, t, q)", [url, ADMIN_TOKEN, query])


async def replace_text(page: Page, editor: str, text: str) -> None:
    """Replace the text of one of GraphiQL's editors as a user would: click, select all, paste."""
    await page.locator(f"{editor} .CodeMirror").click()
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text(text)


async def shown_result(page: Page) -> Any:
    """What GraphiQL's result pane holds, parsed (its editor's text, not the rendered lines)."""
    return json.loads(await page.evaluate("document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()"))


async def until(page: Page, condition: str) -> None:
    """Wait until the JavaScript ``condition`` holds in the page (polled from here: Playwright's own
    wait_for_function evaluates a string, which GraphiQL's content policy forbids)."""
    for _ in range(200):
        if await page.evaluate(f"() => Boolean({condition})"):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never true: {condition}")


async def runnable_job(base: str, suffix: str) -> Any:
    """A job on a cluster nobody listens at: running it is a real transition (claimed, then released) that
    publishes status events, with no Flink needed."""
    async with httpx.AsyncClient(headers=AUTH, timeout=30) as http:
        return await select_job(http, base, f"http://127.0.0.1:{free_port()}", suffix, f"watched{suffix}")


async def run_job(base: str, job_id: object) -> None:
    async with httpx.AsyncClient(headers=AUTH, timeout=60) as http:
        await http.post(f"{base}/jobs/run/{job_id}")  # refused (no Flink there): the events come first


async def subscribed(app: Starlette, count: int = 1) -> None:
    """Wait until ``count`` subscribers listen to the app's status events (an event published before would be
    missed: subscriptions hear what happens after they start)."""
    for _ in range(100):
        if len(app.state.runtime.events._subscribers) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("no subscriber registered")


@contextlib.asynccontextmanager
async def serving(app: ASGIApp, port: int) -> AsyncIterator[str]:
    """``app`` served by uvicorn on 127.0.0.1:``port`` in this event loop; answers ``host:port``."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
        await asyncio.sleep(0.05)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def test_graphiql_works_offline_with_the_explorer_a_query_and_a_subscription(
    recorded: OpenContext, served: str, client: httpx.AsyncClient
) -> None:
    base = f"http://{served}"
    async with httpx.AsyncClient(headers=AUTH) as http:
        cluster = {"name": "seen-in-graphiql", "address": base, "type": "1"}
        envelope_ok(await http.post(f"{base}/cluster/add", params=cluster))
    job = await runnable_job(base, "1")
    context, requests = await recorded()
    page = await context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    sockets: list[WebSocket] = []
    frames: list[str] = []

    def opened(socket: WebSocket) -> None:
        sockets.append(socket)
        socket.on("framesent", lambda payload: frames.append(f"sent {payload!s}"))
        socket.on("framereceived", lambda payload: frames.append(f"received {payload!s}"))

    page.on("websocket", opened)
    await page.goto(f"{base}/graphql")

    # before a token: the refused introspection says why and where the token is, and the page stays whole
    result = page.locator(".result-window")
    await result.get_by_text("401 Unauthorized: sign in first", exact=False).wait_for()
    assert "admin.token" in await result.inner_text()
    explorer = page.locator(".graphiql-plugin")  # the explorer plugin's panel, open from the start
    await explorer.get_by_text("Explorer", exact=True).wait_for()
    # a subscription without a token: refused at once, before any WebSocket opens (one would be retried for long)
    await replace_text(page, ".graphiql-query-editor", SUBSCRIPTION)
    await until(page, f"{QUERY_EDITOR}.documentAST?.definitions[0].operation === 'subscription'")
    await page.locator(".graphiql-execute-button").click()
    await result.get_by_text("The subscription did not start: 401 Unauthorized: sign in first").wait_for()
    assert sockets == []

    # the token in the Headers editor: GraphiQL introspects again, and the explorer lists the schema's fields (of
    # the subscription in the editor, then of the query)
    assert await explorer.get_by_text("No Schema Available").count() == 1
    headers = json.dumps({"Authorization": f"Bearer {ADMIN_TOKEN}"})
    await replace_text(page, ".graphiql-editor-tool .graphiql-editor:not(.hidden)", headers)
    await explorer.get_by_text("jobStatus", exact=True).first.wait_for()

    # a query typed into the editor runs with the token, and its answer is in the result pane
    await replace_text(page, ".graphiql-query-editor", "{ me { name } clusters { items { name } } }")
    await explorer.get_by_text("clusters", exact=True).wait_for()
    await page.locator(".graphiql-execute-button").click()
    await result.get_by_text("seen-in-graphiql").wait_for()
    answer = (await shown_result(page))["data"]
    assert answer["me"] == {"name": "admin"} and {"name": "seen-in-graphiql"} in answer["clusters"]["items"], answer

    # a subscription: a WebSocket on /graphql signed in by its connection_init, then a real status event
    await replace_text(page, ".graphiql-query-editor", SUBSCRIPTION)
    # GraphiQL parses the editor's text a moment after a change, and runs over HTTP what it has not yet seen to be
    # a subscription: a user types slower than that
    await until(page, f"{QUERY_EDITOR}.documentAST?.definitions[0].operation === 'subscription'")
    await page.locator(".graphiql-execute-button").click()
    await subscribed(client.hlink_app)  # type: ignore[attr-defined]
    await run_job(base, job["id"])
    # the claim (SUBMITTING), then the release (no Flink answers there): GraphiQL shows the newest event
    await result.get_by_text("did not answer").wait_for()
    event = (await shown_result(page))["data"]["jobStatus"]
    assert event["jobId"] == str(job["id"]) and event["flinkState"] is None, event
    [socket] = sockets
    assert socket.url == f"ws://{served}/graphql"
    sent = [json.loads(f.removeprefix("sent ")) for f in frames if f.startswith("sent ")]
    received = [json.loads(f.removeprefix("received ")) for f in frames if f.startswith("received ")]
    assert sent[0] == {"type": "connection_init", "payload": {"Authorization": f"Bearer {ADMIN_TOKEN}"}}, frames
    assert received[0]["type"] == "connection_ack", frames
    states = [m["payload"]["data"]["jobStatus"]["flinkState"] for m in received if m["type"] == "next"]
    assert states == ["SUBMITTING", None], frames

    # every request went to hlink, and none failed (the browser has no other network), nothing broke the page's
    # content policy
    assert requests.hosts() == {served} and requests.failed == [], requests
    assert any(u.endswith("/static/graphiql/plugin-explorer.umd.js") for u in requests.seen), requests
    assert not [m for m in console if "Content Security Policy" in m], console
    # the token is a credential: never kept in the browser's storage (GraphiQL's history would keep it)
    stored = await page.evaluate("JSON.stringify(Object.assign({}, window.localStorage))")
    assert ADMIN_TOKEN not in stored, stored


async def test_a_page_of_an_allowed_origin_uses_the_websocket_and_fetch_and_another_origin_cannot(
    recorded: OpenContext, database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    allowed_port, other_port = free_port(), free_port()
    settings = app_settings(database_url, tmp_path, HLINK_CORS_ORIGINS=f"http://127.0.0.1:{allowed_port}")
    hlink = create_app(settings, manage_database=False)

    async def probe(request: Request) -> HTMLResponse:
        return HTMLResponse(PROBE_PAGE)

    pages = Starlette(routes=[Route("/", probe)])
    try:
        async with (
            serving(hlink, free_port()) as server,
            serving(pages, allowed_port) as allowed,
            serving(pages, other_port) as other,
        ):
            base, socket_url = f"http://{server}", f"ws://{server}/graphql"
            job = await runnable_job(base, "2")
            context, requests = await recorded()
            friend, stranger = await context.new_page(), await context.new_page()
            await friend.goto(f"http://{allowed}/")
            await stranger.goto(f"http://{other}/")

            # the allowed origin: its WebSocket signs in with connection_init, subscribes and hears a real event
            answer = await subscribe(friend, socket_url)
            assert answer == {"opened": True, "ack": True}, answer
            await subscribed(hlink)
            await run_job(base, job["id"])
            await until(friend, "heard.some((m) => m.type === 'next')")
            heard = await friend.evaluate("heard")
            event = next(m for m in heard if m["type"] == "next")["payload"]["data"]["jobStatus"]
            assert event["jobId"] == str(job["id"]) and event["flinkState"] == "SUBMITTING", heard
            # and its fetch, a CORS request with a preflight, reads the answer
            fetched = await post(friend, f"{base}/graphql", "{ me { name } }")
            assert fetched == {"status": 200, "body": {"data": {"me": {"name": "admin"}}}}, fetched

            # another origin: the handshake is refused before the socket opens, and the browser blocks its fetch
            # before the request is sent (the preflight is refused): the user it would create does not exist
            answer = await subscribe(stranger, socket_url)
            assert answer == {"opened": False, "ack": False, "code": 1006}, answer
            assert f"Rejected WebSocket connection from origin 'http://{other}'" in caplog.text  # hlink said no
            mutation = 'mutation { createUser(name: "intruder", role: VIEWER) { user { name } } }'
            fetched = await post(stranger, f"{base}/graphql", mutation)
            assert fetched == {"error": "TypeError: Failed to fetch"}, fetched
            async with httpx.AsyncClient(headers=AUTH) as http:
                users = (await http.post(f"{base}/graphql", json={"query": "{ users { name } }"})).json()
            assert {"name": "intruder"} not in users["data"]["users"], users
            assert requests.hosts() == {server, allowed, other}, requests
    finally:
        await hlink.state.runtime.close()


async def test_the_rest_api_page_renders_every_operation_offline(recorded: OpenContext, served: str) -> None:
    base = f"http://{served}"
    async with httpx.AsyncClient() as http:  # the description needs no token
        description = (await http.get(f"{base}/v3/api-docs")).json()  # what the page shows
    operations = sum(len(methods) for methods in description["paths"].values())
    context, requests = await recorded()
    page = await context.new_page()
    await page.goto(f"{base}/doc.html")
    await page.wait_for_function(f"document.querySelectorAll('.opblock').length >= {operations}", timeout=20_000)
    shown = await page.eval_on_selector_all(".opblock-summary-path", "nodes => nodes.map(n => n.textContent)")
    assert len(shown) == operations >= 43, (len(shown), operations)
    assert "/jobs/run/{jobId}" in [s.replace("\u200b", "") for s in shown], shown[:10]
    assert await page.locator("button.authorize").count() == 1, "the Authorize button takes the bearer token"
    # Swagger UI, its CSS and the description: all from hlink itself, nothing failed
    assert requests.hosts() == {served} and requests.failed == [], requests
    assert any(u.endswith("/static/apidocs/swagger-ui-bundle.js") for u in requests.seen), requests
