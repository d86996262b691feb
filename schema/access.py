"""Users, tokens and the audit trail, as graph types."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from hlink import models
from hlink.schema.errors import MutationError


@strawberry.enum(description="What a user may do; each role may do what the ones below it may.")
class UserRole(Enum):
    VIEWER = strawberry.enum_value("viewer", description="Reads.")
    DEVELOPER = strawberry.enum_value("developer", description="Datasources, jobs, UDFs, jars and the lifecycle.")
    ADMIN = strawberry.enum_value("admin", description="Clusters, users and tokens.")


@strawberry.type(description="A user of hlink.")
class User:
    id: strawberry.ID = strawberry.field(description="The user's id.")
    name: str = strawberry.field(description="The sign-in name.")
    role: UserRole = strawberry.field(description="What the user may do.")
    disabled: bool = strawberry.field(description="A disabled user's tokens are refused.")
    create_time: datetime = strawberry.field(description="When the user was made.")

    @classmethod
    def of(cls, row: models.User) -> User:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            role=UserRole(row.role),
            disabled=row.disabled,
            create_time=row.create_time,
        )


@strawberry.type(description="A bearer token (its secret is shown once, when it is made).")
class ApiToken:
    id: strawberry.ID = strawberry.field(description="The token's id (to revoke it by).")
    label: str = strawberry.field(description="What it is for.")
    prefix: str = strawberry.field(description="Its first characters, to tell tokens apart.")
    expires_at: datetime | None = strawberry.field(description="When it stops working; never when null.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked.")
    last_used_at: datetime | None = strawberry.field(description="When it was last used (to the minute).")

    @classmethod
    def of(cls, row: models.Token) -> ApiToken:
        return cls(
            id=strawberry.ID(str(row.id)),
            label=row.label,
            prefix=row.prefix,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            last_used_at=row.last_used_at,
        )


@strawberry.type(description="A token just made: the secret to send as Authorization: Bearer <secret>.")
class IssuedToken:
    token: ApiToken = strawberry.field(description="The token.")
    secret: str = strawberry.field(description="The token itself, shown this once; hlink keeps only its hash.")


@strawberry.type(description="A sign-in, a new user or a new token: the token, or why not.")
class TokenPayload:
    issued: IssuedToken | None = strawberry.field(default=None, description="The token made.")
    user: User | None = strawberry.field(default=None, description="The user it belongs to.")
    error: MutationError | None = strawberry.field(default=None, description="Why no token was made.")


@strawberry.type(description="A revocation: the token as it now is, or why not.")
class RevokePayload:
    token: ApiToken | None = strawberry.field(default=None, description="The token, now revoked.")
    error: MutationError | None = strawberry.field(default=None, description="Why it was not revoked.")


@strawberry.type(description="One change, lifecycle action or sign-in: who, when, what, on which entity, the outcome.")
class AuditEntry:
    id: strawberry.ID = strawberry.field(description="The entry's id.")
    at: datetime = strawberry.field(description="When.")
    actor: str = strawberry.field(description="Who (the user's name; system for hlink's own work).")
    action: str = strawberry.field(description="What: job.run, cluster.create, login ...")
    entity_type: str | None = strawberry.field(description="On what kind of entity.")
    entity_id: str | None = strawberry.field(description="On which one.")
    outcome: str = strawberry.field(description="ok, denied (role too small), failed (an expected error), error.")
    message: str | None = strawberry.field(description="The error's message (never an input value).")

    @classmethod
    def of(cls, row: models.AuditEntry) -> AuditEntry:
        return cls(
            id=strawberry.ID(str(row.id)),
            at=row.at,
            actor=row.actor,
            action=row.action,
            entity_type=row.entity_type,
            entity_id=row.entity_id,
            outcome=row.outcome,
            message=(row.detail or {}).get("message"),
        )
