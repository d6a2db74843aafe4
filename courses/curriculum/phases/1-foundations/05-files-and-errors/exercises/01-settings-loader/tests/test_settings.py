import json

import pytest
from settings import DEFAULTS, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path):
    assert load_settings(tmp_path / "missing.json") == {
        "theme": "light",
        "font_size": 12,
        "autosave": True,
    }


def test_file_values_override_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    assert load_settings(path) == {"theme": "dark", "font_size": 12, "autosave": True}


def test_invalid_json_raises_value_error_with_path(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{theme: dark", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.json"):
        load_settings(path)


def test_wrong_type_raises_value_error_naming_key(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"font_size": "big"}', encoding="utf-8")
    with pytest.raises(ValueError, match="font_size"):
        load_settings(path)


def test_save_then_load_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    wanted = {"theme": "dark", "font_size": 16, "autosave": False}
    save_settings(path, wanted)
    assert load_settings(path) == wanted
    assert json.loads(path.read_text(encoding="utf-8")) == wanted


def test_defaults_are_not_changed_by_callers(tmp_path):
    settings = load_settings(tmp_path / "missing.json")
    settings["theme"] = "neon"
    assert DEFAULTS["theme"] == "light"
