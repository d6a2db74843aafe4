from django.urls import path

from courses import views

app_name = "courses"
urlpatterns = [
    path("", views.home, name="home"),
    path("tracks/", views.catalog, name="catalog"),
    path("tracks/<slug:slug>/", views.track_detail, name="track"),
    path("tracks/<slug:slug>/enroll/", views.enroll, name="enroll"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("phases/<int:number>/", views.phase_detail, name="phase"),
    path("lessons/<slug:slug>/", views.lesson_detail, name="lesson"),
    path("lessons/<slug:slug>/done/", views.lesson_mark, name="lesson-mark"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    path("exercises/<slug:slug>/starter.zip", views.starter_download, name="starter"),
]
