"""The upgrade verdict (issue 20): can the state of one version's operators be carried into another's?

Pure functions over two compiled plans (FLIP-190 JSON dicts, numbered as versions.normalized keeps them).
Operators are paired by walking both graphs up from their sinks (a sink pairs with the sink of the same
table, a source with the scan of the same table), node type by node type, skipping stateless nodes that one
side has and the other has not; raw node ids say nothing (they shift when a node is added upstream). A
stateful pair is compared on what its state holds and means: the node type's version, its state names, its
grouping key and its aggregate calls, each traced back to the source columns (or expressions of them) it is
computed from, so a projection that only moves a column does not count as a change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

#: single-input nodes whose output fields are their input's fields, in order (a key traced through them)
PASS_THROUGH = frozenset(
    {
        "stream-exec-exchange",
        "stream-exec-watermark-assigner",
        "stream-exec-mini-batch-assigner",
        "stream-exec-drop-update-before",
        "stream-exec-changelog-normalize",
        "stream-exec-limit",
        "stream-exec-deduplicate",
    }
)
#: the default catalog and database, left out of the columns a key is traced to
DEFAULT_PREFIX = "default_catalog.default_database."
#: a node's parts that do not change what its state holds: its id, how it is shown or tuned, its output's
#: names, and the parts compared on their own below
NOT_MEANING = frozenset(
    {
        "id",
        "type",
        "description",
        "configuration",
        "inputProperties",
        "outputType",
        "state",
        "grouping",
        "aggCalls",
        "generateUpdateBefore",
    }
)


ALL_CARRIED = "every stateful operator keeps its state and meaning"


class Change(Enum):
    UNCHANGED = "UNCHANGED"
    CHANGED = "CHANGED"
    ADDED = "ADDED"
    REMOVED = "REMOVED"


class Verdict(Enum):
    COMPATIBLE = "COMPATIBLE"
    PARTIAL = "PARTIAL"
    INCOMPATIBLE = "INCOMPATIBLE"
    UNKNOWN = "UNKNOWN"


@dataclass
class Operator:
    """One operator (plan node) of either plan, paired with its counterpart when it has one."""

    name: str
    type: str
    change: Change
    stateful: bool
    reason: str
    from_id: int | None = None
    to_id: int | None = None


@dataclass
class Judgement:
    verdict: Verdict
    reasons: list[str] = field(default_factory=list)
    operators: list[Operator] = field(default_factory=list)


def base(node: dict[str, Any]) -> str:
    """The node's type without its version: ``stream-exec-sink_2`` -> ``stream-exec-sink``."""
    kind: str = node["type"]
    return kind.rsplit("_", 1)[0] if re.search(r"_\d+$", kind) else kind


def stateful(node: dict[str, Any]) -> bool:
    return bool(node.get("state"))


def table(node: dict[str, Any]) -> str | None:
    """The table a source scan reads or a sink writes."""
    holder = node.get("scanTableSource") or node.get("lookupTableSource") or node.get("dynamicTableSink") or {}
    found = (holder.get("table") or {}).get("identifier")
    return str(found) if found else None


def field_names(row_type: str) -> list[str]:
    """The top-level field names of a plan's ``ROW<`a` BIGINT, `b` ROW<`c` INT>>``."""
    inner = row_type.strip()
    if not inner.upper().startswith("ROW<") or not inner.endswith(">"):
        return []
    inner = inner[4:-1]
    names: list[str] = []
    depth, i, expect = 0, 0, True
    while i < len(inner):
        char = inner[i]
        if char == "`":
            end = i + 1
            while end < len(inner) and not (inner[end] == "`" and inner[end + 1 : end + 2] != "`"):
                end += 2 if inner[end : end + 2] == "``" else 1
            if depth == 0 and expect:
                names.append(inner[i + 1 : end].replace("``", "`"))
                expect = False
            i = end + 1
            continue
        if char in "<(":
            depth += 1
        elif char in ">)":
            depth -= 1
        elif char == "," and depth == 0:
            expect = True
        i += 1
    return names


