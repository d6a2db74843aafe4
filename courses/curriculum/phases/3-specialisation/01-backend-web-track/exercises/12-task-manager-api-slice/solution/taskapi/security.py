"""Password hashes (bcrypt) and access tokens (PyJWT), with the clock from the settings."""

from __future__ import annotations

from datetime import timedelta

import bcrypt
import jwt

from taskapi.config import Settings


def hash_password(password: str, settings: Settings) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=settings.bcrypt_rounds)).decode()


def password_matches(password: str, hashed: str) -> bool:
    return bcrypt.checkpw(password.encode(), hashed.encode())


def issue_token(user_id: int, settings: Settings) -> str:
    now = settings.clock()
    claims = {"sub": str(user_id), "iat": now, "exp": now + timedelta(seconds=settings.token_ttl_seconds)}
    return jwt.encode(claims, settings.secret_key, algorithm="HS256")


def user_id_from_token(token: str, settings: Settings) -> int | None:
    """The user id of a valid, unexpired token; None otherwise."""
    try:
        claims = jwt.decode(token, settings.secret_key, algorithms=["HS256"],
                            options={"verify_exp": False, "verify_iat": False,
                                     "require": ["sub", "exp"]})
    except jwt.InvalidTokenError:
        return None
    if settings.clock().timestamp() >= claims["exp"] or not str(claims["sub"]).isdigit():
        return None
    return int(claims["sub"])
