"""A live preview's changes as they arrive, read through the cluster's job manager only.

The SQL runner collects inside the job manager and answers every row at the end (previews.py); for a live
preview it also writes the changes it keeps, every 200 ms, as files of the job manager's log folder
(``hlink-preview-<flink job id>-<n>.json``, flink/runner/HlinkSqlRunner.java ``Live``), which Flink's REST API
serves (``GET /jobmanager/logs/<name>``). While the run request is open this reads each new file once, in order,
twice a second, and hands its changes on. The final answer stays the truth: a file missed (the runner deletes
them when the preview ends) costs only liveness.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from hlink.flink.client import FlinkClient
from hlink.flink.errors import FlinkError

log = logging.getLogger("hlink.preview")
T = TypeVar("T")
#: how often the job manager's log folder is listed while a live preview runs
EVERY = 0.5
#: changes handed on: each ``{kind, row}``, in the order Flink emitted them
Deliver = Callable[[list[dict[str, Any]]], Awaitable[None]]


async def follow(client: FlinkClient, flink_job_id: str, run: Awaitable[T], deliver: Deliver) -> T:
    """``run``'s result (the run request's answer), with the changes its files held handed to ``deliver``
    meanwhile; cancelling this cancels ``run``."""
    task = asyncio.ensure_future(run)
    name = re.compile(rf"hlink-preview-{re.escape(flink_job_id)}-(\d{{5}})\.json")
    read = 0
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=EVERY)
            if done:
                return task.result()
            try:
                found = sorted((int(m.group(1)), n) for n in await client.log_names() if (m := name.fullmatch(n)))
                for number, file in found:
                    if number <= read:
                        continue  # read already (the files stay until the preview ends)
                    if number != read + 1:  # in order, each once; a gap is a file not listed yet
                        break
                    changes = await client.log_file(file)
                    read = number
                    if isinstance(changes, list) and changes:
                        await deliver([c for c in changes if isinstance(c, dict)])
            except FlinkError as error:  # the end of the preview deletes its files: the answer carries them
                log.debug("live preview %s: %s", flink_job_id, error.message)
    finally:
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
