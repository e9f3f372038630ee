"""The Windows and macOS CI recipes, checked as far as a Linux machine can: the workflows against GitHub's workflow
schema and against the Makefile, the files every recipe names, signing only with the secrets (and a loud warning
without them), and the MSI's registry values against the policies the Linux package writes.

What only those jobs can check (the MSI build, signing, notarisation, the self-test on Windows and macOS) is in
docs/it-deployment.md. No `make package` here: the WiX fragments are generated from a stand-in extension build.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path, PureWindowsPath

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
WINDOWS = ROOT / "packaging" / "windows"
BUILD_PKG = ROOT / "packaging" / "macos" / "build-pkg.sh"
WXS = WINDOWS / "ClientSafe.wxs"
NS = {"w": "http://wixtoolset.org/schemas/v4/wxs"}
RUNNERS = {"windows.yml": "windows-latest", "macos.yml": "macos-latest"}
INSTALLERS = {"windows.yml": "dist/ClientSafe-*.msi", "macos.yml": "dist/ClientSafe-*.pkg"}
SELF_TEST = {
    "windows.yml": "dist/clientsafe/clientsafe.exe --self-test",
    "macos.yml": "dist/clientsafe/clientsafe --self-test",
}
# The tests that need Debian's Chromium, Xvfb or dpkg (they fail under CI=true where those are missing).
NEEDS_LINUX = ("tests/browser", "tests/e2e", "tests/firefox", "tests/qt/test_desktop.py")
# What the recipes name that is not in the repository but built by a named step: (path prefix, the step).
PRODUCED = {
    ".venv/": "make setup",
    "dist/extension/": "packaging/extension/build.py",
    "dist/clientsafe/": "packaging/clientsafe.spec",
    "dist/clientsafe.version": "packaging/clientsafe.spec",
    "dist/ClientSafe.app": "packaging/clientsafe.spec",
    "dist/ClientSafe-": "packaging/build_installer.py",
    "dist/policy-templates/": "-m clientsafe policy templates --out dist/policy-templates",  # a command, not a file
    "build/windows/": "packaging/windows/make_wix.py",
    "build/macos/": "packaging/macos/make_profile.py",
}
EXTENSION = {
    "chromium_id": "kpmlfebfnbohjbhoigdblamcpkbpiamb",
    "update_url": "https://it.example.org/clientsafe/update.xml",
    "firefox_id": "clientsafe@example.org",
    "firefox_install_url": "https://it.example.org/clientsafe/clientsafe-firefox.xpi",
}
EXAMPLE_POLICY = ROOT / "docs" / "examples" / "policy-youth-services.json"

sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(WINDOWS))
import build_installer  # noqa: E402
import make_wix  # noqa: E402
import policies  # noqa: E402


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as GitHub reads it: only true/false are booleans (YAML 1.1 would turn the key `on` into True)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_workflow(name: str) -> dict:
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=_Yaml12Loader)


@pytest.fixture(scope="module", params=sorted(RUNNERS))
def workflow(request) -> tuple[str, dict, list[dict]]:
    data = load_workflow(request.param)
    (job,) = data["jobs"].values()
    return request.param, job, job["steps"]


def run_text(steps: list[dict]) -> str:
    return "\n".join(step.get("run", "") for step in steps)


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, flags=re.M))


# --- the workflows -------------------------------------------------------------------------------------------


def test_each_workflow_is_valid_against_githubs_workflow_schema():
    """The schema ships inside check-jsonschema (vendored from SchemaStore), so this needs no network."""
    schema = json.loads((files("check_jsonschema.builtin_schemas.vendor") / "github-workflows.json").read_text())
    for name in RUNNERS:
        errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(load_workflow(name))]
        assert errors == [], name


def test_the_jobs_run_on_the_os_they_build_for_with_python_311_and_node_20(workflow):
    name, job, steps = workflow
    assert job["runs-on"] == RUNNERS[name]
    uses = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    for step in steps:
        if "uses" in step:  # pinned to a major version at least
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+(\.\d+)*", step["uses"]), step["uses"]
    assert uses["actions/checkout"] is steps[0]
    assert str(uses["actions/setup-python"]["with"]["python-version"]) == "3.11"
    assert str(uses["actions/setup-node"]["with"]["node-version"]) == "20"
    if name == "windows.yml":  # make runs under Git Bash there
        assert job["defaults"]["run"]["shell"] == "bash"


def test_every_make_target_the_workflows_call_exists_and_they_are_the_linux_ones(workflow):
    _name, _job, steps = workflow
    called = re.findall(r"^\s*make\s+([a-z][\w-]*)", run_text(steps), flags=re.M)
    assert {"setup", "package"} <= set(called)
    assert set(called) <= makefile_targets(), set(called) - makefile_targets()
    # The same recipe as Linux: make package ends in the per-OS installer step.
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\npackage:")[1].split("\n\n")[0]
    assert "packaging/clientsafe.spec" in recipe and "packaging/build_installer.py" in recipe


def test_the_tests_run_there_are_the_ones_that_need_no_browser(workflow):
    _name, _job, steps = workflow
    text = run_text(steps).replace("\\\n", " ")
    (pytest_line,) = [line for line in text.splitlines() if " -m pytest " in line]
    assert '-m "not packaging"' in pytest_line
    ignored = re.findall(r"--ignore=(\S+)", pytest_line)
    assert sorted(ignored) == sorted(NEEDS_LINUX)
    for path in ignored:
        assert (ROOT / path).exists(), f"--ignore={path} names nothing: was it moved?"
    # Every test that needs a browser or a Linux capability is left out by name or marked packaging.
    for module in (ROOT / "tests").rglob("test_*.py"):
        relative = module.relative_to(ROOT).as_posix()
        text = module.read_text(encoding="utf-8")
        if "node_modules" in relative or relative.startswith(NEEDS_LINUX) or not NEEDS.search(text):
            continue
        if "pytestmark = pytest.mark.packaging" in text:
            continue
        unmarked = unmarked_tests_that_need_linux(text)
        assert unmarked == [], (
            f"{relative}: {', '.join(unmarked)} need(s) a browser or Linux and would fail under CI=true on Windows "
            "and macOS: mark it @pytest.mark.packaging (the jobs run -m 'not packaging')"
        )
    assert "node --test tests/extension/" in run_text(steps)


# What a test that needs Debian's Chromium or a Linux capability mentions (the fixtures and helpers that fail
# under CI=true when it is missing).
NEEDS = re.compile(r'browser_type|skip_or_fail|environ\.get\("CI"\)|/usr/bin/chromium|CHROMIUM')


def unmarked_tests_that_need_linux(source: str) -> list[str]:
    """The module's test functions that reach NEEDS (directly, or through its own fixtures and helpers, taken as a
    parameter or called) and are not marked packaging. Per test, so one browser check in a module of pure tests
    leaves the others in the Windows and macOS runs."""
    functions = {
        node.name: node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    needing = {name for name, node in functions.items() if NEEDS.search(ast.get_source_segment(source, node) or "")}
    while True:  # close over the module's fixtures and helpers: a test that uses one that needs Linux needs it too
        more = {
            name
            for name, node in functions.items()
            if name not in needing
            and (
                {a.arg for a in node.args.args} & needing
                or {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} & needing
            )
        }
        if not more:
            break
        needing |= more

    def marked(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        return any(ast.unparse(d).replace(" ", "").startswith("pytest.mark.packaging") for d in node.decorator_list)

    return sorted(name for name in needing if name.startswith("test_") and not marked(functions[name]))


def test_a_browser_test_is_found_through_the_fixtures_it_uses_and_passes_once_marked():
    source = (
        "import pytest\n"
        "@pytest.fixture\n"
        "def page(browser_type):\n    yield browser_type\n"
        "def helper():\n    skip_or_fail('no dpkg')\n"
        "def test_pure():\n    assert 1\n"
        "def test_uses_fixture(page):\n    assert page\n"
        "def test_calls_helper():\n    helper()\n"
        "@pytest.mark.packaging\n"
        "def test_marked(page):\n    assert page\n"
    )
    assert unmarked_tests_that_need_linux(source) == ["test_calls_helper", "test_uses_fixture"]


def test_the_frozen_app_self_test_runs_after_make_package(workflow):
    name, _job, steps = workflow
    runs = [step.get("run", "") for step in steps]
    package = next(i for i, run in enumerate(runs) if re.search(r"^make package", run, flags=re.M))
    self_test = next(i for i, run in enumerate(runs) if SELF_TEST[name] in run)
    assert self_test > package


def _secrets(value: object) -> set[str]:
    return set(re.findall(r"secrets\.(\w+)", json.dumps(value)))


def test_signing_runs_only_when_the_secrets_exist_and_otherwise_warns_loudly(workflow):
    name, job, steps = workflow
    gates = {key: value for key, value in job["env"].items() if key.startswith("HAS_")}
    assert gates and all("secrets." in value and "!= ''" in value for value in gates.values())
    signing = re.compile(r"signtool|codesign|notarytool|security import|PKG_SIGN_IDENTITY|APP_SIGN_IDENTITY")
    signing_steps = [
        s
        for s in steps
        if "::warning" not in s.get("run", "") and signing.search(s.get("run", "") + json.dumps(s.get("env", {})))
    ]
    assert signing_steps
    for step in signing_steps:
        assert any(f"env.{gate} == 'true'" in step.get("if", "") for gate in gates), step["name"]
    # Secrets reach only the steps that run when they exist.
    for step in steps:
        if _secrets(step):
            assert step in signing_steps, step.get("name")
    expected = (
        {"WINDOWS_CERT_PFX_BASE64", "WINDOWS_CERT_PASSWORD"}
        if name == "windows.yml"
        else {"MACOS_CERT_P12_BASE64", "MACOS_CERT_PASSWORD", "PKG_SIGN_IDENTITY", "APPLE_ID"}
    )
    assert expected <= _secrets(job)
    warnings = [s for s in steps if "::warning" in s.get("run", "")]
    assert warnings
    for gate in gates:
        gated = [s for s in warnings if f"env.{gate} != 'true'" in s.get("if", "")]
        assert gated, f"no warning when {gate} is false"
        assert all(" NOT " in s["run"] and "secrets" in s["run"] for s in gated)  # what is missing, and why
    if name == "macos.yml":
        notarise = next(s for s in steps if "notarytool" in s.get("run", ""))
        assert "env.HAS_NOTARY == 'true'" in notarise["if"] and "stapler staple" in notarise["run"]


def test_the_installer_is_uploaded_and_a_missing_one_fails_the_job(workflow):
    name, _job, steps = workflow
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["uses"] == "actions/upload-artifact@v4"
    assert INSTALLERS[name] in upload["with"]["path"].split()
    assert upload["with"]["if-no-files-found"] == "error"


def test_the_wix_the_job_installs_is_the_one_build_installer_expects():
    job = next(iter(load_workflow("windows.yml")["jobs"].values()))
    assert job["env"]["WIX_VERSION"] == build_installer.WIX_VERSION
    text = run_text(job["steps"])
    assert 'dotnet tool install --global wix --version "$WIX_VERSION"' in text
    for extension in build_installer.WIX_EXTENSIONS:
        assert f"wix extension add --global {extension}/" in text.replace('"', "").replace(
            "$USERPROFILE/.dotnet/tools/", ""
        )


def _named_paths(text: str) -> set[str]:
    found = re.findall(r"(?<![\w/$.-])((?:\.venv|packaging|dist|build|docs|tests)[/\\][^\s\"'`;|)]*)", text)
    return {p.replace("\\", "/").rstrip(".,") for p in found}


def test_every_path_the_workflows_and_build_pkg_name_exists_or_is_built_by_a_named_step():
    texts = {name: (WORKFLOWS / name).read_text(encoding="utf-8") for name in RUNNERS}
    texts["build-pkg.sh"] = BUILD_PKG.read_text(encoding="utf-8")
    package_recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\npackage:")[1].split("\n\n")[0]
    producers = package_recipe + texts["build-pkg.sh"] + (ROOT / "packaging/build_installer.py").read_text()
    checked = 0
    for source, text in texts.items():
        for path in _named_paths(text):
            checked += 1
            if "*" not in path and (ROOT / path).exists():
                continue
            prefix = next((p for p in PRODUCED if path.startswith(p)), None)
            assert prefix, f"{source} names {path}: not in the repository, and no step builds it"
            step = PRODUCED[prefix]
            made_by_a_file = (ROOT / step).exists() or step.startswith("-m clientsafe ")
            assert step == "make setup" or (step in producers and made_by_a_file), (source, path, step)
    assert checked > 20


# --- the MSI -------------------------------------------------------------------------------------------------


def tag(name: str) -> str:
    return f"{{{NS['w']}}}{name}"


def wxs(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == tag("Wix")
    return root


def unformat(text: str) -> str:
    """Windows Installer's reading of a Formatted string whose only brackets are escapes ([\\x] is x)."""
    return re.sub(r"\[\\(.)\]", r"\1", text)


