"""The REST descriptions and their browser page, open without a token (they hold no user data): Swagger 2.0 at
``/v2/api-docs`` (as the original's Springfox, with ``/swagger-resources`` for knife4j), OpenAPI 3.1 at
``/v3/api-docs``, and Swagger UI at ``/doc.html`` (the original's swagger-bootstrap-ui page name) and
``/swagger-ui.html``. The page loads only the Swagger UI files vendored in static/apidocs/
(scripts/vendor-apidocs.sh): no CDN."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from hlink.rest.envelope import envelope
from hlink.rest.openapi import VERSION, api_docs
from hlink.rest.swagger2 import document_2

#: relative addresses, so the page also works behind a proxy that serves hlink under a path prefix
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>hlink REST API</title>
  <link rel="stylesheet" href="static/apidocs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="static/apidocs/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: "v3/api-docs",
      dom_id: "#swagger-ui",
      deepLinking: true,
      persistAuthorization: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout"
    });
  </script>
</body>
</html>
"""
#: the open pages (gate.py lets these through without a token)
PATHS = ("/v2/api-docs", "/doc.html", "/swagger-ui.html", "/v3/api-docs", "/swagger-resources")


async def api_docs_2(request: Request) -> Response:
    """GET /v2/api-docs (``?group=1.0.0`` as the original's Springfox): Swagger 2.0, as knife4j read it."""
    group = request.query_params.get("group")
    if group not in (None, "", VERSION):
        return envelope(404, None, f"no such group: {group!r}; the one group is {VERSION}", False)
    return JSONResponse(document_2())


async def resources(request: Request) -> Response:
    """GET /swagger-resources: the groups, where knife4j's page looks first."""
    return JSONResponse(
        [{"name": VERSION, "url": f"/v2/api-docs?group={VERSION}", "location": f"/v2/api-docs?group={VERSION}",
          "swaggerVersion": "2.0"}]
    )  # fmt: skip


async def page(request: Request) -> Response:
    """Swagger UI on the description; its Authorize button takes the bearer token."""
    return HTMLResponse(PAGE)


routes = [
    Route(PATHS[0], api_docs_2, methods=["GET"]),
    Route(PATHS[1], page, methods=["GET"]),
    Route(PATHS[2], page, methods=["GET"]),
    Route(PATHS[3], api_docs, methods=["GET"]),
    Route(PATHS[4], resources, methods=["GET"]),
]
