"""The command line speaks Spanish when the policy (or the computer) does: every message a person reads goes
through the catalog (``clientsafe.say._``), and every message has its Spanish. So do ``--help`` and argparse's own
words (usage, its errors), whose Spanish is the catalog part "argparse", keyed by argparse's msgids."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

CLI = ROOT / "tray" / "clientsafe" / "cli"
DATA_DIR = ROOT / "tray" / "clientsafe" / "data"
CATALOG = json.loads((DATA_DIR / "cli_messages_es.json").read_text(encoding="utf-8"))
ARGPARSE_CATALOG = json.loads((DATA_DIR / "argparse_messages_es.json").read_text(encoding="utf-8"))
# Calls whose string arguments a person reads: print, out.write / sys.stderr.write, CliError, print_list.
SHOWN = {"print", "write", "CliError", "print_list"}
# Keyword arguments a person reads in --help (argparse's add_parser, add_argument, ArgumentParser).
SHOWN_KEYWORDS = {"help", "description", "epilog", "title"}
# The program's own name in front of a message is not translated.
ALLOWED = {"clientsafe: "}
# Modules whose messages are not in the catalog yet (issue 16, part left): the test fails when one is converted
# without being taken off this list, or when a new module is added without its messages in the catalog.
NOT_YET: set[str] = set()


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _literals(node: ast.expr) -> list[str]:
    """The literal text in an argument, not counting what is inside a ``_()`` call (that is the catalog's)."""
    if isinstance(node, ast.Call) and _name(node.func) == "_":
        return []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literals(node.func.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _modules() -> list[Path]:
    return sorted(CLI.glob("*.py"))


def _shown_arguments(node: ast.Call) -> list[ast.expr]:
    """The arguments of a call that a person reads: all of a print/write/CliError's, and --help's keywords."""
    shown = [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
    return [*node.args, *shown] if _name(node.func) in SHOWN else shown


# A report built line by line before it is printed (`policy show`, the self-test): what goes into ``lines``.
REPORT = "lines"


def _report_parts(node: ast.AST) -> list[ast.expr]:
    """What ``lines = [...]``, ``lines += [...]``, ``lines.append(x)`` or ``lines.extend(...)`` adds to a report."""
    value: ast.expr | None = None
    if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == REPORT for t in node.targets)) or (
        isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == REPORT
    ):
        value = node.value
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("append", "extend")
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == REPORT
    ):
        return list(node.args)
    parts: list[ast.expr] = []
    pending = [value] if value is not None else []
    while pending:
        item = pending.pop()
        if isinstance(item, ast.List | ast.Tuple):
            pending.extend(item.elts)
        elif isinstance(item, ast.BinOp) and isinstance(item.left, ast.List) and isinstance(item.right, ast.List):
            pending.extend([item.left, item.right])
        elif isinstance(item, ast.ListComp):
            pending.append(item.elt)
        else:
            parts.append(item)
    return parts


def _unwrapped(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        for arg in _report_parts(node):
            for text in _literals(arg):
                if re.search(r"[A-Za-z]{2}", text) and text not in ALLOWED:
                    found.append(f"{path.name}:{node.lineno}: {text!r}")
        if isinstance(node, ast.Call):
            for arg in _shown_arguments(node):
                for text in _literals(arg):
                    if re.search(r"[A-Za-z]{2}", text) and text not in ALLOWED:
                        found.append(f"{path.name}:{node.lineno}: {text!r}")
    return found


def _wrapped() -> dict[str, str]:
    """Every ``_("...")`` message in cli/, with where it is."""
    out = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == "_" and node.args:
                arg = node.args[0]
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), f"{path.name}:{node.lineno}"
                out[arg.value] = f"{path.name}:{node.lineno}"
    return out


@pytest.mark.parametrize("path", [p for p in _modules() if p.name not in NOT_YET], ids=lambda p: p.name)
def test_every_message_a_person_reads_goes_through_the_catalog(path):
    assert _unwrapped(path) == []