class Graph:
    """A plan's nodes by id with their inputs (in edge order) and the sinks."""

    def __init__(self, plan: dict[str, Any]) -> None:
        self.nodes: dict[int, dict[str, Any]] = {n["id"]: n for n in plan.get("nodes", [])}
        self.inputs: dict[int, list[int]] = {i: [] for i in self.nodes}
        fed: set[int] = set()
        for edge in plan.get("edges", []):
            self.inputs[edge["target"]].append(edge["source"])
            fed.add(edge["source"])
        self.sinks = [i for i in sorted(self.nodes) if i not in fed]

    def kind(self, node_id: int) -> tuple[str, str | None]:
        node = self.nodes[node_id]
        return base(node), table(node)

    def upstream_stateless(self, node_id: int) -> list[int]:
        """``node_id`` and the nodes above it while each is stateless with one input (the last may not be)."""
        chain = [node_id]
        while not stateful(self.nodes[chain[-1]]) and len(self.inputs[chain[-1]]) == 1:
            chain.append(self.inputs[chain[-1]][0])
        return chain

    def origin(self, node_id: int, index: int) -> str:
        """What the ``index``-th output field of a node is computed from, in terms of source columns."""
        node = self.nodes[node_id]
        kind, inputs = base(node), self.inputs[node_id]
        if kind.endswith("table-source-scan"):
            names = field_names(node.get("outputType", ""))
            name = names[index] if index < len(names) else f"#{index}"
            return f"{(table(node) or '?').replace('`', '').removeprefix(DEFAULT_PREFIX)}.{name}"
        if kind in PASS_THROUGH and len(inputs) == 1:
            return self.origin(inputs[0], index)
        if kind == "stream-exec-calc" and len(inputs) == 1:
            projection = node.get("projection") or []
            if index < len(projection):
                return self._expression(inputs[0], projection[index])
        if kind.endswith("group-aggregate") and len(inputs) == 1:
            grouping: list[int] = node.get("grouping") or []
            if index < len(grouping):
                return self.origin(inputs[0], grouping[index])
            calls = node.get("aggCalls") or []
            if index - len(grouping) < len(calls):
                return self._call(inputs[0], calls[index - len(grouping)])
        names = field_names(node.get("outputType", ""))
        return f"{kind}.{names[index] if index < len(names) else index}"

    def _expression(self, input_id: int, expression: dict[str, Any]) -> str:
        kind = expression.get("kind")
        if kind == "INPUT_REF":
            return self.origin(input_id, int(expression["inputIndex"]))
        if kind == "CALL":
            operands = ", ".join(self._expression(input_id, o) for o in expression.get("operands", []))
            return f"{_function(expression.get('internalName') or expression.get('systemName') or '?')}({operands})"
        if kind == "LITERAL":
            return json.dumps(expression.get("value"))
        return json.dumps({k: v for k, v in expression.items() if k != "type"}, sort_keys=True)

    def _call(self, input_id: int, call: dict[str, Any]) -> str:
        """An aggregate call as what it accumulates: its function, its arguments' origins, its flags and type."""
        args = ", ".join(self.origin(input_id, int(a)) for a in call.get("argList", []))
        name = _function(call.get("internalName") or call.get("systemName") or "?")
        flags = [f for f in ("distinct", "approximate", "ignoreNulls") if call.get(f)]
        if int(call.get("filterArg", -1)) >= 0:
            flags.append(f"filter {self.origin(input_id, int(call['filterArg']))}")
        return (
            f"{name}({'DISTINCT ' if 'distinct' in flags else ''}{args or '*'})"
            + "".join(f" [{f}]" for f in flags if f != "distinct")
            + f": {call.get('type', '?')}"
        )


def _function(internal: str) -> str:
    """``$COUNT$1`` -> ``COUNT``."""
    return internal.strip("$").split("$")[0] or internal


