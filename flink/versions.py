"""What differs between the Flink versions hlink drives: configuration key names and request shapes.

hlink writes today's names (Flink 1.20 introduced them and 2.x kept only them). The tests run on real 1.20.5
and 2.3.0 clusters; a cluster older than 1.20 (not supported, not tested) is sent the names it knew, a best
effort. Both 1.20 and 2.x read a restore's claim mode from the run request's ``claimMode`` field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: today's key → the name Flink releases before 1.20 read
_BEFORE_1_20 = {
    "execution.checkpointing.dir": "state.checkpoints.dir",
    "execution.checkpointing.savepoint-dir": "state.savepoints.dir",
    "execution.checkpointing.storage": "state.checkpoint-storage",
    "execution.state-recovery.path": "execution.savepoint.path",
    "execution.state-recovery.ignore-unclaimed-state": "execution.savepoint.ignore-unclaimed-state",
}
_NUMBERS = re.compile(r"^(\d+)\.(\d+)(?:\.(\d+))?")


@dataclass(frozen=True, order=True)
class FlinkVersion:
    """A cluster's Flink version, as ``GET /config`` reports it."""

    major: int
    minor: int
    patch: int = 0

    @classmethod
    def parse(cls, text: str | None) -> FlinkVersion:
        """``2.3.0`` → (2, 3, 0); an unreadable version is taken as the newest this hlink knows."""
        found = _NUMBERS.match((text or "").strip())
        if found is None:
            return NEWEST
        return cls(int(found.group(1)), int(found.group(2)), int(found.group(3) or 0))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def keys(self, settings: dict[str, str]) -> dict[str, str]:
        """``settings`` (written with today's key names) under the names this version reads."""
        if self >= FlinkVersion(1, 20):
            return dict(settings)
        return {_BEFORE_1_20.get(key, key): value for key, value in settings.items()}


NEWEST = FlinkVersion(2, 3, 0)
