"""`clientsafe native-host` as the browser runs it: an allowed extension pairs with no step for the person,
and the token it gets works against the real running service; anyone else gets nothing."""

import json
import os
import struct
import subprocess
import sys

import requests

from tests.native.test_messaging import CHROME_ID
from tests.serving import wait_until_serving

OTHER_ID = "ponmlkjihgfedcbaponmlkjihgfedcba"


def env_for(tmp_path):
    return {
        **os.environ,
        "CLIENTSAFE_HOME": str(tmp_path),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "CLIENTSAFE_EXTENSION_IDS": f"{CHROME_ID},clientsafe@example.org",
    }


def talk(env, argv, messages, raw=b""):
    """Run the host as a browser would and return its replies, its exit status and stderr."""
    stdin = b"".join(struct.pack("=I", len(b)) + b for b in (json.dumps(m).encode() for m in messages)) + raw
    proc = subprocess.run(
        [sys.executable, "-m", "clientsafe", "native-host", *argv],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=60,
    )
    replies, out = [], proc.stdout
    while out:
        (length,) = struct.unpack("=I", out[:4])
        replies.append(json.loads(out[4 : 4 + length]))
        out = out[4 + length :]
    return replies, proc.returncode, proc.stderr.decode()


def start_service(env, tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "clientsafe", "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        return proc, wait_until_serving(proc, tmp_path)
    except AssertionError:
        proc.kill()
        raise


def test_when_the_deployed_extension_asks_to_pair_then_its_token_works_against_the_service(tmp_path):
    env = env_for(tmp_path)
    proc, port = start_service(env, tmp_path)
    try:
        replies, status, err = talk(env, [f"chrome-extension://{CHROME_ID}/"], [{"type": "ping"}, {"type": "pair"}])
        assert status == 0, err
        assert replies[0]["type"] == "pong" and replies[0]["port"] == port
        paired = replies[1]
        assert paired["type"] == "paired" and paired["port"] == port and len(paired["token"]) >= 43
        verdict = requests.post(
            f"http://127.0.0.1:{port}/v1/check",
            json={"text": "my client Jose Quintero relapsed again", "site": "x", "account": "personal"},
            headers={"Authorization": f"Bearer {paired['token']}"},
            timeout=10,
        )
        assert verdict.status_code == 200 and verdict.json()["action"] == "block"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    listed = subprocess.run(
        [sys.executable, "-m", "clientsafe", "pair", "list"], env=env, capture_output=True, text=True, timeout=60
    )
    assert "(IT)" in listed.stdout and paired["id"] in listed.stdout  # the person can see and revoke it


def test_when_the_service_is_not_running_then_the_token_comes_without_a_port(tmp_path):
    replies, status, _ = talk(env_for(tmp_path), [f"chrome-extension://{CHROME_ID}/"], [{"type": "pair"}])
    assert status == 0 and replies[0]["type"] == "paired" and replies[0]["port"] is None


def test_firefox_extension_id_is_accepted_when_deployed(tmp_path):
    argv = ["/usr/lib/mozilla/native-messaging-hosts/org.clientsafe.native.json", "clientsafe@example.org"]
    replies, status, _ = talk(env_for(tmp_path), argv, [{"type": "pair"}])
    assert status == 0 and replies[0]["type"] == "paired"


def test_when_another_extension_asks_then_no_token_is_issued(tmp_path):
    env = env_for(tmp_path)
    replies, status, _ = talk(env, [f"chrome-extension://{OTHER_ID}/"], [{"type": "pair"}])
    assert status == 0 and replies == [
        {"type": "error", "error": "origin_not_allowed", "message": replies[0]["message"]}
    ]
    assert "token" not in replies[0]
    assert not (tmp_path / "data" / "paired-browsers.json").exists()  # nothing was written


def test_when_started_without_a_browser_origin_then_pairing_is_refused(tmp_path):
    replies, _, _ = talk(env_for(tmp_path), [], [{"type": "pair"}])
    assert replies[0]["error"] == "origin_not_allowed"


def test_when_the_frame_is_garbage_then_the_host_answers_once_and_exits(tmp_path):
    replies, status, _ = talk(env_for(tmp_path), [f"chrome-extension://{CHROME_ID}/"], [], raw=b"\x03\x00\x00\x00abc")
    assert status == 1 and replies[0]["error"] == "bad_message"


def test_an_unknown_message_type_gets_a_clear_answer_and_the_host_keeps_going(tmp_path):
    replies, status, _ = talk(
        env_for(tmp_path), [f"chrome-extension://{CHROME_ID}/"], [{"type": "nope"}, {"type": "ping"}]
    )
    assert status == 0 and replies[0]["error"] == "unknown_type" and replies[1]["type"] == "pong"
