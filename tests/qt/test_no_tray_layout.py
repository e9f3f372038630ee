"""The window shown where there is no system tray lays out cleanly at 100% and 200% (QT_SCALE_FACTOR), in
English and Spanish: no widget overlaps another, none sticks out of the window, no text is cut off, and it
offers every entry of the tray menu (issue 16: it overlapped its own text and lacked roster, warnings, policy).
Each run is its own process because Qt reads the scale factor once, when it starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRIES = {
    "en": ["Check a draft…", "Client roster…", "Recent warnings…", "Policy and Community Standards…", "Quit"],
    "es": ["Revisar un borrador…", "Lista de clientes…", "Avisos recientes…", "Acerca de ClientSafe", "Salir"],
}


@pytest.mark.parametrize("scale", ["1", "2"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_no_tray_window_has_every_entry_and_nothing_overlaps_or_is_clipped(tmp_path, scale, lang):
    shots = ROOT / "docs" / "screenshots" if os.environ.get("CLIENTSAFE_SCREENSHOTS") == "1" else tmp_path
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": scale,
        "CLIENTSAFE_HOME": str(tmp_path / "home"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "tray"), str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    shot = shots / f"no-tray-{lang}-{scale}x.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/qt/layout_probe.py"), lang, str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["dpr"] == float(scale)
    assert report["problems"] == []
    buttons = [text.replace("&", "") for text in report["buttons"]]
    assert len(buttons) == 12  # every entry of the menu, Resume included (shown while paused)
    assert set(ENTRIES[lang]) <= set(buttons)
