"""The operator's limits and lists that requests and the reconciler apply (HLINK_PAGE_CAP, HLINK_TIME_ZONE,
HLINK_MAX_COLUMNS, HLINK_REQUEST_TIMEOUT, HLINK_LOGIN_MAX_FAILURES, HLINK_CLUSTER_ALLOW, HLINK_ALERT_ALLOW).

Made once from the settings by the app (:meth:`hlink.config.Settings.policy`), held by its
:class:`hlink.runtime.Runtime` and handed to what applies each: never a module global, so two apps in one
process keep their own. The defaults are the embedded ones (a service called without an app, as in a test).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import tzinfo

from hlink.services.allowlist import AllowList
from hlink.services.clock import ORIGINAL_ZONE


@dataclass(frozen=True)
class Policy:
    """What one running hlink allows."""

    #: the largest page anyone may ask for
    page_cap: int = 500
    #: the zone REST dates and generated job codes are written in (the original's GMT+8)
    zone: tzinfo = ORIGINAL_ZONE
    #: columns (nested ones included) one datasource may have: what GraphQL prices a datasource's columns at
    max_columns: int = 1000
    #: seconds one request (a GraphQL operation's answer included) may take; infinite for no limit
    request_seconds: float = math.inf
    #: failed sign-ins of one name within the window after which its sign-ins are refused
    login_max_failures: int = 10
    #: where clusters may live (loopback only by default)
    clusters: AllowList = field(default_factory=AllowList)
    #: where alerts may be sent (loopback only by default)
    alert_receivers: AllowList = field(default_factory=AllowList)
