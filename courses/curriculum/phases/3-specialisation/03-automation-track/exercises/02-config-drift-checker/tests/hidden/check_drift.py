"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from drift import check_fleet as fleet_report  # not named check_*, so pytest does not collect it
from drift import diff_configs, load_config, parse_config


def check_ini_defaults_sections_and_no_interpolation(observe):
    text = (
        "[DEFAULT]\ntimeout = 30\n\n[api]\nurl = http://x/%(path)s\nRetries = 3\n\n"
        "[Worker]\ntimeout = 5\n"
    )
    observe(parse_config(text, "ini"))
    observe(parse_config("", "ini"))
    observe(parse_config("[DEFAULT]\nonly = defaults\n", "ini"))


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("no section header\n", "ini"),
        ("[a]\nx = 1\nx = 2\n", "ini"),
        ("[a]\n[a]\n", "ini"),
        ("{bad json", "json"),
        ("[1, 2]", "json"),
        ('"text"', "json"),
        ("a: 1", "yaml"),
        ("[a]\nb = 1\n", "INI"),
    ],
)
def check_malformed_input_raises_value_error(observe, text, fmt):
    observe.raises(parse_config, text, fmt)
    observe(parse_config('{"ok": {"n": 1}}', "json"))


def check_json_leaves_and_nesting(observe):
    text = (
        '{"a": null, "b": 1.5, "c": {}, "d": {"e": {"f": false}}, "g": {"z": 1, "y": 2},'
        ' "s": "5432", "t": true, "l": [3, "x", null], "o": [{"b": 1, "a": 2}]}'
    )
    flat = observe(parse_config(text, "json"))
    observe(list(flat))
    observe(parse_config("{}", "json"))


def check_load_config_by_suffix(observe, tmp_path):
    files = {
        "app.ini": "[site]\nname = Caf\u00e9\n",
        "app.cfg": "[a]\nB = c\n",
        "app.json": '{"x": {"y": [1]}}',
        "APP.JSON": '{"upper": 1}',
        "app.yaml": "a: 1",
        "app": "[a]\nb = 1\n",
        "app.ini.bak": "[a]\nb = 1\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        observe.call(load_config, path)


def check_diff_kinds_sorted_and_equal_values_skipped(observe):
    expected = {"z": "1", "b": "x", "m": "same", "a": "", "q": "2"}
    actual = {"m": "same", "z": "10", "c": "new", "a": "", "b": "X"}
    observe(diff_configs(expected, actual))
    observe(diff_configs({}, {}))
    observe(diff_configs({"only": "expected"}, {}))


def check_secret_masking(observe):
    observe(diff_configs({"Api.TOKEN": "abc"}, {"API.Secret_Key": "xyz"}))
    observe(diff_configs({"db.password": "a", "db.user": "u"}, {"db.password": "b", "db.user": "v"}))
    observe(diff_configs(
        {"db.password": "a", "db.dsn": "b"}, {"db.password": "c", "db.dsn": "d"}, secrets=["*.dsn"]
    ))
    observe(diff_configs({"db.password": "a"}, {"db.password": "b"}, secrets=[]))
    observe(diff_configs({"x.pass": "1"}, {"x.pass": "2"}, secrets=("*pass", "*.key")))


def check_ignore_patterns(observe):
    expected = {"log.level": "info", "LOG.level": "info", "log": "a", "web.port": "80"}
    actual = {"log.level": "debug", "LOG.level": "debug", "log": "b", "web.port": "81"}
    observe(diff_configs(expected, actual, ignore=["log.*"]))
    observe(diff_configs(expected, actual, ignore=["log.*", "*.port"]))
    observe(diff_configs(expected, actual, ignore=iter(["*"])))
    observe(diff_configs({"db.password": "a"}, {"db.password": "b"}, ignore=["db.pass*"]))


def check_fleet_order_errors_and_ignore(observe):
    baseline = {"app.workers": "4", "log.level": "info", "db.token": "t1"}
    configs = {
        "web-2": {"app.workers": "4", "log.level": "debug", "db.token": "t2"},
        "web-1": {"app.workers": "8", "log.level": "info", "db.token": "t1", "extra": "1"},
    }

    def fetch(host: str) -> dict[str, str]:
        if host == "web-3":
            raise PermissionError("denied")
        if host == "web-4":
            raise TimeoutError("timed out after 5s")
        return configs[host]

    hosts = ["web-2", "web-3", "web-1", "web-4"]
    observe(fleet_report(baseline, hosts, fetch))
    observe(fleet_report(baseline, hosts, fetch, ignore=("log.*", "extra")))
    observe(fleet_report(baseline, [], fetch))
    observe(fleet_report(baseline, ["web-1"], lambda host: {}))
