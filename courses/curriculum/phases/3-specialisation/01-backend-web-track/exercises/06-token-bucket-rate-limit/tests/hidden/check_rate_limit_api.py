"""Hidden checks: record buckets and HTTP answers; the grader compares with the reference."""

import pytest
from fastapi.testclient import TestClient
from rate_limit_api import TokenBucket, create_app

HEADERS = ("retry-after", "x-ratelimit-limit", "x-ratelimit-remaining")


def answer(response):
    return (response.status_code, response.json(), [response.headers.get(h) for h in HEADERS])


def check_bucket_arithmetic(observe):
    now = [10.0]
    bucket = TokenBucket(capacity=3, refill_per_second=0.25, clock=lambda: now[0])
    observe(bucket.capacity)
    steps = []
    for time, action in [(10.0, "take"), (10.0, "take"), (10.0, "take"), (10.0, "take"),
                         (11.0, "take"), (12.0, "remaining"), (14.0, "take"), (14.0, "take"),
                         (15.5, "take"), (30.0, "remaining"), (30.0, "take"), (1000.0, "remaining")]:
        now[0] = time
        steps.append((time, action, bucket.take("k") if action == "take" else bucket.remaining("k")))
    observe(steps, tol=1e-9)


def check_keys_are_separate_and_start_full(observe):
    now = [0.0]
    bucket = TokenBucket(capacity=2, refill_per_second=2.0, clock=lambda: now[0])
    observe([bucket.take("a"), bucket.take("a"), bucket.take("a"), bucket.remaining("b")])
    now[0] = 0.25
    observe([bucket.take("a"), bucket.take("b"), bucket.remaining("b"), bucket.remaining("c")])
    now[0] = 0.5
    observe([bucket.take("a"), bucket.take("a"), bucket.remaining("a")])


def check_clock_going_backwards(observe):
    now = [100.0]
    bucket = TokenBucket(capacity=4, refill_per_second=1.0, clock=lambda: now[0])
    for _ in range(4):
        bucket.take("k")
    results = []
    for time in [98.0, 99.5, 100.5, 101.0, 50.0, 102.0]:
        now[0] = time
        results.append((time, bucket.remaining("k"), bucket.take("k")))
    observe(results, tol=1e-9)


@pytest.mark.parametrize(
    ("capacity", "rate"), [(0, 1.0), (-2, 1.0), (1, 0.0), (1, -0.5), (1, 0.001), (5, 3.0)]
)
def check_constructor_validation(observe, capacity, rate):
    observe.raises(TokenBucket, capacity, rate, lambda: 0.0)
    observe((capacity, rate))


def check_http_limits_retry_after_and_headers(observe):
    now = [0.0]
    bucket = TokenBucket(capacity=3, refill_per_second=0.4, clock=lambda: now[0])
    client = TestClient(create_app(bucket))
    key = {"X-API-Key": "team-a"}
    for time in [0.0, 0.0, 0.0, 0.0, 1.25, 2.5, 2.5, 4.75, 5.0, 100.0]:
        now[0] = time
        observe((time, answer(client.get("/api/echo/ping", headers=key))))
    observe(answer(client.get("/api/echo/ping", headers={"X-API-Key": "team-b"})))


def check_what_takes_a_token(observe):
    now = [0.0]
    bucket = TokenBucket(capacity=3, refill_per_second=0.01, clock=lambda: now[0])
    client = TestClient(create_app(bucket))
    key = {"X-API-Key": "k"}
    observe(answer(client.get("/api/square/7")))
    observe(answer(client.get("/api/square/7", headers={"X-API-Key": ""})))
    observe(bucket.remaining("k"))
    observe((client.get("/api/nowhere", headers=key).status_code, bucket.remaining("k")))
    observe((client.get("/health", headers=key).json(), bucket.remaining("k")))
    health = client.get("/health")
    observe([health.headers.get(h) for h in HEADERS])
    observe((client.get("/api/square/seven", headers=key).status_code, bucket.remaining("k")))
    observe(answer(client.get("/api/square/-12", headers=key)))
    observe(answer(client.get("/api/square/3", headers=key)))
    observe(answer(client.get("/api/square/3", headers=key)))
    observe(answer(client.get("/api/square/3", headers={"X-API-Key": "other"})))
