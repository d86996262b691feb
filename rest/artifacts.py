"""/jars, /ds/udf and /file/down: uploaded jars, UDF jars and downloads from the storage folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from hlink.models import Jar
from hlink.rest.contract import BY_ID, PAGED, ApiRoute, Fields, Operation
from hlink.rest.envelope import ok, paged_answer
from hlink.rest.inputs import doc, form_of, policy_of, read_params
from hlink.rest.schemas import array
from hlink.rest.views import jar_vo, udf_vo
from hlink.rest.viewschemas import JAR_VO, NOTHING, UDF_VO, UPLOADED, page_of
from hlink.services.artifacts import jars, udfs
from hlink.services.artifacts.storage import Storage
from hlink.services.checks import IDENTIFIER
from hlink.services.errors import ValidationFailed

STATUS = Jar._meta.fields_map["status"].constraints


@dataclass
class JarParams:
    """/jars/upload: what the jar is for."""

    cluster_id: int | None = None
    entry_class: str | None = field(default=None, metadata=doc("the main class of a JAR job"))
    res_type: int | None = field(default=None, metadata=doc("the resource type: 0, a jar (the one there is)", enum=[0]))
    status: int | None = field(
        default=None, metadata=doc("a status code (kept, not read)", minimum=STATUS["ge"], maximum=STATUS["le"])
    )


@dataclass
class JarId:
    """/jars/removeDO names the jar ``jarid``."""

    jarid: int


@dataclass
class UdfParams:
    """/ds/udf/upload: the function the jar holds (udfClass, udfName and udfType are checked as required)."""

    udf_class: str | None = field(
        default=None, metadata=doc("its class, e.g. com.acme.Upper", pattern=udfs.CLASS_NAME.pattern)
    )
    udf_name: str | None = field(default=None, metadata=doc("the name SQL calls it by", pattern=IDENTIFIER.pattern))
    udf_type: str | None = field(default=None, metadata=doc("its kind", enum=list(udfs.UDF_TYPES)))
    udf_desc: str | None = None


@dataclass
class UdfDesc:
    """/ds/udf/update: the new description (absent or empty clears it)."""

    udf_desc: str | None = None


@dataclass
class Download:
    """/file/down: filePath names the folder and fileName the file, or filePath the whole relative path."""

    file_path: str = field(metadata=doc("a path inside the storage folder (jars/..., udfs/..., schemas/...)"))
    file_name: str | None = field(default=None, metadata=doc("the file's name, and the name it downloads as"))


JAR, JAR_ID, JAR_FILTER = Fields(JarParams), Fields(JarId), Fields(jars.JarFilter)
UDF = Fields(UdfParams, frozenset({"udfClass", "udfName", "udfType"}))
UDF_DESC, UDF_FILTER, DOWNLOAD = Fields(UdfDesc), Fields(udfs.UdfFilter), Fields(Download)


def storage_of(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


async def uploaded_file(request: Request, field: str = "jarfile") -> UploadFile | None:
    """The multipart file part ``field``; an oversized request is refused before it is read."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise ValidationFailed({field: "send the file as multipart/form-data"})
    part: Any = (await form_of(request)).get(field)
    return part if isinstance(part, UploadFile) else None


async def jar_upload(request: Request) -> Response:
    q = await read_params(request)
    p = JAR.read(q)
    q.done()
    upload = await uploaded_file(request)
    jar = await jars.upload_jar(storage_of(request), upload, p.cluster_id, p.entry_class, p.res_type, p.status)
    return ok({"filename": jar.res_uname, "status": "success", "id": jar.id})


async def jar_list(request: Request) -> Response:
    q = await read_params(request)
    flt = JAR_FILTER.read(q)
    q.done()
    return ok([jar_vo(j, policy_of(request).zone) for j in await jars.all_jars(flt)])


async def jar_page(request: Request) -> Response:
    return await paged_answer(request, JAR_FILTER, jars.list_jars, jar_vo)


async def jar_remove(request: Request) -> Response:
    q = await read_params(request)
    jar_id = JAR_ID.read(q).jarid
    q.done()
    await jars.delete_jar(storage_of(request), jar_id)
    return ok()


