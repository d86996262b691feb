"""User-defined functions: a jar in storage, a class, and the name SQL calls it by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet

from hlink.models import JobDatasource, Udf
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_change, stamp_new
from hlink.services.artifacts.storage import Storage, Upload
from hlink.services.checks import Checks
from hlink.services.errors import Conflict
from hlink.services.paging import Page, Window, check_filter, paginate
from hlink.services.records import apply, get_or_404

FOLDER = "udfs"
UDF_TYPES = ("SCALA", "TABLE", "AGGREGATE", "TABLEAGG")
CLASS_NAME = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$")


@dataclass
class UdfFilter:
    udf_name: str | None = None
    udf_class: str | None = None
    udf_desc: str | None = None


@guarded("udf.upload", Role.DEVELOPER, "udf")
async def upload_udf(
    storage: Storage,
    upload: Upload | None,
    udf_class: str | None,
    udf_name: str | None,
    udf_type: str | None,
    udf_desc: str | None = None,
) -> Udf:
    """Store a UDF jar and register the function."""
    checks = Checks()
    if checks.required("udfClass", udf_class) and not CLASS_NAME.match(udf_class or ""):
        checks.add("udfClass", "must be a fully qualified Java class name, e.g. com.acme.Upper")
    checks.required("udfName", udf_name)
    checks.identifier("udfName", udf_name)
    checks.max_length("udfName", udf_name, 128)
    if checks.required("udfType", udf_type):
        checks.one_of("udfType", udf_type, UDF_TYPES)
    checks.done()
    assert udf_name is not None
    if await Udf.filter(udf_name__iexact=udf_name).exists():
        raise Conflict(f"a function named {udf_name!r} already exists")
    stored = await storage.save_jar(upload, FOLDER)
    try:
        return await Udf.create(
            udf_name=udf_name,
            udf_class=udf_class,
            udf_type=udf_type,
            udf_desc=udf_desc,
            jar_name=stored.original_name,
            udf_path=stored.relative,
            **stamp_new(),
        )
    except IntegrityError:
        storage.remove(stored.relative)
        raise Conflict(f"a function named {udf_name!r} already exists") from None
    except BaseException:
        storage.remove(stored.relative)
        raise


@guarded("udf.update", Role.DEVELOPER, "udf", key="udf_id")
async def update_udf(udf_id: int, udf_desc: str | None) -> Udf:
    """Change a UDF's description (the only thing the document lets change)."""
    udf = await get_or_404(Udf, udf_id, "udf")
    apply(udf, {"udf_desc": udf_desc, **stamp_change()})  # None clears the description
    await udf.save()
    return udf


@guarded("udf.delete", Role.DEVELOPER, "udf", key="udf_id")
async def delete_udf(storage: Storage, udf_id: int) -> None:
    """Delete a UDF no job's SQL calls, and its jar."""
    udf = await get_or_404(Udf, udf_id, "udf")
    users = await jobs_calling([udf.udf_name])
    if users.get(udf.udf_name.lower()):
        raise Conflict(f"function {udf.udf_name!r} is called by jobs {sorted(users[udf.udf_name.lower()])}")
    await udf.delete()
    storage.remove(udf.udf_path)


async def get_udf(udf_id: int) -> Udf:
    return await get_or_404(Udf, udf_id, "udf")


def _call(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9_`]){re.escape(name)}\s*\(", re.IGNORECASE)


async def jobs_calling(names: list[str]) -> dict[str, set[int]]:
    """For each function name (lower-cased), the ids of jobs whose SQL calls it: one query for all."""
    found: dict[str, set[int]] = {n.lower(): set() for n in names}
    patterns = {n.lower(): _call(n) for n in names}
    rows = await JobDatasource.filter(run_sql__isnull=False).values_list("job_id", "run_sql")
    for job_id, sql in rows:
        for key, pattern in patterns.items():
            if pattern.search(sql or ""):
                found[key].add(job_id)
    return found


def _filtered(flt: UdfFilter) -> QuerySet[Udf]:
    check_filter(flt, Udf)
    query = Udf.all()
    if flt.udf_name:
        query = query.filter(udf_name__icontains=flt.udf_name)
    if flt.udf_class:
        query = query.filter(udf_class__icontains=flt.udf_class)
    if flt.udf_desc:
        query = query.filter(udf_desc__icontains=flt.udf_desc)
    return query.order_by("-id")


async def list_udfs(flt: UdfFilter, window: Window) -> Page[Udf]:
    return await paginate(_filtered(flt), window)


async def udfs_called_in(sql: str) -> list[Udf]:
    """The registered functions a piece of SQL calls, by name."""
    return [udf for udf in await Udf.all().order_by("udf_name") if _call(udf.udf_name).search(sql)]
