"""Headers every response gets: a Content-Security-Policy with no inline script, and
`Cache-Control: private, no-store` with `Vary` on anything personal."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

# Scripts only from our own origin (the poll and print scripts, Swagger UI's files): no
# inline script, no eval. Inline style *attributes* stay allowed (progress bars, widths);
# they cannot run code.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def _personal(request: HttpRequest) -> bool:
    """The answer may depend on who asks: a session cookie or an app session token."""
    return bool(
        request.COOKIES.get(settings.SESSION_COOKIE_NAME) or request.headers.get("X-Session-Token")
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if _personal(request) and not request.path.startswith(settings.STATIC_URL):
            if "Cache-Control" not in response.headers:
                response["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ("Cookie", "X-Session-Token"))
        return response
