"""Job jars: uploaded into storage, run by JAR jobs."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.queryset import QuerySet

from hlink.models import Cluster, Jar, Job
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_new
from hlink.services.artifacts.storage import Storage, Upload
from hlink.services.checks import Checks
from hlink.services.errors import Conflict
from hlink.services.paging import Page, Window, check_filter, paginate
from hlink.services.records import get_or_404

FOLDER = "jars"


@dataclass
class JarFilter:
    cluster_id: int | None = None
    entry_class: str | None = None
    res_name: str | None = None
    res_type: int | None = None
    res_uname: str | None = None


def jar_path(jar: Jar) -> str:
    """Where the jar lives inside the storage folder."""
    return f"{FOLDER}/{jar.res_uname}"


@guarded("jar.upload", Role.DEVELOPER, "jar")
async def upload_jar(
    storage: Storage,
    upload: Upload | None,
    cluster_id: int | None = None,
    entry_class: str | None = None,
    res_type: int | None = None,
    status: int | None = None,
) -> Jar:
    """Store an uploaded jar and register it."""
    checks = Checks()
    if cluster_id is not None and not await Cluster.exists(id=cluster_id):
        checks.add("clusterId", f"cluster {cluster_id} does not exist")
    checks.one_of("resType", res_type, (0,))
    bounds = Jar._meta.fields_map["status"].constraints  # what the column holds (int4)
    checks.in_range("status", status, bounds["ge"], bounds["le"])
    checks.max_length("entryClass", entry_class, 512)
    checks.done()
    stored = await storage.save_jar(upload, FOLDER)
    try:
        return await Jar.create(
            cluster_id=cluster_id,
            entry_class=entry_class or None,
            res_name=stored.original_name,
            res_uname=stored.stored_name,
            res_size=stored.size,
            res_type=res_type or 0,
            status=status or 0,
            **stamp_new(),
        )
    except BaseException:
        storage.remove(stored.relative)
        raise


@guarded("jar.delete", Role.DEVELOPER, "jar", key="jar_id")
async def delete_jar(storage: Storage, jar_id: int) -> None:
    """Delete a jar no job runs, and its file."""
    jar = await get_or_404(Jar, jar_id, "jar")
    names = await Job.filter(use_jar=jar.res_uname).limit(5).values_list("job_name", flat=True)
    if names:
        raise Conflict(f"jar {jar_id} is run by jobs ({', '.join(map(str, names))}); change them first")
    await jar.delete()
    storage.remove(jar_path(jar))


async def get_jar(jar_id: int) -> Jar:
    return await get_or_404(Jar, jar_id, "jar")


def _filtered(flt: JarFilter) -> QuerySet[Jar]:
    check_filter(flt, Jar)
    query = Jar.all()
    if flt.cluster_id is not None:
        query = query.filter(cluster_id=flt.cluster_id)
    if flt.entry_class:
        query = query.filter(entry_class__icontains=flt.entry_class)
    if flt.res_name:
        query = query.filter(res_name__icontains=flt.res_name)
    if flt.res_uname:
        query = query.filter(res_uname=flt.res_uname)
    if flt.res_type is not None:
        query = query.filter(res_type=flt.res_type)
    return query.order_by("-id")


async def list_jars(flt: JarFilter, window: Window) -> Page[Jar]:
    return await paginate(_filtered(flt), window)


async def all_jars(flt: JarFilter) -> list[Jar]:
    return await _filtered(flt)


def size_text(size: int) -> str:
    """Human-readable size, the document's resSizeStr."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.2f} {unit}"
        value /= 1024
    return f"{size} B"
