from django.urls import URLPattern, path

from courses.api import views

urlpatterns: list[URLPattern] = [
    path("programme/", views.ProgramView.as_view(), name="programme"),
    path("phases/", views.PhaseListView.as_view(), name="phase-list"),
    path("phases/<int:number>/", views.PhaseDetailView.as_view(), name="phase-detail"),
    path("tracks/", views.TrackListView.as_view(), name="track-list"),
    path("tracks/<slug:slug>/", views.TrackDetailView.as_view(), name="track-detail"),
    path("lessons/", views.LessonListView.as_view(), name="lesson-list"),
    path("lessons/<slug:slug>/", views.LessonDetailView.as_view(), name="lesson-detail"),
    path(
        "lessons/<slug:slug>/completion/",
        views.LessonCompletionView.as_view(),
        name="lesson-completion",
    ),
    path("exercises/", views.ExerciseListView.as_view(), name="exercise-list"),
    path("exercises/<slug:slug>/", views.ExerciseDetailView.as_view(), name="exercise-detail"),
    path("enrollments/", views.EnrollmentsView.as_view(), name="enrollment-list"),
    path(
        "enrollments/current/",
        views.CurrentEnrollmentView.as_view(),
        name="enrollment-current",
    ),
    path("enrollments/switch/", views.SwitchTrackView.as_view(), name="enrollment-switch"),
    path("progress/", views.ProgressView.as_view(), name="progress"),
]
