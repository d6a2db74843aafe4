"""Everything the app needs from the outside world, passed in explicitly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Settings:
    secret_key: str
    database_url: str = "sqlite://"
    token_ttl_seconds: int = 900
    bcrypt_rounds: int = 12
    clock: Callable[[], datetime] = field(default=utc_now)
