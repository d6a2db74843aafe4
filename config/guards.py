"""Requests no view should ever see: they are answered 400 here, before any parsing.

* a NUL byte in the path or the query string (PostgreSQL cannot store or compare one, so
  it would surface as a 500 wherever the value reaches a query);
* a JSON body nested deeper than MAX_JSON_DEPTH (Python's parser recurses and would raise
  RecursionError: a 500 for a few kilobytes of brackets), for the API and allauth alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

MAX_JSON_DEPTH = 64
# Strings (with escapes) are skipped whole: brackets inside them are text, not nesting.
_TOKENS = re.compile(rb'"(?:\\.|[^"\\])*"|[\[\]{}]')


def json_depth(body: bytes) -> int:
    depth = deepest = 0
    for match in _TOKENS.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def _bad_request(request: HttpRequest, detail: str) -> HttpResponse:
    body = {
        "type": "urn:apprentice:problem:bad_request",
        "title": "Bad Request",
        "status": 400,
        "detail": detail,
        "instance": request.path_info.replace("\x00", ""),
        "code": "bad_request",
    }
    return JsonResponse(body, status=400, content_type="application/problem+json")


class RequestGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            "\x00" in request.path_info
            or "\x00" in request.META.get("QUERY_STRING", "")
            or ("%00" in request.META.get("QUERY_STRING", ""))
        ):
            return _bad_request(request, "The address contains a NUL character.")
        content_type = request.META.get("CONTENT_TYPE", "")
        if "json" in content_type and request.method in ("POST", "PUT", "PATCH"):
            try:
                body = request.body  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE
            except Exception:  # too large: Django answers that itself
                return self.get_response(request)
            if json_depth(body) > MAX_JSON_DEPTH:
                return _bad_request(
                    request, f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels."
                )
        return self.get_response(request)


__all__ = ["MAX_JSON_DEPTH", "RequestGuardMiddleware", "json_depth"]
