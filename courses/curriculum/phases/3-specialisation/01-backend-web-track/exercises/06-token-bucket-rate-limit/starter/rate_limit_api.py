"""Per-key token-bucket rate limiting for an API, with an injected clock."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI


class TokenBucket:
    """One bucket of `capacity` tokens per key, refilled continuously at `refill_per_second`."""

    def __init__(self, capacity: int, refill_per_second: float, clock: Callable[[], float]) -> None:
        raise NotImplementedError

    def take(self, key: str) -> tuple[bool, float]:
        """Take one token: (True, 0.0), or (False, seconds until one token is available)."""
        raise NotImplementedError

    def remaining(self, key: str) -> int:
        """Whole tokens available to `key` now (taking none)."""
        raise NotImplementedError


def create_app(bucket: TokenBucket) -> FastAPI:
    """GET /api/echo/{word}, GET /api/square/{n} (rate limited) and GET /health."""
    raise NotImplementedError
