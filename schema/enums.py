"""The documented integer codes (DOMAIN.md's dictionaries) as GraphQL enums.

Each Python value is the stored code, so rows convert with ``Enum(code)`` (schema/types.py ``from_row``) and inputs
back with ``.value`` (resolvers/convert.py): the REST layer keeps the ints, GraphQL shows names."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, IntEnum
from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition

E = TypeVar("E", bound=type[Enum])


def described(description: str, **meanings: str) -> Callable[[E], E]:
    """``strawberry.enum`` with a description for each value (plain members keep ``.value`` typed as the stored
    code or name for mypy, which ``strawberry.enum_value`` would not)."""

    def wrap(cls: E) -> E:
        strawberry.enum(cls, description=description)
        definition: StrawberryEnumDefinition = cls.__strawberry_definition__  # type: ignore[attr-defined]
        missing = {v.name for v in definition.values} - meanings.keys()
        if missing:
            raise TypeError(f"{cls.__name__}: describe {sorted(missing)}")
        for value in definition.values:
            value.description = meanings[value.name]
        return cls

    return wrap


@described(
    "How a cluster's job managers elect their leader.",
    NONE="One job manager, no high availability: a job the cluster no longer lists is lost.",
    ZOOKEEPER="Several job managers electing a leader through ZooKeeper.",
    KUBERNETES="Several job managers electing a leader through Kubernetes.",
)
class HaType(Enum):
    NONE = "NONE"
    ZOOKEEPER = "ZOOKEEPER"
    KUBERNETES = "KUBERNETES"


@described(
    "What kind of cluster a job runs on (only session clusters reachable over REST run).",
    LOCAL="A local cluster (code 0).",
    STANDALONE="A standalone session cluster (code 1, the default).",
    YARN="A YARN session cluster (code 2).",
    YARN_PER="YARN per-job (code 3; not run by hlink).",
)
class ClusterType(IntEnum):
    LOCAL = 0
    STANDALONE = 1
    YARN = 2
    YARN_PER = 3


@described(
    "A job's status as the documented API counts it; Flink's own state name is kept beside it.",
    NOT_RUNNING="Never run, or ended with nothing left on Flink (code 0).",
    RUNNING="Running on Flink, or restarting there (code 1).",
    CANCELLED="Cancelled or stopped (code 2).",
    FAILED="Failed on Flink, or its submission failed (code 3).",
    SUBMITTING="Being submitted to Flink (code 9).",
)
class JobStatus(IntEnum):
    NOT_RUNNING = 0
    RUNNING = 1
    CANCELLED = 2
    FAILED = 3
    SUBMITTING = 9


@described(
    "What a job runs.",
    SQL="Flink SQL built from the job's mapping (code 0).",
    JAR="An uploaded jar's entry class (code 1).",
)
class JobType(IntEnum):
    SQL = 0
    JAR = 1


@described(
    "The format a datasource's schema was given in.",
    JSON="A JSON Schema or a JSON sample (code 0, the default).",
    AVRO="An Avro schema (code 1).",
)
class SchemaType(IntEnum):
    JSON = 0
    AVRO = 1


@described(
    "Whether a datasource's columns are flat or nested.",
    FLAT="Top-level columns only (code 0, the default).",
    NESTED="Columns with ROW and ARRAY<ROW> children (code 1).",
)
class StructureType(IntEnum):
    FLAT = 0
    NESTED = 1


@described(
    "The notion of time a SQL job's tables use.",
    INGESTION_TIME="Ingestion time (code 0).",
    PROCESSING_TIME="Processing time (code 1, the default).",
    EVENT_TIME="Event time, from the columns marked eventTime (code 2).",
)
class TimeType(IntEnum):
    INGESTION_TIME = 0
    PROCESSING_TIME = 1
    EVENT_TIME = 2


@described(
    "Flink's checkpointing guarantee.",
    EXACTLY_ONCE="Exactly once (code 0, the default).",
    AT_LEAST_ONCE="At least once (code 1).",
)
class CheckpointMode(IntEnum):
    EXACTLY_ONCE = 0
    AT_LEAST_ONCE = 1


@described(
    "What happens to externalized checkpoints when the job is cancelled.",
    RETAIN_ON_CANCELLATION="They are kept (code 0, the default).",
    DELETE_ON_CANCELLATION="They are deleted (code 1).",
)
class CheckpointCleanupMode(IntEnum):
    RETAIN_ON_CANCELLATION = 0
    DELETE_ON_CANCELLATION = 1


@described(
    "Where a job keeps its state and checkpoints.",
    MEMORY="Heap state, checkpoints in the job manager (code 0).",
    FS="Heap state, checkpoints on a file system (code 1).",
    ROCKSDB="RocksDB state (code 2).",
)
class StateBackend(IntEnum):
    MEMORY = 0
    FS = 1
    ROCKSDB = 2


@described(
    "How Flink restarts a failed job.",
    NO_RESTART="Never (code 0, the default).",
    FIXED_DELAY="A fixed number of attempts, a delay apart (code 1).",
    FAILURE_RATE="While failures stay under a rate (code 2).",
)
class RestartStrategy(IntEnum):
    NO_RESTART = 0
    FIXED_DELAY = 1
    FAILURE_RATE = 2
