"""Registering Flink clusters."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from tortoise.queryset import QuerySet

from hlink.config import Settings
from hlink.flink.client import FlinkClient
from hlink.flink.errors import FlinkError
from hlink.models import Cluster, Job
from hlink.models.cluster import HA_TYPES
from hlink.models.status import ACTIVE
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_change, stamp_new
from hlink.services.allowlist import AllowList
from hlink.services.checks import Checks
from hlink.services.errors import Conflict
from hlink.services.paging import Page, Window, check_filter, paginate
from hlink.services.records import apply, get_or_404, given

CLUSTER_TYPES = (0, 1, 2, 3)  # local, standalone, yarn, yarnPer


@dataclass
class ClusterInput:
    name: str | None = None
    address: str | None = None
    type: int | None = None
    remark: str | None = None
    #: every job manager's REST address (a highly available cluster); ``address``, when given too, comes first
    addresses: list[str] | None = None
    #: NONE, ZOOKEEPER or KUBERNETES (models.cluster.HA_TYPES)
    ha_type: str | None = None


#: the most job manager addresses one cluster may list
MAX_ADDRESSES = 8


@dataclass
class ClusterFilter:
    name: str | None = None
    address: str | None = None
    type: int | None = None
    remark: str | None = None


def normalize_address(address: str) -> str:
    """Strip whitespace and a trailing slash so addresses compare and join cleanly."""
    return address.strip().rstrip("/")


def _check_address(checks: Checks, name: str, address: str, allowed: AllowList) -> None:
    """One job manager's REST address: http(s), a host the allow-list allows, no comma (they join as a key)."""
    try:
        parts = urlsplit(address.strip())
        hostname, _ = parts.hostname, parts.port  # each raises on a malformed address
    except ValueError as error:  # an unclosed [ipv6, a port out of range or not a number
        checks.add(name, f"is not a valid URL ({error})")
        return
    if parts.scheme not in ("http", "https") or not hostname or "," in address:
        checks.add(name, "must be the REST address of the job manager, e.g. http://127.0.0.1:8081")
    elif not allowed.allows_host(hostname):
        checks.add(
            name,
            f"{hostname} is not an allowed cluster host: loopback, or what HLINK_CLUSTER_ALLOW lists "
            f"({allowed.describe()})",
        )
    checks.max_length(name, address, 512)


def _check(data: ClusterInput, creating: bool, allowed: AllowList) -> None:
    checks = Checks()
    if creating:
        checks.required("name", data.name)
        if not data.addresses:
            checks.required("address", data.address)
    elif data.name is not None:
        checks.required("name", data.name)
    checks.max_length("name", data.name, 128)
    checks.one_of("type", data.type, CLUSTER_TYPES)
    checks.one_of("haType", data.ha_type, HA_TYPES)
    if data.address is not None and data.address.strip():
        _check_address(checks, "address", data.address, allowed)
    if data.address is not None and not data.address.strip() and not creating:
        checks.required("address", data.address)
    if data.addresses is not None:
        if len(data.addresses) > MAX_ADDRESSES:
            checks.add("addresses", f"lists more than {MAX_ADDRESSES} job managers")
        for address in data.addresses:
            if not checks.required("addresses", address):
                break
            _check_address(checks, "addresses", address, allowed)
    checks.done()


def _addressed(data: ClusterInput, cluster: Cluster | None) -> dict[str, object]:
    """The address columns a create or update writes: ``address`` the first job manager, ``addresses`` every one
    (null for one alone). An update giving only ``address`` keeps the other job managers."""
    if data.address is None and data.addresses is None:
        return {}
    first = normalize_address(data.address) if data.address is not None else None
    if data.addresses is not None:
        others = [normalize_address(a) for a in data.addresses]
    else:
        others = cluster.endpoints[1:] if cluster is not None else []
    lead = first or (others[0] if others else cluster.address if cluster is not None else "")
    every = list(dict.fromkeys([lead, *others]))
    return {"address": every[0], "addresses": every if len(every) > 1 else None}


