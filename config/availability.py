"""When the database is away, pages answer 503 with Retry-After instead of a 500."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError, DataError, IntegrityError, InterfaceError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """A connection error (not a bad query: those are bugs and stay 500s) becomes a 503 page
    that says to try again; the API has the same rule in its exception handler."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DatabaseError | InterfaceError) or isinstance(
            exception, DataError | IntegrityError
        ):
            return None
        logger.error("database unavailable for %s: %s", request.path, exception)
        body = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
