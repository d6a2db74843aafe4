"""Salted PBKDF2 password hashes and HMAC-signed, expiring tokens (standard library only)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os

ALGORITHM = "pbkdf2_sha256"
MIN_SALT_BYTES = 8


class InvalidToken(ValueError):
    """The token is malformed or its signature does not match."""


class ExpiredToken(InvalidToken):
    """The token is authentic but its expiry time has passed."""


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64decode(text: str) -> bytes:
    """Decode unpadded base64url; raise ValueError (binascii.Error) on bad input."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(password: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)  # 32 bytes


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = 200_000) -> str:
    """Return 'pbkdf2_sha256$<iterations>$<salt>$<digest>' for `password`."""
    if not password:
        raise ValueError("password must not be empty")
    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    if salt is None:
        salt = os.urandom(16)
    elif len(salt) < MIN_SALT_BYTES:
        raise ValueError(f"salt must be at least {MIN_SALT_BYTES} bytes")
    digest = _derive(password, salt, iterations)
    return f"{ALGORITHM}${iterations}${_b64encode(salt)}${_b64encode(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True if `password` matches the `stored` hash; ValueError if `stored` is malformed."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM or not parts[1].isdigit():
        raise ValueError("stored hash is not in pbkdf2_sha256 format")
    iterations = int(parts[1])
    try:
        salt, expected = _b64decode(parts[2]), _b64decode(parts[3])
    except binascii.Error as exc:
        raise ValueError("stored hash has invalid base64") from exc
    return hmac.compare_digest(_derive(password, salt, iterations), expected)


def _signature(body: str, secret: bytes) -> str:
    return _b64encode(hmac.new(secret, body.encode(), hashlib.sha256).digest())


def sign_token(
    payload: dict[str, object], secret: bytes, *, issued_at: int, ttl_seconds: int
) -> str:
    """Return 'body.signature' for `payload` plus an 'exp' claim."""
    if "exp" in payload:
        raise ValueError("payload must not contain 'exp'")
    if ttl_seconds <= 0:
        raise ValueError("ttl_seconds must be positive")
    if not secret:
        raise ValueError("secret must not be empty")
    claims = {**payload, "exp": issued_at + ttl_seconds}
    body = _b64encode(json.dumps(claims, sort_keys=True, separators=(",", ":")).encode())
    return f"{body}.{_signature(body, secret)}"


def verify_token(token: str, secret: bytes, *, now: int) -> dict[str, object]:
    """Return the claims of a valid, unexpired token; raise InvalidToken/ExpiredToken."""
    if not token.isascii():
        raise InvalidToken("token must be ASCII")
    parts = token.split(".")
    if len(parts) != 2:
        raise InvalidToken("token must have exactly two parts")
    body, signature = parts
    if not hmac.compare_digest(_signature(body, secret), signature):
        raise InvalidToken("signature does not match")
    try:
        claims = json.loads(_b64decode(body))
    except (binascii.Error, ValueError) as exc:
        raise InvalidToken("token body is not valid base64 JSON") from exc
    if not isinstance(claims, dict):
        raise InvalidToken("token body is not a JSON object")
    exp = claims.get("exp")
    if not isinstance(exp, int) or isinstance(exp, bool):
        raise InvalidToken("token has no integer 'exp' claim")
    if now >= exp:
        raise ExpiredToken("token has expired")
    return claims
