"""Throttles: a default rate per user and per anonymous client, and a scoped rate for
submissions. Rates are read from settings on every request (not frozen at import), so
deployments and tests can change them."""

from __future__ import annotations

from typing import Any

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle


class _LiveRates:
    scope: str | None

    def get_rate(self) -> str | None:
        rates: dict[str, Any] = api_settings.DEFAULT_THROTTLE_RATES
        rate = rates.get(self.scope or "")
        return str(rate) if rate else None


class UserThrottle(_LiveRates, UserRateThrottle):
    pass


class AnonThrottle(_LiveRates, AnonRateThrottle):
    pass


class SubmissionsThrottle(_LiveRates, ScopedRateThrottle):
    """`throttle_scope = "submissions"` on the create view: submissions per minute per user.
    The service keeps its own per-minute rule too; this one answers before any work."""

    scope_attr = "throttle_scope"
