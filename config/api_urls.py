"""The versioned API for mobile clients: /api/v1/ (each app contributes its api/urls.py).

Authentication itself is allauth's headless API under /_allauth/app/v1/ (see docs/api.md);
the schema and its Swagger UI are public so that client generators can fetch them."""

from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.api.errors import not_found

urlpatterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("accounts.api.urls")),
    path("", include("courses.api.urls")),
    path("", include("submissions.api.urls")),
    path("", include("notifications.api.urls")),
    path("", include("mentors.api.urls")),
    # Last: any other address under /api/v1/ answers 404 in the API's problem format.
    re_path(r"^(?P<unmatched>.*)$", not_found, name="api-not-found"),
]
