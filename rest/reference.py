"""/dict and /doc: dictionaries, snowflake ids and help documents."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from hlink.rest.contract import ApiRoute, Operation
from hlink.rest.envelope import ok
from hlink.rest.inputs import policy_of
from hlink.rest.schemas import array
from hlink.rest.views import plain
from hlink.rest.viewschemas import DICT_ENTRY, DICTIONARIES, HELP_CONTENT, SNOWFLAKE
from hlink.services import reference
from hlink.services.snowflake import next_id


async def snowflake(request: Request) -> Response:
    """The bare digits as a text body, as the original answered (its pages read the whole body as the id)."""
    return PlainTextResponse(next_id())


async def all_dicts(request: Request) -> Response:
    grouped = await reference.dictionaries()
    zone = policy_of(request).zone
    return ok({t: [plain(e, zone) for e in entries] for t, entries in grouped.items()})


async def one_dict(request: Request) -> Response:
    zone = policy_of(request).zone
    return ok([plain(e, zone) for e in await reference.dictionary(request.path_params["dictType"])])


async def doc(request: Request) -> Response:
    return ok((await reference.help_doc(request.path_params["key"])).content)


routes = [
    ApiRoute(
        "/dict/getSnowflakeId",
        snowflake,
        "GET",
        Operation(
            "A new snowflake id (a column's virtualId), as text",
            "dict",
            "获取虚拟ID",
            data=SNOWFLAKE,
            text=True,
        ),
    ),
    ApiRoute(
        "/dict/list",
        all_dicts,
        "GET",
        Operation("Every dictionary, by dictType", "dict", "字典列表 接口", data=DICTIONARIES),
    ),
    ApiRoute(
        "/dict/list/{dictType}",
        one_dict,
        "GET",
        Operation(
            "One dictionary's entries",
            "dict",
            "根据字典类型获取字典集合 接口",
            data=array(DICT_ENTRY),
            errors=(404,),
        ),
    ),
    ApiRoute(
        "/doc/get/{key}",
        doc,
        "GET",
        Operation(
            "A help document's content by key",
            "docs",
            "根据字典类型获取字典集合 接口",
            data=HELP_CONTENT,
            errors=(404,),
        ),
    ),
]
