"""Hidden checks: they record what the code does; the grader compares with the reference."""

import locale

import pytest
from settings import DEFAULTS, load_settings, save_settings


def message_of(function, *args):
    """The text of the exception `function` raises (None when it returns)."""
    try:
        function(*args)
    except Exception as error:  # noqa: BLE001 - the message is what we look at
        return str(error)
    return None


@pytest.fixture
def ascii_default_encoding():
    """Python's default text encoding becomes ASCII, as on a machine not set up for UTF-8."""
    previous = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, previous)


def check_files_are_read_as_utf8(observe, tmp_path, ascii_default_encoding):
    path = tmp_path / "settings.json"
    path.write_bytes('{"theme": "crème brûlée", "font_size": 15}'.encode("utf-8"))
    observe.call(load_settings, path)
    save_settings(tmp_path / "out.json", {"theme": "été"})
    observe((tmp_path / "out.json").read_bytes())
    observe.call(load_settings, tmp_path / "out.json")


def check_missing_file_gives_a_fresh_copy_of_the_defaults(observe, tmp_path):
    path = tmp_path / "missing" / "settings.json"
    first = observe(load_settings(path))
    first["theme"] = "neon"
    first["extra"] = 1
    observe(load_settings(str(path)))
    observe(DEFAULTS)
    observe(path.exists())
    observe(sorted(p.name for p in tmp_path.iterdir()))


def check_file_values_override_known_keys_only(observe, tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        '{"font_size": 9, "colour": "red", "autosave": false, "theme": "cr\\u00e8me"}',
        encoding="utf-8",
    )
    loaded = observe(load_settings(path))
    loaded["font_size"] = 99
    observe(DEFAULTS)
    path.write_text("{}", encoding="utf-8")
    observe(load_settings(str(path)))
    path.write_text('{"theme": "d\u00e9j\u00e0 vu"}', encoding="utf-8")
    observe(load_settings(path))


@pytest.mark.parametrize("text", ["[1, 2, 3]", "42", '"dark"', "null", "true"])
def check_top_level_must_be_an_object(observe, tmp_path, text):
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    observe.raises(load_settings, path)
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    observe(load_settings(path))


@pytest.mark.parametrize("text", ["{theme: dark", "", "{'theme': 'dark'}", '{"theme": "dark",}'])
def check_invalid_json_names_the_file(observe, tmp_path, text):
    path = tmp_path / "conf" / "broken.json"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    observe.raises(load_settings, path)
    message = message_of(load_settings, str(path)) or ""
    observe(str(path) in message)
    observe(load_settings(tmp_path / "absent.json"))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("font_size", '"big"'),
        ("font_size", "12.0"),
        ("font_size", "true"),
        ("autosave", "1"),
        ("autosave", '"yes"'),
        ("theme", "null"),
        ("theme", '["dark"]'),
    ],
)
def check_wrong_types_name_the_key(observe, tmp_path, key, value):
    path = tmp_path / "settings.json"
    path.write_text(f'{{"theme": "dark", "{key}": {value}}}', encoding="utf-8")
    observe.raises(load_settings, path)
    message = message_of(load_settings, path) or ""
    observe(key in message)
    path.write_text('{"font_size": 20, "autosave": false}', encoding="utf-8")
    observe(load_settings(path))


def check_save_writes_sorted_indented_json(observe, tmp_path):
    target = tmp_path / "config" / "app" / "settings.json"
    save_settings(target, {"theme": "cr\u00e8me", "font_size": 14, "autosave": True})
    save_settings(str(tmp_path / "plain.json"), {"zeta": [1, 2], "alpha": None})
    observe.tree(tmp_path)
    save_settings(target, {"theme": "dark"})
    observe(target.read_text(encoding="utf-8"))
    observe(load_settings(target))


def check_save_then_load_round_trip(observe, tmp_path):
    path = tmp_path / "round.json"
    wanted = {"theme": "solarized", "font_size": 18, "autosave": False}
    save_settings(path, wanted)
    observe(load_settings(path))
    observe(wanted)
