"""Run the real tray app on a real X display with a tray host and a notification daemon, and report what
happened as JSON on stdout. Started by tests/qt/test_desktop.py inside `dbus-run-session`, on Xvfb.

    python tests/qt/desktop_session.py OUT_DIR [SUFFIX]

Starts trayer (an XEmbed system tray) and dunst (org.freedesktop.Notifications) on this session, then the
app; asks to pair over HTTP as the extension would (a notification with Approve/Deny), opens the tray menu
and Check a draft, and saves screenshots of both in OUT_DIR. QT_SCALE_FACTOR is honoured (200% run).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RISKY = "So proud of Maria from our youth shelter, she just turned 15! Her counselor says she is doing great."


def wait(app, condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def main() -> int:
    out = Path(sys.argv[1])
    suffix = sys.argv[2] if len(sys.argv) > 2 else ""
    out.mkdir(parents=True, exist_ok=True)
    helpers = []
    if shutil.which("trayer"):
        helpers.append(
            subprocess.Popen(
                [
                    *("trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32"),
                    *("--SetDockType", "true", "--transparent", "false", "--tint", "0x303030", "--expand", "true"),
                ]
            )
        )
    if shutil.which("dunst"):
        helpers.append(subprocess.Popen(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    report: dict = {}
    try:
        from clientsafe.api.pairing import PairingBook
        from clientsafe.api.tokens import TokenStore
        from clientsafe.ui.app import TrayApp
        from clientsafe.ui.backend import BackendOptions
        from clientsafe.ui.desktop_notify import DesktopNotifications
        from clientsafe.ui.qt import QApplication, QSystemTrayIcon

        app = QApplication(sys.argv[:1])
        app.setQuitOnLastWindowClosed(False)
        wait(app, QSystemTrayIcon.isSystemTrayAvailable, 10)
        report["tray_available"] = QSystemTrayIcon.isSystemTrayAvailable()
        desktop = DesktopNotifications()
        wait(app, desktop.available, 10)
        report["notification_service"] = desktop.available()
        tokens = TokenStore(use_keyring=False)
        tray = TrayApp(
            app, tokens, PairingBook(tokens), BackendOptions(org=ROOT / "tests/data/org_profile.json"), desktop
        )
        tray.start()
        report["icon_visible"] = tray.tray.isVisible() or bool(tray.no_tray and tray.no_tray.isVisible())
        wait(app, lambda: tray.facts.engine_ready or bool(tray.facts.engine_error), 60)
        report["status"] = tray.status_action.text()
        report["state"] = tray.state.value
        # The icon is embedded in trayer once it has a geometry on screen.
        wait(app, lambda: tray.tray.geometry().width() > 0, 5)
        geometry = tray.tray.geometry()
        report["icon_geometry"] = [geometry.x(), geometry.y(), geometry.width(), geometry.height()]

        # The no-keyring notice came first (said once, at start): the person dismisses it, so the click below
        # lands on the pairing request, as it would for someone who read the first and closed it.
        wait(app, lambda: False, 0.5)
        subprocess.run(["dunstctl", "close-all"], capture_output=True, timeout=5)
        started = requests.post(
            f"http://127.0.0.1:{tray.facts.port}/v1/pair", json={"client_name": "Chromium on TEST-DESKTOP"}, timeout=5
        ).json()
        asking = "A browser asks to pair with ClientSafe"
        wait(app, lambda: any(n.title == asking for n in tray.notifier.history), 5)
        report["pair_code"] = started["code"]
        report["notifications"] = [(n.title, n.body, n.channel) for n in tray.notifier.history]
        wait(app, lambda: False, 1.5)  # let dunst draw it
        corner(app.primaryScreen()).save(str(out / f"notification{suffix}.png"))
        report["dunst_displayed"] = _dunst_count("displayed")
        # Invoke the notification's default action in dunst, as a click would: the D-Bus ActionInvoked signal
        # must reach the app and open the Pair a browser window with this request selected.
        subprocess.run(["dunstctl", "action", "0"], capture_output=True, timeout=5)
        report["action_opened_pair"] = wait(app, lambda: "pair" in tray.windows and tray.windows["pair"].isVisible(), 5)
        if report["action_opened_pair"]:
            tray.windows["pair"].hide()

        tray.menu.popup(geometry.bottomLeft())
        wait(app, lambda: False, 1.0)
        screen = app.primaryScreen()
        report["device_pixel_ratio"] = screen.devicePixelRatio()
        corner(screen).save(str(out / f"tray-menu{suffix}.png"))
        report["menu_visible"] = tray.menu.isVisible()
        tray.menu.hide()

        window = tray.open_check_draft()
        window.move(40, 60)
        window.editor.setPlainText(RISKY)
        window.run_check()
        wait(app, lambda: window.verdict is not None, 30)
        wait(app, lambda: False, 0.5)
        report["verdict"] = window.verdict.action if window.verdict else None
        report["window_fits"] = {}
        for key in ("check", "pair", "about", "policy", "warnings", "roster"):
            if key == "pair":
                tray.open_pair()
            elif key == "about":
                tray.open_about()
            elif key == "policy":
                tray.open_policy()
            elif key == "warnings":
                tray.open_warnings()
            elif key == "roster":
                tray.open_roster()
            wait(app, lambda: False, 0.3)
            w = tray.windows[key]
            hint, size, avail = w.minimumSizeHint(), w.size(), screen.availableGeometry()
            report["window_fits"][key] = (
                hint.width() <= size.width() <= avail.width() and hint.height() <= size.height() <= avail.height()
            )
        window.grab().save(str(out / f"check-draft{suffix}.png"))
        pair = tray.open_pair()
        pair.move(700, 60)
        wait(app, lambda: False, 0.5)
        pair.grab().save(str(out / f"pair-browser{suffix}.png"))
        report["pair_window_rows"] = pair.pending.rowCount()
        tray.shutdown()
    finally:
        for helper in helpers:
            helper.terminate()
            helper.wait(5)
    print(json.dumps(report), flush=True)
    return 0


def corner(screen):  # type: ignore[no-untyped-def]
    """The top-right corner of the screen: the tray icon, its menu, the notification."""
    shot = screen.grabWindow(0)
    width = min(shot.width(), round(600 * screen.devicePixelRatio()))
    height = min(shot.height(), round(240 * screen.devicePixelRatio()))
    return shot.copy(shot.width() - width, 0, width, height)


def _dunst_count(which: str) -> int:
    """How many notifications dunst is showing now (``displayed``), or -1 when it cannot be asked."""
    try:
        result = subprocess.run(["dunstctl", "count", which], capture_output=True, text=True, timeout=5)
        return int(result.stdout.strip())
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return -1


if __name__ == "__main__":
    raise SystemExit(main())
