from django.urls import URLPattern, path

from accounts.api import views

urlpatterns: list[URLPattern] = [
    path("me/", views.MeView.as_view(), name="me"),
]
