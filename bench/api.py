"""API benchmark: `make bench-api`.

Seeds PostgreSQL (database `apprentice_bench_api`) with 10,000 learners and 500,000
submissions, starts gunicorn (4 workers, DEBUG off, production settings), and drives the main
list and detail endpoints with 50 concurrent keep-alive clients authenticated with allauth
headless session tokens. Prints p50/p99 per endpoint and requests/s next to the targets
(p50 ≤ 20 ms, p99 ≤ 150 ms). Prints; never fails on targets.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/apprentice_bench_api),
BENCH_SECONDS (20), BENCH_CLIENTS (50), BENCH_WORKERS (4), BENCH_THREADS (4).
"""

from __future__ import annotations

import datetime
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/apprentice_bench_api"
)
LEARNERS = 10_000
SUBMISSIONS = 500_000
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
TOKENS = 500  # learners the clients sign in as
TARGET_P50_MS, TARGET_P99_MS = 20.0, 150.0

SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    "LOG_LEVEL": "WARNING",
    # Measure the endpoints, not the throttle: 50 clients share 500 users.
    "API_USER_RATE": "1000000/min",
    "API_ANON_RATE": "1000000/min",
}


def ensure_database() -> None:
    import psycopg

    parsed = urlparse(DATABASE_URL)
    name = parsed.path.lstrip("/")
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def setup_django() -> None:
    os.environ.update(SERVER_ENV)
    import django

    django.setup()


def seed() -> None:
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from accounts.models import User
    from courses import services as course_services
    from courses.models import Exercise, Track
    from submissions.models import Submission

    call_command("migrate", verbosity=0, interactive=False)
    course_services.sync_curriculum()
    have = User.objects.filter(email__startswith="bench").count()
    if have < LEARNERS:
        started = time.perf_counter()
        password = make_password("bench-password")
        now = timezone.now()
        tracks = list(Track.objects.order_by("letter").values_list("id", flat=True))
        with connection.cursor() as cursor:
            raw = cursor.connection
            with (
                raw.cursor() as cur,
                cur.copy(
                    "COPY accounts_user (email, password, is_superuser, is_staff, is_active, "
                    "date_joined, display_name, time_zone, practice_hour, practice_days, "
                    "daily_goal_minutes) FROM STDIN"
                ) as copy,
            ):
                for i in range(have, LEARNERS):
                    copy.write_row(
                        (
                            f"bench{i}@example.com",
                            password,
                            False,
                            False,
                            True,
                            now,
                            f"Bench {i}",
                            "UTC",
                            18,
                            127,
                            60,
                        )
                    )
            ids = list(
                User.objects.filter(email__startswith="bench")
                .exclude(enrollments__isnull=False)
                .values_list("id", flat=True)
            )
            with (
                raw.cursor() as cur,
                cur.copy(
                    "COPY courses_enrollment (learner_id, track_id, status, started_on, "
                    "created_at, note) FROM STDIN"
                ) as copy,
            ):
                for n, user_id in enumerate(ids):
                    copy.write_row(
                        (
                            user_id,
                            tracks[n % len(tracks)],
                            "active",
                            (now - datetime.timedelta(days=30)).date(),
                            now,
                            "",
                        )
                    )
        print(f"seeded {LEARNERS - have} learners in {time.perf_counter() - started:.1f} s")
    have_subs = Submission.objects.count()
    if have_subs < SUBMISSIONS:
        started = time.perf_counter()
        learner_ids = list(
            User.objects.filter(email__startswith="bench").values_list("id", flat=True)
        )
        exercise_ids = list(
            Exercise.objects.filter(module__track__isnull=True).values_list("id", flat=True)
        )
        statuses = ["passed", "failed", "passed", "error", "passed"]
        report = json.dumps(
            {
                "tests": [
                    {
                        "name": f"test_case_{i}",
                        "status": "pass",
                        "message": "",
                        "output": "",
                        "hidden": i > 2,
                    }
                    for i in range(6)
                ]
            }
        )
        rng = random.Random(7)
        base = timezone.now() - datetime.timedelta(days=60)
        with connection.cursor() as cursor:
            with (
                cursor.connection.cursor() as cur,
                cur.copy(
                    "COPY submissions_submission (learner_id, exercise_id, status, source, "
                    "attempts, enqueues, created_at, started_at, finished_at, duration_ms, "
                    "worker, tests_passed, tests_total, reason, report, quality) FROM STDIN"
                ) as copy,
            ):
                for i in range(SUBMISSIONS - have_subs):
                    created = base + datetime.timedelta(seconds=i * 10)
                    status = statuses[i % len(statuses)]
                    copy.write_row(
                        (
                            learner_ids[i % len(learner_ids)],
                            rng.choice(exercise_ids),
                            status,
                            "editor",
                            1,
                            1,
                            created,
                            created,
                            created + datetime.timedelta(seconds=1),
                            400,
                            "bench",
                            6 if status == "passed" else 3,
                            6,
                            "",
                            report,
                            "{}",
                        )
                    )
            cursor.execute("ANALYZE")
        print(
            f"seeded {SUBMISSIONS - have_subs} submissions in {time.perf_counter() - started:.1f} s"
        )


