from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from config import console, health, metrics, pages

admin.site.site_header = "Apprentice staff"
admin.site.site_title = "Apprentice admin"
# Staff sign in through the site's login, with its rate limits and lockout, never through
# the admin's own unthrottled form.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

# The staff console: pages beside the admin, behind its login and staff check.
console_routes = [
    path("", admin.site.admin_view(console.programme_dashboard), name="programme_dashboard"),
    path("turnaround/", admin.site.admin_view(console.review_turnaround), name="review_turnaround"),
]

urlpatterns = [
    path("favicon.ico", pages.favicon, name="favicon"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("admin/programme/", include(console_routes)),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("_allauth/", include("allauth.headless.urls")),
    path("api/v1/", include("config.api_urls")),
    path("mentors/", include("mentors.urls")),
    path("notifications/", include("notifications.urls")),
    path("me/", include("accounts.urls")),
    path("submissions/", include("submissions.urls")),
    path("", include("courses.urls")),
]
