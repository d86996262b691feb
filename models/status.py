"""A job's status codes and hlink's own state names: a leaf every package may import (the state machine that
moves jobs between them is services/jobs/states.py)."""

from __future__ import annotations

NOT_RUNNING, RUNNING, CANCELLED, FAILED, SUBMITTING = 0, 1, 2, 3, 9
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

#: codes of a job with no Flink job of its own
IDLE = frozenset({NOT_RUNNING, CANCELLED, FAILED})
#: codes of a job Flink runs or is being given: not to be deleted or moved under Flink's feet
ACTIVE = frozenset({RUNNING, SUBMITTING})
ANY = IDLE | ACTIVE
