import pytest
from fastapi.testclient import TestClient
from rate_limit_api import TokenBucket, create_app


def make(capacity=2, rate=0.5):
    now = [0.0]
    bucket = TokenBucket(capacity=capacity, refill_per_second=rate, clock=lambda: now[0])
    return now, bucket


def test_new_keys_start_full_and_take_one_token_each():
    now, bucket = make(capacity=3)
    assert bucket.remaining("a") == 3
    assert bucket.take("a") == (True, 0.0)
    assert bucket.remaining("a") == 2
    assert bucket.remaining("b") == 3


def test_empty_bucket_reports_the_wait():
    now, bucket = make(capacity=1, rate=0.5)
    bucket.take("a")
    assert bucket.take("a") == (False, 2.0)
    now[0] = 1.0
    assert bucket.take("a") == (False, 1.0)
    now[0] = 2.0
    assert bucket.take("a") == (True, 0.0)


def test_refill_is_capped_at_capacity():
    now, bucket = make(capacity=2, rate=1.0)
    bucket.take("a")
    now[0] = 100.0
    assert bucket.remaining("a") == 2


def test_invalid_buckets_are_rejected():
    with pytest.raises(ValueError):
        TokenBucket(capacity=0, refill_per_second=1.0, clock=lambda: 0.0)
    with pytest.raises(ValueError):
        TokenBucket(capacity=1, refill_per_second=0.0, clock=lambda: 0.0)


def test_api_headers_and_429():
    now, bucket = make(capacity=2, rate=0.5)
    client = TestClient(create_app(bucket))
    key = {"X-API-Key": "k1"}
    first = client.get("/api/echo/hi", headers=key)
    assert first.status_code == 200
    assert first.json() == {"word": "hi"}
    assert first.headers["x-ratelimit-limit"] == "2"
    assert first.headers["x-ratelimit-remaining"] == "1"
    client.get("/api/echo/hi", headers=key)
    refused = client.get("/api/echo/hi", headers=key)
    assert refused.status_code == 429
    assert refused.json() == {"detail": "rate limit exceeded"}
    assert refused.headers["retry-after"] == "2"
    assert refused.headers["x-ratelimit-remaining"] == "0"


def test_missing_key_is_401_and_health_is_free():
    now, bucket = make(capacity=1)
    client = TestClient(create_app(bucket))
    assert client.get("/api/square/3").status_code == 401
    for _ in range(3):
        response = client.get("/health")
        assert response.json() == {"status": "ok"}
        assert "x-ratelimit-limit" not in response.headers


def test_keys_are_limited_separately():
    now, bucket = make(capacity=1)
    client = TestClient(create_app(bucket))
    assert client.get("/api/square/4", headers={"X-API-Key": "a"}).json() == {"n": 4, "square": 16}
    assert client.get("/api/square/4", headers={"X-API-Key": "a"}).status_code == 429
    assert client.get("/api/square/4", headers={"X-API-Key": "b"}).status_code == 200
