"""Sending one notification, with retries; only to addresses HLINK_ALERT_ALLOW allows."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from hlink.services.allowlist import AllowList

#: tries per delivery, and the pause before each retry (seconds)
TRIES, PAUSE = 3, 0.3


class NotDelivered(Exception):
    """The receiver did not take the notification (the message says why)."""


async def deliver(url: str, body: dict[str, Any], receivers: AllowList) -> None:
    """POST ``body`` as JSON to ``url`` if ``receivers`` allows it (HLINK_ALERT_ALLOW); a 2xx answer is
    delivered, anything else is tried again up to :data:`TRIES`."""
    if not receivers.allows(url):
        raise NotDelivered("the receiver's address is not allowed by HLINK_ALERT_ALLOW")
    last = "no try made"
    async with httpx.AsyncClient(timeout=5.0) as http:
        for attempt in range(TRIES):
            if attempt:
                await asyncio.sleep(PAUSE * attempt)
            try:
                answer = await http.post(url, json=body)
            except httpx.HTTPError as error:
                last = f"{type(error).__name__}"
                continue
            if 200 <= answer.status_code < 300:
                return
            last = f"the receiver answered {answer.status_code}"
    raise NotDelivered(last)
