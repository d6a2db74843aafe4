"""A server monitor: alert once when a target goes down, remind, and announce the recovery."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from alerts import Alert


class Monitor:
    def __init__(
        self,
        targets: Sequence[str],
        *,
        probe: Callable[[str], object],
        sender: object,
        clock: Callable[[], datetime],
        failures_to_alert: int = 2,
        remind_every: timedelta | None = None,
    ) -> None:
        raise NotImplementedError

    def run_once(self) -> list[Alert]:
        """Probe every target once, raise the alerts this round calls for, deliver what we can."""
        raise NotImplementedError

    def status(self) -> dict[str, str]:
        """'up' or 'down' for every target, in the order given."""
        raise NotImplementedError

    @property
    def pending(self) -> list[Alert]:
        """Alerts raised but not delivered yet, oldest first."""
        raise NotImplementedError
