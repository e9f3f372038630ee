"""Every setting is declared once in clientsafe.settings and documented in docs/settings.md."""

from pathlib import Path

import pytest

from clientsafe import settings

DOC = (Path(__file__).resolve().parents[2] / "docs" / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_each_setting_is_documented_with_its_variable_and_default(setting):
    assert f"`{setting.env_var}`" in DOC
    assert f"`{setting.default}`" in DOC
    assert setting.help.split(".")[0] in DOC.replace("\n", " ")


def test_when_setting_has_wrong_type_then_error_names_the_variable(monkeypatch):
    monkeypatch.setenv("CLIENTSAFE_MAX_TEXT_CHARS", "lots")
    with pytest.raises(settings.SettingError, match="CLIENTSAFE_MAX_TEXT_CHARS"):
        settings.get("max_text_chars")
