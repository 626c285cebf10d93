"""Which addresses the watcher may connect to: public (global unicast) addresses, plus the networks a source's
configuration allows (`allow_networks`, `--allow-network`).

The check runs where the connection is made: `GuardedBackend.connect_tcp` (an httpcore network backend, the layer
httpx opens its sockets through) resolves the name itself, refuses the connection when any of its addresses is not
permitted, and connects to the checked address, never to the name. So a feed cannot make the server fetch an
internal URL, whether the URL names the address, a name that resolves to it, or a redirect that leads there (every
redirect hop is a new request, so a new connection, so a new check); and a name that resolves differently a moment
later (DNS rebinding) cannot slip past, because the address checked is the address used. TLS still verifies the
certificate against the URL's host name, which httpcore passes to the TLS handshake separately.
"""

from __future__ import annotations

import ipaddress
import socket
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
httpcore_socket_option = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]


class AddressRefused(Exception):
    """A request was about to reach an address the policy does not permit; no connection was attempted."""

    def __init__(self, host: str, address: str, why: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused to connect to {host} ({address}): {why}; list its network in allow_networks")


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """CIDRs ("127.0.0.0/8", "10.1.0.0/16", "::1/128") to networks; ValueError names the bad one."""
    networks: list[IPNetwork] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(str(value).strip(), strict=True))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a network in CIDR form (e.g. 10.0.0.0/8): {exc}") from None
    return tuple(networks)


def _why_forbidden(address: IPAddress) -> str | None:
    """Why an address is not public, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _why_forbidden(address.ipv4_mapped)
    for test, why in (
        (address.is_loopback, "loopback address"),
        (address.is_link_local, "link-local address"),
        (address.is_private, "private address"),
        (address.is_unspecified, "unspecified address"),
        (address.is_multicast, "multicast address"),
        (address.is_reserved, "reserved address"),
    ):
        if test:
            return why
    if not address.is_global:  # e.g. 100.64.0.0/10, shared address space
        return "not a public address"
    return None


@dataclass(frozen=True)
class NetworkPolicy:
    """Public addresses, and the `allowed` networks besides."""

    allowed: tuple[IPNetwork, ...] = ()

    def refusal(self, address: IPAddress) -> str | None:
        """None when `address` may be reached, else why not."""
        if any(address in network for network in self.allowed):
            return None
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            if any(address.ipv4_mapped in network for network in self.allowed):
                return None
        return _why_forbidden(address)

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for `host`, all checked; raises AddressRefused when any is forbidden (a name
        that resolves to a public and a private address is refused as a whole)."""
        bare = host.strip("[]")
        try:
            literal: IPAddress | None = ipaddress.ip_address(bare)
        except ValueError:
            literal = None
        if literal is not None:
            found: Sequence[IPAddress] = [literal]
        else:
            try:
                infos = socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM)
            except socket.gaierror as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
            found = list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
        if not found:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        for address in found:
            why = self.refusal(address)
            if why is not None:
                raise AddressRefused(host, str(address), why)
        return [str(a) for a in found]


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the policy permits (see the module's note)."""

    def __init__(self, policy: NetworkPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore_socket_option] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.policy.addresses(host, port)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last
