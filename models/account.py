"""Who may use hlink: users with a role, their API tokens (stored hashed), and the audit trail of what they did."""

from typing import Any

from tortoise import fields
from tortoise.models import Model


class User(Model):
    """A person or a program with a role: viewer, developer or admin."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64, unique=True)
    #: argon2 (pwdlib); none for a user who signs in with tokens only
    password_hash = fields.CharField(max_length=256, null=True)
    role = fields.CharField(max_length=16)
    disabled = fields.BooleanField(default=False)
    create_time = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "t_user"


class Token(Model):
    """A bearer token of a user's: only its SHA-256 is kept (tokens are long random strings, not passwords)."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="tokens", on_delete=fields.CASCADE, db_index=True
    )
    user_id: int
    #: what it is for ("login", "cli", "ci" ...)
    label = fields.CharField(max_length=64)
    token_hash = fields.CharField(max_length=64, unique=True)
    #: the first characters, to tell tokens apart in listings
    prefix = fields.CharField(max_length=16)
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)
    create_time = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "t_token"


class AuditEntry(Model):
    """One mutation, lifecycle action or sign-in: who, when, what, on which entity, and how it ended."""

    id = fields.BigIntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)
    actor = fields.CharField(max_length=64, db_index=True)
    action = fields.CharField(max_length=64, db_index=True)
    entity_type = fields.CharField(max_length=32, null=True)
    entity_id = fields.CharField(max_length=64, null=True)
    #: ok, denied (role too small), failed (an expected error), error (a fault)
    outcome = fields.CharField(max_length=16)
    #: the error's message, never an input value (inputs may hold secrets)
    detail: Any = fields.JSONField(null=True)

    class Meta:
        table = "t_audit"
