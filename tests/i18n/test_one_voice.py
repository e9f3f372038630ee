"""One voice for reasons: on every golden verdict, the command line, the tray's Check a draft window and the
browser's warning panel show the same title, message, teaching example and policy section (title and link), in
the same order, in English and in Spanish. Issue 16: the tray showed "Policy: hipaa-minimum-necessary" where the
browser showed the handbook's title.

The CLI runs in-process (``clientsafe.cli.main``) with the session's checker; the tray window is the real one
(pytest-qt, offscreen); the panel is extension/ui/panel.js in real Chromium, fed the verdict a real service
returned from POST /v1/check.
"""

from __future__ import annotations

import functools
import html.parser
import json
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import requests

from clientsafe.policy import Policy
from clientsafe.policy.declaration import defaults
from tests.api.conftest import start
from tests.browser.conftest import CHROMIUM, chromium_args
from tests.conftest import DATA, ROOT

CASES = json.loads((ROOT / "shared" / "golden" / "verdicts.json").read_text(encoding="utf-8"))
RISKY = [c for c in CASES if c["expect"]["action"] != "allow"]
# What each surface must show comes from the shared texts themselves, not from the renderer under test.
REASONS = json.loads((ROOT / "shared" / "reasons.json").read_text(encoding="utf-8"))
SECTIONS = json.loads((ROOT / "shared" / "policy_sections.json").read_text(encoding="utf-8"))
LANGS = ("en", "es")
# One section with the organisation's own page and no heading of its own (the handbook's title, translated, with
# the link), one with neither (the handbook's title alone).
LINKS = {"confidentiality-clients": {"url": "https://intranet.example.org/policy#4-2"}}


def _values(lang: str) -> dict:
    org = json.loads((DATA / "org_profile.json").read_text(encoding="utf-8"))
    return {**defaults(), "organisation": org, "language": lang, "policy_links": LINKS}


def _flat(text: str) -> str:
    return " ".join(text.split())


class Shown:
    """One golden case in one language, read straight from shared/reasons.json and shared/policy_sections.json."""

    def __init__(self, verdict, lang: str) -> None:
        self.reasons = []
        for r in verdict.reasons:
            texts = REASONS[r.code] if lang == "en" else {**REASONS[r.code], **REASONS[r.code][lang]}
            link = LINKS.get(r.policy_ref, {})
            self.reasons.append(
                {
                    "code": r.code,
                    "title": texts["title"],
                    "message": texts["message"],
                    "example": texts.get("example", ""),
                    "policy_title": SECTIONS[r.policy_ref][lang],
                    "url": link.get("url"),
                }
            )


def _pieces(shown: Shown) -> list[str]:
    """What a person must read for each reason, in order: title, message, example, policy section's title."""
    out = []
    for reason in shown.reasons:
        out += [reason["title"], reason["message"]]
        if reason["example"]:
            out.append(reason["example"])
        out.append(reason["policy_title"])
    return [_flat(p) for p in out]


def _links(shown: Shown) -> list[str]:
    return [r["url"] for r in shown.reasons if r["url"]]


def _in_order(haystack: str, pieces: list[str]) -> None:
    at = 0
    for piece in pieces:
        found = haystack.find(piece, at)
        assert found >= 0, f"{piece!r} missing (or out of order) in {haystack!r}"
        at = found + len(piece)


class _Anchors(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


@pytest.fixture(scope="module")
def expected(checker):
    """case name -> lang -> what every surface must show."""
    out: dict[str, dict] = {}
    for case in CASES:
        verdict = checker.check(case["input"]["text"], account=case["input"]["account"])
        out[case["name"]] = {lang: Shown(verdict, lang) for lang in LANGS}
    return out


def test_the_golden_cases_give_reasons_in_both_languages_that_differ(expected):
    risky = [name for name, by_lang in expected.items() if by_lang["en"].reasons]
    assert len(risky) == len(RISKY) >= 6
    assert any(r["url"] for name in risky for r in expected[name]["en"].reasons)  # a link is compared too
    for name in risky:
        en, es = expected[name]["en"], expected[name]["es"]
        for a, b in zip(en.reasons, es.reasons, strict=True):
            assert a["message"] != b["message"] and a["title"] != b["title"], a["code"]
            assert a["policy_title"] != b["policy_title"], a["code"]


def _banner(action: str, lang: str) -> str:
    from clientsafe.checker.explain import HEADLINES, VERDICT_WORD

    return f"{VERDICT_WORD[lang][action]}: {HEADLINES[lang][action]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_command_line_shows_the_explanation(case, lang, expected, checker, tmp_path, monkeypatch, capsys):
    from clientsafe.cli import check as cli_check
    from clientsafe.cli import main

    shown = expected[case["name"]][lang]
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(
        json.dumps({k: v for k, v in _values(lang).items() if k in ("organisation", "language", "policy_links")})
    )
    # The session's checker (same organisation): loading spaCy once per case would take minutes.
    monkeypatch.setattr(cli_check, "make_checker", lambda org, policy=None: checker)
    monkeypatch.setenv("NO_COLOR", "1")
    argv = ["check", "--org", str(policy_file), "--account", case["input"]["account"], case["input"]["text"]]
    main(argv)
    out = capsys.readouterr().out
    _in_order(_flat(out), _pieces(shown))
    for n, reason in enumerate(shown.reasons, 1):
        assert f"{n}. {reason['title']}" in out
    _in_order(out, [f"<{url}>" for url in _links(shown)])
    assert out.count("<https://") == len(_links(shown))
    if not shown.reasons:
        assert "\n1. " not in out
    assert out.startswith(_banner(case["expect"]["action"], lang))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_tray_check_a_draft_window_shows_the_explanation(case, lang, expected, checker, qtbot, monkeypatch):
    from clientsafe.ui import translate
    from clientsafe.ui.check_draft import CheckDraftWindow

    shown = expected[case["name"]][lang]
    # The tray's language, as translate.install(lang) sets it from the policy at start.
    monkeypatch.setattr(translate, "current", lambda: lang)
    policy = Policy(values=_values(lang))
    window = CheckDraftWindow(lambda text, account: checker.check(text, account=account), policy=lambda: policy)
    qtbot.addWidget(window)
    window.editor.setPlainText(case["input"]["text"])
    window.org_account.setChecked(case["input"]["account"] == "org")
    window.run_check()
    qtbot.waitUntil(lambda: window.verdict is not None, timeout=20_000)
    details = window.details.toPlainText()
    assert "confidentiality-" not in details and "hipaa-" not in details  # a section's title, never its id
    _in_order(_flat(details), _pieces(shown))
    anchors = _Anchors()
    anchors.feed(window.details.toHtml())
    assert anchors.hrefs == _links(shown)
    assert window.banner.text() == _banner(case["expect"]["action"], lang)


def _serve_extension():
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(ROOT / "extension"))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# The extension APIs the panel frame uses, standing in for the worker: panel-get answers with the spec the worker
# would hand this frame; the cached config carries the policy's language.
STUB = """
(() => {
  const spec = %s;
  globalThis.chrome = {
    runtime: {
      sendMessage: async (m) => (m && m.type === "panel-get" ? spec : null),
      getURL: (path) => location.origin + "/" + path,
    },
    storage: { local: { get: async () => ({ config: spec.config }) } },
  };
})();
"""


