"""The app on a real X desktop: Xvfb, a system tray host (trayer) and a notification daemon (dunst) inside
`dbus-run-session`. Shows the icon, a notification with the pairing code, the menu and Check a draft, at 100%
and at 200% scaling. With CLIENTSAFE_SCREENSHOTS=1 the screenshots go to docs/screenshots/ (the README's)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEEDED = ("Xvfb", "trayer", "dunst", "dunstctl", "dbus-run-session")


@pytest.fixture
def xvfb(request):
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        message = f"the desktop test needs {', '.join(missing)} (Debian: xvfb trayer dunst dbus-x11; see .ci/run)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    servers = []

    def start(size: str) -> str:
        read, write = os.pipe()
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        servers.append(proc)
        return f":{number}"

    yield start
    for proc in servers:
        proc.terminate()
        proc.wait(10)


def run_session(display: str, out: Path, home: Path, suffix: str = "", scale: str = "1") -> dict:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_SCALE_FACTOR": scale,
        "CLIENTSAFE_HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "xdg"),  # dunst's own config: none, its defaults
    }
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(ROOT / "tests/qt/desktop_session.py"), str(out), suffix],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _out(tmp_path: Path) -> Path:
    return ROOT / "docs" / "screenshots" if os.environ.get("CLIENTSAFE_SCREENSHOTS") == "1" else tmp_path / "shots"


def test_on_a_real_desktop_the_icon_menu_notification_and_check_a_draft_work(xvfb, tmp_path):
    out = _out(tmp_path)
    report = run_session(xvfb("1280x800"), out, tmp_path / "home")
    assert report["tray_available"] and report["icon_visible"]
    _, _, width, height = report["icon_geometry"]
    assert width > 0 and height > 0  # embedded in trayer's tray
    assert report["state"] == "not_paired"
    assert report["notification_service"]
    # The session keeps paired browsers in a file (no keyring): that is said once, in its own notification.
    assert [n[0] for n in report["notifications"]].count("ClientSafe needs IT's attention") == 1
    pairing = "A browser asks to pair with ClientSafe"
    _, body, channel = next(n for n in report["notifications"] if n[0] == pairing)
    assert channel == "desktop"  # the pairing request has Approve/Deny buttons: the notification service's
    assert f"{report['pair_code'][:3]} {report['pair_code'][3:]}" in body
    assert report["dunst_displayed"] >= 1  # dunst really shows it
    assert report["action_opened_pair"]  # and a click on it comes back over D-Bus to the app
    assert report["menu_visible"]
    assert report["verdict"] == "block"
    assert report["pair_window_rows"] == 1
    assert all(report["window_fits"].values()), report["window_fits"]
    for name in ("tray-menu.png", "check-draft.png", "notification.png", "pair-browser.png"):
        assert (out / name).stat().st_size > 1000


def test_at_200_percent_scaling_every_window_fits_the_screen(xvfb, tmp_path):
    # 2560x1600 at QT_SCALE_FACTOR=2 is a 1280x800 desktop drawn at double size.
    report = run_session(xvfb("2560x1600"), _out(tmp_path), tmp_path / "home", suffix="-200", scale="2")
    assert report["device_pixel_ratio"] == 2.0
    assert report["verdict"] == "block"
    assert all(report["window_fits"].values()), report["window_fits"]
