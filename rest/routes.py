"""Every REST path of the compatibility layer."""

from starlette.routing import BaseRoute

from hlink.rest import access, artifacts, clusters, datasources, jobs, lifecycle, reference

routes: list[BaseRoute] = [
    *lifecycle.routes,  # before /jobs/{jobId}, which would take /jobs/overview/...
    *jobs.routes,
    *datasources.routes,
    *artifacts.routes,
    *clusters.routes,
    *reference.routes,
    *access.routes,
]
