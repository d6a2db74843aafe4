"""API benchmark: `make bench-api`.

Seeds PostgreSQL (database `apprentice_bench_api`) with 10,000 learners and 500,000
submissions, starts gunicorn (production settings, DEBUG off), and drives each main list and
detail endpoint with `wrk -t2 -c16` (a compiled load generator, so the Python server gets the
CPU), authenticated with allauth headless session tokens rotated by a Lua script. Prints each
endpoint's requests/s and p50/p99 next to `/api/v1/me/` measured in the same run, with the
targets from ARCHITECTURE.md: ≥ 60 % of /me/ throughput, p99 ≤ 150 ms. Prints; never fails.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/apprentice_bench_api),
BENCH_SECONDS (10 per endpoint), BENCH_ROUNDS (2), BENCH_CONNECTIONS (16), BENCH_WORKERS (4),
BENCH_THREADS (4).

The endpoints run in rounds (each round every endpoint for BENCH_SECONDS / BENCH_ROUNDS, /me/
first), and each endpoint's share of /me/ is the median of its shares within a round, so a
machine whose load drifts during the run (other work on the same cores) compares endpoints
measured minutes apart less than it would in a single pass. "cpu ms" is the server's CPU per
request (gunicorn's processes and the database's backends, from /proc), and "cpu /me/" is
/me/'s CPU per request over the endpoint's: the throughput share it would have on cores of
its own, which stays readable when other work leaves the server only part of the machine.
"""

from __future__ import annotations

import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/apprentice_bench_api"
)
LEARNERS = 10_000
SUBMISSIONS = 500_000
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
ROUNDS = max(1, int(os.environ.get("BENCH_ROUNDS", "2")))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
TOKENS = 500  # learners the clients sign in as
TARGET_SHARE, TARGET_P99_MS = 0.60, 150.0

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


def cached_answer_keys(
    exercises: list[Any], *, mode: str = "bwrap", jobs: int | None = None
) -> dict[str, tuple[str, Any]]:
    """The curriculum's answer keys without the sandbox: the API bench never grades, and
    recording ~100 reference suites on a busy machine takes minutes and can time out.
    Keys in the cache are used; the others get an empty key under a fingerprint that no
    exercise has, so grading against this database would say the key is missing."""
    from courses import keys
    from submissions.sandbox import AnswerKey

    found: dict[str, tuple[str, Any]] = {}
    for exercise in exercises:
        digest = keys.fingerprint(exercise)
        path = keys.cache_dir() / f"{digest}.json"
        if path.is_file():
            found[exercise.slug] = (digest, AnswerKey.from_dict(json.loads(path.read_text())))
        else:
            found[exercise.slug] = ("bench-unrecorded", AnswerKey(visible=[], checks={}))
    return found


def seed() -> None:
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from accounts.models import User
    from courses import keys
    from courses import services as course_services
    from courses.models import Exercise, Track
    from submissions.models import Submission

    call_command("migrate", verbosity=0, interactive=False)
    with mock.patch.object(keys, "record_many", cached_answer_keys):
        course_services.curriculum_sync()
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
                        "nodeid": f"tests/test_bench.py::test_case_{i}",
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
                    "worker, tests_passed, tests_total, reason, report, quality, grader_notes, "
                    "quality_enqueues, idempotency_hash) FROM STDIN"
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
                            "[]",
                            0,
                            "",
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
    """A free port outside 58000-58200, which other services on this machine use."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if not 58000 <= port <= 58200:
            return port


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
    ("GET /me/ (baseline)", "/api/v1/me/"),
    ("GET /submissions/ (list)", "/api/v1/submissions/"),
    ("GET /submissions/{id}/", "/api/v1/submissions/{id}/"),
    ("GET /submissions/{id}/ (304)", "/api/v1/submissions/{id}/?etag"),
    ("GET /exercises/", "/api/v1/exercises/"),
    ("GET /lessons/", "/api/v1/lessons/"),
    ("GET /notifications/", "/api/v1/notifications/"),
    ("GET /enrollments/current/", "/api/v1/enrollments/current/"),
]

LUA = """
-- Rotates learners (session tokens) and their submissions; answers 304s with ETags.
local sessions = {}
local etag_mode = false
init = function(args)
  for line in io.lines(args[1]) do
    local token, ids = line:match("([^ ]+) ?(.*)")
    local list = {}
    for id in ids:gmatch("%d+") do table.insert(list, id) end
    table.insert(sessions, {token = token, ids = list, etags = {}})
  end
  etag_mode = args[3] == "etag"
  template = args[2]
  counter = 0
