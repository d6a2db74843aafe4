"""Grading benchmark: real Celery workers over Redis, real PostgreSQL, the real bwrap sandbox.

Prints (never fails on targets; see bench/README.md):
  1. submit → stored result latency, p50/p95 over sequential submissions, 1 worker, for a
     10-test `core` exercise (both runs: visible tests and hidden checks);
  2. the same for a `data` exercise that imports pandas and scikit-learn: cold runs, warm
     runs back to back, and warm runs with a learner's pause between result and next submit
     (see submissions/sandbox/warm.py), and the share of the cold latency spent importing;
  3. sandbox overhead: the two runs in bwrap vs the same two runs as bare `pytest` processes;
  4. sustained throughput: a burst of submissions to one worker with 2 pool processes, with
     and without warm runs.

Run with `make bench-grading`. DATABASE_URL and REDIS_URL are used when set; the defaults are
a dedicated local database (created and migrated if missing) and Redis database 14.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/apprentice_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
EXERCISE = os.environ.get("BENCH_EXERCISE", "word-frequency")  # a `core` exercise, ~10 tests
# Default: the first `data` exercise whose reference imports both pandas and scikit-learn.
DATA_EXERCISE = os.environ.get("BENCH_DATA_EXERCISE", "")
LATENCY_RUNS = int(os.environ.get("BENCH_LATENCY_RUNS", "40"))
OVERHEAD_RUNS = int(os.environ.get("BENCH_OVERHEAD_RUNS", "20"))
BURST = int(os.environ.get("BENCH_BURST", "200"))
WARMUP = 3
# 2c: seconds between a result and the next submission (a learner reads the result first).
LEARNER_PAUSE = float(os.environ.get("BENCH_LEARNER_PAUSE", "2"))
STALL_SECONDS = 120.0  # give up on the burst if nothing finishes for this long
# The bench submits far faster than a person may, and quality checks would compete with
# grading for the same cores: both are switched off through the settings' environment.
BENCH_ENV = {
    "SUBMISSIONS_PER_MINUTE": "1000000",
    "SUBMISSIONS_PENDING_MAX": "1000000",
    "SUBMISSION_QUALITY_CHECKS": "false",
    "LOG_LEVEL": "WARNING",
    "SANDBOX_WARM_POOL": "true",  # as in production (the test settings turn it off)
}
TARGETS = {"p50": 0.5, "p95": 1.0, "data_p50": 1.5, "overhead_pct": 10.0, "per_minute": 240.0}


def configure() -> tuple[str, str]:
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    os.environ.update(BENCH_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = redis_url
    os.environ["CELERY_BROKER_URL"] = redis_url
    ensure_database(database_url)

    import django

    django.setup()
    from django.core.management import call_command

    from courses.services import curriculum_sync

    call_command("migrate", verbosity=0, interactive=False)
    curriculum_sync()
    return database_url, redis_url


def ensure_database(url: str) -> None:
    """CREATE DATABASE if it does not exist (PostgreSQL only)."""
    import environ
    import psycopg

    config = environ.Env.db_url_config(url)
    if not str(config["ENGINE"]).endswith("postgresql"):
        raise SystemExit(f"the grading bench needs PostgreSQL, not {config['ENGINE']}")
    params = {
        "dbname": "postgres",
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        name = str(config["NAME"])
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def wait_final(submission_id: int, *, timeout: float = 60.0, poll: float = 0.002) -> str:
    from submissions.models import Submission

    pending = {Submission.Status.QUEUED, Submission.Status.RUNNING}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = (
            Submission.objects.filter(pk=submission_id).values_list("status", flat=True).first()
        )
        if status not in pending:
            return str(status)
        time.sleep(poll)
    return "lost"


def bench_latency(
    learner: object,
    exercise: object,
    files: list[object],
    *,
    label: str,
    p50_target: float,
    pause: float = 0.0,
) -> float:
    from submissions import services
    from submissions.models import Submission

    gap = f", {pause:g} s between a result and the next submit" if pause else ", back to back"
    print(
        f"\n{label}: submit → stored result, {LATENCY_RUNS} sequential submissions{gap}, 1 worker"
    )
    for _ in range(WARMUP):
        submission = services.submission_create(learner=learner, exercise=exercise, files=files)
        wait_final(submission.pk)
        time.sleep(pause)
    latencies: list[float] = []
    outcomes: Counter[str] = Counter()
    ids = []
    for _ in range(LATENCY_RUNS):
        started = time.perf_counter()
        submission = services.submission_create(learner=learner, exercise=exercise, files=files)
        outcomes[wait_final(submission.pk)] += 1
        latencies.append(time.perf_counter() - started)
        ids.append(submission.pk)
        time.sleep(pause)  # not counted: the learner reads the result
    rows = Submission.objects.filter(pk__in=ids)
    stored = [(s.finished_at - s.created_at).total_seconds() for s in rows if s.finished_at]
    sandbox = [s.duration_ms / 1000 for s in rows if s.duration_ms is not None]
    totals = {s.tests_total for s in rows}
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    print(f"   outcomes: {dict(outcomes)}; tests + checks per submission: {sorted(totals)}")
    print(f"   p50 {p50:.3f} s   (target ≤ {p50_target} s: {verdict(p50 <= p50_target)})")
    if label.startswith("1."):
        print(
            f"   p95 {p95:.3f} s   (target ≤ {TARGETS['p95']} s: {verdict(p95 <= TARGETS['p95'])})"
        )
    else:
        print(f"   p95 {p95:.3f} s")
    print(f"   max {max(latencies):.3f} s")
    if stored:
        print(
            f"   stored finished_at − created_at: p50 {statistics.median(stored):.3f} s;"
            f" the slower of the two sandbox runs: p50 {statistics.median(sandbox):.3f} s"
        )
    return p50


def import_seconds(exercise: object) -> tuple[list[str], float]:
    """Median time the exercise's runtime takes to import what its reference imports."""
    import ast

    from courses.models import ExerciseFile
    from submissions.sandbox import runtimes

    names: set[str] = set()
    for source in ExerciseFile.objects.filter(exercise=exercise, role="solution").values_list(
        "content", flat=True
    ):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    third_party = sorted(n for n in names if n.split(".")[0] not in sys.stdlib_module_names)
    python = str(runtimes.resolve(exercise.runtime).python)  # type: ignore[attr-defined]
    code = "import " + ", ".join(third_party) if third_party else "pass"
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([python, "-s", "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    baseline = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([python, "-s", "-c", "import pytest"], check=True, capture_output=True)
        baseline.append(time.perf_counter() - started)
    return third_party, statistics.median(times) - statistics.median(baseline)


def _layout(root: Path, files: list[object], tests: list[object], folder: str) -> None:
    for prefix, items in (("", files), (folder, tests)):
        for item in items:
            target = root / prefix / item.path  # type: ignore[attr-defined]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.content)  # type: ignore[attr-defined]


def _bare_runs(
    files: list[object], visible: list[object], hidden: list[object], python: str
) -> float:
    """The two runs as bare pytest processes, started together, on the same files."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-bare-") as root:
        procs = []
        for name, tests, folder, extra in (
            ("visible", visible, "tests", []),
            (
                "hidden",
                hidden,
                "tests/hidden",
                [
                    "-o",
                    "python_files=check_*.py",
                    "-o",
                    "python_functions=check_*",
                    "-p",
                    "bench_observe",
                ],
            ),
        ):
            work = Path(root) / name
            _layout(work, files, tests, folder)
            (work / "bench_observe.py").write_text(
                "import pytest\n\n@pytest.fixture\ndef observe():\n"
                "    class O:\n        def __call__(self, v, **k): return v\n"
                "        def call(self, f, *a, **k):\n            try:\n                return f(*a, **k)\n"
                "            except Exception:\n                return None\n"
                "        raises = call\n        def tree(self, p): return None\n    return O()\n"
            )
            argv = [
                python,
                "-s",
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-c",
                "/dev/null",
                "--rootdir=.",
                "--import-mode=importlib",
                "-q",
                "--tb=no",
                "-rN",
                "--color=no",
                *extra,
                folder,
            ]
            env = {
                "PATH": "/usr/bin:/bin",
                "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
                "HOME": root,
                "PYTHONPATH": str(work),
            }
            procs.append(
                subprocess.Popen(
                    argv, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
                )
            )
        for proc in procs:
            out, _ = proc.communicate()
            if proc.returncode != 0:
                raise SystemExit(f"bare pytest failed ({proc.returncode}):\n{out.decode()}")
    return time.perf_counter() - started


def bench_overhead(exercise: object) -> None:
    from django.conf import settings
    from django.test import override_settings

    from courses.models import ExerciseFile
    from submissions import grading, selectors
    from submissions.sandbox import Outcome, SandboxFile, runtimes

    print(f"\n3. Sandbox overhead, median of {OVERHEAD_RUNS} runs each (interleaved)")
    solution = [
        SandboxFile(f.path, f.content)
        for f in ExerciseFile.objects.filter(exercise=exercise, role=ExerciseFile.Role.SOLUTION)
    ]
    # The worker's own path (answer key, limits, runtime), graded cold like bare pytest.
    job = selectors.exercise_grading_job(exercise=exercise, files=solution)  # type: ignore[arg-type]
    files, visible, hidden = job.files, job.visible_tests, job.hidden_checks
    runtime = runtimes.resolve(job.runtime)

    def sandboxed() -> float:
        started = time.perf_counter()
        with override_settings(SANDBOX_WARM_POOL=False):
            result = grading.grade(job)
        elapsed = time.perf_counter() - started
        if result.outcome != Outcome.PASSED:
            raise SystemExit(f"sandbox run did not pass: {result.outcome} {result.reason}")
        return elapsed

    python = str(runtime.python)
    for _ in range(WARMUP):
        sandboxed()
        _bare_runs(files, visible, hidden, python)
    boxed: list[float] = []
    bare: list[float] = []
    for _ in range(OVERHEAD_RUNS):
        boxed.append(sandboxed())
        bare.append(_bare_runs(files, visible, hidden, python))
    boxed_median, bare_median = statistics.median(boxed), statistics.median(bare)
    overhead = (boxed_median / bare_median - 1) * 100
    print(
        f"   grading.grade (mode={settings.SANDBOX_MODE}, 2 runs, cold): median {boxed_median * 1000:.0f} ms"
    )
    print(f"   the same 2 runs as bare pytest processes:        median {bare_median * 1000:.0f} ms")
    print(
        f"   ratio {boxed_median / bare_median:.3f} → overhead {overhead:+.1f} %"
        f"   (target ≤ {TARGETS['overhead_pct']:.0f} %: {verdict(overhead <= TARGETS['overhead_pct'])})"
    )


def bench_throughput(learner: object, exercise: object, files: list[object], *, label: str) -> None:
    from submissions import services
    from submissions.models import Submission

    print(f"\n{label}: {BURST} submissions at once, 1 worker × 2 pool processes")
    for _ in range(WARMUP):
        wait_final(services.submission_create(learner=learner, exercise=exercise, files=files).pk)
    pending = {Submission.Status.QUEUED, Submission.Status.RUNNING}
    started = time.perf_counter()
    ids = [
        services.submission_create(learner=learner, exercise=exercise, files=files).pk
        for _ in range(BURST)
    ]
    submitted = time.perf_counter() - started
    last_progress, done = time.monotonic(), 0
    while True:
        now_done = Submission.objects.filter(pk__in=ids).exclude(status__in=pending).count()
        if now_done == BURST:
            break
        if now_done > done:
            done, last_progress = now_done, time.monotonic()
        elif time.monotonic() - last_progress > STALL_SECONDS:
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    statuses = Counter(Submission.objects.filter(pk__in=ids).values_list("status", flat=True))
    final = sum(n for status, n in statuses.items() if status not in pending)
    per_minute = final / elapsed * 60
    lost = BURST - final
    print(f"   submitted in {submitted:.2f} s; all final after {elapsed:.2f} s")
    print(f"   outcomes: {dict(statuses)}")
    print(
        f"   {per_minute:.0f} submissions/minute"
        f"   (target ≥ {TARGETS['per_minute']:.0f}: {verdict(per_minute >= TARGETS['per_minute'])})"
    )
    print(f"   lost (not final): {lost}   (target 0: {verdict(lost == 0)})")


def find_data_exercise() -> object:
    from courses.models import Exercise

    if DATA_EXERCISE:
        return Exercise.objects.get(slug=DATA_EXERCISE)
    for candidate in (
        Exercise.objects.live().filter(runtime="data").order_by("module__order", "order")
    ):
        code = " ".join(candidate.files.filter(role="solution").values_list("content", flat=True))
        if "pandas" in code and "sklearn" in code and candidate.kind != "tests":
            return candidate
    raise SystemExit("no data exercise imports pandas and scikit-learn (set BENCH_DATA_EXERCISE)")


def main() -> None:
    database_url, redis_url = configure()

    from django.db import connection

    from accounts.services import user_create
    from courses.models import Exercise
    from courses.services import enrollment_create
    from submissions.models import Submission
    from submissions.services import IncomingFile
    from tests.workers import WorkerSet, flush_redis

    exercise = Exercise.objects.get(slug=EXERCISE)
    files = [IncomingFile(f.path, f.content) for f in exercise.files.filter(role="solution")]
    data_exercise = find_data_exercise()
    data_files = [
        IncomingFile(f.path, f.content) for f in data_exercise.files.filter(role="solution")
    ]
    print("Grading benchmark")
    print(
        f"   database {connection.settings_dict['NAME']} on {connection.vendor}; broker {redis_url}"
    )
    print(
        f"   exercises {EXERCISE} and {data_exercise.slug}: their reference solutions, graded"  # type: ignore[attr-defined]
        " against all their tests and checks"
    )
    print(
        "   per-learner rate limits off (SUBMISSIONS_PER_MINUTE, SUBMISSIONS_PENDING_MAX) and"
        " quality checks off (SUBMISSION_QUALITY_CHECKS=false) so they do not compete"
    )
    if redis_url == DEFAULT_REDIS_URL:
        flush_redis(redis_url)  # our own database: no stale messages from an aborted run
    token = uuid.uuid4().hex
    learner = user_create(email=f"bench-{token[:8]}@example.com", password=token)
    # The data exercise belongs to a Phase 3 track: only its learners may submit to it.
    enrollment_create(learner=learner, track=data_exercise.module.track)  # type: ignore[attr-defined]
    log_dir = BASE_DIR / "var" / "bench" / "workers"
    shutil.rmtree(log_dir, ignore_errors=True)  # keep only this run's worker logs
    try:
        with WorkerSet(
            broker_url=redis_url,
            database_url=database_url,
            log_dir=log_dir,
            extra_env=dict(BENCH_ENV),
            name_prefix="bench",
        ) as workers:
            workers.start(concurrency=1).wait_ready()
            bench_latency(learner, exercise, files, label="1. core", p50_target=TARGETS["p50"])
            workers.kill_all()
            workers.extra_env["SANDBOX_WARM_POOL"] = "false"
            workers.start(concurrency=1).wait_ready()
            cold_p50 = bench_latency(
                learner,
                data_exercise,
                data_files,
                label=f"2a. data ({data_exercise.slug}), cold runs (SANDBOX_WARM_POOL=false)",
                p50_target=TARGETS["data_p50"],
            )
            modules, seconds = import_seconds(data_exercise)
            print(
                f"   importing {', '.join(modules)} in the runtime: {seconds:.3f} s beyond pytest"
                f" itself, {seconds / cold_p50:.0%} of the p50 (the two runs import in parallel)"
            )
            workers.kill_all()
            workers.extra_env["SANDBOX_WARM_POOL"] = "true"
            workers.start(concurrency=1).wait_ready()
            for label, pause in (("2b", 0.0), ("2c", LEARNER_PAUSE)):
                bench_latency(
                    learner,
                    data_exercise,
                    data_files,
                    label=f"{label}. data ({data_exercise.slug}), warm runs",
                    p50_target=TARGETS["data_p50"],
                    pause=pause,
                )
            workers.kill_all()
            bench_overhead(exercise)
            for label, warm in (("4a", "true"), ("4b", "false")):
                workers.extra_env["SANDBOX_WARM_POOL"] = warm
                workers.start(concurrency=2).wait_ready()
                state = "warm runs" if warm == "true" else "cold runs (SANDBOX_WARM_POOL=false)"
                bench_throughput(
                    learner, exercise, files, label=f"{label}. Sustained throughput, {state}"
                )
                workers.kill_all()
    finally:
        Submission.objects.filter(learner=learner).delete()
        learner.delete()
    print(f"\nWorker logs: {log_dir}")


if __name__ == "__main__":
    main()