def test_the_modules_left_to_translate_are_exactly_the_ones_listed():
    left = {p.name for p in _modules() if _unwrapped(p)}
    assert left == NOT_YET


@pytest.mark.parametrize(
    ("bare", "wrapped"),
    [
        ('sub.add_parser("check", help="check a post")', 'sub.add_parser("check", help=_("check a post"))'),
        (
            'sub.add_parser("roster", description="Columns by name")',
            'sub.add_parser("roster", description=_("Columns"))',
        ),
        (
            'p.add_argument("--json", help="print it as " + "JSON")',
            'p.add_argument("--json", help=_("print it as JSON"))',
        ),
    ],
)
def test_when_a_help_text_is_not_wrapped_then_the_scan_names_it(tmp_path, bare, wrapped):
    module = tmp_path / "planted.py"
    module.write_text(f"def register(sub, p):\n    {bare}\n", encoding="utf-8")
    found = _unwrapped(module)
    assert found and all(f.startswith("planted.py:2: ") for f in found)
    module.write_text(f"def register(sub, p):\n    {wrapped}\n", encoding="utf-8")
    assert _unwrapped(module) == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_catalog_message_has_spanish_with_the_same_placeholders():
    wrapped = _wrapped()
    assert len(wrapped) >= 40
    missing = sorted(f"{where}: {text!r}" for text, where in wrapped.items() if text not in CATALOG)
    assert missing == []
    for text in wrapped:
        assert CATALOG[text].strip() and CATALOG[text] != text, text
        assert _fields(CATALOG[text]) == _fields(text), text


def test_the_catalog_holds_no_message_the_code_no_longer_says():
    assert sorted(set(CATALOG) - set(_wrapped())) == []


def _argparse_msgids() -> set[str]:
    """Every message this Python's argparse says through gettext: ``_("...")`` and both of ``ngettext``'s."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and _name(node.func) in ("_", "ngettext"):
            said = node.args[:2] if _name(node.func) == "ngettext" else node.args[:1]
            found |= {a.value for a in said if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def _percent_fields(text: str) -> tuple[list[str], list[str]]:
    """argparse's %-placeholders: the named ones (any order) and the unnamed ones (in order)."""
    return sorted(re.findall(r"%\((\w+)\)[sdr]", text)), re.findall(r"%[sdr]", text)


def test_every_argparse_message_has_spanish_with_the_same_placeholders():
    msgids = _argparse_msgids()
    assert len(msgids) >= 30 and "usage: " in msgids  # the scan really read argparse
    assert sorted(msgids - set(ARGPARSE_CATALOG)) == []
    for text in msgids:
        spanish = ARGPARSE_CATALOG[text]
        assert spanish.strip() and spanish != text, text
        assert _percent_fields(spanish) == _percent_fields(text), text
        # argparse glues "usage: " to the program's name and relies on its error line's own "\n".
        assert spanish[len(spanish.rstrip()) :] == text[len(text.rstrip()) :], text


def test_the_argparse_catalog_holds_no_message_argparse_does_not_say():
    assert sorted(set(ARGPARSE_CATALOG) - _argparse_msgids()) == []


def test_a_message_in_two_catalog_parts_says_the_same_in_both():
    """say.catalog merges the parts into one lookup: a message in two parts must not depend on their order."""
    from clientsafe.say import PARTS

    assert "argparse" in PARTS
    first: dict[str, tuple[str, str]] = {}
    clashes = []
    for part in PARTS:
        path = DATA_DIR / f"{part}_messages_es.json"
        for text, spanish in (json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}).items():
            if text in first and first[text][1] != spanish:
                clashes.append((text, first[text][0], part))
            first.setdefault(text, (part, spanish))
    assert clashes == []


