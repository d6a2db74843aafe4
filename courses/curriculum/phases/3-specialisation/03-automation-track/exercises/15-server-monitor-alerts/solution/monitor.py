"""A server monitor: alert once when a target goes down, remind, and announce the recovery."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from alerts import Alert


class Sender(Protocol):
    def send(self, alert: Alert) -> None: ...


@dataclass
class _Target:
    down: bool = False
    failures: int = 0
    first_failure: datetime | None = None
    last_notified: datetime | None = None


class Monitor:
    def __init__(
        self,
        targets: Sequence[str],
        *,
        probe: Callable[[str], object],
        sender: Sender,
        clock: Callable[[], datetime],
        failures_to_alert: int = 2,
        remind_every: timedelta | None = None,
    ) -> None:
        if len(set(targets)) != len(targets):
            raise ValueError("a target is listed twice")
        if failures_to_alert < 1:
            raise ValueError("failures_to_alert must be at least 1")
        if remind_every is not None and remind_every <= timedelta(0):
            raise ValueError("remind_every must be positive")
        self._targets = {name: _Target() for name in targets}
        self._probe, self._sender, self._clock = probe, sender, clock
        self._failures_to_alert = failures_to_alert
        self._remind_every = remind_every
        self._pending: list[Alert] = []

    def status(self) -> dict[str, str]:
        """'up' or 'down' for every target, in the order given."""
        return {name: "down" if t.down else "up" for name, t in self._targets.items()}

    @property
    def pending(self) -> list[Alert]:
        """Alerts raised but not delivered yet, oldest first."""
        return list(self._pending)

    def run_once(self) -> list[Alert]:
        """Probe every target once, raise the alerts this round calls for, deliver what we can."""
        now = self._clock()
        raised: list[Alert] = []
        for name, target in self._targets.items():
            try:
                self._probe(name)
            except Exception as exc:  # a failed probe is an observation, not a crash
                alert = self._failed(name, target, now, f"{type(exc).__name__}: {exc}")
            else:
                alert = self._succeeded(name, target, now)
            if alert is not None:
                target.last_notified = now
                raised.append(alert)
        self._pending.extend(raised)
        self._deliver()
        return raised

    def _failed(self, name: str, target: _Target, now: datetime, error: str) -> Alert | None:
        target.failures += 1
        if target.first_failure is None:
            target.first_failure = now
        if not target.down:
            if target.failures < self._failures_to_alert:
                return None
            target.down = True
            return Alert("down", name, now, target.first_failure, error)
        due = self._remind_every is not None and (
            now - (target.last_notified or now) >= self._remind_every
        )
        return Alert("reminder", name, now, target.first_failure, error) if due else None

    def _succeeded(self, name: str, target: _Target, now: datetime) -> Alert | None:
        since, was_down = target.first_failure, target.down
        target.down, target.failures, target.first_failure = False, 0, None
        if was_down and since is not None:
            return Alert("recovered", name, now, since, "")
        return None

    def _deliver(self) -> None:
        while self._pending:
            try:
                self._sender.send(self._pending[0])
            except Exception:  # keep it for the next round; never lose an alert
                return
            self._pending.pop(0)