def registry_of(*roots: ET.Element) -> dict[tuple[str, str], object]:
    values: dict[tuple[str, str], object] = {}
    for root in roots:
        for value in root.iter(tag("RegistryValue")):
            assert value.get("Root") == "HKLM"
            key = (value.get("Key"), value.get("Name", ""))
            assert key not in values, f"written twice: {key}"
            data = value.get("Value")
            values[key] = int(data) if value.get("Type") == "integer" else unformat(data)
    return values


def expected_policy_registry(extension: dict, deployment: dict) -> dict[tuple[str, str], object]:
    """Chrome's and Firefox's documented registry layout, applied to policies.py's output (not make_wix's walk)."""

    def walk(key: str, value: object) -> dict:
        out: dict = {}
        items = value.items() if isinstance(value, dict) else enumerate(value, 1)  # lists: values 1, 2, ...
        for name, item in items:
            if isinstance(item, dict | list):
                out |= walk(f"{key}\\{name}", item)
            else:
                out[(key, str(name))] = int(item) if isinstance(item, bool) else item
        return out

    chromium = policies.chromium_policy(extension, deployment)
    expected: dict = {}
    for base in (r"Software\Policies\Google\Chrome", r"Software\Policies\Microsoft\Edge"):
        expected |= walk(base, {"ExtensionInstallForcelist": chromium["ExtensionInstallForcelist"]})
        for ext_id, config in chromium["3rdparty"]["extensions"].items():
            expected |= walk(f"{base}\\3rdparty\\extensions\\{ext_id}\\policy", config)
    expected |= walk(r"Software\Policies\Mozilla\Firefox", policies.firefox_policy(extension, deployment)["policies"])
    return expected


