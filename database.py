"""Connecting Tortoise and applying the aerich migrations in migrations/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aerich import Command
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

MIGRATIONS = str(Path(__file__).resolve().parent / "migrations")


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise/aerich configuration for one database URL."""
    return {
        "connections": {"default": _with_sqlite_defaults(database_url)},
        "apps": {"models": {"models": ["hlink.models", "aerich.models"], "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def _with_sqlite_defaults(database_url: str) -> str:
    """SQLite in WAL mode (Tortoise's default) with ``synchronous=NORMAL``, unless the URL says otherwise.

    In WAL mode NORMAL syncs at checkpoints instead of at every commit: a crash of hlink loses nothing, a power
    cut may lose the last transactions, and each commit costs a fraction of a millisecond instead of a sync
    (a run writes twice). A URL naming its own ``synchronous`` keeps it.
    """
    if not database_url.startswith("sqlite://") or "synchronous=" in database_url:
        return database_url
    return database_url + ("&" if "?" in database_url else "?") + "synchronous=NORMAL"


def _fresh_query_cache() -> None:
    # Tortoise caches built INSERT statements by connection name and table, not by dialect: a process that
    # moves from SQLite to PostgreSQL (the test session does) would send '?' placeholders to PostgreSQL.
    EXECUTOR_CACHE.clear()


def _ensure_sqlite_folder(database_url: str) -> None:
    if database_url.startswith("sqlite://") and ":memory:" not in database_url:
        Path(database_url.removeprefix("sqlite://").split("?")[0]).parent.mkdir(parents=True, exist_ok=True)


#: the PostgreSQL advisory lock that lets one replica at a time migrate (any number that is hlink's own)
MIGRATION_LOCK = 0x686C696E6B  # "hlink"


async def migrate(database_url: str) -> list[str]:
    """Apply every migration not yet applied; returns the versions applied now.

    On PostgreSQL, replicas starting together take turns through an advisory lock: the first applies the
    migrations, the others then find nothing left to do. SQLite is for one process.
    """
    _ensure_sqlite_folder(database_url)
    _fresh_query_cache()
    lock = await _migration_lock(database_url)
    command = Command(tortoise_config=tortoise_config(database_url), app="models", location=MIGRATIONS)
    try:
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()
        if lock is not None:
            await lock.close()  # ends the session, and with it the lock


async def _migration_lock(database_url: str) -> Any:
    """On PostgreSQL, a connection of its own holding the migration lock (waiting for it if another has it)."""
    if not database_url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        return None
    import asyncpg

    connection = await asyncpg.connect("postgresql://" + database_url.split("://", 1)[1])
    try:
        await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
    except BaseException:
        await connection.close()
        raise
    return connection


async def connect(database_url: str) -> None:
    """Open the ORM's connections (the schema must already be migrated)."""
    _ensure_sqlite_folder(database_url)
    _fresh_query_cache()
    # global fallback: uvicorn runs the lifespan (which connects) and the requests in different tasks, and
    # Tortoise keeps its context in a contextvar that those tasks do not share
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def disconnect() -> None:
    """Close the ORM's connections."""
    await Tortoise.close_connections()
