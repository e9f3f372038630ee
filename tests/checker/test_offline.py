"""Nothing leaves the machine: a cold start and a round of checks open no connection beyond loopback.

The checks run in a fresh interpreter with socket connections and DNS look-ups guarded, so the lazy
imports and first-use initialisation (spaCy, Presidio, tldextract) are covered, not just warm calls.
"""

import json
import subprocess
import sys
import textwrap

GUARD = textwrap.dedent(
    """
    import json, socket, sys
    attempts = []
    LOOPBACK = ("127.", "::1", "localhost")

    def _blocked(host):
        return not str(host).startswith(LOOPBACK)

    _connect = socket.socket.connect
    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if _blocked(host):
            attempts.append(str(host))
            raise OSError("network disabled by test")
        return _connect(self, address)
    socket.socket.connect = connect
    socket.socket.connect_ex = lambda self, address: (connect(self, address), 0)[1]

    _getaddrinfo = socket.getaddrinfo
    def getaddrinfo(host, *args, **kwargs):
        if host is not None and _blocked(host):
            attempts.append(str(host))
            raise socket.gaierror("network disabled by test")
        return _getaddrinfo(host, *args, **kwargs)
    socket.getaddrinfo = getaddrinfo
    """
)

CHECKS = textwrap.dedent(
    """
    from clientsafe.checker import Checker
    checker = Checker()
    posts = [
        "Email rosa.m@gmail.com or visit https://example.org/help",
        "my client Jose relapsed, call him at 541-555-0187",
        "Medicaid ID PX48291753 and SSN 421-70-6384",
    ]
    actions = [checker.check(p).action for p in posts]
    print(json.dumps({"attempts": attempts, "actions": actions}))
    """
)


def run(script):
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_when_checking_posts_from_a_cold_start_then_no_network_connection_is_attempted():
    out = run(GUARD + CHECKS)
    assert out["attempts"] == []
    assert out["actions"] == ["allow", "block", "block"]


def test_the_guard_catches_a_library_that_does_reach_out():
    # tldextract's default extractor fetches the public suffix list on first use: exactly what
    # ClientSafe must never trigger. If the guard missed this, the test above would prove nothing.
    script = GUARD + textwrap.dedent(
        """
        import tempfile, tldextract
        extract = tldextract.TLDExtract(cache_dir=tempfile.mkdtemp())
        extract("someone@example.co.uk".split("@")[1])
        print(json.dumps({"attempts": attempts}))
        """
    )
    assert run(script)["attempts"] != []
