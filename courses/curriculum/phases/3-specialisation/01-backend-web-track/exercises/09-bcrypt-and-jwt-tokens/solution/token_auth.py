"""bcrypt password hashes and expiring JWT access tokens with an injected clock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import bcrypt
import jwt

DEFAULT_ROUNDS = 12
MAX_PASSWORD_BYTES = 72
ALGORITHM = "HS256"


def hash_password(password: str, *, rounds: int = DEFAULT_ROUNDS) -> str:
    """A bcrypt hash of `password` with cost `rounds`, as text ('$2b$12$...')."""
    encoded = password.encode()
    if not encoded or len(encoded) > MAX_PASSWORD_BYTES:
        raise ValueError("password must be 1 to 72 bytes long")
    return bcrypt.hashpw(encoded, bcrypt.gensalt(rounds=rounds)).decode()


def verify_password(password: str, hashed: str) -> bool:
    """True if `password` matches; False for a wrong password or an unusable hash."""
    try:
        return bcrypt.checkpw(password.encode(), hashed.encode())
    except ValueError:
        return False


def needs_rehash(hashed: str, rounds: int = DEFAULT_ROUNDS) -> bool:
    """True when the hash was made with a lower cost than `rounds`."""
    parts = hashed.split("$")
    if len(parts) != 4 or parts[0] or parts[1] not in ("2a", "2b", "2y") or not parts[2].isdigit():
        raise ValueError("not a bcrypt hash")
    return int(parts[2]) < rounds


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
        if len(secret) < 32:
            raise ValueError("the secret must be at least 32 characters")
        if ttl <= timedelta(0):
            raise ValueError("ttl must be positive")
        self._secret = secret
        self.issuer = issuer
        self.ttl = ttl
        self._clock = clock

    def issue(self, user_id: int, scopes: Iterable[str] = ()) -> str:
        now = self._clock()
        claims = {
            "sub": str(user_id),
            "iss": self.issuer,
            "iat": now,
            "exp": now + self.ttl,
            "scope": " ".join(sorted(set(scopes))),
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def verify(self, token: str, *, required_scope: str | None = None) -> Claims:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=self.issuer,
                options={"verify_exp": False, "verify_iat": False,
                         "require": ["sub", "iss", "iat", "exp"]},
            )
        except jwt.InvalidTokenError as exc:
            raise TokenInvalid(str(exc)) from exc
        sub, scope = claims["sub"], claims.get("scope", "")
        if not (sub.isascii() and sub.isdigit()) or not isinstance(scope, str):
            raise TokenInvalid("bad sub or scope claim")
        now = self._clock().timestamp()
        if claims["iat"] > now:
            raise TokenInvalid("token used before it was issued")
        if now >= claims["exp"]:
            raise TokenExpired("token has expired")
        scopes = tuple(scope.split())
        if required_scope is not None and required_scope not in scopes:
            raise MissingScope(f"scope {required_scope!r} required")
        return Claims(
            user_id=int(sub),
            scopes=scopes,
            issued_at=datetime.fromtimestamp(claims["iat"], tz=timezone.utc),
            expires_at=datetime.fromtimestamp(claims["exp"], tz=timezone.utc),
        )
