from django.urls import path

from submissions import views

app_name = "submissions"
urlpatterns = [
    path("", views.history, name="history"),
    path("exercise/<slug:slug>/", views.create, name="create"),
    path("exercise/<slug:slug>/draft/", views.draft, name="draft"),
    path("<int:submission_id>/", views.detail, name="detail"),
    path("<int:submission_id>/status/", views.status_fragment, name="status"),
]
