"""Liveness and readiness endpoints for load balancers and orchestrators."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

# Each dependency gets this long; the whole answer comes well within 2 s whatever state the
# database or Redis is in (down, restarting, frozen).
CHECK_SECONDS = 1.5


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests; checks nothing else on purpose."""
    return JsonResponse({"status": "ok"})


def _database() -> None:
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET statement_timeout = 1000")
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()


def _broker() -> None:
    url = str(settings.CELERY_BROKER_URL)
    if url.startswith("filesystem"):
        # The local broker is a folder: ready when it exists (or can be made) and is writable.
        folder = Path(str(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]))
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise PermissionError(folder)
        return
    import redis

    client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
    try:
        if not client.ping():
            raise ConnectionError("no PONG")
    finally:
        client.close()


def _run_checks(checks: dict[str, Callable[[], None]]) -> dict[str, str]:
    """Run every check at once, each in its own thread; a check that has not answered by
    the deadline is "timeout" (its thread is left to finish on its own time-outs)."""
    results: dict[str, str] = {}

    def run(name: str, check: Callable[[], None]) -> None:
        try:
            check()
        except Exception as exc:  # any driver error means "not ready"; reported, not hidden
            logger.warning("readiness: %s unreachable: %s", name, exc)
            results[name] = f"fail: {type(exc).__name__}"
        else:
            results[name] = "ok"

    threads = [
        threading.Thread(target=run, args=(name, check), daemon=True)
        for name, check in checks.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(CHECK_SECONDS)
    return {name: results.get(name, "fail: timeout") for name in checks}


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Database and broker reachable → 200; otherwise 503 naming what failed, within 2 s."""
    checks = _run_checks({"database": _database, "broker": _broker})
    ready = all(value == "ok" for value in checks.values())
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": {name: "ok" if value == "ok" else "fail" for name, value in checks.items()},
        "detail": {name: value for name, value in checks.items() if value != "ok"},
        "broker": settings.CELERY_BROKER_URL.split("://", 1)[0],
    }
    response = JsonResponse(body, status=200 if ready else 503)
    if not ready:
        response["Retry-After"] = "5"
    return response