@pytest.fixture(scope="module")
def browser(browser_type):
    # The session's one Playwright (tests/conftest.py, which skips or fails loudly without Chromium): a second
    # sync_playwright() in the same process refuses to start once the first is running.
    server = _serve_extension()
    chromium = browser_type.launch(executable_path=CHROMIUM, headless=True, args=chromium_args())
    yield chromium, server.server_address[1]
    chromium.close()
    server.shutdown()


@pytest.fixture(scope="module")
def service(checker, tmp_path_factory):
    svc, server = start(checker, tmp_path_factory.mktemp("svc"))
    yield svc
    server.should_exit = True


@pytest.mark.packaging  # needs Chromium: the Windows and macOS jobs run -m 'not packaging'
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", RISKY, ids=[c["name"] for c in RISKY])  # an allowed post opens no panel
def test_the_browser_panel_shows_the_explanation(case, lang, expected, browser, service):
    shown = expected[case["name"]][lang]
    policy = Policy(values=_values(lang))
    service.app.app.state.policy = policy
    body = {"text": case["input"]["text"], "site": "facebook", "account": case["input"]["account"], "lang": "en-US"}
    verdict = requests.post(f"{service.base}/v1/check", json=body, headers=service.auth(), timeout=30).json()
    spec = {
        "kind": "verdict",
        "verdict": verdict,
        "text": case["input"]["text"],
        "account": case["input"]["account"],
        "rule": {"canSend": True, "needsReason": True},
        "config": {**policy.extension_config()},
    }
    chromium, port = browser
    page = chromium.new_page()
    try:
        page.add_init_script(STUB % json.dumps(spec))
        page.goto(f"http://127.0.0.1:{port}/ui/panel.html#{'a' * 32}")
        page.wait_for_selector(".box li")
        items = page.locator("#d > li")
        texts = _flat(" ".join(items.all_inner_texts()))
        _in_order(texts, _pieces(shown))
        assert [_flat(t) for t in page.locator("#d > li > .title").all_inner_texts()] == [
            _flat(r["title"]) for r in shown.reasons
        ]
        assert page.locator("#d a[href]").evaluate_all("as => as.map((a) => a.href)") == _links(shown)
        assert "confidentiality-" not in texts and "hipaa-" not in texts
        assert page.evaluate("document.documentElement.lang") == lang
    finally:
        page.close()


SPANISH_DRAFT = "¡Qué orgullo de María, de nuestro refugio juvenil 💙! Acaba de salir del hospital otra vez."


def test_a_spanish_draft_in_the_spanish_tray_is_explained_in_spanish(checker, qtbot, tmp_path):
    """With the tray in Spanish (translate.install, as the policy's language makes it at start), the whole window
    speaks Spanish. With CLIENTSAFE_SCREENSHOTS=1 it is the README's screenshot (docs/screenshots/check-draft-es.png).
    """
    from clientsafe.ui import translate
    from clientsafe.ui.check_draft import CheckDraftWindow

    installed = translate.install("es")
    try:
        policy = Policy(values=_values("es"))
        window = CheckDraftWindow(lambda text, account: checker.check(text, account=account), policy=lambda: policy)
        qtbot.addWidget(window)
        window.editor.setPlainText(SPANISH_DRAFT)
        window.run_check()
        qtbot.waitUntil(lambda: window.verdict is not None, timeout=20_000)
        assert window.verdict.action in ("warn", "block")
        assert window.banner.text() == _banner(window.verdict.action, "es")
        shown = Shown(window.verdict, "es")
        _in_order(_flat(window.details.toPlainText()), _pieces(shown))
        window.resize(640, 720)
        window.show()
        qtbot.waitExposed(window)
        shots = ROOT / "docs" / "screenshots" if os.environ.get("CLIENTSAFE_SCREENSHOTS") == "1" else tmp_path
        assert window.grab().save(str(shots / "check-draft-es.png"))
        assert installed or not (ROOT / "tray" / "clientsafe" / "ui" / "translations" / "clientsafe_es.qm").exists()
    finally:
        translate.install("en")
