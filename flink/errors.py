"""Errors of talking to Flink, carrying Flink's readable cause instead of a 12 KB Java stack trace."""

from __future__ import annotations

import re

from hlink.masking import mask_text

_STATEMENT = re.compile(r"hlink statement #(-?\d+) failed: (.*?)(?=\n\tat |\n\t\.\.\. |\Z)", re.S)
_POSITION = re.compile(r"line (\d+), column (\d+)")
_EXCEPTION_PREFIX = re.compile(r"^(?:[a-zA-Z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)?: ")


class FlinkError(Exception):
    """Something went wrong talking to Flink; ``str(error)`` is the readable cause."""

    def __init__(self, message: str, *, status: int | None = None, statement: int | None = None) -> None:
        message = mask_text(message)  # it may name the cluster's address, credentials included
        super().__init__(message)
        self.message = message
        self.status = status
        #: the index of the SQL runner's statement that failed, when Flink's trace names one
        self.statement = statement


class FlinkUnavailable(FlinkError):
    """The cluster did not answer (refused, timed out): its jobs' states are unknown, not failed.

    ``maybe_sent`` is true when the request may have reached Flink before the answer was lost (a timeout or a
    dropped connection, not a refused one): a POST may then have been carried out.
    """

    def __init__(self, message: str, *, maybe_sent: bool = False) -> None:
        super().__init__(message)
        self.maybe_sent = maybe_sent


class FlinkRejected(FlinkError):
    """The cluster answered with an error; ``trace`` holds Flink's own error text when it gave one."""

    trace = ""


def failed_statement(trace: str) -> tuple[int, str] | None:
    """(statement index, reason) when the trace holds the SQL runner's report of a failing statement."""
    found = _STATEMENT.search(trace)
    if found is None:
        return None
    return int(found.group(1)), summarize(found.group(2).split("\nCaused by: "))


def summarize(messages: list[str]) -> str:
    """One readable line out of an exception chain's messages.

    A message placing the error (``line 1, column 28``) wins; else the distinct messages, outermost first,
    leaving out any that another one already contains.
    """
    clean = [" ".join(m.split()) for m in messages if m.strip()]
    missing = _missing_factory(clean)
    if missing:
        return missing
    placed = [m for m in clean if _POSITION.search(m)]
    if placed:
        return placed[-1]
    distinct = [m for i, m in enumerate(clean) if not any(m in other for j, other in enumerate(clean) if j != i)]
    return " — ".join(dict.fromkeys(distinct))[:2000] or "Flink gave no reason"


_FACTORY = re.compile(r"Could not find any factory for identifier '([^']+)' that implements '[\w.$]*\.(\w+)'")
_TABLE = re.compile(r"table '(?:[^'.]+\.)*([^'.]+)'")


def _missing_factory(messages: list[str]) -> str | None:
    """Flink's "could not find any factory" said plainly: a connector or format the cluster does not have."""
    for message in messages:
        found = _FACTORY.search(message)
        if found:
            kind = "format" if "Format" in found.group(2) else "connector"
            table = next((t.group(1) for m in messages if (t := _TABLE.search(m))), None)
            where = f" (table {table})" if table else ""
            return (
                f"{kind} '{found.group(1)}' is not available on this cluster{where}; "
                "add its jar to the cluster's lib/ folder"
            )
    return None


def readable_cause(trace: str) -> str:
    """The part of a Java stack trace a person wants: the runner's report, else the last ``Caused by:`` line."""
    statement = failed_statement(trace)
    if statement is not None:
        return statement[1]
    causes = [line[len("Caused by: ") :] for line in trace.splitlines() if line.startswith("Caused by: ")]
    missing = _missing_factory(causes)
    if missing:
        return missing
    if not causes:
        return (
            _EXCEPTION_PREFIX.sub("", trace.strip().splitlines()[0].strip())[:2000]
            if trace.strip()
            else ("Flink gave no reason")
        )
    messages = [_EXCEPTION_PREFIX.sub("", line.strip()) for line in causes]
    # the innermost cause that is a sentence: a bare class name ("com.acme.Job" of a ClassNotFoundException)
    # says less than the sentence around it ("The program's entry point class 'com.acme.Job' was not found")
    sentences = [m for m in messages if " " in m.strip()]
    return (sentences[-1] if sentences else messages[-1])[:2000]
