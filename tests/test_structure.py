"""The code's shape: no cycle between hlink's packages, and each face shapes its own refusals.

The unit of the import graph is a package (a folder: ``services/jobs`` is one, ``services`` another, holding
only its own modules); the modules at the root (``config``, ``gate``, ``app`` ...) are each a unit of their own.
Every import counts, wherever it stands (a function's deferred import is as much a dependency as any).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
#: what is not hlink's code (tests, benchmarks, migrations are not imported by it)
OUTSIDE = {".venv", ".hlink-test", "tests", "bench", "scripts", "migrations", "build", "data", ".mypy-root", "static"}


def _names() -> set[str]:
    """hlink's top-level names: its packages and the modules at the root."""
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name not in OUTSIDE}
    modules = {p.stem for p in ROOT.glob("*.py") if p.name != "setup.py"}
    return packages | modules


def _unit(module: str) -> str:
    """The package a module belongs to (a root module is its own unit)."""
    parts = module.split(".")
    while len(parts) > 1 and not ROOT.joinpath(*parts).is_dir():
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, names: set[str]) -> set[str]:
    """The hlink modules one file imports (``hlink.x`` and, before the package name, ``x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        modules: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            base = node.module.removeprefix("hlink.") if node.module != "hlink" else ""
            modules = [f"{base}.{a.name}".strip(".") for a in node.names] if not base else [base]
        elif isinstance(node, ast.Import):
            modules = [a.name.removeprefix("hlink.") for a in node.names]
        found |= {m for m in modules if m.split(".")[0] in names}
    return found


def _graph() -> dict[str, dict[str, set[str]]]:
    """unit → the units it imports → the files that import them."""
    names = _names()
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in OUTSIDE or relative.name == "setup.py":
            continue
        source = _unit(".".join(relative.with_suffix("").parts).removesuffix(".__init__"))
        for target in _imports(path, names):
            unit = _unit(target)
            if unit != source:
                graph[source][unit].add(str(relative))
    return graph


def _cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """The strongly connected components of more than one unit (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        for other in graph.get(unit, {}):
            if other not in index:
                visit(other)
                low[unit] = min(low[unit], low[other])
            elif other in stack:
                low[unit] = min(low[unit], index[other])
        if low[unit] == index[unit]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == unit:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for unit in list(graph):
        if unit not in index:
            visit(unit)
    return found


def test_the_graph_sees_the_packages_and_their_imports():
    graph = _graph()
    assert "services.jobs" in graph["resolvers"] and "schema" in graph["resolvers"]
    assert "models" in graph["services.jobs"] and "services.clusters" in graph["services.jobs"]
    assert "services.jobs" in graph["app"]


def test_no_cycle_between_packages():
    graph = _graph()
    cycles = _cycles(graph)
    explained = [
        [f"{a} -> {b} ({', '.join(sorted(graph[a][b]))})" for a in cycle for b in graph[a] if b in cycle]
        for cycle in cycles
    ]
    assert not cycles, explained


def test_a_cycle_would_be_seen():
    graph = {"a": {"b": {"a.py"}}, "b": {"c": {"b.py"}}, "c": {"a": {"c.py"}}, "d": {"a": {"d.py"}}}
    assert _cycles(graph) == [["a", "b", "c"]]


async def test_each_face_shapes_its_own_refusals(client: httpx.AsyncClient):
    """The gate and the limits stop requests before any route: GraphQL clients get GraphQL's ``errors`` with a
    code, REST clients the envelope."""
    anonymous = {"Authorization": ""}
    graphql = await client.post("/graphql", json={"query": "{ clusters { totalCount } }"}, headers=anonymous)
    assert graphql.status_code == 401
    assert graphql.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "success" not in graphql.json()
    rest = await client.get("/cluster/check/list", headers=anonymous)
    assert rest.status_code == 401 and rest.json()["success"] is False and rest.json()["code"] == 401
    huge = b"{" + b" " * (17 * 1024 * 1024) + b"}"
    too_large = await client.post("/graphql", content=huge, headers={"content-type": "application/json"})
    assert too_large.status_code == 413
    assert too_large.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    too_large = await client.post("/ds/addDO", content=huge, headers={"content-type": "application/json"})
    assert too_large.status_code == 413 and too_large.json()["success"] is False


def test_hlink_code_is_imported_by_its_package_name():
    """Every import of hlink's own code names the installed package (``from hlink.services ...``): a bare
    ``from services ...`` works only from this folder and collides with other packages of that name."""
    names = _names()
    bare = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", ".hlink-test", "build", "data", ".mypy-root"} or relative.name == "setup.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            else:
                continue
            bare += [f"{relative}:{node.lineno} {m}" for m in modules if m.split(".")[0] in names]
    assert not bare, bare
