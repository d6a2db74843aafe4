import base64
import hashlib

import pytest
from auth import ExpiredToken, InvalidToken, hash_password, sign_token, verify_password

SECRET = b"test-secret"


def test_hash_has_documented_format():
    stored = hash_password("hunter22", salt=b"0123456789abcdef", iterations=1_000)
    algorithm, iterations, salt, digest = stored.split("$")
    assert algorithm == "pbkdf2_sha256"
    assert iterations == "1000"
    assert salt == base64.urlsafe_b64encode(b"0123456789abcdef").decode().rstrip("=")
    expected = hashlib.pbkdf2_hmac("sha256", b"hunter22", b"0123456789abcdef", 1_000, 32)
    assert digest == base64.urlsafe_b64encode(expected).decode().rstrip("=")
    assert "=" not in stored


def test_verify_password_accepts_right_and_rejects_wrong():
    stored = hash_password("correct horse", iterations=1_000)
    assert verify_password("correct horse", stored) is True
    assert verify_password("correct horsf", stored) is False


def test_random_salt_makes_hashes_differ():
    assert hash_password("same", iterations=1_000) != hash_password("same", iterations=1_000)


def test_token_round_trip_returns_claims_with_exp():
    from auth import verify_token

    token = sign_token({"sub": "42"}, SECRET, issued_at=1_000, ttl_seconds=60)
    assert verify_token(token, SECRET, now=1_030) == {"sub": "42", "exp": 1_060}


def test_expired_token_raises_expired():
    from auth import verify_token

    token = sign_token({"sub": "42"}, SECRET, issued_at=1_000, ttl_seconds=60)
    with pytest.raises(ExpiredToken):
        verify_token(token, SECRET, now=1_060)


def test_wrong_secret_is_invalid():
    from auth import verify_token

    token = sign_token({"sub": "42"}, SECRET, issued_at=1_000, ttl_seconds=60)
    with pytest.raises(InvalidToken):
        verify_token(token, b"other-secret", now=1_001)


def test_expired_is_a_kind_of_invalid():
    assert issubclass(ExpiredToken, InvalidToken)
    assert issubclass(InvalidToken, ValueError)