@guarded("cluster.create", Role.ADMIN, "cluster")
async def create_cluster(data: ClusterInput, allowed: AllowList) -> Cluster:
    """Register a cluster at addresses ``allowed`` allows (HLINK_CLUSTER_ALLOW); type defaults to standalone."""
    _check(data, creating=True, allowed=allowed)
    values = {**given(data, skip=("address", "addresses")), **_addressed(data, None)}
    await _name_free(values["name"])
    return await Cluster.create(**values, **stamp_new())


async def _name_free(name: str, cluster_id: int | None = None) -> None:
    """A cluster's name names one cluster (the original refused a second of the same name)."""
    taken = Cluster.filter(name__iexact=name.strip())
    if cluster_id is not None:
        taken = taken.exclude(id=cluster_id)
    if await taken.exists():
        raise Conflict(f"a cluster named {name!r} already exists")


@guarded("cluster.update", Role.ADMIN, "cluster", key="cluster_id")
async def update_cluster(cluster_id: int, data: ClusterInput, allowed: AllowList) -> Cluster:
    """Change the given fields of a cluster (a new address must be one ``allowed`` allows)."""
    cluster = await get_or_404(Cluster, cluster_id, "cluster")
    _check(data, creating=False, allowed=allowed)
    values = {**given(data, skip=("address", "addresses")), **_addressed(data, cluster)}
    if "name" in values:
        await _name_free(values["name"], cluster_id)
    if "address" in values:
        # the first job manager names the cluster; standbys may come and go under running jobs
        if values["address"] != cluster.address:
            running = await Job.filter(cluster_id=cluster_id, job_status__in=list(ACTIVE)).count()
            if running:
                raise Conflict(
                    f"cluster {cluster_id} runs {running} job(s): its address cannot change under them; stop them first"
                )
    apply(cluster, {k: v for k, v in values.items() if k != "addresses"})
    if "addresses" in values:
        cluster.addresses = values["addresses"]  # null is a value here: one job manager again
    apply(cluster, dict(stamp_change()))
    await cluster.save()
    return cluster


@guarded("cluster.delete", Role.ADMIN, "cluster", key="cluster_id")
async def delete_cluster(cluster_id: int) -> None:
    """Delete a cluster that no job runs on."""
    cluster = await get_or_404(Cluster, cluster_id, "cluster")
    names = await Job.filter(cluster_id=cluster_id).limit(5).values_list("job_name", flat=True)
    if names:
        raise Conflict(f"cluster {cluster_id} still has jobs ({', '.join(map(str, names))}); move or delete them first")
    await cluster.delete()


async def get_cluster(cluster_id: int) -> Cluster:
    return await get_or_404(Cluster, cluster_id, "cluster")


def _filtered(flt: ClusterFilter) -> QuerySet[Cluster]:
    check_filter(flt, Cluster)
    query = Cluster.all()
    if flt.name:
        query = query.filter(name__icontains=flt.name)
    if flt.address:
        query = query.filter(address__icontains=flt.address)
    if flt.remark:
        query = query.filter(remark__icontains=flt.remark)
    if flt.type is not None:
        query = query.filter(type=flt.type)
    return query.order_by("-id")


async def list_clusters(flt: ClusterFilter, window: Window) -> Page[Cluster]:
    """A page of clusters, newest first."""
    return await paginate(_filtered(flt), window)


async def all_clusters() -> list[Cluster]:
    """Every cluster, for drop-downs."""
    return await Cluster.all().order_by("name", "id")


async def register_local_cluster(settings: Settings) -> Cluster | None:
    """Register the local Flink of `hlink flink up` as cluster "local" when it answers and is not registered."""
    address = f"http://127.0.0.1:{settings.local_flink_port}"
    async with FlinkClient(address, timeout=2.0) as client:
        try:
            await client.overview()
        except FlinkError:
            return None
    existing = await Cluster.filter(address=address).first()
    if existing is not None:
        return existing
    # names are unique: a "local" of the user's own keeps its name
    name = "local" if not await Cluster.filter(name__iexact="local").exists() else f"local {settings.local_flink_port}"
    return await Cluster.create(
        name=name, address=address, type=0, remark="the local Flink of `hlink flink up`", **stamp_new()
    )
