"""Hidden checks: record hashes' shape, decoded claims and verdicts on tokens."""

from datetime import datetime, timedelta, timezone

import bcrypt
import jwt
import pytest
from token_auth import (
    DEFAULT_ROUNDS, MissingScope, TokenError, TokenExpired, TokenInvalid, TokenService,
    hash_password, needs_rehash, verify_password,
)

SECRET = "hidden-check-secret-0123456789abcdef"
T0 = datetime(2032, 2, 29, 23, 59, 30, tzinfo=timezone.utc)


def verdict(function, *args, **kwargs):
    try:
        return ("ok", function(*args, **kwargs))
    except MissingScope:
        return ("missing-scope",)
    except TokenExpired:
        return ("expired",)
    except TokenInvalid:
        return ("invalid",)
    except TokenError:
        return ("token-error",)
    except ValueError:
        return ("value-error",)


def service(now, issuer="tasks-api", ttl=timedelta(minutes=30), secret=SECRET):
    return TokenService(secret, issuer=issuer, ttl=ttl, clock=lambda: now[0])


def forge(claims, key=SECRET, algorithm="HS256"):
    return jwt.encode(claims, key, algorithm=algorithm)


def check_password_hashes(observe):
    observe(DEFAULT_ROUNDS)
    for password, rounds in [("pässwörd", 4), ("é" * 36, 5), ("x" * 72, 4)]:
        hashed = hash_password(password, rounds=rounds)
        observe((type(hashed).__name__, hashed[:7], len(hashed)))
        observe([verify_password(candidate, hashed)
                 for candidate in [password, password[:-1], password + "!", password.upper()]])
        observe(bcrypt.checkpw(password.encode(), hashed.encode()))
    first, second = hash_password("same", rounds=4), hash_password("same", rounds=4)
    observe((first == second, first[:7], second[:7]))


@pytest.mark.parametrize(
    ("password", "rounds"),
    [("", 4), ("a" * 73, 4), ("é" * 37, 4), ("€" * 24, 4), ("€" * 25, 4), ("ok", 3), ("ok", 32)],
)
def check_hash_password_rejects(observe, password, rounds):
    result = verdict(hash_password, password, rounds=rounds)
    observe(result if result[0] != "ok" else ("ok", result[1][:7]))
    observe(len(password.encode()))


def check_verify_password_never_raises(observe):
    hashed = bcrypt.hashpw(b"secret", bcrypt.gensalt(rounds=4)).decode()
    for password, stored in [("secret", hashed), ("secret", hashed[:-1]), ("secret", ""),
                             ("secret", "$2b$04$short"), ("x" * 80, hashed),
                             ("secret", hashed.replace("$2b$", "$2y$")), ("Secret", hashed)]:
        observe((len(stored), verdict(verify_password, password, stored)))


def check_needs_rehash(observe):
    real = bcrypt.hashpw(b"pw", bcrypt.gensalt(rounds=4)).decode()
    rest = real[7:]
    cases = [("$2b$11$" + rest, None), ("$2b$12$" + rest, None), ("$2b$13$" + rest, None),
             ("$2a$05$" + rest, 5), ("$2y$05$" + rest, 6), (real, 4), (real, 3), ("$2x$04$" + rest, 12),
             ("$2b$ab$" + rest, 12), ("2b$04$" + rest, 12), ("$2b$04", 12), ("bcrypt", 12),
             ("x$2b$04$" + rest, 12)]
    for index, (hashed, rounds) in enumerate(cases):
        result = verdict(needs_rehash, hashed) if rounds is None else verdict(needs_rehash, hashed, rounds)
        observe((index, rounds, result))


