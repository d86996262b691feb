"""What one GraphQL operation may take while it runs: an answer of at most :data:`MAX_OBJECTS` objects, built
within the request's time (HLINK_REQUEST_TIMEOUT: the policy's ``request_seconds``). Checked as each object of
the answer is made: a resolver whose rows a DataLoader already holds never yields to the event loop, so asyncio's
timeout alone cannot stop a large answer being built; this check can, and it ends the whole operation at once (a
field error would let graphql-core go on with every sibling)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

#: the most objects (rows, each with its selected fields) one answer may hold
MAX_OBJECTS = 20_000


class Overrun(BaseException):
    """Raised while an answer is built past its budget; a BaseException so that graphql-core, which turns every
    Exception of a resolver into a field error and carries on, lets it end the operation."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Budget:
    deadline: float
    left: int
    #: the seconds it was given (for the refusal's message)
    seconds: float


_current: ContextVar[Budget | None] = ContextVar("graphql_budget", default=None)


@contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Run an operation under a fresh budget of ``seconds`` (infinite: no time limit)."""
    mark = _current.set(Budget(time.monotonic() + seconds, MAX_OBJECTS, seconds))
    try:
        yield
    finally:
        _current.reset(mark)


def spend(objects: int = 1) -> None:
    """Count ``objects`` more objects of the answer; :class:`Overrun` once over the size or past the time."""
    budget = _current.get()
    if budget is None:
        return
    budget.left -= objects
    if budget.left < 0:
        raise Overrun(
            f"the answer would hold more than {MAX_OBJECTS:,} objects; ask for smaller pages or fewer nested lists"
        )
    if time.monotonic() > budget.deadline:
        raise Overrun(f"the query took longer than {budget.seconds:g} s (HLINK_REQUEST_TIMEOUT) and was stopped")
