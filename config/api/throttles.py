"""Throttles: a default rate per user and per anonymous client, and a scoped rate for
submissions. Rates are read from settings on every request (not frozen at import), so
deployments and tests can change them."""

from __future__ import annotations

import logging
from typing import Any

from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

logger = logging.getLogger(__name__)


class _LiveRates:
    scope: str | None

    def get_rate(self) -> str | None:
        rates: dict[str, Any] = api_settings.DEFAULT_THROTTLE_RATES
        rate = rates.get(self.scope or "")
        return str(rate) if rate else None

    def allow_request(self, request: Any, view: Any) -> bool:
        # The counters live in the shared cache (Redis). If it is away for a moment the
        # request goes through (logged) rather than failing: the services keep their own
        # limits in the database for what must never be exceeded.
        try:
            return bool(super().allow_request(request, view))  # type: ignore[misc]
        except (RedisError, OSError) as exc:
            logger.warning("throttle %s skipped: cache unavailable (%s)", self.scope, exc)
            return True


class UserThrottle(_LiveRates, UserRateThrottle):
    pass


class AnonThrottle(_LiveRates, AnonRateThrottle):
    pass


class CertificateThrottle(_LiveRates, AnonRateThrottle):
    """Public certificate checks, per client address, signed in or not (codes must not be
    found by trying many)."""

    scope = "certificates"

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class SubmissionsThrottle(_LiveRates, ScopedRateThrottle):
    """`throttle_scope = "submissions"` on the create view: submissions per minute per user.
    The service keeps its own per-minute rule too; this one answers before any work."""

    scope_attr = "throttle_scope"