def test_after_a_command_line_argparse_speaks_its_own_english_again(monkeypatch, capsys):
    """The Spanish is argparse's only while main() parses: the tray and libraries in the process keep gettext's."""
    from clientsafe import say
    from clientsafe.cli import main

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    try:
        with pytest.raises(SystemExit):
            main(["check", "--account", "nobody"])
        invalid = ARGPARSE_CATALOG["invalid choice: %(value)r (choose from %(choices)s)"]
        assert invalid.split("%")[0] in capsys.readouterr().err
        assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
        assert "usage: " in argparse.ArgumentParser(prog="other").format_usage()
    finally:  # leave the process speaking the computer's language again for the tests after this one
        monkeypatch.undo()
        say.use(None)


def _clientsafe(home: Path, *args: str, lang_env: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "CLIENTSAFE_HOME": str(home),
        "LANG": lang_env,
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANGUAGE": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "clientsafe", *args], capture_output=True, env=env, timeout=180, text=True
    )


def test_clientsafe_check_with_the_policy_in_spanish_speaks_spanish(tmp_path):
    policy = tmp_path / "policy.json"
    org = json.loads((DATA / "org_profile.json").read_text(encoding="utf-8"))
    policy.write_text(json.dumps({"organisation": org, "language": "es"}), encoding="utf-8")
    result = _clientsafe(tmp_path, "check", "--org", str(policy), "Medicaid ID PX48291753 finally went through!")
    assert result.returncode == 20, result.stderr
    assert result.stdout.startswith("RETENIDA: No publique esto")
    assert "Un número de identificación" in result.stdout and "Política: " in result.stdout
    assert "Hold this post" not in result.stdout and "Policy:" not in result.stdout
    # An error the person must fix, in Spanish too, with what to do next.
    bad = _clientsafe(tmp_path, "check", "--org", str(policy), "--jsonl", "--account", "personal")
    assert bad.returncode == 0  # empty input: nothing to check, no error
    empty = _clientsafe(tmp_path, "check", "--org", str(policy))
    assert empty.returncode == 2
    assert "Indique la publicación que quiere revisar" in empty.stderr


def test_without_a_language_in_the_policy_the_computers_language_decides(tmp_path):
    result = _clientsafe(tmp_path, "pair", "revoke", "nobody", lang_env="es_MX.UTF-8")
    assert result.returncode == 2
    assert "no hay ningún navegador vinculado con el id nobody" in result.stderr
    english = _clientsafe(tmp_path, "pair", "revoke", "nobody", lang_env="en_US.UTF-8")
    assert "no paired browser with id nobody" in english.stderr


