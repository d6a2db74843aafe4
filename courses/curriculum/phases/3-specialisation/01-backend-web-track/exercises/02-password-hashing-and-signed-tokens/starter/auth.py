"""Salted PBKDF2 password hashes and HMAC-signed, expiring tokens (standard library only)."""

from __future__ import annotations


class InvalidToken(ValueError):
    """The token is malformed or its signature does not match."""


class ExpiredToken(InvalidToken):
    """The token is authentic but its expiry time has passed."""


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = 200_000) -> str:
    """Return 'pbkdf2_sha256$<iterations>$<salt>$<digest>' for `password`."""
    raise NotImplementedError


def verify_password(password: str, stored: str) -> bool:
    """True if `password` matches the `stored` hash; ValueError if `stored` is malformed."""
    raise NotImplementedError


def sign_token(
    payload: dict[str, object], secret: bytes, *, issued_at: int, ttl_seconds: int
) -> str:
    """Return 'body.signature' for `payload` plus an 'exp' claim."""
    raise NotImplementedError


def verify_token(token: str, secret: bytes, *, now: int) -> dict[str, object]:
    """Return the claims of a valid, unexpired token; raise InvalidToken/ExpiredToken."""
    raise NotImplementedError
