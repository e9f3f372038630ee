"""The Practice window driven like a person would (keyboard and mouse), the audit record after a round, the
organisation's policy link, Spanish, the tray's menu entry and its reminder. With CLIENTSAFE_SCREENSHOTS=1 the
screenshots go to docs/screenshots/ (practice.png, practice-es.png) for the README."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from clientsafe.audit import AuditReader, AuditStore
from clientsafe.policy import PolicyStore
from clientsafe.policy.declaration import DEFAULT_POLICY_TITLES
from clientsafe.practice.schema import ANSWERS
from clientsafe.ui.practice_window import PracticeWindow
from clientsafe.ui.qt import Qt
from tests.qt.conftest import make_tray

ROOT = Path(__file__).resolve().parents[2]
POLICY_URL = "https://intranet.example.org/policy#confidentiality"


def _shots(tmp_path: Path) -> Path:
    if os.environ.get("CLIENTSAFE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


@pytest.fixture
def policy(home, tmp_path, monkeypatch):
    """A real policy in force: the system file links every section to the organisation's intranet and adds one
    example of its own; a practice round every 6 months."""
    system = tmp_path / "system-policy.json"
    refs = ["confidentiality-clients", "hipaa-minimum-necessary", "media-consent", "social-media-boundaries"]
    refs += ["review-replies", "confidentiality-minors", "safety-locations"]
    own = {
        "id": "org-ex-1", "lang": "en", "kind": "post", "site": "facebook", "account": "org",
        "role": "Front desk", "context": "The Page, Friday afternoon.", "text": "Our office closes at 3pm today.",
        "answer": "fine", "reason": "Opening hours are public.", "rewrite": None,
        "policy_section": "community_standards", "incident_kind": "routine announcement",
    }  # fmt: skip
    system.write_text(
        json.dumps(
            {
                "policy_links": {
                    ref: {"url": POLICY_URL, "title": f"§ {n}. {DEFAULT_POLICY_TITLES[ref]}"}
                    for n, ref in enumerate(refs, start=3)
                },
                "community_standards_url": "https://example.org/community-standards",
                "practice_examples": [own],
                "training_interval_months": 6,
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(system))
    return PolicyStore().load()


@pytest.fixture
def store(home):
    with AuditStore(home / "data" / "audit.sqlite3", retention_days=0) as audit:
        yield audit


def _window(qtbot, policy, store, lang="en", seed=1) -> PracticeWindow:
    window = PracticeWindow(policy=lambda: policy, store=lambda: store, lang=lang, rng=random.Random(seed))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _plain(scenario) -> bool:
    """No emoji (the test machine's offscreen platform has no emoji font: the screenshot would show boxes)."""
    return all(ord(c) < 0x2600 for c in scenario.context + scenario.text + (scenario.rewrite or ""))


def _press(qtbot, window, key) -> None:
    qtbot.keyClick(window.focusWidget(), key)


def test_when_a_round_is_answered_by_keyboard_then_the_score_is_recorded_without_answers(qtbot, policy, store):
    window = _window(qtbot, policy, store)
    assert len(window.round) == 12
    assert any(s.id == "org-ex-1" for s in window.round)  # the organisation's own example comes round
    wrong = 0
    for n, scenario in enumerate(window.round, start=1):
        assert window.progress.text() == f"{n} of 12"
        assert window.post.text() and window.post.isVisible()
        # The first choice has the focus; Tab moves along Fine, Needs a second look, Must not post; Space presses.
        assert window.focusWidget() is window.buttons["fine"]
        target = scenario.answer if n > 2 else next(a for a in ANSWERS if a != scenario.answer)
        wrong += target != scenario.answer
        for _ in range(ANSWERS.index(target)):
            _press(qtbot, window, Qt.Key.Key_Tab)
        assert window.focusWidget() is window.buttons[target]
        _press(qtbot, window, Qt.Key.Key_Space)
        assert window.verdict.isVisible() and window.reason.text() == scenario.reason
        assert window.verdict.text().startswith("Right." if target == scenario.answer else "Not quite.")
        assert window.focusWidget() is window.next_button
        _press(qtbot, window, Qt.Key.Key_Space)
    assert window.result is not None and window.result.correct == 12 - wrong
    summary = window.summary.text()
    assert "You chose the right answer for 10 of 12." in summary
    assert "Recorded for your organisation (no answers are stored)." in summary
    assert window.ticket.wait(10) and window.ticket.accepted
    rows = AuditReader(store.path).recent(kind="training_completed")
    assert [(r.reason, r.action, r.suggestions, r.finding_types) for r in rows] == [
        ("10/12", "passed", 12, ("lang_en",))
    ]
    assert window.again.isVisible()


def test_when_answered_by_mouse_then_reason_rewrite_and_the_organisations_policy_link_show(
    qtbot, policy, store, tmp_path
):
    window = _window(qtbot, policy, store, seed=3)
    # Find a scenario with a rewrite whose section the organisation links (all but Community Standards here).
    current = window.current
    while current.rewrite is None or current.policy_section == "community_standards" or not _plain(current):
        qtbot.mouseClick(window.buttons[window.current.answer], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        current = window.current
    scenario = window.current
    qtbot.mouseClick(window.buttons["must_not"], Qt.MouseButton.LeftButton)
    assert not any(b.isEnabled() for b in window.buttons.values())  # one answer per scenario
    label = "What to do instead:" if scenario.kind == "friend_request" else "A safer version:"
    assert window.rewrite.isVisible() and window.rewrite.text() == f"{label} {scenario.rewrite}"
    assert f'href="{POLICY_URL}"' in window.policy_link.text()
    assert window.policy_link.openExternalLinks()
    window.grab().save(str(_shots(tmp_path) / "practice.png"))


def test_when_the_organisation_has_no_link_then_the_handbook_text_is_shown(qtbot, home, store):
    window = _window(qtbot, None, store, seed=4)
    scenario = window.current
    qtbot.mouseClick(window.buttons[scenario.answer], Qt.MouseButton.LeftButton)
    text = window.policy_link.text()
    assert "From the ClientSafe handbook:" in text and "href" not in text


def test_the_buttons_have_accessible_names_and_mnemonics(qtbot, policy, store):
    window = _window(qtbot, policy, store)
    names = [window.buttons[a].accessibleName() for a in ANSWERS]
    assert names == ["Fine", "Needs a second look", "Must not post"]
    assert all("&" in window.buttons[a].text() for a in ANSWERS)
    assert window.post.accessibleName() == "The example as the site would show it"


def test_in_spanish_the_round_and_the_window_are_spanish(qtbot, policy, store, tmp_path):
    window = _window(qtbot, policy, store, lang="es", seed=5)
    assert {s.lang for s in window.round} == {"es"}
    assert window.progress.text() == "1 de 12"
    assert window.buttons["fine"].text() == "&Está bien"
    assert [window.buttons[a].accessibleName() for a in ANSWERS] == [
        "Está bien",
        "Hay que revisarlo",
        "No se debe publicar",
    ]
    while not (_plain(window.current) and window.current.rewrite):
        qtbot.mouseClick(window.buttons[window.current.answer], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.buttons[window.current.answer], Qt.MouseButton.LeftButton)
    assert window.verdict.text().startswith("Correcto.") and window.next_button.text() in (
        "&Siguiente",
        "Ver mi &puntuación",
    )
    window.grab().save(str(_shots(tmp_path) / "practice-es.png"))
    # Switching the language starts a new round in it.
    window.language.setCurrentIndex(window.language.findData("en"))
    assert {s.lang for s in window.round} == {"en"} and window.progress.text() == "1 of 12"


def test_when_the_library_is_broken_then_the_window_says_so_plainly(qtbot, home, tmp_path):
    broken = tmp_path / "scenarios.json"
    broken.write_text('{"scenarios": [{"id": "x1", "lang": "en"}]}', encoding="utf-8")
    window = PracticeWindow(lang="en", library_path=broken)
    qtbot.addWidget(window)
    assert window.round == []
    assert "Practice cannot start:" in window.problem.text() and "scenario 'x1'" in window.problem.text()
    assert not window.buttons["fine"].isVisible()


def test_the_tray_menu_opens_practice_and_reminds_when_it_is_due(qtbot, qapp, checker, tokens, book, desktop, policy):
    tray = make_tray(qtbot, checker, tokens, book, desktop)
    try:
        tray.refresh()
        assert tray.practice_action.text() == "Prac&tice… (due)"
        reminders = [s for s in tray.notifier.history if s.title == "Practice is due"]
        assert len(reminders) == 1 and "every 6 months" in reminders[0].body
        tray.practice_action.trigger()
        window = tray.windows["practice"]
        assert isinstance(window, PracticeWindow) and window.isVisible()
        for _ in window.round:
            window.choose(window.current.answer)
            window.next()
        assert window.ticket.wait(10)
        tray.refresh()
        assert tray.practice_action.text() == "Prac&tice…"  # done: no longer due
        assert len([s for s in tray.notifier.history if s.title == "Practice is due"]) == 1  # not repeated
    finally:
        tray.shutdown()


@pytest.mark.parametrize(
    ("site", "lang", "shown"),
    [
        ("linkedin", "en", "LinkedIn"),
        ("tiktok", "es", "TikTok"),
        ("google_business", "es", "Perfil de Empresa de Google"),
    ],
)
def test_the_site_is_named_as_people_know_it(qtbot, policy, store, site, lang, shown):
    import dataclasses

    window = _window(qtbot, policy, store, lang=lang)
    window.round = [dataclasses.replace(window.round[0], site=site)]
    window.index = 0
    window._show_scenario()
    assert window.where.text().startswith(f"{shown} · ")
