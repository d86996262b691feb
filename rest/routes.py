"""Every REST path of the compatibility layer."""

from starlette.routing import BaseRoute

from rest import artifacts, clusters, datasources, jobs, reference

routes: list[BaseRoute] = [
    *jobs.routes,
    *datasources.routes,
    *artifacts.routes,
    *clusters.routes,
    *reference.routes,
]
