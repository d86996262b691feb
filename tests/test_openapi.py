"""The REST descriptions (issues 13 and 22): /v3/api-docs is a valid OpenAPI 3.1 document of exactly the REST
routes, named as the original's API document names its paths and parameters; /v2/api-docs is the same as a
valid Swagger 2.0 document, as the original's Springfox served it and knife4j read it; the Swagger UI page works
offline.

The document's own names come from ``tests/spec/hlink-api.md`` (a copy of the original API document: each
section's path, method and request parameter table) and its index ``ENDPOINTS.md`` (the 43 paths)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from openapi_spec_validator import OpenAPIV2SpecValidator, OpenAPIV31SpecValidator
from starlette.routing import Route

from hlink.rest.contract import ApiRoute
from hlink.rest.openapi import openapi_path
from hlink.rest.routes import routes
from tests.helpers import envelope_fail

SPEC_DIR = Path(__file__).resolve().parent / "spec"
ROOT = Path(__file__).resolve().parents[1]
METHODS = ("get", "post", "put", "delete")
#: names hlink takes beyond the document's, and why
EXTENSIONS: dict[tuple[str, str, str], str] = {
    ("PUT", "/cluster/update", "type"): "an update may change the cluster type too (the document's update omits it)",
    ("POST", "/jobs/restart/{jobId}", "restoreFrom"): "where the restart resumes (the document has no choice)",
    ("POST", "/jobs/restart/{jobId}", "savepointId"): "the savepoint it resumes from (restoreFrom=savepoint)",
    ("POST", "/jobs/run/{jobId}", "restoreFrom"): "where the run resumes (the document has no choice)",
    ("POST", "/jobs/run/{jobId}", "savepointId"): "the savepoint it resumes from (restoreFrom=savepoint)",
    ("POST", "/jobs/cancel/{jobId}", "withSavepoint"): "false cancels without a savepoint (the document has no choice)",
    ("POST", "/jobs/cancelBatch", "withSavepoint"): "false cancels without a savepoint (the document has no choice)",
    **{
        (method, path, name): "a highly available cluster's job managers and how they elect a leader (issue 23)"
        for method, path in (("POST", "/cluster/add"), ("PUT", "/cluster/update"))
        for name in ("addresses", "haType")
    },
}
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@dataclass
class Documented:
    """One section of hlink-api.md: its title and request parameters (name → (in, required)), with the field
    names of a body parameter one and two levels down."""

    title: str
    params: dict[str, tuple[str, bool]] = field(default_factory=dict)
    body: set[str] = field(default_factory=set)
    nested: dict[str, set[str]] = field(default_factory=dict)


def documented() -> dict[tuple[str, str], Documented]:
    """(method, path) → what the original's document says of its request."""
    text = (SPEC_DIR / "hlink-api.md").read_text(encoding="utf-8")
    out: dict[tuple[str, str], Documented] = {}
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        path = re.search(r"\*\*接口地址\*\*:`([^`]+)`", section)
        method = re.search(r"\*\*请求方式\*\*:`([^`]+)`", section)
        assert path and method, section[:80]
        entry = Documented(section.splitlines()[0].strip())
        table = section.split("**请求参数**", 1)[1].split("**响应状态**", 1)[0]
        parent = ""
        for row in re.finditer(r"^\|((?:&emsp;)*)([A-Za-z]\w*)\|[^|]*\|(\w*)\|(\w+)\|", table, re.M):
            depth, name, where, required = (
                len(row.group(1)) // len("&emsp;&emsp;"),
                row.group(2),
                row.group(3),
                row.group(4),
            )
            if depth == 0:
                entry.params[name] = (where, required == "true")
            elif depth == 1:
                entry.body.add(name)
                parent = name
            elif depth == 2:
                entry.nested.setdefault(parent, set()).add(name)
        out[(method.group(1).upper(), path.group(1))] = entry
    return out


def indexed() -> set[tuple[str, str]]:
    """The 43 (method, path) rows of ENDPOINTS.md."""
    text = (SPEC_DIR / "ENDPOINTS.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| *\d+ *\| *\w+ *\| *(GET|POST|PUT|DELETE) *\| *(\S+) *\|", text, re.M))


async def described(client: httpx.AsyncClient, path: str = "/v3/api-docs", **params: str) -> dict[str, Any]:
    """The description as served, asked for without a token."""
    answer = await client.get(path, params=params, headers={"Authorization": ""})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    document: dict[str, Any] = answer.json()
    return document


def operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """(METHOD, path) → Operation Object."""
    return {(m.upper(), p): op for p, item in document["paths"].items() for m, op in item.items() if m in METHODS}


def body_schema(operation: dict[str, Any], kind: str = "application/json") -> dict[str, Any] | None:
    body = operation.get("requestBody", {}).get("content", {}).get(kind)
    return None if body is None else dict(body["schema"])


async def test_the_description_is_valid_openapi_3_1_and_open(client: httpx.AsyncClient) -> None:
    document = await described(client)
    OpenAPIV31SpecValidator(document).validate()
    assert document["openapi"].startswith("3.1") and document["info"]["version"] == "1.0.0"
    assert document["info"]["title"]
    assert document["components"]["securitySchemes"]["bearer"] == {
        **document["components"]["securitySchemes"]["bearer"],
        "type": "http",
        "scheme": "bearer",
    }
    assert document["security"] == [{"bearer": []}]
    # only the sign-in is open; every other path names the bearer scheme (the document's default)
    opened = {key for key, op in operations(document).items() if op.get("security") == []}
    assert opened == {("POST", "/auth/login")}


async def test_v2_api_docs_is_swagger_2_as_knife4j_read_it(client: httpx.AsyncClient) -> None:
    """The original's address answers Swagger 2.0 (Springfox's), with the same operations as the 3.1 document
    and every required documented parameter where the document puts it (query, path, body, formData)."""
    two = await described(client, "/v2/api-docs")
    OpenAPIV2SpecValidator(two).validate()
    assert two["swagger"] == "2.0" and two["info"]["version"] == "1.0.0"
    assert await described(client, "/v2/api-docs", group="1.0.0") == two  # the original's address
    unknown = await client.get("/v2/api-docs", params={"group": "2.0"}, headers={"Authorization": ""})
    envelope_fail(unknown, 404, http=404)
    three = await described(client)
    assert set(operations(two)) == set(operations(three))
    for key, section in documented().items():
        ours = {p["name"]: p["in"] for p in operations(two)[key]["parameters"]}
        for name, (where, required) in section.params.items():
            if not required or (where == "body" and key[0] == "GET"):
                continue  # /ds/checkTableName's tableName: a parameter in practice
            assert (ours.get(name) or ("body" if "body" in ours.values() else None)) == where, (key, name, ours)
    upload = {p["name"]: p for p in operations(two)[("POST", "/jars/upload")]["parameters"]}
    assert upload["jarfile"]["type"] == "file" and upload["jarfile"]["in"] == "formData"
    batch = {p["name"]: p for p in operations(two)[("POST", "/jobs/runBatch")]["parameters"]}
    assert batch["jobIds"]["type"] == "array" and batch["jobIds"]["collectionFormat"] == "multi"
    groups = await client.get("/swagger-resources", headers={"Authorization": ""})
    assert groups.status_code == 200 and groups.json()[0]["url"] == "/v2/api-docs?group=1.0.0"


async def test_every_rest_route_is_described_and_nothing_else(client: httpx.AsyncClient) -> None:
    table: set[tuple[str, str]] = set()
    for route in routes:
        assert isinstance(route, ApiRoute), f"{route} is not declared with rest.contract.ApiRoute"
        table |= {(m, openapi_path(route.path)) for m in route.methods or () if m != "HEAD"}
    assert set(operations(await described(client))) == table
    # and the app serves exactly those REST routes (the rest are hlink's own pages and GraphQL)
    served = client.hlink_app.routes  # type: ignore[attr-defined]
    rest_paths = {r.path for r in served if isinstance(r, ApiRoute)}
    assert rest_paths == {r.path for r in routes if isinstance(r, Route)}


async def test_every_documented_path_is_described_with_the_document_title(client: httpx.AsyncClient) -> None:
    index, sections = indexed(), documented()
    assert len(index) == 43 and index == set(sections)
    ours = operations(await described(client))
    missing = index - set(ours)
    assert not missing, missing
    for key in index:
        assert sections[key].title in ours[key]["summary"], (key, ours[key]["summary"])
        assert re.search(r"[A-Za-z]{3}", ours[key]["summary"]), "an English summary"


