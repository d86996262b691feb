"""Users, their passwords (argon2 through pwdlib) and their bearer tokens.

A token is ``hlk_`` and 43 random URL-safe characters, shown once when it is made; only its SHA-256 is kept
(a long random secret needs no slow hash, and a lookup by digest stays one indexed read). Tokens expire (a
sign-in's after ``LOGIN_TTL``, a made one when its maker says) and can be revoked.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import anyio
from pwdlib import PasswordHash
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from hlink.models import AuditEntry, Token, User
from hlink.services.access import floodgate
from hlink.services.access.audit import guarded
from hlink.services.actor import Actor, Role
from hlink.services.checks import Checks
from hlink.services.errors import Conflict, NotFound, Throttled, Unauthorized

log = logging.getLogger("hlink.audit")

TOKEN_PREFIX = "hlk_"
#: how long a token from a sign-in lasts
LOGIN_TTL = timedelta(hours=12)
#: failed sign-ins of one name within LOGIN_WINDOW after which its sign-ins are refused until the oldest ages out:
#: HLINK_LOGIN_MAX_FAILURES, passed to :func:`login` (counted in the audit trail, so every replica sees the same)
LOGIN_WINDOW = timedelta(minutes=15)
#: an attempt's audit detail until its password has been checked
_WRONG = {"message": "wrong name or password"}
#: last use is written at most this often per token (not one write per request)
_USE_PRECISION = timedelta(minutes=1)
_hasher = PasswordHash.recommended()
#: verified against when the user does not exist, so a wrong name costs the time a wrong password does
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))


def _now() -> datetime:
    return datetime.now(UTC)


def digest(token: str) -> str:
    """How a token is stored and looked up."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Issued:
    """A token just made: its row, and the secret itself, shown this once."""

    token: Token
    secret: str


def _check_user(name: str, password: str | None) -> None:
    checks = Checks()
    if checks.required("name", name):
        checks.max_length("name", name, 64)
        if not all(c.isalnum() or c in "._-@" for c in name):
            checks.add("name", "may hold letters, digits and . _ - @ only")
    if password is not None and len(password) < 8:
        checks.add("password", "must be at least 8 characters")
    checks.done()


async def _new_user(name: str, role: Role, password: str | None) -> User:
    _check_user(name, password)
    if await User.exists(name=name):
        raise Conflict(f"user {name} exists already")
    hashed = await anyio.to_thread.run_sync(_hasher.hash, password) if password else None
    return await User.create(name=name, role=role.label, password_hash=hashed)


async def _issue(user: User, label: str, ttl: timedelta | None) -> Issued:
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = await Token.create(
        user_id=user.id,
        label=label[:64] or "api",
        token_hash=digest(secret),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        expires_at=_now() + ttl if ttl else None,
    )
    return Issued(token, secret)


@guarded("user.create", Role.ADMIN, "user", key="name")
async def create_user(name: str, role: Role, password: str | None = None) -> tuple[User, Issued]:
    """A new user with ``role`` and a first API token (never expiring; revoke it when done)."""
    user = await _new_user(name, role, password)
    return user, await _issue(user, "first", None)


async def _user_named(name: str) -> User:
    user = await User.get_or_none(name=name)
    if user is None:
        raise NotFound("user", name)
    return user


@guarded("token.create", Role.ADMIN, "user", key="name")
async def create_token(name: str, label: str = "api", days: int | None = None) -> Issued:
    """A new token for user ``name``, expiring after ``days`` when given."""
    checks = Checks()
    checks.in_range("days", days, 1, 3650)
    checks.max_length("label", label, 64)
    checks.done()
    return await _issue(await _user_named(name), label, timedelta(days=days) if days else None)


@guarded("token.revoke", Role.ADMIN, "token", key="token_id")
async def revoke_token(token_id: int) -> Token:
    """Revoke a token: requests carrying it are refused from now on."""
    token = await Token.get_or_none(id=token_id)
    if token is None:
        raise NotFound("token", token_id)
    if token.revoked_at is None:
        owner = await User.get(id=token.user_id)
        if owner.role == Role.ADMIN.label and not owner.disabled:  # an admin's token: keep one admin able to act
            await _keeps_an_admin_in(revoking=token.id)
        token.revoked_at = _now()
        await token.save(update_fields=["revoked_at"])
    return token


async def _keeps_an_admin_in(*, revoking: int | None = None, user_id: int | None = None) -> None:
    """:class:`Conflict` when a change would leave no enabled admin with a live token (revoking token
    ``revoking``, or demoting or disabling user ``user_id``): nobody could sign in to the web faces as an admin
    then. ``hlink token create`` still can, on the machine that holds the database."""
    live = Token.filter(revoked_at__isnull=True, user__role=Role.ADMIN.label, user__disabled=False)
    live = live.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=_now()))
    if revoking is not None:
        live = live.exclude(id=revoking)
    if user_id is not None:
        live = live.exclude(user_id=user_id)
    if not await live.exists():
        raise Conflict("that would leave no admin with a token: make another admin's token first")


