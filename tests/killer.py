"""Test-only launcher: `python tests/killer.py serve ...` is `hlink serve` that kills itself with SIGKILL at one
point of a job submission, chosen by HLINK_TEST_KILL_AT (tests/test_submission_kills.py):

- ``before-request``: just before the run request (``POST /jars/{id}/run``) leaves for Flink;
- ``after-accepted``: once Flink has answered that request with a job id, before hlink reads the answer;
- ``before-written``: once hlink holds the Flink job id (and its first state), just before it writes them: the
  run row's save naming ``flink_job_id``, the first write of a submission's outcome;
- ``upgrade-STOPPING``, ``upgrade-SUBMITTING``, ``upgrade-OBSERVING``: once an upgrade's status is written, before
  the stop, the run, or the first look it leads to (tests/test_upgrade_kills.py).

Nothing else changes; without HLINK_TEST_KILL_AT it is plain `hlink serve`. Never used outside the tests.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

import httpx

KILL_POINTS = ("before-request", "after-accepted", "before-written")
#: an upgrade's statuses (services/jobs/upgrades.py): killed once the status is written, before what it leads to
UPGRADE_POINTS = ("upgrade-STOPPING", "upgrade-SUBMITTING", "upgrade-OBSERVING")
_RUN_PATH = re.compile(r"/jars/[^/]+/run$")


def _die(point: str, where: str) -> None:
    print(f"hlink killer: SIGKILL {point}: {where}", file=sys.stderr, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def _install(point: str) -> None:
    if point in UPGRADE_POINTS:
        from hlink.services.jobs import upgrades

        write = upgrades._write
        status = point.removeprefix("upgrade-")

        async def killing_write(*args: Any, **kwargs: Any) -> bool:
            written = await write(*args, **kwargs)
            if written and args[3] == status:
                _die(point, f"upgrade {args[2].id} written {status}, its next call not made")
            return written

        upgrades._write = killing_write
        return
    if point in ("before-request", "after-accepted"):
        send = httpx.AsyncClient.send

        async def killing_send(self: httpx.AsyncClient, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            run = request.method == "POST" and _RUN_PATH.search(request.url.path) is not None
            if run and point == "before-request":
                _die(point, f"{request.method} {request.url.path} not sent")
            response = await send(self, request, **kwargs)  # not streamed: the whole answer has arrived
            if run and response.status_code == 200:
                _die(point, f"{request.method} {request.url.path} answered {response.text}")
            return response

        httpx.AsyncClient.send = killing_send  # type: ignore[method-assign]
        return
    from hlink.models import JobRun

    save = JobRun.save

    async def killing_save(self: JobRun, *args: Any, **kwargs: Any) -> None:
        if self.flink_job_id and "flink_job_id" in (kwargs.get("update_fields") or ()):
            _die(point, f"run {self.id} with Flink job {self.flink_job_id} not saved")
        await save(self, *args, **kwargs)

    JobRun.save = killing_save  # type: ignore[method-assign,assignment]


def main() -> int:
    point = os.environ.get("HLINK_TEST_KILL_AT", "")
    if point and point not in (*KILL_POINTS, *UPGRADE_POINTS):
        raise SystemExit(f"HLINK_TEST_KILL_AT must be one of {', '.join(KILL_POINTS + UPGRADE_POINTS)}, not {point!r}")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the project's modules
    if point:
        _install(point)
    from hlink import cli

    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
