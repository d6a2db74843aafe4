"""Small site-wide pages: the favicon at the address browsers ask for, and the site's own
404 page during local development (DEBUG)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static

# Paths whose 404s are not pages: the API answers problem documents, static files plain text.
_NOT_PAGES = ("/api/", "/_allauth/", "/healthz", "/readyz")


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers request whatever the page links: the static icon."""
    response = HttpResponseRedirect(static("favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


class SiteNotFoundPageMiddleware:
    """With DEBUG on (local development), Django answers a 404 with its technical page; a
    learner trying the site locally should see the site's page, as in production. The
    developer keeps the reason, printed on the page in a note (DEBUG only) and logged by
    runserver as usual. 500s keep Django's debug page: the traceback is what a developer
    needs there (`DJANGO_DEBUG=false make run` shows the site's 500 page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "site_page", False)
            and not request.path.startswith((*_NOT_PAGES, settings.STATIC_URL))
        ):
            reason = getattr(request, "not_found_reason", "") or (
                f"no URL pattern matches {request.path}"
            )
            page = render(request, "404.html", {"debug_reason": reason}, status=404)
            page.site_page = True  # type: ignore[attr-defined]
            return page
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, Http404):
            request.not_found_reason = str(exception) or "Http404"  # type: ignore[attr-defined]
