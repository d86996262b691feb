"""/dict and /doc: dictionaries, snowflake ids and help documents."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from rest.envelope import ok
from rest.views import plain
from services import reference
from services.snowflake import next_id


async def snowflake(request: Request) -> Response:
    return ok(next_id())


async def all_dicts(request: Request) -> Response:
    grouped = await reference.dictionaries()
    return ok({t: [plain(e) for e in entries] for t, entries in grouped.items()})


async def one_dict(request: Request) -> Response:
    return ok([plain(e) for e in await reference.dictionary(request.path_params["dictType"])])


async def doc(request: Request) -> Response:
    return ok((await reference.help_doc(request.path_params["key"])).content)


routes = [
    Route("/dict/getSnowflakeId", snowflake, methods=["GET"]),
    Route("/dict/list", all_dicts, methods=["GET"]),
    Route("/dict/list/{dictType}", one_dict, methods=["GET"]),
    Route("/doc/get/{key}", doc, methods=["GET"]),
]
