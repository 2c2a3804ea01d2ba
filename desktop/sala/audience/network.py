"""Which of the laptop's addresses audience mode may listen on: local networks only.

Allowed: the private ranges of RFC 1918 (10/8, 172.16/12, 192.168/16: a laptop's own hotspot or a
venue's Wi-Fi), link-local 169.254/16 (two devices with no DHCP) and loopback (flagged, for the
laptop itself and tests). Anything else (a public address, a carrier's shared range, an
unspecified 0.0.0.0 that would listen everywhere) is never offered and never bound.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from dataclasses import dataclass

from sala.domain.errors import SalaError

_LAN = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"))
_LOOPBACK = ipaddress.ip_network("127.0.0.0/8")
_SIOCGIFADDR = 0x8915


@dataclass(frozen=True)
class LanAddress:
    interface: str
    ip: str
    loopback: bool = False

    @property
    def link_local(self) -> bool:
        return ipaddress.ip_address(self.ip).is_link_local


class NotLocalAddressError(SalaError):
    def __init__(self, ip: str) -> None:
        super().__init__(f"{ip} ไม่ใช่ที่อยู่ของเครือข่ายภายใน Sala จะไม่เปิดให้เข้าจากที่อยู่นี้",
                         f"{ip} is not a local network address; Sala will not listen on it")


def is_allowed(ip: str) -> bool:
    """A private, link-local or loopback IPv4 address (a host address, not a range or 0.0.0.0)."""
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    if not isinstance(addr, ipaddress.IPv4Address) or addr.is_unspecified:
        return False
    return addr in _LOOPBACK or any(addr in n for n in _LAN)


def check_bindable(ip: str) -> str:
    """``ip`` itself if it may be bound; raises :class:`NotLocalAddressError` otherwise."""
    if not is_allowed(ip):
        raise NotLocalAddressError(ip)
    return ip


def lan_addresses() -> list[LanAddress]:
    """The laptop's addresses on local networks (loopback last), each once."""
    found: list[LanAddress] = []
    for name, ip in _interface_addresses():
        if is_allowed(ip) and all(a.ip != ip for a in found):
            found.append(LanAddress(name, ip, ipaddress.ip_address(ip) in _LOOPBACK))
    if all(not a.loopback for a in found):
        found.append(LanAddress("lo", "127.0.0.1", True))
    return sorted(found, key=lambda a: (a.loopback, a.link_local, a.interface, a.ip))


def _interface_addresses() -> list[tuple[str, str]]:
    if sys.platform.startswith("linux"):
        try:
            return _linux_addresses()
        except OSError:
            pass
    return _portable_addresses()


def _linux_addresses() -> list[tuple[str, str]]:
    """Each interface's IPv4 address by the SIOCGIFADDR ioctl (no extra package)."""
    import fcntl

    out: list[tuple[str, str]] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _index, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(sock.fileno(), _SIOCGIFADDR, struct.pack("256s", name.encode()[:15]))
            except OSError:
                continue  # no IPv4 address on this interface (down, or IPv6 only)
            out.append((name, socket.inet_ntoa(packed[20:24])))
    return out


def _portable_addresses() -> list[tuple[str, str]]:
    """Windows and macOS: the host name's addresses, and the one the default route would use
    (a UDP socket's ``connect`` sends nothing)."""
    out: list[tuple[str, str]] = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            out.append(("?", str(info[4][0])))
    except OSError:
        pass
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                out.append(("?", sock.getsockname()[0]))
        except OSError:
            continue
    return out
