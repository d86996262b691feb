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
