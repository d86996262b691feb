"""The ``hlink`` command: serve, migrate, export the GraphQL schema."""

from __future__ import annotations

import argparse
import asyncio
import sys

import database
from config import load_settings


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = load_settings()
    print(f"hlink: database {settings.database_url}, storage {settings.storage_dir}", flush=True)
    print(f"hlink: GraphiQL at http://{args.host or settings.host}:{args.port or settings.port}/graphql", flush=True)
    uvicorn.run(
        "app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level=args.log_level,
    )
    return 0


def _migrate(args: argparse.Namespace) -> int:
    settings = load_settings()
    applied = asyncio.run(database.migrate(settings.database_url))
    print("applied: " + ", ".join(applied) if applied else "the database is up to date")
    return 0


def _export_schema(args: argparse.Namespace) -> int:
    from schema import SDL_PATH, sdl

    text = sdl()
    if args.check:
        if not SDL_PATH.exists() or SDL_PATH.read_text() != text:
            print(f"{SDL_PATH} is out of date: run `hlink export-schema`", file=sys.stderr)
            return 1
        print(f"{SDL_PATH} is up to date")
        return 0
    SDL_PATH.write_text(text)
    print(f"wrote {SDL_PATH}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hlink", description="hlink: a management gateway for Flink feature jobs.")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="apply migrations and serve GraphQL and REST (uvicorn)")
    serve.add_argument("--host", help="bind address (HLINK_HOST, default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (HLINK_PORT, default 8086)")
    serve.add_argument("--log-level", default="info")
    serve.set_defaults(run=_serve)
    migrate = sub.add_parser("migrate", help="apply pending database migrations")
    migrate.set_defaults(run=_migrate)
    export = sub.add_parser("export-schema", help="write the GraphQL SDL to schema.graphql")
    export.add_argument("--check", action="store_true", help="fail if schema.graphql is out of date")
    export.set_defaults(run=_export_schema)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hlink`` console script."""
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
