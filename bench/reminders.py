"""Benchmark: plan + enqueue one day of reminders for 100,000 learners (PostgreSQL + Redis).

    make bench-reminders          # or: DJANGO_SETTINGS_MODULE=config.settings.test python bench/reminders.py

Seeds (once; reused on the next run) 100,000 enrolled learners spread over 30 time zones with
random practice hours and days, and a few weeks of activity for most of them. Then runs the
planner for every 5-minute beat of one UTC day (288 ticks, time frozen with time-machine),
exactly as beat would, publishing `notifications.deliver_batch` tasks to a real Redis
(redis://127.0.0.1:6379/12, flushed before and after; nothing consumes them).

Prints wall time, peak memory, SQL queries issued, notifications created per kind and tasks
published, with the targets next to them. Never fails on a target.
"""

from __future__ import annotations

import datetime
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/apprentice_bench_reminders"
)
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/12")
os.environ["CELERY_BROKER_URL"] = BROKER_URL
os.environ["REDIS_URL"] = BROKER_URL

LEARNERS = int(os.environ.get("BENCH_LEARNERS", "100000"))
DAY = datetime.date(2026, 3, 10)  # a Tuesday, after the US DST change, before Europe's
TARGET_SECONDS = 60.0
TARGET_MEMORY_MB = 512
ZONES = [
    "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Kyiv",
    "Europe/Istanbul", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg", "Asia/Dubai",
    "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Bangkok",
    "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Australia/Adelaide", "Australia/Sydney",
    "Pacific/Auckland", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Mexico_City", "America/Bogota",
]  # fmt: skip


def ensure_database() -> None:
    import psycopg

    from config.settings.test import DATABASES

    db = DATABASES["default"]
    params = {
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or "postgres",
        "password": db.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


def seed() -> None:
    from django.db import connection

    from accounts.models import ALL_DAYS, User
    from courses import services as course_services
    from courses.models import Enrollment, Track
    from notifications.models import LearnerActivity

    if not Track.objects.exists():
        course_services.curriculum_sync()
    have = User.objects.filter(email__endswith="@bench.invalid").count()
    if have >= LEARNERS:
        print(f"seed: reusing {have:,} learners")
        return
    started = time.perf_counter()
    rng = random.Random(42)
    tracks = list(Track.objects.values_list("pk", flat=True))
    batch = 5000
    for offset in range(have, LEARNERS, batch):
        users = [
            User(
                email=f"learner{n}@bench.invalid",
                password="!",  # noqa: S106 (an unusable password)
                time_zone=ZONES[n % len(ZONES)],
                practice_hour=rng.randrange(24),
                practice_days=ALL_DAYS if rng.random() < 0.7 else rng.randrange(1, ALL_DAYS + 1),
            )
            for n in range(offset, min(offset + batch, LEARNERS))
        ]
        User.objects.bulk_create(users, batch_size=batch)
        ids = list(
            User.objects.filter(email__in=[u.email for u in users]).values_list("pk", flat=True)
        )
        Enrollment.objects.bulk_create(
            [
                Enrollment(
                    learner_id=pk,
                    track_id=rng.choice(tracks),
                    started_on=DAY - datetime.timedelta(days=rng.randrange(1, 170)),
                )
                for pk in ids
            ],
            batch_size=batch,
        )
        activity = []
        for pk in ids:
            if rng.random() < 0.8:  # most learners were active some days of the last weeks
                days = rng.sample(range(21), rng.randrange(1, 15))
                activity.extend(
                    LearnerActivity(
                        learner_id=pk,
                        day=DAY - datetime.timedelta(days=d),
                        minutes=rng.randrange(10, 120),
                    )
                    for d in days
                )
        LearnerActivity.objects.bulk_create(activity, batch_size=batch, ignore_conflicts=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"seed: {LEARNERS - have:,} learners in {time.perf_counter() - started:.1f} s")


def main() -> None:
    import django

    ensure_database()
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    call_command("migrate", verbosity=0)
    seed()

    import redis
    import time_machine

    from notifications.models import Notification
    from notifications.planning import plan_reminders

    broker = redis.Redis.from_url(BROKER_URL)
    broker.flushdb()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE notifications_notification")

    queries = 0

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    published = 0
    from notifications import tasks

    real_delay = tasks.deliver_batch.delay

    def counting_delay(ids: list[int]) -> Any:
        nonlocal published
        published += 1
        return real_delay(ids)

    tasks.deliver_batch.delay = counting_delay  # type: ignore[method-assign]

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = datetime.datetime.combine(DAY, datetime.time(0, 0), tzinfo=datetime.UTC)
    ticks = 24 * 12
    slowest = 0.0
    wall_start = time.perf_counter()
    with connection.execute_wrapper(count):
        for tick in range(ticks):
            moment = start + datetime.timedelta(minutes=5 * tick)
            with time_machine.travel(moment, tick=False):
                tick_start = time.perf_counter()
                plan_reminders(now=moment)
                slowest = max(slowest, time.perf_counter() - tick_start)
    wall = time.perf_counter() - wall_start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    by_kind = dict(
        Notification.objects.values_list("kind").annotate(n=Count("pk")).order_by("kind")
    )
    created = sum(by_kind.values())
    queued_messages = broker.llen("notify")
    broker.flushdb()

    print(f"learners                  {LEARNERS:>12,}   in {len(ZONES)} time zones")
    print(f"beats planned             {ticks:>12}   every 5 min over one UTC day ({DAY})")
    print(f"wall time                 {wall:>12.1f} s  target ≤ {TARGET_SECONDS:.0f} s")
    print(f"slowest beat              {slowest:>12.2f} s  (a beat has 300 s)")
    print(
        f"peak memory (maxrss)      {rss_after:>12.0f} MB target ≤ {TARGET_MEMORY_MB} MB (before planning: {rss_before:.0f} MB)"
    )
    print(
        f"queries issued            {queries:>12,}   {queries / ticks:.1f} per beat, independent of learners"
    )
    print(
        f"notifications created     {created:>12,}   "
        + ", ".join(f"{k} {v:,}" for k, v in by_kind.items())
    )
    print(
        f"delivery tasks published  {published:>12,}   ≤ 500 ids each; {queued_messages:,} messages on Redis 'notify'"
    )


if __name__ == "__main__":
    main()
