"""Migrations build, on an empty SQLite and an empty PostgreSQL, exactly the tables the models describe."""

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import asyncpg
from aerich.utils import decompress_dict, get_models_describe, import_py_file
from tortoise import Tortoise

from hlink import database
from tests.conftest import empty_database, fresh_postgres_database

ROOT = Path(__file__).resolve().parent.parent


def _hlink_migrate(url: str) -> str:
    env = {**os.environ, "HLINK_DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, "-m", "hlink.cli", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


async def _tables(url: str) -> dict[str, set[str]]:
    if url.startswith("sqlite://"):
        with sqlite3.connect(url.removeprefix("sqlite://")) as conn:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {n: {r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
        )
    finally:
        await conn.close()
    tables: dict[str, set[str]] = {}
    for r in rows:
        tables.setdefault(r["table_name"], set()).add(r["column_name"])
    return tables


async def test_migrations_match_models_on_an_empty_database(request, tmp_path, database_url):
    kind = "postgres" if database_url.startswith("postgres") else "sqlite"
    url = await empty_database(kind, request, tmp_path, "hlink_migrations")
    assert "applied: 0_" in _hlink_migrate(url)
    assert "up to date" in _hlink_migrate(url)
    tables = await _tables(url)
    for model in Tortoise.apps["models"].values():
        expected = set(model._meta.fields_db_projection.values())
        assert tables.get(model._meta.db_table) == expected, model.__name__


def test_last_migration_state_is_the_models():
    files = sorted((Path(database.MIGRATIONS) / "models").glob("[0-9]*_*.py"), key=lambda p: int(p.name.split("_")[0]))
    state = decompress_dict(import_py_file(files[-1]).MODELS_STATE)
    current = json.loads(json.dumps(get_models_describe("models")))  # as stored: tuples become lists
    assert state == current, "the models changed: write a migration (aerich migrate)"


async def test_replicas_starting_together_migrate_once(pg_server):
    """Several `hlink migrate` (as several replicas starting) on one empty PostgreSQL: one applies, none fails."""
    url = await fresh_postgres_database(pg_server, "hlink_replicas")
    env = {**os.environ, "HLINK_DATABASE_URL": url}
    replicas = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-m", "hlink.cli", "migrate", cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE
        )
        for _ in range(3)
    ]
    async with asyncio.timeout(120):
        outputs = [(await replica.communicate())[0].decode() for replica in replicas]
    assert [replica.returncode for replica in replicas] == [0, 0, 0], outputs
    assert sum("applied: 0_" in out for out in outputs) == 1, outputs
    conn = await asyncpg.connect(url)
    try:
        versions = [r["version"] for r in await conn.fetch('SELECT "version" FROM "aerich"')]
    finally:
        await conn.close()
    assert len(versions) == len(set(versions)) == len(list((Path(database.MIGRATIONS) / "models").glob("[0-9]*_*.py")))