async def test_parameter_and_field_names_are_the_documents(client: httpx.AsyncClient) -> None:
    sections = documented()
    for key, op in operations(await described(client)).items():
        if key not in sections:
            assert key == ("POST", "/auth/login"), key  # hlink's one path beyond the document
            continue
        method, path = key
        doc = sections[key]
        ours = {p["name"]: p for p in op["parameters"]}
        for name, parameter in ours.items():
            if (method, path, name) in EXTENSIONS:
                continue
            assert name in doc.params, f"{method} {path}: {name!r} is not the document's"
            where = doc.params[name][0]
            # a GET's body parameter (tableName of /ds/checkTableName) is a query parameter in practice
            assert parameter["in"] == where or (where == "body" and method == "GET"), (key, name, where)
        files = body_schema(op, "multipart/form-data")
        for name, (where, required) in doc.params.items():
            if where == "formData":
                assert files is not None and name in files["properties"], (key, name)
            elif where in ("query", "path") and required:
                assert name in ours, f"{method} {path}: the required {name!r} is not described"
        body = body_schema(op)
        if any(where == "body" and name not in ours for name, (where, _) in doc.params.items()):
            assert body is not None, key
            extra = set(body["properties"]) - doc.body - {"id"}  # an update's id: in the document's VO
            assert not extra, f"{method} {path}: body fields {extra} are not the document's"
            for name, schema in body["properties"].items():
                items = schema.get("items", {})
                nested = items.get("anyOf", [items])[0].get("properties") or schema.get("properties") or {}
                assert set(nested) <= doc.nested.get(name, set()), (key, name, set(nested) - doc.nested[name])
    unused = {k for k in EXTENSIONS if k[1] not in {p for _, p in sections}}
    assert not unused, unused


async def test_declared_required_parameters_are_required(client: httpx.AsyncClient) -> None:
    """The handlers read what the description declares: leaving out a required query parameter is a 400 that
    names it (path parameters filled, everything else left out)."""
    checked = 0
    for (method, path), op in operations(await described(client)).items():
        required = [p["name"] for p in op["parameters"] if p["in"] == "query" and p["required"]]
        if not required:
            continue
        concrete = re.sub(r"{[^}]+}", "1", path)
        kwargs: dict[str, Any] = {"json": {}} if body_schema(op) is not None else {}
        answer = await client.request(method, concrete, **kwargs)
        fields = envelope_fail(answer, 400)["data"]["fields"]
        assert set(required) <= set(fields), (method, path, required, fields)
        checked += 1
    assert checked >= 15


class Assets(HTMLParser):
    """Every address a page loads (script src, link href, img src)."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.addresses.append(value)


@pytest.mark.parametrize("page", ["/doc.html", "/swagger-ui.html"])
async def test_the_docs_page_is_open_and_loads_only_vendored_assets(client: httpx.AsyncClient, page: str) -> None:
    anonymous = {"Authorization": ""}
    answer = await client.get(page, headers=anonymous)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    html = answer.text
    assert not re.search(r"(https?:)?//[A-Za-z0-9]", html), "no address on another host"
    assert "validatorUrl: null" in html  # Swagger UI would otherwise send the description to swagger.io
    parser = Assets()
    parser.feed(html)
    base = f"http://hlink.test{page}"
    assert len(parser.addresses) >= 2
    for address in parser.addresses:
        url = urlsplit(urljoin(base, address))
        assert url.netloc == "hlink.test" and url.path.startswith("/static/apidocs/"), address
        asset = await client.get(url.path, headers=anonymous)
        assert asset.status_code == 200 and len(asset.content) > 1000, address
    spec = re.search(r'url: "([^"]+)"', html)
    assert spec is not None and urljoin(base, spec.group(1)) == "http://hlink.test/v3/api-docs"
    assert (await client.get("/v3/api-docs", headers=anonymous)).status_code == 200


async def test_the_vendored_swagger_ui_is_the_pinned_one(client: httpx.AsyncClient) -> None:
    script = (ROOT / "scripts" / "vendor-apidocs.sh").read_text()
    version = re.search(r"^VERSION=(\S+)$", script, re.M)
    assert version is not None
    folder = ROOT / "static" / "apidocs"
    lines = (folder / "VERSION").read_text().splitlines()
    assert lines[0].startswith(f"swagger-ui-dist {version.group(1)} ")
    sums = {name: digest for digest, name in (line.split() for line in lines[1:])}
    assert {"swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"} <= set(sums)
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert (await client.get("/static/apidocs/LICENSE", headers={"Authorization": ""})).status_code == 200
