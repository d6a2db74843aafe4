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
    path("feedback/", views.FeedbackListView.as_view(), name="feedback-list"),
    path("feedback/<int:request_id>/", views.FeedbackDetailView.as_view(), name="feedback-detail"),
    path(
        "feedback/<int:request_id>/messages/",
        views.FeedbackMessageView.as_view(),
        name="feedback-messages",
    ),
    path(
        "feedback/<int:request_id>/comments/",
        views.FeedbackCommentView.as_view(),
        name="feedback-comments",
    ),
    path(
        "feedback/<int:request_id>/resolve/",
        views.FeedbackResolveView.as_view(),
        name="feedback-resolve",
    ),
    path("mentor/feedback/", views.MentorFeedbackListView.as_view(), name="mentor-feedback"),
    path("mentor/mentees/", views.MenteeListView.as_view(), name="mentor-mentees"),
    path("mentor/queue/", views.ReviewQueueView.as_view(), name="mentor-queue"),
    path("mentor/snippets/", views.SnippetListView.as_view(), name="mentor-snippets"),
    path(
        "mentor/snippets/<int:snippet_id>/",
        views.SnippetDetailView.as_view(),
        name="mentor-snippet-detail",
    ),
    path(
        "certificates/<str:code>/",
        views.CertificateVerifyView.as_view(),
        name="certificate-verify",
    ),
]