def check_issued_claims(observe):
    now = [T0]
    tokens = service(now, issuer="issuer-x", ttl=timedelta(hours=2))
    for user_id, scopes in [(7, ["tasks:write", "admin", "tasks:read", "admin"]), (123456, []),
                            (1, ("b", "a"))]:
        token = tokens.issue(user_id, scopes)
        observe(jwt.get_unverified_header(token))
        observe(jwt.decode(token, SECRET, algorithms=["HS256"],
                           options={"verify_exp": False, "verify_iat": False}))
        observe(tokens.verify(token))
    observe(jwt.decode(tokens.issue(5), SECRET, algorithms=["HS256"],
                       options={"verify_exp": False, "verify_iat": False})["scope"])


def check_expiry_and_issue_time_with_the_clock(observe):
    now = [T0]
    tokens = service(now, ttl=timedelta(seconds=90))
    token = tokens.issue(99, ["read"])
    for offset in [-31, -1, 0, 1, 89, 90, 91, 10_000]:
        now[0] = T0 + timedelta(seconds=offset)
        observe((offset, verdict(tokens.verify, token)))
    now[0] = T0 + timedelta(seconds=95)
    observe(verdict(tokens.verify, token, required_scope="write"))


def check_a_clock_in_the_past(observe):
    past = datetime(2001, 9, 9, 1, 46, 40, tzinfo=timezone.utc)
    now = [past]
    tokens = service(now, ttl=timedelta(seconds=45))
    token = tokens.issue(2001, ["legacy"])
    for seconds in [0, 44, 45]:
        now[0] = past + timedelta(seconds=seconds)
        observe((seconds, verdict(tokens.verify, token, required_scope="legacy")))


def check_scopes(observe):
    now = [T0]
    tokens = service(now)
    token = tokens.issue(3, ["tasks:read", "tasks:write"])
    for scope in [None, "tasks:read", "tasks:write", "tasks", "read", "", "TASKS:READ"]:
        observe((scope, verdict(tokens.verify, token, required_scope=scope)))
    bare = forge({"sub": "4", "iss": "tasks-api", "iat": T0, "exp": T0 + timedelta(minutes=5)})
    observe(verdict(tokens.verify, bare))
    observe(verdict(tokens.verify, bare, required_scope="tasks:read"))


def check_rejected_tokens(observe):
    now = [T0]
    tokens = service(now)
    later = T0 + timedelta(minutes=5)
    base = {"sub": "10", "iss": "tasks-api", "iat": T0, "exp": later, "scope": "read"}
    good = tokens.issue(10, ["read"])
    head, body, signature = good.split(".")
    cases = [
        forge(base),
        forge({**base, "iss": "someone-else"}),
        forge({key: value for key, value in base.items() if key != "iss"}),
        forge({key: value for key, value in base.items() if key != "iat"}),
        forge({key: value for key, value in base.items() if key != "exp"}),
        forge({key: value for key, value in base.items() if key != "sub"}),
        forge({**base, "sub": "abc"}), forge({**base, "sub": "-4"}), forge({**base, "sub": "\u0663"}),
        forge({**base, "scope": ["read"]}),
        forge(base, key="wrong-secret-but-long-enough-0123456789"),
        forge(base, key=SECRET + SECRET, algorithm="HS512"),
        forge(base, key=None, algorithm="none"),
        f"{head}.{body}.{signature[:-2]}",
        f"{head}.{forge({**base, 'sub': '1'}).split('.')[1]}.{signature}",
        "not-a-token", "", f"{head}.{body}",
    ]
    for token in cases:
        observe(verdict(tokens.verify, token))


@pytest.mark.parametrize(
    ("secret", "ttl"),
    [("s" * 31, timedelta(minutes=1)), ("s" * 32, timedelta(minutes=1)), ("s" * 40, timedelta(0)),
     ("s" * 40, timedelta(seconds=-5)), ("s" * 40, timedelta(seconds=1))],
)
def check_service_validation(observe, secret, ttl):
    result = verdict(TokenService, secret, issuer="i", ttl=ttl, clock=lambda: T0)
    observe(result[0])
    if result[0] == "ok":
        token = result[1].issue(8, ["x"])
        observe(jwt.decode(token, secret, algorithms=["HS256"], issuer="i",
                           options={"verify_exp": False, "verify_iat": False}))
