from django.urls import URLPattern, path

from submissions.api import views

urlpatterns: list[URLPattern] = [
    path("submissions/", views.SubmissionsView.as_view(), name="submission-list"),
    path(
        "submissions/<int:submission_id>/",
        views.SubmissionDetailView.as_view(),
        name="submission-detail",
    ),
]