@pytest.fixture
def generated(tmp_path, monkeypatch):
    """make_wix.py run against a stand-in extension build, into a throwaway build/windows."""
    monkeypatch.setattr(make_wix, "OUT", tmp_path / "build" / "windows")
    monkeypatch.setattr(policies, "load_extension", lambda: dict(EXTENSION))
    monkeypatch.delenv("CLIENTSAFE_POLICY", raising=False)
    monkeypatch.delenv("CLIENTSAFE_DEPLOYMENT", raising=False)

    def run() -> Path:
        make_wix.build()
        return make_wix.OUT

    return run


def test_the_msi_writes_exactly_the_browser_policies_the_linux_package_writes(generated):
    out = generated()
    registry = registry_of(wxs(out / "BrowserIntegration.wxs"))
    hosts = {key: value for key, value in registry.items() if "NativeMessagingHosts" in key[0]}
    policy_values = {key: value for key, value in registry.items() if key not in hosts}
    assert policy_values == expected_policy_registry(EXTENSION, policies.load_deployment())
    assert hosts == {
        (rf"{key}\org.clientsafe.native", ""): rf"[INSTALLFOLDER]native-messaging\org.clientsafe.native.{browser}.json"
        for browser, key in (
            ("chrome", r"Software\Google\Chrome\NativeMessagingHosts"),
            ("edge", r"Software\Microsoft\Edge\NativeMessagingHosts"),
            ("firefox", r"Software\Mozilla\NativeMessagingHosts"),
        )
    }
    # Each manifest it registers is installed, and names the launcher next to the app.
    for browser in ("chrome", "edge", "firefox"):
        manifest = json.loads((out / "native-messaging" / f"org.clientsafe.native.{browser}.json").read_text())
        assert manifest["path"] == "..\\clientsafe-native-host.bat"
    assert '"%~dp0clientsafe.exe" native-host %*' in (WINDOWS / "clientsafe-native-host.bat").read_text()


