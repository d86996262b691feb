"""/cluster: registering Flink clusters (live figures come with the lifecycle)."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response

from hlink.models.cluster import HA_TYPES
from hlink.rest.contract import BY_ID, PAGED, ApiRoute, Fields, Operation
from hlink.rest.envelope import ok, paged_answer
from hlink.rest.inputs import Query, doc, policy_of, read_params
from hlink.rest.schemas import array
from hlink.rest.views import CLUSTER_TYPE_NAMES, cluster_vo
from hlink.rest.viewschemas import CLUSTER_VO, NOTHING, page_of
from hlink.services.clusters import registry as clusters

TYPES = ", ".join(f"{code} {name}" for code, name in CLUSTER_TYPE_NAMES.items())


@dataclass
class ClusterParams:
    """/cluster/add and /cluster/update's parameters (the document's, as query parameters)."""

    name: str | None = field(default=None, metadata=doc("a name for the cluster"))
    address: str | None = field(default=None, metadata=doc("Flink's REST address, e.g. http://flink-jm:8081"))
    type: str | None = field(
        default=None,
        metadata=doc(
            f"the cluster type, its code or its name: {TYPES}",
            enum=[*map(str, CLUSTER_TYPE_NAMES), *CLUSTER_TYPE_NAMES.values()],
        ),
    )
    remark: str | None = None
    addresses: str | None = field(
        default=None,
        metadata=doc(
            "hlink's: every job manager's REST address of a highly available cluster, comma-separated "
            "(address, if given, first)"
        ),
    )
    ha_type: str | None = field(
        default=None,
        metadata=doc("hlink's: how its job managers elect a leader", enum=list(HA_TYPES)),
    )


NEW = Fields(ClusterParams, frozenset({"name", "address", "type"}))
CHANGED = Fields(ClusterParams)
FILTER = Fields(clusters.ClusterFilter)


def _cluster_type(q: Query, raw: str | None) -> int | None:
    """The document types ``type`` as a string: accept the code ("1") or its name ("standalone")."""
    if raw is None:
        return None
    by_name = {name.lower(): code for code, name in CLUSTER_TYPE_NAMES.items()}
    if raw.strip().lower() in by_name:
        return by_name[raw.strip().lower()]
    return q.integer("type")


def _read(q: Query, declared: Fields[ClusterParams]) -> clusters.ClusterInput:
    params = declared.read(q)
    listed = None if params.addresses is None else [a.strip() for a in params.addresses.split(",") if a.strip()]
    data = clusters.ClusterInput(
        name=params.name,
        address=params.address,
        type=_cluster_type(q, params.type),
        remark=params.remark,
        addresses=listed,
        ha_type=params.ha_type.strip().upper() if params.ha_type is not None else None,
    )
    q.done()
    return data


async def add(request: Request) -> Response:
    policy = policy_of(request)
    cluster = await clusters.create_cluster(_read(await read_params(request), NEW), policy.clusters)
    return ok(cluster_vo(cluster, policy.zone))


async def update(request: Request) -> Response:
    q = await read_params(request)
    cluster_id = BY_ID.read(q).id
    policy = policy_of(request)
    cluster = await clusters.update_cluster(cluster_id, _read(q, CHANGED), policy.clusters)
    return ok(cluster_vo(cluster, policy.zone))


async def delete(request: Request) -> Response:
    q = await read_params(request)
    cluster_id = BY_ID.read(q).id
    q.done()
    await clusters.delete_cluster(cluster_id)
    return ok()


async def listing(request: Request) -> Response:
    return await paged_answer(request, FILTER, clusters.list_clusters, cluster_vo)


async def check_list(request: Request) -> Response:
    return ok([cluster_vo(c, policy_of(request).zone) for c in await clusters.all_clusters()])


ALLOWED = "Its host must be loopback or allowed by HLINK_CLUSTER_ALLOW."
routes = [
    ApiRoute(
        "/cluster/add",
        add,
        "POST",
        Operation(
            "Register a Flink cluster", "clusters", "集群添加", ALLOWED, query=(NEW,), data=CLUSTER_VO, errors=(409,)
        ),
    ),
    ApiRoute(
        "/cluster/update",
        update,
        "PUT",
        Operation(
            "Update a cluster",
            "clusters",
            "集群修改",
            ALLOWED,
            query=(BY_ID, CHANGED),
            data=CLUSTER_VO,
            errors=(404, 409),
        ),
    ),
    ApiRoute(
        "/cluster/delete",
        delete,
        "DELETE",
        Operation(
            "Delete a cluster (not one with jobs)",
            "clusters",
            "集群删除",
            query=(BY_ID,),
            data=NOTHING,
            errors=(404, 409),
        ),
    ),
    ApiRoute(
        "/cluster/list",
        listing,
        "GET",
        Operation(
            "Clusters, paged and filtered",
            "clusters",
            "集群列表分页查询",
            query=(FILTER, PAGED),
            data=page_of(CLUSTER_VO),
        ),
    ),
    ApiRoute(
        "/cluster/check/list",
        check_list,
        "GET",
        Operation("Every cluster, for a drop-down", "clusters", "集群下拉列表查询(无分页)", data=array(CLUSTER_VO)),
    ),
]
