"""packaging/clientsafe.spec as PyInstaller runs it on each OS, with PyInstaller's build steps replaced by recorders:
which executables go into the one app folder, which has a console, and what the macOS bundle starts. Only the
Windows and macOS CI jobs build those for real (docs/it-deployment.md); the Linux build is `make package` here."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "clientsafe.spec"


class Step:
    """Stands in for one of PyInstaller's spec classes (Analysis, PYZ, EXE, COLLECT, BUNDLE): records its call."""

    def __init__(self, kind: str, calls: list[Step], *args, **kwargs) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.binaries: list = []
        self.datas: list = []
        self.pure: list = []
        self.scripts: list = []
        calls.append(self)


def run_spec(platform: str, tmp_path: Path, monkeypatch) -> list[Step]:
    import PyInstaller.utils.hooks as hooks

    # What these collect is the Linux build's business (test_deb.py checks the files); here only the shape counts.
    for name in ("collect_submodules", "collect_data_files", "copy_metadata"):
        monkeypatch.setattr(hooks, name, lambda *args, **kwargs: [])
    monkeypatch.setattr(sys, "platform", platform)
    calls: list[Step] = []
    spec_globals = {
        "__name__": "__main__",
        "SPECPATH": str(SPEC.parent),
        "DISTPATH": str(tmp_path),
        "workpath": str(tmp_path / "work"),
        **{
            kind: (lambda *a, _k=kind, **kw: Step(_k, calls, *a, **kw))
            for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
        },
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)
    return calls


def executables(calls: list[Step]) -> list[SimpleNamespace]:
    (collect,) = [c for c in calls if c.kind == "COLLECT"]
    return [
        SimpleNamespace(name=a.kwargs["name"], console=a.kwargs["console"], version=a.kwargs.get("version"))
        for a in collect.args
        if isinstance(a, Step) and a.kind == "EXE"
    ]


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_get_a_windowless_tray_launcher_beside_the_console_program(platform, tmp_path, monkeypatch):
    calls = run_spec(platform, tmp_path, monkeypatch)
    built = {e.name: e.console for e in executables(calls)}
    assert built == {"clientsafe": True, "clientsafe-tray": False}
    # One app folder: both executables share the one Analysis, so the libraries are collected once.
    assert len([c for c in calls if c.kind == "Analysis"]) == 1
    assert len([c for c in calls if c.kind == "COLLECT"]) == 1
    (analysis,) = [c for c in calls if c.kind == "Analysis"]
    assert all(e.args[1] is analysis.scripts for e in calls if e.kind == "EXE")


def test_the_macos_bundle_starts_the_tray_and_may_show_a_menu_bar_icon(tmp_path, monkeypatch):
    calls = run_spec("darwin", tmp_path, monkeypatch)
    # PyInstaller's BUNDLE makes the first executable in the folder the bundle's CFBundleExecutable.
    assert executables(calls)[0].name == "clientsafe-tray"
    (bundle,) = [c for c in calls if c.kind == "BUNDLE"]
    plist = bundle.kwargs["info_plist"]
    assert plist["LSUIElement"] is True and plist["LSBackgroundOnly"] is False


def test_linux_keeps_its_single_console_program(tmp_path, monkeypatch):
    calls = run_spec("linux", tmp_path, monkeypatch)
    assert [(e.name, e.console) for e in executables(calls)] == [("clientsafe", True)]
    assert [c for c in calls if c.kind == "BUNDLE"] == []
    assert (tmp_path / "clientsafe.version").read_text().strip()


def test_the_windowless_launcher_starts_the_tray_when_given_no_command(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "packaging"))
    import entry

    assert entry.arguments(r"C:\Program Files\ClientSafe\clientsafe-tray.exe", []) == ["tray"]
    assert entry.arguments("/Applications/ClientSafe.app/Contents/MacOS/clientsafe-tray", []) == ["tray"]
    assert entry.arguments(r"C:\Program Files\ClientSafe\clientsafe-tray.exe", ["--self-test"]) == ["--self-test"]
    assert entry.arguments("/opt/clientsafe/clientsafe", []) == []  # the CLI bare still prints its help


def test_a_windowless_program_gets_streams_that_go_nowhere(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "packaging"))
    import entry

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    entry.give_windowless_program_streams()
    try:
        print("a log line", file=sys.stderr)
        sys.stdout.write("and output\n")  # no AttributeError: 'NoneType' object has no attribute 'write'
    finally:
        sys.stdout.close()
        sys.stderr.close()


def test_the_msi_starts_the_launcher_the_spec_builds_and_falls_back_to_the_console_program(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "packaging"))
    import build_installer

    calls = run_spec("win32", tmp_path, monkeypatch)
    (windowless,) = [e.name for e in executables(calls) if not e.console]
    assert f"{windowless}.exe" == build_installer.TRAY_EXE
    app = tmp_path / "clientsafe"
    app.mkdir()
    (app / "clientsafe.exe").touch()
    assert build_installer.tray_exe(app) == "clientsafe.exe"  # a frozen app from before the launcher existed
    (app / build_installer.TRAY_EXE).touch()
    assert build_installer.tray_exe(app) == "clientsafe-tray.exe"
    command = build_installer.wix_command(tmp_path / "x.msi", "0.1.0", build_installer.tray_exe(app))
    assert "TrayExe=clientsafe-tray.exe" in command


def test_both_windows_executables_carry_the_release_as_their_file_version(tmp_path, monkeypatch):
    """Intune's detection rule can then compare clientsafe.exe's file version with the release."""
    import clientsafe

    calls = run_spec("win32", tmp_path, monkeypatch)
    (version_file,) = {e.version for e in executables(calls)}
    assert version_file and Path(version_file).is_relative_to(tmp_path / "work")
    recorded: dict = {}

    def record(kind):
        return lambda *args, **kwargs: recorded.setdefault(kind, []).append((args, kwargs)) or kind

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo")
    eval(Path(version_file).read_text(encoding="utf-8"), {n: record(n) for n in (*names, "VarStruct")})
    numbers = (*(int(n) for n in clientsafe.__version__.split(".")[:3]), 0)
    ((_, fixed),) = recorded["FixedFileInfo"]
    assert fixed["filevers"] == fixed["prodvers"] == numbers
    strings = dict(args for args, _ in recorded["StringStruct"])
    assert strings["FileVersion"] == strings["ProductVersion"] == clientsafe.__version__
    assert strings["ProductName"] == "ClientSafe"
    assert {e.version for e in executables(run_spec("linux", tmp_path, monkeypatch))} == {None}
