"""Expected failures of the domain, mapped to typed GraphQL errors and to 4xx REST envelopes."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every expected failure; ``message`` is meant for the user, ``code`` for programs (GraphQL's
    ``extensions.code``, which graphql-core takes from ``extensions``)."""

    code = "CONFLICT"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def extensions(self) -> dict[str, str]:
        return {"code": self.code}


class NotFound(DomainError):
    """An id that names nothing stored."""

    code = "NOT_FOUND"

    def __init__(self, entity: str, key: object) -> None:
        super().__init__(f"{entity} {key} does not exist")
        self.entity = entity
        self.key = key


class ValidationFailed(DomainError):
    """Input that breaks a rule; ``fields`` maps each offending field (API name) to its message."""

    code = "BAD_USER_INPUT"

    def __init__(self, fields: dict[str, str]) -> None:
        summary = "; ".join(f"{name}: {msg}" for name, msg in fields.items())
        super().__init__(f"invalid input: {summary}")
        self.fields = fields


class Conflict(DomainError):
    """The request is well-formed but clashes with what is stored (a taken alias, a row still in use)."""


class TooLarge(ValidationFailed):
    """An upload over the configured size limit."""


class Unavailable(DomainError):
    """The job's Flink cluster did not answer; nothing was changed on it."""

    code = "UNAVAILABLE"


class Refused(DomainError):
    """The Flink cluster answered but refused the action; the message is Flink's readable cause."""

    code = "REFUSED"


class Unauthorized(DomainError):
    """No credentials, or credentials that name no one (unknown, expired or revoked token, wrong password)."""

    code = "UNAUTHENTICATED"


class Throttled(Unauthorized):
    """Too many failed sign-ins for one name lately: refused without looking at the password."""

    code = "TOO_MANY_ATTEMPTS"


class Forbidden(DomainError):
    """The acting user's role is too small for the action."""

    code = "FORBIDDEN"


#: the kinds a stored failure is kept as (its most specific one of these): a later process revives it as the same
#: typed error, so both faces answer a batch's outcome as they would have answered the action itself
_KINDS: tuple[type[DomainError], ...] = (
    NotFound,
    TooLarge,
    ValidationFailed,
    Throttled,
    Unauthorized,
    Forbidden,
    Unavailable,
    Refused,
    Conflict,
)


def describe(error: DomainError) -> tuple[str, str, dict[str, object] | None]:
    """A failure as it is stored: its kind, its message and the details its typed error carries."""
    kind = next((k for k in _KINDS if isinstance(error, k)), Conflict)
    detail: dict[str, object] | None = None
    if isinstance(error, NotFound):
        detail = {"entity": error.entity, "key": str(error.key)}
    elif isinstance(error, ValidationFailed):
        detail = dict(error.fields)
    return kind.__name__, error.message, detail


def revive(kind: str, message: str, detail: dict[str, object] | None) -> DomainError:
    """The typed error a stored failure was (:func:`describe`); an unknown kind is a conflict with its message."""
    chosen = next((k for k in _KINDS if k.__name__ == kind), Conflict)
    if chosen is NotFound:
        given = detail or {}
        return NotFound(str(given.get("entity", "")), given.get("key", ""))
    if issubclass(chosen, ValidationFailed):
        return chosen({str(k): str(v) for k, v in (detail or {}).items()})
    return chosen(message)
