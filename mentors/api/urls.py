from django.urls import URLPattern, path

from mentors.api import views

urlpatterns: list[URLPattern] = [
    path("capstone/", views.CapstoneView.as_view(), name="capstone"),
    path("capstone/start/", views.CapstoneStartView.as_view(), name="capstone-start"),
    path("capstone/versions/", views.CapstoneUploadView.as_view(), name="capstone-upload"),
    path("capstone/rounds/", views.CapstoneRoundListView.as_view(), name="capstone-rounds"),
    path("rounds/<int:round_id>/", views.RoundDetailView.as_view(), name="round-detail"),
    path(
        "rounds/<int:round_id>/messages/", views.RoundMessageView.as_view(), name="round-messages"
    ),
    path(
        "rounds/<int:round_id>/comments/", views.RoundCommentView.as_view(), name="round-comments"
    ),
    path(
        "rounds/<int:round_id>/decision/",
        views.RoundDecisionView.as_view(),
        name="round-decision",
    ),
    path("mentor/mentees/", views.MenteeListView.as_view(), name="mentor-mentees"),
    path("mentor/queue/", views.ReviewQueueView.as_view(), name="mentor-queue"),
    path(
        "certificates/<str:code>/",
        views.CertificateVerifyView.as_view(),
        name="certificate-verify",
    ),
]
