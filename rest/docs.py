"""The REST description and its browser page, open without a token (they hold no user data): ``/v2/api-docs``
and Swagger UI at ``/doc.html`` (the original's swagger-bootstrap-ui page name) and ``/swagger-ui.html``. The
page loads only the Swagger UI files vendored in static/apidocs/ (scripts/vendor-apidocs.sh): no CDN."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from rest.openapi import VERSION, api_docs

#: relative addresses, so the page also works behind a proxy that serves hlink under a path prefix
PAGE = f"""<!DOCTYPE html>
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
    window.ui = SwaggerUIBundle({{
      url: "v2/api-docs?group={VERSION}",
      dom_id: "#swagger-ui",
      deepLinking: true,
      persistAuthorization: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout"
    }});
  </script>
</body>
</html>
"""
#: the open pages (gate.py lets these through without a token)
PATHS = ("/v2/api-docs", "/doc.html", "/swagger-ui.html")


async def page(request: Request) -> Response:
    """Swagger UI on the description; its Authorize button takes the bearer token."""
    return HTMLResponse(PAGE)


routes = [
    Route(PATHS[0], api_docs, methods=["GET"]),
    Route(PATHS[1], page, methods=["GET"]),
    Route(PATHS[2], page, methods=["GET"]),
]