# -- --help, argparse's errors and the self-test report, in the computer's language --------------------------------
# Words that would give away an English sentence left in Spanish output (the metavars, command names and option
# names that stay English are none of these).
ENGLISH_WORDS = {"the", "and", "of", "to", "with", "from", "this", "usage", "options", "arguments", "show", "exit"}
ENGLISH_WORDS |= {"print", "post", "passed", "failed", "ok", "loads", "started", "expected", "required", "invalid"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _english_left(output: str) -> list[str]:
    """English still in ``output``: a catalog message's text of three words or more (between its placeholders;
    --help wraps lines, so whitespace is flattened), or a telltale English word."""
    flat = _flat(output)
    left = sorted({w for w in re.findall(r"[a-z]+", output.lower()) if w in ENGLISH_WORDS})
    for english in (*CATALOG, *ARGPARSE_CATALOG):
        for fragment in re.split(r"\{\w*\}|%(?:\(\w+\))?[sdr]", english):
            if len(fragment.split()) >= 3 and _flat(fragment) in flat:
                left.append(fragment)
    return left


def _spanish_help_of(english: str) -> str:
    return _flat(CATALOG[english])


def test_help_follows_the_computers_language(tmp_path):
    top = _clientsafe(tmp_path, "--help", lang_env="es_MX.UTF-8")
    check = _clientsafe(tmp_path, "check", "--help", lang_env="es_MX.UTF-8")
    for result in (top, check):
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("uso: clientsafe")
        assert "opciones:" in result.stdout and "muestra esta ayuda y termina" in result.stdout
        assert _english_left(result.stdout) == []
    assert _spanish_help_of("check a post and print the verdict") in _flat(top.stdout)
    assert "muestra la versión del programa y termina" in top.stdout
    assert _spanish_help_of("whose account the post goes on (default: personal)") in _flat(check.stdout)
    english = _clientsafe(tmp_path, "check", "--help", lang_env="en_US.UTF-8")
    assert english.stdout.startswith("usage: clientsafe check") and "show this help message and exit" in english.stdout
    assert "whose account the post goes on (default: personal)" in _flat(english.stdout)
    assert "uso:" not in english.stdout and _spanish_help_of("print the verdict as JSON") not in _flat(english.stdout)


def test_argparse_errors_follow_the_computers_language(tmp_path):
    wrong = _clientsafe(tmp_path, "check", "--account", "nobody", lang_env="es_MX.UTF-8")
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("uso: clientsafe check")
    assert "clientsafe check: error de uso: argumento --account: valor no válido: 'nobody'" in wrong.stderr
    missing = _clientsafe(tmp_path, "pair", lang_env="es_MX.UTF-8")
    assert missing.returncode == 2 and "faltan estos argumentos obligatorios: ACTION" in missing.stderr
    for result in (wrong, missing):
        assert _english_left(result.stderr) == []
    english = _clientsafe(tmp_path, "check", "--account", "nobody", lang_env="en_US.UTF-8")
    assert "clientsafe check: error: argument --account: invalid choice: 'nobody'" in english.stderr


@pytest.mark.slow
def test_the_self_test_report_follows_the_computers_language(tmp_path):
    result = _clientsafe(tmp_path, "self-test", lang_env="es_MX.UTF-8")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.rstrip().splitlines()
    assert lines[0].startswith("Autoprueba de ClientSafe")
    assert lines[-1] == "APROBADA: ClientSafe funciona en este equipo."
    assert "bien  publicación de riesgo: retenida (se esperaba retenida)" in result.stdout
    for step in ("local service", "HTTP check", "client roster", "policy", "tray app"):
        assert any(line.startswith(f"  bien  {CATALOG[step]}: ") for line in lines), step
    # The engine line is a version string (package names and versions), not words to translate.
    engine = "  " + CATALOG["engine: {engine}"].split("{")[0]
    assert _english_left("\n".join(line for line in lines if not line.startswith(engine))) == []
    # Machines read the JSON: its keys, step ids and verdicts stay English whatever the language.
    report = json.loads(_clientsafe(tmp_path, "self-test", "--json", lang_env="es_MX.UTF-8").stdout)
    assert [s["step"] for s in report["steps"]] == [
        "local service",
        "HTTP check",
        "client roster",
        "policy",
        "tray app",
    ]
    assert [c["got"] for c in report["checks"]] == ["block", "allow"] and report["passed"] is True


@pytest.mark.slow
def test_the_self_test_report_stays_english_on_an_english_computer(tmp_path):
    result = _clientsafe(tmp_path, "self-test", lang_env="en_US.UTF-8")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("PASSED: ClientSafe works on this machine.")
    assert "ok   risky post: block (expected block)" in result.stdout
    spanish = [
        CATALOG[text] for text in ("local service", "risky post", "ok", "PASSED: ClientSafe works on this machine.")
    ]
    assert [word for word in spanish if word in result.stdout] == []


def test_the_engines_own_messages_are_printed_in_the_computers_language(tmp_path):
    """A policy file's problems are the engine's words (clientsafe.say.said): the CLI says them in Spanish too."""
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"fail_mode": "sometimes", "bogus": 1}), encoding="utf-8")
    spanish = _clientsafe(tmp_path, "policy", "check", str(policy), lang_env="es_MX.UTF-8")
    assert spanish.returncode == 3
    assert "campo desconocido bogus" in spanish.stderr + spanish.stdout
    assert "unknown field" not in spanish.stderr + spanish.stdout
    english = _clientsafe(tmp_path, "policy", "check", str(policy), lang_env="en_US.UTF-8")
    assert "unknown field bogus" in english.stderr + english.stdout
