"""One pairing per deployed extension, however often the host is asked, and a limit on how often: the host run
as the browser runs it, a new process for every message (Chrome's ``sendNativeMessage``)."""

import os
import subprocess
import sys

import pytest

from clientsafe.api.tokens import TokenStore
from tests.native.test_messaging import CHROME_ID
from tests.native.test_native_host import OTHER_ID, env_for, talk

SECOND_ID = "bcdefghijklmnopabcdefghijklmnopa"  # a second extension the organisation deployed
FIREFOX_ID = "clientsafe@example.org"
FIREFOX_ARGV = ["/usr/lib/mozilla/native-messaging-hosts/org.clientsafe.native.json", FIREFOX_ID]
LIMIT = 6  # pairs a minute per extension, as shared/native-messaging.md promises


def chrome(ext_id=CHROME_ID):
    return [f"chrome-extension://{ext_id}/"]


def deployed_env(tmp_path):
    env = env_for(tmp_path)
    env["CLIENTSAFE_EXTENSION_IDS"] += f",{SECOND_ID}"
    return env


def tokens(tmp_path):
    return TokenStore(use_keyring=False, file=tmp_path / "data" / "paired-browsers.json")


def pair_once(env, argv):
    replies, status, err = talk(env, argv, [{"type": "pair"}])
    assert status == 0, err
    return replies[0]


def test_when_the_extension_asks_again_then_it_gets_the_same_pairing_and_the_list_stays_at_one(tmp_path):
    env = deployed_env(tmp_path)
    replies, _, _ = talk(env, chrome(), [{"type": "pair"}, {"type": "pair"}])  # twice in one host
    replies += [pair_once(env, chrome()), pair_once(env, chrome())]  # and in hosts of their own
    assert all(r["type"] == "paired" for r in replies), replies
    assert len({r["token"] for r in replies}) == 1 and len({r["id"] for r in replies}) == 1
    store = tokens(tmp_path)
    assert [b.id for b in store.list()] == [replies[0]["id"]]
    assert store.list()[0].name == f"Chrome/Edge extension {CHROME_ID} (IT)"
    browser = store.verify(replies[0]["token"])
    assert browser is not None and browser.id == replies[0]["id"]


def test_each_deployed_extension_gets_its_own_pairing_and_an_unlisted_one_gets_nothing(tmp_path):
    env = deployed_env(tmp_path)
    callers = [chrome(), chrome(SECOND_ID), FIREFOX_ARGV]
    first = [pair_once(env, argv) for argv in callers]
    again = [pair_once(env, argv) for argv in callers]
    refused = pair_once(env, chrome(OTHER_ID))
    assert refused["type"] == "error" and refused["error"] == "origin_not_allowed" and "token" not in refused
    assert [r["token"] for r in first] == [r["token"] for r in again]
    assert len({r["token"] for r in first}) == 3
    store = tokens(tmp_path)
    assert sorted(b.id for b in store.list()) == sorted(r["id"] for r in first)  # three, not six or seven
    for reply in first:
        browser = store.verify(reply["token"])
        assert browser is not None and browser.id == reply["id"]


def test_beyond_the_limit_then_the_host_refuses_with_rate_limited_across_host_processes(tmp_path):
    env = deployed_env(tmp_path)
    for _ in range(LIMIT):
        assert pair_once(env, chrome())["type"] == "paired"
    refused = pair_once(env, chrome())  # a new process, as the browser would start
    assert refused["type"] == "error" and refused["error"] == "rate_limited" and "token" not in refused
    assert 0 < refused["retry_after"] <= 60 and str(refused["retry_after"]) in refused["message"]
    assert pair_once(env, chrome())["error"] == "rate_limited"  # still, from yet another process
    assert pair_once(env, chrome(SECOND_ID))["type"] == "paired"  # the limit is per extension
    replies, status, _ = talk(env, chrome(), [{"type": "ping"}])
    assert status == 0 and replies[0]["type"] == "pong"  # a ping is not a pair
    assert len(tokens(tmp_path).list()) == 2


def test_when_the_person_revokes_the_pairing_then_the_next_pair_makes_one_new_pairing(tmp_path):
    env = deployed_env(tmp_path)
    old = pair_once(env, chrome())
    revoked = subprocess.run(
        [sys.executable, "-m", "clientsafe", "pair", "revoke", old["id"]], env=env, capture_output=True, timeout=60
    )
    assert revoked.returncode == 0, revoked.stderr
    new, again = pair_once(env, chrome()), pair_once(env, chrome())
    assert new["token"] != old["token"] and again["token"] == new["token"] and again["id"] == new["id"]
    store = tokens(tmp_path)
    assert [b.id for b in store.list()] == [new["id"]]
    assert store.verify(old["token"]) is None and store.verify(new["token"]) is not None


def test_when_several_browsers_ask_at_the_same_moment_then_they_share_one_pairing(tmp_path):
    # Chrome profiles and Edge all carry the force-installed extension under the same ID and ask at startup.
    env = deployed_env(tmp_path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "clientsafe", "native-host", *chrome()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(LIMIT)
    ]
    frame = b'{"type": "pair"}'
    for p in procs:  # all of them asked before any answer is read
        p.stdin.write(len(frame).to_bytes(4, sys.byteorder) + frame)
        p.stdin.close()
    outs = [p.stdout.read() for p in procs]
    for p in procs:
        p.wait(timeout=60)
        p.stdout.close()
        p.stderr.close()
    assert all(p.returncode == 0 for p in procs)
    assert len({out[4:] for out in outs}) == 1  # the same reply, token and id, for all of them
    assert len(tokens(tmp_path).list()) == 1


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows keeps AppData private by its ACLs")
def test_without_a_keyring_the_kept_token_is_in_a_file_only_this_user_can_read(tmp_path):
    token = pair_once(deployed_env(tmp_path), chrome())["token"]
    kept = tmp_path / "data" / "native-pairings.json"
    assert token in kept.read_text() and kept.stat().st_mode & 0o777 == 0o600
    assert token not in (tmp_path / "data" / "paired-browsers.json").read_text()  # the list keeps hashes only
