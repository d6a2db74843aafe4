import pytest
from drift import Drift, HostReport, check_fleet, diff_configs, load_config, parse_config

INI = """
[db]
Port = 5432
password = hunter2

[web]
workers = 4
"""


def test_parse_ini_flattens_sections_and_lowercases_options():
    assert parse_config(INI, "ini") == {
        "db.port": "5432",
        "db.password": "hunter2",
        "web.workers": "4",
    }


def test_parse_json_flattens_nested_objects_and_renders_leaves():
    text = '{"db": {"port": 5432, "ssl": true, "host": "db1"}, "tags": ["a", "b"]}'
    assert parse_config(text, "json") == {
        "db.port": "5432",
        "db.ssl": "true",
        "db.host": "db1",
        "tags": '["a", "b"]',
    }


def test_load_config_uses_the_suffix(tmp_path):
    (tmp_path / "app.json").write_text('{"a": {"b": "c"}}', encoding="utf-8")
    (tmp_path / "app.cfg").write_text("[a]\nb = c\n", encoding="utf-8")
    assert load_config(tmp_path / "app.json") == {"a.b": "c"}
    assert load_config(tmp_path / "app.cfg") == {"a.b": "c"}


def test_diff_reports_each_kind_sorted_by_key():
    expected = {"b": "1", "a": "x", "c": "same"}
    actual = {"b": "2", "c": "same", "d": "new"}
    assert diff_configs(expected, actual) == [
        Drift("a", "missing", "x", None),
        Drift("b", "changed", "1", "2"),
        Drift("d", "unexpected", None, "new"),
    ]


def test_secrets_are_masked_but_reported():
    drifts = diff_configs({"db.password": "hunter2"}, {"db.password": "letmein"})
    assert drifts == [Drift("db.password", "changed", "***", "***")]


def test_ignore_globs_skip_keys():
    assert diff_configs({"log.level": "info"}, {"log.level": "debug"}, ignore=["log.*"]) == []


def test_check_fleet_records_unreachable_hosts():
    configs = {"web-1": {"a": "1"}, "web-3": {"a": "2"}}

    def fetch(host: str) -> dict[str, str]:
        if host not in configs:
            raise TimeoutError("timed out")
        return configs[host]

    assert check_fleet({"a": "1"}, ["web-1", "web-2", "web-3"], fetch) == [
        HostReport("web-1", []),
        HostReport("web-2", [], error="TimeoutError: timed out"),
        HostReport("web-3", [Drift("a", "changed", "1", "2")]),
    ]


def test_unknown_format_is_rejected():
    with pytest.raises(ValueError):
        parse_config("a: 1", "yaml")
