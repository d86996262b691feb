"""The ``hlink`` command: serve, migrate, export the GraphQL schema."""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import threading
from collections.abc import Awaitable, Callable
from importlib import metadata
from types import FrameType

from hlink import database, logs
from hlink.config import Settings, load_settings
from hlink.flink.local import FlinkSetupError, LocalFlink, progress_to_stderr
from hlink.flink.sqlrunner import RunnerBuildError, build_runner
from hlink.flink.zookeeper import LocalZooKeeper
from hlink.services.actor import acting_as, command_line

LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


def _version() -> str:
    try:
        return metadata.version("hlink")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def _local_flink(settings: Settings) -> LocalFlink:
    return LocalFlink(settings.flink_dir, rest_port=settings.local_flink_port, version=settings.local_flink_version)


#: seconds requests may go on after SIGTERM before they are cancelled; the process ends by STOP_DEADLINE at the latest
SHUTDOWN_GRACE = 3
STOP_DEADLINE = 10.0


def _server_class() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's server, which ends the process within :data:`STOP_DEADLINE` of SIGTERM or SIGINT even when
        something keeps the event loop from shutting down in order (a watchdog thread, not the loop, decides)."""

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            if not self.should_exit:
                watchdog = threading.Timer(STOP_DEADLINE, _exit_now, args=(sig,))
                watchdog.daemon = True
                watchdog.start()
            super().handle_exit(sig, frame)

    return Server


def _exit_now(sig: int) -> None:
    print(f"hlink: still running {STOP_DEADLINE:g} s after signal {sig}; exiting now", file=sys.stderr, flush=True)
    os._exit(1)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = load_settings()
    try:  # SQL jobs need it on any cluster; building takes a second, and would otherwise delay the first run
        build_runner(settings.runner_jar)
    except RunnerBuildError as error:
        print(f"hlink: {error}; SQL jobs will be refused until then", file=sys.stderr)
    if settings.local_flink and shutil.which("java") and shutil.which("javac"):
        try:
            _local_flink(settings).start(progress_to_stderr)
        except FlinkSetupError as error:
            print(f"hlink: the local Flink did not start ({error}); serving without it", file=sys.stderr)
    elif settings.local_flink:
        print("hlink: no JDK found (java, javac): serving without a local Flink", file=sys.stderr)
    print(f"hlink: database {settings.database_url}, storage {settings.storage_dir}", flush=True)
    print(f"hlink: GraphiQL at http://{args.host or settings.host}:{args.port or settings.port}/graphql", flush=True)
    config = uvicorn.Config(
        "hlink.app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level=args.log_level,
        log_config=logs.config(settings.log_format, args.log_level),
        # requests still running when asked to stop get this long, then are cancelled
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
    )
    _server_class()(config).run()
    return 0


def _migrate(args: argparse.Namespace) -> int:
    settings = load_settings()
    applied = asyncio.run(database.migrate(settings.database_url))
    print("applied: " + ", ".join(applied) if applied else "the database is up to date")
    return 0


def _export_schema(args: argparse.Namespace) -> int:
    from hlink.resolvers import roots
    from hlink.schema import SDL_PATH, sdl

    text = sdl(roots())
    if args.check:
        if not SDL_PATH.exists() or SDL_PATH.read_text() != text:
            print(f"{SDL_PATH} is out of date: run `hlink export-schema`", file=sys.stderr)
            return 1
        print(f"{SDL_PATH} is up to date")
        return 0
    SDL_PATH.write_text(text)
    print(f"wrote {SDL_PATH}")
    return 0


def _flink(args: argparse.Namespace) -> int:
    settings = load_settings()
    flink = _local_flink(settings)
    zookeeper = LocalZooKeeper(settings.flink_dir / "zookeeper")
    if args.ha or (args.action != "up" and zookeeper.pid() is not None):
        # two job managers electing their leader through a ZooKeeper of our own; the second's REST port is next
        flink.ha_quorum, flink.standby_rest_port = zookeeper.quorum, settings.local_flink_port + 1
    if args.action == "up" and not shutil.which("java"):  # before a 330 MB download that could not run
        print(
            "hlink flink: no JDK found (java): install one first, e.g. Debian's openjdk-17-jdk-headless",
            file=sys.stderr,
        )
        return 1
    try:
        if args.action == "up":
            if args.ha:
                zookeeper.start()
                flink.ha_quorum = zookeeper.quorum
                progress_to_stderr(f"ZooKeeper answers on {zookeeper.quorum}")
            flink.start(progress_to_stderr)
            print(",".join(flink.urls))
        elif args.action == "down":
            flink.stop(progress_to_stderr)
            zookeeper.stop()
        else:
            overview = flink.answers()
            pids = flink.pids()
            print(f"{flink.url}: " + (f"up, {overview}" if overview else "not answering") + f"; processes {pids}")
            if flink.ha_quorum:
                leading = flink.leading_port()
                print(f"job managers {flink.jobmanager_pids()}, leading: {leading}; ZooKeeper {zookeeper.quorum}")
            return 0 if overview else 1
    except FlinkSetupError as error:
        print(f"hlink flink: {error}", file=sys.stderr)
        return 1
    return 0


def _runner(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        print(build_runner(settings.runner_jar))
    except RunnerBuildError as error:
        print(f"hlink runner: {error}", file=sys.stderr)
        return 1
    return 0


async def _with_database(work: Callable[[], Awaitable[int]]) -> int:
    settings = load_settings()
    await database.migrate(settings.database_url)
    await database.connect(settings.database_url)
    try:
        with acting_as(command_line()):  # recorded as cli:<OS user> on the audit trail and every row
            return await work()
    finally:
        await database.disconnect()


def _user(args: argparse.Namespace) -> int:
    from hlink.services.access import accounts
    from hlink.services.actor import Role
    from hlink.services.errors import DomainError

    try:
        role = Role.named(args.role)
    except ValueError as error:
        print(f"hlink user: {error}", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None

    async def add() -> int:
        try:
            user, issued = await accounts.create_user(args.name, role, password)
        except DomainError as error:
            print(f"hlink user: {error.message}", file=sys.stderr)
            return 1
        print(f"user {user.name} ({role.label}) made; its token, shown once:")
        print(issued.secret)
        return 0

    return asyncio.run(_with_database(add))


def _user_set(args: argparse.Namespace) -> int:
    from hlink.services.access import accounts
    from hlink.services.actor import Role
    from hlink.services.errors import DomainError

    try:
        role = Role.named(args.role) if args.role else None
    except ValueError as error:
        print(f"hlink user: {error}", file=sys.stderr)
        return 2
    disabled = True if args.disable else False if args.enable else None
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None

    async def change() -> int:
        try:
            user = await accounts.update_user(args.name, role, disabled, password)
        except DomainError as error:
            print(f"hlink user: {error.message}", file=sys.stderr)
            return 1
        print(f"user {user.name}: {user.role}{', disabled' if user.disabled else ''}")
        return 0

    return asyncio.run(_with_database(change))


def _token(args: argparse.Namespace) -> int:
    from hlink.services.access import accounts
    from hlink.services.errors import DomainError

    async def act() -> int:
        try:
            if args.action == "create":
                issued = await accounts.create_token(args.target, args.label, args.days)
                print(f"token {issued.token.id} for {args.target}, shown once:")
                print(issued.secret)
            else:
                if not args.target.isascii() or not args.target.isdigit():
                    print("hlink token revoke: give the token's id (a number)", file=sys.stderr)
                    return 2
                token = await accounts.revoke_token(int(args.target))
                print(f"token {token.id} revoked")
        except DomainError as error:
            print(f"hlink token: {error.message}", file=sys.stderr)
            return 1
        return 0

    return asyncio.run(_with_database(act))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hlink", description="hlink: a management gateway for Flink feature jobs.")
    p.add_argument("--version", action="version", version=f"hlink {_version()}")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="apply migrations and serve GraphQL and REST (uvicorn)")
    serve.add_argument("--host", help="bind address (HLINK_HOST, default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (HLINK_PORT, default 8086)")
    serve.add_argument("--log-level", default="info", choices=LOG_LEVELS, help="uvicorn's log level (default info)")
    serve.set_defaults(run=_serve)
    migrate = sub.add_parser("migrate", help="apply pending database migrations")
    migrate.set_defaults(run=_migrate)
    export = sub.add_parser("export-schema", help="write the GraphQL SDL to schema.graphql")
    export.add_argument("--check", action="store_true", help="fail if schema.graphql is out of date")
    export.set_defaults(run=_export_schema)
    flink = sub.add_parser("flink", help="a local Flink cluster from PyPI (HLINK_FLINK_DIR, HLINK_LOCAL_FLINK_PORT)")
    flink.add_argument("action", choices=["up", "down", "status"])
    flink.add_argument(
        "--ha",
        action="store_true",
        help="up: high availability, two job managers (ports HLINK_LOCAL_FLINK_PORT and the next) electing their "
        "leader through a local ZooKeeper (Debian's zookeeper package)",
    )
    flink.set_defaults(run=_flink)
    runner = sub.add_parser("runner", help="build the SQL runner jar (HLINK_RUNNER_JAR) with javac; no Flink needed")
    runner.set_defaults(run=_runner)
    user = sub.add_parser("user", help="manage users (on HLINK_DATABASE_URL)")
    user_actions = user.add_subparsers(dest="action", required=True)
    add = user_actions.add_parser("add", help="make a user; prints its first token as the last line")
    add.add_argument("name")
    add.add_argument("--role", required=True, help="admin, developer or viewer")
    add.add_argument("--password-stdin", action="store_true", help="read a sign-in password from standard input")
    add.set_defaults(run=_user)
    change = user_actions.add_parser("set", help="change a user's role, disable or enable them, or reset a password")
    change.add_argument("name")
    change.add_argument("--role", help="admin, developer or viewer")
    state = change.add_mutually_exclusive_group()
    state.add_argument("--disable", action="store_true", help="refuse the user's tokens and sign-ins")
    state.add_argument("--enable", action="store_true", help="accept them again")
    change.add_argument("--password-stdin", action="store_true", help="read a new password from standard input")
    change.set_defaults(run=_user_set)
    token = sub.add_parser("token", help="make or revoke API tokens (on HLINK_DATABASE_URL)")
    token_actions = token.add_subparsers(dest="action", required=True)
    create = token_actions.add_parser("create", help="a new token for a user; prints it as the last line")
    create.add_argument("target", metavar="NAME")
    create.add_argument("--label", default="cli", help="what the token is for")
    create.add_argument("--days", type=int, help="expire after this many days (default: never)")
    create.set_defaults(run=_token)
    revoke = token_actions.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("target", metavar="ID")
    revoke.set_defaults(run=_token)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hlink`` console script."""
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
