"""The versioned API for mobile clients: every /api/v1/ address, in one file.

Like cookiecutter-django's api_router, the whole surface of a version is read here, while
each app keeps its views and serializers in its own api/ package. Addresses under one
resource share a prefix list. Authentication itself is allauth's headless API under
/_allauth/app/v1/ (see docs/api.md); the schema and its Swagger UI are public so that
client generators can fetch them."""

from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.api import views as accounts
from config.api.errors import not_found
from courses.api import views as courses
from mentors.api import views as mentors
from notifications.api import views as notifications
from submissions.api import views as submissions

lesson_routes = [
    path("", courses.LessonListView.as_view(), name="lesson-list"),
    path("<slug:slug>/", courses.LessonDetailView.as_view(), name="lesson-detail"),
    path(
        "<slug:slug>/completion/", courses.LessonCompletionView.as_view(), name="lesson-completion"
    ),
]
enrollment_routes = [
    path("", courses.EnrollmentsView.as_view(), name="enrollment-list"),
    path("current/", courses.CurrentEnrollmentView.as_view(), name="enrollment-current"),
    path("switch/", courses.SwitchTrackView.as_view(), name="enrollment-switch"),
]
notification_routes = [
    path("", notifications.NotificationListView.as_view(), name="notification-list"),
    path(
        "unread-count/", notifications.UnreadCountView.as_view(), name="notification-unread-count"
    ),
    path("read-all/", notifications.MarkAllReadView.as_view(), name="notification-read-all"),
    path(
        "<int:notification_id>/read/",
        notifications.MarkReadView.as_view(),
        name="notification-read",
    ),
    path("preferences/", notifications.PreferencesView.as_view(), name="notification-preferences"),
]
capstone_routes = [
    path("", mentors.CapstoneView.as_view(), name="capstone"),
    path("start/", mentors.CapstoneStartView.as_view(), name="capstone-start"),
    path("versions/", mentors.CapstoneUploadView.as_view(), name="capstone-upload"),
    path("rounds/", mentors.CapstoneRoundListView.as_view(), name="capstone-rounds"),
]
round_routes = [
    path("", mentors.RoundDetailView.as_view(), name="round-detail"),
    path("messages/", mentors.RoundMessageView.as_view(), name="round-messages"),
    path("comments/", mentors.RoundCommentView.as_view(), name="round-comments"),
    path("decision/", mentors.RoundDecisionView.as_view(), name="round-decision"),
]
feedback_routes = [
    path("", mentors.FeedbackDetailView.as_view(), name="feedback-detail"),
    path("messages/", mentors.FeedbackMessageView.as_view(), name="feedback-messages"),
    path("comments/", mentors.FeedbackCommentView.as_view(), name="feedback-comments"),
    path("resolve/", mentors.FeedbackResolveView.as_view(), name="feedback-resolve"),
]
mentor_routes = [
    path("feedback/", mentors.MentorFeedbackListView.as_view(), name="mentor-feedback"),
    path("mentees/", mentors.MenteeListView.as_view(), name="mentor-mentees"),
    path("queue/", mentors.ReviewQueueView.as_view(), name="mentor-queue"),
    path("snippets/", mentors.SnippetListView.as_view(), name="mentor-snippets"),
    path(
        "snippets/<int:snippet_id>/",
        mentors.SnippetDetailView.as_view(),
        name="mentor-snippet-detail",
    ),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("me/", accounts.MeView.as_view(), name="me"),
    # The programme and the learner's plan.
    path("programme/", courses.ProgramView.as_view(), name="programme"),
    path("phases/", courses.PhaseListView.as_view(), name="phase-list"),
    path("phases/<int:number>/", courses.PhaseDetailView.as_view(), name="phase-detail"),
    path("tracks/", courses.TrackListView.as_view(), name="track-list"),
    path("tracks/<slug:slug>/", courses.TrackDetailView.as_view(), name="track-detail"),
    path("lessons/", include(lesson_routes)),
    path("exercises/", courses.ExerciseListView.as_view(), name="exercise-list"),
    path("exercises/<slug:slug>/", courses.ExerciseDetailView.as_view(), name="exercise-detail"),
    path("enrollments/", include(enrollment_routes)),
    path("progress/", courses.ProgressView.as_view(), name="progress"),
    # Grading.
    path("submissions/", submissions.SubmissionsView.as_view(), name="submission-list"),
    path(
        "submissions/<int:submission_id>/",
        submissions.SubmissionDetailView.as_view(),
        name="submission-detail",
    ),
    # Reminders and practice.
    path("notifications/", include(notification_routes)),
    path("streak/", notifications.StreakView.as_view(), name="streak"),
    path("heatmap/", notifications.HeatmapView.as_view(), name="heatmap"),
    # Mentorship.
    path("capstone/", include(capstone_routes)),
    path("rounds/<int:round_id>/", include(round_routes)),
    path("feedback/", mentors.FeedbackListView.as_view(), name="feedback-list"),
    path("feedback/<int:request_id>/", include(feedback_routes)),
    path("mentor/", include(mentor_routes)),
    path(
        "certificates/<str:code>/",
        mentors.CertificateVerifyView.as_view(),
        name="certificate-verify",
    ),
    # Last: any other address under /api/v1/ answers 404 in the API's problem format.
    re_path(r"^(?P<unmatched>.*)$", not_found, name="api-not-found"),
]
