"""A small fixed-window rate limit for public pages, in the shared cache, keyed like the API
throttles: by the socket's address unless NUM_PROXIES says how many proxies to trust."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def client_ip(request: HttpRequest) -> str:
    proxies = int(getattr(settings, "NUM_PROXIES", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return str(hops[-min(proxies, len(hops))])
    return str(request.META.get("REMOTE_ADDR", ""))


def allow(request: HttpRequest, *, action: str, limit: int, per_seconds: int) -> bool:
    """True while this client has made at most `limit` such requests in the window."""
    window = int(time.time() // per_seconds)
    key = f"ratelimit:{action}:{client_ip(request)}:{window}"
    try:
        cache.add(key, 0, timeout=per_seconds + 1)
        return int(cache.incr(key)) <= limit
    except (RedisError, OSError, ValueError) as exc:  # cache away: let it through, logged
        logger.warning("rate limit %s skipped: %s", action, exc)
        return True
