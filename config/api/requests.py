"""Small helpers views share."""

from __future__ import annotations

from rest_framework.request import Request

from accounts.models import User


def request_user(request: Request) -> User:
    """The authenticated user (for views that require authentication)."""
    user = request.user
    assert isinstance(user, User)
    return user
