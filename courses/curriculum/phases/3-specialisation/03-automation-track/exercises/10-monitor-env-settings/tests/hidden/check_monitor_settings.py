"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from monitor_settings import SettingsError, load_settings, parse_bool, parse_targets

HOOK = "https://hooks.slack.com/services/T9/B9/abc"
BASE = {"MONITOR_TARGETS": "web-1:443", "SLACK_WEBHOOK_URL": HOOK}


def outcome(env):
    """The settings, or the sorted names of the problem variables."""
    try:
        return load_settings(env)
    except SettingsError as exc:
        return ("problems", sorted(exc.problems), isinstance(exc, ValueError))


@pytest.mark.parametrize(
    "text",
    ["web-1:443", " a:1 ,b:65535,,a:1, a:2 ", "a:65536", "a:0", "a:-1", "a:+80", "a:8o", ":80",
     "a:", "a", "a:1:2", "a b:1", "a\tb:1", ",,", "", "a:١٢", "[::1]:443", "A:1,a:1", "a:00080"],
)
def check_parse_targets(observe, text):
    observe.call(parse_targets, text)
    observe(parse_targets("x:9"))


@pytest.mark.parametrize(
    "text", ["1", "true", "YES", " on ", "0", "False", "no", "Off", "", "2", "y", "t", "nope", "on/off"]
)
def check_parse_bool(observe, text):
    observe.call(parse_bool, text)
    observe(outcome({**BASE, "MONITOR_DRY_RUN": text}))


def check_defaults_and_full_settings(observe):
    observe(outcome(BASE))
    observe(outcome({**BASE, "MONITOR_INTERVAL": "  ", "MONITOR_TIMEOUT": "", "MONITOR_DRY_RUN": " "}))
    full = outcome({
        "MONITOR_TARGETS": " b:2, a:1 ,b:2",
        "MONITOR_INTERVAL": "3600",
        "MONITOR_TIMEOUT": "3599.5",
        "MONITOR_FAILURES": "10",
        "MONITOR_CHANNELS": " EMAIL, slack ,email",
        "MONITOR_ALERT_EMAILS": " ops@example.com ,, x.y@sub.example.org ",
        "SLACK_WEBHOOK_URL": "  " + HOOK + "  ",
        "MONITOR_DRY_RUN": "On",
        "PATH": "/usr/bin",
        "monitor_lowercase": "ignored",
        "XMONITOR_TARGETS": "ignored",
    })
    observe(full)
    observe(full.timeout_seconds)
    observe(outcome({**BASE, "MONITOR_TIMEOUT": "7", "MONITOR_INTERVAL": "10", "MONITOR_FAILURES": "1"}))


@pytest.mark.parametrize(
    "name, value",
    [
        ("MONITOR_INTERVAL", "9"), ("MONITOR_INTERVAL", "10"), ("MONITOR_INTERVAL", "3601"),
        ("MONITOR_INTERVAL", "60.0"), ("MONITOR_INTERVAL", "+60"), ("MONITOR_INTERVAL", "1e2"),
        ("MONITOR_TIMEOUT", "0"), ("MONITOR_TIMEOUT", "-1"), ("MONITOR_TIMEOUT", "59.99"),
        ("MONITOR_TIMEOUT", "60"), ("MONITOR_TIMEOUT", "nan"), ("MONITOR_TIMEOUT", "inf"),
        ("MONITOR_TIMEOUT", "3,5"), ("MONITOR_TIMEOUT", "1e-3"),
        ("MONITOR_FAILURES", "0"), ("MONITOR_FAILURES", "1"), ("MONITOR_FAILURES", "11"),
        ("MONITOR_FAILURES", "two"), ("MONITOR_DRY_RUN", "sometimes"), ("MONITOR_DRY_RUN", "NO"),
        ("MONITOR_CHANNELS", "pager"), ("MONITOR_CHANNELS", ",,"), ("MONITOR_CHANNELS", "Slack"),
        ("SLACK_WEBHOOK_URL", "http://hooks.slack.com/x"), ("SLACK_WEBHOOK_URL", "https://example.com/"),
        ("SLACK_WEBHOOK_URL", "https://hooks.slack.com/"), ("MONITOR_TARGETS", "web-1"),
        ("MONITOR_TARGETS", "  "), ("MONITOR_RETRIES", "3"), ("MONITOR_", "x"), ("MONITOR_EXTRA", ""),
    ],
)
def check_single_values(observe, name, value):
    observe(outcome({**BASE, name: value}))


def check_timeout_against_an_invalid_interval(observe):
    observe(outcome({**BASE, "MONITOR_INTERVAL": "5000", "MONITOR_TIMEOUT": "59"}))
    observe(outcome({**BASE, "MONITOR_INTERVAL": "5000", "MONITOR_TIMEOUT": "61"}))
    observe(outcome({**BASE, "MONITOR_INTERVAL": "abc", "MONITOR_TIMEOUT": "60"}))
    observe(outcome({**BASE, "MONITOR_INTERVAL": "20", "MONITOR_TIMEOUT": "30"}))


def check_channels_need_their_settings(observe):
    observe(outcome({"MONITOR_TARGETS": "a:1"}))
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_CHANNELS": "email"}))
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_CHANNELS": "email", "MONITOR_ALERT_EMAILS": " , "}))
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_CHANNELS": "email",
                     "MONITOR_ALERT_EMAILS": "ops@example.com", "SLACK_WEBHOOK_URL": "nope"}))
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_CHANNELS": "email",
                     "MONITOR_ALERT_EMAILS": "ops@example.com", "SLACK_WEBHOOK_URL": HOOK}))
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_CHANNELS": "slack,email", "SLACK_WEBHOOK_URL": HOOK}))
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_CHANNELS": "pager", "SLACK_WEBHOOK_URL": HOOK}))
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_ALERT_EMAILS": "bad", "SLACK_WEBHOOK_URL": HOOK}))


@pytest.mark.parametrize(
    "address",
    ["a@b.c", "first.last@example.co.uk", "a@b", "a@@b.c", "a b@c.d", "@b.c", "a@.c", "a@b.", "a@b.c.",
     "a@b@c.d"],
)
def check_email_addresses(observe, address):
    observe(outcome({"MONITOR_TARGETS": "a:1", "MONITOR_CHANNELS": "email", "MONITOR_ALERT_EMAILS": address}))


def check_everything_wrong_at_once(observe):
    observe(outcome({
        "MONITOR_TARGETS": "nope",
        "MONITOR_INTERVAL": "1",
        "MONITOR_TIMEOUT": "x",
        "MONITOR_FAILURES": "99",
        "MONITOR_CHANNELS": "slack,fax",
        "MONITOR_ALERT_EMAILS": "bad",
        "MONITOR_DRY_RUN": "perhaps",
        "SLACK_WEBHOOK_URL": "ftp://x",
        "MONITOR_TARGET": "typo",
    }))
    observe(outcome({}))


def check_reads_os_environ(observe, monkeypatch):
    monkeypatch.setenv("MONITOR_TARGETS", "env-host:8443, env-host:8443")
    monkeypatch.setenv("MONITOR_CHANNELS", "email")
    monkeypatch.setenv("MONITOR_ALERT_EMAILS", "sre@example.com")
    monkeypatch.setenv("MONITOR_DRY_RUN", "1")
    observe(outcome(None))
    monkeypatch.setenv("MONITOR_INTERVALS", "30")
    observe(outcome(None))
