"""Celery tasks of the accounts app."""

from __future__ import annotations

from importlib import import_module

from celery import shared_task
from django.conf import settings


@shared_task(  # type: ignore[untyped-decorator]
    name="accounts.clear_sessions", soft_time_limit=250, time_limit=300
)
def clear_sessions() -> str:
    """Retention (beat, daily): expired sessions, as `manage.py clearsessions` does."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    return "done"
