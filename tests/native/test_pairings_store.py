"""The host's pairings in-process: the pair limit's minute on a clock the test moves (it slides; refused calls
do not stretch it), a broken count file costs the count and never the pairing, and a keyring that fails gets a
clear answer with no token rather than a second pairing."""

import pytest

from clientsafe.api.tokens import TokenStore
from clientsafe.native.host import Caller, handle
from clientsafe.native.pairings import NativePairings, RateLimited
from tests.native.test_messaging import CHROME_ID

CALLER = Caller("chromium", CHROME_ID)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def setup(tmp_path):
    store = TokenStore(use_keyring=False, file=tmp_path / "paired-browsers.json")
    clock = Clock()
    return store, clock, NativePairings(store, folder=tmp_path, per_minute=3, clock=clock)


def test_when_the_minute_has_passed_then_the_extension_may_pair_again(setup):
    _, clock, pairings = setup
    for _ in range(3):
        pairings.pair(CALLER)
        clock.now += 10
    with pytest.raises(RateLimited) as refused:
        pairings.pair(CALLER)
    assert refused.value.retry_after == 30  # the first of the three drops out of the minute in 30 s
    clock.now += 25
    with pytest.raises(RateLimited):  # refused calls are not counted, so they do not push the minute on
        pairings.pair(CALLER)
    clock.now += 5
    pairings.pair(CALLER)


def test_when_the_count_file_is_garbage_then_pairing_still_returns_the_same_pairing(setup, tmp_path):
    store, _, pairings = setup
    first = pairings.pair(CALLER)
    (tmp_path / "native-host.json").write_text("{not json")
    assert pairings.pair(CALLER) == first and len(store.list()) == 1


class LockedKeyring(TokenStore):
    """The token list as it behaves while the login keyring is locked: nothing can be read or written."""

    def list(self):
        raise RuntimeError("the keyring is locked")

    def issue(self, name):
        raise RuntimeError("the keyring is locked")


def test_when_the_keyring_fails_then_the_extension_gets_an_error_and_no_new_pairing(tmp_path):
    store = LockedKeyring(use_keyring=False, file=tmp_path / "paired-browsers.json")
    pairings = NativePairings(store, folder=tmp_path)
    reply = handle({"type": "pair"}, CALLER, frozenset({CHROME_ID}), pairings)
    assert reply["type"] == "error" and reply["error"] == "unavailable" and "token" not in reply
    assert "keyring" in reply["message"] and not (tmp_path / "paired-browsers.json").exists()
