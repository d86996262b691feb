"""Test session: the whole suite runs against SQLite and against a real PostgreSQL started here."""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import anyio
import asyncpg
import httpx
import pytest
import uvicorn
from tortoise import connections

from hlink import database
from hlink.app import create_app
from hlink.config import load_settings
from hlink.flink.local import LocalFlink, free_port, progress_to_stderr
from hlink.flink.sqlrunner import build_runner
from hlink.services.access.accounts import bootstrap_admin
from tests.helpers import ADMIN_TOKEN, AUTH, SECRET_KEY
from tests.pg import PostgresServer
from tests.statements import StatementCounter

#: the session's Flink clusters live here, one folder per version (kept between runs: installed once per clone)
TEST_ROOT = Path(os.environ.get("HLINK_TEST_FLINK_ROOT") or Path(__file__).resolve().parent.parent / ".hlink-test")
#: every Flink test runs on each of these versions (a 2.x and the 1.20 LTS), each a real cluster from PyPI
FLINK_VERSIONS = [
    v.strip() for v in os.environ.get("HLINK_TEST_FLINK_VERSIONS", "2.3.0,1.20.5").split(",") if v.strip()
]
#: the SQL runner, built once per session from its source with javac (no Flink needed)
RUNNER_JAR = TEST_ROOT / "runner" / "hlink-sql-runner.jar"
DATABASES = [d.strip() for d in os.environ.get("HLINK_TEST_DATABASES", "sqlite,postgres").split(",") if d.strip()]
# rows that tests create; reference data (dictionaries, documents) stays
ENTITY_TABLES = [
    "t_alert_incident",
    "t_alert_rule",
    "t_alert_channel",
    "t_job_ds",
    "t_job_operation",
    "t_job_savepoint",
    "t_job_run",
    "t_job_version",
    "t_job",
    "t_ds_column",
    "t_ds_json_field",
    "t_ds",
    "t_jar",
    "t_udf",
    "t_cluster",
    "t_audit",
]


def _parametrized(metafunc: pytest.Metafunc) -> set[str]:
    """The arguments a test's own ``parametrize`` marks already choose (a test may pin a version or database)."""
    names: set[str] = set()
    for mark in metafunc.definition.iter_markers("parametrize"):
        given = mark.args[0]
        names |= {n.strip() for n in (given.split(",") if isinstance(given, str) else given)}
    return names


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The two axes, each run only where behaviour differs along it.

    - Flink: every version (a 2.x and the 1.20 LTS) for the tests marked ``flink_lines`` (submission, savepoints,
      DDL, plans: what hlink says differently to each line); the first version for the others.
    - Database: SQLite and PostgreSQL for every test without Flink (storage, queries, migrations, the faces); the
      tests with Flink run on the first only (PostgreSQL under Flink has tests of its own: replicas, restarts),
      unless marked ``databases``.
    """
    chosen = _parametrized(metafunc)
    marks = {m.name for m in metafunc.definition.iter_markers()}
    uses_flink = "flink" in metafunc.fixturenames
    if uses_flink and "flink" not in chosen:
        versions = FLINK_VERSIONS if "flink_lines" in marks else FLINK_VERSIONS[:1]
        metafunc.parametrize("flink", versions, indirect=True, scope="session", ids=lambda v: f"flink-{v}")
    if "database_url" in metafunc.fixturenames and "database_url" not in chosen:
        kinds = DATABASES if not uses_flink or "databases" in marks else DATABASES[:1]
        metafunc.parametrize("database_url", kinds, indirect=True, scope="session")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer.start()
    try:
        yield server
    finally:
        server.stop()


async def fresh_postgres_database(server: PostgresServer, name: str) -> str:
    """An empty database on the session's server; returns its URL."""
    conn = await asyncpg.connect(f"{server.url}/postgres")
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return f"{server.url}/{name}"


async def empty_database(kind: str, request: pytest.FixtureRequest, folder: Path, name: str) -> str:
    if kind == "sqlite":
        return f"sqlite://{folder / (name + '.sqlite3')}"
    return await fresh_postgres_database(request.getfixturevalue("pg_server"), name)


