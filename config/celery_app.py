"""The Celery application: configuration comes from Django settings (CELERY_* names)."""

import os
import signal
from typing import Any

from celery import Celery
from celery.signals import (
    before_task_publish,
    task_postrun,
    task_prerun,
    worker_process_init,
    worker_process_shutdown,
)

from config import observability

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


@before_task_publish.connect  # type: ignore[untyped-decorator]  # celery ships no types
def _stamp_request_id(headers: dict[str, Any] | None = None, **kwargs: Any) -> None:
    """Every message carries the id of the request that queued it, and when it was sent."""
    observability.task_headers_add(headers)


@task_prerun.connect  # type: ignore[untyped-decorator]  # celery ships no types
def _enter_request_id(task_id: str = "", task: Any = None, **kwargs: Any) -> None:
    if task is not None:
        observability.task_context_enter(task_id, task.request)


@task_postrun.connect  # type: ignore[untyped-decorator]  # celery ships no types
def _leave_request_id(task_id: str = "", **kwargs: Any) -> None:
    observability.task_context_exit(task_id)
