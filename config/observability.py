"""Request and submission ids on every log line.

The ids live in context variables so that code far from the request (services, the
sandbox runner, Celery tasks) logs them without passing them around.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar, Token
from typing import Any

from django.http import HttpRequest, HttpResponse

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
submission_id_var: ContextVar[str] = ContextVar("submission_id", default="-")

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
REQUEST_ID_HEADER = "X-Request-ID"


class ContextFilter(logging.Filter):
    """Adds request_id and submission_id to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.submission_id = submission_id_var.get()
        return True


class RequestIdMiddleware:
    """Takes a well-formed incoming X-Request-ID (from a proxy) or makes one, and echoes it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


@contextlib.contextmanager
def submission_context(submission_id: int | str) -> Iterator[None]:
    token = submission_id_var.set(str(submission_id))
    try:
        yield
    finally:
        submission_id_var.reset(token)


# Celery messages carry the id of the request that queued them (and when they were
# published, for the age of the oldest waiting task); a worker logs under that id.
TASK_REQUEST_ID_HEADER = "apprentice_request_id"
TASK_PUBLISHED_AT_HEADER = "apprentice_published_at"
_task_tokens: dict[str, Token[str]] = {}


def task_headers_add(headers: dict[str, Any] | None) -> None:
    """`before_task_publish`: stamp the current request id and the publish time."""
    if headers is None:  # protocol 1 messages have none; ours are protocol 2
        return
    request_id = request_id_var.get()
    if request_id != "-":
        headers.setdefault(TASK_REQUEST_ID_HEADER, request_id)
    headers.setdefault(TASK_PUBLISHED_AT_HEADER, time.time())


def task_request_id(task_request: Any) -> str | None:
    """The request id a task's message carries (a worker's request, or `apply(headers=…)`)."""
    custom = getattr(task_request, "headers", None) or {}
    value = custom.get(TASK_REQUEST_ID_HEADER) or getattr(
        task_request, TASK_REQUEST_ID_HEADER, None
    )
    return str(value) if value and _SAFE_ID.match(str(value)) else None


def task_context_enter(task_id: str, task_request: Any) -> None:
    """`task_prerun`: log under the queuing request's id for the task's duration."""
    request_id = task_request_id(task_request)
    if request_id is not None:
        _task_tokens[task_id] = request_id_var.set(request_id)


def task_context_exit(task_id: str) -> None:
    """`task_postrun`: back to the worker's own context."""
    token = _task_tokens.pop(task_id, None)
    if token is None:
        return
    try:
        request_id_var.reset(token)
    except ValueError:  # a pool that ran prerun in another context: just clear it
        request_id_var.set("-")
