"""Who is calling: the key the Guard counts failed tokens and pairing requests under.

On 127.0.0.1 every caller has the same address, so the address tells nobody apart. What does is the
operating-system user that owns the caller's socket: another person logged in to the same computer (a
terminal server) is another user, and their failures must never lock out this user's browser.

On Linux the kernel says who owns the caller's end of the connection. It is asked for that one socket with
sock_diag (netlink, what ``ss`` uses: about 20 microseconds); where netlink is not allowed (some sandboxes)
the socket is found in /proc/net/tcp or tcp6 instead, which the kernel writes out in full for each read
(milliseconds on a machine with many connections). Elsewhere, or when the socket is gone (the caller closed
its end), the key is the ``Origin`` header or "no-origin": weaker, since a local program may send any
Origin, but it still keeps a script apart from the extension. A valid token is never keyed at all: the Guard
serves it without looking at any limit.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import struct
import sys
from typing import Any

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# linux/netlink.h, linux/sock_diag.h, linux/inet_diag.h
_NETLINK_SOCK_DIAG = 4
_SOCK_DIAG_BY_FAMILY = 20
_NLM_F_REQUEST = 1
_NLMSG_ERROR = 2
_NLMSG_HEADER = struct.Struct("=IHHII")  # length, type, flags, sequence, port id
# inet_diag_req_v2: family, protocol, extensions, pad, states; then inet_diag_sockid: source and destination
# port and address (network order), interface, cookie (none: ~0).
_DIAG_REQUEST = struct.Struct("=BBBxI")
_DIAG_SOCKID_PORTS = struct.Struct("!HH")
_DIAG_SOCKID_TAIL = struct.Struct("=III")
_NO_COOKIE = 0xFFFFFFFF
# inet_diag_msg: family, state, timer, retransmits (4), sockid (48), expires, rqueue, wqueue (12), uid, inode.
_DIAG_MSG_UID = 4 + 48 + 12
# /proc/net/tcp{,6} field indexes after splitting a line on whitespace (proc_net_tcp(5)).
_PROC_UID, _PROC_INODE = 7, 9


def _address(host: str) -> IPAddress:
    address = ipaddress.ip_address(host.split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # a dual-stack socket: the kernel keys it by the IPv4 address
    return address


def _uid_from_sock_diag(client: IPAddress, client_port: int, server: IPAddress, server_port: int) -> int | None:
    """Raises OSError when netlink cannot be used at all (the caller then reads /proc)."""
    family = socket.AF_INET if client.version == 4 else socket.AF_INET6
    request = (
        _DIAG_REQUEST.pack(family, socket.IPPROTO_TCP, 0, 0xFFFFFFFF)
        + _DIAG_SOCKID_PORTS.pack(client_port, server_port)
        + client.packed.ljust(16, b"\0")
        + server.packed.ljust(16, b"\0")
        + _DIAG_SOCKID_TAIL.pack(0, _NO_COOKIE, _NO_COOKIE)
    )
    header = _NLMSG_HEADER.pack(_NLMSG_HEADER.size + len(request), _SOCK_DIAG_BY_FAMILY, _NLM_F_REQUEST, 1, 0)
    with socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, _NETLINK_SOCK_DIAG) as link:
        link.settimeout(0.5)  # the kernel answers at once; never let the event loop hang on it
        link.sendto(header + request, (0, 0))
        reply = link.recv(8192)
    length, kind = struct.unpack_from("=IH", reply)
    if kind == _NLMSG_ERROR:
        code = -struct.unpack_from("=i", reply, _NLMSG_HEADER.size)[0]
        if code == errno.ENOENT:
            return None  # no such socket: the caller has gone
        raise OSError(code, "sock_diag refused the lookup")
    if kind != _SOCK_DIAG_BY_FAMILY or length < _NLMSG_HEADER.size + _DIAG_MSG_UID + 8:
        raise OSError(errno.EPROTO, "unexpected sock_diag reply")
    uid, inode = struct.unpack_from("=II", reply, _NLMSG_HEADER.size + _DIAG_MSG_UID)
    # inode 0: a socket no process holds any more (closed, in FIN_WAIT or TIME_WAIT): its uid means nothing.
    return uid if inode else None


def _proc_hex(address: IPAddress, port: int, table_version: int) -> str:
    """How /proc/net/tcp (IPv4) or tcp6 prints an address: 32-bit words in host byte order."""
    if table_version == 6 and address.version == 4:
        address = ipaddress.IPv6Address(b"\0" * 10 + b"\xff\xff" + address.packed)
    words = struct.unpack(f"={len(address.packed) // 4}I", address.packed)
    return "".join(f"{word:08X}" for word in words) + f":{port:04X}"


def _uid_from_proc(client: IPAddress, client_port: int, server: IPAddress, server_port: int) -> int | None:
    # An IPv4 caller is listed in tcp, or in tcp6 as ::ffff:a.b.c.d if it used a dual-stack IPv6 socket.
    for table, version in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 6)):
        if client.version > version:
            continue
        # The caller's own row: its address is the local side, ours the remote side.
        needle = f" {_proc_hex(client, client_port, version)} {_proc_hex(server, server_port, version)} ".encode()
        with open(table, "rb") as f:
            listing = f.read()
        at = listing.find(needle)
        while at != -1:
            start = listing.rfind(b"\n", 0, at) + 1
            end = listing.find(b"\n", at)
            fields = listing[start : end if end != -1 else len(listing)].split()
            if len(fields) > _PROC_INODE and int(fields[_PROC_INODE]) != 0:  # inode 0: see above
                return int(fields[_PROC_UID])
            at = listing.find(needle, at + 1)
    return None


def peer_uid(client: Any, server: Any) -> int | None:
    """The user id owning the caller's end of the connection ``client`` -> ``server`` (ASGI ``(host, port)``
    pairs, as in the scope), or None: not Linux, not a socket address, or no live socket found."""
    if sys.platform != "linux":  # only Linux has sock_diag and /proc/net: never touch them elsewhere
        return None
    try:
        (client_host, client_port), (server_host, server_port) = client, server
        ends = (_address(str(client_host)), int(client_port), _address(str(server_host)), int(server_port))
        if ends[0].version != ends[2].version:
            return None
        try:
            return _uid_from_sock_diag(*ends)
        except OSError:
            return _uid_from_proc(*ends)
    except (OSError, ValueError, TypeError, struct.error):  # no /proc, "testclient", a malformed reply
        return None


def caller_key(uid: int | None, origin: str | None) -> str:
    """The limit bucket of one caller: its OS user where known, else its Origin."""
    if uid is not None:
        return f"uid:{uid}"
    return f"origin:{origin}" if origin else "no-origin"