class Pairing:
    """The nodes of two plans paired by walking both graphs up from their sinks."""

    def __init__(self, old: Graph, new: Graph) -> None:
        self.old, self.new = old, new
        self.to_new: dict[int, int] = {}
        self.to_old: dict[int, int] = {}
        used: set[int] = set()
        for sink in old.sinks:  # a sink pairs with the sink of the same table (the first free one)
            match = next((s for s in new.sinks if s not in used and new.kind(s) == old.kind(sink)), None)
            if match is not None:
                used.add(match)
                self._walk(sink, match)
        for node_id in sorted(old.nodes):  # sources that no paired sink reaches: by their table
            if node_id not in self.to_new and not old.inputs[node_id] and table(old.nodes[node_id]):
                match = next(
                    (
                        n
                        for n in sorted(new.nodes)
                        if n not in self.to_old and not new.inputs[n] and new.kind(n) == old.kind(node_id)
                    ),
                    None,
                )
                if match is not None:
                    self._walk(node_id, match)

    def _walk(self, a: int, b: int) -> None:
        self.to_new[a], self.to_old[b] = b, a
        for x, y in zip(self.old.inputs[a], self.new.inputs[b], strict=False):
            self._align(x, y)

    def _align(self, a: int, b: int) -> None:
        """Pair ``a`` with ``b`` or with the first node above either that has the other's kind, skipping only
        stateless nodes (a filter added, a projection removed)."""
        while a not in self.to_new and b not in self.to_old:
            if self.old.kind(a) == self.new.kind(b):
                self._walk(a, b)
                return
            chain_a, chain_b = self.old.upstream_stateless(a), self.new.upstream_stateless(b)
            in_a = next((i for i, x in enumerate(chain_a) if self.old.kind(x) == self.new.kind(b)), None)
            in_b = next((i for i, y in enumerate(chain_b) if self.new.kind(y) == self.old.kind(a)), None)
            if in_a is not None and (in_b is None or in_a <= in_b):
                a = chain_a[in_a]
            elif in_b is not None:
                b = chain_b[in_b]
            elif len(chain_a) > 1 or len(chain_b) > 1:  # neither side has the other's kind: skip both
                a, b = chain_a[min(1, len(chain_a) - 1)], chain_b[min(1, len(chain_b) - 1)]
            else:
                return


def _state_names(node: dict[str, Any]) -> list[tuple[Any, Any]]:
    return [(s.get("index"), s.get("name")) for s in node.get("state") or []]


def compare(old: Graph, a: int, new: Graph, b: int) -> list[str]:
    """Why a paired stateful node's state would not mean the same in the new plan (empty: it would)."""
    x, y = old.nodes[a], new.nodes[b]
    reasons: list[str] = []
    if x["type"] != y["type"]:
        reasons.append(f"node type version {x['type']} -> {y['type']}")
    if _state_names(x) != _state_names(y):
        reasons.append(f"state {[n for _, n in _state_names(x)]} -> {[n for _, n in _state_names(y)]}")
    in_x = old.inputs[a][0] if old.inputs[a] else None
    in_y = new.inputs[b][0] if new.inputs[b] else None
    if "grouping" in x or "grouping" in y:
        key_x = [old.origin(in_x, g) for g in x.get("grouping") or []] if in_x is not None else []
        key_y = [new.origin(in_y, g) for g in y.get("grouping") or []] if in_y is not None else []
        if key_x != key_y:
            reasons.append(f"grouping key [{', '.join(key_x)}] -> [{', '.join(key_y)}]")
    if "aggCalls" in x or "aggCalls" in y:
        calls_x = [old._call(in_x, c) for c in x.get("aggCalls") or []] if in_x is not None else []
        calls_y = [new._call(in_y, c) for c in y.get("aggCalls") or []] if in_y is not None else []
        if calls_x != calls_y:
            reasons.append(f"aggregate calls [{'; '.join(calls_x)}] -> [{'; '.join(calls_y)}]")
    for key in sorted((set(x) | set(y)) - NOT_MEANING):
        if x.get(key) != y.get(key):
            reasons.append(f"{key} changed")
    return reasons


