"""A real headless Chromium for browser tests: Debian's ``chromium`` package, driven with Playwright.

Playwright's own browsers are never downloaded (that fails on a closed network): the system's Chromium is
launched by its path. One browser serves the whole session; each test opens its own contexts (cookies, storage
and cache of their own) with ``recorded``, which records every request they make. A module uses them with
``pytest_plugins = ["tests.browser"]``, importing from here only under ``TYPE_CHECKING`` (pytest imports the
plugin itself). Without Chromium the tests fail, never skip: scripts/test.sh installs it.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, BrowserContext, async_playwright

#: the browser the tests drive (``apt-get install chromium``); HLINK_TEST_CHROMIUM names another
CHROMIUM = Path(os.environ.get("HLINK_TEST_CHROMIUM") or "/usr/bin/chromium")
#: headless on a machine without a display, sandbox or GPU (root in a container), and nothing Chromium would
#: fetch by itself (updates, sync, field trials), so every request a test sees is one the page made; everything
#: but loopback goes to a proxy nobody runs, so the pages under test have no internet even on a machine that
#: has. Playwright gives each launch a fresh, temporary user data directory.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=http://127.0.0.1:9",  # the discard port: refused at once
    "--proxy-bypass-list=127.0.0.1",
]


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """Chromium for the session (started on first use, stopped at the end)."""
    if not CHROMIUM.exists():  # noqa: ASYNC240 - once per session, before the browser starts
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install chromium (scripts/test.sh does)")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            yield launched
        finally:
            await launched.close()


@dataclass
class Requests:
    """Every HTTP request a browser context made (its URL), and those that failed (URL and error).

    Recorded by listening, not by intercepting: Playwright answers CORS preflights itself while it intercepts,
    which would let a cross-origin request through that the server would have refused."""

    seen: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def hosts(self) -> set[str]:
        """The ``host:port`` of every request seen."""
        return {urlsplit(url).netloc for url in self.seen}


#: opens a fresh browser context whose HTTP requests are recorded
OpenContext = Callable[[], Awaitable[tuple[BrowserContext, Requests]]]


@pytest.fixture
async def recorded(browser: Browser) -> AsyncIterator[OpenContext]:
    """Opens fresh browser contexts, each with the :class:`Requests` it makes; all closed after the test."""
    contexts: list[BrowserContext] = []

    async def open_context() -> tuple[BrowserContext, Requests]:
        context = await browser.new_context()
        contexts.append(context)
        requests = Requests()
        context.on("request", lambda request: requests.seen.append(request.url))
        context.on("requestfailed", lambda request: requests.failed.append(f"{request.url}: {request.failure}"))
        return context, requests

    yield open_context
    for context in contexts:
        await context.close()
