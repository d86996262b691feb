"""A job's status codes and hlink's own state names: a leaf every package may import (the state machine that
moves jobs between them is services/jobs/states.py)."""

from __future__ import annotations

from enum import IntEnum
from typing import Final


class JobStatus(IntEnum):
    """A job's documented code (the API's jobStatus), as stored in ``t_job.job_status``."""

    NOT_RUNNING = 0
    RUNNING = 1
    CANCELLED = 2
    FAILED = 3
    SUBMITTING = 9

    @property
    def label(self) -> str:
        """The code in words, as messages and the REST view's jobStatusName say it."""
        return self.name.lower().replace("_", " ")


NOT_RUNNING, RUNNING, CANCELLED, FAILED, SUBMITTING = (
    JobStatus.NOT_RUNNING,
    JobStatus.RUNNING,
    JobStatus.CANCELLED,
    JobStatus.FAILED,
    JobStatus.SUBMITTING,
)
#: each code in words
STATUS_NAMES: Final[dict[int, str]] = {status: status.label for status in JobStatus}
#: Flink's state names; the documented code beside them is what the API's jobStatus carries
STATE_CODES = {
    "INITIALIZING": SUBMITTING,
    "CREATED": SUBMITTING,
    "RUNNING": RUNNING,
    "RESTARTING": RUNNING,
    "FAILING": RUNNING,
    "CANCELLING": RUNNING,
    "RECONCILING": RUNNING,
    "SUSPENDED": RUNNING,
    "FINISHED": NOT_RUNNING,
    "CANCELED": CANCELLED,
    "FAILED": FAILED,
}
TERMINAL = frozenset({"FINISHED", "CANCELED", "FAILED"})
#: hlink's own state name while it submits (Flink has not answered yet)
SUBMITTING_STATE = "SUBMITTING"
#: the submission's answer was lost (a timeout, a dropped connection): Flink may run it; it is looked up by its
#: pipeline name, never submitted again, and released with the reason when Flink does not know it in time
UNCONFIRMED = "UNCONFIRMED"
#: the cluster did not answer: the job's state is unknown (its code stays what Flink last said)
UNKNOWN = "UNKNOWN"
#: the cluster answered and no longer knows the job (it restarted without high availability)
LOST = "LOST"
#: an admin let go of the job: its cluster could not be asked (gone, silent), so Flink's word cannot be had
DETACHED = "DETACHED"


IDLE: Final = frozenset({NOT_RUNNING, CANCELLED, FAILED})
#: running or submitting on Flink: followed by the reconciler, never deleted, moved or detached under Flink's feet
ACTIVE: Final = frozenset({RUNNING, SUBMITTING})
ANY = IDLE | ACTIVE
