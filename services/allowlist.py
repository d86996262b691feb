"""Which addresses may be clusters (HLINK_CLUSTER_ALLOW): hlink sends scripts, secrets included, and jars to a
cluster, so nothing is registered or asked at an address that configuration does not allow.

Loopback is always allowed; the setting adds hosts by name (``flink-jm``, or ``*.flink.internal`` for a
domain) and networks by CIDR (``10.20.0.0/16``, an address alone is one host). A name is matched as written,
never resolved: a name that resolves somewhere else later would otherwise be a way around the list.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
LOOPBACK: tuple[Network, ...] = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


@dataclass(frozen=True)
class AllowList:
    """Networks and host names clusters may live at."""

    networks: tuple[Network, ...] = LOOPBACK
    names: frozenset[str] = field(default_factory=lambda: frozenset({"localhost"}))

    @classmethod
    def parse(cls, entries: Iterable[str], setting: str = "HLINK_CLUSTER_ALLOW") -> AllowList:
        """Loopback plus ``entries`` (CIDRs, addresses, names, ``*.domain``); ValueError names a bad entry."""
        networks: list[Network] = list(LOOPBACK)
        names = {"localhost"}
        for raw in entries:
            entry = raw.strip().lower()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
                continue
            except ValueError:
                pass
            if not _plain_name(entry.removeprefix("*.")):
                raise ValueError(f"{setting}: {raw!r} is neither a CIDR, an address nor a host name")
            names.add(entry)
        return cls(tuple(networks), frozenset(names))

    def allows_host(self, host: str) -> bool:
        host = host.strip("[]").lower()
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            if not _plain_name(host):  # a backslash, ; or %00 in a name reaches the resolver as something else
                return False
            return host in self.names or any(n.startswith("*.") and host.endswith(n[1:]) for n in self.names)
        return any(address in network for network in self.networks)

    def allows(self, url: str) -> bool:
        """Whether the REST address ``url`` is at an allowed host."""
        try:
            host = urlsplit(url.strip()).hostname
        except ValueError:
            return False
        return host is not None and self.allows_host(host)

    def describe(self) -> str:
        shown = [str(n) for n in self.networks] + sorted(self.names)
        return ", ".join(shown)


def _plain_name(name: str) -> bool:
    """A host name of ASCII letters, digits and hyphens between dots, nothing else."""
    return bool(name) and all(
        part and part.isascii() and all(c.isalnum() or c == "-" for c in part) for part in name.split(".")
    )
