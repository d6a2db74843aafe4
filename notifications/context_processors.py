from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from accounts.models import User
from notifications import selectors


def inbox(request: HttpRequest) -> dict[str, object]:
    """`unread_notifications` for the header; lazy, so pages that don't show it pay nothing."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: selectors.notification_unread_count(recipient=user)
        )
    }
