"""Notifications: the inbox, preferences and the public unsubscribe link."""

from django.urls import URLPattern, URLResolver, path

from notifications import views

app_name = "notifications"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/read/", views.mark_read, name="mark-read"),
    path("read-all/", views.mark_all_read, name="mark-all-read"),
    path("preferences/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
