"""Connector forms (what a user fills in per role and connector) and the Flink options a filled form becomes.

The forms follow DOMAIN.md (the original's field names, so old clients keep working) plus hlink's additions:
jdbc (PostgreSQL), datagen, filesystem, print and blackhole, whose fields are named by their Flink option keys.
Options are today's keys of the official connectors (kafka / upsert-kafka, jdbc, hbase-2.2, datagen,
filesystem, print, blackhole); HTTP and Redis side tables produce options for a lookup connector the user
installs on the cluster, named by the form's ``connector`` field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hlink.services.checks import Checks
from hlink.services.errors import NotFound

WHERE = "jsonFieldVO.jsonValue"
#: a field name that is a Flink option key (has a dot or dash): passed through as an extra option
_OPTION_KEY = re.compile(r"^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)+$")


@dataclass(frozen=True)
class Choice:
    """One option of a combobox; ``union_fields`` apply when it is chosen."""

    name: str
    d_name: str
    union_fields: tuple[FormField, ...] = ()


@dataclass(frozen=True)
class FormField:
    """One field of a connector form (the original's attributes, plus a numeric range)."""

    field_name: str
    label: str
    type: str = "inputfield"  # inputfield | textfield | numberfield | combobox
    required: bool = False
    default: str | None = None
    options: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = 1024
    pattern: str | None = None  # a value must start like this (e.g. jdbc:mysql://)
    shape: str | None = None  # a regular expression the whole value must match (then tips shows an example)
    tips: str = ""
    describe: str = ""
    hidden: bool = False
    read_only: bool = False
    multiple: bool = False
    key: str | None = None  # the Flink option the value becomes; None: not an option, or built specially
    unit: str = ""  # appended to the value in the option ("s", "ms")


Values = dict[str, str]
Extra = Callable[[Values], dict[str, str]]


@dataclass(frozen=True)
class Form:
    """The form of one connector in one role and how its values become WITH options."""

    ds_type: str
    table_type: str
    connector: str  # the Flink connector identifier ('' when a form field names it)
    fields: tuple[FormField, ...]
    extra: Extra | None = None
    builtin: bool = False  # ships with Flink (datagen, filesystem, print, blackhole)

    def active_fields(self, values: Mapping[str, str]) -> list[FormField]:
        """The form's fields plus the union fields of each chosen option."""
        active: list[FormField] = []
        for f in self.fields:
            active.append(f)
            chosen = values.get(f.field_name, f.default or "")
            for choice in f.options:
                if choice.name == chosen:
                    active.extend(choice.union_fields)
        return active


def _num(name: str, label: str, default: str | None, lo: float, hi: float, **kw: Any) -> FormField:
    return FormField(name, label, "numberfield", default=default, minimum=lo, maximum=hi, **kw)


def _combo(name: str, label: str, default: str, choices: Iterable[Choice | str], **kw: Any) -> FormField:
    options = tuple(c if isinstance(c, Choice) else Choice(c, c) for c in choices)
    return FormField(name, label, "combobox", default=default, options=options, **kw)


# -- shared pieces ------------------------------------------------------------------------------------------

WATERMARK = _num(
    "watermark_delay",
    "Watermark delay (s)",
    "5",
    0,
    86400,
    describe="how far event time lags: WATERMARK ... - INTERVAL",
)
FORMAT = _combo("format", "Format", "json", ("json", "csv", "avro"), required=True, key="format")
CACHE = _combo(
    "cacheType",
    "Lookup cache",
    "none",
    (
        Choice("none", "none"),
        Choice(
            "W_TinyLFU",
            "W-TinyLFU (partial cache)",
            (
                _num("initialCapacity", "Initial capacity", "1000", 1, 10_000_000, describe="kept for old clients"),
                _num(
                    "maximumSize",
                    "Maximum rows",
                    "100000",
                    1,
                    100_000_000,
                    required=True,
                    key="lookup.partial-cache.max-rows",
                ),
                _num(
                    "expireAfterWrite",
                    "Expire after write (s)",
                    "60",
                    1,
                    86400 * 30,
                    required=True,
                    key="lookup.partial-cache.expire-after-write",
                    unit="s",
                ),
            ),
        ),
    ),
    required=True,
)


def _cache(values: Values) -> dict[str, str]:
    return {"lookup.cache": "PARTIAL" if values.get("cacheType") == "W_TinyLFU" else "NONE"}


def _kafka_source(values: Values) -> dict[str, str]:
    extra: dict[str, str] = {}
    offsets = values.get("partition_offset")
    if values.get("startup_mode") == "specific-offsets" and offsets:
        pairs = [p.split(",") for p in offsets.split(";") if p.strip()]
        extra["scan.startup.specific-offsets"] = ";".join(f"partition:{a.strip()},offset:{b.strip()}" for a, b in pairs)
    if values.get("ignore_parse_errors") == "true" and values.get("format") in ("json", "csv"):
        extra[f"{values['format']}.ignore-parse-errors"] = "true"
    return extra


def _upsert_kafka(options: dict[str, str], values: Values) -> None:
    """A Kafka table with a primary key is an upsert-kafka table: key and value formats, no partitioner."""
    options["connector"] = "upsert-kafka"
    fmt = options.pop("format", values.get("format", "json"))
    options.pop("sink.partitioner", None)
    options["key.format"] = fmt
    options["value.format"] = fmt


KAFKA_COMMON = (
    FormField(
        "bootstrap_servers",
        "Bootstrap servers",
        required=True,
        key="properties.bootstrap.servers",
        tips="host1:9092,host2:9092",
    ),
    FormField("connector_topic", "Topic", required=True, key="topic"),
)


def _jdbc_sink(vendor: str, prefix: str, driver: str) -> Form:
    return Form(
        "sink",
        vendor,
        "jdbc",
        (
            FormField("connector_url", "JDBC URL", required=True, key="url", pattern=prefix, tips=f"{prefix}host/db"),
            FormField("table_name", "Table", required=True, key="table-name"),
            FormField("connector_username", "User", required=True, key="username"),
            FormField("connector_password", "Password", required=True, key="password"),
            _num(
                "write_max_rows",
                "Flush after rows",
                "5000",
                1,
                1_000_000,
                required=True,
                key="sink.buffer-flush.max-rows",
            ),
            _num("write_interval", "Flush interval (s)", "1", 0, 3600, key="sink.buffer-flush.interval", unit="s"),
            _num("max_retries", "Max retries", "3", 0, 100, key="sink.max-retries"),
            FormField("driver", "Driver", default=driver, key="driver", read_only=True, hidden=True),
        ),
    )


def _jdbc_side(vendor: str, prefix: str, driver: str) -> Form:
    return Form(
        "side",
        vendor,
        "jdbc",
        (
            FormField("url", "JDBC URL", required=True, key="url", pattern=prefix, tips=f"{prefix}host/db"),
            FormField("table", "Table", required=True, key="table-name"),
            FormField("user", "User", required=True, key="username"),
            FormField("password", "Password", required=True, key="password"),
            _num("max_retries", "Lookup retries", "3", 0, 100, key="lookup.max-retries"),
            _num(
                "connection_timeout",
                "Connection retry timeout (s)",
                "60",
                1,
                3600,
                key="connection.max-retry-timeout",
                unit="s",
            ),
            FormField("driver", "Driver", default=driver, key="driver", read_only=True, hidden=True),
            CACHE,
        ),
        extra=_cache,
    )


FORMS: tuple[Form, ...] = (
    Form(
        "source",
        "kafka",
        "kafka",
        (
            *KAFKA_COMMON,
            FormField("group_id", "Consumer group", required=True, key="properties.group.id"),
            _combo(
                "startup_mode",
                "Start from",
                "latest-offset",
                (
                    Choice("earliest-offset", "earliest offset"),
                    Choice("latest-offset", "latest offset"),
                    Choice("group-offsets", "the group's committed offsets"),
                    Choice(
                        "specific-offsets",
                        "specific offsets",
                        (
                            FormField(
                                "partition_offset",
                                "Partition offsets",
                                required=True,
                                tips="0,42;1,300",
                                shape=r"\d+,\d+(;\d+,\d+)*;?",
                            ),
                        ),
                    ),
                    Choice(
                        "timestamp",
                        "a timestamp",
                        (
                            _num(
                                "startup_timestamp",
                                "Start timestamp (ms)",
                                None,
                                0,
                                10**14,
                                required=True,
                                key="scan.startup.timestamp-millis",
                            ),
                        ),
                    ),
                ),
                required=True,
                key="scan.startup.mode",
            ),
            FORMAT,
            _combo("ignore_parse_errors", "Skip malformed records", "false", ("false", "true")),
            WATERMARK,
            FormField("zookeeper_connect", "ZooKeeper", hidden=True, describe="kept for old clients; Kafka ignores it"),
        ),
        extra=_kafka_source,
    ),
    Form(
        "sink",
        "kafka",
        "kafka",
        (
            *KAFKA_COMMON,
            _combo(
                "sink_partitioner",
                "Partitioner",
                "round-robin",
                ("default", "round-robin", "fixed"),
                key="sink.partitioner",
            ),
            FORMAT,
        ),
    ),
    Form("side", "kafka", "upsert-kafka", (*KAFKA_COMMON, FORMAT)),
    _jdbc_sink("mysql", "jdbc:mysql://", "com.mysql.cj.jdbc.Driver"),
    _jdbc_sink("oracle", "jdbc:oracle:", "oracle.jdbc.OracleDriver"),
    _jdbc_sink("jdbc", "jdbc:postgresql://", "org.postgresql.Driver"),
    _jdbc_side("mysql", "jdbc:mysql://", "com.mysql.cj.jdbc.Driver"),
    _jdbc_side("oracle", "jdbc:oracle:", "oracle.jdbc.OracleDriver"),
    _jdbc_side("jdbc", "jdbc:postgresql://", "org.postgresql.Driver"),
    Form(
        "sink",
        "hbase",
        "hbase-2.2",
        (
            FormField("connector_table_name", "HBase table", required=True, key="table-name"),
            FormField("connector_zookeeper_quorum", "ZooKeeper quorum", required=True, key="zookeeper.quorum"),
            FormField("znode_parent", "ZooKeeper parent node", default="/hbase", key="zookeeper.znode.parent"),
            FormField(
                "write_buffer_flush_max_size", "Flush after size", default="2mb", key="sink.buffer-flush.max-size"
            ),
            _num("max_rows", "Flush after rows", "1000", 1, 1_000_000, required=True, key="sink.buffer-flush.max-rows"),
            FormField("interval", "Flush interval", default="2s", key="sink.buffer-flush.interval"),
        ),
    ),
    Form(
        "side",
        "http",
        "",
        (
            FormField(
                "connector",
                "Lookup connector",
                required=True,
                default="http",
                key="connector",
                describe="the identifier of the HTTP lookup connector installed on the cluster",
            ),
            FormField("requestUrl", "Request URL", required=True, key="url", pattern="http"),
            _num("timeOut", "Timeout (ms)", "5000", 1, 600_000, required=True, key="timeout", unit="ms"),
            _combo("charSet", "Charset", "utf-8", ("utf-8", "gbk"), required=True, key="charset"),
            CACHE,
        ),
        extra=_cache,
    ),
    Form(
        "side",
        "redis",
        "",
        (
            FormField(
                "connector",
                "Lookup connector",
                required=True,
                default="redis",
                key="connector",
                describe="the identifier of the Redis lookup connector installed on the cluster",
            ),
            FormField("host", "Host", required=True, key="host"),
            _num("port", "Port", "6379", 1, 65535, required=True, key="port"),
            FormField("password", "Password", key="password"),
            _num("database", "Database", "0", 0, 255, key="database"),
            CACHE,
        ),
        extra=_cache,
    ),
    Form(
        "source",
        "datagen",
        "datagen",
        (
            _num("rows-per-second", "Rows per second", "10", 1, 10_000_000, key="rows-per-second"),
            _num("number-of-rows", "Rows in all (empty: unbounded)", None, 1, 10**15, key="number-of-rows"),
            WATERMARK,
        ),
        builtin=True,
    ),
    Form(
        "source",
        "filesystem",
        "filesystem",
        (
            FormField("path", "Path", required=True, key="path", tips="file:///data/in or hdfs://..."),
            _combo("format", "Format", "json", ("json", "csv"), required=True, key="format"),
            FormField(
                "source.monitor-interval",
                "Watch for new files every",
                key="source.monitor-interval",
                tips="10 s; empty: read once",
            ),
            WATERMARK,
        ),
        builtin=True,
    ),
    Form(
        "sink",
        "filesystem",
        "filesystem",
        (
            FormField("path", "Path", required=True, key="path"),
            _combo("format", "Format", "json", ("json", "csv"), required=True, key="format"),
            FormField(
                "sink.rolling-policy.rollover-interval",
                "Roll files every",
                key="sink.rolling-policy.rollover-interval",
                tips="30 min",
            ),
        ),
        builtin=True,
    ),
    Form(
        "sink",
        "print",
        "print",
        (
            FormField("print-identifier", "Line prefix", key="print-identifier"),
            _combo("standard-error", "Print to stderr", "false", ("false", "true"), key="standard-error"),
        ),
        builtin=True,
    ),
    Form("sink", "blackhole", "blackhole", (), builtin=True),
)
_BY_KEY = {(f.ds_type, f.table_type): f for f in FORMS}


def get_form(ds_type: str | None, table_type: str | None) -> Form:
    """The form of a connector in a role, or NotFound naming what hlink has."""
    form = form_of(ds_type, table_type)
    if form is None:
        known = ", ".join(f.table_type for f in FORMS if f.ds_type == ds_type)
        raise NotFound("connector form", f"{ds_type}/{table_type}" + (f" (for {ds_type}: {known})" if known else ""))
    return form


def form_fields(form: Form) -> list[dict[str, Any]]:
    """The whole form with the original's attribute names, in order; a field without a default carries ``""``
    as its default and value, as the original's templates did (its pages bind inputs to them)."""
    return [_blank_defaults(field_dict(f, i)) for i, f in enumerate(form.fields)]


def _blank_defaults(field: dict[str, Any]) -> dict[str, Any]:
    for key in ("defaultValue", "fieldValue"):
        if field[key] is None:
            field[key] = ""
    for option in field["option"]:
        option["unionFields"] = [_blank_defaults(u) for u in option["unionFields"]]
    return field


def form_of(ds_type: str | None, table_type: str | None) -> Form | None:
    """The form of a connector in a role, if hlink has one."""
    return _BY_KEY.get((ds_type or "", table_type or ""))


def values_of(properties: Iterable[Mapping[str, Any]]) -> Values:
    """fieldName → value (as text) of a filled form; empty values are left out."""
    values: Values = {}
    for p in properties:
        name, value = p.get("fieldName"), p.get("fieldValue")
        if isinstance(name, str) and value is not None and str(value).strip() != "":
            values[name] = str(value).strip()
    return values


def check_form(checks: Checks, form: Form, properties: Iterable[Mapping[str, Any]]) -> None:
    """Required fields (and required sub-fields of the chosen option), choices, numbers in range; each error
    names its field as ``jsonFieldVO.jsonValue.<fieldName>``."""
    values = values_of(properties)
    known: set[str] = set()
    for f in form.active_fields(values):
        known.add(f.field_name)
        where = f"{WHERE}.{f.field_name}"
        value = values.get(f.field_name, f.default)
        if value is None or value == "":
            if f.required:
                checks.add(where, f"{f.label} is required")
            continue
        if f.options and value not in {c.name for c in f.options}:
            checks.add(where, f"must be one of {', '.join(c.name for c in f.options)}")
        elif f.type == "numberfield":
            _check_number(checks, where, f, value)
        if f.max_length is not None and len(value) > f.max_length:
            checks.add(where, f"must be at most {f.max_length} characters")
        if f.pattern and not value.startswith(f.pattern):
            checks.add(where, f"must start with {f.pattern}")
        if f.shape and not re.fullmatch(f.shape, value):
            checks.add(where, f"must look like {f.tips}")
    for f in form.fields:  # union fields of options not chosen are known too
        for choice in f.options:
            known.update(u.field_name for u in choice.union_fields)
    for name in values:
        if name not in known and not _OPTION_KEY.match(name):
            checks.add(f"{WHERE}.{name}", f"is not a field of the {form.table_type} {form.ds_type} form")


def _check_number(checks: Checks, where: str, f: FormField, value: str) -> None:
    try:
        number = float(value)
    except ValueError:
        checks.add(where, f"must be a number, got {value!r}")
        return
    if (f.minimum is not None and number < f.minimum) or (f.maximum is not None and number > f.maximum):
        checks.add(where, f"must be between {f.minimum:g} and {f.maximum:g}")


def connector_options(
    form: Form | None, table_type: str, properties: Iterable[Mapping[str, Any]], pk: bool
) -> dict[str, str]:
    """The WITH options of a filled form; fields named like option keys pass through as extra options."""
    values = values_of(properties)
    if form is None:  # a connector hlink has no form for: every field is an option, as given
        return {"connector": table_type, **{k: v for k, v in values.items() if k != "watermark_delay"}}
    options: dict[str, str] = {"connector": form.connector} if form.connector else {}
    active = form.active_fields(values)
    for f in active:
        value = values.get(f.field_name, f.default)
        if f.key and value not in (None, ""):
            options[f.key] = f"{value} {f.unit}".strip() if f.unit else str(value)
    if form.extra is not None:
        options.update(form.extra(values))
    known = {f.field_name for f in active}
    options.update({k: v for k, v in values.items() if k not in known and _OPTION_KEY.match(k)})
    if form.table_type == "kafka" and (pk or form.ds_type == "side"):
        _upsert_kafka(options, values)
    return options


def watermark_delay(properties: Iterable[Mapping[str, Any]], default: int = 5) -> int:
    """Seconds the watermark lags event time (the form's watermark_delay)."""
    value = values_of(properties).get("watermark_delay", "")
    return int(float(value)) if re.fullmatch(r"\d+(\.\d+)?", value) else default


def filled_form(form: Form | None, properties: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A stored form as the detail view shows it: every field of the form with the original's attributes and
    its stored ``fieldValue`` (None when not filled in: the default applies), union fields inside their
    options; stored fields the form does not have (extra Flink options) follow as plain text fields."""
    stored = _stored_values(properties)
    fields = form.fields if form is not None else ()
    known = {f.field_name for f in fields} | {u.field_name for f in fields for c in f.options for u in c.union_fields}
    # a stored field the form lacks is described as free text, so every item has the same attributes
    loose = tuple(FormField(name, name, max_length=None) for name in stored if name not in known)
    return [field_dict(f, i, stored) for i, f in enumerate((*fields, *loose))]


def _stored_values(properties: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """fieldName → fieldValue exactly as stored (unlike :func:`values_of`, empty values are kept)."""
    return {
        str(p["fieldName"]): p.get("fieldValue")
        for p in properties
        if isinstance(p, Mapping) and isinstance(p.get("fieldName"), str)
    }


def flatten_form(properties: list[Any]) -> list[Any]:
    """A form sent back as the detail view shows it carries the union fields' values inside ``option[]``: they
    become top-level entries (what the checks and the options read) unless the top level names them already,
    and the option trees (the form's own, rebuilt on every read) are not kept."""
    names = {p.get("fieldName") for p in properties if isinstance(p, dict)}
    flat: list[Any] = []
    lifted: list[dict[str, Any]] = []
    for p in properties:
        if not isinstance(p, dict):
            flat.append(p)  # left for the caller's checks to name
            continue
        flat.append({k: v for k, v in p.items() if k != "option"})
        for u in _union_entries(p.get("option")):
            if u["fieldName"] not in names and u.get("fieldValue") not in (None, ""):
                names.add(u["fieldName"])
                lifted.append({"fieldName": u["fieldName"], "fieldValue": u["fieldValue"]})
    return [*flat, *lifted]


def _union_entries(options: Any) -> list[dict[str, Any]]:
    """The union field entries (with a fieldName) under a sent field's ``option`` list."""
    return [
        u
        for choice in (options if isinstance(options, list) else [])
        if isinstance(choice, dict) and isinstance(choice.get("unionFields"), list)
        for u in choice["unionFields"]
        if isinstance(u, dict) and isinstance(u.get("fieldName"), str)
    ]


def field_dict(f: FormField, sequence: int, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One form field with the original's attribute names (label, fieldName, type, option[...] ...); its
    ``fieldValue`` is the default (an empty form) or, given stored ``values``, what was stored."""
    return {
        "label": f.label,
        "fieldName": f.field_name,
        "type": f.type,
        "required": f.required,
        "sequence": sequence,
        "minLength": f.min_length,
        "maxLength": f.max_length,
        "min": f.minimum,
        "max": f.maximum,
        "defaultValue": f.default,
        "mustStartWith": f.pattern,
        "mustMatch": f.shape,
        "readOnly": f.read_only,
        "hidden": f.hidden,
        "tips": f.tips,
        "describe": f.describe,
        "fieldValue": f.default if values is None else values.get(f.field_name),
        "multiple": f.multiple,
        "option": [
            {
                "name": c.name,
                "dName": c.d_name,
                "hasUnion": bool(c.union_fields),
                "unionFields": [field_dict(u, i, values) for i, u in enumerate(c.union_fields)],
            }
            for c in f.options
        ],
    }