def session_tokens() -> list[tuple[str, list[int]]]:
    """allauth headless session tokens are session keys (see OneQuerySessionTokenStrategy):
    create sessions the way a login does, for a sample of learners."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import User
    from submissions.models import Submission

    users = list(User.objects.filter(email__startswith="bench").order_by("id")[:TOKENS])
    tokens = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        ids = list(
            Submission.objects.filter(learner=user).order_by("-id").values_list("id", flat=True)[:5]
        )
        assert session.session_key
        tokens.append((session.session_key, ids))
    return tokens


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(port: int) -> subprocess.Popen[bytes]:
    argv = [
        str(BASE_DIR / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "gthread",
        "--threads",
        str(THREADS),
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
    ]
    env = {**os.environ, **SERVER_ENV}
    # As in production: static files collected first (WhiteNoise serves them from there).
    subprocess.run(
        [
            str(BASE_DIR / ".venv" / "bin" / "python"),
            "manage.py",
            "collectstatic",
            "--noinput",
            "-v0",
        ],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    process = subprocess.Popen(argv, cwd=BASE_DIR, env=env, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


ENDPOINTS = [
    ("GET /submissions/ (list)", "/api/v1/submissions/", 3),
    ("GET /submissions/{id}/", "/api/v1/submissions/{id}/", 3),
    ("GET /submissions/{id}/ (304)", "/api/v1/submissions/{id}/", 3),
    ("GET /exercises/", "/api/v1/exercises/", 1),
    ("GET /lessons/", "/api/v1/lessons/", 1),
    ("GET /me/", "/api/v1/me/", 1),
    ("GET /notifications/", "/api/v1/notifications/", 1),
    ("GET /enrollments/current/", "/api/v1/enrollments/current/", 1),
]


def drive(
    port: int, tokens: list[tuple[str, list[int]]]
) -> tuple[dict[str, list[float]], int, float]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + SECONDS
    weighted = [e for e in ENDPOINTS for _ in range(e[2])]
    etags: dict[str, str] = {}

    def client(index: int) -> None:
        rng = random.Random(index)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local: dict[str, list[float]] = defaultdict(list)
        failed = 0
        while time.monotonic() < stop_at:
            token, ids = tokens[rng.randrange(len(tokens))]
            label, path, _ = rng.choice(weighted)
            headers = {"X-Session-Token": token, "Accept": "application/json"}
            if "{id}" in path:
                if not ids:
                    continue
                path = path.replace("{id}", str(rng.choice(ids)))
                if "304" in label and path in etags:
                    headers["If-None-Match"] = etags[path]
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            elapsed = (time.perf_counter() - started) * 1000
            if response.status not in (200, 304):
                failed += 1
            if response.getheader("ETag"):
                etags[path] = response.getheader("ETag") or ""
            local[label].append(elapsed)
        with lock:
            for key, values in local.items():
                latencies[key].extend(values)
            errors[0] += failed

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(latencies: dict[str, list[float]], errors: int, elapsed: float) -> None:
    total = sum(len(v) for v in latencies.values())
    print(f"\n{CLIENTS} clients, {elapsed:.1f} s, gunicorn {WORKERS} workers × {THREADS} threads")
    print(
        f"{'endpoint':34} {'n':>7} {'p50 ms':>8} {'p99 ms':>8}   target p50≤{TARGET_P50_MS:.0f} p99≤{TARGET_P99_MS:.0f}"
    )
    every: list[float] = []
    for label, _, _ in ENDPOINTS:
        values = latencies.get(label, [])
        if not values:
            continue
        every += values
        p50, p99 = statistics.median(values), percentile(values, 0.99)
        ok = "ok" if p50 <= TARGET_P50_MS and p99 <= TARGET_P99_MS else "MISSED"
        print(f"{label:34} {len(values):>7} {p50:>8.1f} {p99:>8.1f}   {ok}")
    if every:
        p50, p99 = statistics.median(every), percentile(every, 0.99)
        print(f"{'all':34} {total:>7} {p50:>8.1f} {p99:>8.1f}")
    print(f"throughput: {total / elapsed:.0f} requests/s; errors: {errors}")


def main() -> None:
    ensure_database()
    setup_django()
    seed()
    tokens = session_tokens()
    port = free_port()
    server = start_gunicorn(port)
    try:
        # Warm every worker's connections and caches.
        warm = float(os.environ.get("BENCH_WARMUP_SECONDS", "3"))
        global SECONDS
        measured, SECONDS = SECONDS, warm
        drive(port, tokens)
        SECONDS = measured
        latencies, errors, elapsed = drive(port, tokens)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    report(latencies, errors, elapsed)


if __name__ == "__main__":
    main()
