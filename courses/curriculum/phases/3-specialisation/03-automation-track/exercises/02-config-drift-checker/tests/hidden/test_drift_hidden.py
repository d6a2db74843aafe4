import pytest
from drift import Drift, check_fleet, diff_configs, load_config, parse_config


def test_ini_defaults_are_merged_into_sections_and_no_interpolation():
    text = "[DEFAULT]\ntimeout = 30\n\n[api]\nurl = http://x/%(path)s\n\n[Worker]\ntimeout = 5\n"
    assert parse_config(text, "ini") == {
        "api.timeout": "30",
        "api.url": "http://x/%(path)s",
        "Worker.timeout": "5",
    }


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("no section header\n", "ini"),
        ("[a]\nx = 1\nx = 2\n", "ini"),
        ("{bad json", "json"),
        ("[1, 2]", "json"),
        ('"text"', "json"),
    ],
)
def test_malformed_input_raises_value_error(text, fmt):
    with pytest.raises(ValueError):
        parse_config(text, fmt)


def test_json_null_float_and_empty_objects():
    text = '{"a": null, "b": 1.5, "c": {}, "d": {"e": {"f": false}}, "g": {"z": 1, "y": 2}}'
    assert parse_config(text, "json") == {
        "a": "null",
        "b": "1.5",
        "d.e.f": "false",
        "g.z": "1",
        "g.y": "2",
    }


def test_json_list_of_objects_uses_sorted_keys():
    assert parse_config('{"x": [{"b": 1, "a": 2}]}', "json") == {"x": '[{"a": 2, "b": 1}]'}


def test_load_config_rejects_unknown_suffix(tmp_path):
    path = tmp_path / "app.yaml"
    path.write_text("a: 1", encoding="utf-8")
    with pytest.raises(ValueError):
        load_config(path)


def test_load_config_reads_utf8(tmp_path):
    path = tmp_path / "app.ini"
    path.write_text("[site]\nname = Caf\u00e9\n", encoding="utf-8")
    assert load_config(path) == {"site.name": "Caf\u00e9"}


def test_secret_matching_is_case_insensitive_and_keeps_none():
    drifts = diff_configs({"Api.TOKEN": "abc"}, {"API.Secret_Key": "xyz"})
    assert drifts == [
        Drift("API.Secret_Key", "unexpected", None, "***"),
        Drift("Api.TOKEN", "missing", "***", None),
    ]


def test_custom_secret_patterns_replace_defaults():
    drifts = diff_configs(
        {"db.password": "a", "db.dsn": "b"}, {"db.password": "c", "db.dsn": "d"}, secrets=["*.dsn"]
    )
    assert drifts == [
        Drift("db.dsn", "changed", "***", "***"),
        Drift("db.password", "changed", "a", "c"),
    ]


def test_ignore_is_case_sensitive_and_applies_in_fleet():
    expected = {"log.level": "info", "LOG.level": "info"}
    actual = {"log.level": "debug", "LOG.level": "debug"}
    assert diff_configs(expected, actual, ignore=["log.*"]) == [
        Drift("LOG.level", "changed", "info", "debug")
    ]
    reports = check_fleet(expected, ["h"], lambda host: actual, ignore=["*.level"])
    assert reports[0].drifts == [] and reports[0].error is None


def test_fetch_errors_of_any_kind_are_captured():
    def fetch(host: str) -> dict[str, str]:
        raise PermissionError("denied")

    reports = check_fleet({}, ["a", "b"], fetch)
    assert [r.error for r in reports] == ["PermissionError: denied", "PermissionError: denied"]
