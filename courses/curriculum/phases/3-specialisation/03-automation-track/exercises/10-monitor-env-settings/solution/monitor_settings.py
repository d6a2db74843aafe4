"""The monitor's configuration, read from environment variables and validated in one go."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

CHANNELS = ("slack", "email")
SLACK_PREFIX = "https://hooks.slack.com/"
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class SettingsError(ValueError):
    """Every problem found, keyed by the environment variable that has it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {text}" for name, text in sorted(problems.items())))
        self.problems = problems


@dataclass(frozen=True)
class Target:
    host: str
    port: int


@dataclass(frozen=True)
class MonitorSettings:
    targets: tuple[Target, ...]
    interval_seconds: int = 60
    timeout_seconds: float = 3.0
    failures_before_alert: int = 2
    channels: tuple[str, ...] = ("slack",)
    slack_webhook_url: str | None = None
    alert_emails: tuple[str, ...] = ()
    dry_run: bool = False


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_targets(text: str) -> tuple[Target, ...]:
    """`"web-1:443, db-1:5432"` -> targets in order, duplicates dropped; ValueError if invalid."""
    targets: list[Target] = []
    for item in _items(text):
        host, _, port = item.partition(":")
        if not host or any(ch.isspace() for ch in host):
            raise ValueError(f"expected host:port, not {item!r}")
        if not (port.isascii() and port.isdigit()) or not 1 <= int(port) <= 65535:
            raise ValueError(f"invalid port in {item!r}")
        target = Target(host, int(port))
        if target not in targets:
            targets.append(target)
    if not targets:
        raise ValueError("at least one target is needed")
    return tuple(targets)


def parse_bool(text: str) -> bool:
    """1/true/yes/on or 0/false/no/off, in any case; ValueError otherwise."""
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"expected a yes/no value, not {text!r}")


def _whole(text: str, low: int, high: int) -> int:
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ValueError(f"expected a whole number from {low} to {high}, not {text!r}")
    return int(text)


def _webhook(text: str) -> str:
    if not text.startswith(SLACK_PREFIX):
        raise ValueError(f"must start with {SLACK_PREFIX}")
    return text


def load_settings(env: Mapping[str, str] | None = None) -> MonitorSettings:
    """Read and validate every setting; SettingsError lists all the problems at once."""
    env = os.environ if env is None else env
    raw = {name: value.strip() for name, value in env.items() if value.strip()}
    problems = {n: "unknown setting" for n in env if n.startswith("MONITOR_") and n not in _FIELDS}
    values = {}
    for name, (parse, default) in _FIELDS.items():
        try:
            values[name] = parse(raw[name]) if name in raw else default
        except ValueError as exc:
            problems[name] = str(exc)
    channels = values.get("MONITOR_CHANNELS") or ()
    interval = values.get("MONITOR_INTERVAL") or 60  # an invalid interval: compare with 60
    timeout = values.get("MONITOR_TIMEOUT")
    if timeout is not None and not 0 < timeout < interval:
        problems["MONITOR_TIMEOUT"] = "not below the interval"
    if "MONITOR_TARGETS" not in raw:
        problems["MONITOR_TARGETS"] = "required"
    if "slack" in channels and "SLACK_WEBHOOK_URL" not in raw:
        problems["SLACK_WEBHOOK_URL"] = "required for the slack channel"
    if "email" in channels and values.get("MONITOR_ALERT_EMAILS") == ():
        problems["MONITOR_ALERT_EMAILS"] = "required for the email channel"
    if problems:
        raise SettingsError(problems)
    return MonitorSettings(*(values[name] for name in _FIELDS))


def _channels(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for item in _items(text.lower()):
        if item not in CHANNELS:
            raise ValueError(f"unknown channel {item!r}")
        if item not in found:
            found.append(item)
    if not found:
        raise ValueError("at least one channel is needed")
    return tuple(found)


def _emails(text: str) -> tuple[str, ...]:
    found = tuple(_items(text))
    for address in found:
        if not _EMAIL.fullmatch(address):
            raise ValueError(f"not an email address: {address!r}")
    return found


# Every variable the monitor reads: (parser, default), in MonitorSettings field order.
_FIELDS = {
    "MONITOR_TARGETS": (parse_targets, None),
    "MONITOR_INTERVAL": (lambda text: _whole(text, 10, 3600), 60),
    "MONITOR_TIMEOUT": (float, 3.0),
    "MONITOR_FAILURES": (lambda text: _whole(text, 1, 10), 2),
    "MONITOR_CHANNELS": (_channels, ("slack",)),
    "SLACK_WEBHOOK_URL": (_webhook, None),
    "MONITOR_ALERT_EMAILS": (_emails, ()),
    "MONITOR_DRY_RUN": (parse_bool, False),
}
