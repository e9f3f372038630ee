"""`clientsafe standards` as a person or a script meets it: formats, languages, and plain errors."""

from __future__ import annotations

import json

from clientsafe.cli import main


def _policy(tmp_path, document) -> str:
    path = tmp_path / "org.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


ORG = {"organisation": {"name": "Hillside Teen Center"}, "community_standards": {"language": "es"}}


def test_html_in_spanish_goes_to_the_screen_by_default(tmp_path, capsys):
    assert main(["standards", "--org", _policy(tmp_path, ORG), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and '<html lang="es">' in out
    assert "<h1>Normas de la comunidad de Hillside Teen Center</h1>" in out


def test_lang_overrides_the_policy_language(tmp_path, capsys):
    assert main(["standards", "--org", _policy(tmp_path, ORG), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("# Hillside Teen Center Community Standards")


def test_without_an_organisation_name_it_exits_3_saying_what_to_set(tmp_path, capsys):
    assert main(["standards", "--org", _policy(tmp_path, {"fail_mode": "warn"})]) == 3
    captured = capsys.readouterr()
    assert "Set organisation.name in the policy" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


def test_an_out_file_in_a_missing_folder_is_refused_and_nothing_is_half_written(tmp_path, capsys):
    target = tmp_path / "missing" / "standards.html"
    assert main(["standards", "--org", _policy(tmp_path, ORG), "--out", str(target)]) == 3
    assert "could not be written" in capsys.readouterr().err
    assert not target.parent.exists()


def test_an_existing_page_is_replaced_whole(tmp_path, capsys):
    target = tmp_path / "standards.md"
    target.write_text("last year's page", encoding="utf-8")
    assert main(["standards", "--org", _policy(tmp_path, ORG), "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Normas de la comunidad")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
