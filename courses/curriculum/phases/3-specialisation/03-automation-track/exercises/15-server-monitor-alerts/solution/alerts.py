"""Alerts: what they say, and how they reach Slack (the HTTP call is injected)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

KINDS = ("down", "reminder", "recovered")


@dataclass(frozen=True)
class Alert:
    kind: str           # one of KINDS
    target: str
    at: datetime        # when the alert was raised
    since: datetime     # first failure of the outage
    detail: str         # the last error ("" for a recovery)


class SendError(Exception):
    """An alert could not be delivered."""


def format_duration(delta: timedelta) -> str:
    """Whole seconds, largest unit first: '45s', '3m 07s', '2h 00m 09s'."""
    seconds = int(delta.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m {seconds:02d}s"
    if minutes:
        return f"{minutes}m {seconds:02d}s"
    return f"{seconds}s"


def format_alert(alert: Alert) -> str:
    """The one-line message a human reads."""
    if alert.kind not in KINDS:
        raise ValueError(f"unknown alert kind {alert.kind!r}")
    if alert.kind == "down":
        return f"DOWN {alert.target} since {alert.since:%Y-%m-%d %H:%M:%S}Z: {alert.detail}"
    duration = format_duration(alert.at - alert.since)
    if alert.kind == "reminder":
        return f"STILL DOWN {alert.target} for {duration}: {alert.detail}"
    return f"RECOVERED {alert.target} after {duration}"


class SlackSender:
    """Posts alerts to a Slack incoming webhook through an injected `post(url, payload)`."""

    def __init__(self, webhook_url: str, *, post: Callable[[str, dict[str, Any]], int]) -> None:
        self.webhook_url = webhook_url
        self.post = post

    def send(self, alert: Alert) -> None:
        status = self.post(self.webhook_url, {"text": format_alert(alert)})
        if not 200 <= status < 300:
            raise SendError(f"Slack answered {status}")
