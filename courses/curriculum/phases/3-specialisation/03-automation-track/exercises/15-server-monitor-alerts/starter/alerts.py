"""Alerts: what they say, and how they reach Slack (the HTTP call is injected)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

KINDS = ("down", "reminder", "recovered")


@dataclass(frozen=True)
class Alert:
    kind: str
    target: str
    at: datetime
    since: datetime
    detail: str


class SendError(Exception):
    """An alert could not be delivered."""


def format_duration(delta: timedelta) -> str:
    """Whole seconds, largest unit first: '45s', '3m 07s', '2h 00m 09s'."""
    raise NotImplementedError


def format_alert(alert: Alert) -> str:
    """The one-line message a human reads."""
    raise NotImplementedError


class SlackSender:
    """Posts alerts to a Slack incoming webhook through an injected `post(url, payload)`."""

    def __init__(self, webhook_url: str, *, post: Callable[[str, dict[str, Any]], int]) -> None:
        raise NotImplementedError

    def send(self, alert: Alert) -> None:
        raise NotImplementedError
