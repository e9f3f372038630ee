"""The example pages in docs/examples/ are the generator's output for the example policies, so they cannot drift;
and `clientsafe standards` writes the same page from the policy in force."""

from __future__ import annotations

import pytest

from clientsafe.cli import main
from clientsafe.standards.publish import EXAMPLES, PAGES, page_text


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_checked_in_example_page_equals_the_generators_output(name):
    assert (EXAMPLES / name).read_text(encoding="utf-8") == page_text(name), (
        f"docs/examples/{name} is stale: run .venv/bin/python -m clientsafe.standards.publish"
    )


def test_there_is_a_youth_services_and_a_clinic_example():
    youth = (EXAMPLES / "standards-youth.md").read_text(encoding="utf-8")
    clinic = (EXAMPLES / "standards-clinic.md").read_text(encoding="utf-8")
    assert youth.startswith("# Riverbend Youth & Family Services Community Standards")
    assert clinic.startswith("# Eastside Community Health Clinic Community Standards")
    assert "Questions about your own care, bills or records" in clinic
    assert "Normas de la comunidad" in (EXAMPLES / "standards-youth-es.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_command_writes_the_example_from_the_policy_in_force(name, tmp_path, capsys):
    policy_file, lang = PAGES[name]
    out = tmp_path / "page.md"
    code = main(["standards", "--org", str(EXAMPLES / policy_file), "--lang", lang, "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == (EXAMPLES / name).read_text(encoding="utf-8")
    assert f"written to {out}" in capsys.readouterr().out
