"""One error format for the whole API: RFC 9457 problem details (`application/problem+json`).

Every DRF error, every `ApplicationError` (status from `exc.status`), Django's Http404 and
PermissionDenied, throttling and unhandled exceptions pass through `problem_exception_handler`,
the only place exceptions become HTTP responses. Validation errors carry `errors`
(field → messages); nothing ever carries a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, DataError, IntegrityError, InterfaceError
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from config.errors import ApplicationError

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = 5
TYPE_PREFIX = "urn:apprentice:problem:"

# DRF error codes → our problem codes where the generic name says more to a client.
_CODE_BY_EXCEPTION: dict[type[exceptions.APIException], str] = {
    exceptions.ValidationError: "validation_error",
    exceptions.ParseError: "parse_error",
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.PermissionDenied: "permission_denied",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.Throttled: "throttled",
}


def problem(
    *,
    status_code: int,
    code: str,
    detail: str,
    instance: str = "",
    errors: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The body of a problem-details response."""
    body: dict[str, Any] = {
        "type": f"{TYPE_PREFIX}{code}",
        "title": HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
        "instance": instance,
        "code": code,
    }
    if errors:
        body["errors"] = {field: list(messages) for field, messages in errors.items()}
    return body


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error details → {"field" or "field.0.path": [messages]}."""
    flat: dict[str, list[str]] = {}
    if isinstance(detail, Mapping):
        for key, value in detail.items():
            name = "non_field_errors" if key == "non_field_errors" else str(key)
            for sub_key, messages in _flatten(value, f"{prefix}{name}.").items():
                flat.setdefault(sub_key, []).extend(messages)
    elif isinstance(detail, list) and detail and not all(isinstance(d, str) for d in detail):
        for index, value in enumerate(detail):
            for sub_key, messages in _flatten(value, f"{prefix}{index}.").items():
                flat.setdefault(sub_key, []).extend(messages)
    elif isinstance(detail, list):
        flat[prefix.rstrip(".") or "non_field_errors"] = [str(d) for d in detail]
    elif detail not in (None, "", {}):
        flat[prefix.rstrip(".") or "non_field_errors"] = [str(detail)]
    return flat


def problem_response(body: dict[str, Any], *, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        body,
        status=body["status"],
        content_type=PROBLEM_CONTENT_TYPE,
        headers=dict(headers or {}),
    )


def _instance(context: Mapping[str, Any]) -> str:
    request = context.get("request")
    return str(request.path) if request is not None else ""


def problem_exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: every exception raised in an API view ends here."""
    instance = _instance(context)
    headers: dict[str, str] = {}
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        # A model's full_clean() in a service: the same 400 as a serializer's.
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )

    if isinstance(exc, ApplicationError):
        field_errors: dict[str, list[str]] = getattr(exc, "field_errors", {}) or {}
        body = problem(
            status_code=exc.status,
            code=exc.code,
            detail=exc.message,
            instance=instance,
            errors=field_errors,
        )
        if exc.status == status.HTTP_429_TOO_MANY_REQUESTS:
            headers["Retry-After"] = "60"
    elif isinstance(exc, exceptions.APIException):
        code = _CODE_BY_EXCEPTION.get(type(exc), "")
        if not code:
            default = exc.get_codes()
            code = default if isinstance(default, str) else "error"
        if isinstance(exc, exceptions.ValidationError):
            body = problem(
                status_code=exc.status_code,
                code=code,
                detail="The request has invalid fields; see `errors`.",
                instance=instance,
                errors=_flatten(exc.detail),
            )
        else:
            body = problem(
                status_code=exc.status_code, code=code, detail=str(exc.detail), instance=instance
            )
        wait = getattr(exc, "wait", None)
        if isinstance(exc, exceptions.Throttled) and wait is not None:
            headers["Retry-After"] = str(max(1, round(wait)))
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            # Clients authenticate with allauth's headless session token.
            headers["WWW-Authenticate"] = 'X-Session-Token realm="api"'
    elif isinstance(exc, DatabaseError | InterfaceError) and not isinstance(
        exc, DataError | IntegrityError
    ):
        # The database is away (restarting, failing over): a client should try again soon.
        logger.error("database unavailable in %s: %s", instance, exc)
        body = problem(
            status_code=503,
            code="service_unavailable",
            detail="The service is briefly unavailable; try again in a few seconds.",
            instance=instance,
        )
        headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        logger.error("unhandled error in %s", instance, exc_info=exc)
        body = problem(
            status_code=500,
            code="server_error",
            detail="Something went wrong on our side; it has been logged.",
            instance=instance,
        )
    set_rollback()
    return problem_response(body, headers=headers)


def not_found(request: HttpRequest, unmatched: str = "") -> JsonResponse:
    """A URL under /api/v1/ that names no endpoint: the same problem format as the rest."""
    body = problem(
        status_code=404,
        code="not_found",
        detail="No endpoint at this address.",
        instance=request.path,
    )
    return JsonResponse(body, status=404, content_type=PROBLEM_CONTENT_TYPE)
