from datetime import datetime, timedelta, timezone

import jwt
import pytest
from token_auth import (
    Claims, MissingScope, TokenExpired, TokenInvalid, TokenService, hash_password,
    needs_rehash, verify_password,
)

SECRET = "test-secret-that-is-long-enough!!"
NOON = datetime(2031, 5, 1, 12, 0, tzinfo=timezone.utc)


def service(now):
    return TokenService(SECRET, issuer="tasks-api", ttl=timedelta(minutes=15), clock=lambda: now[0])


def test_hash_and_verify_password():
    hashed = hash_password("correct horse", rounds=4)
    assert hashed.startswith("$2b$04$") and len(hashed) == 60
    assert verify_password("correct horse", hashed) is True
    assert verify_password("correct horsf", hashed) is False
    assert verify_password("correct horse", "not a hash") is False


def test_password_length_is_counted_in_bytes():
    hash_password("é" * 36, rounds=4)
    with pytest.raises(ValueError):
        hash_password("é" * 37, rounds=4)
    with pytest.raises(ValueError):
        hash_password("", rounds=4)


def test_needs_rehash_compares_the_cost():
    hashed = hash_password("pw", rounds=4)
    assert needs_rehash(hashed, rounds=5) is True
    assert needs_rehash(hashed, rounds=4) is False
    with pytest.raises(ValueError):
        needs_rehash("md5:abc")


def test_issue_and_verify_round_trip():
    now = [NOON]
    tokens = service(now)
    token = tokens.issue(42, ["write", "read", "read"])
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False})
    assert claims["sub"] == "42" and claims["scope"] == "read write" and claims["iss"] == "tasks-api"
    assert tokens.verify(token, required_scope="read") == Claims(
        user_id=42, scopes=("read", "write"), issued_at=NOON, expires_at=NOON + timedelta(minutes=15)
    )


def test_expiry_uses_the_injected_clock():
    now = [NOON]
    tokens = service(now)
    token = tokens.issue(1)
    now[0] = NOON + timedelta(minutes=14, seconds=59)
    assert tokens.verify(token).user_id == 1
    now[0] = NOON + timedelta(minutes=15)
    with pytest.raises(TokenExpired):
        tokens.verify(token)


def test_wrong_secret_and_missing_scope():
    now = [NOON]
    token = service(now).issue(7, ["read"])
    other = TokenService("another-secret-that-is-long-enough", issuer="tasks-api",
                         ttl=timedelta(minutes=15), clock=lambda: now[0])
    with pytest.raises(TokenInvalid):
        other.verify(token)
    with pytest.raises(MissingScope):
        service(now).verify(token, required_scope="write")


def test_constructor_validates():
    with pytest.raises(ValueError):
        TokenService("short", issuer="x", ttl=timedelta(minutes=1), clock=lambda: NOON)
    with pytest.raises(ValueError):
        TokenService(SECRET, issuer="x", ttl=timedelta(0), clock=lambda: NOON)