end
request = function()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local path = template
  local headers = {["X-Session-Token"] = s.token, ["Accept"] = "application/json"}
  if path:find("{id}") then
    local id = s.ids[(counter % #s.ids) + 1]
    path = path:gsub("{id}", id)
    if etag_mode and s.etags[id] then headers["If-None-Match"] = s.etags[id] end
    last = {session = s, id = id}
  end
  return wrk.format("GET", path, headers)
end
response = function(status, headers, body)
  if last and headers["ETag"] then last.session.etags[last.id] = headers["ETag"] end
  if status ~= 200 and status ~= 304 then errors = (errors or 0) + 1 end
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is needed (apt-get install wrk)")
    return found


@dataclass
class Result:
    label: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    cpu_ms: float  # server CPU per request: gunicorn + the PostgreSQL backends


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu(gunicorn_pgid: int) -> dict[int, float]:
    """CPU seconds used so far by each gunicorn process and each PostgreSQL backend of the
    bench database. Their difference over a wrk run, per request, is what an endpoint
    costs the machine: steadier than requests/s when other work shares the cores."""
    from django.db import connection

    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[2]) == gunicorn_pgid:
                pids.append(int(entry.name))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        pids += [int(row[0]) for row in cursor.fetchall()]
    return {pid: _cpu_seconds(pid) for pid in pids}


def _ms(text: str) -> float:
    value = float(re.match(r"[\d.]+", text).group())  # type: ignore[union-attr]
    if text.endswith("us"):
        return value / 1000
    if text.endswith("ms"):
        return value
    return value * 1000  # "s"


def run_wrk(
    wrk: str,
    port: int,
    label: str,
    path: str,
    sessions_file: Path,
    script: Path,
    seconds: float,
    gunicorn_pgid: int,
) -> Result:
    template, _, mode = path.partition("?")
    cpu_before = server_cpu(gunicorn_pgid)
    out = subprocess.run(
        [
            wrk,
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds:g}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}{template}",
            "--",
            str(sessions_file),
            template,
            mode,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    cpu_after = server_cpu(gunicorn_pgid)
    used = sum(after - cpu_before.get(pid, 0.0) for pid, after in cpu_after.items())
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    cpu_ms = 1000 * used / max(requests, 1)
    return Result(label, rps, p50, p99, int(bad.group(1)) if bad else 0, cpu_ms)


def report(rounds: list[list[Result]]) -> None:
    """Per endpoint: the median over rounds of req/s, of its share of /me/ in the same round,
    of p50 and of p99; errors summed."""
    print(
        f"\nwrk -t2 -c{CONNECTIONS}, {SECONDS:g} s per endpoint in {len(rounds)} round(s), "
        f"gunicorn {WORKERS} × {THREADS} gthread (medians over rounds)"
    )
    print(
        f"{'endpoint':32} {'req/s':>8} {'of /me/':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'cpu ms':>7} {'cpu /me/':>8}   target ≥{TARGET_SHARE:.0%} of /me/, p99 ≤ {TARGET_P99_MS:.0f} ms"
    )
    for index, first in enumerate(rounds[0]):
        runs = [results[index] for results in rounds]
        rps = statistics.median(r.requests_per_second for r in runs)
        share = statistics.median(
            r.requests_per_second / results[0].requests_per_second
            for r, results in zip(runs, rounds, strict=True)
        )
        p50 = statistics.median(r.p50_ms for r in runs)
        p99 = statistics.median(r.p99_ms for r in runs)
        errors = sum(r.non_2xx for r in runs)
        cpu = statistics.median(r.cpu_ms for r in runs)
        # What /me/ costs over what this endpoint costs: the share of /me/'s requests/s it
        # would reach on cores of its own.
        cpu_share = statistics.median(
            results[0].cpu_ms / r.cpu_ms if r.cpu_ms else 0.0
            for r, results in zip(runs, rounds, strict=True)
        )
        ok = (
            ""
            if index == 0
            else ("ok" if share >= TARGET_SHARE and p99 <= TARGET_P99_MS else "MISSES")
        )
        print(
            f"{first.label:32} {rps:>8.0f} {share:>8.0%} {p50:>8.1f} {p99:>8.1f} {errors:>7} {cpu:>7.1f} {cpu_share:>8.0%}   {ok}"
        )


def query_counts(tokens: list[tuple[str, list[int]]]) -> None:
    """Queries per request at page sizes 5 and 50: constant in page size."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    token = next(t for t, ids in tokens if ids)
    client = Client(HTTP_X_SESSION_TOKEN=token)
    print("\nqueries per request (page size 5 / 50):")
    for label, path in ENDPOINTS[1:]:
        if "{id}" in path:
            continue
        counts = []
        for size in (5, 50):
            with CaptureQueriesContext(connection) as queries:
                client.get(f"{path}?page_size={size}", HTTP_HOST="127.0.0.1")
            counts.append(len(queries))
        print(f"   {label:32} {counts[0]:>3} / {counts[1]:<3}")


def main() -> None:
    ensure_database()
    setup_django()
    seed()
    wrk = ensure_wrk()
    tokens = session_tokens()
    query_counts(tokens)
    work = Path(tempfile.mkdtemp(prefix="bench-api-"))
    sessions_file = work / "sessions.txt"
    sessions_file.write_text(
        "".join(f"{t} {' '.join(map(str, ids))}\n" for t, ids in tokens if ids)
    )
    script = work / "rotate.lua"
    script.write_text(LUA)
    port = free_port()
    server = start_gunicorn(port)
    try:
        for _label, path in ENDPOINTS:  # warm every worker's connections and caches
            subprocess.run(
                [
                    wrk,
                    "-t2",
                    f"-c{CONNECTIONS}",
                    "-d2s",
                    "-s",
                    str(script),
                    f"http://127.0.0.1:{port}{path.partition('?')[0]}",
                    "--",
                    str(sessions_file),
                    path.partition("?")[0],
                    "",
                ],
                capture_output=True,
                check=True,
            )
        rounds = [
            [
                run_wrk(wrk, port, label, path, sessions_file, script, SECONDS / ROUNDS, server.pid)
                for label, path in ENDPOINTS
            ]
            for _ in range(ROUNDS)
        ]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
    report(rounds)


if __name__ == "__main__":
    main()