def test_policy_text_that_looks_like_an_installer_property_reaches_the_registry_unchanged(
    generated, tmp_path, monkeypatch
):
    deployment = {"extension_config": {"fail_mode": "[INSTALLFOLDER]{x}", "org_accounts": {"x": ["#Eastside"]}}}
    path = tmp_path / "deployment.json"
    path.write_text(json.dumps(deployment))
    monkeypatch.setenv("CLIENTSAFE_DEPLOYMENT", str(path))
    registry = registry_of(wxs(generated() / "BrowserIntegration.wxs"))
    chrome = rf"Software\Policies\Google\Chrome\3rdparty\extensions\{EXTENSION['chromium_id']}\policy"
    assert registry[(chrome, "fail_mode")] == "[INSTALLFOLDER]{x}"
    assert registry[(chrome + r"\org_accounts\x", "1")] == "#Eastside"
    raw = (generated() / "BrowserIntegration.wxs").read_text()
    assert 'Value="[INSTALLFOLDER]{x}"' not in raw  # it would install the install folder's path instead


def test_uninstall_removes_the_keys_that_are_clientsafes_alone(generated):
    root = wxs(generated() / "BrowserIntegration.wxs")
    removed = {k.get("Key") for k in root.iter(tag("RegistryKey")) if k.get("ForceDeleteOnUninstall") == "yes"}
    ext, ff = EXTENSION["chromium_id"], EXTENSION["firefox_id"]
    assert removed == {
        rf"Software\Policies\Google\Chrome\3rdparty\extensions\{ext}",
        rf"Software\Policies\Microsoft\Edge\3rdparty\extensions\{ext}",
        rf"Software\Policies\Mozilla\Firefox\ExtensionSettings\{ff}",
        rf"Software\Policies\Mozilla\Firefox\3rdparty\Extensions\{ff}",
        r"Software\Google\Chrome\NativeMessagingHosts\org.clientsafe.native",
        r"Software\Microsoft\Edge\NativeMessagingHosts\org.clientsafe.native",
        r"Software\Mozilla\NativeMessagingHosts\org.clientsafe.native",
    }
    # The shared ExtensionInstallForcelist key stays (other extensions' entries); only our value goes.
    assert not any("ExtensionInstallForcelist" in key for key in removed)


