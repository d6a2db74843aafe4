"""bcrypt password hashes and expiring JWT access tokens with an injected clock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

DEFAULT_ROUNDS = 12


def hash_password(password: str, *, rounds: int = DEFAULT_ROUNDS) -> str:
    """A bcrypt hash of `password` with cost `rounds`, as text ('$2b$12$...')."""
    raise NotImplementedError


def verify_password(password: str, hashed: str) -> bool:
    """True if `password` matches; False for a wrong password or an unusable hash."""
    raise NotImplementedError


def needs_rehash(hashed: str, rounds: int = DEFAULT_ROUNDS) -> bool:
    """True when the hash was made with a lower cost than `rounds`."""
    raise NotImplementedError


class TokenError(Exception):
    """The token cannot be accepted."""


class TokenInvalid(TokenError):
    """Malformed, wrongly signed, from another issuer, or missing claims."""


class TokenExpired(TokenError):
    """Authentic, but its expiry time has passed."""


class MissingScope(TokenError):
    """Authentic and current, but without the scope the caller needs."""


@dataclass(frozen=True)
class Claims:
    user_id: int
    scopes: tuple[str, ...]
    issued_at: datetime
    expires_at: datetime


class TokenService:
    def __init__(
        self, secret: str, *, issuer: str, ttl: timedelta, clock: Callable[[], datetime]
    ) -> None:
        raise NotImplementedError

    def issue(self, user_id: int, scopes: Iterable[str] = ()) -> str:
        """An HS256 JWT with sub, iss, iat, exp and scope."""
        raise NotImplementedError

    def verify(self, token: str, *, required_scope: str | None = None) -> Claims:
        """The token's claims, or TokenInvalid / TokenExpired / MissingScope."""
        raise NotImplementedError
