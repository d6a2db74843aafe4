"""The Celery application: configuration comes from Django settings (CELERY_* names)."""

import os
import signal
from typing import Any

from celery import Celery
from celery.signals import worker_process_init, worker_process_shutdown

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("apprentice")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect  # type: ignore[untyped-decorator]  # celery ships no types
def _finish_running_work_on_sigterm(**kwargs: Any) -> None:
    """supervisord and systemd send SIGTERM to the worker's whole process group. The main
    process then does a warm shutdown (no new tasks, wait for the running ones); a pool
    process that died on the same signal would abandon a grading half-way. So pool
    processes ignore SIGTERM and finish their task; the main process's own time limits and
    SIGKILL still stop them when they must."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


@worker_process_shutdown.connect  # type: ignore[untyped-decorator]  # celery ships no types
def _drop_warm_sandbox_runs(**kwargs: Any) -> None:
    """A pool process going away kills the sandbox runs it kept waiting (they would exit on
    their own when it is gone, but their cgroups and temp dirs are removed here)."""
    from submissions.sandbox import warm

    warm.drain()
