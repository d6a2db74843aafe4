"""Hidden checks: record hashes, tokens and errors; the grader compares with the reference."""

import base64
import hashlib
import hmac
import json

import pytest
from auth import ExpiredToken, InvalidToken, hash_password, sign_token, verify_password, verify_token

SECRET = b"hidden-secret"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signed(body_bytes: bytes, secret: bytes = SECRET) -> str:
    body = b64(body_bytes)
    return body + "." + b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())


def outcome(function, *args, **kwargs):
    """The return value, or the exception's class name and whether it is an ExpiredToken."""
    try:
        return ("returned", function(*args, **kwargs))
    except ExpiredToken:
        return ("expired",)
    except InvalidToken:
        return ("invalid",)
    except ValueError as exc:
        return ("value-error", type(exc).__name__)


def check_hash_format_and_verification(observe):
    observe(hash_password("pässword", salt=b"saltsalt", iterations=3))
    observe(hash_password("x", salt=b"0123456789abcdefXY", iterations=12))
    observe(hash_password("a b", salt=b"\x00" * 9))  # default iterations
    observe(hash_password("pw", salt=b"saltsaltW", iterations=3))  # base64 ends in X
    salt = b"saltsaltsalt"
    digest = hashlib.pbkdf2_hmac("sha256", "pässword".encode(), salt, 7, 32)
    stored = f"pbkdf2_sha256$7${b64(salt)}${b64(digest)}"
    observe([verify_password(p, stored) for p in ["pässword", "password", "pässword ", ""]])


def check_random_salt(observe):
    first = hash_password("same", iterations=2)
    second = hash_password("same", iterations=2)
    observe(first == second)
    observe([len(part) for part in first.split("$")])
    observe([verify_password("same", first), verify_password("same", second)])


@pytest.mark.parametrize(
    "kwargs",
    [{"password": "", "iterations": 10}, {"password": "x", "salt": b"short77", "iterations": 10},
     {"password": "x", "salt": b"eightby!", "iterations": 0},
     {"password": "x", "salt": b"eightby!", "iterations": 1}],
)
def check_hash_password_arguments(observe, kwargs):
    observe(outcome(hash_password, **kwargs))


@pytest.mark.parametrize(
    "stored",
    ["", "md5$1$abc$def", "pbkdf2_sha256$many$abc$def", "pbkdf2_sha256$1$abc",
     "pbkdf2_sha256$1$a$b$c", "PBKDF2_SHA256$1$c2FsdHNhbHQ$abc"],
)
def check_verify_password_rejects_malformed_hashes(observe, stored):
    observe(outcome(verify_password, "x", stored))
    observe(hash_password("x", salt=b"saltsalt" + stored.encode(), iterations=1))


def check_token_encoding(observe):
    observe(sign_token({"sub": "7", "role": "admin"}, SECRET, issued_at=100, ttl_seconds=5))
    observe(sign_token({"name": "Zoë", "n": [1, 2]}, b"k", issued_at=-10, ttl_seconds=1))
    payload: dict[str, object] = {"sub": "1"}
    sign_token(payload, SECRET, issued_at=0, ttl_seconds=10)
    observe(payload)


def check_token_expiry_boundary(observe):
    token = sign_token({"sub": "42"}, SECRET, issued_at=1_000, ttl_seconds=60)
    for now in [0, 1_000, 1_059, 1_060, 1_061]:
        observe(outcome(verify_token, token, SECRET, now=now))
    observe(outcome(verify_token, token, SECRET + b"!", now=1_001))


def check_sign_token_arguments(observe):
    for payload, secret, ttl in [({"exp": 5}, SECRET, 10), ({}, SECRET, 0), ({}, SECRET, -1),
                                 ({}, b"", 10), ({"sub": "x"}, SECRET, 1)]:
        observe(outcome(sign_token, payload, secret, issued_at=7, ttl_seconds=ttl))


def check_tampering_and_malformed_tokens(observe):
    token = sign_token({"sub": "7", "role": "user"}, SECRET, issued_at=100, ttl_seconds=50)
    body, signature = token.split(".")
    other = b64(json.dumps({"exp": 150, "role": "admin", "sub": "7"}).encode())
    cases = [f"{other}.{signature}", f"{body}.{signature[:-1]}", f"{body}.{signature}x",
             "", "abc", "a.b.c", "!!!.???", "\u00e9.x", "x.\u00e9", token + ".",
             signed(b"[1, 2]"), signed(b'{"sub": "x"}'), signed(b'{"exp": "soon"}'),
             signed(b'{"exp": true}'), signed(b'{"exp": 10.5}'), signed(b"not json"),
             signed(b'{"exp": 500, "sub": "ok"}')]
    for case in cases:
        observe(outcome(verify_token, case, SECRET, now=200))