@pytest.fixture(scope="session")
async def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A migrated database of each kind, connected for the tests that run against it."""
    url = await empty_database(request.param, request, tmp_path_factory.mktemp("db"), "hlink_test")
    await database.migrate(url)
    await database.connect(url)
    await bootstrap_admin(ADMIN_TOKEN)  # the admin the tests act as (AUTH)
    try:
        yield url
    finally:
        await database.disconnect()


@pytest.fixture(autouse=True)
async def clean_rows(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    yield
    if "database_url" in request.fixturenames:
        conn = connections.get("default")
        for table in ENTITY_TABLES:
            await conn.execute_script(f'DELETE FROM "{table}"')
        # users and tokens a test made; the admin the tests act as stays
        await conn.execute_script('DELETE FROM "t_token" WHERE "label" <> \'bootstrap\'')
        await conn.execute_script('DELETE FROM "t_user" WHERE "name" <> \'admin\'')


@pytest.fixture
def storage_dir(tmp_path: Path) -> Path:
    return tmp_path / "storage"


@pytest.fixture
async def client(database_url: str, storage_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the ASGI app (the session's database is already connected)."""
    settings = load_settings(
        {
            "HLINK_DATABASE_URL": database_url,
            "HLINK_STORAGE_DIR": str(storage_dir),
            "HLINK_MAX_UPLOAD_MB": "1",
            "HLINK_FLINK_DIR": str(TEST_ROOT / "unused-local-flink"),
            "HLINK_RUNNER_JAR": str(RUNNER_JAR),
            "HLINK_LOCAL_FLINK": "0",
            "HLINK_RECONCILE_SECONDS": "0",
            "HLINK_SECRET_KEY": SECRET_KEY,
        }
    )
    app = create_app(settings, manage_database=False)
    await anyio.Path(storage_dir).mkdir(parents=True, exist_ok=True)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hlink.test", headers=AUTH) as c:
        c.app_state = app.state  # type: ignore[attr-defined]
        c.hlink_app = app  # type: ignore[attr-defined]
        yield c
    await app.state.runtime.close()


@pytest.fixture(scope="session", autouse=True)
def runner_jar() -> Path:
    """The SQL runner jar the app under test uploads (built here so no test pays for it)."""
    return build_runner(RUNNER_JAR)


@pytest.fixture(scope="session")
def flink(request: pytest.FixtureRequest) -> Iterator[LocalFlink]:
    """A real Flink cluster of each tested version for the whole session, installed from PyPI on first use."""
    version = str(request.param)
    cluster = LocalFlink(TEST_ROOT / f"flink-{version}", rest_port=free_port(), version=version)
    cluster.start(progress_to_stderr)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
async def pipeline(client: httpx.AsyncClient, flink: LocalFlink, tmp_path: Path) -> dict[str, Any]:
    """A cluster, a datagen source and a filesystem (csv) sink."""
    from tests.helpers import add_cluster
    from tests.test_flink_lifecycle import add_ds

    cluster = await add_cluster(client, address=flink.url)
    source = await add_ds(client, "gen_t", "source", "datagen", **{"rows-per-second": "50"})
    out = tmp_path / "out"
    sink = await add_ds(client, "out_t", "sink", "filesystem", path=f"file://{out}", format="csv")
    return {"cluster": cluster, "source": source, "sink": sink, "out": out}


@pytest.fixture
async def served(client: httpx.AsyncClient) -> AsyncIterator[str]:
    """The test's app served by a real uvicorn on 127.0.0.1 (same event loop, same database connection)."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(client.hlink_app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")  # type: ignore[attr-defined]
    )
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
        await asyncio.sleep(0.05)
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    await task


@pytest.fixture
def sql_counter(database_url: str) -> Iterator[StatementCounter]:
    with StatementCounter() as counter:
        yield counter


async def gql(client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """POST a GraphQL document; returns the whole answer (data and errors)."""
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture(scope="session")
def java_jars(flink: LocalFlink, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """tests/java compiled with javac against the session Flink's libraries: a DataStream job and a UDF."""
    home = flink.pyflink()
    assert home is not None
    out = tmp_path_factory.mktemp("java")
    classes = out / "classes"
    sources = sorted(str(p) for p in (Path(__file__).parent / "java").glob("*.java"))
    subprocess.run(["javac", "--release", "11", "-cp", f"{home / 'lib'}/*", "-d", str(classes), *sources], check=True)
    jars = {}
    for name, member in (("job", "demo/DemoJob*.class"), ("udf", "demo/Tag.class")):
        jar = out / f"demo-{name}.jar"
        members = [str(p.relative_to(classes)) for p in classes.glob(member)]
        subprocess.run(["jar", "cf", str(jar), "-C", str(classes), *members], check=True)
        jars[name] = jar
    return jars
