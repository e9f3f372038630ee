"""docs/it-deployment.md names only what exists: every repository path, every `clientsafe` command and option, every
policy setting, and the names the installers and workflows really use. An admin copies these into Intune, a GPO
or an MDM; a renamed command would fail there, silently, months later."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
import yaml

from clientsafe.cli import _parser
from clientsafe.policy.declaration import POLICY
from clientsafe.roster import org_key

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "it-deployment.md").read_text(encoding="utf-8")
FENCED = re.findall(r"```\w*\n(.*?)```", GUIDE, flags=re.S)
# Inline code may wrap onto the next line of the paragraph; it is one command all the same.
INLINE = [" ".join(t.split()) for t in re.findall(r"`([^`]+)`", re.sub(r"```.*?```", "", GUIDE, flags=re.S))]
CODE = INLINE + FENCED
# Built by a step the guide names, not kept in the repository.
BUILT = ("dist/", "build/macos/", "build/windows/")


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices) if actions else {}


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions for flag in action.option_strings}


def clientsafe_commands() -> list[list[str]]:
    found = []
    for text in CODE:
        for line in text.replace("\\\n", " ").splitlines():
            for match in re.finditer(r"(?:^|\s|\")clientsafe(?:\.exe\"?)?((?:\s+[^\s`|]+)+)", line):
                found.append(match[1].split(" #")[0].split())  # up to a shell comment
    return found


def test_every_repository_path_the_guide_names_exists():
    named = set()
    for text in CODE:
        named |= set(
            re.findall(r"(?<![\w/.-])((?:packaging|docs|tests|extension|shared|tray|\.github)/[\w./-]+)", text)
        )
    assert len(named) > 15
    missing = sorted(p for p in named if not (ROOT / p.rstrip(".")).exists())
    assert missing == []


def test_every_built_file_the_guide_names_is_one_a_named_step_writes():
    producers = "".join(
        (ROOT / f).read_text(encoding="utf-8")
        for f in (
            "Makefile",
            "packaging/build_installer.py",
            "packaging/macos/build-pkg.sh",
            "packaging/clientsafe.spec",
        )
    ) + "".join(p.read_text(encoding="utf-8") for p in (ROOT / "packaging").rglob("*.py"))
    named = {p for text in CODE for p in re.findall(r"(?<![\w/.-])((?:dist|build)/[\w./<>-]+)", text)}
    assert named
    for path in named:
        stem = re.split(r"[<\d]", path)[0].rstrip("/-_")  # dist/ClientSafe-0.1.0.pkg: the name the step writes
        last = stem.rsplit("/", 1)[-1]
        assert path.startswith(BUILT) and last in producers, path


def test_every_clientsafe_command_and_option_in_the_guide_exists():
    commands = clientsafe_commands()
    assert len(commands) >= 10
    for tokens in commands:
        parser = _parser()
        for token in tokens:
            choices = subcommands(parser)
            if token.startswith("-"):
                assert token.split("=")[0] in options(parser), (tokens, token)
            elif choices:
                assert token in choices, (tokens, token)
                parser = choices[token]


def test_every_policy_setting_the_guide_names_is_declared():
    declared = {s.name for s in POLICY}
    in_json = {
        key for block in re.findall(r"```json\n(.*?)```", GUIDE, flags=re.S) for key in re.findall(r'"(\w+)":', block)
    }
    settings = {k for k in in_json if k in declared or k.startswith(("audit_", "roster_", "policy_"))}
    assert {"audit_forward_url", "audit_forward_format", "audit_forward_headers"} <= settings
    assert settings <= declared, settings - declared
    assert "roster_bundle" in GUIDE and {"url", "public_key", "refresh_hours"} <= set(
        re.findall(r'"(\w+)":', GUIDE.split("roster_bundle", 1)[1][:200])
    )


def test_the_names_the_admin_types_are_the_ones_the_installers_use():
    wxs = (ROOT / "packaging/windows/ClientSafe.wxs").read_text(encoding="utf-8")
    for name in ("POLICYFILE", "UpgradeCode"):
        assert name in wxs and name in GUIDE
    upgrade_code = re.search(r'UpgradeCode="([0-9A-F-]+)"', wxs)[1]
    assert upgrade_code in GUIDE
    assert org_key.MACHINE_FILE == "roster.key" and "%ProgramData%\\ClientSafe\\roster.key" in GUIDE
    for workflow, artifact in (("windows.yml", "clientsafe-windows"), ("macos.yml", "clientsafe-macos")):
        data = yaml.safe_load((ROOT / ".github/workflows" / workflow).read_text(encoding="utf-8"))
        (job,) = data["jobs"].values()
        (upload,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
        assert upload["with"]["name"] == artifact and f"`{artifact}`" in GUIDE
        secrets = set(re.findall(r"secrets\.(\w+)", (ROOT / ".github/workflows" / workflow).read_text()))
        assert secrets and all(f"`{s}`" in GUIDE for s in secrets), secrets


@pytest.mark.parametrize("title", ["Unsigned MSI", "Unsigned pkg", "Not notarised"])
def test_the_guide_quotes_the_warnings_unsigned_builds_really_show(title):
    workflows = "".join(p.read_text(encoding="utf-8") for p in (ROOT / ".github/workflows").glob("*.yml"))
    assert f"::warning title={title}::" in workflows and f"*{title}*" in GUIDE
