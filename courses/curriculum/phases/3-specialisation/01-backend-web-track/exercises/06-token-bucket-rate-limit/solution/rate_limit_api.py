"""Per-key token-bucket rate limiting for an API, with an injected clock."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Response


class TokenBucket:
    """One bucket of `capacity` tokens per key, refilled continuously at `refill_per_second`."""

    def __init__(self, capacity: int, refill_per_second: float, clock: Callable[[], float]) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        if refill_per_second <= 0:
            raise ValueError("refill_per_second must be positive")
        self.capacity = capacity
        self.rate = refill_per_second
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last time)

    def _refill(self, key: str) -> float:
        now = self.clock()
        tokens, last = self._buckets.get(key, (float(self.capacity), now))
        tokens = min(float(self.capacity), tokens + max(0.0, now - last) * self.rate)
        self._buckets[key] = (tokens, max(now, last))
        return tokens

    def take(self, key: str) -> tuple[bool, float]:
        """Take one token: (True, 0.0), or (False, seconds until one token is available)."""
        tokens = self._refill(key)
        last = self._buckets[key][1]
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, last)
            return True, 0.0
        return False, (1 - tokens) / self.rate

    def remaining(self, key: str) -> int:
        """Whole tokens available to `key` now (taking none)."""
        return math.floor(self._refill(key))


def create_app(bucket: TokenBucket) -> FastAPI:
    def rate_limited(
        response: Response, x_api_key: Annotated[str | None, Header()] = None
    ) -> None:
        if not x_api_key:
            raise HTTPException(status_code=401, detail="missing API key")
        allowed, wait = bucket.take(x_api_key)
        limit = str(bucket.capacity)
        if not allowed:
            raise HTTPException(
                status_code=429,
                detail="rate limit exceeded",
                headers={"Retry-After": str(math.ceil(wait)),
                         "X-RateLimit-Limit": limit, "X-RateLimit-Remaining": "0"},
            )
        response.headers["X-RateLimit-Limit"] = limit
        response.headers["X-RateLimit-Remaining"] = str(bucket.remaining(x_api_key))

    app = FastAPI()
    api = APIRouter(prefix="/api", dependencies=[Depends(rate_limited)])

    @api.get("/echo/{word}")
    def echo(word: str) -> dict[str, str]:
        return {"word": word}

    @api.get("/square/{n}")
    def square(n: int) -> dict[str, int]:
        return {"n": n, "square": n * n}

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(api)
    return app
