"""/jars, /ds/udf and /file/down: uploaded jars, UDF jars and downloads from the storage folder."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from limits import FRAMING
from rest.envelope import ok, paged_answer
from rest.inputs import Query, required_int
from rest.views import jar_vo, udf_vo
from services.artifacts import jars, udfs
from services.artifacts.storage import Storage
from services.errors import ValidationFailed

# room for the multipart framing around the file itself


def storage_of(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


async def uploaded_file(request: Request, field: str = "jarfile") -> UploadFile | None:
    """The multipart file part ``field``; an oversized request is refused before it is read."""
    storage = storage_of(request)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > storage.max_bytes + FRAMING:
        raise storage.too_large(field)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise ValidationFailed({field: "send the file as multipart/form-data"})
    try:
        form = await request.form(max_files=1, max_fields=50)
    except HTTPException as err:  # malformed multipart
        raise ValidationFailed({field: f"unreadable multipart body: {err.detail}"}) from None
    part: Any = form.get(field)
    return part if isinstance(part, UploadFile) else None


async def jar_upload(request: Request) -> Response:
    q = Query(request.query_params)
    cluster_id, entry_class, res_type, status = (
        q.integer("clusterId"),
        q.text("entryClass"),
        q.integer("resType"),
        q.integer("status"),
    )
    q.done()
    upload = await uploaded_file(request)
    jar = await jars.upload_jar(storage_of(request), upload, cluster_id, entry_class, res_type, status)
    return ok({"filename": jar.res_uname, "status": "success", "id": jar.id})


async def jar_list(request: Request) -> Response:
    q = Query(request.query_params)
    flt = q.read(jars.JarFilter)
    q.done()
    return ok([jar_vo(j) for j in await jars.all_jars(flt)])


async def jar_page(request: Request) -> Response:
    return await paged_answer(Query(request.query_params), jars.JarFilter, jars.list_jars, jar_vo)


async def jar_remove(request: Request) -> Response:
    await jars.delete_jar(storage_of(request), required_int(request.query_params, "jarid"))
    return ok()


async def udf_upload(request: Request) -> Response:
    q = Query(request.query_params)
    udf_class, udf_name, udf_type, udf_desc = (
        q.text("udfClass"),
        q.text("udfName"),
        q.text("udfType"),
        q.text("udfDesc"),
    )
    q.done()
    upload = await uploaded_file(request)
    udf = await udfs.upload_udf(storage_of(request), upload, udf_class, udf_name, udf_type, udf_desc)
    return ok({"filename": udf.udf_path, "status": "success", "id": udf.id})


async def udf_list(request: Request) -> Response:
    return await paged_answer(Query(request.query_params), udfs.UdfFilter, udfs.list_udfs, udf_vo)


async def udf_update(request: Request) -> Response:
    udf_id = required_int(request.query_params, "id")
    udf = await udfs.update_udf(udf_id, request.query_params.get("udfDesc"))
    return ok(udf_vo(udf))


async def udf_delete(request: Request) -> Response:
    await udfs.delete_udf(storage_of(request), required_int(request.query_params, "id"))
    return ok()


async def download(request: Request) -> Response:
    q = Query(request.query_params)
    path = q.text("filePath", required=True)
    name = q.text("fileName")
    if name is not None and "\x00" in name:
        q.checks.add("fileName", "must not contain a NUL character")
    q.done()
    assert path is not None
    # filePath may name the folder and fileName the file, or filePath the whole relative path
    relative = f"{path.rstrip('/')}/{name}" if name and not path.endswith(name) else path
    target = storage_of(request).resolve(relative)
    return FileResponse(target, filename=name or target.name)


routes = [
    Route("/jars/list", jar_list, methods=["GET"]),
    Route("/jars/listPage", jar_page, methods=["GET"]),
    Route("/jars/removeDO", jar_remove, methods=["DELETE"]),
    Route("/jars/upload", jar_upload, methods=["POST"]),
    Route("/ds/udf/delete", udf_delete, methods=["DELETE"]),
    Route("/ds/udf/list", udf_list, methods=["GET"]),
    Route("/ds/udf/update", udf_update, methods=["PUT"]),
    Route("/ds/udf/upload", udf_upload, methods=["POST"]),
    Route("/file/down", download, methods=["GET"]),
]
