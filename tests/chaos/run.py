"""`make chaos`: grading and reminders under backlog, kills and outages, measured.

Starts its own PostgreSQL (port 55432) and Redis (56379) under var/chaos/ — never the shared
ones — a real execute worker, beat, gunicorn and an SMTP sink, then runs:

  A. 1,000 submissions queued behind one worker, no fault;
  B. 1,000 more with faults while they drain: Redis restarted empty, the worker killed for
     2 minutes, PostgreSQL stopped for 30 s, Redis frozen (SIGSTOP) for 60 s; /readyz and
     the API are probed during every outage;
  C. 2,000 reminder emails (an announcement to a track) with the notify worker killed
     mid-batch three times.

Prints a table and exits non-zero if a figure misses (0 lost, 0 graded twice, 0 passes
discarded, ≤ 2 publishes per submission without faults, /readyz 503 within 2 s in every
outage and 200 after, reminders: 0 missing, 0 duplicated beyond the documented at-most-once
figure). Takes about 15 minutes on 2 cores. Not part of `make test`.
"""

from __future__ import annotations

import datetime
import glob
import json
import os
import re
import shutil
import signal
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE_DIR))
ROOT = BASE_DIR / "var" / "chaos"
PG_BIN = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
PG_PORT, REDIS_PORT, WEB_PORT, SMTP_PORT = 55432, 56379, 58000, 52525
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/chaos"
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/0"
COUNT = int(os.environ.get("CHAOS_SUBMISSIONS", "1000"))
EMAILS = int(os.environ.get("CHAOS_EMAILS", "2000"))
SLUG = "temperature-converter"
ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.test",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "CELERY_BROKER_URL": REDIS_URL,
    "SUBMISSIONS_PER_MINUTE": "1000000",
    "SUBMISSIONS_PENDING_MAX": "1000000",
    "SUBMISSION_QUALITY_CHECKS": "false",
    "SUBMISSION_SWEEP_SECONDS": "10",
    "SUBMISSION_QUEUE_DEADLINE_SECONDS": "30",
    "SUBMISSION_LEASE_MARGIN_SECONDS": "15",
    "BROKER_VISIBILITY_TIMEOUT": "60",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": str(SMTP_PORT),
    "LOG_LEVEL": "INFO",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
}


def log(message: str) -> None:
    sys.stdout.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stdout.flush()


# --------------------------------------------------------------------------- services


class Postgres:
    def __init__(self) -> None:
        self.data = ROOT / "pg"

    def _as_postgres(self, *argv: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *argv], check=True, capture_output=True
        )

    def init(self) -> None:
        if self.data.exists():
            self.stop()
            shutil.rmtree(self.data)
        self.data.mkdir(parents=True)
        shutil.chown(self.data, "postgres", "postgres")
        self._as_postgres(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"
        )
        self.start()
        subprocess.run(
            [
                str(PG_BIN / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(PG_PORT),
                "-U",
                "postgres",
                "chaos",
            ],
            check=True,
        )

    def start(self) -> None:
        self._as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.data / "log"),
            "-w",
            "-o",
            f"-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200",
            "start",
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [
                    "runuser",
                    "-u",
                    "postgres",
                    "--",
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                check=False,
                capture_output=True,
            )


