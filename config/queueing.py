"""Publishing Celery tasks from services, and asking the broker what is still waiting."""

from __future__ import annotations

import ast
import base64
import contextvars
import datetime
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from config.observability import TASK_PUBLISHED_AT_HEADER

logger = logging.getLogger(__name__)

# How far a sweeper reads into a queue; beyond this it treats every row as still waiting.
MAX_INSPECTED = 200_000


def _transient_errors() -> tuple[type[BaseException], ...]:
    from django.db import InterfaceError, OperationalError
    from kombu.exceptions import OperationalError as BrokerError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return (OperationalError, InterfaceError, BrokerError, RedisConnectionError, RedisTimeoutError)


# Errors a task retries with backoff: the database or the broker is away for a moment.
TRANSIENT_ERRORS = _transient_errors()
RETRY_POLICY: dict[str, Any] = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
}


def publish_on_commit(task: Any, *args: Any) -> None:
    """`task.delay(*args)` once the current transaction commits — never before the rows the
    task reads exist. A broker outage is logged, not raised: the work is already recorded in
    the database, and each app's beat sweeper publishes what is still waiting."""

    def publish() -> None:
        try:
            task.delay(*args)
        except Exception:  # any transport error; the sweeper retries, the request succeeds
            logger.exception("could not publish %s%r; its sweeper will retry", task.name, args)

    # The message carries the ids of the request that asked for the work, even when the
    # commit comes after that request's context is gone (an outer block, a test harness).
    context = contextvars.copy_context()
    transaction.on_commit(lambda: context.run(publish))


def _first_arg(message: dict[str, Any], task_name: str) -> Any:
    headers = message.get("headers") or {}
    if headers.get("task") != task_name:
        return None
    try:
        args = ast.literal_eval(headers.get("argsrepr") or "()")
    except (ValueError, SyntaxError):
        try:
            args = json.loads(base64.b64decode(message.get("body", "")))[0]
        except (ValueError, TypeError, IndexError):
            return None
    return args[0] if isinstance(args, tuple | list) and args else None


def _redis_messages(queue: str) -> Iterator[dict[str, Any]] | None:
    from config.celery_app import app as celery_app

    try:
        with celery_app.connection_for_read() as connection:
            client = connection.default_channel.client
            messages: list[dict[str, Any]] = []
            length = int(client.llen(queue))
            for start in range(0, min(length, MAX_INSPECTED), 1000):
                messages.extend(json.loads(raw) for raw in client.lrange(queue, start, start + 999))

            # Delivered to a worker but not acknowledged (running, or waiting for a retry).
            for raw in client.hvals("unacked"):
                payload = json.loads(raw)
                if isinstance(payload, list) and payload and isinstance(payload[0], dict):
                    messages.append(payload[0])
            return iter(messages)
    except Exception as exc:  # the broker is down or answers nonsense: cannot tell
        logger.warning("could not inspect queue %s: %s", queue, exc)
        return None


def _filesystem_messages(queue: str) -> Iterator[dict[str, Any]] | None:
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    folder = Path(str(options.get("data_folder_in", "")))
    if not folder.is_dir():
        return None
    messages = []
    for path in list(folder.glob(f"*.{queue}.msg"))[:MAX_INSPECTED]:
        try:
            messages.append(json.loads(path.read_text()))
        except (OSError, ValueError):
            continue  # taken by a worker while we looked
    return iter(messages)


def waiting_arguments(task_name: str, queue: str) -> set[Any] | None:
    """First arguments of the `task_name` messages the broker still holds on `queue`
    (waiting, or delivered and not acknowledged); None when the broker cannot be asked.
    Sweepers use it to re-publish only what was really lost."""
    url = str(settings.CELERY_BROKER_URL)
    if url.startswith("redis"):
        messages = _redis_messages(queue)
    elif url.startswith("filesystem"):
        messages = _filesystem_messages(queue)
    else:
        return None
    if messages is None:
        return None
    found = set()
    for message in messages:
        arg = _first_arg(message, task_name)
        if arg is not None:
            found.add(arg)
    return found


@dataclass(frozen=True)
class QueueDepth:
    """Messages waiting on one queue (not yet delivered to a worker), and when the oldest of
    them was published (None: empty, or sent before messages carried the time)."""

    queue: str
    waiting: int
    oldest_published_at: datetime.datetime | None


def queue_names() -> list[str]:
    """Every queue a task is routed to, the default one included, sorted."""
    routed = {str(route["queue"]) for route in settings.CELERY_TASK_ROUTES.values()}
    return sorted(routed | {str(settings.CELERY_TASK_DEFAULT_QUEUE)})


def _published_at(message: dict[str, Any]) -> datetime.datetime | None:
    stamp = (message.get("headers") or {}).get(TASK_PUBLISHED_AT_HEADER)
    if not isinstance(stamp, int | float):
        return None
    return datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)


def _redis_depths(queues: list[str]) -> list[QueueDepth]:
    import redis

    client = redis.Redis.from_url(
        str(settings.CELERY_BROKER_URL), socket_timeout=1, socket_connect_timeout=1
    )
    try:
        depths = []
        for queue in queues:
            waiting = int(client.llen(queue))
            # Producers LPUSH and workers BRPOP: the oldest message is the last element.
            raw = client.lindex(queue, -1) if waiting else None
            oldest = _published_at(json.loads(raw)) if raw else None
            depths.append(QueueDepth(queue=queue, waiting=waiting, oldest_published_at=oldest))
        return depths
    finally:
        client.close()


def _filesystem_depths(queues: list[str]) -> list[QueueDepth]:
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    folder = Path(str(options.get("data_folder_in", "")))
    depths = []
    for queue in queues:
        times = []
        for path in folder.glob(f"*.{queue}.msg"):
            try:
                times.append(path.stat().st_mtime)
            except OSError:
                continue  # taken by a worker while we looked
        oldest = datetime.datetime.fromtimestamp(min(times), tz=datetime.UTC) if times else None
        depths.append(QueueDepth(queue=queue, waiting=len(times), oldest_published_at=oldest))
    return depths


def queue_depths() -> list[QueueDepth] | None:
    """Waiting messages per queue (Redis: list length; filesystem broker: message files);
    None when the broker cannot be asked. Bounded: one-second timeouts on Redis."""
    url = str(settings.CELERY_BROKER_URL)
    try:
        if url.startswith("redis"):
            return _redis_depths(queue_names())
        if url.startswith("filesystem"):
            return _filesystem_depths(queue_names())
    except Exception as exc:  # the broker is down or answers nonsense: cannot tell
        logger.warning("could not read queue depths: %s", exc)
    return None


def workers_alive(*, timeout: float = 1.0) -> list[str] | None:
    """Names of the workers that answered a ping within `timeout` seconds (waits that long);
    None when the broker cannot be asked."""
    from config.celery_app import app as celery_app

    try:
        replies = celery_app.control.inspect(timeout=timeout).ping() or {}
    except Exception as exc:  # broker down: cannot tell who is alive
        logger.warning("could not ping workers: %s", exc)
        return None
    return sorted(replies)
