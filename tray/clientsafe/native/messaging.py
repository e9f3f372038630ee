"""Chrome's (and Firefox's) native messaging framing: a 4-byte length in native byte order, then UTF-8 JSON.

https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-protocol
The browser sends at most 64 MiB to the host and accepts at most 1 MiB back. Our messages are tiny, so the host
refuses anything over ``MAX_INCOMING`` rather than read a browser's worth of memory.
"""

from __future__ import annotations

import json
import struct
from typing import IO, Any

MAX_INCOMING = 64 * 1024
MAX_OUTGOING = 1024 * 1024
_LENGTH = struct.Struct("=I")  # "=": native byte order, standard size (Chrome: "native byte order")


class FrameError(ValueError):
    """The stream does not hold a well-formed message; the host answers once and stops."""


def read_message(stream: IO[bytes]) -> dict[str, Any] | None:
    """The next message, or None when the browser closed the pipe (the normal way a host ends)."""
    header = stream.read(_LENGTH.size)
    if not header:
        return None
    if len(header) < _LENGTH.size:
        raise FrameError("truncated length prefix")
    (length,) = _LENGTH.unpack(header)
    if length > MAX_INCOMING:
        raise FrameError(f"message of {length} bytes is over the {MAX_INCOMING}-byte limit")
    body = stream.read(length)
    if len(body) < length:
        raise FrameError("truncated message")
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FrameError(f"message is not UTF-8 JSON ({e})") from None
    if not isinstance(message, dict):
        raise FrameError("message is not a JSON object")
    return message


def encode_message(message: dict[str, Any]) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_OUTGOING:
        raise FrameError("reply too large for the browser")
    return _LENGTH.pack(len(body)) + body


def write_message(stream: IO[bytes], message: dict[str, Any]) -> None:
    stream.write(encode_message(message))
    stream.flush()
