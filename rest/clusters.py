"""/cluster: registering Flink clusters (live figures come with the lifecycle)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from rest.envelope import ok, paged_answer
from rest.inputs import Query, required_int
from rest.views import CLUSTER_TYPE_NAMES, cluster_vo
from services.clusters import registry as clusters


def _cluster_type(q: Query, required: bool) -> int | None:
    """The document types ``type`` as a string: accept the code ("1") or its name ("standalone")."""
    raw = q.text("type", required=required)
    if raw is None:
        return None
    by_name = {name: code for code, name in CLUSTER_TYPE_NAMES.items()}
    if raw.strip().lower() in {n.lower() for n in by_name}:
        return next(code for name, code in by_name.items() if name.lower() == raw.strip().lower())
    return q.integer("type")


def _read(q: Query, creating: bool) -> clusters.ClusterInput:
    data = clusters.ClusterInput(
        name=q.text("name", required=creating),
        address=q.text("address", required=creating),
        type=_cluster_type(q, creating),
        remark=q.text("remark"),
    )
    q.done()
    return data


async def add(request: Request) -> Response:
    cluster = await clusters.create_cluster(_read(Query(request.query_params), creating=True))
    return ok(cluster_vo(cluster))


async def update(request: Request) -> Response:
    cluster_id = required_int(request.query_params, "id")
    cluster = await clusters.update_cluster(cluster_id, _read(Query(request.query_params), creating=False))
    return ok(cluster_vo(cluster))


async def delete(request: Request) -> Response:
    await clusters.delete_cluster(required_int(request.query_params, "id"))
    return ok()


async def listing(request: Request) -> Response:
    return await paged_answer(Query(request.query_params), clusters.ClusterFilter, clusters.list_clusters, cluster_vo)


async def check_list(request: Request) -> Response:
    return ok([cluster_vo(c) for c in await clusters.all_clusters()])


routes = [
    Route("/cluster/add", add, methods=["POST"]),
    Route("/cluster/update", update, methods=["PUT"]),
    Route("/cluster/delete", delete, methods=["DELETE"]),
    Route("/cluster/list", listing, methods=["GET"]),
    Route("/cluster/check/list", check_list, methods=["GET"]),
]