class Redis:
    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(REDIS_PORT),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(ROOT),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if (
                subprocess.run(
                    ["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True
                ).stdout.strip()
                == b"PONG"
            ):
                return
            time.sleep(0.05)
        raise RuntimeError("redis did not start")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def restart_empty(self) -> None:
        self.kill()
        self.start()

    def freeze(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)


class SmtpSink(socketserver.ThreadingTCPServer):
    """A mail server that counts every accepted message by Message-ID (a little slowly, so a
    batch of 500 takes seconds and a worker can be killed in the middle of one)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", SMTP_PORT), _SmtpHandler)
        self.received: Counter[str] = Counter()
        self.lock = threading.Lock()


class _SmtpHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        server: SmtpSink = self.server  # type: ignore[assignment]
        self.wfile.write(b"220 sink ready\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.wfile.write(b"250 sink\r\n")
            elif command.startswith((b"MAIL", b"RCPT", b"RSET", b"NOOP")):
                self.wfile.write(b"250 ok\r\n")
            elif command == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                message_id = ""
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    match = re.match(rb"(?i)message-id:\s*(<[^>]+>)", data)
                    if match and not message_id:
                        message_id = match.group(1).decode()
                time.sleep(0.02)
                with server.lock:
                    server.received[message_id] += 1
                self.wfile.write(b"250 queued\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"502 no\r\n")


def start_process(argv: list[str], name: str) -> subprocess.Popen[bytes]:
    (ROOT / "logs").mkdir(parents=True, exist_ok=True)
    out = (ROOT / "logs" / f"{name}.log").open("ab")
    return subprocess.Popen(
        argv,
        cwd=BASE_DIR,
        env={**os.environ, **ENV},
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop_process(process: subprocess.Popen[bytes] | None) -> None:
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# --------------------------------------------------------------------------- probes


@dataclass
class Probe:
    outage: str
    readyz_during: int = 0
    readyz_seconds: float = 0.0
    api_during: int = 0
    api_retry_after: str = ""
    readyz_after: int = 0
    recovered_in: float = 0.0


def get(path: str, *, token: str = "", timeout: float = 10.0) -> tuple[int, float, dict[str, str]]:
    started = time.monotonic()
    request = urllib.request.Request(f"http://127.0.0.1:{WEB_PORT}{path}")
    if token:
        request.add_header("X-Session-Token", token)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - our http URL
            return response.status, time.monotonic() - started, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, dict(error.headers)
    except OSError:
        return 0, time.monotonic() - started, {}


def probe_outage(name: str, token: str) -> Probe:
    probe = Probe(outage=name)
    time.sleep(3)  # let the outage settle
    probe.readyz_during, probe.readyz_seconds, _ = get("/readyz")
    if "PostgreSQL" in name:
        probe.api_during, _, headers = get("/api/v1/me/", token=token)
        probe.api_retry_after = headers.get("Retry-After", "")
    return probe


def wait_ready(probe: Probe) -> None:
    started = time.monotonic()
    while time.monotonic() - started < 120:
        status, _, _ = get("/readyz", timeout=3)
        if status == 200:
            probe.readyz_after = 200
            probe.recovered_in = time.monotonic() - started
            return
        time.sleep(0.5)


# --------------------------------------------------------------------------- scenarios


@dataclass
class Batch:
    ids: list[int] = field(default_factory=list)
    expected: dict[int, str] = field(default_factory=dict)
    started: float = 0.0


def submit_batch(count: int, tag: str) -> Batch:
    from accounts.services import user_create
    from courses import services as course_services
    from courses.models import Exercise, ExerciseFile, Track
    from submissions import services
    from submissions.services import IncomingFile

    exercise = Exercise.objects.get(slug=SLUG)
    [solution] = ExerciseFile.objects.filter(exercise=exercise, role="solution")
    correct = [IncomingFile(solution.path, solution.content)]
    slow = [IncomingFile(solution.path, "import time\ntime.sleep(1)\n" + solution.content)]
    wrong = [
        IncomingFile(f.path, f.content)
        for f in ExerciseFile.objects.filter(exercise=exercise, role="starter")
    ]
    track = Track.objects.get(slug="backend-web")
    learners = []
    for n in range(100):
        learner = user_create(
            email=f"{tag}-{n}@chaos.test", password="chaos-password-1", verified=True
        )
        course_services.enrollment_create(learner=learner, track=track)
        learners.append(learner)
    batch = Batch(started=time.monotonic())
    kinds = [("passed", correct), ("passed", slow), ("failed", wrong)]
    for i in range(count):
        expected, files = kinds[i % 3]
        submission = services.submission_create(
            learner=learners[i % len(learners)], exercise=exercise, files=files
        )
        batch.ids.append(submission.pk)
        batch.expected[submission.pk] = expected
    return batch


def drop_db_connection() -> None:
    """This script is not a request: Django does not replace a connection the server
    dropped, so close it and let the next query connect again."""
    from django.db import connection

    try:
        connection.close()
    except Exception:  # already broken: closing it is all we wanted
        connection.connection = None


def wait_drained(batch: Batch, *, limit: float) -> float:
    from submissions.models import Submission

    deadline = time.monotonic() + limit
    last = -1
    while time.monotonic() < deadline:
        try:
            pending = Submission.objects.filter(
                pk__in=batch.ids, status__in=Submission.PENDING
            ).count()
        except Exception as exc:  # the database is the thing being stopped, sometimes
            log(f"   (database unavailable: {type(exc).__name__})")
            drop_db_connection()
            time.sleep(2)
            continue
        if pending != last:
            log(f"   {len(batch.ids) - pending}/{len(batch.ids)} final")
            last = pending
        if pending == 0:
            return time.monotonic() - batch.started
        time.sleep(3)
    return -1.0


def worker_log_facts(batch: Batch) -> tuple[int, int]:
    """(submissions whose grade was stored more than once, passes discarded) from the logs."""
    stored: Counter[int] = Counter()
    discarded = 0
    for path in (ROOT / "logs").glob("*.log"):
        for line in path.read_text(errors="replace").splitlines():
            if m := re.search(r"submission (\d+) graded:", line):
                stored[int(m.group(1))] += 1
            m = re.search(r"submission (\d+) result discarded: passed", line)
            if m and int(m.group(1)) in batch.expected:
                discarded += 1
    return sum(1 for sid in batch.ids if stored[sid] > 1), discarded


def grade_summary(batch: Batch) -> dict[str, Any]:
    from submissions.models import Submission

    rows = {
        r["pk"]: r
        for r in Submission.objects.filter(pk__in=batch.ids).values("pk", "status", "enqueues")
    }
    statuses = Counter(r["status"] for r in rows.values())
    wrong = sum(1 for pk, r in rows.items() if r["status"] != batch.expected[pk])
    twice, discarded = worker_log_facts(batch)
    return {
        "statuses": dict(statuses),
        "not_final": sum(n for s, n in statuses.items() if s in ("queued", "running")),
        "graded_wrongly": wrong,
        "failed_internal": statuses.get("internal_error", 0),
        "max_publishes": max(r["enqueues"] for r in rows.values()),
        "published_more_than_twice": sum(1 for r in rows.values() if r["enqueues"] > 2),
        "graded_twice": twice,
        "passes_discarded": discarded,
    }


def scenario_a(workers: Any) -> dict[str, Any]:
    log(f"A. {COUNT} submissions queued behind one worker, no fault")
    batch = submit_batch(COUNT, "a")
    workers.start(concurrency=2, queues="execute,default,sweep").wait_ready()
    drained = wait_drained(batch, limit=2400)
    summary = grade_summary(batch)
    summary["drain_seconds"] = round(drained, 1)
    workers.kill_all()
    return summary


def scenario_b(workers: Any, pg: Postgres, redis_server: Redis, token: str) -> dict[str, Any]:
    log(f"B. {COUNT} submissions with faults while they drain")
    batch = submit_batch(COUNT, "b")
    probes: list[Probe] = []
    worker = workers.start(concurrency=2, queues="execute,default,sweep")
    worker.wait_ready()

    time.sleep(15)
    log("   fault: Redis down, restarted empty (every queued message lost)")
    redis_server.kill()
    probe = probe_outage("Redis down, restarted empty", token)
    redis_server.start()
    wait_ready(probe)
    probes.append(probe)

    time.sleep(15)
    log("   fault: worker killed for 2 minutes")
    workers.kill_all()
    time.sleep(120)
    workers.start(concurrency=2, queues="execute,default,sweep").wait_ready()

    time.sleep(15)
    log("   fault: PostgreSQL stopped for 30 s")
    pg.stop()
    probe = probe_outage("PostgreSQL stopped", token)
    time.sleep(27)
    pg.start()
    wait_ready(probe)
    probes.append(probe)
    drop_db_connection()  # ours died with the server; the next query opens a new one

    time.sleep(15)
    log("   fault: Redis frozen for 60 s")
    redis_server.freeze()
    probe = probe_outage("Redis frozen (SIGSTOP)", token)
    time.sleep(57)
    redis_server.thaw()
    wait_ready(probe)
    probes.append(probe)

    drained = wait_drained(batch, limit=2400)
    summary = grade_summary(batch)
    summary["drain_seconds"] = round(drained, 1)
    summary["probes"] = [p.__dict__ for p in probes]
    workers.kill_all()
    return summary


def scenario_c(workers: Any, sink: SmtpSink) -> dict[str, Any]:
    from accounts.models import User
    from courses.models import Enrollment, Track
    from notifications import planning, services
    from notifications.models import DeliveryStatus, Kind, Notification

    log(f"C. {EMAILS} reminder emails, the notify worker killed mid-batch three times")
    track = Track.objects.get(slug="data-science-ai")
    users = User.objects.bulk_create(
        User(email=f"c-{n}@chaos.test", display_name=f"C {n}", time_zone="UTC")
        for n in range(EMAILS)
    )
    Enrollment.objects.bulk_create(
        Enrollment(learner=u, track=track, started_on=datetime.date.today()) for u in users
    )
    worker = workers.start(concurrency=1, queues="notify,sweep")
    worker.wait_ready()
    sent_before = sum(sink.received.values())
    planning.announcement_send(
        track_id=track.pk, title="Chaos", body="A message", url="/", dedupe_key="chaos-1"
    )
    for kill in range(3):
        time.sleep(6)
        log(
            f"   kill {kill + 1}: notify worker (mid-batch: {sum(sink.received.values()) - sent_before} received)"
        )
        workers.kill_all()
        time.sleep(2)
        workers.start(concurrency=1, queues="notify,sweep").wait_ready()
    notifications = Notification.objects.filter(kind=Kind.ANNOUNCEMENT, dedupe_key="chaos-1")
    # What the beat sweeper does once a killed worker's claims are old enough.
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        services.email_requeue_stale(
            now=datetime.datetime.now(datetime.UTC) + services.STALE_SENDING_AFTER * 2
        )
        left = notifications.filter(
            email_status__in=(DeliveryStatus.PENDING, DeliveryStatus.SENDING)
        ).count()
        if left == 0:
            break
        time.sleep(5)
    workers.kill_all()
    ids = {
        f"<notification-{pk}.announcement@apprentice.local>": pk
        for pk in notifications.values_list("pk", flat=True)
    }
    received = {mid: n for mid, n in sink.received.items() if mid in ids}
    statuses = Counter(notifications.values_list("email_status", flat=True))
    unknown = statuses.get(DeliveryStatus.UNKNOWN, 0)
    unknown_ids = set(
        notifications.filter(email_status=DeliveryStatus.UNKNOWN).values_list("pk", flat=True)
    )
    missing = sum(1 for mid, pk in ids.items() if mid not in received and pk not in unknown_ids)
    return {
        "notifications": len(ids),
        "statuses": dict(statuses),
        "delivered": len(received),
        "duplicated": sum(1 for n in received.values() if n > 1),
        "missing": missing,
        "unknown_not_resent": unknown,
        "unknown_but_delivered": sum(
            1 for mid, pk in ids.items() if pk in unknown_ids and mid in received
        ),
    }


# --------------------------------------------------------------------------- main


def ports_in_use() -> list[int]:
    import socket

    busy = []
    for port in (PG_PORT, REDIS_PORT, WEB_PORT, SMTP_PORT):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                busy.append(port)
    return busy


def main() -> int:
    if busy := ports_in_use():
        # A run cut short elsewhere left its servers behind; measuring beside them is wrong.
        log(f"ports {busy} are in use (a previous run's servers?): stop them first")
        return 2
    # `kill` (SIGTERM) unwinds through the finally below, so nothing is left running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ROOT.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(ROOT / "logs", ignore_errors=True)
    os.environ.update(ENV)
    pg, redis_server, sink = Postgres(), Redis(), SmtpSink()
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    web = beat = None
    log("starting PostgreSQL and Redis of our own")
    pg.init()
    redis_server.start()
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from accounts.services import user_create
        from courses.services import curriculum_sync
        from tests.api.fixtures import session_token
        from tests.workers import WorkerSet

        call_command("migrate", verbosity=0, interactive=False)
        curriculum_sync()
        prober = user_create(email="prober@chaos.test", password="chaos-password-1", verified=True)
        token = session_token(prober)
        web = start_process(
            [
                str(BASE_DIR / ".venv/bin/gunicorn"),
                "config.wsgi",
                "-b",
                f"127.0.0.1:{WEB_PORT}",
                "-w",
                "2",
                "--threads",
                "4",
                "--timeout",
                "30",
            ],
            "web",
        )
        beat = start_process(
            [
                str(BASE_DIR / ".venv/bin/celery"),
                "-A",
                "config",
                "beat",
                "-l",
                "INFO",
                "-s",
                str(ROOT / "beat-schedule"),
            ],
            "beat",
        )
        time.sleep(3)
        with WorkerSet(
            broker_url=REDIS_URL,
            database_url=DATABASE_URL,
            log_dir=ROOT / "logs",
            extra_env=dict(ENV),
            name_prefix="chaos",
        ) as workers:
            results = {
                "A": scenario_a(workers),
                "B": scenario_b(workers, pg, redis_server, token),
                "C": scenario_c(workers, sink),
            }
    finally:
        stop_process(web)
        stop_process(beat)
        # Workers a scenario started and did not stop (the run was cut short).
        subprocess.run(["pkill", "-KILL", "-f", "celeryd: chaos-"], check=False)
        redis_server.kill()
        pg.stop()
        sink.shutdown()
    (ROOT / "results.json").write_text(json.dumps(results, indent=2, default=str))
    return report(results)


def report(results: dict[str, Any]) -> int:
    a, b, c = results["A"], results["B"], results["C"]
    rows = [
        ("A no fault", "final (not lost)", COUNT - a["not_final"], COUNT),
        ("A no fault", "graded as expected", COUNT - a["graded_wrongly"], COUNT),
        ("A no fault", "failed (internal_error)", a["failed_internal"], 0),
        ("A no fault", "published more than twice", a["published_more_than_twice"], 0),
        ("A no fault", "time to drain (s)", a["drain_seconds"], None),
        ("B faults", "final (not lost)", COUNT - b["not_final"], COUNT),
        ("B faults", "graded as expected", COUNT - b["graded_wrongly"], COUNT),
        ("B faults", "graded twice", b["graded_twice"], 0),
        ("B faults", "passes discarded", b["passes_discarded"], 0),
        ("B faults", "time to drain (s)", b["drain_seconds"], None),
        ("C reminders", "missing", c["missing"], 0),
        ("C reminders", "duplicated", c["duplicated"], 0),
        (
            "C reminders",
            "outcome unknown, not re-sent (at most once)",
            c["unknown_not_resent"],
            None,
        ),
    ]
    ok = True
    sys.stdout.write(f"\n{'scenario':14} {'measure':46} {'result':>10} {'target':>8}\n")
    for scenario, measure, value, target in rows:
        good = target is None or value == target
        ok &= good
        mark = "" if good else "  MISSES"
        sys.stdout.write(
            f"{scenario:14} {measure:46} {value!s:>10} {target if target is not None else '—':>8}{mark}\n"
        )
    sys.stdout.write(
        f"\n{'outage':28} {'/readyz during':>15} {'in (s)':>7} {'API':>5} {'Retry-After':>12} {'/readyz after':>14} {'recovered (s)':>14}\n"
    )
    for p in b["probes"]:
        good = p["readyz_during"] == 503 and p["readyz_seconds"] <= 2.0 and p["readyz_after"] == 200
        if "PostgreSQL" in p["outage"]:
            good &= p["api_during"] == 503 and p["api_retry_after"] != ""
        ok &= good
        sys.stdout.write(
            f"{p['outage']:28} {p['readyz_during']:>15} {p['readyz_seconds']:>7.2f} {p['api_during'] or '—':>5} "
            f"{p['api_retry_after'] or '—':>12} {p['readyz_after']:>14} {p['recovered_in']:>14.1f}{'' if good else '  MISSES'}\n"
        )
    sys.stdout.write(
        f"\nstatuses A {a['statuses']}\nstatuses B {b['statuses']}\nemails {c['statuses']}\n"
    )
    sys.stdout.write(f"results in {ROOT / 'results.json'}, logs in {ROOT / 'logs'}\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