def test_every_file_and_group_the_wix_sources_name_exists_after_make_wix(generated):
    out = generated()
    roots = [wxs(WXS)] + [wxs(out / name) for name in make_wix.FRAGMENTS]
    defined = {g.get("Id") for r in roots for g in r.iter(tag("ComponentGroup"))}
    defined |= {c.get("Id") for r in roots for c in r.iter(tag("Component"))}
    refs = {
        r.get("Id") for root in roots for name in ("ComponentGroupRef", "ComponentRef") for r in root.iter(tag(name))
    }
    assert refs and refs <= defined, refs - defined
    assert {"AppFiles", "BrowserIntegration", "NativeHostFiles", "OrgPolicy"} <= refs
    bindpaths = {"app": ROOT / make_wix.BINDPATHS["app"], "gen": out}
    assert make_wix.BINDPATHS["gen"] == "build/windows" and make_wix.BINDPATHS["app"] == "dist/clientsafe"
    named = 0
    for root in roots:
        for element in root.iter():
            source = element.get("Source") or element.get("Include")
            if not source:
                continue
            named += 1
            if source.startswith("$(sys.SOURCEFILEDIR)"):
                assert (WINDOWS / source.removeprefix("$(sys.SOURCEFILEDIR)")).is_file(), source
                continue
            match = re.fullmatch(r"!\(bindpath\.(\w+)\)\\(.*)", source)
            assert match and match[1] in bindpaths, source
            if match[1] == "app":  # the frozen app: PyInstaller builds it in make package (packaging/clientsafe.spec)
                assert match[2] == "**"
                continue
            assert (bindpaths[match[1]] / PureWindowsPath(match[2]).as_posix()).is_file(), source
    assert named >= 6


