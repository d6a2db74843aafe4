from django.urls import URLPattern, path

from notifications.api import views

urlpatterns: list[URLPattern] = [
    path("notifications/", views.NotificationListView.as_view(), name="notification-list"),
    path(
        "notifications/unread-count/",
        views.UnreadCountView.as_view(),
        name="notification-unread-count",
    ),
    path("notifications/read-all/", views.MarkAllReadView.as_view(), name="notification-read-all"),
    path(
        "notifications/<int:notification_id>/read/",
        views.MarkReadView.as_view(),
        name="notification-read",
    ),
    path(
        "notifications/preferences/",
        views.PreferencesView.as_view(),
        name="notification-preferences",
    ),
    path("streak/", views.StreakView.as_view(), name="streak"),
    path("heatmap/", views.HeatmapView.as_view(), name="heatmap"),
]
