"""The one way a view (page or API) gets its signed-in user."""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework.request import Request

from accounts.models import User


def request_user(request: HttpRequest | Request) -> User:
    """The authenticated user, for views that require authentication (login_required or
    IsAuthenticated has already turned anonymous requests away)."""
    user = request.user
    assert isinstance(user, User)
    return user
