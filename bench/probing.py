"""How fast a hostile page can learn who is on the client roster through the extension, before issue 13 and now.

    python bench/probing.py [--names 30] [--before COMMIT]

In Debian's Chromium (Playwright) with the unpacked extension paired to a real ClientSafe service whose checker has
the test roster (tests/data/roster.csv), on a look-alike mastodon.social page with one composer per candidate name
(a feed of reply boxes). A script in the page's own world does what an attacker's would: it puts "Happy birthday
<name>!" into every composer at once (through React's value setter and an input event, and a synthetic paste),
then watches for anything ClientSafe lets slip that says "held" or "client" (any data-* value, the text of
anything it added that the page can open) for up to 5 seconds. Printed for the extension at --before (default: the
last commit before issue 13's extension work) and for this checkout, in the same run: clients learned, strangers
wrongly taken for clients, names a second, and the checks the page made the service spend.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from common import ORG, ROOT

sys.path.insert(0, str(ROOT))
from clientsafe.api.config import ServiceConfig
from clientsafe.api.server import bind, build_server
from clientsafe.api.tokens import TokenStore
from clientsafe.checker import Checker, OrgProfile
from clientsafe.roster.importer import import_roster
from clientsafe.roster.keys import RosterKey
from clientsafe.roster.match import Roster
from tests.browser.conftest import CHROMIUM, chromium_args
from tests.e2e.conftest import extension_copy

BEFORE = "4671d1b"  # main before issue 13's extension work (the verdict was in data-clientsafe)
CLIENTS = ["Keisha Brown", "Hope Williams", "Eve Martin"]
STRANGERS = [
    "Jordan Lee", "Sam Carter", "Priya Nair", "Tom Becker", "Ana Lima", "Leo Park", "Mia Stone", "Omar Haddad",
    "Lucy Grant", "Ivan Petrov", "Nina Rossi", "Paul Dubois", "Sara Kim", "Ben Adler", "Chloe Martin", "Diego Ruiz",
    "Emma Stone", "Felix Wong", "Grace Hall", "Hugo Silva", "Iris Novak", "Jack Reed", "Kara Singh", "Liam Ward",
    "Maya Cohen", "Noah Price", "Olga Ivanova",
]  # fmt: skip

PROBE = """async (names) => {
  const boxes = [...document.querySelectorAll('textarea')];
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  const said = (box) => [
    ...[box, ...box.closest('article').querySelectorAll('*')].flatMap((el) => [...el.attributes]
      .filter((a) => a.name.startsWith('data-')).map((a) => a.value)),
  ];
  const slipped = () => [...document.querySelectorAll('clientsafe-mark, clientsafe-frame, #clientsafe-panel')]
    .map((h) => h.shadowRoot?.textContent || '').join(' ');
  const start = performance.now();
  names.forEach((name, i) => {
    setter.call(boxes[i], `Happy birthday ${name}!`);
    boxes[i].dispatchEvent(new Event('input', { bubbles: true }));
    const data = new DataTransfer();
    data.setData('text/plain', '');
    boxes[i].dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const decided = new Map();
  while (performance.now() - start < 5000 && decided.size < names.length) {
    await new Promise((r) => setTimeout(r, 25));
    names.forEach((name, i) => {
      if (decided.has(name)) return;
      const values = said(boxes[i]);
      if (values.some((v) => /^(stop|caution)$/.test(v))) decided.set(name, [true, performance.now() - start]);
      else if (values.some((v) => v === 'clear')) decided.set(name, [false, performance.now() - start]);
    });
  }
  const last = Math.max(0, ...[...decided.values()].map((d) => d[1]));
  return { learned: [...decided].filter(([, d]) => d[0]).map(([n]) => n), decided: decided.size,
           seconds: (decided.size ? last : performance.now() - start) / 1000,
           slipped: /client|serves|breach/i.test(slipped()) };
}"""


def feed(count: int) -> str:
    posts = "".join(
        f"""<article role="article"><p>Post {i}</p><form class="compose-form">
        <textarea class="autosuggest-textarea__textarea" aria-label="Reply"></textarea>
        <button type="submit">Reply</button></form></article>"""
        for i in range(count)
    )
    return f"""<!doctype html><html><body><main>{posts}</main>
    <script>document.addEventListener('submit', (e) => e.preventDefault(), true);</script></body></html>"""


def extension_at(commit: str | None, target: Path) -> str:
    """The extension of ``commit`` (None: this checkout) in ``target``, its id pinned by a generated key."""
    if commit is None:
        return extension_copy(target)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "extension"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target.parent / "unpacked", filter="data")
    return extension_copy(target, source=target.parent / "unpacked" / "extension")


def service(folder: Path):
    key = RosterKey(use_keyring=False, file=folder / "roster-key")
    import_roster(ROOT / "tests" / "data" / "roster.csv", file=folder / "roster.bin", key=key)
    checker = Checker(org=OrgProfile.load(ORG), roster=Roster(folder / "roster.bin", key))
    checker.check("warm up", "personal", "mastodon")
    tokens = TokenStore(use_keyring=False, file=folder / "paired.json")
    _, token = tokens.issue("bench")
    sock = bind(0)
    config = ServiceConfig(port=sock.getsockname()[1])
    server = build_server(checker, sock, tokens=tokens, config=config)
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, config, token


def probe(pw, commit: str | None, names: list[str], server, config: ServiceConfig, token: str) -> dict:
    folder = Path(tempfile.mkdtemp())
    ext_id = extension_at(commit, folder / "extension")
    config.allowed_origins = frozenset({f"chrome-extension://{ext_id}"})
    args = [
        "--ignore-certificate-errors",
        "--host-resolver-rules=MAP mastodon.social 127.0.0.1",
        f"--disable-extensions-except={folder / 'extension'}",
        f"--load-extension={folder / 'extension'}",
    ]
    context = pw.chromium.launch_persistent_context(
        str(folder / "profile"), executable_path=CHROMIUM, headless=False, args=chromium_args(args)
    )
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    worker.evaluate("(s) => chrome.storage.local.set(s)", {"port": config.port, "token": token})
    html = feed(len(names))
    context.route(
        "https://mastodon.social/home", lambda route: route.fulfill(status=200, content_type="text/html", body=html)
    )
    page = context.new_page()
    page.goto("https://mastodon.social/home")
    page.wait_for_timeout(1500)  # the content script has found the composers
    checks = len(server.config.app.app.state.recent_checks)
    result = page.evaluate(PROBE, names)
    page.wait_for_timeout(500)
    result["checks"] = len(server.config.app.app.state.recent_checks) - checks
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=30, help="candidate names (3 clients, the rest strangers)")
    parser.add_argument("--before", default=BEFORE, help="the commit whose extension is the 'before'")
    args = parser.parse_args()
    names = (CLIENTS + STRANGERS)[: max(args.names, len(CLIENTS))]
    server, config, token = service(Path(tempfile.mkdtemp()))
    with sync_playwright() as pw:
        for label, commit in ((f"before issue 13 ({args.before})", args.before), ("this checkout", None)):
            r = probe(pw, commit, names, server, config, token)
            clients = [n for n in r["learned"] if n in CLIENTS]
            wrong = [n for n in r["learned"] if n not in CLIENTS]
            rate = len(clients) / r["seconds"] if r["seconds"] else 0.0
            decided = r["decided"] / r["seconds"] if r["seconds"] else 0.0
            print(
                f"{label}: {len(names)} names in one page, {len(clients)} of {len(CLIENTS)} clients learned "
                f"({len(wrong)} strangers wrongly), {r['decided']} names decided in {r['seconds']:.2f} s "
                f"({decided:.1f} names/s, {rate:.1f} clients/s); panel text readable: {r['slipped']}; "
                f"checks the page made the service spend: {r['checks']}"
            )
    server.should_exit = True


if __name__ == "__main__":
    main()
