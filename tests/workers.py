"""Start and stop real Celery workers (subprocesses) for end-to-end tests and benchmarks.

A worker runs in its own process group, so `Worker.kill()` ends the main process and its
pool children together; `WorkerSet` kills every worker it started when it exits, whatever
happened in between. The grading sandbox (bwrap) starts a new session of its own but runs
with `--die-with-parent`, so it dies with the pool child that started it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import kombu.pools

from config.celery_app import app as celery_app

BASE_DIR = Path(__file__).resolve().parent.parent
CELERY = BASE_DIR / ".venv" / "bin" / "celery"


def real_broker(db: int) -> Iterator[str]:
    """For a fixture: a flushed Redis database `db` that this process publishes to, or a
    skip when the run has no Redis or no PostgreSQL (a worker must share the test database)."""
    import pytest
    from django.db import connection

    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs REDIS_URL: real workers talk over Redis (CI sets it; SQLite runs don't)")
    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL on PostgreSQL: workers must share the test database")
    url = redis_db_url(redis_url, db)
    flush_redis(url)
    with publishing_to(url):
        yield url
    flush_redis(url)


class WorkerError(RuntimeError):
    """A worker did not start, or died when it should not have; carries its log tail."""


def database_url(settings_dict: Mapping[str, Any]) -> str:
    """A DATABASE_URL for another process that points at the same (test) database."""
    engine = str(settings_dict["ENGINE"])
    if not engine.endswith("postgresql"):
        raise WorkerError(f"a worker process needs a shared server database, not {engine}")
    user = quote(str(settings_dict.get("USER") or ""), safe="")
    password = quote(str(settings_dict.get("PASSWORD") or ""), safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


def redis_db_url(redis_url: str, db: int) -> str:
    """The same Redis server as `redis_url`, another database number."""
    base = redis_url.split("?", 1)[0].rstrip("/")
    head, _, tail = base.rpartition("/")
    if head.endswith(":/") or not tail.isdigit():  # no database number in the URL
        return f"{base}/{db}"
    return f"{head}/{db}"


def flush_redis(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()


def _reset_publisher() -> None:
    """Drop the Celery app's cached broker connections so the next publish uses the
    current `broker_url`. kombu keeps its pools in a process-wide registry keyed by
    connection, so that registry is reset too (what Celery itself does after a fork)."""
    pools: Any = kombu.pools  # untyped module
    pools.reset()
    celery_app._pool = None
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@contextmanager
def publishing_to(broker_url: str) -> Iterator[None]:
    """Make this process's Celery app publish to `broker_url`; restore the old one after."""
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = broker_url
    _reset_publisher()
    try:
        yield
    finally:
        celery_app.conf.broker_url = previous
        _reset_publisher()


def _children(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc (no psutil here)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # "pid (comm) state ppid ...": comm may contain spaces and parentheses.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


@dataclass
class Worker:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def is_alive(self) -> bool:
        return self.process.poll() is None

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, chars: int = 4000) -> str:
        return self.log()[-chars:]

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Until the worker logs that it consumes; raises WorkerError if it dies first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if f"{self.name} ready." in self.log():
                return
            if not self.is_alive():
                raise WorkerError(
                    f"worker {self.name} exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            time.sleep(0.05)
        raise WorkerError(f"worker {self.name} not ready after {timeout} s:\n{self.log_tail()}")

    def pool_pids(self) -> list[int]:
        return _children(self.pid)

    def kill_pool_child(self) -> int:
        """SIGKILL one pool process (the task it runs is lost; the main process survives)."""
        children = self.pool_pids()
        if not children:
            raise WorkerError(f"worker {self.name} has no pool process:\n{self.log_tail()}")
        os.kill(children[0], signal.SIGKILL)
        return children[0]

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool) and reap it."""
        if self.process.returncode is None:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)


@dataclass
class WorkerSet:
    """Starts workers with shared settings and kills all of them on exit."""

    broker_url: str
    database_url: str
    log_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    name_prefix: str = "e2e"
    workers: list[Worker] = field(default_factory=list)

    def start(self, *, concurrency: int = 1, queues: str = "execute,default") -> Worker:
        """Start `celery -A config worker` in a new process group; does not wait for it."""
        name = f"{self.name_prefix}-{uuid.uuid4().hex[:8]}@{os.uname().nodename}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.broker_url,
            "CELERY_BROKER_URL": self.broker_url,
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.log_dir / f"{name.split('@', 1)[0]}.log"
        argv = [str(CELERY), "-A", "config", "worker", "-Q", queues]
        argv += ["--concurrency", str(concurrency), "--pool", "prefork", "-l", "INFO"]
        argv += ["--without-mingle", "--without-gossip", "-n", name]
        with log_path.open("wb") as log_file:
            process = subprocess.Popen(
                argv,
                cwd=BASE_DIR,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: killed as one
            )
        worker = Worker(name=name, process=process, log_path=log_path)
        self.workers.append(worker)
        return worker

    def kill_all(self) -> None:
        for worker in self.workers:
            worker.kill()

    def logs(self) -> str:
        return "\n".join(f"--- {w.name}\n{w.log_tail()}" for w in self.workers)

    def __enter__(self) -> WorkerSet:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.kill_all()
