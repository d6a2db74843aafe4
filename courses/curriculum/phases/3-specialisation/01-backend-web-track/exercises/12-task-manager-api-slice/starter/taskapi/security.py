"""Password hashes (bcrypt) and access tokens (PyJWT), with the clock from the settings."""

from __future__ import annotations

from taskapi.config import Settings


def hash_password(password: str, settings: Settings) -> str:
    """bcrypt with settings.bcrypt_rounds."""
    raise NotImplementedError


def password_matches(password: str, hashed: str) -> bool:
    raise NotImplementedError


def issue_token(user_id: int, settings: Settings) -> str:
    """HS256 JWT with sub, iat and exp (settings.clock() + settings.token_ttl_seconds)."""
    raise NotImplementedError


def user_id_from_token(token: str, settings: Settings) -> int | None:
    """The user id of a valid, unexpired token; None otherwise."""
    raise NotImplementedError