def test_the_msi_is_per_machine_upgradable_and_starts_the_tray_for_every_user():
    root = wxs(WXS)
    package = root.find("w:Package", NS)
    assert package.get("Scope") == "perMachine"
    assert package.get("UpgradeCode") == "6F1B9E4C-2A57-4C3B-9D7E-0C11E47A5AFE"  # never changes between versions
    assert package.find("w:MajorUpgrade", NS) is not None
    program_files = package.find("w:StandardDirectory[@Id='ProgramFiles64Folder']/w:Directory", NS)
    assert (program_files.get("Id"), program_files.get("Name")) == ("INSTALLFOLDER", "ClientSafe")
    run = next(v for v in root.iter(tag("RegistryValue")) if v.get("Name") == "ClientSafe")
    assert (run.get("Root"), run.get("Key")) == ("HKLM", r"Software\Microsoft\Windows\CurrentVersion\Run")
    assert run.get("Value") == '"[INSTALLFOLDER]$(TrayExe)" tray'
    shortcut = package.find("w:StandardDirectory[@Id='ProgramMenuFolder']/w:Component/w:Shortcut", NS)
    assert shortcut.get("Target") == "[INSTALLFOLDER]$(TrayExe)" and shortcut.get("Arguments") == "tray"


def test_the_msi_runs_the_self_test_deferred_and_fails_the_install_when_it_fails():
    package = wxs(WXS).find("w:Package", NS)
    action = package.find("w:CustomAction[@Id='SelfTest']", NS)
    assert (action.get("Execute"), action.get("Return"), action.get("Impersonate")) == ("deferred", "check", "no")
    assert action.get("DllEntry") == "WixQuietExec"
    command = package.find("w:SetProperty[@Id='SelfTest']", NS)
    assert command.get("Value") == '"[INSTALLFOLDER]clientsafe.exe" --self-test'
    scheduled = package.find("w:InstallExecuteSequence/w:Custom[@Action='SelfTest']", NS)
    assert scheduled.get("Condition") == 'NOT REMOVE~="ALL"'  # not while uninstalling