@guarded("user.update", Role.ADMIN, "user", key="name")
async def update_user(
    name: str, role: Role | None = None, disabled: bool | None = None, password: str | None = None
) -> User:
    """Change a user's role, disable or enable them (a disabled user's tokens and sign-ins are refused), or set a
    new password (admins only). The last admin with a token cannot be demoted or disabled."""
    user = await _user_named(name)
    if password is not None:
        _check_user(name, password)
    losing_admin = user.role == Role.ADMIN.label and ((role is not None and role != Role.ADMIN) or disabled)
    if losing_admin:
        await _keeps_an_admin_in(user_id=user.id)
    fields: list[str] = []
    if role is not None:
        user.role, fields = role.label, [*fields, "role"]
    if disabled is not None:
        user.disabled, fields = disabled, [*fields, "disabled"]
    if password is not None:
        user.password_hash = await anyio.to_thread.run_sync(_hasher.hash, password)
        fields.append("password_hash")
    if fields:
        await user.save(update_fields=fields)
    return user


async def authenticate(secret: str) -> Actor | None:
    """The user a bearer token names, or ``None`` for an unknown, expired or revoked token or a disabled user."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 128:
        return None
    token = await Token.get_or_none(token_hash=digest(secret)).select_related("user")
    if token is None or token.revoked_at is not None or token.user.disabled:
        return None
    now = _now()
    if token.expires_at is not None and token.expires_at <= now:
        return None
    if token.last_used_at is None or now - token.last_used_at > _USE_PRECISION:
        await Token.filter(id=token.id).update(last_used_at=now)
    return Actor(token.user.name, Role.named(token.user.role), token.user.id, token.id)


async def login(name: str, password: str, address: str, max_failures: int) -> Issued:
    """A sign-in: a token lasting ``LOGIN_TTL`` for a right name and password. It passes the flood gate first
    (services/access/floodgate.py: nothing is written or hashed for an attempt over the rate). An attempt on a
    user that exists is audited, its actor the client ``address``; a failed one says only that the pair is wrong
    (not which half). A name with ``max_failures`` failures from that address within LOGIN_WINDOW is refused
    (:class:`Throttled`) before argon2 runs; other addresses may still sign in as it (nobody locks a name out
    for everyone). Attempts on names that do not exist write nothing (the rate bounds them), so anonymous
    callers cannot grow the trail."""
    name = name.replace("\x00", "\ufffd")[:64]  # no stored name holds a NUL (PostgreSQL text cannot)
    address = address[:64]
    floodgate.admit(address)
    user = await User.get_or_none(name=name)
    attempt = None
    if user is not None:
        # written as failed before the password is checked and counted with the others: attempts sent all at
        # once see each other, so no burst gets more than about ``max_failures`` guesses a window
        attempt = await AuditEntry.create(
            actor=address, action="login", entity_type="user", entity_id=name, outcome="failed", detail=_WRONG
        )
        await _not_throttled(name, address, attempt, max_failures)
    known = user is not None and user.password_hash is not None and not user.disabled
    hashed = user.password_hash if known and user is not None and user.password_hash else _DUMMY
    # argon2 takes ~0.1 s of CPU and 64 MiB: off the event loop, a few at a time
    right = await floodgate.hashing(_hasher.verify, password, hashed) and known
    if not right or user is None or attempt is None:
        log.info("login user %s from %s: failed (wrong name or password)", name, address)
        raise Unauthorized("wrong name or password")
    issued = await _issue(user, "login", LOGIN_TTL)
    await AuditEntry.filter(id=attempt.id).update(outcome="ok", detail=None)
    log.info("login user %s from %s: ok", name, address)
    return issued


async def _not_throttled(name: str, address: str, attempt: AuditEntry, max_failures: int) -> None:
    """Refuse the sign-in ``attempt`` when ``name`` has more than ``max_failures`` failures from ``address``
    (this one among them, and any sent at the same time) within LOGIN_WINDOW. A refusal is recorded (``denied``)
    only while the window holds none yet, so refused attempts neither fill the trail nor extend the wait."""
    since = _now() - LOGIN_WINDOW
    tried = {"action": "login", "entity_id": name, "actor": address, "at__gte": since}
    failed = AuditEntry.filter(outcome="failed", **tried)
    if await failed.count() <= max_failures:
        return
    denied = AuditEntry.filter(outcome="denied", **tried)
    if await denied.exists():
        await AuditEntry.filter(id=attempt.id).delete()
    else:
        await AuditEntry.filter(id=attempt.id).update(outcome="denied", detail={"message": "too many failed sign-ins"})
    oldest = await failed.order_by("at").first()
    wait = (oldest.at + LOGIN_WINDOW - _now()) if oldest else LOGIN_WINDOW
    minutes = max(1, int(wait.total_seconds() + 59) // 60)
    log.info("login user %s: denied (too many failed sign-ins)", name)
    raise Throttled(f"too many failed sign-ins for {name!r}: try again in {minutes} minute(s)")


async def bootstrap_admin(given: str | None = None) -> str | None:
    """On a database without users: an ``admin`` user and its token (``given``, e.g. HLINK_ADMIN_TOKEN, else a
    new one), answered once; ``None`` when users exist already (another replica made the admin)."""
    if given and (not given.startswith(TOKEN_PREFIX) or len(given) < 24):
        raise ValueError(f"HLINK_ADMIN_TOKEN must start with {TOKEN_PREFIX} and be at least 24 characters")
    if await User.exists():
        return None
    try:
        user = await _new_user("admin", Role.ADMIN, None)
    except (Conflict, IntegrityError):  # another replica starting at the same moment made it
        return None
    if given:
        await Token.create(user_id=user.id, label="bootstrap", token_hash=digest(given), prefix=given[:10])
        return given
    return (await _issue(user, "bootstrap", None)).secret
