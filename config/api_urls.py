"""The versioned API for mobile clients: /api/v1/ (each app contributes its api/urls.py)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
