"""A mentor's comment snippets."""

from __future__ import annotations

from django.db.models import (
    QuerySet,
)

from accounts.models import User
from mentors.models import (
    CommentSnippet,
)


def snippet_list(*, mentor: User) -> QuerySet[CommentSnippet]:
    """The user's own comment snippets, by title (nobody else's, ever)."""
    return CommentSnippet.objects.filter(mentor=mentor).order_by("title", "pk")


def snippet_get(*, mentor: User, snippet_id: int) -> CommentSnippet:
    """One of the user's own snippets. Raises CommentSnippet.DoesNotExist for another
    mentor's (pages and the API answer 404, not confirming it exists)."""
    return snippet_list(mentor=mentor).get(pk=snippet_id)
