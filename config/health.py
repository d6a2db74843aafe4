"""Liveness and readiness endpoints for load balancers and orchestrators."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.celery_app import app as celery_app

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests; checks nothing else on purpose."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "not ready"; reported, not hidden
        logger.warning("readiness: database unreachable: %s", exc)
        return f"database: {exc.__class__.__name__}"
    return None


def _broker_ok() -> str | None:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # same: any transport error means "not ready"
        logger.warning("readiness: broker unreachable: %s", exc)
        return f"broker: {exc.__class__.__name__}"
    return None


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Database and broker reachable → 200; otherwise 503 naming what failed."""
    problems = [p for p in (_database_ok(), _broker_ok()) if p]
    body = {
        "status": "ok" if not problems else "unavailable",
        "checks": {
            "database": "ok" if not any(p.startswith("database") for p in problems) else "fail",
            "broker": "ok" if not any(p.startswith("broker") for p in problems) else "fail",
        },
        "broker": settings.CELERY_BROKER_URL.split("://", 1)[0],
    }
    return JsonResponse(body, status=503 if problems else 200)