async def udf_upload(request: Request) -> Response:
    q = await read_params(request)
    p = UDF.read(q)
    q.done()
    upload = await uploaded_file(request)
    udf = await udfs.upload_udf(storage_of(request), upload, p.udf_class, p.udf_name, p.udf_type, p.udf_desc)
    return ok({"filename": udf.udf_path, "status": "success", "id": udf.id})


async def udf_list(request: Request) -> Response:
    return await paged_answer(request, UDF_FILTER, udfs.list_udfs, udf_vo)


async def udf_update(request: Request) -> Response:
    q = await read_params(request)
    udf_id, desc = BY_ID.read(q).id, UDF_DESC.read(q).udf_desc
    q.done()
    udf = await udfs.update_udf(udf_id, desc)
    return ok(udf_vo(udf, policy_of(request).zone))


async def udf_delete(request: Request) -> Response:
    q = await read_params(request)
    udf_id = BY_ID.read(q).id
    q.done()
    await udfs.delete_udf(storage_of(request), udf_id)
    return ok()


async def download(request: Request) -> Response:
    q = await read_params(request)
    asked = DOWNLOAD.read(q)
    q.done()
    path, name = asked.file_path, asked.file_name
    # filePath may name the folder and fileName the file, or filePath the whole relative path
    relative = f"{path.rstrip('/')}/{name}" if name and not path.endswith(name) else path
    target = storage_of(request).resolve(relative)
    return FileResponse(target, filename=name or target.name)


JARS = "A jar that a job runs cannot be deleted."
routes = [
    ApiRoute(
        "/jars/list",
        jar_list,
        "GET",
        Operation(
            "Every jar, filtered (no paging)", "jars", "jar包列表获取(无分页)", query=(JAR_FILTER,), data=array(JAR_VO)
        ),
    ),
    ApiRoute(
        "/jars/listPage",
        jar_page,
        "GET",
        Operation(
            "Jars, paged and filtered", "jars", "jar包列表分页查询", query=(JAR_FILTER, PAGED), data=page_of(JAR_VO)
        ),
    ),
    ApiRoute(
        "/jars/removeDO",
        jar_remove,
        "DELETE",
        Operation("Delete a jar", "jars", "jar包删除", JARS, query=(JAR_ID,), data=NOTHING, errors=(404, 409)),
    ),
    ApiRoute(
        "/jars/upload",
        jar_upload,
        "POST",
        Operation(
            "Upload a jar for JAR jobs (multipart jarfile)",
            "jars",
            "jar包上传",
            query=(JAR,),
            files={"jarfile": "job.jar"},
            data=UPLOADED,
            errors=(404,),
        ),
    ),
    ApiRoute(
        "/ds/udf/delete",
        udf_delete,
        "DELETE",
        Operation(
            "Delete a UDF (not one a job's SQL calls)",
            "udf",
            "自定义函数删除",
            query=(BY_ID,),
            data=NOTHING,
            errors=(404, 409),
        ),
    ),
    ApiRoute(
        "/ds/udf/list",
        udf_list,
        "GET",
        Operation(
            "UDFs, paged and filtered", "udf", "自定义函数分页列表", query=(UDF_FILTER, PAGED), data=page_of(UDF_VO)
        ),
    ),
    ApiRoute(
        "/ds/udf/update",
        udf_update,
        "PUT",
        Operation(
            "Change a UDF's description", "udf", "自定义函数更新", query=(BY_ID, UDF_DESC), data=UDF_VO, errors=(404,)
        ),
    ),
    ApiRoute(
        "/ds/udf/upload",
        udf_upload,
        "POST",
        Operation(
            "Upload a UDF jar with its class, name and type (multipart jarfile)",
            "udf",
            "自定义函数jar包上传",
            query=(UDF,),
            files={"jarfile": "udf.jar"},
            data=UPLOADED,
            errors=(409,),
        ),
    ),
    ApiRoute(
        "/file/down",
        download,
        "GET",
        Operation(
            "Download a file from the storage folder",
            "files",
            "通用下载",
            "Answers the file itself; nothing outside the storage folder is served.",
            query=(DOWNLOAD,),
            download=True,
            errors=(404,),
        ),
    ),
]
