"""The one way a view (page or API) gets its signed-in user, and the one way it turns a
selector's "not yours or not there" into a 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from accounts.models import User

_T = TypeVar("_T")


def request_user(request: HttpRequest | Request) -> User:
    """The authenticated user, for views that require authentication (login_required or
    IsAuthenticated has already turned anonymous requests away)."""
    user = request.user
    assert isinstance(user, User)
    return user


def found_or_404(lookup: Callable[..., _T], missing: str, **criteria: Any) -> _T:
    """`lookup(**criteria)`, a selector that raises its model's DoesNotExist for a row the
    user may not see; that becomes a 404 (pages and API alike) that does not confirm the row
    exists."""
    try:
        return lookup(**criteria)
    except ObjectDoesNotExist as exc:
        raise Http404(missing) from exc
