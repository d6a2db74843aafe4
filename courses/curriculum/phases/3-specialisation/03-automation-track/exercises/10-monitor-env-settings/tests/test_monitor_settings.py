import pytest
from monitor_settings import (
    MonitorSettings,
    SettingsError,
    Target,
    load_settings,
    parse_bool,
    parse_targets,
)

HOOK = "https://hooks.slack.com/services/T0/B0/secret"


def problems(env: dict) -> list[str]:
    with pytest.raises(SettingsError) as info:
        load_settings(env)
    return sorted(info.value.problems)


def test_parse_targets_keeps_order_and_drops_repeats():
    assert parse_targets(" web-1:443,, db-1:5432 , web-1:443") == (
        Target("web-1", 443),
        Target("db-1", 5432),
    )
    with pytest.raises(ValueError):
        parse_targets("web-1:0")


def test_parse_bool():
    assert parse_bool(" Yes ") is True
    assert parse_bool("OFF") is False
    with pytest.raises(ValueError):
        parse_bool("maybe")


def test_defaults():
    assert load_settings({"MONITOR_TARGETS": "web-1:443", "SLACK_WEBHOOK_URL": HOOK}) == (
        MonitorSettings(targets=(Target("web-1", 443),), slack_webhook_url=HOOK)
    )


def test_every_value_is_read():
    settings = load_settings({
        "MONITOR_TARGETS": "a:1",
        "MONITOR_INTERVAL": " 30 ",
        "MONITOR_TIMEOUT": "5",
        "MONITOR_FAILURES": "3",
        "MONITOR_CHANNELS": "Email",
        "MONITOR_ALERT_EMAILS": "ops@example.com, oncall@example.com",
        "MONITOR_DRY_RUN": "true",
    })
    assert settings == MonitorSettings(
        (Target("a", 1),), 30, 5.0, 3, ("email",), None,
        ("ops@example.com", "oncall@example.com"), True,
    )
    assert type(settings.timeout_seconds) is float


def test_all_problems_are_reported_together():
    assert problems({"MONITOR_TARGETS": "web-1", "MONITOR_INTERVALL": "30"}) == [
        "MONITOR_INTERVALL", "MONITOR_TARGETS", "SLACK_WEBHOOK_URL"
    ]


def test_timeout_must_stay_below_the_interval():
    env = {"MONITOR_TARGETS": "a:1", "SLACK_WEBHOOK_URL": HOOK, "MONITOR_INTERVAL": "10",
           "MONITOR_TIMEOUT": "10"}
    assert problems(env) == ["MONITOR_TIMEOUT"]


def test_reads_os_environ_by_default(monkeypatch):
    monkeypatch.setenv("MONITOR_TARGETS", "db-1:5432")
    monkeypatch.setenv("MONITOR_CHANNELS", "email")
    monkeypatch.setenv("MONITOR_ALERT_EMAILS", "dba@example.com")
    assert load_settings().targets == (Target("db-1", 5432),)