def pair(old_plan: dict[str, Any], new_plan: dict[str, Any]) -> list[Operator]:
    """Every operator of both plans: the pairs in the new plan's order, then the old plan's unpaired ones."""
    old, new = Graph(old_plan), Graph(new_plan)
    pairing = Pairing(old, new)
    operators: list[Operator] = []
    for b in sorted(new.nodes):
        y = new.nodes[b]
        a = pairing.to_old.get(b)
        if a is None:
            what = "starts empty" if stateful(y) else "new, holds no state"
            operators.append(Operator(_name(y), y["type"], Change.ADDED, stateful(y), what, None, b))
            continue
        x = old.nodes[a]
        if stateful(x) or stateful(y):
            reasons = compare(old, a, new, b)
            change = Change.CHANGED if reasons else Change.UNCHANGED
            reason = "; ".join(reasons) if reasons else "same state and meaning: its state is carried"
        else:
            moved = x["type"] != y["type"] or x.get("description") != y.get("description")
            change = Change.CHANGED if moved else Change.UNCHANGED
            reason = (
                f"{x.get('description', x['type'])} -> {y.get('description', y['type'])} (holds no state)"
                if moved
                else "holds no state"
            )
        operators.append(Operator(_name(y), y["type"], change, stateful(x) or stateful(y), reason, a, b))
    for a in sorted(old.nodes):
        if a not in pairing.to_new:
            x = old.nodes[a]
            what = "its state would be dropped" if stateful(x) else "removed, held no state"
            operators.append(Operator(_name(x), x["type"], Change.REMOVED, stateful(x), what, a, None))
    return operators


def _name(node: dict[str, Any]) -> str:
    return str(node.get("description") or node["type"])


def judge(old_plan: dict[str, Any], new_plan: dict[str, Any]) -> Judgement:
    """The verdict of two plans alone (services/jobs/preview.py adds what lies outside them: functions' jars,
    plans missing)."""
    operators = pair(old_plan, new_plan)
    reasons: list[str] = []
    for o in operators:
        if not o.stateful or o.change is Change.UNCHANGED:
            continue
        if o.change is Change.CHANGED:
            reasons.append(f"{o.name}: its state cannot be carried: {o.reason}")
        elif o.change is Change.REMOVED:
            reasons.append(f"{o.name}: removed, its state would be dropped")
        else:
            reasons.append(f"{o.name}: new, starts empty")
    if any(o.stateful and o.change is Change.CHANGED for o in operators):
        verdict = Verdict.INCOMPATIBLE
    elif any(o.stateful and o.change in (Change.ADDED, Change.REMOVED) for o in operators):
        verdict = Verdict.PARTIAL
    else:
        verdict = Verdict.COMPATIBLE
        reasons.append(ALL_CARRIED)
    return Judgement(verdict, reasons, operators)


def worst(*verdicts: Verdict) -> Verdict:
    """The verdict that decides: a certain incompatibility, then an unknown, then dropped or empty state."""
    order = [Verdict.INCOMPATIBLE, Verdict.UNKNOWN, Verdict.PARTIAL, Verdict.COMPATIBLE]
    return next(v for v in order if v in verdicts)


def keep_ids(earlier: list[dict[str, Any]], new_plan: dict[str, Any]) -> dict[str, Any]:
    """``new_plan`` renumbered so that its nodes keep the ids of their pairs in the earlier versions' plans
    (newest first; the newest with a fitting pair gives the id): an operator's uid is
    ``<node id>_<transformation>``, which savepoint state is matched by, so a node that keeps its id finds its
    state at restore. A stateful node whose state would not mean the same (``CHANGED``) and every node without
    a pair take ids that no earlier plan used, so no state an earlier version left behind is read into them."""
    new = Graph(new_plan)
    ids: dict[int, int] = {}
    for plan in earlier:
        old = Graph(plan)
        pairing = Pairing(old, new)
        for b in sorted(new.nodes):
            a = pairing.to_old.get(b)
            if b in ids or a is None or a in ids.values():
                continue
            if not ((stateful(old.nodes[a]) or stateful(new.nodes[b])) and compare(old, a, new, b)):
                ids[b] = a
    fresh = max([0, *(n["id"] for p in earlier for n in p.get("nodes", [])), *ids.values()]) + 1
    for b in sorted(new.nodes):
        if b not in ids:
            ids[b], fresh = fresh, fresh + 1
    renumbered: dict[str, Any] = json.loads(json.dumps(new_plan))
    for node in renumbered["nodes"]:
        node["id"] = ids[node["id"]]
    for edge in renumbered.get("edges", []):
        edge["source"], edge["target"] = ids[edge["source"]], ids[edge["target"]]
    return renumbered
