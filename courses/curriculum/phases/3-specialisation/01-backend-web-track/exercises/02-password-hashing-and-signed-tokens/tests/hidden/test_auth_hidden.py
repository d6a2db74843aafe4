import base64
import hashlib
import hmac
import json

import pytest
from auth import (
    ExpiredToken,
    InvalidToken,
    hash_password,
    sign_token,
    verify_password,
    verify_token,
)

SECRET = b"hidden-secret"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forge(claims: dict, secret: bytes = SECRET) -> str:
    body = b64(json.dumps(claims, sort_keys=True, separators=(",", ":")).encode())
    signature = b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    return f"{body}.{signature}"


def test_token_matches_documented_encoding():
    token = sign_token({"sub": "7", "role": "admin"}, SECRET, issued_at=100, ttl_seconds=5)
    assert token == forge({"sub": "7", "role": "admin", "exp": 105})


def test_tampered_payload_is_rejected():
    token = sign_token({"sub": "7", "role": "user"}, SECRET, issued_at=100, ttl_seconds=50)
    _, signature = token.split(".")
    body = b64(json.dumps({"exp": 150, "role": "admin", "sub": "7"}).encode())
    with pytest.raises(InvalidToken):
        verify_token(f"{body}.{signature}", SECRET, now=101)


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "!!!.???", "\u00e9.x", "x.\u00e9"])
def test_malformed_tokens_are_invalid(token):
    with pytest.raises(InvalidToken):
        verify_token(token, SECRET, now=0)


def test_signed_but_bad_claims_are_invalid_not_expired():
    for claims in ([1, 2], {"sub": "x"}, {"exp": "soon"}):
        body = b64(json.dumps(claims).encode())
        signature = b64(hmac.new(SECRET, body.encode(), hashlib.sha256).digest())
        with pytest.raises(InvalidToken) as info:
            verify_token(f"{body}.{signature}", SECRET, now=0)
        assert not isinstance(info.value, ExpiredToken)


def test_sign_token_validates_arguments():
    with pytest.raises(ValueError):
        sign_token({"exp": 5}, SECRET, issued_at=0, ttl_seconds=10)
    with pytest.raises(ValueError):
        sign_token({}, SECRET, issued_at=0, ttl_seconds=0)
    with pytest.raises(ValueError):
        sign_token({}, b"", issued_at=0, ttl_seconds=10)


def test_sign_token_does_not_mutate_payload():
    payload: dict[str, object] = {"sub": "1"}
    sign_token(payload, SECRET, issued_at=0, ttl_seconds=10)
    assert payload == {"sub": "1"}


def test_hash_password_validates_arguments():
    with pytest.raises(ValueError):
        hash_password("", iterations=10)
    with pytest.raises(ValueError):
        hash_password("x", salt=b"short", iterations=10)
    with pytest.raises(ValueError):
        hash_password("x", iterations=0)


def test_verify_password_uses_stored_iterations_and_salt():
    salt = b"saltsaltsalt"
    digest = hashlib.pbkdf2_hmac("sha256", "pässword".encode(), salt, 7, 32)
    stored = f"pbkdf2_sha256$7${b64(salt)}${b64(digest)}"
    assert verify_password("pässword", stored) is True
    assert verify_password("password", stored) is False


@pytest.mark.parametrize(
    "stored", ["", "md5$1$abc$def", "pbkdf2_sha256$many$abc$def", "pbkdf2_sha256$1$abc"]
)
def test_verify_password_rejects_malformed_hashes(stored):
    with pytest.raises(ValueError):
        verify_password("x", stored)


def test_default_iterations_are_high():
    stored = hash_password("x", salt=b"12345678")
    assert int(stored.split("$")[1]) >= 100_000
