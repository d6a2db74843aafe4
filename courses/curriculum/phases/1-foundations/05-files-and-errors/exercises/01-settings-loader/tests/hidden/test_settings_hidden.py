import pytest
from settings import load_settings, save_settings


def test_top_level_must_be_an_object(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(ValueError):
        load_settings(path)


def test_bool_is_not_accepted_as_int_and_vice_versa(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"autosave": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match="autosave"):
        load_settings(path)
    path.write_text('{"font_size": true}', encoding="utf-8")
    with pytest.raises(ValueError, match="font_size"):
        load_settings(path)


def test_unknown_keys_are_ignored_and_str_path_accepted(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"colour": "red", "font_size": 14}', encoding="utf-8")
    assert load_settings(str(path)) == {"theme": "light", "font_size": 14, "autosave": True}


def test_save_creates_folders_and_formats_output(tmp_path):
    path = tmp_path / "config" / "app" / "settings.json"
    save_settings(path, {"theme": "dark", "autosave": True})
    text = path.read_text(encoding="utf-8")
    assert text == '{\n  "autosave": true,\n  "theme": "dark"\n}\n'


def test_missing_file_is_not_created(tmp_path):
    path = tmp_path / "nothing.json"
    load_settings(path)
    assert not path.exists()
