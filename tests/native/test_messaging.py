"""The native messaging framing: 4-byte native-order length + UTF-8 JSON, and the refusals."""

import io
import struct

import pytest

from clientsafe.native.host import caller_from_argv
from clientsafe.native.messaging import MAX_INCOMING, FrameError, encode_message, read_message

CHROME_ID = "abcdefghijklmnopabcdefghijklmnop"


def frame(body: bytes) -> bytes:
    return struct.pack("=I", len(body)) + body


def test_a_message_survives_the_round_trip_with_non_ascii_text():
    message = {"type": "pair", "note": "Josué 💙"}
    stream = io.BytesIO(encode_message(message) + encode_message({"type": "ping"}))
    assert read_message(stream) == message
    assert read_message(stream) == {"type": "ping"}
    assert read_message(stream) is None  # the browser closed the pipe


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"\x05\x00", "truncated length"),
        (frame(b'{"type": "pair"}')[:-3], "truncated message"),
        (frame(b"[1, 2]"), "not a JSON object"),
        (frame(b"\xff\xfe"), "not UTF-8 JSON"),
        (struct.pack("=I", MAX_INCOMING + 1) + b"{}", "over the"),
    ],
)
def test_when_the_frame_is_malformed_then_a_clear_error_is_raised(raw, why):
    with pytest.raises(FrameError, match=why):
        read_message(io.BytesIO(raw))


@pytest.mark.parametrize(
    ("argv", "browser", "ext_id"),
    [
        ([f"chrome-extension://{CHROME_ID}/"], "chromium", CHROME_ID),
        ([f"chrome-extension://{CHROME_ID}/", "--parent-window=0"], "chromium", CHROME_ID),
        (
            ["/usr/lib/mozilla/native-messaging-hosts/x.json", "clientsafe@example.org"],
            "firefox",
            "clientsafe@example.org",
        ),
    ],
)
def test_the_caller_is_read_from_what_each_browser_passes(argv, browser, ext_id):
    caller = caller_from_argv(argv)
    assert caller is not None and (caller.browser, caller.extension_id) == (browser, ext_id)


@pytest.mark.parametrize("argv", [[], ["chrome-extension://not-an-id/"], ["https://evil.example/"]])
def test_when_no_browser_started_the_host_then_there_is_no_caller(argv):
    assert caller_from_argv(argv) is None


@pytest.mark.parametrize("platform, where", [("darwin", "Contents/Resources"), ("win32", "Contents/MacOS")])
def test_the_frozen_app_reads_the_allowed_extensions_where_the_installer_puts_them(
    tmp_path, monkeypatch, platform, where
):
    """ClientSafe.app keeps the list under Contents/Resources (data in Contents/MacOS breaks code signing); other
    installers put it beside the executable."""
    from clientsafe.native import host

    executable = tmp_path / "Contents" / "MacOS" / "clientsafe"
    executable.parent.mkdir(parents=True)
    executable.write_bytes(b"")
    (tmp_path / where).mkdir(parents=True, exist_ok=True)
    (tmp_path / where / host.ALLOWED_FILE).write_text('{"chromium": ["' + "a" * 32 + '"]}', encoding="utf-8")
    monkeypatch.setattr(host.sys, "frozen", True, raising=False)
    monkeypatch.setattr(host.sys, "executable", str(executable))
    monkeypatch.setattr(host.sys, "platform", platform)
    monkeypatch.delenv("CLIENTSAFE_EXTENSION_IDS", raising=False)
    assert "a" * 32 in host.allowed_extension_ids()
