"""Comment snippets: comments a mentor saves once and reuses in review rounds and feedback
requests. A snippet is its mentor's alone: every write checks the owner, and a snippet used
in a comment must be the author's own.

At most COMMENT_SNIPPETS_MAX per mentor; creating locks the mentor's user row so two
requests cannot both take the last place. Titles are unique per mentor (a constraint; the
error says so)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from accounts.models import User
from mentors.errors import PermissionDeniedError, SnippetError, SnippetLimitError
from mentors.models import CommentSnippet

logger = logging.getLogger("apprentice.mentors")

_TITLE_TAKEN = "You already have a snippet with this title; pick another."


def _cleaned(*, title: str, body: str) -> tuple[str, str]:
    title, body = title.strip(), body.strip()
    if not title:
        raise SnippetError("Give the snippet a title.")
    if not body:
        raise SnippetError("Write the snippet's text.")
    return title, body


def _require_owner(*, snippet: CommentSnippet, mentor: User) -> None:
    if snippet.mentor_id != mentor.pk:
        raise PermissionDeniedError("This snippet is not yours.")


def _saved(snippet: CommentSnippet) -> CommentSnippet:
    """Save `snippet`; a title the mentor already uses is a SnippetError."""
    try:
        with transaction.atomic():
            snippet.save()
    except IntegrityError as exc:
        raise SnippetError(_TITLE_TAKEN) from exc
    return snippet


@transaction.atomic
def snippet_create(*, mentor: User, title: str, body: str) -> CommentSnippet:
    """A new snippet of `mentor` (a mentor; up to COMMENT_SNIPPETS_MAX each, unique titles)."""
    if not mentor.is_mentor:
        raise PermissionDeniedError("Only mentors keep comment snippets.")
    title, body = _cleaned(title=title, body=body)
    User.objects.select_for_update().filter(pk=mentor.pk).first()
    if CommentSnippet.objects.filter(mentor=mentor).count() >= settings.COMMENT_SNIPPETS_MAX:
        raise SnippetLimitError(
            f"You have {settings.COMMENT_SNIPPETS_MAX} snippets, the most you can keep; "
            "delete one you no longer use."
        )
    snippet = _saved(CommentSnippet(mentor=mentor, title=title, body=body))
    logger.info("comment snippet %s created by %s", snippet.pk, mentor.pk)
    return snippet


@transaction.atomic
def snippet_update(
    *, snippet: CommentSnippet, mentor: User, title: str, body: str
) -> CommentSnippet:
    """New title and text for the mentor's own snippet (its use count is kept)."""
    _require_owner(snippet=snippet, mentor=mentor)
    snippet.title, snippet.body = _cleaned(title=title, body=body)
    return _saved(snippet)


@transaction.atomic
def snippet_delete(*, snippet: CommentSnippet, mentor: User) -> None:
    """Delete the mentor's own snippet; comments it filled in keep their text."""
    _require_owner(snippet=snippet, mentor=mentor)
    snippet.delete()
    logger.info("comment snippet %s deleted by %s", snippet.pk, mentor.pk)


def snippet_comment_text(*, author: User, body: str, snippet: CommentSnippet | None) -> str:
    """The text of a comment `author` writes: what they typed, or, when they typed nothing,
    the body of the snippet they picked. A picked snippet (their own only) counts one use.
    Runs inside the caller's transaction, so a refused comment counts no use."""
    text = body.strip()
    if snippet is None:
        return text
    _require_owner(snippet=snippet, mentor=author)
    CommentSnippet.objects.filter(pk=snippet.pk).update(use_count=F("use_count") + 1)
    return text or snippet.body
