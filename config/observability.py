"""Request and submission ids on every log line.

The ids live in context variables so that code far from the request (services, the
sandbox runner, Celery tasks) logs them without passing them around.
"""

from __future__ import annotations

import contextlib
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar

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