def test_the_policy_file_given_at_install_time_is_copied_only_when_given_checked_and_removed_on_uninstall(
    monkeypatch,
):
    package = wxs(WXS).find("w:Package", NS)
    data = package.find("w:StandardDirectory[@Id='CommonAppDataFolder']/w:Directory", NS)
    assert (data.get("Id"), data.get("Name")) == ("ClientSafeData", "ClientSafe")
    from clientsafe.policy import locations

    monkeypatch.delenv(locations.SYSTEM_POLICY_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", "C:\\ProgramData")
    assert PureWindowsPath(str(locations.system_policy_path())) == PureWindowsPath(
        r"C:\ProgramData\ClientSafe\policy.json"
    )
    component = package.find("w:Component[@Id='PolicyFromInstallCommand']", NS)
    assert component.get("Condition") == "POLICYFILE"
    copy = component.find("w:CopyFile", NS)
    assert (copy.get("SourceProperty"), copy.get("DestinationDirectory"), copy.get("DestinationName")) == (
        "POLICYFILE",
        "ClientSafeData",
        "policy.json",
    )
    assert component.find("w:RemoveFile", NS).get("On") == "uninstall"
    check = package.find("w:SetProperty[@Id='CheckPolicy']", NS).get("Value")
    assert check == '"[INSTALLFOLDER]clientsafe.exe" policy check "[ClientSafeData]policy.json"'
    scheduled = package.find("w:InstallExecuteSequence/w:Custom[@Action='CheckPolicy']", NS)
    assert scheduled.get("After") == "InstallFiles" and scheduled.get("Condition").startswith("POLICYFILE AND")


def test_a_policy_given_at_build_time_is_embedded_conditionally_and_none_is_left_from_an_earlier_build(
    generated, monkeypatch
):
    monkeypatch.setenv("CLIENTSAFE_POLICY", str(EXAMPLE_POLICY))
    out = generated()
    (component,) = wxs(out / "OrgPolicy.wxs").iter(tag("Component"))
    assert component.get("Condition") == "NOT POLICYFILE"  # the install command's POLICYFILE wins
    file = component.find("w:File", NS)
    assert file.get("Name") == "policy.json" and file.get("Source") == "!(bindpath.gen)\\policy.json"
    assert (out / "policy.json").read_bytes() == EXAMPLE_POLICY.read_bytes()
    monkeypatch.delenv("CLIENTSAFE_POLICY")
    out = generated()
    assert list(wxs(out / "OrgPolicy.wxs").iter(tag("Component"))) == []
    assert not (out / "policy.json").exists()


def test_a_broken_policy_stops_the_build_with_the_problem_in_plain_words(generated, tmp_path, monkeypatch):
    broken = tmp_path / "policy.json"
    broken.write_text('{"fail_mode": "block", "no_such_setting": 1}')
    monkeypatch.setenv("CLIENTSAFE_POLICY", str(broken))
    with pytest.raises(SystemExit) as stopped:
        generated()
    message = str(stopped.value)
    assert "not valid, so no installer was built" in message and "no_such_setting" in message
    assert not (make_wix.OUT / "OrgPolicy.wxs").exists()
    monkeypatch.setenv("CLIENTSAFE_POLICY", str(tmp_path / "missing.json"))
    with pytest.raises(SystemExit, match="cannot be read"):
        generated()


# --- one recipe for every OS ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("platform", "step"), [("win32", "windows"), ("darwin", "macos"), ("linux", "linux")])
def test_make_package_builds_this_oss_installer(monkeypatch, platform, step):
    called = []
    for name in ("windows", "macos", "linux"):
        monkeypatch.setattr(build_installer, name, lambda name=name: called.append(name))
    monkeypatch.setattr(sys, "platform", platform)
    build_installer.main()
    assert called == [step]


def test_the_msi_version_is_one_windows_installer_accepts():
    assert build_installer.msi_version("0.1.0") == "0.1.0"
    assert build_installer.msi_version("1.2.3.dev4+g123") == "1.2.3"
    assert build_installer.msi_version("2.0rc1") == "2.0"


@pytest.mark.parametrize(("os_name", "bin_dir"), [("Windows_NT", ".venv/Scripts"), ("", ".venv/bin")])
def test_the_makefile_finds_the_venvs_programs_on_each_os(os_name, bin_dir):
    if subprocess.run(["make", "--version"], capture_output=True).returncode != 0:
        pytest.skip("make not found")
    result = subprocess.run(
        ["make", "-n", "-B", "package", f"OS={os_name}"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert f"{bin_dir}/python packaging/build_installer.py" in result.stdout
    assert f"{bin_dir}/pyinstaller " in result.stdout


def test_the_deb_and_the_pkg_put_the_policy_where_the_app_reads_it(monkeypatch):
    from clientsafe.policy import locations

    monkeypatch.delenv(locations.SYSTEM_POLICY_ENV, raising=False)
    sys.path.insert(0, str(ROOT / "packaging" / "linux"))
    import build_deb

    monkeypatch.setattr(sys, "platform", "linux")
    assert str(locations.system_policy_path()) == build_deb.SYSTEM_POLICY
    monkeypatch.setattr(sys, "platform", "darwin")
    mac = str(locations.system_policy_path())
    script = BUILD_PKG.read_text(encoding="utf-8")
    (target,) = re.findall(r'org-policy "build/macos/root(/[^"]+)"', script)
    assert target == mac
    # The pkg is built from that root, and the policy goes in before pkgbuild reads it.
    assert script.index("org-policy") < script.index("pkgbuild --root build/macos/root")
