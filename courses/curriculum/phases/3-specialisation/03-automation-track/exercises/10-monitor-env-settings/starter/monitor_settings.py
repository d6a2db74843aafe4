"""The monitor's configuration, read from environment variables and validated in one go."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


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


def parse_targets(text: str) -> tuple[Target, ...]:
    """`"web-1:443, db-1:5432"` -> targets in order, duplicates dropped; ValueError if invalid."""
    raise NotImplementedError


def parse_bool(text: str) -> bool:
    """1/true/yes/on or 0/false/no/off, in any case; ValueError otherwise."""
    raise NotImplementedError


def load_settings(env: Mapping[str, str] | None = None) -> MonitorSettings:
    """Read and validate every setting; SettingsError lists all the problems at once."""
    raise NotImplementedError
